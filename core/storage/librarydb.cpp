#include "librarydb.h"

#include "catalogsnapshot.h"
#include "databaseerror.h"
#include "sqlitestatement.h"
#include "storedvalues.h"

#include "util/logging.h"

#include <QCoreApplication>
#include <QAtomicInteger>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QScopeGuard>
#include <QSet>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUrl>

#include <algorithm>
#include <numeric>

namespace encore {

const QString kRaiseGeneration = QStringLiteral("UPDATE catalog_generation SET value = value + 1");

QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

QString artistsToJson(const QStringList &artists)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(artists)).toJson(QJsonDocument::Compact));
}

QStringList artistsFromJson(const QString &json)
{
    QStringList artists;
    for (const QJsonValue &value : QJsonDocument::fromJson(json.toUtf8()).array())
        artists.push_back(value.toString());
    return artists;
}

void bindTrackColumns(QSqlQuery &query, const Track &track)
{
    query.addBindValue(track.id);
    query.addBindValue(text(track.name));
    query.addBindValue(artistsToJson(track.artists));
    query.addBindValue(text(track.album));
    query.addBindValue(text(track.albumId));
    query.addBindValue(text(track.releaseDate.toString()));
    query.addBindValue(track.durationMs);
    query.addBindValue(text(track.isrc));
    query.addBindValue(track.popularity ? QVariant(*track.popularity) : QVariant(QMetaType::fromType<int>()));
}

