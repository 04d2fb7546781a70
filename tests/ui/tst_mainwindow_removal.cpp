// Removing playlists and whole catalogs from the window: the confirmation, what goes, the notice
// with its Undo, Ctrl+Z and the Edit menu, and the end of undo at quit.

#include "common/itemroles.h"
#include "mainwindow.h"

#include "spotify/spotifyaccount.h"
#include "ui/uitestcatalog.h"
#include "ui/widgettesting.h"
#include "writerlock.h"

#include <QAction>
#include <QFile>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace encore;
using encore::test::child;

namespace {

constexpr int kTimeoutMs = 20'000;

// smallCatalog(), both playlists from the catalog file /music/two.csv.
void storeTwoPlaylistCatalog(const QString &path)
{
    auto db = LibraryDb::open(path);
    QVERIFY(db.ok());
    QVERIFY((*db)->store(test::smallCatalogBatch(QStringLiteral("/music/two.csv")), QByteArray("two-hash")).ok());
}

QStringList shownPlaylists(const MainWindow &window)
{
    QStringList names;
    const QAbstractItemModel *model = child<QTreeView>(window, "playlistView")->model();
    for (int row = 0; row < model->rowCount(); ++row)
        names << model->index(row, 0).data().toString();
    return names;
}

void showPlaylist(MainWindow &window, const QString &name)
{
    auto *view = child<QTreeView>(window, "playlistView");
    const QModelIndexList found =
        view->model()->match(view->model()->index(0, 0), Qt::DisplayRole, name, 1, Qt::MatchStartsWith);
    QVERIFY2(!found.isEmpty(), qPrintable(name));
    view->setCurrentIndex(found.first());
    // The offscreen platform gives the window back no activation when a dialog closes.
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    view->setFocus();
    QTRY_VERIFY(view->hasFocus());
}

QMessageBox *confirmation(const MainWindow &window)
{
    return window.findChild<QMessageBox *>(QStringLiteral("removeConfirmation"));
}

QPushButton *button(QMessageBox *box, const QString &text)
{
    for (QAbstractButton *b : box->buttons())
        if (b->text().remove(u'&') == text)
            return qobject_cast<QPushButton *>(b);
    return nullptr;
}

// How many tables the library keeps removed rows in: none once undo has ended.
int removedTables(const QString &path)
{
    int count = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("inspect"));
        db.setDatabaseName(path);
        QSqlQuery query(db);
        if (db.open()
            && query.exec(
                QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name LIKE 'removed_%'"))
            && query.next())
            count = query.value(0).toInt();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("inspect"));
    return count;
}

}  // namespace

