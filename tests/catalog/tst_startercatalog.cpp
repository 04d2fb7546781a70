#include "fakecatalogserver.h"
#include "startercatalogbody.h"

#include "catalog/startercatalog.h"

#include <QDir>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace encore;
using encore::test::FakeCatalogServer;

namespace {

constexpr int kTimeoutMs = 60'000;

}  // namespace

// The starter catalog's download from a fake server on 127.0.0.1: the real file arrives checked;
// a 404, an HTML page, a cut connection, a short or foreign file, a refused connection and a
// cancel each end in one sentence and leave no file behind.
class TestStarterCatalog : public QObject {
    Q_OBJECT

    QTemporaryDir m_temp;  // TMPDIR of the downloads, to see what they leave
    QByteArray m_body;

    QStringList leftInTemp() const { return QDir(m_temp.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries); }

    // Runs a download of `url` to its end.
    static void download(StarterCatalogDownload &job)
    {
        QSignalSpy finished(&job, &StarterCatalogDownload::finished);
        job.start();
        QVERIFY(finished.count() == 1 || finished.wait(kTimeoutMs));
    }

private slots:
    void initTestCase()
    {
        ENCORE_REQUIRE_FILE(encore::test::realCatalogPath());
        m_body = encore::test::starterCatalogBody();
        QCOMPARE(m_body.size(), 7'971'379);
        QVERIFY(m_temp.isValid());
        qputenv("TMPDIR", QFile::encodeName(m_temp.path()));
    }

