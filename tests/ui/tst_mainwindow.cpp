#include "chart/featurechart.h"
#include "common/elidedlabel.h"
#include "common/itemroles.h"
#include "library/tracktablemodel.h"
#include "mainwindow.h"
#include "recommendations/recommendationtablemodel.h"
#include "spotify/spotifysignindialog.h"

#include "testsupport.h"
#include "writerlock.h"

#include "spotify/spotifyaccount.h"
#include "ui/widgettesting.h"

#include <QAbstractBarSeries>
#include <QAction>
#include <QApplication>
#include <QChart>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QUrl>

#include <memory>

using namespace encore;
using encore::test::child;

namespace {

constexpr int kImportTimeoutMs = 180'000;
constexpr int kRankTimeoutMs = 20'000;
constexpr int kResultCount = 12;

QString currentPage(const MainWindow &window)
{
    return child<QStackedWidget>(window, "pages")->currentWidget()->objectName();
}

QList<int> catalogRows(const QAbstractItemModel *model)
{
    QList<int> rows;
    for (int row = 0; row < model->rowCount(); ++row)
        rows << model->index(row, 0).data(roles::CatalogRow).toInt();
    return rows;
}

// The model row of the first track in `view` that has features and is not `except`.
int firstTrackWithFeatures(const QTableView *view, int except = -1)
{
    for (int row = 0; row < view->model()->rowCount(); ++row) {
        const QModelIndex index = view->model()->index(row, 0);
        if (index.data(roles::HasFeatures).toBool() && index.data(roles::CatalogRow).toInt() != except)
            return row;
    }
    return -1;
}

QAbstractBarSeries *chartSeries(const MainWindow &window)
{
    const QList<QAbstractSeries *> series = child<FeatureChart>(window, "featureChart")->chart()->series();
    return series.size() == 1 ? qobject_cast<QAbstractBarSeries *>(series.first()) : nullptr;
}

}  // namespace