namespace {

// How long a write waits for another connection's lock before it fails: QSQLITE's default.
constexpr int kBusyTimeoutMs = 5000;

// True when the library holds no track and no playlist.
constexpr char kEmptyLibrarySql[] = "NOT EXISTS (SELECT 1 FROM tracks) AND NOT EXISTS (SELECT 1 FROM playlists)";

// The index of playlist entries by track (made by migration 1): what removing a song and its
// cascade look entries up by.
// A long import leaves it out while it runs (see LibraryDb::beginBulkImport); every open makes
// sure it is there.
constexpr char kTrackIndexSql[] = "CREATE INDEX IF NOT EXISTS playlist_tracks_by_track ON playlist_tracks(track_id)";

// Each migration moves the schema from version i to i + 1; PRAGMA user_version records where a
// database stands. Append new steps, never edit old ones.
QStringList migrationV1()
{
    QString featureColumns;
    for (Feature f : kAllFeatures)
        featureColumns +=
            QStringLiteral(",\n    %1 REAL,\n    %1_source INTEGER NOT NULL DEFAULT 0").arg(featureKey(f));
    return {
        QStringLiteral("CREATE TABLE tracks (\n"
                       "    id TEXT PRIMARY KEY,\n"
                       "    name TEXT NOT NULL,\n"
                       "    artists TEXT NOT NULL,\n"  // JSON array, primary artist first
                       "    album TEXT NOT NULL,\n"
                       "    album_id TEXT NOT NULL,\n"
                       "    release_date TEXT NOT NULL,\n"  // '2012', '2012-06', '2012-06-14' or ''
                       "    duration_ms INTEGER NOT NULL,\n"
                       "    isrc TEXT NOT NULL,\n"
                       "    popularity INTEGER,\n"  // NULL when unknown
                       "    genre TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE features (\n"
                       "    track_id TEXT PRIMARY KEY REFERENCES tracks(id) ON DELETE CASCADE%1)")
            .arg(featureColumns),
        QStringLiteral("CREATE TABLE playlists (\n"
                       "    id TEXT PRIMARY KEY,\n"
                       "    name TEXT NOT NULL,\n"
                       "    owner TEXT NOT NULL,\n"
                       "    origin TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE playlist_tracks (\n"
                       "    playlist_id TEXT NOT NULL REFERENCES playlists(id) ON DELETE CASCADE,\n"
                       "    position INTEGER NOT NULL,\n"
                       "    track_id TEXT NOT NULL REFERENCES tracks(id) ON DELETE CASCADE,\n"
                       "    PRIMARY KEY (playlist_id, position))"),
        QStringLiteral("CREATE INDEX playlist_tracks_by_track ON playlist_tracks(track_id)"),
        QStringLiteral("CREATE TABLE imports (\n"
                       "    content_hash BLOB PRIMARY KEY,\n"
                       "    path TEXT NOT NULL,\n"
                       "    imported_at TEXT NOT NULL,\n"
                       "    tracks INTEGER NOT NULL,\n"
                       "    playlists INTEGER NOT NULL,\n"
                       "    rows_read INTEGER NOT NULL,\n"
                       "    rejected INTEGER NOT NULL)"),
    };
}

// The snapshot_id Spotify gave a playlist when it was last read, so an unchanged playlist is not
// read again ('' for catalog playlists and unknown snapshots).
QStringList migrationV2()
{
    return {QStringLiteral("ALTER TABLE playlists ADD COLUMN snapshot_id TEXT NOT NULL DEFAULT ''")};
}

// Spotify's preview_url of a track ('' when unknown), and the on-device analyses already made, so a
// preview is analysed once and a track without one is not searched again on every run.
QStringList migrationV3()
{
    return {
        QStringLiteral("ALTER TABLE tracks ADD COLUMN preview_url TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("CREATE TABLE analyses (\n"
                       "    track_id TEXT PRIMARY KEY REFERENCES tracks(id) ON DELETE CASCADE,\n"
                       "    preview_url TEXT NOT NULL,\n"  // the preview analysed; '' when none
                       "    analysed_at TEXT NOT NULL,\n"  // ISO 8601, UTC
                       "    outcome TEXT NOT NULL,\n"      // 'ok', 'no-preview' or 'failed'
                       "    reason TEXT NOT NULL)"),       // why it failed; '' otherwise
    };
}

// The user's likes and dislikes of recommendations, by seed. Not tied to the tracks table: a seed
// may be a playlist ("playlist:<id>"), and a reaction outlives the track leaving the library.
QStringList migrationV4()
{
    return {QStringLiteral("CREATE TABLE feedback (\n"
                           "    seed_id TEXT NOT NULL,\n"
                           "    track_id TEXT NOT NULL,\n"
                           "    reaction TEXT NOT NULL,\n"       // 'like' or 'dislike'
                           "    made_order INTEGER NOT NULL,\n"  // ascending in the order made
                           "    PRIMARY KEY (seed_id, track_id))")};
}

// A number that every write to the tracks, features or playlists raises, so a snapshot of the
// catalog (see catalogsnapshot) can tell whether it still shows the library. It starts at a
// random value, so a snapshot left by a deleted library never matches a new one.
QStringList migrationV5()
{
    return {QStringLiteral("CREATE TABLE catalog_generation (value INTEGER NOT NULL)"),
            QStringLiteral("INSERT INTO catalog_generation (value) VALUES (abs(random() / 2))")};
}

// Earlier versions recorded a preview lookup or download that failed for the network (offline,
// a timeout) as "no preview" or "failed", and kept it for 30 days: forget those answers, so each
// track is asked again; a real answer costs one lookup to find again.
QStringList migrationV6()
{
    return {QStringLiteral("DELETE FROM analyses WHERE outcome IN ('no-preview', 'failed')")};
}

// Songs Discover found beyond the library: where each came from, for which seed and when
// (seed_id as in feedback), and what Deezer said of it. Deezer's preview links expire within
// minutes, so its track id is kept instead, to look the link up when the preview is played.
QStringList migrationV7()
{
    return {QStringLiteral("CREATE TABLE IF NOT EXISTS discoveries (\n"
                           "    track_id TEXT NOT NULL REFERENCES tracks(id) ON DELETE CASCADE,\n"
                           "    seed_id TEXT NOT NULL,\n"
                           "    source TEXT NOT NULL,\n"         // 'reccobeats' or 'deezer'
                           "    artist TEXT NOT NULL,\n"         // Deezer: whose top song it is
                           "    related_to TEXT NOT NULL,\n"     // Deezer: the seed's artist it is related to, or ''
                           "    discovered_at TEXT NOT NULL,\n"  // ISO 8601, UTC
                           "    PRIMARY KEY (track_id, seed_id, source, artist))"),
            QStringLiteral("CREATE INDEX IF NOT EXISTS discoveries_by_seed ON discoveries(seed_id)"),
            QStringLiteral("CREATE TABLE IF NOT EXISTS deezer_tracks (\n"
                           "    track_id TEXT PRIMARY KEY REFERENCES tracks(id) ON DELETE CASCADE,\n"
                           "    deezer_id INTEGER NOT NULL,\n"
                           "    rank INTEGER NOT NULL,\n"  // Deezer's popularity, 0 when unknown
                           "    cover_url TEXT NOT NULL)")};
}

// Spotify's answers to searches for songs without a Spotify id, and the searches made each day:
// the developer quota is small, so no song is searched for twice and the day's count is kept.
QStringList migrationV8()
{
    return {QStringLiteral("CREATE TABLE IF NOT EXISTS spotify_matches (\n"
                           "    song_id TEXT PRIMARY KEY,\n"  // the track id searched for
                           "    spotify_id TEXT NOT NULL,\n"  // '' when Spotify has no such song
                           "    asked_at TEXT NOT NULL)"),    // ISO 8601, UTC
            QStringLiteral("CREATE TABLE IF NOT EXISTS spotify_searches (\n"
                           "    day TEXT PRIMARY KEY,\n"  // yyyy-MM-dd, UTC
                           "    calls INTEGER NOT NULL)")};
}

// The cover links Spotify gives with a playlist's tracks, by album: the window shows them without
// asking another service.
QStringList migrationV9()
{
    return {QStringLiteral("CREATE TABLE IF NOT EXISTS album_covers (\n"
                           "    album_id TEXT PRIMARY KEY,\n"
                           "    url TEXT NOT NULL)")};
}

const QList<QStringList> &migrations()
{
    static const QList<QStringList> steps = {migrationV1(), migrationV2(), migrationV3(), migrationV4(), migrationV5(),
                                             migrationV6(), migrationV7(), migrationV8(), migrationV9()};
    return steps;
}

QString reactionName(Reaction reaction)
{
    return reaction == Reaction::Like ? QStringLiteral("like") : QStringLiteral("dislike");
}

std::optional<Reaction> reactionFromName(const QString &name)
{
    for (Reaction reaction : {Reaction::Like, Reaction::Dislike})
        if (name == reactionName(reaction))
            return reaction;
    return std::nullopt;
}

// An upsert for the features row. A value the row does not bring leaves the stored one alone; a
// value it brings replaces the stored one (an import: the file is the newer word) or only fills a
// gap (a provider's find: the first known value stays).
enum class KnownValues { Replace, Keep };

QString featureUpsertSql(KnownValues known)
{
    QStringList columns{QStringLiteral("track_id")};
    QStringList updates;
    for (Feature f : kAllFeatures) {
        const QString key = featureKey(f);
        columns << key << key + QStringLiteral("_source");
        if (known == KnownValues::Replace) {
            updates << QStringLiteral("%1 = COALESCE(excluded.%1, %1)").arg(key)
                    << QStringLiteral("%1_source = CASE WHEN excluded.%1 IS NULL THEN %1_source "
                                      "ELSE excluded.%1_source END")
                           .arg(key);
        } else {
            updates << QStringLiteral("%1 = COALESCE(%1, excluded.%1)").arg(key)
                    << QStringLiteral("%1_source = CASE WHEN %1 IS NULL THEN excluded.%1_source "
                                      "ELSE %1_source END")
                           .arg(key);
        }
    }
    QStringList placeholders;
    for (int i = 0; i < columns.size(); ++i)
        placeholders << QStringLiteral("?");
    return QStringLiteral("INSERT INTO features (%1) VALUES (%2) ON CONFLICT(track_id) DO UPDATE SET %3")
        .arg(columns.join(u','), placeholders.join(u','), updates.join(QStringLiteral(", ")));
}

void bindFeatures(QSqlQuery &query, const QString &trackId, const AudioFeatures &features)
{
    query.addBindValue(trackId);
    for (Feature f : kAllFeatures) {
        query.addBindValue(features.has(f) ? QVariant(double(features.value(f)))
                                           : QVariant(QMetaType::fromType<double>()));
        query.addBindValue(static_cast<int>(features.source(f)));
    }
}

// A track with its features, as every query that reads tracks selects them; readTrackRow() reads
// one row of it.
QString trackSelectSql()
{
    QString featureColumns;
    for (Feature f : kAllFeatures)
        featureColumns += QStringLiteral(", f.%1, f.%1_source").arg(featureKey(f));
    return QStringLiteral("SELECT t.id, t.name, t.artists, t.album, t.album_id, t.release_date, t.duration_ms,"
                          " t.isrc, t.popularity, t.genre, t.preview_url%1"
                          " FROM tracks t LEFT JOIN features f ON f.track_id = t.id")
        .arg(featureColumns);
}

TrackFeatures readTrackRow(const QSqlQuery &query)
{
    TrackFeatures row;
    Track &track = row.track;
    track.id = query.value(0).toString();
    track.name = query.value(1).toString();
    track.artists = artistsFromJson(query.value(2).toString());
    track.album = query.value(3).toString();
    track.albumId = query.value(4).toString();
    track.releaseDate = ReleaseDate::parse(query.value(5).toString());
    track.durationMs = query.value(6).toInt();
    track.isrc = query.value(7).toString();
    if (!query.isNull(8))
        track.popularity = query.value(8).toInt();
    track.genre = query.value(9).toString();
    track.previewUrl = QUrl(query.value(10).toString());
    constexpr int firstFeatureColumn = 11;
    for (int i = 0; i < kFeatureCount; ++i) {
        const int column = firstFeatureColumn + 2 * i;
        if (!query.isNull(column))
            row.features.set(kAllFeatures[i], query.value(column).toFloat(),
                             static_cast<FeatureSource>(query.value(column + 1).toInt()));
    }
    return row;
}

// `condition` ORed over the eleven feature columns, "%1" standing for a column's name.
QString anyFeature(const QString &condition)
{
    QStringList parts;
    for (Feature f : kAllFeatures)
        parts << condition.arg(QStringLiteral("f.") + featureKey(f));
    return QStringLiteral("(") + parts.join(QStringLiteral(" OR ")) + QStringLiteral(")");
}

// Whether every playlist entry of `batch` names one of its tracks.
bool entriesNameTracksOf(const ImportBatch &batch)
{
    QSet<QStringView> ids;
    ids.reserve(static_cast<qsizetype>(batch.tracks.size()));
    for (const Track &track : batch.tracks)
        ids.insert(track.id);
    for (const Playlist &playlist : batch.playlists) {
        for (const QString &id : playlist.trackIds) {
            if (!ids.contains(id))
                return false;
        }
    }
    return true;
}

// SQLite limits the parameters of one statement; lists of ids are asked about in chunks.
constexpr qsizetype kIdsPerStatement = 500;

QString placeholders(qsizetype count)
{
    QString list;
    for (qsizetype i = 0; i < count; ++i)
        list += i == 0 ? QStringLiteral("?") : QStringLiteral(",?");
    return list;
}

}  // namespace

QString analysisOutcomeName(AnalysisOutcome outcome)
{
    switch (outcome) {
    case AnalysisOutcome::Ok: return QStringLiteral("ok");
    case AnalysisOutcome::NoPreview: return QStringLiteral("no-preview");
    case AnalysisOutcome::Failed: break;
    }
    return QStringLiteral("failed");
}

AnalysisOutcome analysisOutcomeFromName(const QString &name)
{
    if (name == QLatin1String("ok"))
        return AnalysisOutcome::Ok;
    if (name == QLatin1String("no-preview"))
        return AnalysisOutcome::NoPreview;
    return AnalysisOutcome::Failed;
}

QString LibraryDb::defaultPath()
{
    // Not AppLocalDataLocation: the GUI and the CLI must find the same file whatever
    // application names they set.
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
        + QStringLiteral("/Encore/library.sqlite");
}

LibraryDb::LibraryDb(QString connectionName, QString path)
    : m_connectionName(std::move(connectionName)), m_path(std::move(path))
{}

LibraryDb::~LibraryDb()
{
    QSqlDatabase::database(m_connectionName, false).close();
    QSqlDatabase::removeDatabase(m_connectionName);
}

QString LibraryDb::path() const
{
    return m_path;
}

QString LibraryDb::readOnlyNotice() const
{
    return QCoreApplication::translate(
               "encore::librarydb",
               "The library at %1 is read-only: Encore can rank from it, but cannot save any change to it.")
        .arg(QDir::toNativeSeparators(m_path));
}

Status LibraryDb::beginWrite(const WriterWait &wait)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    if (!wait) {
        if (!db.transaction())
            return databaseError(QCoreApplication::translate("encore::librarydb", "start a transaction"),
                                 db.lastError());
        return success();
    }
    // IMMEDIATE takes the write lock now, so that waiting happens here and not half way through;
    // a short busy timeout lets `wait` report and cancel between tries.
    QSqlQuery query(db);
    query.exec(QStringLiteral("PRAGMA busy_timeout = %1").arg(kWriterPollMs));
    const auto restoreTimeout =
        qScopeGuard([&query] { query.exec(QStringLiteral("PRAGMA busy_timeout = %1").arg(kBusyTimeoutMs)); });
    QElapsedTimer waited;
    waited.start();
    bool waitedForWriter = false;
    while (!query.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
        const QString code = query.lastError().nativeErrorCode();
        if (code != QLatin1String("5") && code != QLatin1String("6"))  // SQLITE_BUSY, SQLITE_LOCKED
            return databaseError(QCoreApplication::translate("encore::librarydb", "start a transaction"),
                                 query.lastError());
        waitedForWriter = true;
        if (!wait(waited.elapsed(), false))
            return Error{ErrorKind::Cancelled,
                         QCoreApplication::translate("encore::librarydb",
                                                     "Stopped waiting for the other Encore; nothing was saved.")};
    }
    if (waitedForWriter)
        wait(waited.elapsed(), true);
    return success();
}

