#include "catalogimporter.h"

#include "catalogrow.h"
#include "catalogrowreader.h"
#include "cellparsing.h"
#include "columnmap.h"
#include "creditsplitter.h"
#include "csvreader.h"
#include "util/logging.h"

#include <QCoreApplication>
#include <QByteArray>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QHash>
#include <QSet>

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <thread>

#ifdef Q_OS_LINUX
#include <sys/mman.h>
#endif

// How a catalog file becomes an ImportBatch:
//
// - Columns are found by name (ColumnMap): any order, case, spaces and underscores ignored.
//   Only an id column is required; a file without feature columns gives tracks without features.
// - Text cells holding exactly "NA" (R's missing value) are empty: such a track is kept, with its
//   id and features, and an empty name/artist/album. Blank, NA, N/A, NaN, null or None in a
//   numeric column is a missing value (NaN, source Missing), never 0. Tempo 0 and loudness above
//   0 dB are real values and kept; a feature value outside its range (featureRange) is missing
//   too, with a ValueNote for its row, and the row is kept. Popularity outside 0..100 and an unusable duration or release
//   date are unknown, not reasons to drop a row.
// - A row is rejected (RejectedRow, line where the record starts) for: no track id; an id that is
//   not a Spotify track id, URI or link; a local file; a feature cell that is not a number; a
//   field count other than the header's (extra empty trailing fields are fine); a quote that is
//   never closed. Empty lines and rows of empty fields are skipped without a report.
// - Artists: a list (Python list text, ';', Exportify's "\,"-escaped commas) is split as it says.
//   "A, B" in a track_artist or artist cell, or a plain Kaggle artists cell, is split only where a
//   part stands alone as an artist elsewhere in the file or the library (CreditSplitter), so that
//   "Tyler, The Creator" stays one artist.
// - A track id seen again keeps its first row's metadata and features; the later row still
//   counts as a listing in its playlist, and is still checked.
// - Playlists: playlist_id is the identity (a Spotify id, URI or link; any other value is hashed
//   into "file:<hash>"), named by playlist_name, or by the id when there is no name. A file with
//   playlist_name only gets "file:<hash of path and name>" ids. Rows without a playlist, or files
//   without playlist columns, list their tracks under one playlist named after the file,
//   id "file:<hash of the canonical path>". Every playlist's origin is the file's canonical path.
//   Tracks keep file order and appear once per playlist.
// - Records are read and checked (readCatalogRow) on a second thread, CatalogRowReader, and the
//   tracks are built from them in file order on the calling thread, which also reports progress:
//   the batch is the same whatever the threads' timing.

namespace encore {

namespace {

// How often progress is reported, in records.
constexpr qint64 kProgressEveryRecords = 4096;
// How many rows ahead the track index is asked to load a row's slot: enough to cover a miss.
constexpr std::size_t kPrefetchRows = 8;
// After this many records, the rest of the file's size tells how many rows to make room for.
constexpr qint64 kRecordsBeforeReserve = 1024;
// Never reserve more rows than this on an estimate; a larger file grows its vectors as it goes.
constexpr double kMaxReservedRows = 5e6;

QString shortHash(const QString &text)
{
    return QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha1).toHex().left(12));
}

// "My Songs" for "My Songs.csv" and "My Songs.csv.gz".
QString fileTitle(const QFileInfo &info)
{
    QString name = info.fileName();
    if (name.endsWith(QLatin1String(".gz"), Qt::CaseInsensitive))
        name.chop(3);
    for (QLatin1String suffix : {QLatin1String(".csv"), QLatin1String(".tsv"), QLatin1String(".txt")}) {
        if (name.endsWith(suffix, Qt::CaseInsensitive)) {
            name.chop(suffix.size());
            break;
        }
    }
    return name.isEmpty() ? info.fileName() : name;
}

ReleaseDate parseReleaseDate(std::string_view cell)
{
    cell = trimmedCell(cell);
    // "2019-06-14T00:00:00Z" and "2019-06-14 00:00:00": the date part is what counts.
    if (cell.size() > 10 && (cell[10] == 'T' || cell[10] == ' '))
        cell = cell.substr(0, 10);
    if (cell.empty())
        return {};
    return ReleaseDate::parse(QString::fromLatin1(cell.data(), static_cast<qsizetype>(cell.size())));
}

