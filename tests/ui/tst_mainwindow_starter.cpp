#include "common/taskprogresswidget.h"
#include "mainwindow.h"

#include "fakecatalogserver.h"
#include "startercatalogbody.h"

#include "spotify/spotifyaccount.h"
#include "ui/widgettesting.h"

#include <QAction>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace encore;
using encore::test::child;
using encore::test::FakeCatalogServer;

namespace {

constexpr int kTimeoutMs = 180'000;

}  // namespace

// The starter catalog from the welcome view and the File menu, against a fake of its server:
// it downloads, is imported and shown; a 404, an HTML page, a cut connection or no server at all
// say so in one sentence pointing to Open catalog…, and a cancel stops it; none of them leaves
// anything in the library.
class TestMainWindowStarter : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<SpotifyAccount> m_account;
    FakeCatalogServer m_server;
    QByteArray m_body;
    int m_counter = 0;

    std::unique_ptr<MainWindow> makeWindow()
    {
        auto window = std::make_unique<MainWindow>(m_dir.filePath(QStringLiteral("library-%1.sqlite").arg(++m_counter)),
                                                   *m_settings, *m_account);
        window->show();
        return window;
    }

    static void pointAt(const QUrl &url) { qputenv("ENCORE_STARTER_CATALOG_URL", url.toEncoded()); }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        ENCORE_REQUIRE_FILE(encore::test::realCatalogPath());
        m_body = encore::test::starterCatalogBody();
        QVERIFY(!m_body.isEmpty());
        QVERIFY(m_dir.isValid());
        QVERIFY(m_server.listen());
        pointAt(m_server.url());
        m_settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        m_account = std::make_unique<SpotifyAccount>(*m_settings, SecretStore::Backend::Memory);
    }

    void failuresSayWhatToDoInstead_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<qint64>("cutAfter");
        QTest::addColumn<QString>("sentence");
        QTest::newRow("404")
            << 404 << QByteArray("404: Not Found") << qint64(-1)
            << QStringLiteral("The starter catalog could not be downloaded: 127.0.0.1 answered 404 Not Found.");
        QTest::newRow("an HTML page")
            << 200 << QByteArray("<!DOCTYPE html><html><body>Log in to the Wi-Fi</body></html>") << qint64(-1)
            << QStringLiteral(
                   "What 127.0.0.1 sent is not the starter catalog: its first line is not the catalog's header row.");
        QTest::newRow("cut connection")
            << 200 << m_body << qint64(2'000'000)
            << QStringLiteral(
                   "The download of the starter catalog from 127.0.0.1 broke off before the end (2.0 MB received); try again.");
    }

    void failuresSayWhatToDoInstead()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(qint64, cutAfter);
        QFETCH(QString, sentence);
        m_server.serve(body, status, "text/html");
        m_server.setCutAfter(cutAfter);
        auto window = makeWindow();
        QSignalSpy finished(window.get(), &MainWindow::importFinished);
        QTest::mouseClick(child<QPushButton>(*window, "starterCatalogButton"), Qt::LeftButton);
        QVERIFY(window->isBusy());
        QVERIFY(!child<QAction>(*window, "openCatalogAction")->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kTimeoutMs);
        QCOMPARE(finished.first().first().toBool(), false);
        auto *box = child<QMessageBox>(*window, "errorBox");
        QVERIFY(box);
        QCOMPARE(box->text(), sentence);
        QCOMPARE(box->informativeText(), QStringLiteral("Open catalog… imports a catalog file you already have."));
        QVERIFY(!window->isBusy());
        QVERIFY(window->library().isEmpty());
        QCOMPARE(child<QStackedWidget>(*window, "pages")->currentWidget()->objectName(), QStringLiteral("welcomeView"));
        QVERIFY(!QFileInfo::exists(window->libraryPath()));  // no library was made
        m_server.setCutAfter(-1);
    }

    void unreachableAsksIfOffline()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const QUrl url(QStringLiteral("http://127.0.0.1:%1/spotify_songs.csv").arg(closed.serverPort()));
        closed.close();
        pointAt(url);
        auto window = makeWindow();
        QSignalSpy finished(window.get(), &MainWindow::importFinished);
        child<QAction>(*window, "starterCatalogAction")->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kTimeoutMs);
        pointAt(m_server.url());
        auto *box = child<QMessageBox>(*window, "errorBox");
        QVERIFY(box);
        QCOMPARE(box->text(),
                 QStringLiteral("Encore can't reach 127.0.0.1 to download the starter catalog; are you offline?"));
        QVERIFY(box->informativeText().contains(QStringLiteral("Open catalog…")));
    }

    void cancelLeavesNothing()
    {
        m_server.serve(m_body);
        m_server.setPacedChunk(64 * 1024);
        auto window = makeWindow();
        QSignalSpy finished(window.get(), &MainWindow::importFinished);
        child<QAction>(*window, "starterCatalogAction")->trigger();
        auto *progress = child<TaskProgressWidget>(*window, "importProgress");
        QVERIFY(progress->isVisible());
        QTest::qWait(200);
        QPushButton *cancel = progress->findChild<QPushButton *>();
        QVERIFY(cancel && cancel->isEnabled());
        QTest::mouseClick(cancel, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kTimeoutMs);
        m_server.setPacedChunk(0);
        QVERIFY(!progress->isVisible());
        QCOMPARE(window->statusBar()->currentMessage(),
                 QStringLiteral("Download cancelled; your library is unchanged."));
        QVERIFY(!window->findChild<QMessageBox *>(QStringLiteral("errorBox")));
        QVERIFY(window->library().isEmpty());
        QVERIFY(!window->isBusy());
    }

    void downloadsImportsAndShows()
    {
        m_server.serve(m_body);
        auto window = makeWindow();
        QSignalSpy started(window.get(), &MainWindow::importStarted);
        QSignalSpy finished(window.get(), &MainWindow::importFinished);
        QTest::mouseClick(child<QPushButton>(*window, "starterCatalogButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kTimeoutMs);
        QCOMPARE(finished.first().first().toBool(), true);
        QCOMPARE(started.count(), 1);
        QCOMPARE(QFileInfo(started.first().first().toString()).fileName(), QStringLiteral("spotify_songs.csv"));
        QTRY_VERIFY(!QFileInfo::exists(started.first().first().toString()));  // the download is gone
        QCOMPARE(window->library().catalog->size(), 28'356);
        QCOMPARE(int(window->library().catalog->playlists().size()), 471);
        QCOMPARE(child<QStackedWidget>(*window, "pages")->currentWidget()->objectName(), QStringLiteral("mainView"));
    }
};

QTEST_MAIN(TestMainWindowStarter)
#include "tst_mainwindow_starter.moc"
