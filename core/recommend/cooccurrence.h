#pragma once

#include "catalog/catalog.h"

#include <Eigen/SparseCore>


#include <span>
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
// Every query takes a playlist to leave out (or -1): it then counts neither in the pairs nor in
// the frequencies, exactly as if it were not in the library. The evaluation uses this to hide
// the playlist a seed was drawn from. Immutable once built; safe to share across threads.
class Cooccurrence {
public:
    Cooccurrence() = default;
    explicit Cooccurrence(const Catalog &catalog);

    int trackCount() const { return static_cast<int>(m_playlistsOfTrack.rows()); }
    int artistCount() const { return static_cast<int>(m_playlistsOfArtist.rows()); }
    // The primary artist's index, or -1 for a track without artists.
    int artistOf(int row) const
    {
        const auto artists = compressedRow(m_artistStarts, m_artistKeys, static_cast<std::size_t>(row));
        return artists.empty() ? -1 : artists.front();
    }

    // Adds weight · sim(seedRow, t) to trackScores[t] for every track t sharing a playlist
    // with the seed (the seed itself included). trackScores has one entry per catalog row.
    void addTrackScores(int seedRow, float weight, int leftOutPlaylist,
                        std::vector<float> &trackScores) const;
    // Adds weight · sim(artist, b) to artistScores[b] for every artist b sharing a playlist
    // with `artist` (itself included). artistScores has artistCount() entries.
    void addArtistScores(int artist, float weight, int leftOutPlaylist,
                         std::vector<float> &artistScores) const;

    // How many playlists hold both tracks.
    int sharedPlaylists(int rowA, int rowB, int leftOutPlaylist) const;

private:
    using Incidence = Eigen::SparseMatrix<float, Eigen::RowMajor, int>;

    static bool holds(const Incidence &members, int playlist, int item);
    void addScores(const Incidence &itemsOfPlaylist, const Incidence &playlistsOfItem,
                   const std::vector<float> &frequency, int item, float weight,
                   int leftOutPlaylist, std::vector<float> &scores) const;

    // Rows are playlists, values w_p: which tracks (artists) each playlist holds.
    Incidence m_tracksOfPlaylist;
    Incidence m_artistsOfPlaylist;
    // The transposes: rows are tracks (artists), values w_p.
    Incidence m_playlistsOfTrack;
    Incidence m_playlistsOfArtist;
    std::vector<float> m_playlistWeight;   // w_p
    std::vector<float> m_trackFrequency;   // f(t) over all playlists
    std::vector<float> m_artistFrequency;  // f(a) over all playlists
    // The catalog's artists of each track (CatalogColumns), shared: the first is the primary.
    ValueColumn<std::int32_t> m_artistStarts;
    ValueColumn<std::int32_t> m_artistKeys;
};

}  // namespace encore