// Asks for huge pages behind a large buffer not yet written to: a million tracks fill hundreds
// of MB, and faulting that in 4 KiB pages costs about as much as parsing the file. Only a hint.
template <typename T>
void adviseHugePages(const std::vector<T> &buffer)
{
#ifdef Q_OS_LINUX
    constexpr std::uintptr_t kHugePage = 2 * 1024 * 1024;
    const auto begin = reinterpret_cast<std::uintptr_t>(buffer.data());
    const std::uintptr_t end = begin + buffer.capacity() * sizeof(T);
    const std::uintptr_t first = (begin + kHugePage - 1) & ~(kHugePage - 1);
    const std::uintptr_t last = end & ~(kHugePage - 1);
    if (last > first)
        madvise(reinterpret_cast<void *>(first), last - first, MADV_HUGEPAGE);
#else
    Q_UNUSED(buffer);
#endif
}

// The room of a buffer not yet written to, in whole pages.
struct PageRange {
    void *begin = nullptr;
    std::size_t size = 0;
};

template <typename T>
PageRange unusedCapacity(const std::vector<T> &buffer)
{
    constexpr std::uintptr_t kPage = 4096;
    const auto begin = reinterpret_cast<std::uintptr_t>(buffer.data() + buffer.size());
    const auto end = reinterpret_cast<std::uintptr_t>(buffer.data() + buffer.capacity());
    const std::uintptr_t first = (begin + kPage - 1) & ~(kPage - 1);
    return end > first ? PageRange{reinterpret_cast<void *>(first), end - first} : PageRange{};
}

// Faults in the pages of `range` as writing there would, but without writing, so it may run on
// another thread while the owner fills the buffer: zeroing the fresh pages of a million tracks
// was a third of building them. Only a hint; nothing happens where it is not supported.
void populate(PageRange range)
{
#ifdef Q_OS_LINUX
    if (range.size > 0)
        madvise(range.begin, range.size, MADV_POPULATE_WRITE);
#else
    Q_UNUSED(range);
#endif
}

// Track id (22 base-62 bytes, as isSpotifyId checks) -> index, without a QString per row.
// Open addressing that keeps 32 bits of each key's hash in its slot, so a probe rarely compares
// ids: ids such as generated ones share long prefixes, and comparing those is what a QHash spends
// on. Slots are 8 bytes, so a million ids fill 32 MB (less memory to fault in and miss on), and
// prefetch() lets the caller ask for a slot rows before it is needed.
class TrackIndex {
public:
    static constexpr std::size_t kIdSize = CatalogRow::kIdSize;

    void reserve(std::size_t count)
    {
        m_ids.reserve(count);
        adviseHugePages(m_ids);
        if (count * 2 > m_slots.size())
            rehash(std::bit_ceil(count * 2));
    }

    // Starts loading the slot where `id` would be; a new id's slot is a miss in a large table.
    void prefetch(std::string_view id) const
    {
        if (!m_slots.empty())
            __builtin_prefetch(&m_slots[hashOf(id) & (m_slots.size() - 1)]);
    }

    // The index of `id`, adding it as the next index when it is new; `added` says which.
    int findOrAdd(std::string_view id, bool &added)
    {
        Q_ASSERT(id.size() == kIdSize);
        if ((m_ids.size() + 1) * 2 > m_slots.size())
            rehash(std::max<std::size_t>(m_slots.size() * 2, 1024));
        const quint64 hash = hashOf(id);
        const auto tag = static_cast<quint32>(hash >> 32);
        const std::size_t mask = m_slots.size() - 1;
        for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
            Slot &slot = m_slots[i];
            if (slot.index < 0) {
                slot = Slot{tag, static_cast<qint32>(m_ids.size())};
                Key key;
                std::memcpy(key.data(), id.data(), kIdSize);
                m_ids.push_back(key);
                added = true;
                return slot.index;
            }
            if (slot.tag == tag
                && std::memcmp(m_ids[static_cast<std::size_t>(slot.index)].data(), id.data(), kIdSize) == 0) {
                added = false;
                return slot.index;
            }
        }
    }