class TestMainWindowRemoval : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<SpotifyAccount> m_account;

    std::unique_ptr<MainWindow> openWindow(const QString &path)
    {
        auto window = std::make_unique<MainWindow>(path, *m_settings, *m_account);
        QSignalSpy loaded(window.get(), &MainWindow::libraryLoaded);
        window->show();
        if (!loaded.wait(kTimeoutMs))
            qFatal("the library did not load");
        window->activateWindow();
        if (!QTest::qWaitForWindowActive(window.get()))
            qFatal("the window did not become active");
        return window;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        m_account = std::make_unique<SpotifyAccount>(*m_settings, SecretStore::Backend::Memory);
    }

    void aPlaylistIsRemovedAndUndone()
    {
        const QString path = m_dir.filePath(QStringLiteral("playlist.sqlite"));
        storeTwoPlaylistCatalog(path);
        auto window = openWindow(path);
        QVERIFY(shownPlaylists(*window).contains(QStringLiteral("Zed mix")));
        QSignalSpy loaded(window.get(), &MainWindow::libraryLoaded);

        // Delete asks first, and Cancel changes nothing.
        showPlaylist(*window, QStringLiteral("Zed mix"));
        QTest::keyClick(child<QTreeView>(*window, "playlistView"), Qt::Key_Delete);
        QTRY_VERIFY(confirmation(*window));
        QMessageBox *box = confirmation(*window);
        QCOMPARE(box->text(), QStringLiteral("Remove “Zed mix” from your library?"));
        QVERIFY2(box->informativeText().startsWith(QStringLiteral("2 songs that no other playlist holds")),
                 qPrintable(box->informativeText()));
        button(box, QStringLiteral("Cancel"))->click();
        QTRY_VERIFY(!confirmation(*window));
        QTest::qWait(200);
        QCOMPARE(loaded.count(), 0);

        showPlaylist(*window, QStringLiteral("Zed mix"));
        QTest::keyClick(child<QTreeView>(*window, "playlistView"), Qt::Key_Delete);
        QTRY_VERIFY(confirmation(*window));
        button(confirmation(*window), QStringLiteral("Remove"))->click();
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, kTimeoutMs);
        QVERIFY(!shownPlaylists(*window).contains(QStringLiteral("Zed mix")));
        QCOMPARE(window->library().catalog->size(), 3);  // Beta and Gamma went; Alpha is in Another
        auto *notice = child<QLabel>(*window, "feedbackNotice");
        QVERIFY(notice->isVisible());
        QVERIFY2(notice->text().startsWith(QStringLiteral("Removed “Zed mix” and the 2 songs only it held.")),
                 qPrintable(notice->text()));
        QVERIFY(notice->text().contains(QStringLiteral(">Undo</a>")));
        auto *undo = child<QAction>(*window, "undoAction");
        QCOMPARE(undo->text(), QStringLiteral("Undo Remove “Zed mix”"));

        // The notice's Undo puts it back; Redo (Ctrl+Shift+Z) removes it again; Ctrl+Z undoes that.
        emit notice->linkActivated(QStringLiteral("undo"));
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 2, kTimeoutMs);
        QVERIFY(shownPlaylists(*window).contains(QStringLiteral("Zed mix")));
        QCOMPARE(window->library().catalog->size(), 5);
        QVERIFY(notice->text().contains(QStringLiteral(">Redo</a>")));
        child<QAction>(*window, "redoAction")->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 3, kTimeoutMs);
        QCOMPARE(window->library().catalog->size(), 3);
        showPlaylist(*window, QStringLiteral("Another"));
        QTest::keyClick(child<QTreeView>(*window, "playlistView"), Qt::Key_Z, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 4, kTimeoutMs);
        QCOMPARE(window->library().catalog->size(), 5);
    }

    // While an import saves the library (here it waits for another writer), Delete asks nothing
    // and says why in the notice, and Undo is off; once the import is done Undo is back.
    void removalAndUndoWaitForAnImport()
    {
        const QString path = m_dir.filePath(QStringLiteral("importing.sqlite"));
        storeTwoPlaylistCatalog(path);
        auto window = openWindow(path);
        QSignalSpy loaded(window.get(), &MainWindow::libraryLoaded);
        showPlaylist(*window, QStringLiteral("Zed mix"));
        QTest::keyClick(child<QTreeView>(*window, "playlistView"), Qt::Key_Delete);
        QTRY_VERIFY(confirmation(*window));
        button(confirmation(*window), QStringLiteral("Remove"))->click();
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, kTimeoutMs);
        auto *undo = child<QAction>(*window, "undoAction");
        QVERIFY(undo->isEnabled());

        const QString catalog = m_dir.filePath(QStringLiteral("one-song.csv"));
        {
            QFile out(catalog);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write("track_id,track_name,track_artist,danceability,energy\n"
                      "6f807x0ima9a1j3VPbc7VN,I Don't Care,Ed Sheeran,0.748,0.916\n");
        }
        QSignalSpy finished(window.get(), &MainWindow::importFinished);
        {
            test::WriterLock otherWriter(path);
            QVERIFY(otherWriter.holds());
            window->openCatalog(catalog);
            QVERIFY(!undo->isEnabled());
            showPlaylist(*window, QStringLiteral("Another"));
            QTest::keyClick(child<QTreeView>(*window, "playlistView"), Qt::Key_Delete);
            QVERIFY(!confirmation(*window));
            auto *notice = child<QLabel>(*window, "feedbackNotice");
            QVERIFY(notice->isVisible());
            QCOMPARE(notice->text(),
                     QStringLiteral("Playlists can be removed once the import has saved your library."));
            QVERIFY(finished.isEmpty());
        }
        QVERIFY(finished.wait(kTimeoutMs));
        QVERIFY(finished.at(0).at(0).toBool());
        QVERIFY(undo->isEnabled());
        QVERIFY(shownPlaylists(*window).contains(QStringLiteral("Another")));
    }

    // The whole catalog goes with Shift+Delete; the empty library shows the welcome page, and
    // the Edit menu's Undo still brings it back. Quitting ends undo.
    void aWholeCatalogIsRemovedUntilQuit()
    {
        const QString path = m_dir.filePath(QStringLiteral("catalog.sqlite"));
        storeTwoPlaylistCatalog(path);
        auto window = openWindow(path);
        QSignalSpy loaded(window.get(), &MainWindow::libraryLoaded);
        showPlaylist(*window, QStringLiteral("Another"));
        QTest::keyClick(child<QTreeView>(*window, "playlistView"), Qt::Key_Delete, Qt::ShiftModifier);
        QTRY_VERIFY(confirmation(*window));
        QCOMPARE(confirmation(*window)->text(),
                 QStringLiteral("Remove the catalog “two.csv” and its 2 playlists from your library?"));
        button(confirmation(*window), QStringLiteral("Remove"))->click();
        QTRY_COMPARE_WITH_TIMEOUT(child<QStackedWidget>(*window, "pages")->currentWidget()->objectName(),
                                  QStringLiteral("welcomeView"), kTimeoutMs);
        QVERIFY(window->library().isEmpty());
        QCOMPARE(removedTables(path), 6);

        child<QAction>(*window, "undoAction")->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, kTimeoutMs);
        QCOMPARE(window->library().catalog->playlists().size(), std::size_t(2));
        QCOMPARE(window->library().catalog->size(), 5);

        // Removed again, then the window closes: what was kept for undo goes with it.
        showPlaylist(*window, QStringLiteral("Another"));
        QTest::keyClick(child<QTreeView>(*window, "playlistView"), Qt::Key_Delete);
        QTRY_VERIFY(confirmation(*window));
        button(confirmation(*window), QStringLiteral("Remove"))->click();
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 2, kTimeoutMs);
        window->close();
        window.reset();
        QCOMPARE(removedTables(path), 0);
        auto reopened = openWindow(path);
        QCOMPARE(reopened->library().catalog->playlists().size(), std::size_t(1));
        QVERIFY(!child<QAction>(*reopened, "undoAction")->isEnabled());
    }
};

QTEST_MAIN(TestMainWindowRemoval)
#include "tst_mainwindow_removal.moc"
