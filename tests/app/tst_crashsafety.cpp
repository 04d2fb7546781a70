#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLocale>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <cstdint>
#include <cstdio>
#include <vector>

namespace {

// The generated catalog: enough rows that every phase of an import lasts long enough to be hit.
constexpr int kRows = 200000;
constexpr int kRowsPerPlaylist = 100;
constexpr int kTrackPool = 40000;
// A small catalog already in the library, so that a library killed before its first commit
// still ranks.
constexpr int kBaseRows = 3000;

// Where the CLI says each phase starts, with QT_LOGGING_RULES turning its debug lines on.
const QByteArray kReadDone = "encore.catalog: imported ";
const QByteArray kStoring = "encore.storage: storing ";
const QByteArray kSnapshotWrite = "writing its snapshot";
const QByteArray kRankingWrite = "co-occurrence built";

struct GeneratedCatalog {
    QString path;
    int tracks = 0;
    int playlists = 0;
    QString firstTrackId;
};

// Writes `rows` TidyTuesday-like rows of pseudo-random tracks (ids prefixed by `prefix`) in
// playlists of kRowsPerPlaylist, and counts what an import must find.
GeneratedCatalog writeCatalog(const QString &path, char prefix, int rows, int trackPool)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write("track_id,track_name,track_artist,track_popularity,playlist_id,playlist_name,danceability,"
               "energy,key,loudness,mode,speechiness,acousticness,instrumentalness,liveness,valence,tempo,"
               "duration_ms\n");
    std::uint64_t state = 0x9E3779B97F4A7C15ull;
    const auto next = [&state](unsigned range) {
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        return static_cast<unsigned>((state >> 33) % range);
    };
    std::vector<bool> seen(static_cast<std::size_t>(trackPool));
    GeneratedCatalog catalog{file.fileName(), 0, (rows + kRowsPerPlaylist - 1) / kRowsPerPlaylist, {}};
    QByteArray text;
    char line[256];
    for (int row = 0; row < rows; ++row) {
        const unsigned track = next(static_cast<unsigned>(trackPool));
        if (row == 0)
            catalog.firstTrackId = QStringLiteral("%1%2").arg(QLatin1Char(prefix)).arg(track, 21, 10, QLatin1Char('0'));
        if (!seen[track]) {
            seen[track] = true;
            ++catalog.tracks;
        }
        const int playlist = row / kRowsPerPlaylist;
        const int length = std::snprintf(
            line, sizeof line,
            "%c%021u,Song %u,Artist %u,%u,p%c%020d,Mix %d,0.%03u,0.%03u,%u,-%u.%02u,%u,0.%03u,0.%03u,0.%03u,"
            "0.%03u,0.%03u,%u,%u\n",
            prefix, track, track, track % 4000, next(101), prefix, playlist, playlist, next(1000), next(1000), next(12),
            next(30), next(100), next(2), next(1000), next(1000), next(1000), next(1000), next(1000), 60 + next(140),
            120000 + next(180000));
        text.append(line, length);
        if (text.size() > (1 << 20)) {
            file.write(text);
            text.clear();
        }
    }
    file.write(text);
    return catalog;
}

// A count as the CLI prints it: "150,000".
QString asPrinted(int count)
{
    return QLocale(QLocale::English).toString(count);
}

bool copyDirectory(const QString &from, const QString &to)
{
    const QDir source(from);
    if (!QDir().mkpath(to))
        return false;
    for (const QFileInfo &entry : source.entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString target = to + u'/' + entry.fileName();
        if (entry.isDir() ? !copyDirectory(entry.filePath(), target) : !QFile::copy(entry.filePath(), target))
            return false;
    }
    return true;
}

QProcessEnvironment cliEnvironment(const QString &dataHome)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_DATA_HOME"), dataHome);
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("encore.*.debug=true"));
    return env;
}

struct Run {
    int exitCode = -1;
    QString out;
    QByteArray err;
    qint64 elapsedMs = 0;
};

Run runToEnd(const QStringList &arguments, const QString &dataHome)
{
    QProcess process;
    process.setProcessEnvironment(cliEnvironment(dataHome));
    QElapsedTimer timer;
    timer.start();
    process.start(QStringLiteral(ENCORE_CLI_PATH), arguments);
    Run run;
    if (!process.waitForFinished(120000))
        return run;
    run.elapsedMs = timer.elapsed();
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = process.readAllStandardError();
    return run;
}

// Milliseconds from the start until `marker` appeared on stderr, or -1.
qint64 markerTime(const QStringList &arguments, const QString &dataHome, const QByteArray &marker)
{
    QProcess process;
    process.setProcessEnvironment(cliEnvironment(dataHome));
    process.setReadChannel(QProcess::StandardError);
    QElapsedTimer timer;
    timer.start();
    process.start(QStringLiteral(ENCORE_CLI_PATH), arguments);
    QByteArray err;
    qint64 seenAt = -1;
    while (process.state() != QProcess::NotRunning || process.bytesAvailable() > 0) {
        process.waitForReadyRead(2);
        err += process.readAllStandardError();
        if (seenAt < 0 && err.contains(marker))
            seenAt = timer.elapsed();
    }
    process.waitForFinished();
    return seenAt;
}