private:
    using Key = std::array<char, kIdSize>;
    struct Slot {
        quint32 tag = 0;  // the hash's high half; its low bits choose the slot
        qint32 index = -1;
    };

    static quint64 hashOf(std::string_view id)
    {
        quint64 a = 0, b = 0, c = 0;
        std::memcpy(&a, id.data(), 8);
        std::memcpy(&b, id.data() + 8, 8);
        std::memcpy(&c, id.data() + 16, 6);
        // Multiply-xorshift mixing (as in splitmix64): every byte reaches the low bits.
        quint64 h = a * 0x9E3779B97F4A7C15ull ^ std::rotl(b * 0xC2B2AE3D27D4EB4Full, 31)
            ^ std::rotl(c * 0x165667B19E3779F9ull, 17);
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDull;
        h ^= h >> 33;
        return h;
    }

    void rehash(std::size_t slotCount)
    {
        std::vector<Slot> table;
        table.reserve(slotCount);
        adviseHugePages(table);
        table.resize(slotCount);
        const std::size_t mask = slotCount - 1;
        for (const Slot &slot : m_slots) {
            if (slot.index < 0)
                continue;
            const Key &key = m_ids[static_cast<std::size_t>(slot.index)];
            std::size_t i = hashOf({key.data(), key.size()}) & mask;
            while (table[i].index >= 0)
                i = (i + 1) & mask;
            table[i] = slot;
        }
        m_slots = std::move(table);
    }

    std::vector<Slot> m_slots;  // a power of two, at most half full
    std::vector<Key> m_ids;     // by index
};

// Values made from cells that repeat from row to row (artists, albums, genres, dates), made once
// per distinct cell: copies of a QString share its data, so a repeated cell costs no allocation.
// A column whose cells hardly repeat stops being cached, since the cache would only cost there.
template <typename T>
class CellCache {
public:
    template <typename Make>
    T value(std::string_view cell, Make make)
    {
        if (!m_enabled)
            return make(cell);
        const QByteArray key = QByteArray::fromRawData(cell.data(), static_cast<qsizetype>(cell.size()));
        if (const auto it = m_values.constFind(key); it != m_values.cend()) {
            ++m_hits;
            return it.value();
        }
        T made = make(cell);
        // The key must own its bytes: `cell` points into the reader's buffer.
        m_values.insert(QByteArray(cell.data(), static_cast<qsizetype>(cell.size())), made);
        if (m_values.size() == kTrialSize && m_hits < kTrialSize) {
            m_enabled = false;  // fewer hits than distinct cells: mostly unique
            m_values.clear();
            m_values.squeeze();
        }
        return made;
    }

private:
    static constexpr qsizetype kTrialSize = 65536;
    QHash<QByteArray, T> m_values;
    qsizetype m_hits = 0;
    bool m_enabled = true;
};

// The cells of a row that describe its album, as the track keeps them.
struct AlbumCells {
    QStringList artists;
    QString album;
    QString albumId;
    ReleaseDate releaseDate;
};

// One import: the state built up while the rows stream past.
class ImportRun {
public:
    ImportRun(ColumnMap columns, QString sourcePath, QString title, CreditSplitter credits)
        : m_columns(std::move(columns)), m_sourcePath(std::move(sourcePath)), m_title(std::move(title)),
          m_credits(std::move(credits))
    {
        m_batch.sourcePath = m_sourcePath;
        if (!m_columns.hasPlaylistColumns())
            m_filePlaylist = addPlaylist(QStringLiteral("file:") + shortHash(m_sourcePath), m_title);
    }

