#pragma once

#include "column.h"
#include "model/audiofeatures.h"
#include "model/playlist.h"
#include "model/track.h"

#include <Eigen/Core>

#include <QString>
#include <QStringList>

#include <concepts>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <type_traits>
#include <span>
#include <vector>

namespace encore {

// Everything a Catalog holds, column by column: flat arrays of plain values, so that a stored
// library can be mapped into memory as it is and used without being rebuilt (see
// CatalogSnapshot). n is the number of tracks, m of playlists.
struct CatalogColumns {
    // Per track, rows sorted by track id.
    TextColumn ids;
    TextColumn names;
    TextColumn artists;  // each track's artists joined by kArtistSeparator
    TextColumn albums;
    TextColumn albumIds;
    TextColumn isrcs;
    TextColumn genres;
    TextColumn previewUrls;
    ValueColumn<std::int32_t> releaseDates;  // year * 10000 + month * 100 + day; 0 = unknown
    ValueColumn<std::int32_t> durationsMs;
    ValueColumn<std::int8_t> popularity;  // 0..100, -1 = unknown
    ValueColumn<float> features;          // n x kFeatureCount, row-major, NaN = missing
    ValueColumn<FeatureSource> sources;   // n x kFeatureCount
    ValueColumn<std::uint8_t> complete;   // 1 when all eleven features are known

    // Per track, the text reduced to numbers once, for the rankers (numbers count from 0).
    ValueColumn<std::int32_t> songs;         // copies of one song (same songIdentity()) share one
    ValueColumn<std::int32_t> albumKeys;     // album id, else normalised album + primary artist; -1 = none
    ValueColumn<std::int32_t> artistStarts;  // n + 1: track r's artists are artistKeys[starts[r] ..)
    ValueColumn<std::int32_t> artistKeys;    // normalised artist names, primary first, empty names left out

    // Per playlist, in library order.
    TextColumn playlistIds;
    TextColumn playlistNames;
    TextColumn playlistOwners;
    TextColumn playlistOrigins;
    TextColumn playlistSnapshots;
    ValueColumn<std::int32_t> playlistStarts;  // m + 1: playlist p's rows are playlistRows[starts[p] ..)
    ValueColumn<std::int32_t> playlistRows;    // in playlist order

    static constexpr QChar kArtistSeparator = QChar(0x1f);
    // The year of a releaseDates value; 0 when unknown.
    static int yearOf(std::int32_t releaseDate) { return releaseDate / 10000; }
};

// Whether the columns fit together: every per-track column as long as the ids, each text column's
// starts ending at its last character, every row and number inside its range, popularity and
// completeness inside theirs. What a snapshot read from disk must pass, after its checksums,
// before it becomes a Catalog.
bool columnsFitTogether(const CatalogColumns &columns);

// Calls visit(column) for every ValueColumn of `columns` (a text column is two), always in the
// same order: the one list that a stored snapshot follows. Works on const and non-const columns.
template <typename Columns, typename Visit>
requires std::same_as<std::remove_const_t<Columns>, CatalogColumns>
void forEachColumn(Columns &columns, Visit &&visit)
{
    const auto text = [&](auto &column) {
        visit(column.starts);
        visit(column.chars);
    };
    text(columns.ids);
    text(columns.names);
    text(columns.artists);
    text(columns.albums);
    text(columns.albumIds);
    text(columns.isrcs);
    text(columns.genres);
    text(columns.previewUrls);
    visit(columns.releaseDates);
    visit(columns.durationsMs);
    visit(columns.popularity);
    visit(columns.features);
    visit(columns.sources);
    visit(columns.complete);
    visit(columns.songs);
    visit(columns.albumKeys);
    visit(columns.artistStarts);
    visit(columns.artistKeys);
    text(columns.playlistIds);
    text(columns.playlistNames);
    text(columns.playlistOwners);
    text(columns.playlistOrigins);
    text(columns.playlistSnapshots);
    visit(columns.playlistStarts);
    visit(columns.playlistRows);
}

// The library in memory: tracks and playlists, stored column by column (CatalogColumns), with the
// features in one row-major float matrix. Rows are sorted by track id, so "ties broken by row"
// means "ties broken by track id". Immutable once built; the UI and the rankers share it through
// std::shared_ptr<const Catalog>. A Track is put together from the columns when asked for.
class Catalog {
public:
    using FeatureMatrix = Eigen::Matrix<float, Eigen::Dynamic, kFeatureCount, Eigen::RowMajor>;
    using FeatureView = Eigen::Map<const FeatureMatrix>;