Result<std::unique_ptr<LibraryDb>> LibraryDb::open(const QString &path)
{
    static QAtomicInteger<quint64> connectionCounter;
    const QString connectionName = QStringLiteral("encore-library-%1").arg(connectionCounter.fetchAndAddRelaxed(1));

    const QFileInfo info(path);
    const QFileInfo folder(info.absolutePath());
    // Only an existing library can be read; a new one must be written.
    const bool readOnly = info.exists() && (!info.isWritable() || (folder.exists() && !folder.isWritable()));
    if (!readOnly && !QDir().mkpath(info.absolutePath()))
        return Error{ErrorKind::Io,
                     QCoreApplication::translate("encore::librarydb", "Could not create the folder %1 for the library.")
                         .arg(QDir::toNativeSeparators(info.absolutePath()))};

    std::unique_ptr<LibraryDb> library(new LibraryDb(connectionName, info.absoluteFilePath()));
    library->m_readOnly = readOnly;
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
    if (readOnly) {
        // A WAL library needs its -shm file, which a read-only folder cannot hold: nothing can
        // change the file there, so SQLite may read it as immutable.
        QUrl uri = QUrl::fromLocalFile(info.absoluteFilePath());
        uri.setQuery(folder.isWritable() ? QStringLiteral("mode=ro") : QStringLiteral("immutable=1"));
        db.setDatabaseName(uri.toString(QUrl::FullyEncoded));
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI"));
    } else {
        db.setDatabaseName(info.absoluteFilePath());
    }
    if (!db.open())
        return databaseError(QCoreApplication::translate("encore::librarydb", "be opened"), db.lastError());

    QSqlQuery query(db);
    // The journal mode is stored in the file: a read-only library keeps the one it has.
    if (!readOnly && !query.exec(QStringLiteral("PRAGMA journal_mode = WAL")))
        return databaseError(QCoreApplication::translate("encore::librarydb", "be configured"), query.lastError());
    // A page cache of up to 64 MiB (SQLite's default is 2): storing a large catalog in one
    // transaction otherwise writes pages out to the log and reads them back many times over.
    for (const char *pragma :
         {"PRAGMA foreign_keys = ON", "PRAGMA synchronous = NORMAL", "PRAGMA cache_size = -65536"}) {
        if (!query.exec(QString::fromLatin1(pragma)))
            return databaseError(QCoreApplication::translate("encore::librarydb", "be configured"), query.lastError());
    }

    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return databaseError(QCoreApplication::translate("encore::librarydb", "report its version"), query.lastError());
    const int version = query.value(0).toInt();
    const auto &steps = migrations();
    if (version > steps.size())
        return Error{ErrorKind::Database,
                     QCoreApplication::translate("encore::librarydb",
                                                 "The library at %1 was written by a newer version of Encore.")
                         .arg(QDir::toNativeSeparators(info.absoluteFilePath()))};
    if (readOnly && version < steps.size())
        return Error{ErrorKind::Io,
                     QCoreApplication::translate(
                         "encore::librarydb",
                         "The library at %1 is read-only, and this version of Encore must update it before reading it.")
                         .arg(QDir::toNativeSeparators(info.absoluteFilePath()))};
    for (int step = version; step < steps.size(); ++step) {
        db.transaction();
        for (const QString &sql : steps[step]) {
            if (!query.exec(sql)) {
                const Error error =
                    databaseError(QCoreApplication::translate("encore::librarydb", "be upgraded"), query.lastError());
                db.rollback();
                return error;
            }
        }
        if (!query.exec(QStringLiteral("PRAGMA user_version = %1").arg(step + 1)) || !db.commit()) {
            const Error error =
                databaseError(QCoreApplication::translate("encore::librarydb", "be upgraded"), query.lastError());
            db.rollback();
            return error;
        }
        qCDebug(lcStorage) << "library schema upgraded to version" << step + 1;
    }
    // A bulk import that was killed before it could build the index again left it out.
    if (!readOnly && !query.exec(QString::fromLatin1(kTrackIndexSql)))
        return databaseError(QCoreApplication::translate("encore::librarydb", "be configured"), query.lastError());
    return library;
}