// One library is imported once (importAndRecommend) and reopened by the tests after it, which
// run in the order declared.
class TestMainWindow : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<SpotifyAccount> m_account;  // never signed in here: see tst_mainwindow_spotify
    QString m_playlistId;
    QString m_seedId;

    QString libraryPath() const { return m_dir.filePath(QStringLiteral("library.sqlite")); }

    std::unique_ptr<MainWindow> makeWindow(const QString &path)
    {
        auto window = std::make_unique<MainWindow>(path, *m_settings, *m_account);
        window->show();
        return window;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QVERIFY(m_dir.isValid());
        m_settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        m_account = std::make_unique<SpotifyAccount>(*m_settings, SecretStore::Backend::Memory);
    }

    void welcomeOnEmptyLibrary()
    {
        const QString path = m_dir.filePath(QStringLiteral("empty.sqlite"));
        auto window = makeWindow(path);
        QCOMPARE(currentPage(*window), QStringLiteral("welcomeView"));
        QVERIFY(!window->isBusy());

        auto *open = child<QPushButton>(*window, "openCatalogButton");
        QVERIFY(open && open->isEnabled());
        auto *signIn = child<QPushButton>(*window, "welcomeSignInButton");
        QVERIFY(signIn && signIn->isEnabled());
        QTest::mouseClick(signIn, Qt::LeftButton);
        auto *dialog = child<SpotifySignInDialog>(*window, "spotifySignInDialog");
        QVERIFY(dialog && dialog->isVisible());
        dialog->reject();
        QVERIFY(child<QLabel>(*window, "welcomeHint")->text().contains(QStringLiteral("2020-01-21")));
        // Alt and a letter reaches the menus: no button of the page takes a menu's letter.
        auto mnemonic = [](const QString &text) {
            const qsizetype at = text.indexOf(QLatin1Char('&'));
            return at >= 0 && at + 1 < text.size() ? text.at(at + 1).toLower() : QChar();
        };
        QList<QChar> menuLetters;
        for (QAction *menu : window->menuBar()->actions())
            menuLetters << mnemonic(menu->text());
        for (QPushButton *button : child<QWidget>(*window, "welcomeView")->findChildren<QPushButton *>())
            QVERIFY2(!menuLetters.contains(mnemonic(button->text())), qPrintable(button->text()));
        QVERIFY(window->minimumSize().width() >= 900);
        QCOMPARE(child<QAction>(*window, "openCatalogAction")->shortcut(), QKeySequence(QKeySequence::Open));
        QCOMPARE(child<QAction>(*window, "quitAction")->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Q));
        QCOMPARE(child<QAction>(*window, "findTracksAction")->shortcut(), QKeySequence(QKeySequence::Find));
        QCOMPARE(child<QAction>(*window, "usingEncoreAction")->shortcut(), QKeySequence(QKeySequence::HelpContents));
        QVERIFY(!child<QAction>(*window, "findTracksAction")->isEnabled());  // nothing to find yet
        // Keeping songs waits for recommendations; the starter catalog is there from the start.
        QCOMPARE(child<QAction>(*window, "exportAction")->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_E));
        QVERIFY(!child<QAction>(*window, "exportAction")->isEnabled());
        QVERIFY(child<QAction>(*window, "starterCatalogAction")->isEnabled());
        QVERIFY(child<QPushButton>(*window, "starterCatalogButton")->isEnabled());
        QVERIFY(!QFileInfo::exists(path));  // looking does not create a library
    }

    void everyMenuActionHasItsOwnShortcut()
    {
        auto window = makeWindow(m_dir.filePath(QStringLiteral("shortcuts.sqlite")));
        QList<QKeySequence> seen;
        for (QAction *menuAction : window->menuBar()->actions()) {
            for (QAction *action : menuAction->menu()->actions()) {
                if (action->isSeparator())
                    continue;
                const QString where = menuAction->text() + QLatin1String(" ▸ ") + action->text();
                QVERIFY2(!action->shortcut().isEmpty(), qPrintable(where + QLatin1String(" has no shortcut")));
                QVERIFY2(!seen.contains(action->shortcut()), qPrintable(where + QLatin1String(" repeats a shortcut")));
                seen << action->shortcuts();
            }
        }
    }

    void dropAcceptsOnlyCatalogFiles_data()
    {
        QTest::addColumn<QUrl>("url");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("csv") << QUrl::fromLocalFile(QStringLiteral("/tmp/songs.csv")) << true;
        QTest::newRow("csv.gz, upper case") << QUrl::fromLocalFile(QStringLiteral("/tmp/SONGS.CSV.GZ")) << true;
        QTest::newRow("text file") << QUrl::fromLocalFile(QStringLiteral("/tmp/notes.txt")) << false;
        QTest::newRow("gzip of something else") << QUrl::fromLocalFile(QStringLiteral("/tmp/a.tar.gz")) << false;
        QTest::newRow("remote") << QUrl(QStringLiteral("https://example.org/songs.csv")) << false;
        QTest::newRow("Million Playlist slice")
            << QUrl::fromLocalFile(QStringLiteral("/tmp/mpd.slice.0-999.json")) << true;
        QTest::newRow("folder") << QUrl::fromLocalFile(QDir::tempPath()) << true;
    }
    void dropAcceptsOnlyCatalogFiles()
    {
        QFETCH(QUrl, url);
        QFETCH(bool, accepted);
        auto window = makeWindow(m_dir.filePath(QStringLiteral("drop.sqlite")));
        QMimeData mime;
        mime.setUrls({url});
        QDragEnterEvent event(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(window.get(), &event);
        QCOMPARE(event.isAccepted(), accepted);
    }

    void badCatalogShowsOneSentence()
    {
        const QString file = m_dir.filePath(QStringLiteral("not-a-catalog.csv"));
        {
            QFile out(file);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write("hello,world\n1,2\n");
        }
        auto window = makeWindow(m_dir.filePath(QStringLiteral("bad.sqlite")));
        QSignalSpy finished(window.get(), &MainWindow::importFinished);
        window->openCatalog(file);
        QVERIFY(window->isBusy());
        QVERIFY(!child<QAction>(*window, "openCatalogAction")->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kImportTimeoutMs);
        QCOMPARE(finished.at(0).at(0).toBool(), false);

        auto *box = child<QMessageBox>(*window, "errorBox");
        QVERIFY(box);
        QVERIFY(!box->text().isEmpty());
        QVERIFY2(!box->text().contains(QLatin1Char('\n')), qPrintable(box->text()));
        box->close();
        QCOMPARE(currentPage(*window), QStringLiteral("welcomeView"));
        QVERIFY(child<QAction>(*window, "openCatalogAction")->isEnabled());
    }

    void skippedRowsAreListed()
    {
        const QString file = m_dir.filePath(QStringLiteral("two-bad-rows.csv"));
        {
            QFile out(file);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write("track_id,track_name,track_artist,track_popularity,danceability,energy,key,"
                      "loudness,mode,speechiness,acousticness,instrumentalness,liveness,valence,"
                      "tempo,duration_ms\n"
                      "6f807x0ima9a1j3VPbc7VN,I Don't Care,Ed Sheeran,66,0.748,0.916,6,-2.634,1,"
                      "0.0583,0.102,0,0.0653,0.518,122.036,194754\n"
                      ",No Id,Nobody,1,0.5,0.5,1,-5,1,0.1,0.1,0,0.1,0.5,100,200000\n"
                      "0r7CVbZTWZgbTCYdfa2P31,Memories,Maroon 5,67,0.726,0.815,11,-4.969,1,"
                      "0.0373,0.0724,0.00421,0.357,0.693,99.972,162600\n"
                      "1OXfWI3FQMdsKKC6lkvzSx,Glad You Came,The Wanted,60,abc,0.5,1,-5,1,0.1,0.1,0,"
                      "0.1,0.5,100,200000,extra\n");
        }
        auto window = makeWindow(m_dir.filePath(QStringLiteral("skipped.sqlite")));
        QSignalSpy finished(window.get(), &MainWindow::importFinished);
        window->openCatalog(file);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kImportTimeoutMs);
        QCOMPARE(finished.at(0).at(0).toBool(), true);

        // Said in the status bar; the skipped rows are one click away, not in a box to dismiss.
        QCOMPARE(window->statusBar()->currentMessage(),
                 QStringLiteral("Imported 2 tracks in 1 playlist; 2 rows skipped."));
        QVERIFY(!window->findChild<QMessageBox *>(QStringLiteral("importSummaryBox")));
        auto *detailsButton = child<QPushButton>(*window, "skippedRowsButton");
        QVERIFY(detailsButton->isVisible());
        QCOMPARE(detailsButton->text(), QStringLiteral("2 rows skipped — details…"));
        detailsButton->click();
        auto *box = child<QMessageBox>(*window, "importSummaryBox");
        QVERIFY(box);
        QCOMPARE(box->text(), QStringLiteral("Imported 2 tracks in 1 playlist; 2 rows skipped."));
        const QStringList details = box->detailedText().split(QLatin1Char('\n'));
        QCOMPARE(details.size(), 2);
        QVERIFY2(details[0].startsWith(QStringLiteral("Line 3: ")), qPrintable(details[0]));
        QVERIFY2(details[1].startsWith(QStringLiteral("Line 5: ")), qPrintable(details[1]));
        box->close();
        QCOMPARE(currentPage(*window), QStringLiteral("mainView"));
        QCOMPARE(window->library().catalog->size(), 2);
    }

    void cancelLeavesLibraryUnchanged()
    {
        ENCORE_REQUIRE_FILE(test::realCatalogPath());
        auto window = makeWindow(m_dir.filePath(QStringLiteral("cancelled.sqlite")));
        QSignalSpy finished(window.get(), &MainWindow::importFinished);
        window->openCatalog(test::realCatalogPath());
        auto *cancel = child<QWidget>(*window, "importProgress")->findChild<QPushButton *>();
        QVERIFY(cancel && cancel->isVisibleTo(window.get()));
        QTest::mouseClick(cancel, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kImportTimeoutMs);
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QVERIFY(window->statusBar()->currentMessage().contains(QStringLiteral("cancelled")));
        QVERIFY(!window->findChild<QMessageBox *>(QStringLiteral("errorBox")));
        QCOMPARE(currentPage(*window), QStringLiteral("welcomeView"));
        QVERIFY(!cancel->isVisibleTo(window.get()));
    }

    void importAndRecommend()
    {
        ENCORE_REQUIRE_FILE(test::realCatalogPath());
        auto window = makeWindow(libraryPath());
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        QSignalSpy finished(window.get(), &MainWindow::importFinished);
        QSignalSpy loaded(window.get(), &MainWindow::libraryLoaded);

        window->openCatalog(test::realCatalogPath());
        QVERIFY(child<QWidget>(*window, "importProgress")->isVisibleTo(window.get()));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kImportTimeoutMs);
        QCOMPARE(finished.at(0).at(0).toBool(), true);
        // Into an empty library: what the import was storing, to rank from meanwhile, then the
        // stored library.
        QCOMPARE(loaded.count(), 2);

        // No box to dismiss: the summary is in the status bar, the main view shows the file's
        // first playlist, and the library is summed up beside it.
        QVERIFY(!window->findChild<QMessageBox *>(QStringLiteral("importSummaryBox")));
        QCOMPARE(window->statusBar()->currentMessage(),
                 QStringLiteral("Imported 28,356 tracks in 471 playlists; 0 rows skipped."));
        QVERIFY(!child<QPushButton>(*window, "skippedRowsButton")->isVisible());
        QCOMPARE(currentPage(*window), QStringLiteral("mainView"));
        QCOMPARE(window->currentPlaylistId(), QStringLiteral("37i9dQZF1DXcZDD7cfEKhW"));  // Pop Remix, the first row
        const Catalog &catalog = *window->library().catalog;
        QCOMPARE(child<QLabel>(*window, "librarySummary")->text(),
                 QStringLiteral("28,356 tracks, 471 playlists, %1 with features")
                     .arg(QLocale().toString(catalog.tracksWithFeatures())));

        // "All tracks" and the liked songs first, then the playlists by name.
        auto *playlists = child<QTreeView>(*window, "playlistView");
        QCOMPARE(playlists->model()->rowCount(), 473);
        QCOMPARE(playlists->model()->index(0, 0).data().toString(), QStringLiteral("All tracks"));
        QCOMPARE(playlists->model()->index(1, 0).data().toString(), QStringLiteral("♥ Liked in Encore"));
        QVERIFY(playlists->model()->index(2, 0).data().toString().compare(
                    playlists->model()->index(3, 0).data().toString(), Qt::CaseInsensitive)
                <= 0);

        // Ctrl+F goes to the track filter.
        window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        QTest::keyClick(window.get(), Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(child<QLineEdit>(*window, "trackFilter")->hasFocus());

        // Pick a playlist: its tracks fill the table.
        const QModelIndex playlistIndex = playlists->model()->index(5, 0);
        playlists->setCurrentIndex(playlistIndex);
        m_playlistId = playlistIndex.data(roles::Id).toString();
        QCOMPARE(window->currentPlaylistId(), m_playlistId);
        const int playlist = catalog.playlistIndexOf(m_playlistId);
        QVERIFY(playlist >= 0);
        auto *tracks = child<QTableView>(*window, "trackView");
        QCOMPARE(tracks->model()->rowCount(), static_cast<int>(catalog.playlistRows(playlist).size()));
        QVERIFY(child<ElidedLabel>(*window, "trackHeading")->fullText().contains(catalog.playlists()[playlist].name));

        // Fewer results than the default, so that k visibly flows through.
        child<QSpinBox>(*window, "resultCountSpin")->setValue(kResultCount);

        // Enter on a track makes it the seed; the recommendations fill in the background.
        const int trackRow = firstTrackWithFeatures(tracks);
        QVERIFY(trackRow >= 0);
        const QModelIndex trackIndex = tracks->model()->index(trackRow, 1);
        const int seed = trackIndex.data(roles::CatalogRow).toInt();
        tracks->setFocus();
        tracks->setCurrentIndex(trackIndex);
        QSignalSpy ranked(window.get(), &MainWindow::recommendationsChanged);
        QTest::keyClick(tracks, Qt::Key_Return);
        QCOMPARE(window->seedRow(), seed);
        m_seedId = catalog.track(seed).id;

        auto *recommendations = child<QTableView>(*window, "recommendationView");
        QTRY_VERIFY_WITH_TIMEOUT(ranked.count() >= 1, kRankTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(recommendations->model()->rowCount(), kResultCount, kRankTimeoutMs);
        QVERIFY(recommendations->isVisibleTo(window.get()));
        QVERIFY(!catalogRows(recommendations->model()).contains(seed));
        for (int row = 0; row < kResultCount; ++row) {
            const QString why = recommendations->model()
                                    ->index(row, static_cast<int>(RecommendationTableModel::Column::Why))
                                    .data()
                                    .toString();
            QVERIFY2(!why.isEmpty(), qPrintable(QStringLiteral("row %1 has no explanation").arg(row)));
        }
        QVERIFY(child<ElidedLabel>(*window, "recommendationsHeading")->fullText().contains(catalog.track(seed).name));

        // The first recommendation is selected and charted beside the seed.
        QAbstractBarSeries *series = chartSeries(*window);
        QVERIFY(series);
        QCOMPARE(series->count(), 2);
        auto *chart = child<FeatureChart>(*window, "featureChart");
        const int first = recommendations->model()->index(0, 0).data(roles::CatalogRow).toInt();
        QVERIFY(chart->legendText().contains(catalog.track(seed).name));
        QVERIFY(chart->legendText().contains(catalog.track(first).name));
        // Hybrid is the default method; its scores are relevance, not similarity.
        QVERIFY(chart->captionText().startsWith(QStringLiteral("Relevance in the hybrid blend: ")));

        // Selecting another recommendation charts that one.
        const int third = recommendations->model()->index(2, 0).data(roles::CatalogRow).toInt();
        recommendations->setCurrentIndex(recommendations->model()->index(2, 2));
        QVERIFY(chart->legendText().contains(catalog.track(third).name));
        QCOMPARE(chartSeries(*window)->count(), 2);

        // Ctrl+E anywhere in the window asks where to export the list.
        QVERIFY(child<QAction>(*window, "exportAction")->isEnabled());
        QTest::keyClick(window.get(), Qt::Key_E, Qt::ControlModifier);
        auto *exportDialog = child<QFileDialog>(*window, "exportDialog");
        QVERIFY(exportDialog && exportDialog->isVisible());
        exportDialog->reject();

        // Leaving out the playlist's tracks is the default; taking them in and leaving them out
        // again re-ranks each time.
        auto *exclude = child<QCheckBox>(*window, "excludePlaylistCheck");
        QVERIFY(exclude->isChecked());
        ranked.clear();
        exclude->setChecked(false);
        QTRY_VERIFY_WITH_TIMEOUT(ranked.count() >= 1, kRankTimeoutMs);
        ranked.clear();
        exclude->setChecked(true);
        QTRY_VERIFY_WITH_TIMEOUT(ranked.count() >= 1, kRankTimeoutMs);
        QCOMPARE(recommendations->model()->rowCount(), kResultCount);
        for (int row : catalogRows(recommendations->model()))
            QVERIFY(!catalog.track(row).id.isEmpty()
                    && !catalog.playlistTrackIds(playlist).contains(catalog.track(row).id));

        // The tutorial method ignores the weights, and re-ranks too.
        ranked.clear();
        auto *method = child<QComboBox>(*window, "methodCombo");
        method->setCurrentIndex(method->findData(static_cast<int>(RankingMethod::Tutorial)));
        QVERIFY(!child<QGroupBox>(*window, "weightsGroup")->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(ranked.count() >= 1, kRankTimeoutMs);
        QCOMPARE(recommendations->model()->rowCount(), kResultCount);

        // Two seeds in a row: the first answer is stale and dropped; only the second is shown.
        const int otherRow = firstTrackWithFeatures(tracks, seed);
        QVERIFY(otherRow >= 0);
        const int other = tracks->model()->index(otherRow, 0).data(roles::CatalogRow).toInt();
        ranked.clear();
        window->chooseSeed(other);
        window->chooseSeed(seed);
        QTRY_COMPARE_WITH_TIMEOUT(ranked.count(), 1, kRankTimeoutMs);
        QTest::qWait(300);
        QCOMPARE(ranked.count(), 1);
        QCOMPARE(window->seedRow(), seed);
        QVERIFY(!catalogRows(recommendations->model()).contains(seed));

        // A double-click picks a seed too.
        const QModelIndex otherIndex = tracks->model()->index(otherRow, 1);
        tracks->scrollTo(otherIndex);
        const QPoint centre = tracks->visualRect(otherIndex).center();
        QTest::mouseClick(tracks->viewport(), Qt::LeftButton, {}, centre);
        QTest::mouseDClick(tracks->viewport(), Qt::LeftButton, {}, centre);
        QCOMPARE(window->seedRow(), other);
        QTRY_VERIFY_WITH_TIMEOUT(!catalogRows(recommendations->model()).contains(other)
                                     && recommendations->model()->rowCount() == kResultCount,
                                 kRankTimeoutMs);

        // Back to the first seed, which the next test expects to be restored.
        window->chooseSeed(seed);
        QTRY_VERIFY_WITH_TIMEOUT(
            child<ElidedLabel>(*window, "recommendationsHeading")->fullText().contains(catalog.track(seed).name),
            kRankTimeoutMs);

        // The track filter narrows the table; the seed survives it.
        auto *filter = child<QLineEdit>(*window, "trackFilter");
        const int all = tracks->model()->rowCount();
        const QString words =
            catalog.track(seed).name.left(4) + QLatin1Char(' ') + catalog.track(seed).primaryArtist().left(3);
        QTest::keyClicks(filter, words);
        QTRY_VERIFY(tracks->model()->rowCount() < all);
        QVERIFY(catalogRows(tracks->model()).contains(seed));
        QVERIFY(child<ElidedLabel>(*window, "trackHeading")->fullText().contains(QStringLiteral(" of ")));
        filter->clear();
        QCOMPARE(tracks->model()->rowCount(), all);

        window->close();
    }

    void restartRestoresLibraryAndSession()
    {
        QVERIFY2(!m_seedId.isEmpty(), "importAndRecommend must run first");
        auto window = makeWindow(libraryPath());
        QSignalSpy imports(window.get(), &MainWindow::importStarted);
        QSignalSpy loaded(window.get(), &MainWindow::libraryLoaded);
        QCOMPARE(currentPage(*window), QStringLiteral("loadingView"));
        QVERIFY(window->isBusy());

        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, kImportTimeoutMs);
        QCOMPARE(imports.count(), 0);
        QCOMPARE(currentPage(*window), QStringLiteral("mainView"));
        QCOMPARE(window->library().catalog->size(), 28356);

        // The playlist, the seed and the ranking options come back.
        QCOMPARE(window->currentPlaylistId(), m_playlistId);
        const Catalog &catalog = *window->library().catalog;
        QCOMPARE(window->seedRow(), catalog.rowOf(m_seedId));
        QCOMPARE(child<QTreeView>(*window, "playlistView")->currentIndex().data(roles::Id).toString(), m_playlistId);
        QCOMPARE(child<QTableView>(*window, "trackView")->currentIndex().data(roles::CatalogRow).toInt(),
                 catalog.rowOf(m_seedId));
        QCOMPARE(child<QSpinBox>(*window, "resultCountSpin")->value(), kResultCount);
        QVERIFY(child<QCheckBox>(*window, "excludePlaylistCheck")->isChecked());
        QCOMPARE(child<QComboBox>(*window, "methodCombo")->currentData().toInt(),
                 static_cast<int>(RankingMethod::Tutorial));

        auto *recommendations = child<QTableView>(*window, "recommendationView");
        QTRY_COMPARE_WITH_TIMEOUT(recommendations->model()->rowCount(), kResultCount, kRankTimeoutMs);
        QVERIFY(!catalogRows(recommendations->model()).contains(window->seedRow()));
        QVERIFY(chartSeries(*window));
        QCOMPARE(chartSeries(*window)->count(), 2);
    }

    // Quitting would stop an import whose library is already on screen (here a first import
    // waiting for another writer): asked first, keeping it by default; quitting stops it.
    void quittingDuringAnImportAsksFirst()
    {
        ENCORE_REQUIRE_FILE(test::realCatalogPath());
        const QString path = m_dir.filePath(QStringLiteral("quit.sqlite"));
        QVERIFY(LibraryDb::open(path).ok());
        {
            test::WriterLock otherWriter(path);
            QVERIFY(otherWriter.holds());

            auto window = makeWindow(path);
            QTRY_VERIFY_WITH_TIMEOUT(!window->isBusy(), kImportTimeoutMs);
            QSignalSpy finished(window.get(), &MainWindow::importFinished);
            window->openCatalog(test::realCatalogPath());
            QTRY_VERIFY_WITH_TIMEOUT(!window->library().isEmpty(), kImportTimeoutMs);

            QVERIFY(!window->close());
            auto *box = child<QMessageBox>(*window, "stopImportBox");
            QVERIFY(box && box->isVisible());
            QCOMPARE(box->defaultButton()->text(), QStringLiteral("Keep Importing"));
            QTest::mouseClick(box->defaultButton(), Qt::LeftButton);
            QTRY_VERIFY(!window->findChild<QMessageBox *>(QStringLiteral("stopImportBox")));
            QVERIFY(window->isVisible());
            QVERIFY(finished.isEmpty());

            QVERIFY(!window->close());
            box = child<QMessageBox>(*window, "stopImportBox");
            QAbstractButton *quit = nullptr;
            for (QAbstractButton *button : box->buttons())
                if (box->buttonRole(button) == QMessageBox::DestructiveRole)
                    quit = button;
            QVERIFY(quit);
            QTest::mouseClick(quit, Qt::LeftButton);
            QTRY_VERIFY(!window->isVisible());
            window.reset();  // stops the import, which was waiting for the other writer
        }
        const auto reopened = LibraryDb::open(path);
        QVERIFY(reopened.ok() && (*reopened)->isEmpty());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