    void urlFromTheEnvironment_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expected");  // empty: refused
        QTest::newRow("unset") << QString() << StarterCatalog::defaultUrl().toString();
        QTest::newRow("loopback http") << QStringLiteral("http://127.0.0.1:8080/songs.csv")
                                       << QStringLiteral("http://127.0.0.1:8080/songs.csv");
        QTest::newRow("https") << QStringLiteral("https://mirror.example.org/spotify_songs.csv")
                               << QStringLiteral("https://mirror.example.org/spotify_songs.csv");
        QTest::newRow("remote http") << QStringLiteral("http://mirror.example.org/songs.csv") << QString();
        QTest::newRow("ftp") << QStringLiteral("ftp://127.0.0.1/songs.csv") << QString();
    }

    void urlFromTheEnvironment()
    {
        QFETCH(QString, value);
        QFETCH(QString, expected);
        QProcessEnvironment environment;
        if (!value.isEmpty())
            environment.insert(QString::fromLatin1(StarterCatalog::kUrlVariable), value);
        const Result<QUrl> url = StarterCatalog::url(environment);
        QCOMPARE(url.ok(), !expected.isEmpty());
        if (url.ok())
            QCOMPARE(url->toString(), expected);
        else
            QVERIFY2(url.error().message.contains(QLatin1String(StarterCatalog::kUrlVariable)),
                     qPrintable(url.error().message));
    }

    void defaultIsTidyTuesday()
    {
        QCOMPARE(StarterCatalog::defaultUrl().toString(),
                 QStringLiteral("https://raw.githubusercontent.com/rfordatascience/tidytuesday/main/"
                                "data/2020/2020-01-21/spotify_songs.csv"));
        QVERIFY(m_body.startsWith(QByteArray(StarterCatalog::header() + '\n')));
    }

    void downloadsAndChecksTheCatalog()
    {
        FakeCatalogServer server;
        QVERIFY(server.listen());
        server.serve(m_body);
        QNetworkAccessManager network;
        auto job = std::make_unique<StarterCatalogDownload>(network, server.url());
        QSignalSpy progress(job.get(), &StarterCatalogDownload::progress);
        download(*job);
        QVERIFY2(!job->error(), job->error() ? qPrintable(job->error()->message) : "");
        QVERIFY(progress.count() >= 1);
        QCOMPARE(progress.last().at(0).toLongLong(), m_body.size());
        QFile file(job->filePath());
        QCOMPARE(QFileInfo(file).fileName(), QStringLiteral("spotify_songs.csv"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.size(), m_body.size());
        file.close();
        job.reset();  // its folder goes with it
        QCOMPARE(leftInTemp(), QStringList());
    }

    void failuresSaySoAndLeaveNothing_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<qint64>("cutAfter");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("sentence");
        const QByteArray html = "<!DOCTYPE html><html><body>Sign in to the network</body></html>";
        QTest::newRow("404") << 404 << QByteArray("404: Not Found") << qint64(-1) << int(ErrorKind::Http)
                             << QStringLiteral("could not be downloaded: 127.0.0.1 answered 404 Not Found.");
        QTest::newRow("an HTML page")
            << 200 << html << qint64(-1) << int(ErrorKind::Parse)
            << QStringLiteral("is not the starter catalog: its first line is not the catalog's header row.");
        QTest::newRow("cut mid-body") << 200 << m_body << qint64(3'000'000) << int(ErrorKind::Network)
                                      << QStringLiteral("broke off before the end (3.0 MB received); try again.");
        const qsizetype halfRows = m_body.indexOf('\n', m_body.size() / 2) + 1;
        QTest::newRow("half the rows")
            << 200 << m_body.left(halfRows) << qint64(-1) << int(ErrorKind::Parse)
            << QStringLiteral("is not the starter catalog: it is 4.0 MB, the catalog about 8 MB.");
        QByteArray extraRow = m_body;
        const qsizetype firstRow = m_body.indexOf('\n') + 1;
        extraRow.append(m_body.mid(firstRow, m_body.indexOf('\n', firstRow) + 1 - firstRow));
        QTest::newRow("a row more") << 200 << extraRow << qint64(-1) << int(ErrorKind::Parse)
                                    << QStringLiteral("it has 32,834 rows, the catalog 32,833.");
        QByteArray tooLarge = m_body + m_body.right(2'000'000);
        QTest::newRow("too large") << 200 << tooLarge << qint64(-1) << int(ErrorKind::Parse)
                                   << QStringLiteral("is not the starter catalog: it is larger than 9.5 MB.");
    }

    void failuresSaySoAndLeaveNothing()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(qint64, cutAfter);
        QFETCH(int, kind);
        QFETCH(QString, sentence);
        FakeCatalogServer server;
        QVERIFY(server.listen());
        server.serve(body, status, status == 200 && body.startsWith('<') ? "text/html" : "text/plain");
        server.setCutAfter(cutAfter);
        QNetworkAccessManager network;
        StarterCatalogDownload job(network, server.url());
        download(job);
        QVERIFY(job.error().has_value());
        QVERIFY2(int(job.error()->kind) == kind, qPrintable(job.error()->message));
        QVERIFY2(job.error()->message.endsWith(sentence), qPrintable(job.error()->message));
        QCOMPARE(job.filePath(), QString());
        QCOMPARE(leftInTemp(), QStringList());
    }

    void refusedConnectionAsksIfOffline()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close();  // nothing listens there now
        QNetworkAccessManager network;
        StarterCatalogDownload job(network, QUrl(QStringLiteral("http://127.0.0.1:%1/spotify_songs.csv").arg(port)));
        download(job);
        QVERIFY(job.error().has_value());
        QCOMPARE(job.error()->kind, ErrorKind::Network);
        QCOMPARE(job.error()->message,
                 QStringLiteral("Encore can't reach 127.0.0.1 to download the starter catalog; are you offline?"));
        QCOMPARE(leftInTemp(), QStringList());
    }

    void cancelLeavesNothing()
    {
        FakeCatalogServer server;
        QVERIFY(server.listen());
        server.serve(m_body);
        server.setPacedChunk(64 * 1024);  // about 2.5 s in all
        QNetworkAccessManager network;
        StarterCatalogDownload job(network, server.url());
        QSignalSpy progress(&job, &StarterCatalogDownload::progress);
        QSignalSpy finished(&job, &StarterCatalogDownload::finished);
        job.start();
        QTRY_VERIFY_WITH_TIMEOUT(!progress.isEmpty() && progress.last().at(0).toLongLong() > 0, kTimeoutMs);
        QVERIFY(!leftInTemp().isEmpty());  // the download under way
        job.cancel();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kTimeoutMs);
        QCOMPARE(job.error()->kind, ErrorKind::Cancelled);
        QCOMPARE(job.filePath(), QString());
        QCOMPARE(leftInTemp(), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestStarterCatalog)
#include "tst_startercatalog.moc"