Status LibraryDb::beginBulkImport(const WriterWait &wait)
{
    if (const Status begun = beginWrite(wait); !begun)
        return begun;
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("DROP INDEX IF EXISTS playlist_tracks_by_track")) || !db.commit()) {
        const Error error =
            databaseError(QCoreApplication::translate("encore::librarydb", "prepare the import"), query.lastError());
        db.rollback();
        return error;
    }
    return success();
}

Status LibraryDb::endBulkImport(const WriterWait &wait)
{
    if (const Status begun = beginWrite(wait); !begun)
        return begun;
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    QSqlQuery query(db);
    if (!query.exec(QString::fromLatin1(kTrackIndexSql)) || !db.commit()) {
        const Error error =
            databaseError(QCoreApplication::translate("encore::librarydb", "finish the import"), query.lastError());
        db.rollback();
        return error;
    }
    return success();
}

std::optional<ImportSummary> LibraryDb::findImport(const QByteArray &contentHash) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(QStringLiteral("SELECT path, tracks, playlists, rows_read FROM imports WHERE content_hash = ?"));
    query.addBindValue(contentHash);
    if (!query.exec() || !query.next())
        return std::nullopt;
    ImportSummary summary;
    summary.sourcePath = query.value(0).toString();
    summary.tracks = query.value(1).toInt();
    summary.playlists = query.value(2).toInt();
    summary.rowsRead = query.value(3).toLongLong();
    summary.alreadyImported = true;
    return summary;
}

Result<CreditSplitter> LibraryDb::knownArtists() const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT DISTINCT artists FROM tracks")))
        return databaseError(QCoreApplication::translate("encore::librarydb", "read the library's artists"),
                             query.lastError());
    CreditSplitter known;
    while (query.next()) {
        // Only names credited alone: a name from a list may come from a comma split made on
        // evidence before, and must not become evidence itself ("Albert Hammond, Jr." would
        // then split "Ray Parker, Jr.").
        const QStringList artists = artistsFromJson(query.value(0).toString());
        if (artists.size() == 1 && !artists.front().contains(u','))
            known.addKnownArtist(artists.front());
    }
    return known;
}