// Runs encore-cli and SIGKILLs it `delayMs` after `marker` appears on its stderr (after its start
// for an empty marker). False when it ended before that moment.
bool killAt(const QStringList &arguments, const QString &dataHome, const QByteArray &marker, qint64 delayMs)
{
    QProcess process;
    process.setProcessEnvironment(cliEnvironment(dataHome));
    process.setReadChannel(QProcess::StandardError);
    process.start(QStringLiteral(ENCORE_CLI_PATH), arguments);
    if (!process.waitForStarted(10000))
        return false;
    QElapsedTimer sinceMarker;
    if (marker.isEmpty())
        sinceMarker.start();
    QByteArray err;
    while (process.state() != QProcess::NotRunning) {
        if (!sinceMarker.isValid()) {
            process.waitForReadyRead(1);
            err += process.readAllStandardError();
            if (err.contains(marker))
                sinceMarker.start();
        } else if (sinceMarker.elapsed() >= delayMs) {
            process.kill();  // SIGKILL
            process.waitForFinished(10000);
            return process.exitStatus() == QProcess::CrashExit;
        } else {
            QThread::usleep(200);
        }
    }
    return false;
}

}  // namespace

// A CLI import of a 200,000-row catalog, and the recommend that writes the caches after it,
// killed with SIGKILL at several moments: each time the database passes its integrity check,
// the library ranks (as a clean one does when the import was complete), and importing the file
// again gives its exact counts.
class TestCrashSafety : public QObject {
    Q_OBJECT

    QTemporaryDir m_work;
    GeneratedCatalog m_base;
    GeneratedCatalog m_big;
    QString m_baseHome;      // the library with the base catalog only
    QString m_importedHome;  // and the big one too, before any ranking wrote a cache
    QString m_databasePath;  // relative to a data home
    qint64 m_readMs = 0;     // of the big catalog, from the start of the CLI
    qint64 m_importMs = 0;
    QString m_cleanRanking;
    int m_trial = 0;

    QStringList importBig() const { return {QStringLiteral("import"), m_big.path}; }
    QStringList recommend() const
    {
        return {QStringLiteral("recommend"), QStringLiteral("--seed"), m_base.firstTrackId, QStringLiteral("-k"),
                QStringLiteral("20")};
    }

    QString freshCopy(const QString &home)
    {
        const QString copy = m_work.filePath(QStringLiteral("trial%1").arg(++m_trial));
        return copyDirectory(home, copy) ? copy : QString();
    }

    // The checks after a kill; `home` is the killed library.
    void verifyRecovers(const QString &home)
    {
        QElapsedTimer timer;
        timer.start();
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
            db.setDatabaseName(home + u'/' + m_databasePath);
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(query.exec(QStringLiteral("PRAGMA integrity_check")) && query.next());
            QCOMPARE(query.value(0).toString(), QStringLiteral("ok"));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("check"));
        const qint64 integrityMs = timer.restart();

        const Run ranked = runToEnd(recommend(), home);
        QVERIFY2(ranked.exitCode == 0, ranked.err.constData());
        QVERIFY2(ranked.out.count(u'\n') >= 20, qPrintable(ranked.out));
        const qint64 rankMs = timer.restart();

        const Run again = runToEnd(importBig(), home);
        QVERIFY2(again.exitCode == 0, again.err.constData());
        const QString counts =
            QStringLiteral("%1 tracks, %2 playlists").arg(asPrinted(m_big.tracks), asPrinted(m_big.playlists));
        const bool fresh =
            again.out.contains(counts + QStringLiteral(", %1 rows read, 0 skipped").arg(asPrinted(kRows)));
        const bool known = again.out.contains(QStringLiteral("already in the library (") + counts + u')');
        QVERIFY2(fresh || known, qPrintable(again.out));
        QVERIFY2(again.out.contains(QStringLiteral("Library: %1 tracks").arg(asPrinted(m_base.tracks + m_big.tracks))),
                 qPrintable(again.out));
        const qint64 reimportMs = timer.restart();