    Catalog();
    // `features[i]` belongs to `tracks[i]`. A repeated track id keeps its first occurrence.
    // Playlist entries naming unknown tracks are dropped.
    Catalog(const std::vector<Track> &tracks, const std::vector<AudioFeatures> &features,
            const std::vector<Playlist> &playlists);
    // Playlist p's entries as positions in `tracks`: entries[starts[p] ..starts[p + 1]), in
    // playlist order (starts holds playlists.size() + 1 offsets; the playlists' trackIds are not
    // read). A library of a million playlists has tens of millions of entries, which as ids
    // would take gigabytes; an entry naming a repeated id goes to its first occurrence.
    struct Entries {
        std::vector<std::int32_t> starts;
        std::vector<std::int32_t> positions;
    };
    Catalog(const std::vector<Track> &tracks, const std::vector<AudioFeatures> &features,
            const std::vector<Playlist> &playlists, const Entries &entries);
    // Columns as a snapshot holds them; the caller has checked they fit together. `generation`:
    // the stored library's generation they were read at, when they come from one.
    explicit Catalog(CatalogColumns columns, std::optional<qint64> generation = std::nullopt);

    const CatalogColumns &columns() const { return m_columns; }
    // The stored library's generation this catalog shows (see LibraryDb); none for a catalog made
    // otherwise. What is derived from the catalog and kept between runs is keyed to it.
    std::optional<qint64> generation() const { return m_generation; }

    int size() const { return static_cast<int>(m_columns.ids.size()); }
    bool isEmpty() const { return size() == 0; }

    Track track(int row) const;
    QString trackId(int row) const { return m_columns.ids.text(static_cast<std::size_t>(row)); }
    QString trackName(int row) const { return m_columns.names.text(static_cast<std::size_t>(row)); }
    // -1 when the library has no such track.
    int rowOf(QStringView trackId) const;

    // NaN where a value is missing.
    FeatureView featureMatrix() const;
    AudioFeatures features(int row) const;
    FeatureSource featureSource(int row, Feature feature) const;
    // True when all eleven features are known; only such tracks are ranked.
    bool hasFeatures(int row) const { return m_columns.complete[static_cast<std::size_t>(row)] != 0; }
    int tracksWithFeatures() const { return m_completeCount; }

    // Copies of one song (same songIdentity()) share a song number, 0 .. songCount() - 1.
    int songOf(int row) const { return m_columns.songs[static_cast<std::size_t>(row)]; }
    int songCount() const { return m_songCount; }
    // The album's number, 0 .. albumCount() - 1, or -1 when the track names no album.
    int albumOf(int row) const { return m_columns.albumKeys[static_cast<std::size_t>(row)]; }
    int albumCount() const { return m_albumCount; }
    // The numbers of the track's artists (normalised names), primary first, 0 .. artistCount() - 1.
    std::span<const std::int32_t> artistsOf(int row) const;
    int artistCount() const { return m_artistCount; }
    // The release year, or 0 when unknown.
    int releaseYear(int row) const
    {
        return CatalogColumns::yearOf(m_columns.releaseDates[static_cast<std::size_t>(row)]);
    }
    ReleaseDate releaseDate(int row) const;
    std::optional<int> popularity(int row) const;

    int playlistCount() const { return static_cast<int>(m_columns.playlistIds.size()); }
    // The playlists without their track ids (see playlistTrackIds and playlistRows). Made on
    // first use (opening a library needs none of them), once even when several threads ask.
    const std::vector<Playlist> &playlists() const;
    int playlistIndexOf(const QString &playlistId) const;
    // Rows of the playlist's tracks, in playlist order.
    std::span<const std::int32_t> playlistRows(int playlistIndex) const;
    QStringList playlistTrackIds(int playlistIndex) const;
    // The playlist with its track ids.
    Playlist playlist(int playlistIndex) const;

private:
    Catalog(const std::vector<Track> &tracks, const std::vector<AudioFeatures> &features,
            const std::vector<Playlist> &playlists, const Entries *entries);

    struct LazyPlaylists {
        std::once_flag once;
        std::vector<Playlist> playlists;
    };
    void indexColumns();

    CatalogColumns m_columns;
    std::shared_ptr<LazyPlaylists> m_playlists;
    int m_completeCount = 0;
    int m_songCount = 0;
    int m_albumCount = 0;
    int m_artistCount = 0;
    std::optional<qint64> m_generation;
};

}  // namespace encore