Result<int> LibraryDb::splitStoredCredits(const CreditSplitter &known)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    QSqlQuery select(db);
    select.setForwardOnly(true);
    // One name with a comma: a JSON array of one string, so no "," between two strings.
    if (!select.exec(
            QStringLiteral("SELECT id, artists FROM tracks WHERE artists LIKE '%,%' AND artists NOT LIKE '%\",\"%'")))
        return databaseError(QCoreApplication::translate("encore::librarydb", "read the library's artists"),
                             select.lastError());
    std::vector<std::pair<QString, QStringList>> changes;
    while (select.next()) {
        const QStringList artists = artistsFromJson(select.value(1).toString());
        if (artists.size() != 1)
            continue;
        if (QStringList credited = known.split(artists.front()); credited.size() > 1)
            changes.emplace_back(select.value(0).toString(), std::move(credited));
    }
    if (changes.empty())
        return 0;

    if (!db.transaction())
        return databaseError(QCoreApplication::translate("encore::librarydb", "start a transaction"), db.lastError());
    QSqlQuery update(db);
    update.prepare(QStringLiteral("UPDATE tracks SET artists = ? WHERE id = ?"));
    for (const auto &[id, artists] : changes) {
        update.addBindValue(artistsToJson(artists));
        update.addBindValue(id);
        if (!update.exec()) {
            const Error error = databaseError(
                QCoreApplication::translate("encore::librarydb", "split a track's artists"), update.lastError());
            db.rollback();
            return error;
        }
    }
    QSqlQuery bump(db);
    if (!bump.exec(kRaiseGeneration)) {
        const Error error = databaseError(QCoreApplication::translate("encore::librarydb", "split a track's artists"),
                                          bump.lastError());
        db.rollback();
        return error;
    }
    if (!db.commit())
        return databaseError(QCoreApplication::translate("encore::librarydb", "split a track's artists"),
                             db.lastError());
    return static_cast<int>(changes.size());
}

Status LibraryDb::store(const ImportBatch &batch, const QByteArray &contentHash, const WriterWait &wait,
                        StoreReceipt *receipt)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    // In id order, so that each insert lands beside the last one in the tables' and indexes'
    // B-trees instead of on a random page (stable: a repeated id is still merged in file order).
    const std::vector<std::size_t> order = orderById(batch.tracks);
    // Entries that all name tracks of the batch cannot break a foreign key, since the store
    // upserts those tracks and every playlist: SQLite need not look each one up (7 s of a
    // 1M-track store). The switch is the connection's, and works only outside a transaction.
    const bool keysHold = entriesNameTracksOf(batch);
    if (keysHold)
        QSqlQuery(db).exec(QStringLiteral("PRAGMA foreign_keys = OFF"));
    const auto checkKeysAgain = qScopeGuard([&db, keysHold] {
        if (keysHold)
            QSqlQuery(db).exec(QStringLiteral("PRAGMA foreign_keys = ON"));
    });
    if (const Status begun = beginWrite(wait); !begun)
        return begun;
    qCDebug(lcStorage) << "storing" << batch.tracks.size() << "tracks and" << batch.playlists.size() << "playlists";

    auto fail = [&db](const QString &what, const QSqlQuery &failed) -> Status {
        const Error error = databaseError(what, failed.lastError());
        db.rollback();
        return error;
    };
    StoreReceipt outcome;
    QSqlQuery probe(db);
    if (!probe.exec(
            QStringLiteral("SELECT %1, EXISTS (SELECT 1 FROM sqlite_master WHERE name = 'playlist_tracks_by_track')")
                .arg(QLatin1String(kEmptyLibrarySql)))
        || !probe.next())
        return fail(QCoreApplication::translate("encore::librarydb", "read the library's size"), probe);
    outcome.intoEmptyLibrary = probe.value(0).toBool();
    // Into an empty library the entries' index by track is made once at the end, sorted, rather
    // than entry by entry (2 s of a 1M-track store); the transaction keeps it whole for others.
    // A bulk import (beginBulkImport) has left it out already, and makes it itself.
    const bool indexAfter = outcome.intoEmptyLibrary && probe.value(1).toBool();
    probe.finish();
    if (indexAfter && !probe.exec(QStringLiteral("DROP INDEX playlist_tracks_by_track")))
        return fail(QCoreApplication::translate("encore::librarydb", "prepare the import"), probe);

    // The many rows (tracks, features, entries) go to SQLite directly; see SqliteStatement.
    Result<SqliteStatement> trackUpsert = SqliteStatement::prepare(
        db,
        "INSERT INTO tracks (id, name, artists, album, album_id, release_date, duration_ms, isrc,"
        " popularity, genre, preview_url) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT(id) DO UPDATE SET"
        " name = CASE WHEN excluded.name <> '' THEN excluded.name ELSE name END,"
        " artists = CASE WHEN excluded.artists <> '[]' THEN excluded.artists ELSE artists END,"
        " album = CASE WHEN excluded.album <> '' THEN excluded.album ELSE album END,"
        " album_id = CASE WHEN excluded.album_id <> '' THEN excluded.album_id ELSE album_id END,"
        " release_date = CASE WHEN excluded.release_date <> '' THEN excluded.release_date"
        " ELSE release_date END,"
        " duration_ms = CASE WHEN excluded.duration_ms > 0 THEN excluded.duration_ms"
        " ELSE duration_ms END,"
        " isrc = CASE WHEN excluded.isrc <> '' THEN excluded.isrc ELSE isrc END,"
        " popularity = COALESCE(excluded.popularity, popularity),"
        " genre = CASE WHEN genre = '' THEN excluded.genre ELSE genre END,"
        " preview_url = CASE WHEN excluded.preview_url <> '' THEN excluded.preview_url"
        " ELSE preview_url END",
        QCoreApplication::translate("encore::librarydb", "store a track"));
    Result<SqliteStatement> featureUpsert =
        SqliteStatement::prepare(db, featureUpsertSql(KnownValues::Replace).toUtf8().constData(),
                                 QCoreApplication::translate("encore::librarydb", "store audio features"));
    Result<SqliteStatement> memberInsert =
        SqliteStatement::prepare(db, "INSERT INTO playlist_tracks (playlist_id, position, track_id) VALUES (?, ?, ?)",
                                 QCoreApplication::translate("encore::librarydb", "store a playlist entry"));
    for (const Result<SqliteStatement> *prepared : {&trackUpsert, &featureUpsert, &memberInsert}) {
        if (!prepared->ok()) {
            db.rollback();
            return prepared->error();
        }
    }
    auto failWith = [&db](const Status &failed) {
        db.rollback();
        return failed;
    };

    for (std::size_t i : order) {
        const Track &track = batch.tracks[i];
        trackUpsert->text(track.id)
            .text(track.name)
            .text(artistsToJson(track.artists))
            .text(track.album)
            .text(track.albumId)
            .text(track.releaseDate.toString())
            .integer(track.durationMs)
            .text(track.isrc);
        if (track.popularity)
            trackUpsert->integer(*track.popularity);
        else
            trackUpsert->null();
        trackUpsert->text(track.genre).text(track.previewUrl.toString(QUrl::FullyEncoded));
        if (const Status stored = trackUpsert->run(); !stored)
            return failWith(stored);

        const AudioFeatures &features = batch.features[i];
        if (features.isEmpty())
            continue;
        featureUpsert->text(track.id);
        for (Feature f : kAllFeatures) {
            if (features.has(f))
                featureUpsert->real(double(features.value(f)));
            else
                featureUpsert->null();
            featureUpsert->integer(static_cast<int>(features.source(f)));
        }
        if (const Status stored = featureUpsert->run(); !stored)
            return failWith(stored);
    }

    QSqlQuery playlistQuery(db);
    playlistQuery.prepare(
        QStringLiteral("INSERT INTO playlists (id, name, owner, origin, snapshot_id) VALUES (?, ?, ?, ?, ?)"
                       " ON CONFLICT(id) DO UPDATE SET name = excluded.name, owner = excluded.owner,"
                       " origin = excluded.origin, snapshot_id = excluded.snapshot_id"));
    QSqlQuery clearMembers(db);
    clearMembers.prepare(QStringLiteral("DELETE FROM playlist_tracks WHERE playlist_id = ?"));
    for (const Playlist &playlist : batch.playlists) {
        playlistQuery.addBindValue(playlist.id);
        playlistQuery.addBindValue(text(playlist.name));
        playlistQuery.addBindValue(text(playlist.owner));
        playlistQuery.addBindValue(text(playlist.origin));
        playlistQuery.addBindValue(text(playlist.snapshotId));
        if (!playlistQuery.exec())
            return fail(QCoreApplication::translate("encore::librarydb", "store a playlist"), playlistQuery);
        clearMembers.addBindValue(playlist.id);
        if (!clearMembers.exec())
            return fail(QCoreApplication::translate("encore::librarydb", "update a playlist"), clearMembers);
        for (int position = 0; position < playlist.trackIds.size(); ++position) {
            if (const Status stored =
                    memberInsert->text(playlist.id).integer(position).text(playlist.trackIds[position]).run();
                !stored)
                return failWith(stored);
        }
    }
    if (indexAfter && !probe.exec(QString::fromLatin1(kTrackIndexSql)))
        return fail(QCoreApplication::translate("encore::librarydb", "index the playlist entries"), probe);

    QSqlQuery coverQuery(db);
    coverQuery.prepare(QStringLiteral("INSERT OR REPLACE INTO album_covers (album_id, url) VALUES (?, ?)"));
    for (auto cover = batch.albumCovers.cbegin(); cover != batch.albumCovers.cend(); ++cover) {
        coverQuery.addBindValue(cover.key());
        coverQuery.addBindValue(cover.value().toString(QUrl::FullyEncoded));
        if (!coverQuery.exec())
            return fail(QCoreApplication::translate("encore::librarydb", "store an album cover"), coverQuery);
    }

    if (!contentHash.isEmpty()) {
        QSqlQuery importQuery(db);
        importQuery.prepare(
            QStringLiteral("INSERT OR REPLACE INTO imports (content_hash, path, imported_at, tracks, playlists,"
                           " rows_read, rejected) VALUES (?, ?, ?, ?, ?, ?, ?)"));
        importQuery.addBindValue(contentHash);
        importQuery.addBindValue(text(batch.sourcePath));
        importQuery.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
        importQuery.addBindValue(qint64(batch.tracks.size()));
        importQuery.addBindValue(qint64(batch.playlists.size()));
        importQuery.addBindValue(batch.rowsRead);
        importQuery.addBindValue(qint64(batch.rejected.size()));
        if (!importQuery.exec())
            return fail(QCoreApplication::translate("encore::librarydb", "record the import"), importQuery);
    }
    QSqlQuery bump(db);
    if (!bump.exec(kRaiseGeneration))
        return fail(QCoreApplication::translate("encore::librarydb", "record the change"), bump);
    if (receipt) {
        if (!bump.exec(QStringLiteral("SELECT value FROM catalog_generation")) || !bump.next())
            return fail(QCoreApplication::translate("encore::librarydb", "read the library's generation"), bump);
        outcome.generation = bump.value(0).toLongLong();
        bump.finish();
    }

    if (!db.commit()) {
        const Error error =
            databaseError(QCoreApplication::translate("encore::librarydb", "save the import"), db.lastError());
        db.rollback();
        return error;
    }
    if (receipt)
        *receipt = outcome;
    return success();
}