        // Killed after its commit, the library holds the whole catalog: it must rank as a clean one.
        if (known)
            QCOMPARE(ranked.out, m_cleanRanking);
        qInfo("after the kill: integrity check %lld ms, recommend %lld ms, re-import (%s) %lld ms", integrityMs, rankMs,
              fresh ? "stored" : "already there", reimportMs);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_work.isValid());
        QElapsedTimer timer;
        timer.start();
        m_base = writeCatalog(m_work.filePath(QStringLiteral("base.csv")), 'b', kBaseRows, kBaseRows);
        m_big = writeCatalog(m_work.filePath(QStringLiteral("big.csv")), 'g', kRows, kTrackPool);
        QVERIFY(!m_base.path.isEmpty() && !m_big.path.isEmpty());
        qInfo("generated %d rows (%d tracks, %d playlists) in %lld ms", kRows, m_big.tracks, m_big.playlists,
              timer.restart());

        m_baseHome = m_work.filePath(QStringLiteral("base"));
        const Run base = runToEnd({QStringLiteral("import"), m_base.path}, m_baseHome);
        QVERIFY2(base.exitCode == 0, base.err.constData());
        const QString libraryPath = base.out.section(QStringLiteral(" in "), -1).trimmed();
        m_databasePath = QDir(m_baseHome).relativeFilePath(libraryPath);
        QVERIFY2(QFileInfo::exists(libraryPath), qPrintable(base.out));

        m_importedHome = freshCopy(m_baseHome);
        timer.restart();
        m_readMs = markerTime(importBig(), m_importedHome, kReadDone);
        m_importMs = timer.restart();
        QVERIFY(m_readMs > 0);
        QVERIFY(QFileInfo::exists(m_importedHome + u'/' + m_databasePath));

        const QString ranked = freshCopy(m_importedHome);
        const Run clean = runToEnd(recommend(), ranked);
        QVERIFY2(clean.exitCode == 0, clean.err.constData());
        m_cleanRanking = clean.out;
        qInfo("clean import %lld ms (reading %lld ms), first recommend %lld ms", m_importMs, m_readMs, clean.elapsedMs);
    }

    void killedImport_data()
    {
        QTest::addColumn<bool>("afterReading");
        QTest::addColumn<double>("fraction");  // of the phase, reading or storing
        QTest::newRow("reading, early") << false << 0.1;
        QTest::newRow("reading, half way") << false << 0.5;
        QTest::newRow("storing, at its start") << true << 0.0;
        QTest::newRow("storing, a third in") << true << 0.33;
        QTest::newRow("storing, two thirds in") << true << 0.66;
    }

    void killedImport()
    {
        QFETCH(bool, afterReading);
        QFETCH(double, fraction);
        const qint64 phaseMs = afterReading ? m_importMs - m_readMs : m_readMs;
        // A phase may run faster than in the clean run: a run that ends before its moment is
        // tried again, from the same library, with the moment halved.
        auto delay = static_cast<qint64>(fraction * double(phaseMs));
        QString home;
        bool killed = false;
        for (int attempt = 0; attempt < 4 && !killed; ++attempt, delay /= 2) {
            home = freshCopy(m_baseHome);
            QVERIFY(!home.isEmpty());
            killed = killAt(importBig(), home, afterReading ? kReadDone : QByteArray(), delay);
        }
        QVERIFY2(killed, "the import always ended before the moment to kill it");
        verifyRecovers(home);
    }

    // The caches are written by the first ranking after an import.
    void killedWritingCaches_data()
    {
        QTest::addColumn<QByteArray>("marker");
        QTest::newRow("catalog snapshot") << kSnapshotWrite;
        QTest::newRow("ranking cache") << kRankingWrite;
    }

    void killedWritingCaches()
    {
        QFETCH(QByteArray, marker);
        const QString home = freshCopy(m_importedHome);
        QVERIFY(!home.isEmpty());
        QVERIFY2(killAt(recommend(), home, marker, 0), "recommend ended before the moment to kill it");
        verifyRecovers(home);
    }

    // A second import while the first one stores waits for it, saying so, then stores too.
    void secondImportWaitsForTheFirst()
    {
        const QString home = freshCopy(m_baseHome);
        QVERIFY(!home.isEmpty());
        const GeneratedCatalog small = writeCatalog(m_work.filePath(QStringLiteral("small.csv")), 's', 500, 500);
        QProcess first;
        first.setProcessEnvironment(cliEnvironment(home));
        first.start(QStringLiteral(ENCORE_CLI_PATH), importBig());
        QByteArray firstErr;
        QVERIFY(QTest::qWaitFor([&] { return (firstErr += first.readAllStandardError()).contains(kStoring); }, 60000));

        const Run second = runToEnd({QStringLiteral("import"), small.path}, home);
        QVERIFY2(first.waitForFinished(60000) && first.exitCode() == 0, first.readAllStandardError().constData());
        QVERIFY2(second.err.contains("The other import is done; saving."), second.err.constData());
        QVERIFY2(second.exitCode == 0, second.err.constData());
        QVERIFY2(second.err.contains("Another Encore is importing into the library; waiting"), second.err.constData());
        QVERIFY2(second.out.contains(QStringLiteral("%1 tracks").arg(asPrinted(small.tracks))), qPrintable(second.out));
        QVERIFY2(second.out.contains(
                     QStringLiteral("Library: %1 tracks").arg(asPrinted(m_base.tracks + m_big.tracks + small.tracks))),
                 qPrintable(second.out));
    }
};

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "tst_crashsafety.moc"
