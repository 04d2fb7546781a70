#include "sqlitestatement.h"

#include "databaseerror.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>

namespace encore {

Result<SqliteStatement> SqliteStatement::prepare(const QSqlDatabase &db, const char *sql, const QString &what)
{
    // QSQLITE hands out its handle as a QVariant holding a sqlite3* (see QSqlDriver::handle()).
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return databaseError(what, QStringLiteral("no SQLite connection"));
    sqlite3 *connection = *static_cast<sqlite3 *const *>(handle.constData());
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v3(connection, sql, -1, SQLITE_PREPARE_PERSISTENT, &statement, nullptr) != SQLITE_OK)
        return databaseError(what, QString::fromUtf8(sqlite3_errmsg(connection)));
    return SqliteStatement(connection, statement, what);
}

SqliteStatement::SqliteStatement(sqlite3 *db, sqlite3_stmt *statement, QString what)
    : m_db(db), m_statement(statement), m_what(std::move(what))
{
    m_utf8.resize(static_cast<std::size_t>(sqlite3_bind_parameter_count(statement)));
}

SqliteStatement::SqliteStatement(SqliteStatement &&other) noexcept
    : m_db(other.m_db), m_statement(std::exchange(other.m_statement, nullptr)), m_what(std::move(other.m_what)),
      m_next(other.m_next), m_utf8(std::move(other.m_utf8))
{}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_statement);
}

SqliteStatement &SqliteStatement::text(QStringView value)
{
    Q_ASSERT(m_next <= static_cast<int>(m_utf8.size()));  // no more values than the statement has places
    std::string &utf8 = m_utf8[static_cast<std::size_t>(m_next - 1)];
    if (const auto room = static_cast<std::size_t>(m_encoder.requiredSpace(value.size())); utf8.size() < room)
        utf8.resize(room);
    const char *end = m_encoder.appendToBuffer(utf8.data(), value);
    sqlite3_bind_text(m_statement, m_next++, utf8.data(), static_cast<int>(end - utf8.data()), SQLITE_STATIC);
    return *this;
}

SqliteStatement &SqliteStatement::integer(qint64 value)
{
    sqlite3_bind_int64(m_statement, m_next++, value);
    return *this;
}

SqliteStatement &SqliteStatement::real(double value)
{
    sqlite3_bind_double(m_statement, m_next++, value);
    return *this;
}

SqliteStatement &SqliteStatement::null()
{
    sqlite3_bind_null(m_statement, m_next++);
    return *this;
}

Status SqliteStatement::run()
{
    const bool stored = sqlite3_step(m_statement) == SQLITE_DONE;
    const QString failure = stored ? QString() : QString::fromUtf8(sqlite3_errmsg(m_db));
    sqlite3_reset(m_statement);
    m_next = 1;
    if (!stored)
        return databaseError(m_what, failure);
    return success();
}

}  // namespace encore