    // Adds one record: `row` is what readCatalogRow made of it, `record` its cells when usable.
    void addRow(CatalogRow &row, qint64 line, const CsvRecord &record);
    // Starts loading what adding `row` will look at, to add it sooner when its turn comes.
    void prefetch(const CatalogRow &row) const
    {
        if (row.kind == CatalogRow::Kind::Usable)
            m_trackIndex.prefetch(row.idView());
    }
    // Makes room for about `rows` more tracks.
    void reserve(qsizetype rows);
    ImportBatch takeBatch()
    {
        if (m_populating.joinable())
            m_populating.join();
        splitCredits();
        return std::move(m_batch);
    }

private:
    int addPlaylist(const QString &id, const QString &name);
    int playlistFor(const CsvRecord &record);
    void addRepeatedCells(const CsvRecord &record, Track &track);
    QStringList artistsOf(std::string_view cell);
    void splitCredits();

    ColumnMap m_columns;
    QString m_sourcePath;
    QString m_title;
    ImportBatch m_batch;
    TrackIndex m_trackIndex;  // track id -> index in m_batch.tracks
    // Playlist membership: most tracks are in one playlist, the one they first came with.
    std::vector<int> m_firstPlaylist;    // by track index
    QSet<quint64> m_otherMemberships;    // playlist index << 32 | track index, the others
    CellCache<AlbumCells> m_albumCells;  // by artists, album, album id and date together
    std::string m_albumKey;              // the key for it, made again for every row
    CellCache<QStringList> m_artists;
    CreditSplitter m_credits;           // the library's artists, then the file's too
    std::vector<QString> m_knownNames;  // names the file certainly gives as one artist
    QSet<QString> m_creditNames;        // names whose commas may separate artists
    CellCache<QString> m_albums;
    CellCache<QString> m_albumIds;
    CellCache<ReleaseDate> m_releaseDates;
    CellCache<QString> m_genres;
    QHash<QString, int> m_playlistById;        // playlist id -> index
    QHash<QByteArray, int> m_playlistByCells;  // raw playlist cells -> index
    char m_lastKind = 0;                       // the previous row's playlist cell...
    std::string m_lastKey;
    int m_lastPlaylist = -1;  // ...and the playlist it named
    int m_filePlaylist = -1;
    std::jthread m_populating;  // last: joined before the batch goes
};

int ImportRun::addPlaylist(const QString &id, const QString &name)
{
    if (const auto it = m_playlistById.constFind(id); it != m_playlistById.cend())
        return it.value();
    Playlist playlist;
    playlist.id = id;
    playlist.name = name;
    playlist.origin = m_sourcePath;
    const int playlistIndex = static_cast<int>(m_batch.playlists.size());
    m_batch.playlists.push_back(std::move(playlist));
    m_playlistById.insert(id, playlistIndex);
    return playlistIndex;
}

// The playlist a row lists its track under: by playlist_id, else by playlist_name, else the
// playlist standing for the file.
int ImportRun::playlistFor(const CsvRecord &record)
{
    const std::string_view idCell = trimmedCell(record.field(m_columns.playlistId));
    std::string_view nameCell = trimmedCell(record.field(m_columns.playlistName));
    if (isNaText(nameCell))
        nameCell = {};
    const bool hasId = !idCell.empty() && !isNaText(idCell);
    if (!hasId && nameCell.empty()) {
        if (m_filePlaylist < 0)
            m_filePlaylist = addPlaylist(QStringLiteral("file:") + shortHash(m_sourcePath), m_title);
        return m_filePlaylist;
    }

    // Rows of one playlist usually come together: skip the lookups when nothing changed.
    const std::string_view key = hasId ? idCell : nameCell;
    const char kind = hasId ? 'i' : 'n';
    if (m_lastPlaylist >= 0 && m_lastKind == kind && m_lastKey == key)
        return m_lastPlaylist;

    QByteArray cells;
    cells.reserve(static_cast<qsizetype>(key.size() + 2));
    cells.append(kind).append(':').append(key.data(), static_cast<qsizetype>(key.size()));
    int playlistIndex = m_playlistByCells.value(cells, -1);
    if (playlistIndex < 0) {
        const QString name = cellText(nameCell);
        QString id;
        if (hasId) {
            const SpotifyRef ref = parseSpotifyRef(idCell, "playlist");
            id = ref.kind == SpotifyRef::Kind::Id
                ? QString::fromLatin1(ref.id.data(), static_cast<qsizetype>(ref.id.size()))
                : QStringLiteral("file:") + shortHash(m_sourcePath + QStringLiteral("\nid:") + cellText(idCell));
        } else {
            id = QStringLiteral("file:") + shortHash(m_sourcePath + QStringLiteral("\nname:") + name);
        }
        playlistIndex = addPlaylist(id, name.isEmpty() ? cellText(idCell) : name);
        m_playlistByCells.insert(cells, playlistIndex);
    }
    m_lastKind = kind;
    m_lastKey.assign(key);
    m_lastPlaylist = playlistIndex;
    return playlistIndex;
}

