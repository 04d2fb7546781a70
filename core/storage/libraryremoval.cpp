// LibraryDb's removal of playlists and its undo. What a removal takes out of a table goes, whole
// rows with every column, into a table "removed_<table>" beside it, tagged with the removal's
// id; restoring copies the rows back. The removed_ tables are made on the first removal (from
// the tables as they are then) and dropped by purgeRemovals().

#include "librarydb.h"

#include "databaseerror.h"
#include "storedvalues.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace encore {

namespace {

// The tables a removal takes rows from, and which rows, given the temporary tables
// removing_playlists and removing_tracks. In the order rows are taken: imports are found through
// the playlists' origins, so before the playlists go.
struct RemovedRows {
    const char *table;
    const char *condition;
};
constexpr RemovedRows kRemovedRows[] = {
    {"imports", "path IN (SELECT origin FROM playlists WHERE id IN (SELECT id FROM temp.removing_playlists))"},
    {"playlist_tracks", "playlist_id IN (SELECT id FROM temp.removing_playlists)"},
    {"playlists", "id IN (SELECT id FROM temp.removing_playlists)"},
    {"analyses", "track_id IN (SELECT id FROM temp.removing_tracks)"},
    {"features", "track_id IN (SELECT id FROM temp.removing_tracks)"},
    {"tracks", "id IN (SELECT id FROM temp.removing_tracks)"},
};

QString removedTable(const char *table)
{
    return QStringLiteral("removed_") + QLatin1String(table);
}

// Runs statements in one transaction; the first failure rolls it back and says what could not
// be done.
class Transaction {
public:
    explicit Transaction(const QString &connectionName) : m_db(QSqlDatabase::database(connectionName)), m_query(m_db)
    {
        m_open = m_db.transaction();
    }
    ~Transaction()
    {
        if (m_open)
            m_db.rollback();
    }

    QSqlQuery &query() { return m_query; }
    Error failed(const QString &what) { return databaseError(what, m_open ? m_query.lastError() : m_db.lastError()); }
    bool exec(const QString &sql) { return m_open && m_query.exec(sql); }
    bool commit()
    {
        if (!m_open || !m_db.commit())
            return false;
        m_open = false;
        return true;
    }

private:
    QSqlDatabase m_db;
    QSqlQuery m_query;
    bool m_open = false;
};

// The columns of `table`, comma-separated, for copying rows between tables of the same shape.
QString columnsOf(QSqlQuery &query, const QString &table)
{
    QStringList columns;
    if (query.exec(QStringLiteral("PRAGMA table_info(%1)").arg(table)))
        while (query.next())
            columns << query.value(1).toString();
    return columns.join(u',');
}

// The first column of the first row `sql` selects; -1 when it fails.
qint64 firstValue(QSqlQuery &query, const QString &sql)
{
    return query.exec(sql) && query.next() ? query.value(0).toLongLong() : -1;
}

}  // namespace