Result<QHash<QString, QUrl>> LibraryDb::albumCovers() const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT album_id, url FROM album_covers")))
        return databaseError(QCoreApplication::translate("encore::librarydb", "read the album covers"),
                             query.lastError());
    QHash<QString, QUrl> covers;
    while (query.next())
        covers.insert(query.value(0).toString(), QUrl(query.value(1).toString()));
    return covers;
}

bool LibraryDb::isEmpty() const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    return query.exec(QStringLiteral("SELECT %1").arg(QLatin1String(kEmptyLibrarySql))) && query.next()
        && query.value(0).toBool();
}

int LibraryDb::trackCount() const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    if (query.exec(QStringLiteral("SELECT COUNT(*) FROM tracks")) && query.next())
        return query.value(0).toInt();
    return 0;
}

Result<Playlist> LibraryDb::playlist(const QString &id) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(QStringLiteral("SELECT id, name, owner, origin, snapshot_id FROM playlists WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec())
        return databaseError(QCoreApplication::translate("encore::librarydb", "read a playlist"), query.lastError());
    if (!query.next())
        return Error{
            ErrorKind::NotFound,
            QCoreApplication::translate("encore::librarydb", "The playlist %1 is not in the library.").arg(id)};
    Playlist found{
        query.value(0).toString(), query.value(1).toString(), query.value(2).toString(), query.value(3).toString(), {},
        query.value(4).toString()};
    query.prepare(QStringLiteral("SELECT track_id FROM playlist_tracks WHERE playlist_id = ? ORDER BY position"));
    query.addBindValue(id);
    if (!query.exec())
        return databaseError(QCoreApplication::translate("encore::librarydb", "read a playlist"), query.lastError());
    while (query.next())
        found.trackIds.push_back(query.value(0).toString());
    return found;
}

QString LibraryDb::snapshotPath() const
{
    return m_path + QStringLiteral(".catalog");
}

QString LibraryDb::rankingCachePath() const
{
    if (m_readOnly)
        return {};
    return m_path + QStringLiteral(".ranking");
}

Result<Catalog> LibraryDb::loadCatalog() const
{
    // One read transaction: the generation and the tables are read as of one moment.
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    if (!db.transaction())
        return databaseError(QCoreApplication::translate("encore::librarydb", "start a transaction"), db.lastError());
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT value FROM catalog_generation")) || !query.next()) {
        const Error error = databaseError(
            QCoreApplication::translate("encore::librarydb", "read the library's generation"), query.lastError());
        db.rollback();
        return error;
    }
    const qint64 generation = query.value(0).toLongLong();
    query.finish();
    if (std::optional<Catalog> mapped = catalogsnapshot::map(snapshotPath(), generation)) {
        db.commit();
        return std::move(*mapped);
    }
    Result<Catalog> loaded = readCatalogTables();
    db.commit();
    if (!loaded)
        return loaded;
    if (!m_readOnly) {
        qCDebug(lcStorage) << "library read from its tables; writing its snapshot" << snapshotPath();
        if (const Status written = catalogsnapshot::write(*loaded, snapshotPath(), generation); !written)
            qCWarning(lcStorage) << written.error().message;
    }
    return Catalog(loaded->columns(), generation);
}