void ImportRun::reserve(qsizetype rows)
{
    const std::size_t total = m_batch.tracks.size() + static_cast<std::size_t>(rows);
    m_batch.tracks.reserve(total);
    m_batch.features.reserve(total);
    adviseHugePages(m_batch.tracks);
    adviseHugePages(m_batch.features);
    m_trackIndex.reserve(total);
    m_firstPlaylist.reserve(total);
    // The pages are faulted in beside the import, on a core the reading thread leaves idle at times.
    const PageRange features = unusedCapacity(m_batch.features);
    const PageRange tracks = unusedCapacity(m_batch.tracks);
    m_populating = std::jthread([features, tracks] {
        populate(features);
        populate(tracks);
    });
}

// The cells that repeat across rows, each distinct one made once.
void ImportRun::addRepeatedCells(const CsvRecord &record, Track &track)
{
    const ColumnMap &c = m_columns;
    // An album's cells come together: one lookup for the four instead of one each, since a
    // lookup in a table this size is mostly waiting for memory.
    m_albumKey.clear();
    for (int column : {c.artists, c.album, c.albumId, c.releaseDate}) {
        const std::string_view cell = record.field(column);
        const auto size = static_cast<quint32>(cell.size());
        m_albumKey.append(reinterpret_cast<const char *>(&size), sizeof size).append(cell);
    }
    AlbumCells album = m_albumCells.value(m_albumKey, [&](std::string_view) {
        AlbumCells made;
        if (c.artists >= 0)
            made.artists =
                m_artists.value(record.field(c.artists), [&](std::string_view cell) { return artistsOf(cell); });
        if (c.album >= 0)
            made.album = m_albums.value(record.field(c.album), cellText);
        if (c.albumId >= 0) {
            made.albumId = m_albumIds.value(record.field(c.albumId), [](std::string_view cell) {
                const SpotifyRef ref = parseSpotifyRef(cell, "album");
                return ref.kind == SpotifyRef::Kind::Id
                    ? QString::fromLatin1(ref.id.data(), static_cast<qsizetype>(ref.id.size()))
                    : QString();
            });
        }
        if (c.releaseDate >= 0)
            made.releaseDate = m_releaseDates.value(record.field(c.releaseDate), parseReleaseDate);
        return made;
    });
    track.artists = std::move(album.artists);
    track.album = std::move(album.album);
    track.albumId = std::move(album.albumId);
    track.releaseDate = album.releaseDate;
    if (c.genre >= 0)
        track.genre = m_genres.value(record.field(c.genre), c.genreIsList ? firstListItem : cellText);
}

// The artists of one distinct cell, noting what they say about names with commas: the whole
// file is evidence, so such names are split once it has been read (splitCredits).
QStringList ImportRun::artistsOf(std::string_view cell)
{
    QStringList names = splitArtists(cell, m_columns.artistFormat);
    if (names.size() == 1 && names.front().contains(u',') && commasMaySeparate(cell, m_columns.artistFormat))
        m_creditNames.insert(names.front());
    else
        m_knownNames.insert(m_knownNames.end(), names.cbegin(), names.cend());
    return names;
}

