#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

namespace encore::test {

// Another connection holding a library's write lock, as another Encore importing into it would:
// from construction (holds() says whether it got it) until release() or destruction.
class WriterLock {
public:
    explicit WriterLock(const QString &libraryPath)
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), kConnection);
        db.setDatabaseName(libraryPath);
        m_holds = db.open() && QSqlQuery(db).exec(QStringLiteral("BEGIN IMMEDIATE"));
    }
    ~WriterLock()
    {
        release();
        QSqlDatabase::database(kConnection, false).close();
        QSqlDatabase::removeDatabase(kConnection);
    }
    WriterLock(const WriterLock &) = delete;
    WriterLock &operator=(const WriterLock &) = delete;

    bool holds() const { return m_holds; }
    // Lets the waiting writer go on; whether the lock was held.
    bool release()
    {
        const bool held = m_holds && QSqlQuery(QSqlDatabase::database(kConnection)).exec(QStringLiteral("ROLLBACK"));
        m_holds = false;
        return held;
    }

private:
    static constexpr QLatin1StringView kConnection{"encore-test-writer-lock"};
    bool m_holds = false;
};

}  // namespace encore::test