Result<Removal> LibraryDb::removePlaylists(const QStringList &playlistIds)
{
    Transaction transaction(m_connectionName);
    QSqlQuery &query = transaction.query();
    const QString what = QCoreApplication::translate("encore::libraryremoval", "remove the playlists");
    if (!transaction.exec(QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS removing_playlists (id TEXT PRIMARY KEY)"))
        || !transaction.exec(QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS removing_tracks (id TEXT PRIMARY KEY)"))
        || !transaction.exec(QStringLiteral("DELETE FROM temp.removing_playlists"))
        || !transaction.exec(QStringLiteral("DELETE FROM temp.removing_tracks")))
        return transaction.failed(what);

    query.prepare(
        QStringLiteral("INSERT OR IGNORE INTO temp.removing_playlists SELECT id FROM playlists WHERE id = ?"));
    for (const QString &id : playlistIds) {
        query.addBindValue(id);
        if (!query.exec())
            return transaction.failed(what);
    }
    Removal removal;
    removal.playlists = int(firstValue(query, QStringLiteral("SELECT COUNT(*) FROM temp.removing_playlists")));
    if (removal.playlists == 0)
        return Error{
            ErrorKind::NotFound,
            QCoreApplication::translate("encore::libraryremoval", "The library holds none of those playlists.")};

    // The songs only the removed playlists hold; a discovered song stays, discovered.
    if (!transaction.exec(
            QStringLiteral("INSERT INTO temp.removing_tracks SELECT DISTINCT track_id FROM playlist_tracks"
                           " WHERE playlist_id IN (SELECT id FROM temp.removing_playlists)"
                           " EXCEPT SELECT track_id FROM playlist_tracks"
                           " WHERE playlist_id NOT IN (SELECT id FROM temp.removing_playlists)"
                           " EXCEPT SELECT track_id FROM discoveries")))
        return transaction.failed(what);
    removal.tracks = int(firstValue(query, QStringLiteral("SELECT COUNT(*) FROM temp.removing_tracks")));

    for (const RemovedRows &rows : kRemovedRows) {
        const QString removed = removedTable(rows.table);
        const QString table = QLatin1String(rows.table);
        if (!transaction.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS %1 AS SELECT 0 AS removal, * FROM %2 WHERE 0")
                                  .arg(removed, table)))
            return transaction.failed(what);
    }
    // The generation this removal raises the library to: an id no other removal will have.
    if (!transaction.exec(kRaiseGeneration))
        return transaction.failed(what);
    removal.id = firstValue(query, QStringLiteral("SELECT value FROM catalog_generation"));
    for (const RemovedRows &rows : kRemovedRows) {
        const QString table = QLatin1String(rows.table);
        const QString condition = QLatin1String(rows.condition);
        if (!transaction.exec(QStringLiteral("INSERT INTO %1 SELECT %2, * FROM %3 WHERE %4")
                                  .arg(removedTable(rows.table))
                                  .arg(removal.id)
                                  .arg(table, condition))
            || !transaction.exec(QStringLiteral("DELETE FROM %1 WHERE %2").arg(table, condition)))
            return transaction.failed(what);
    }
    if (!transaction.commit())
        return transaction.failed(what);
    return removal;
}

Status LibraryDb::restoreRemoval(qint64 removalId)
{
    Transaction transaction(m_connectionName);
    QSqlQuery &query = transaction.query();
    const QString what = QCoreApplication::translate("encore::libraryremoval", "put the playlists back");
    const QString kept = QStringLiteral("SELECT COUNT(*) FROM removed_playlists WHERE removal = %1").arg(removalId);
    if (firstValue(query, kept) <= 0)
        return Error{ErrorKind::NotFound,
                     QCoreApplication::translate("encore::libraryremoval", "That removal can no longer be undone.")};

    // A playlist imported again since keeps its new entries: only the others get theirs back.
    if (!transaction.exec(QStringLiteral("DELETE FROM removed_playlist_tracks WHERE removal = %1"
                                         " AND playlist_id IN (SELECT id FROM playlists)")
                              .arg(removalId)))
        return transaction.failed(what);
    // Parents before children, for the foreign keys.
    for (const char *table : {"tracks", "features", "analyses", "playlists", "playlist_tracks", "imports"}) {
        const QString columns = columnsOf(query, QLatin1String(table));
        if (columns.isEmpty()
            || !transaction.exec(QStringLiteral("INSERT OR IGNORE INTO %1 (%2) SELECT %2 FROM %3 WHERE removal = %4")
                                     .arg(QLatin1String(table), columns, removedTable(table))
                                     .arg(removalId))
            || !transaction.exec(
                QStringLiteral("DELETE FROM %1 WHERE removal = %2").arg(removedTable(table)).arg(removalId)))
            return transaction.failed(what);
    }
    if (!transaction.exec(kRaiseGeneration) || !transaction.commit())
        return transaction.failed(what);
    return success();
}

Status LibraryDb::purgeRemovals()
{
    Transaction transaction(m_connectionName);
    for (const RemovedRows &rows : kRemovedRows)
        if (!transaction.exec(QStringLiteral("DROP TABLE IF EXISTS %1").arg(removedTable(rows.table))))
            return transaction.failed(
                QCoreApplication::translate("encore::libraryremoval", "forget the removed playlists"));
    if (!transaction.commit())
        return transaction.failed(
            QCoreApplication::translate("encore::libraryremoval", "forget the removed playlists"));
    return success();
}

}  // namespace encore