// Each track credited "A, B" where the evidence says so gets A and B as its artists. Only the
// few names with commas are looked at, and only their tracks change.
void ImportRun::splitCredits()
{
    if (m_creditNames.isEmpty())
        return;
    // Normalising every name of the file would cost more than the rest of this: only names that
    // start as some part of a credit list does can be that part.
    QSet<quint64> partStarts;
    for (const QString &name : std::as_const(m_creditNames))
        for (QStringView part : QStringView(name).tokenize(u','))
            partStarts.insert(CreditSplitter::keyStart(part));
    for (const QString &name : m_knownNames)
        if (partStarts.contains(CreditSplitter::keyStart(name)))
            m_credits.addKnownArtist(name);

    QHash<QString, QStringList> credits;
    for (const QString &name : std::as_const(m_creditNames))
        if (QStringList artists = m_credits.split(name); artists.size() > 1)
            credits.insert(name, std::move(artists));
    if (credits.isEmpty())
        return;
    for (Track &track : m_batch.tracks) {
        // constFirst: front() would copy every track's list, shared with the cell cache.
        if (track.artists.size() != 1 || !track.artists.constFirst().contains(u','))
            continue;
        if (const auto it = credits.constFind(track.artists.constFirst()); it != credits.cend())
            track.artists = it.value();
    }
}

void ImportRun::addRow(CatalogRow &row, qint64 line, const CsvRecord &record)
{
    if (row.kind == CatalogRow::Kind::Blank)
        return;
    ++m_batch.rowsRead;
    if (row.kind == CatalogRow::Kind::Rejected) {
        m_batch.rejected.push_back(RejectedRow{line, std::move(row.reason)});
        return;
    }
    if (!row.outOfRange.isEmpty())
        m_batch.valuesLeftOut.push_back(ValueNote{line, std::move(row.outOfRange)});

    // One hash lookup per row. The first occurrence wins.
    bool newTrack = false;
    const int track = m_trackIndex.findOrAdd(row.idView(), newTrack);
    if (newTrack) {
        row.track.name = cellText(record.field(m_columns.name));
        addRepeatedCells(record, row.track);
        m_batch.tracks.push_back(std::move(row.track));
        m_batch.features.push_back(row.features);
    }

    const int playlistIndex = playlistFor(record);
    bool newMember = false;
    if (newTrack) {
        m_firstPlaylist.push_back(playlistIndex);
        newMember = true;
    } else if (m_firstPlaylist[static_cast<std::size_t>(track)] != playlistIndex) {
        const qsizetype known = m_otherMemberships.size();
        m_otherMemberships.insert(static_cast<quint64>(playlistIndex) << 32 | static_cast<quint32>(track));
        newMember = m_otherMemberships.size() != known;
    }
    if (newMember)
        m_batch.playlists[static_cast<std::size_t>(playlistIndex)].trackIds.push_back(
            m_batch.tracks[static_cast<std::size_t>(track)].id);
}

}  // namespace

CatalogImporter::CatalogImporter(CreditSplitter knownArtists) : m_knownArtists(std::move(knownArtists)) {}