Result<Catalog> LibraryDb::readCatalogTables() const
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    QSqlQuery query(db);
    query.setForwardOnly(true);

    if (!query.exec(trackSelectSql()))
        return databaseError(QCoreApplication::translate("encore::librarydb", "read the tracks"), query.lastError());

    // Room for every track at once: grown by doubling, the vectors would hold room for up to twice
    // as many at the peak, and both the old and the new room while growing.
    const auto expected = static_cast<std::size_t>(std::max(trackCount(), 0));
    std::vector<Track> tracks;
    tracks.reserve(expected);
    std::vector<AudioFeatures> features;
    features.reserve(expected);
    while (query.next()) {
        TrackFeatures row = readTrackRow(query);
        tracks.push_back(std::move(row.track));
        features.push_back(row.features);
    }
    if (query.lastError().isValid())
        return databaseError(QCoreApplication::translate("encore::librarydb", "read the tracks"), query.lastError());

    std::vector<Playlist> playlists;
    if (!query.exec(QStringLiteral("SELECT id, name, owner, origin, snapshot_id FROM playlists ORDER BY id")))
        return databaseError(QCoreApplication::translate("encore::librarydb", "read the playlists"), query.lastError());
    while (query.next()) {
        playlists.push_back(Playlist{query.value(0).toString(),
                                     query.value(1).toString(),
                                     query.value(2).toString(),
                                     query.value(3).toString(),
                                     {},
                                     query.value(4).toString()});
    }
    // Ordered as the playlists are, by the same column: each playlist's entries come together, in
    // the playlists' order, so each entry's playlist is found by moving forward through them.
    if (!query.exec(QStringLiteral("SELECT p.id, e.track_id FROM playlists p JOIN playlist_tracks e "
                                   "ON e.playlist_id = p.id ORDER BY p.id, e.position")))
        return databaseError(QCoreApplication::translate("encore::librarydb", "read the playlist entries"),
                             query.lastError());
    // Each entry as its track's position in `tracks`, four bytes instead of a string: a library
    // of a million playlists has tens of millions of entries.
    QHash<QStringView, std::int32_t> positionOfId;
    positionOfId.reserve(static_cast<qsizetype>(tracks.size()));
    for (std::size_t i = 0; i < tracks.size(); ++i)
        positionOfId.insert(tracks[i].id, static_cast<std::int32_t>(i));
    Catalog::Entries entries;
    entries.starts.assign(playlists.size() + 1, 0);
    std::size_t playlist = 0;
    while (query.next()) {
        const QString entryPlaylist = query.value(0).toString();
        while (playlist + 1 < playlists.size() && playlists[playlist].id != entryPlaylist)
            ++playlist;
        Q_ASSERT(playlists[playlist].id == entryPlaylist);
        if (const auto track = positionOfId.constFind(query.value(1).toString()); track != positionOfId.constEnd()) {
            entries.positions.push_back(track.value());
            ++entries.starts[playlist + 1];
        }
    }
    if (query.lastError().isValid())
        return databaseError(QCoreApplication::translate("encore::librarydb", "read the playlist entries"),
                             query.lastError());
    std::partial_sum(entries.starts.begin(), entries.starts.end(), entries.starts.begin());
    return Catalog(tracks, features, playlists, entries);
}

Status LibraryDb::storeFoundFeatures(const std::vector<FoundFeatures> &found)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    if (!db.transaction())
        return databaseError(QCoreApplication::translate("encore::librarydb", "start a transaction"), db.lastError());
    QSqlQuery query(db);
    query.prepare(featureUpsertSql(KnownValues::Keep));
    // A find for a track removed from the library meanwhile is dropped.
    QSqlQuery exists(db);
    exists.prepare(QStringLiteral("SELECT 1 FROM tracks WHERE id = ?"));
    for (const FoundFeatures &entry : found) {
        if (entry.features.isEmpty())
            continue;
        exists.addBindValue(entry.trackId);
        if (!exists.exec()) {
            const Error error = databaseError(QCoreApplication::translate("encore::librarydb", "store audio features"),
                                              exists.lastError());
            db.rollback();
            return error;
        }
        if (!exists.next())
            continue;
        bindFeatures(query, entry.trackId, entry.features);
        if (!query.exec()) {
            const Error error = databaseError(QCoreApplication::translate("encore::librarydb", "store audio features"),
                                              query.lastError());
            db.rollback();
            return error;
        }
    }
    if (!query.exec(kRaiseGeneration)) {
        const Error error =
            databaseError(QCoreApplication::translate("encore::librarydb", "store audio features"), query.lastError());
        db.rollback();
        return error;
    }
    if (!db.commit()) {
        const Error error =
            databaseError(QCoreApplication::translate("encore::librarydb", "save audio features"), db.lastError());
        db.rollback();
        return error;
    }
    return success();
}

