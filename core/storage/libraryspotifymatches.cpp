// LibraryDb's record of Spotify searches for songs without a Spotify id: every answer, so that
// no song costs a search twice, and the searches made each day, so that Encore keeps to a budget
// of the developer app's small daily quota.

#include "librarydb.h"

#include "databaseerror.h"
#include "storedvalues.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace encore {

namespace {

QString today()
{
    return QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate);
}

// Moves the discovered song `songId` onto the Spotify track `found`, which joins the library
// when it is not there yet. Rows the Spotify id already has win over the song's. The error of the
// statement that failed; an invalid one when all went well.
QSqlError adoptSpotifyTrack(QSqlDatabase &db, const QString &songId, const Track &found)
{
    QSqlQuery query(db);
    query.prepare(
        QStringLiteral("INSERT INTO tracks (id, name, artists, album, album_id, release_date, duration_ms, isrc,"
                       " popularity, genre, preview_url) SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, genre, ''"
                       " FROM tracks WHERE id = ? ON CONFLICT(id) DO NOTHING"));
    bindTrackColumns(query, found);
    query.addBindValue(songId);
    if (!query.exec())
        return query.lastError();
    const QStringList moves{
        QStringLiteral("UPDATE OR IGNORE features SET track_id = :to WHERE track_id = :from"),
        QStringLiteral("UPDATE OR IGNORE analyses SET track_id = :to WHERE track_id = :from"),
        QStringLiteral("UPDATE OR IGNORE deezer_tracks SET track_id = :to WHERE track_id = :from"),
        QStringLiteral("UPDATE OR IGNORE discoveries SET track_id = :to WHERE track_id = :from"),
        QStringLiteral("UPDATE OR IGNORE discoveries SET seed_id = :to WHERE seed_id = :from"),
        QStringLiteral("UPDATE playlist_tracks SET track_id = :to WHERE track_id = :from"),
        QStringLiteral("UPDATE OR IGNORE feedback SET track_id = :to WHERE track_id = :from"),
        QStringLiteral("UPDATE OR IGNORE feedback SET seed_id = :to WHERE seed_id = :from"),
        QStringLiteral("DELETE FROM feedback WHERE track_id = :from OR seed_id = :from"),
        QStringLiteral("DELETE FROM discoveries WHERE seed_id = :from"),
        // The rest of the song's rows go with it (ON DELETE CASCADE).
        QStringLiteral("DELETE FROM tracks WHERE id = :from"),
    };
    for (const QString &sql : moves) {
        query.prepare(sql);
        if (sql.contains(QLatin1String(":to")))
            query.bindValue(QStringLiteral(":to"), found.id);
        query.bindValue(QStringLiteral(":from"), songId);
        if (!query.exec())
            return query.lastError();
    }
    return {};
}

}  // namespace

Result<QHash<QString, SpotifyMatch>> LibraryDb::spotifyMatches(const QStringList &songIds) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(QStringLiteral("SELECT spotify_id, asked_at FROM spotify_matches WHERE song_id = ?"));
    QHash<QString, SpotifyMatch> found;
    for (const QString &id : songIds) {
        query.addBindValue(id);
        if (!query.exec())
            return databaseError(QCoreApplication::translate("encore::librarydb", "read Spotify's earlier answers"),
                                 query.lastError());
        if (query.next())
            found.insert(id,
                         SpotifyMatch{query.value(0).toString(),
                                      QDateTime::fromString(query.value(1).toString(), Qt::ISODateWithMs)});
    }
    return found;
}

Result<int> LibraryDb::spotifySearchesToday() const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(QStringLiteral("SELECT calls FROM spotify_searches WHERE day = ?"));
    query.addBindValue(today());
    if (!query.exec())
        return databaseError(QCoreApplication::translate("encore::librarydb", "read today's Spotify searches"),
                             query.lastError());
    return query.next() ? query.value(0).toInt() : 0;
}

Status LibraryDb::storeSpotifyMatches(const std::vector<SpotifySearchAnswer> &answers, int searches)
{
    if (const Status begun = beginWrite({}); !begun)
        return begun;
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    const QString what = QCoreApplication::translate("encore::librarydb", "store Spotify's answers");
    auto fail = [&](const QSqlError &failed) -> Status {
        const Error error = databaseError(what, failed);
        db.rollback();
        return error;
    };

    QSqlQuery count(db);
    count.prepare(QStringLiteral("INSERT INTO spotify_searches (day, calls) VALUES (?, ?)"
                                 " ON CONFLICT(day) DO UPDATE SET calls = calls + excluded.calls"));
    count.addBindValue(today());
    count.addBindValue(searches);
    if (!count.exec())
        return fail(count.lastError());

    QSqlQuery match(db);
    match.prepare(QStringLiteral("INSERT OR REPLACE INTO spotify_matches (song_id, spotify_id, asked_at)"
                                 " VALUES (?, ?, ?)"));
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    bool adopted = false;
    for (const SpotifySearchAnswer &answer : answers) {
        match.addBindValue(answer.song.id);
        match.addBindValue(text(answer.found ? answer.found->id : QString()));
        match.addBindValue(now);
        if (!match.exec())
            return fail(match.lastError());
        if (answer.found && !deezerIdOf(answer.song.id).isEmpty()) {
            if (const QSqlError failed = adoptSpotifyTrack(db, answer.song.id, *answer.found); failed.isValid())
                return fail(failed);
            adopted = true;
        }
    }
    QSqlQuery bump(db);
    if (adopted && !bump.exec(kRaiseGeneration))
        return fail(bump.lastError());
    if (!db.commit())
        return fail(db.lastError());
    return success();
}

}  // namespace encore