Result<ImportBatch> CatalogImporter::importFile(const QString &path, const ImportProgress &progress) const
{
    QElapsedTimer timer;
    timer.start();

    const QFileInfo info(path);
    const QString fileName = info.fileName();
    QString sourcePath = info.canonicalFilePath();
    if (sourcePath.isEmpty())
        sourcePath = info.absoluteFilePath();

    CsvReader reader;
    if (Status opened = reader.open(path); !opened)
        return opened.error();

    const auto cancelled = [&] {
        return Error{
            ErrorKind::Cancelled,
            QCoreApplication::translate("encore::catalogimporter", "Import of \"%1\" was cancelled.").arg(fileName)};
    };
    const qint64 bytesTotal = reader.bytesTotal();
    if (progress && !progress(0, bytesTotal))
        return cancelled();

    CsvRecord record;
    if (!reader.next(record)) {
        if (reader.error())
            return *reader.error();
        return Error{ErrorKind::Parse,
                     QCoreApplication::translate("encore::catalogimporter",
                                                 "\"%1\" is empty; a catalog needs a header row naming its columns.")
                         .arg(fileName)};
    }
    QStringList header;
    header.reserve(record.size());
    for (std::string_view field : record.fields)
        header.push_back(QString::fromUtf8(field.data(), static_cast<qsizetype>(field.size())).trimmed());
    // One header cell holding semicolons or tabs: a file of another dialect, not a catalog.
    if (const QString &first = header.front(); header.size() == 1 && (first.contains(u';') || first.contains(u'\t')))
        return Error{
            ErrorKind::Parse,
            QCoreApplication::translate("encore::catalogimporter",
                                        "\"%1\" separates its columns with %2; Encore reads comma-separated files. "
                                        "Save it as CSV with commas and import that.")
                .arg(fileName, first.contains(u';') ? QStringLiteral("semicolons") : QStringLiteral("tabs"))};
    // Columns are found by name: of two with one name, one would be silently lost.
    QHash<QString, qsizetype> columnByName;
    for (qsizetype column = 0; column < header.size(); ++column) {
        const QString name = normalizedHeader(header[column]);
        if (name.isEmpty())
            continue;
        if (const auto earlier = columnByName.constFind(name); earlier != columnByName.cend())
            return Error{
                ErrorKind::Parse,
                QCoreApplication::translate("encore::catalogimporter",
                                            "\"%1\" has two columns named \"%2\" (columns %3 and %4); rename one "
                                            "and import it again.")
                    .arg(fileName, header[column])
                    .arg(earlier.value() + 1)
                    .arg(column + 1)};
        columnByName.insert(name, column);
    }
    ColumnMap columns = ColumnMap::fromHeader(header);
    if (!columns.hasIdColumn())
        return Error{ErrorKind::Parse,
                     QCoreApplication::translate("encore::catalogimporter",
                                                 "\"%1\" has no track id column; the header needs one of %2 "
                                                 "(case, spaces and underscores do not matter).")
                         .arg(fileName, ColumnMap::acceptedIdColumns())};

    ImportRun run(columns, sourcePath, fileTitle(info), m_knownArtists);
    CatalogRowReader rows(reader, std::move(columns));
    qint64 records = 0;
    while (CatalogRowChunk *chunk = rows.next()) {
        for (std::size_t i = 0; i < chunk->entries.size(); ++i) {
            if (i + kPrefetchRows < chunk->entries.size())
                run.prefetch(chunk->entries[i + kPrefetchRows].row);
            chunk->fieldsOf(i, record);
            run.addRow(chunk->entries[i].row, chunk->entries[i].line, record);
        }
        const qint64 before = records;
        records += static_cast<qint64>(chunk->entries.size());
        if (before < kRecordsBeforeReserve && records >= kRecordsBeforeReserve && chunk->bytesConsumed > 0) {
            // Growing vectors of a million tracks copies them again and again.
            const double perByte = static_cast<double>(records) / static_cast<double>(chunk->bytesConsumed);
            const double rest = perByte * static_cast<double>(bytesTotal - chunk->bytesConsumed);
            run.reserve(static_cast<qsizetype>(std::clamp(rest * 1.05, 0.0, kMaxReservedRows)));
        }
        if (before / kProgressEveryRecords != records / kProgressEveryRecords && progress
            && !progress(chunk->bytesConsumed, bytesTotal))
            return cancelled();
    }
    if (rows.error())
        return *rows.error();
    if (progress && !progress(bytesTotal, bytesTotal))
        return cancelled();

    ImportBatch batch = run.takeBatch();
    if (batch.tracks.empty() && !batch.rejected.empty()) {
        const RejectedRow &first = batch.rejected.front();
        return Error{
            ErrorKind::Parse,
            QCoreApplication::translate("encore::catalogimporter",
                                        "No row of \"%1\" could be used, so nothing was imported (%2 skipped; the "
                                        "first, on line %3: %4).")
                .arg(fileName)
                .arg(batch.rejected.size())
                .arg(first.line)
                .arg(first.reason)};
    }
    batch.contentHash = reader.finishContentHash();
    qCDebug(lcCatalog).nospace() << "imported " << fileName << ": " << batch.rowsRead << " rows, "
                                 << batch.tracks.size() << " tracks, " << batch.playlists.size() << " playlists, "
                                 << batch.rejected.size() << " rejected, in " << timer.elapsed() << " ms";
    return batch;
}

}  // namespace encore
