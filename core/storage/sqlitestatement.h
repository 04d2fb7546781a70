#pragma once

#include "util/result.h"

#include <QString>
#include <QStringEncoder>

#include <string>
#include <vector>

class QSqlDatabase;
struct sqlite3;
struct sqlite3_stmt;

namespace encore {

// A statement run on a QSqlDatabase connection's own sqlite3 handle, for writes of many rows
// inside the connection's transaction: storing 1M tracks through QSqlQuery spent more time
// making a QVariant of every value than SQLite spent storing them. Values are bound in order,
// then run() stores the row and makes the statement ready for the next one.
class SqliteStatement {
public:
    // `what` completes "The library database could not …" when the statement fails.
    static Result<SqliteStatement> prepare(const QSqlDatabase &db, const char *sql, const QString &what);
    SqliteStatement(SqliteStatement &&other) noexcept;
    SqliteStatement &operator=(SqliteStatement &&) = delete;
    ~SqliteStatement();

    SqliteStatement &text(QStringView value);  // a null QString is stored as ''
    SqliteStatement &integer(qint64 value);
    SqliteStatement &real(double value);
    SqliteStatement &null();
    Status run();

private:
    SqliteStatement(sqlite3 *db, sqlite3_stmt *statement, QString what);

    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_statement = nullptr;
    QString m_what;
    int m_next = 1;  // the next parameter's number
    // Each parameter's text in UTF-8, the database's encoding: SQLite converting UTF-16 itself
    // took more time than Qt does, and these buffers are made once.
    std::vector<std::string> m_utf8;
    QStringEncoder m_encoder{QStringEncoder::Utf8, QStringConverter::Flag::Stateless};
};

}  // namespace encore
