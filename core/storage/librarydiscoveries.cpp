// LibraryDb's record of the songs Discover found: the tracks themselves go into the tracks table
// like any other; the discoveries and deezer_tracks tables say where they came from.

#include "librarydb.h"

#include "databaseerror.h"
#include "storedvalues.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace encore {

Status LibraryDb::storeDiscoveries(const QString &seedId, const std::vector<Candidate> &candidates)
{
    if (const Status begun = beginWrite({}); !begun)
        return begun;
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    const QString what = QCoreApplication::translate("encore::librarydb", "store the discovered songs");
    auto fail = [&](const QSqlQuery &failed) -> Status {
        const Error error = databaseError(what, failed.lastError());
        db.rollback();
        return error;
    };

    // A song the library holds keeps what it has: Discover knows less of a song than a catalog.
    QSqlQuery track(db);
    track.prepare(
        QStringLiteral("INSERT INTO tracks (id, name, artists, album, album_id, release_date, duration_ms, isrc,"
                       " popularity, genre) VALUES (?, ?, ?, ?, '', '', ?, ?, NULL, '') ON CONFLICT(id) DO NOTHING"));
    QSqlQuery tempo(db);
    tempo.prepare(QStringLiteral("INSERT INTO features (track_id, tempo, tempo_source) VALUES (?, ?, ?)"
                                 " ON CONFLICT(track_id) DO UPDATE SET tempo = excluded.tempo,"
                                 " tempo_source = excluded.tempo_source WHERE tempo IS NULL"));
    QSqlQuery deezer(db);
    deezer.prepare(QStringLiteral("INSERT OR REPLACE INTO deezer_tracks (track_id, deezer_id, rank, cover_url)"
                                  " VALUES (?, ?, ?, ?)"));
    QSqlQuery origin(db);
    origin.prepare(QStringLiteral("INSERT OR REPLACE INTO discoveries"
                                  " (track_id, seed_id, source, artist, related_to, discovered_at)"
                                  " VALUES (?, ?, ?, ?, ?, ?)"));
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);

    for (const Candidate &candidate : candidates) {
        const QString id = discoveredTrackId(candidate);
        if (id.isEmpty())
            continue;
        const Track &song = candidate.track;
        track.addBindValue(id);
        track.addBindValue(text(song.name));
        track.addBindValue(artistsToJson(song.artists));
        track.addBindValue(text(song.album));
        track.addBindValue(song.durationMs);
        track.addBindValue(text(song.isrc.toUpper()));
        if (!track.exec())
            return fail(track);

        if (candidate.deezerBpm) {
            tempo.addBindValue(id);
            tempo.addBindValue(*candidate.deezerBpm);
            tempo.addBindValue(int(FeatureSource::Deezer));
            if (!tempo.exec())
                return fail(tempo);
        }
        if (candidate.deezerId > 0) {
            deezer.addBindValue(id);
            deezer.addBindValue(candidate.deezerId);
            deezer.addBindValue(candidate.deezerRank);
            deezer.addBindValue(text(candidate.cover.toString(QUrl::FullyEncoded)));
            if (!deezer.exec())
                return fail(deezer);
        }
        for (const DiscoveryOrigin &found : candidate.origins) {
            origin.addBindValue(id);
            origin.addBindValue(seedId);
            origin.addBindValue(discoverySourceName(found.source));
            origin.addBindValue(text(found.artist));
            origin.addBindValue(text(found.relatedTo));
            origin.addBindValue(now);
            if (!origin.exec())
                return fail(origin);
        }
    }
    QSqlQuery bump(db);
    if (!bump.exec(kRaiseGeneration))
        return fail(bump);
    if (!db.commit()) {
        const Error error = databaseError(what, db.lastError());
        db.rollback();
        return error;
    }
    return success();
}

Result<std::vector<Discovered>> LibraryDb::discoveries(const QString &seedId) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT track_id, seed_id, source, artist, related_to, discovered_at"
                                 " FROM discoveries WHERE ? = '' OR seed_id = ?"
                                 " ORDER BY discovered_at DESC, rowid"));
    query.addBindValue(text(seedId));
    query.addBindValue(text(seedId));
    if (!query.exec())
        return databaseError(QCoreApplication::translate("encore::librarydb", "read the discovered songs"),
                             query.lastError());
    std::vector<Discovered> found;
    while (query.next()) {
        const std::optional<DiscoveryOrigin::Source> source = discoverySourceFromName(query.value(2).toString());
        if (!source)  // written by a later Encore: not ours to read
            continue;
        found.push_back({query.value(0).toString(), query.value(1).toString(),
                         DiscoveryOrigin{*source, query.value(3).toString(), query.value(4).toString()},
                         QDateTime::fromString(query.value(5).toString(), Qt::ISODateWithMs)});
    }
    return found;
}

Result<QHash<QString, DeezerTrack>> LibraryDb::deezerTracks(const QStringList &trackIds) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(QStringLiteral("SELECT deezer_id, rank, cover_url FROM deezer_tracks WHERE track_id = ?"));
    QHash<QString, DeezerTrack> found;
    for (const QString &id : trackIds) {
        query.addBindValue(id);
        if (!query.exec())
            return databaseError(QCoreApplication::translate("encore::librarydb", "read the discovered songs"),
                                 query.lastError());
        if (query.next())
            found.insert(
                id, DeezerTrack{query.value(0).toLongLong(), query.value(1).toInt(), QUrl(query.value(2).toString())});
    }
    return found;
}

}  // namespace encore
