#include "catalog.h"

#include <QHash>

#include <algorithm>

namespace encore {

namespace {

std::int32_t packDate(const ReleaseDate &date)
{
    return date.isValid() ? date.yearValue() * 10000 + date.monthValue() * 100 + date.dayValue() : 0;
}

ReleaseDate unpackDate(std::int32_t packed)
{
    const int year = CatalogColumns::yearOf(packed);
    const int month = packed / 100 % 100;
    const int day = packed % 100;
    if (day > 0)
        return ReleaseDate::day(year, month, day);
    if (month > 0)
        return ReleaseDate::month(year, month);
    return ReleaseDate::year(year);
}

// Numbers texts by first appearance: 0, 1, 2, …
class Numbering {
public:
    explicit Numbering(qsizetype expected) { m_numbers.reserve(expected); }
    std::int32_t numberOf(QString key)
    {
        const auto found = m_numbers.constFind(key);
        if (found != m_numbers.constEnd())
            return found.value();
        return m_numbers.insert(std::move(key), next()).value();
    }
    // A number of its own, equal to no text's.
    std::int32_t next() { return m_count++; }
    std::int32_t count() const { return m_count; }

private:
    QHash<QString, std::int32_t> m_numbers;
    std::int32_t m_count = 0;
};

bool hasLetterOrNumber(QStringView text)
{
    return std::any_of(text.begin(), text.end(), [](QChar c) { return c.isLetterOrNumber(); });
}

// An album is its id when known, else its title by its primary artist; empty when neither.
QString albumKey(const Track &track)
{
    if (!track.albumId.isEmpty())
        return track.albumId;
    if (track.album.isEmpty())
        return {};
    return normalizedText(track.album) + u'\n' + normalizedText(track.primaryArtist());
}

}  // namespace

bool columnsFitTogether(const CatalogColumns &c)
{
    // A text's starts are clamped where they are read (TextColumn::view).
    const auto textFits = [](const TextColumn &text, std::size_t count) {
        return text.starts.size() == count + 1 && text.starts[0] == 0 && text.starts[count] == text.chars.size();
    };
    if (c.ids.starts.empty() || c.playlistIds.starts.empty())
        return false;
    const std::size_t n = c.ids.size();
    const std::size_t m = c.playlistIds.size();
    for (const TextColumn *text :
         {&c.ids, &c.names, &c.artists, &c.albums, &c.albumIds, &c.isrcs, &c.genres, &c.previewUrls})
        if (!textFits(*text, n))
            return false;
    for (const TextColumn *text :
         {&c.playlistIds, &c.playlistNames, &c.playlistOwners, &c.playlistOrigins, &c.playlistSnapshots})
        if (!textFits(*text, m))
            return false;
    const std::size_t values = n * kFeatureCount;
    const double lastRow = static_cast<double>(n) - 1;
    // Numbers count from 0 with none skipped, so there are at most as many as numbered values.
    return c.releaseDates.size() == n && c.durationsMs.size() == n && c.popularity.size() == n
        && c.features.size() == values && c.sources.size() == values && c.complete.size() == n && c.songs.size() == n
        && c.albumKeys.size() == n && startsFit(c.artistStarts, n, c.artistKeys.size())
        && startsFit(c.playlistStarts, m, c.playlistRows.size()) && c.playlistRows.extent().within(0, lastRow)
        && c.songs.extent().within(0, lastRow) && c.albumKeys.extent().within(-1, lastRow)
        && c.artistKeys.extent().within(0, static_cast<double>(c.artistKeys.size()) - 1)
        && c.popularity.extent().within(-1, 100) && c.complete.extent().within(0, 1);
}

Catalog::Catalog() : Catalog(std::vector<Track>{}, std::vector<AudioFeatures>{}, std::vector<Playlist>{}) {}

Catalog::Catalog(const std::vector<Track> &tracks, const std::vector<AudioFeatures> &features,
                 const std::vector<Playlist> &playlists)
    : Catalog(tracks, features, playlists, nullptr)
{}

Catalog::Catalog(const std::vector<Track> &tracks, const std::vector<AudioFeatures> &features,
                 const std::vector<Playlist> &playlists, const Entries &entries)
    : Catalog(tracks, features, playlists, &entries)
{}

Catalog::Catalog(const std::vector<Track> &tracks, const std::vector<AudioFeatures> &features,
                 const std::vector<Playlist> &playlists, const Entries *entries)
{
    Q_ASSERT(tracks.size() == features.size());
    Q_ASSERT(!entries || entries->starts.size() == playlists.size() + 1);

    // The first of several rows with one id is the one kept; with entries by position, each
    // position's row is noted on the way.
    std::vector<std::size_t> order = orderById(tracks);
    std::vector<std::int32_t> rowOfPosition(entries ? tracks.size() : 0);
    std::size_t kept = 0;
    for (std::size_t i = 0; i < order.size(); ++i) {
        const std::size_t position = order[i];  // kept <= i: read before order[kept] is written
        if (kept == 0 || tracks[position].id != tracks[order[kept - 1]].id)
            order[kept++] = position;
        if (entries)
            rowOfPosition[position] = static_cast<std::int32_t>(kept - 1);
    }
    order.resize(kept);
    const std::size_t n = order.size();

    TextColumnBuilder ids, names, artists, albums, albumIds, isrcs, genres, previewUrls;
    std::vector<std::int32_t> releaseDates, durations, songs, albumKeys, artistStarts{0}, artistKeys;
    std::vector<std::int8_t> popularity;
    std::vector<float> values;
    std::vector<FeatureSource> sources;
    std::vector<std::uint8_t> complete;
    for (auto *column : {&releaseDates, &durations, &songs, &albumKeys})
        column->reserve(n);
    artistStarts.reserve(n + 1);
    popularity.reserve(n);
    values.reserve(n * kFeatureCount);
    sources.reserve(n * kFeatureCount);
    complete.reserve(n);

    Numbering songNumbers(static_cast<qsizetype>(n));
    Numbering albumNumbers(static_cast<qsizetype>(n / 8));
    Numbering artistNumbers(static_cast<qsizetype>(n / 8));
    QHash<QString, int> rowById;
    if (!entries)
        rowById.reserve(static_cast<qsizetype>(n));
    for (std::size_t row = 0; row < n; ++row) {
        const Track &track = tracks[order[row]];
        const AudioFeatures &f = features[order[row]];
        if (!entries)
            rowById.insert(track.id, static_cast<int>(row));
        ids.append(track.id);
        names.append(track.name);
        artists.append(track.artists.join(CatalogColumns::kArtistSeparator));
        albums.append(track.album);
        albumIds.append(track.albumId);
        isrcs.append(track.isrc);
        genres.append(track.genre);
        previewUrls.append(track.previewUrl.toString(QUrl::FullyEncoded));
        releaseDates.push_back(packDate(track.releaseDate));
        durations.push_back(track.durationMs);
        popularity.push_back(static_cast<std::int8_t>(track.popularity.value_or(-1)));
        values.insert(values.end(), f.values.begin(), f.values.end());
        sources.insert(sources.end(), f.sources.begin(), f.sources.end());
        complete.push_back(f.isComplete() ? 1 : 0);

        // A track without a title to match is a song of its own.
        songs.push_back(hasLetterOrNumber(track.name) ? songNumbers.numberOf(songIdentity(track)) : songNumbers.next());
        const QString album = albumKey(track);
        albumKeys.push_back(album.isEmpty() ? -1 : albumNumbers.numberOf(album));
        for (const QString &artist : track.artists)
            if (QString key = normalizedText(artist); !key.isEmpty())
                artistKeys.push_back(artistNumbers.numberOf(std::move(key)));
        artistStarts.push_back(static_cast<std::int32_t>(artistKeys.size()));
    }

    TextColumnBuilder playlistIds, playlistNames, playlistOwners, playlistOrigins, playlistSnapshots;
    std::vector<std::int32_t> playlistStarts{0}, playlistRows;
    if (entries)
        playlistRows.reserve(entries->positions.size());
    for (std::size_t p = 0; p < playlists.size(); ++p) {
        const Playlist &playlist = playlists[p];
        playlistIds.append(playlist.id);
        playlistNames.append(playlist.name);
        playlistOwners.append(playlist.owner);
        playlistOrigins.append(playlist.origin);
        playlistSnapshots.append(playlist.snapshotId);
        if (entries) {
            for (auto e = entries->starts[p]; e < entries->starts[p + 1]; ++e)
                playlistRows.push_back(rowOfPosition[static_cast<std::size_t>(entries->positions[std::size_t(e)])]);
        } else {
            for (const QString &id : playlist.trackIds)
                if (const auto found = rowById.constFind(id); found != rowById.constEnd())
                    playlistRows.push_back(found.value());
        }
        playlistStarts.push_back(static_cast<std::int32_t>(playlistRows.size()));
    }

    m_columns = CatalogColumns{std::move(ids).finish(),
                               std::move(names).finish(),
                               std::move(artists).finish(),
                               std::move(albums).finish(),
                               std::move(albumIds).finish(),
                               std::move(isrcs).finish(),
                               std::move(genres).finish(),
                               std::move(previewUrls).finish(),
                               ValueColumn(std::move(releaseDates)),
                               ValueColumn(std::move(durations)),
                               ValueColumn(std::move(popularity)),
                               ValueColumn(std::move(values)),
                               ValueColumn(std::move(sources)),
                               ValueColumn(std::move(complete)),
                               ValueColumn(std::move(songs)),
                               ValueColumn(std::move(albumKeys)),
                               ValueColumn(std::move(artistStarts)),
                               ValueColumn(std::move(artistKeys)),
                               std::move(playlistIds).finish(),
                               std::move(playlistNames).finish(),
                               std::move(playlistOwners).finish(),
                               std::move(playlistOrigins).finish(),
                               std::move(playlistSnapshots).finish(),
                               ValueColumn(std::move(playlistStarts)),
                               ValueColumn(std::move(playlistRows))};
    indexColumns();
}

Catalog::Catalog(CatalogColumns columns, std::optional<qint64> generation)
    : m_columns(std::move(columns)), m_generation(generation)
{
    indexColumns();
}

void Catalog::indexColumns()
{
    const auto countOf = [](const ValueColumn<std::int32_t> &numbers) {
        return static_cast<int>(std::max(0.0, numbers.extent().highest() + 1));
    };
    m_songCount = countOf(m_columns.songs);
    m_albumCount = countOf(m_columns.albumKeys);
    m_artistCount = countOf(m_columns.artistKeys);
    m_completeCount = static_cast<int>(std::count(m_columns.complete.begin(), m_columns.complete.end(), 1));

    m_playlists = std::make_shared<LazyPlaylists>();
}

const std::vector<Playlist> &Catalog::playlists() const
{
    std::call_once(m_playlists->once, [this] {
        const auto m = static_cast<std::size_t>(playlistCount());
        m_playlists->playlists.reserve(m);
        for (std::size_t p = 0; p < m; ++p)
            m_playlists->playlists.push_back(Playlist{m_columns.playlistIds.text(p),
                                                      m_columns.playlistNames.text(p),
                                                      m_columns.playlistOwners.text(p),
                                                      m_columns.playlistOrigins.text(p),
                                                      {},
                                                      m_columns.playlistSnapshots.text(p)});
    });
    return m_playlists->playlists;
}

Track Catalog::track(int row) const
{
    const auto r = static_cast<std::size_t>(row);
    Track track;
    track.id = m_columns.ids.text(r);
    track.name = m_columns.names.text(r);
    if (const QStringView artists = m_columns.artists.view(r); !artists.isEmpty())
        for (QStringView artist : artists.tokenize(CatalogColumns::kArtistSeparator))
            track.artists.push_back(artist.toString());
    track.album = m_columns.albums.text(r);
    track.albumId = m_columns.albumIds.text(r);
    track.releaseDate = unpackDate(m_columns.releaseDates[r]);
    track.durationMs = m_columns.durationsMs[r];
    track.isrc = m_columns.isrcs.text(r);
    track.popularity = popularity(row);
    track.genre = m_columns.genres.text(r);
    if (const QStringView url = m_columns.previewUrls.view(r); !url.isEmpty())
        track.previewUrl = QUrl(url.toString());
    return track;
}

int Catalog::rowOf(QStringView trackId) const
{
    int low = 0;
    int high = size();
    while (low < high) {  // the first row whose id is not below trackId
        const int middle = low + (high - low) / 2;
        if (m_columns.ids.view(static_cast<std::size_t>(middle)) < trackId)
            low = middle + 1;
        else
            high = middle;
    }
    return low < size() && m_columns.ids.view(static_cast<std::size_t>(low)) == trackId ? low : -1;
}

Catalog::FeatureView Catalog::featureMatrix() const
{
    return FeatureView(m_columns.features.data(), size(), kFeatureCount);
}

AudioFeatures Catalog::features(int row) const
{
    AudioFeatures f;
    const auto at = static_cast<std::size_t>(row) * kFeatureCount;
    std::copy_n(m_columns.features.data() + at, kFeatureCount, f.values.begin());
    std::copy_n(m_columns.sources.data() + at, kFeatureCount, f.sources.begin());
    return f;
}

FeatureSource Catalog::featureSource(int row, Feature feature) const
{
    return m_columns.sources[static_cast<std::size_t>(row) * kFeatureCount + static_cast<std::size_t>(index(feature))];
}

std::span<const std::int32_t> Catalog::artistsOf(int row) const
{
    return compressedRow(m_columns.artistStarts, m_columns.artistKeys, static_cast<std::size_t>(row));
}

ReleaseDate Catalog::releaseDate(int row) const
{
    return unpackDate(m_columns.releaseDates[static_cast<std::size_t>(row)]);
}

std::optional<int> Catalog::popularity(int row) const
{
    const int value = m_columns.popularity[static_cast<std::size_t>(row)];
    return value < 0 ? std::nullopt : std::optional<int>(value);
}

int Catalog::playlistIndexOf(const QString &playlistId) const
{
    for (std::size_t i = 0; i < m_columns.playlistIds.size(); ++i)
        if (m_columns.playlistIds.view(i) == playlistId)
            return static_cast<int>(i);
    return -1;
}

std::span<const std::int32_t> Catalog::playlistRows(int playlistIndex) const
{
    return compressedRow(m_columns.playlistStarts, m_columns.playlistRows, static_cast<std::size_t>(playlistIndex));
}

QStringList Catalog::playlistTrackIds(int playlistIndex) const
{
    QStringList ids;
    for (std::int32_t row : playlistRows(playlistIndex))
        ids.push_back(trackId(row));
    return ids;
}

Playlist Catalog::playlist(int playlistIndex) const
{
    Playlist playlist = playlists()[static_cast<std::size_t>(playlistIndex)];
    playlist.trackIds = playlistTrackIds(playlistIndex);
    return playlist;
}

}  // namespace encore
