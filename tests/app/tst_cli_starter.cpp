#include "clirunner.h"
#include "fakecatalogserver.h"
#include "startercatalogbody.h"

#include <QTemporaryDir>
#include <QTest>

using encore::test::CliRun;
using encore::test::FakeCatalogServer;
using encore::test::runCli;

// `encore-cli import --starter` against a fake of the catalog's server on 127.0.0.1.
class TestCliStarter : public QObject {
    Q_OBJECT

    CliRun cli(const QStringList &arguments, const QString &dataHome)
    {
        return runCli(arguments,
                      {{QStringLiteral("XDG_DATA_HOME"), dataHome},
                       {QStringLiteral("ENCORE_STARTER_CATALOG_URL"), m_server.url().toString()}});
    }

private slots:
    void initTestCase()
    {
        ENCORE_REQUIRE_FILE(encore::test::realCatalogPath());
        m_body = encore::test::starterCatalogBody();
        QVERIFY(!m_body.isEmpty());
        QVERIFY(m_server.listen());
    }

    void downloadsAndImports()
    {
        QTemporaryDir home;
        m_server.serve(m_body);
        const CliRun run = cli({QStringLiteral("import"), QStringLiteral("--starter")}, home.path());
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("Downloading the starter catalog: 7 MB of 8 MB")),
                 qPrintable(run.err));
        QVERIFY2(run.out.contains(QStringLiteral("spotify_songs.csv: 28,356 tracks, 471 playlists, 32,833 rows read")),
                 qPrintable(run.out));
        QVERIFY2(run.out.contains(QStringLiteral("Library: 28,356 tracks")), qPrintable(run.out));
    }

    void failureLeavesTheLibraryAsItWas_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("sentence");
        QTest::newRow("404") << 404 << QByteArray("Not Found") << QStringLiteral("answered 404 Not Found.");
        QTest::newRow("HTML") << 200 << QByteArray("<html><body>Captive portal</body></html>")
                              << QStringLiteral("is not the starter catalog");
    }

    void failureLeavesTheLibraryAsItWas()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QString, sentence);
        QTemporaryDir home;
        m_server.serve(body, status, "text/html");
        const CliRun run = cli({QStringLiteral("import"), QStringLiteral("--starter")}, home.path());
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(sentence), qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("encore-cli import FILE imports a catalog file")),
                 qPrintable(run.err));
        QVERIFY2(run.out.contains(QStringLiteral("Library: 0 tracks")), qPrintable(run.out));
    }

private:
    FakeCatalogServer m_server;
    QByteArray m_body;
};

QTEST_GUILESS_MAIN(TestCliStarter)
#include "tst_cli_starter.moc"
