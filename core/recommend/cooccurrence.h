#pragma once

#include "catalog/catalog.h"

#include <span>
#include <utility>
#include <vector>

namespace encore {

// What people put together: item-item and artist-artist co-occurrence over every playlist in the
// library, kept as sparse playlist incidence matrices and read one seed row at a time.
//
// Each playlist p counts with weight w_p = 1 / log2(1 + |p|), so a 1,000-track dump says less
// about any one pair than a 20-track mix. Two tracks (or artists) go together by the weighted
// cosine of their playlist sets,
//   sim(a, b) = Σ_{p ∋ a, b} w_p / sqrt(f(a) f(b)),   f(t) = Σ_{p ∋ t} w_p,
// so a track found in every playlist is not close to everything.
//
// A playlist longer than kLongestPlaylist, Spotify's own limit, is not one a person made but a
// catalog file's list of its songs (see CatalogImporter): it says nothing of what goes together,
// and a seed in it would walk every one of its tracks, so it counts as empty.
//
// Every query takes a playlist to leave out (or -1): it then counts neither in the pairs nor in
// the frequencies, exactly as if it were not in the library. The evaluation uses this to hide
// the playlist a seed was drawn from. Immutable once built; safe to share across threads.
class Cooccurrence {
public:
    static constexpr std::size_t kLongestPlaylist = 10'000;

    // Which items (tracks, artists, playlists) each of a set holds, as compressed rows: item i
    // holds members[starts[i] .. starts[i + 1]), ascending and each once.
    struct Incidence {
        ValueColumn<std::int32_t> starts;
        ValueColumn<std::int32_t> members;

        int size() const { return starts.empty() ? 0 : static_cast<int>(starts.size() - 1); }
        std::span<const std::int32_t> of(int item) const
        {
            return compressedRow(starts, members, static_cast<std::size_t>(item));
        }
    };
    // Everything the constructor works out of a catalog, as flat columns, for the ranking cache
    // (rankingcache.h).
    struct Columns {
        Incidence tracksOfPlaylist;
        Incidence artistsOfPlaylist;
        Incidence playlistsOfTrack;  // the transposes
        Incidence playlistsOfArtist;
        ValueColumn<float> playlistWeights;    // w_p
        ValueColumn<float> trackFrequencies;   // f(t) over all playlists
        ValueColumn<float> artistFrequencies;  // f(a) over all playlists
    };

    Cooccurrence() = default;
    explicit Cooccurrence(const Catalog &catalog);
    // From columns built for this catalog earlier; the caller has checked fits().
    Cooccurrence(const Catalog &catalog, Columns columns);
    // Whether `columns` could have been built from `catalog`: sizes agree and every member named
    // lies inside it.
    static bool fits(const Columns &columns, const Catalog &catalog);
    const Columns &columns() const { return m_columns; }

    int trackCount() const { return m_columns.playlistsOfTrack.size(); }
    int artistCount() const { return m_columns.playlistsOfArtist.size(); }
    // The primary artist's index, or -1 for a track without artists.
    int artistOf(int row) const
    {
        const auto artists = compressedRow(m_artistStarts, m_artistKeys, static_cast<std::size_t>(row));
        return artists.empty() ? -1 : artists.front();
    }

    // Appends (t, weight · sim(seedRow, t)) for every track t sharing a playlist with the seed
    // (the seed itself included), each t once, ascending: a few among a library's tracks, so
    // a caller adds them where it needs them rather than keep a value for every row.
    void addTrackScores(int seedRow, float weight, int leftOutPlaylist,
                        std::vector<std::pair<int, float>> &trackScores) const;
    // Adds weight · sim(artist, b) to artistScores[b] for every artist b sharing a playlist
    // with `artist` (itself included). artistScores has artistCount() entries.
    void addArtistScores(int artist, float weight, int leftOutPlaylist, std::vector<float> &artistScores) const;

    // How many playlists hold both tracks.
    int sharedPlaylists(int rowA, int rowB, int leftOutPlaylist) const;

private:
    static Columns build(const Catalog &catalog);
    // Calls add(other, sim(item, other)) for every item sharing a playlist with `item`, ascending.
    template <typename Add>
    void forEachSimilar(const Incidence &itemsOfPlaylist, const Incidence &playlistsOfItem,
                        const ValueColumn<float> &frequency, int item, int leftOutPlaylist, Add &&add) const;

    Columns m_columns;
    // The catalog's artists of each track (CatalogColumns), shared: the first is the primary.
    ValueColumn<std::int32_t> m_artistStarts;
    ValueColumn<std::int32_t> m_artistKeys;
};

}  // namespace encore