Result<std::vector<TrackFeatures>> LibraryDb::selectTracks(const QString &condition,
                                                           const std::optional<QStringList> &scope) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.setForwardOnly(true);
    std::vector<TrackFeatures> rows;
    auto readAll = [&]() -> Status {
        if (!query.exec())
            return databaseError(QCoreApplication::translate("encore::librarydb", "read the tracks"),
                                 query.lastError());
        while (query.next())
            rows.push_back(readTrackRow(query));
        if (query.lastError().isValid())
            return databaseError(QCoreApplication::translate("encore::librarydb", "read the tracks"),
                                 query.lastError());
        return success();
    };
    const QString where = condition.isEmpty() ? QString() : QStringLiteral(" WHERE ") + condition;
    if (!scope) {
        query.prepare(trackSelectSql() + where);
        if (Status read = readAll(); !read)
            return read.error();
        return rows;
    }
    QStringList ids = *scope;
    ids.removeDuplicates();
    for (qsizetype at = 0; at < ids.size(); at += kIdsPerStatement) {
        const QStringList chunk = ids.mid(at, kIdsPerStatement);
        query.prepare(trackSelectSql() + (where.isEmpty() ? QStringLiteral(" WHERE ") : where + QStringLiteral(" AND "))
                      + QStringLiteral("t.id IN (%1)").arg(placeholders(chunk.size())));
        for (const QString &id : chunk)
            query.addBindValue(id);
        if (Status read = readAll(); !read)
            return read.error();
    }
    return rows;
}

Result<std::vector<TrackFeatures>> LibraryDb::tracks(const std::optional<QStringList> &scope) const
{
    return selectTracks({}, scope);
}

Result<std::vector<TrackFeatures>> LibraryDb::tracksMissingFeatures(const std::optional<QStringList> &scope) const
{
    return selectTracks(QStringLiteral("(f.track_id IS NULL OR %1)").arg(anyFeature(QStringLiteral("%1 IS NULL"))),
                        scope);
}

Result<std::vector<TrackFeatures>> LibraryDb::catalogReferenceTracks() const
{
    return selectTracks(anyFeature(QStringLiteral("%1_source = ") + QString::number(int(FeatureSource::Catalog))),
                        std::nullopt);
}

Result<FeatureSourceCounts> LibraryDb::featureSourceCounts(const std::optional<QStringList> &scope) const
{
    Result<std::vector<TrackFeatures>> rows = tracks(scope);
    if (!rows)
        return rows.error();
    FeatureSourceCounts counts;
    for (const TrackFeatures &row : *rows)
        counts.add(row.features);
    return counts;
}

Result<QHash<QString, AnalysisRecord>> LibraryDb::analysisRecords(const QStringList &trackIds) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.setForwardOnly(true);
    QHash<QString, AnalysisRecord> records;
    for (qsizetype at = 0; at < trackIds.size(); at += kIdsPerStatement) {
        const QStringList chunk = trackIds.mid(at, kIdsPerStatement);
        query.prepare(QStringLiteral("SELECT track_id, preview_url, analysed_at, outcome, reason"
                                     " FROM analyses WHERE track_id IN (%1)")
                          .arg(placeholders(chunk.size())));
        for (const QString &id : chunk)
            query.addBindValue(id);
        if (!query.exec())
            return databaseError(QCoreApplication::translate("encore::librarydb", "read the analyses"),
                                 query.lastError());
        while (query.next()) {
            AnalysisRecord record;
            record.trackId = query.value(0).toString();
            record.previewUrl = QUrl(query.value(1).toString());
            record.analysedAt = QDateTime::fromString(query.value(2).toString(), Qt::ISODate);
            record.outcome = analysisOutcomeFromName(query.value(3).toString());
            record.reason = query.value(4).toString();
            records.insert(record.trackId, record);
        }
    }
    return records;
}

Status LibraryDb::recordAnalysis(const AnalysisRecord &record)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(QStringLiteral("INSERT OR REPLACE INTO analyses (track_id, preview_url, analysed_at, outcome, reason)"
                                 " SELECT id, ?, ?, ?, ? FROM tracks WHERE id = ?"));
    query.addBindValue(text(record.previewUrl.toString(QUrl::FullyEncoded)));
    query.addBindValue(record.analysedAt.toUTC().toString(Qt::ISODate));
    query.addBindValue(analysisOutcomeName(record.outcome));
    query.addBindValue(text(record.reason));
    query.addBindValue(record.trackId);
    if (!query.exec())
        return databaseError(QCoreApplication::translate("encore::librarydb", "record an analysis"), query.lastError());
    return success();
}

Result<std::vector<FeedbackEntry>> LibraryDb::feedback() const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    if (!query.exec(QStringLiteral("SELECT seed_id, track_id, reaction FROM feedback ORDER BY made_order")))
        return databaseError(QCoreApplication::translate("encore::librarydb", "read your likes and dislikes"),
                             query.lastError());
    std::vector<FeedbackEntry> entries;
    while (query.next()) {
        // A reaction this version does not know (a newer one wrote it) is left out.
        if (const std::optional<Reaction> reaction = reactionFromName(query.value(2).toString()))
            entries.push_back({query.value(0).toString(), query.value(1).toString(), *reaction});
    }
    return entries;
}

Status LibraryDb::recordFeedback(const FeedbackEntry &entry)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    // Replacing moves the pair to the end, as FeedbackLog::record does.
    query.prepare(QStringLiteral("INSERT OR REPLACE INTO feedback (seed_id, track_id, reaction, made_order)"
                                 " SELECT ?, ?, ?, COALESCE(MAX(made_order), 0) + 1 FROM feedback"));
    query.addBindValue(entry.seedId);
    query.addBindValue(entry.trackId);
    query.addBindValue(reactionName(entry.reaction));
    if (!query.exec())
        return databaseError(QCoreApplication::translate("encore::librarydb", "save your reaction"), query.lastError());
    return success();
}

Status LibraryDb::clearFeedback(const QString &seedId, const QString &trackId)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(QStringLiteral("DELETE FROM feedback WHERE seed_id = ? AND track_id = ?"));
    query.addBindValue(seedId);
    query.addBindValue(trackId);
    if (!query.exec())
        return databaseError(QCoreApplication::translate("encore::librarydb", "clear your reaction"),
                             query.lastError());
    return success();
}

Status LibraryDb::clearLikes(const QString &trackId)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(QStringLiteral("DELETE FROM feedback WHERE track_id = ? AND reaction = ?"));
    query.addBindValue(trackId);
    query.addBindValue(reactionName(Reaction::Like));
    if (!query.exec())
        return databaseError(QCoreApplication::translate("encore::librarydb", "remove the song from your likes"),
                             query.lastError());
    return success();
}

}  // namespace encore
