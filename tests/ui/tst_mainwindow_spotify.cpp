#include "common/coverart.h"
#include "common/itemroles.h"
#include "mainwindow.h"
#include "spotify/savetospotifydialog.h"
#include "spotify/spotifypane.h"
#include "spotify/spotifyplaylistmodel.h"
#include "spotify/spotifysignindialog.h"

#include "fakebrowser.h"
#include "fakefeatureservices.h"
#include "fakespotify.h"
#include "features/featuretestsupport.h"
#include "keychainsupport.h"
#include "testsupport.h"

#include "features/featureendpoints.h"
#include "spotify/secretstore.h"
#include "spotify/spotifyaccount.h"
#include "spotify/spotifysettings.h"
#include "ui/widgettesting.h"

#include <QAction>
#include <QDesktopServices>
#include <QJsonArray>
#include <QJsonObject>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QUuid>

#include <memory>

using namespace encore;
using encore::test::child;
using encore::test::FakeBrowser;
using encore::test::FakeDeezer;
using encore::test::FakeITunes;
using encore::test::FakeReccoBeats;
using encore::test::FakeSpotify;
using encore::test::FakeSpotifyApi;

namespace {

constexpr int kTimeoutMs = 30000;

QString currentPage(const MainWindow &window)
{
    return child<QStackedWidget>(window, "pages")->currentWidget()->objectName();
}

}  // namespace

// The window with a Spotify account, end to end against the fake accounts service and Web API:
// signing in from the welcome page, the playlists in the sidebar, reading one into the library
// with progress and cancel, the audio features looked for once it is read, the sign-in restored at
// start, and an expired one. ReccoBeats, Deezer and iTunes are faked too.
class TestMainWindowSpotify : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<FakeSpotify> m_spotify;
    FakeSpotifyApi *m_api = nullptr;
    FakeBrowser m_browser;
    FakeReccoBeats m_reccoBeats;
    FakeDeezer m_deezer;
    FakeITunes m_iTunes;
    QString m_clientId;
    int m_serial = 0;

    // A window on a fresh library, with fresh settings, and its account.
    struct Setup {
        std::unique_ptr<QSettings> settings;
        std::unique_ptr<SpotifyAccount> account;
        std::unique_ptr<MainWindow> window;
    };

    std::unique_ptr<QSettings> freshSettings()
    {
        return std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("settings-%1.ini").arg(++m_serial)),
                                           QSettings::IniFormat);
    }

    Setup makeWindow(std::unique_ptr<QSettings> settings, SecretStore::Backend backend = SecretStore::Backend::Memory)
    {
        Setup setup;
        setup.settings = std::move(settings);
        setup.account = std::make_unique<SpotifyAccount>(*setup.settings, backend);
        setup.window = std::make_unique<MainWindow>(m_dir.filePath(QStringLiteral("library-%1.sqlite").arg(++m_serial)),
                                                    *setup.settings, *setup.account);
        setup.window->show();
        return setup;
    }

    // Signs in through the dialog, as a user would: Client ID, port, Sign in, the browser.
    bool signInThroughDialog(MainWindow &window, SpotifyAccount &account)
    {
        // Deleted on close (WA_DeleteOnClose), which qWaitFor processes before asking again.
        const QPointer<SpotifySignInDialog> dialog = child<SpotifySignInDialog>(window, "spotifySignInDialog");
        if (!dialog)
            return false;
        child<QLineEdit>(*dialog, "clientIdEdit")->setText(m_clientId);
        QSpinBox *port = child<QSpinBox>(*dialog, "redirectPortSpinBox");
        port->setValue(freePort());
        QTest::mouseClick(child<QPushButton>(*dialog, "signInButton"), Qt::LeftButton);
        return QTest::qWaitFor([&] { return account.isSignedIn(); }, kTimeoutMs)
            && QTest::qWaitFor([&] { return !dialog || !dialog->isVisible(); }, kTimeoutMs);
    }

    // A window on an empty library, signed in through the dialog, with its playlists listed; no
    // window when that failed.
    Setup signedInWindow()
    {
        Setup setup = makeWindow(freshSettings());
        child<QAction>(*setup.window, "signInAction")->trigger();
        if (!signInThroughDialog(*setup.window, *setup.account) || !waitForPlaylists(*setup.window))
            setup.window.reset();
        return setup;
    }

    // signedInWindow() with the planted catalog imported; no window when either failed.
    Setup signedInWindowWithCatalog()
    {
        Setup setup = signedInWindow();
        if (!setup.window)
            return setup;
        QSignalSpy imported(setup.window.get(), &MainWindow::importFinished);
        setup.window->openCatalog(QStringLiteral(ENCORE_TEST_DATA "/planted_playlists.csv"));
        if (!QTest::qWaitFor([&] { return imported.count() > 0; }, kTimeoutMs))
            setup.window.reset();
        return setup;
    }

    // A session that signs in through the dialog, with the keychain, and ends: what the next
    // start restores.
    bool signInAndQuit(const QString &settingsPath)
    {
        Setup session =
            makeWindow(std::make_unique<QSettings>(settingsPath, QSettings::IniFormat), SecretStore::Backend::Keychain);
        child<QAction>(*session.window, "signInAction")->trigger();
        return signInThroughDialog(*session.window, *session.account)
            && QTest::qWaitFor([&] { return !session.account->hasPendingKeychainWrites(); }, kTimeoutMs);
    }

    static int freePort()
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        return probe.serverPort();
    }

    static bool waitForPlaylists(MainWindow &window)
    {
        return QTest::qWaitFor(
            [&] { return window.spotifyPane()->model().rowCount() > 0 && !window.spotifyPane()->isReadingPlaylists(); },
            kTimeoutMs);
    }

    static void clickPlaylist(MainWindow &window, const QString &playlistId)
    {
        QTreeView *view = window.spotifyPane()->view();
        const int row = window.spotifyPane()->model().rowForId(playlistId);
        QVERIFY(row >= 0);
        const QModelIndex index = view->model()->index(row, 0);
        view->scrollTo(index);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QVERIFY(m_dir.isValid());
        m_clientId = QUuid::createUuid().toString(QUuid::Id128);  // 32 hex digits, like Spotify's
        const QString data = encore::test::sharedDataFile(QStringLiteral("spotify-api"));
        ENCORE_REQUIRE_FILE(data);
        m_spotify = std::make_unique<FakeSpotify>(m_clientId, data);
        m_api = &m_spotify->api;
        m_api->addSyntheticPlaylist(QStringLiteral("4SyntheticReadInGui001"), 230);
        m_api->addSyntheticPlaylist(QStringLiteral("4SyntheticCancelInGui1"), 600);
        m_api->addSyntheticPlaylist(QStringLiteral("4SyntheticFeatures0001"), 4);
        const QString failure = m_spotify->start();
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QDesktopServices::setUrlHandler(QStringLiteral("http"), &m_browser, "handleUrl");

        // Of the 4-song playlist ReccoBeats knows song 0 and Deezer has a preview of song 1.
        QVERIFY(m_reccoBeats.listen() && m_deezer.listen() && m_iTunes.listen());
        m_reccoBeats.addTrack(FakeSpotifyApi::syntheticTrackId(0), encore::test::featureJson(101));
        m_deezer.addTrack(QStringLiteral("QZ0000000001"),
                          m_deezer.serveFile(QStringLiteral("/preview/1.wav"), encore::test::previewWav()));
        qputenv(FeatureEndpoints::kReccoBeatsVariable, m_reccoBeats.baseUrl().toEncoded());
        qputenv(FeatureEndpoints::kDeezerVariable, m_deezer.baseUrl().toEncoded());
        qputenv(FeatureEndpoints::kITunesVariable, m_iTunes.baseUrl().toEncoded());
    }

    void cleanupTestCase() { QDesktopServices::unsetUrlHandler(QStringLiteral("http")); }

    void cleanup()
    {
        m_api->setLatency(std::chrono::milliseconds(0));
        // Each test counts only its own requests: a window of the test before may have started
        // looking for features (its playlist has none) before it closed.
        m_api->resetRecord();
        // Nor does it see the covers (or "no cover") the windows before kept.
        QDir(CoverArt::defaultDirectory()).removeRecursively();
    }

    void signInFromTheWelcomePage()
    {
        m_browser.clear();
        Setup setup = makeWindow(freshSettings());
        MainWindow &window = *setup.window;
        QCOMPARE(currentPage(window), QStringLiteral("welcomeView"));
        QTest::mouseClick(child<QPushButton>(window, "welcomeSignInButton"), Qt::LeftButton);
        QVERIFY(signInThroughDialog(window, *setup.account));
        QCOMPARE(m_browser.openedUrls().size(), 1);

        // Signed in with an empty library: the window shows the sidebar with the playlists.
        QTRY_COMPARE(currentPage(window), QStringLiteral("mainView"));
        QVERIFY(waitForPlaylists(window));
        QCOMPARE(child<QLabel>(window, "spotifyAccountLabel")->text(), QStringLiteral("Spotify: Antoine Egea"));
        QVERIFY(child<QLabel>(window, "spotifyHeading")->text().contains(QStringLiteral("Antoine Egea")));
        // No keychain here (memory backend): the user is told the sign-in is not remembered.
        QCOMPARE(child<QLabel>(window, "spotifyNote")->text(), SecretStore::notPersistentNotice());
        QVERIFY(child<QLabel>(window, "spotifyNote")->isVisibleTo(&window));

        const SpotifyPlaylistModel &model = window.spotifyPane()->model();
        const int foreign = model.rowForId(FakeSpotifyApi::foreignPlaylistId());
        QVERIFY(foreign >= 0);
        QVERIFY(!(model.flags(model.index(foreign, 0)) & Qt::ItemIsEnabled));
        QCOMPARE(model.data(model.index(foreign, 0), Qt::ToolTipRole).toString(), playlistNotReadableReason());
        const int collaborative = model.rowForId(FakeSpotifyApi::collaborativePlaylistId());
        QVERIFY(collaborative >= 0 && model.isReadable(collaborative));

        QVERIFY(!child<QAction>(window, "signInAction")->isEnabled());
        QVERIFY(child<QAction>(window, "signOutAction")->isEnabled());
        child<QAction>(window, "signOutAction")->trigger();
        QTRY_COMPARE(setup.account->state(), SpotifyAccount::State::SignedOut);
        QTRY_COMPARE(currentPage(window), QStringLiteral("welcomeView"));
        QVERIFY(child<QAction>(window, "signInAction")->isEnabled());
        QVERIFY(child<QLabel>(window, "spotifyAccountLabel")->text().isEmpty());
    }

    void readsAPlaylistIntoTheLibrary()
    {
        Setup setup = signedInWindow();
        QVERIFY(setup.window);
        MainWindow &window = *setup.window;

        const QString id = QStringLiteral("4SyntheticReadInGui001");
        const QString itemsPath = QStringLiteral("/v1/playlists/%1/items").arg(id);
        m_api->setLatency(std::chrono::milliseconds(40));
        QSignalSpy finished(&window, &MainWindow::spotifyReadFinished);
        auto *progress = child<QWidget>(window, "spotifyReadProgress");
        QLabel *progressLabel = progress->findChild<QLabel *>();
        QStringList progressTexts;
        clickPlaylist(window, id);
        QVERIFY(progress->isVisibleTo(&window));
        QVERIFY(window.isBusy());
        QVERIFY(QTest::qWaitFor(
            [&] {
                progressTexts << progressLabel->text();
                return finished.count() > 0;
            },
            kTimeoutMs));
        QCOMPARE(finished.at(0).at(0).toBool(), true);
        QVERIFY2(progressTexts.contains(QStringLiteral("Reading “Synthetic 230”: 50 of 230 tracks")),
                 qPrintable(progressTexts.join(u'|')));
        QVERIFY(!progress->isVisibleTo(&window));

        // In the library, shown, and marked as read.
        QCOMPARE(window.currentPlaylistId(), id);
        const Catalog &catalog = *window.library().catalog;
        const int playlist = catalog.playlistIndexOf(id);
        QVERIFY(playlist >= 0);
        QCOMPARE(int(catalog.playlistRows(playlist).size()), 230);
        QCOMPARE(catalog.playlists()[playlist].origin, QStringLiteral("spotify"));
        QCOMPARE(window.statusBar()->currentMessage(), QStringLiteral("Read 230 tracks from “Synthetic 230”."));
        const SpotifyPlaylistModel &model = window.spotifyPane()->model();
        QCOMPARE(model.libraryState(model.rowForId(id)), SpotifyPlaylistModel::LibraryState::UpToDate);

        // Unchanged on Spotify: choosing it again shows it without reading it again.
        const qsizetype itemRequests = m_api->requestsTo(itemsPath).size();
        QCOMPARE(itemRequests, 5);
        window.readSpotifyPlaylist(model.playlist(model.rowForId(id)));
        QVERIFY(!window.isBusy());
        QCOMPARE(m_api->requestsTo(itemsPath).size(), itemRequests);
        QCOMPARE(window.currentPlaylistId(), id);
    }

    // The user's way out: recommendations from a catalog, two of them selected, Ctrl+S, a new
    // playlist in Spotify holding exactly those two in the list's order, then listed in the
    // sidebar and kept in the library at its new version.
    void savesSelectedRecommendationsToSpotify()
    {
        Setup setup = signedInWindowWithCatalog();
        QVERIFY(setup.window);
        MainWindow &window = *setup.window;
        QSignalSpy ranked(&window, &MainWindow::recommendationsChanged);
        window.chooseSeed(window.library().catalog->rowOf(QStringLiteral("TR023xxxxxxxxxxxxxxxxx")));
        QVERIFY(QTest::qWaitFor([&] { return ranked.count() > 0; }, kTimeoutMs));

        auto *table = child<QTableView>(window, "recommendationView");
        QVERIFY(table->model()->rowCount() >= 5);
        table->setFocus();
        QItemSelectionModel *selection = table->selectionModel();
        selection->select(table->model()->index(3, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        selection->select(table->model()->index(1, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        const QStringList expected{
            QStringLiteral("spotify:track:") + table->model()->index(1, 0).data(roles::Id).toString(),
            QStringLiteral("spotify:track:") + table->model()->index(3, 0).data(roles::Id).toString()};

        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QVERIFY(child<QAction>(window, "saveToSpotifyAction")->isEnabled());
        QTest::keyClick(table, Qt::Key_S, Qt::ControlModifier);
        QPointer<SaveToSpotifyDialog> dialog;  // deleted on close
        QVERIFY(QTest::qWaitFor([&] { return (dialog = window.findChild<SaveToSpotifyDialog *>()) != nullptr; },
                                kTimeoutMs));
        QCOMPARE(child<QLineEdit>(*dialog, "saveName")->text(), QStringLiteral("Encore: like “Rock song 23”"));
        QTest::mouseClick(child<QPushButton>(*dialog, "saveButton"), Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([&] { return dialog && dialog->state().isComplete(); }, kTimeoutMs));
        QVERIFY(dialog);
        const QString id = dialog->state().playlistId;
        QCOMPARE(m_api->playlistUris(id), expected);

        const SpotifyPlaylistModel &playlists = window.spotifyPane()->model();
        QVERIFY(QTest::qWaitFor([&] { return playlists.rowForId(id) >= 0; }, kTimeoutMs));
        QVERIFY(QTest::qWaitFor([&] { return window.library().catalog->playlistIndexOf(id) >= 0; }, kTimeoutMs));
        QCOMPARE(playlists.libraryState(playlists.rowForId(id)), SpotifyPlaylistModel::LibraryState::UpToDate);
        const int stored = window.library().catalog->playlistIndexOf(id);
        QCOMPARE(int(window.library().catalog->playlistRows(stored).size()), 2);
        QVERIFY(dialog);
        child<QPushButton>(*dialog, "saveCloseButton")->click();
        QVERIFY(QTest::qWaitFor([&] { return dialog.isNull(); }, kTimeoutMs));
    }

    // Discover finds a song only on Deezer; once the list shows it near the top, the window
    // looks it up on Spotify, and the song becomes that Spotify track, with ReccoBeats' features.
    void discoverFindsTheTopDeezerSongsOnSpotify()
    {
        Setup setup = signedInWindowWithCatalog();
        QVERIFY(setup.window);
        MainWindow &window = *setup.window;
        const int seedRow = window.library().catalog->rowOf(QStringLiteral("TR023xxxxxxxxxxxxxxxxx"));
        const Track seed = window.library().catalog->track(seedRow);
        m_deezer.addArtist(9001, seed.primaryArtist(), {9002});
        m_deezer.addArtist(9002, QStringLiteral("Amy Winehouse"));
        m_deezer.addSong(90010, 9001, seed.name, seed.isrc, 500000, 0);
        m_deezer.addSong(90020, 9002, QStringLiteral("Rehab"), QStringLiteral("GBUM70603811"), 750000, 72);
        QJsonObject rehab = FakeSpotifyApi::syntheticTrackEntry(700).value(QStringLiteral("track")).toObject();
        rehab[QStringLiteral("name")] = QStringLiteral("Rehab");
        rehab[QStringLiteral("artists")] =
            QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("Amy Winehouse")}}};
        rehab[QStringLiteral("external_ids")] = QJsonObject{{QStringLiteral("isrc"), QStringLiteral("GBUM70603811")}};
        m_api->addKnownTrack(rehab);
        const QString rehabId = rehab.value(QStringLiteral("id")).toString();
        m_reccoBeats.addTrack(rehabId, encore::test::featureJson(72));
        const qsizetype searchesBefore = m_api->requestsTo(QStringLiteral("/v1/search")).size();

        window.chooseSeed(seedRow);
        QVERIFY(child<QAction>(window, "discoverSpotifyAction")->isChecked());
        QVERIFY(QTest::qWaitFor([&] { return child<QAction>(window, "discoverAction")->isEnabled(); }, kTimeoutMs));
        QSignalSpy messages(window.statusBar(), &QStatusBar::messageChanged);
        child<QAction>(window, "discoverAction")->trigger();
        QVERIFY(QTest::qWaitFor([&] { return window.library().catalog->rowOf(QStringLiteral("deezer:90020")) >= 0; },
                                kTimeoutMs));
        QVERIFY(QTest::qWaitFor([&] { return window.library().catalog->rowOf(rehabId) >= 0; }, kTimeoutMs));
        const Catalog &catalog = *window.library().catalog;
        QCOMPARE(catalog.rowOf(QStringLiteral("deezer:90020")), -1);
        QVERIFY(window.library().discoveries.isNew(catalog.rowOf(rehabId)));
        QVERIFY(m_api->requestsTo(QStringLiteral("/v1/search")).size() > searchesBefore);
        QVERIFY(QTest::qWaitFor(
            [&] {
                const int row = window.library().catalog->rowOf(rehabId);
                return row >= 0 && window.library().catalog->hasFeatures(row);
            },
            kTimeoutMs));
        const auto said = [&](const QString &text) {
            for (const QList<QVariant> &message : std::as_const(messages))
                if (message.first().toString().contains(text))
                    return true;
            return false;
        };
        QVERIFY(QTest::qWaitFor([&] { return said(QStringLiteral("Spotify knows 1 of 1 new song.")); }, kTimeoutMs));
        QVERIFY(said(QStringLiteral("Spotify searches used today.")));

        // Deezer knows the seed by its ISRC: its cover shows beside its name over the chart.
        auto *seedCover = child<QLabel>(window, "legendCover0");
        const int coverHue = QColor::fromHsv(90010 * 47 % 360, 160, 200).hue();
        QVERIFY(QTest::qWaitFor(
            [&] {
                const QImage shown = seedCover->pixmap().toImage();
                return seedCover->isVisibleTo(&window) && !shown.isNull()
                    && std::abs(shown.pixelColor(shown.width() / 2, shown.height() / 2).hue() - coverHue) < 10;
            },
            kTimeoutMs));
        QCOMPARE(m_deezer.requestsTo(QStringLiteral("/images/cover/90010/")).size(), 1);
    }

    // A new app gets no audio features from Spotify: the window looks for them elsewhere as soon
    // as the playlist is in the library, and shows what it found.
    void looksForFeaturesOnceRead()
    {
        Setup setup = signedInWindow();
        QVERIFY(setup.window);
        MainWindow &window = *setup.window;
        const QString id = QStringLiteral("4SyntheticFeatures0001");
        QSignalSpy searched(&window, &MainWindow::featureSearchFinished);
        auto *progress = child<QWidget>(window, "featureProgress");
        QLabel *progressLabel = progress->findChild<QLabel *>();
        QStringList progressTexts;
        clickPlaylist(window, id);
        QVERIFY(QTest::qWaitFor(
            [&] {
                if (progress->isVisibleTo(&window))
                    progressTexts << progressLabel->text();
                return searched.count() > 0;
            },
            kTimeoutMs));
        QVERIFY2(progressTexts.contains(QStringLiteral("Audio features: Asking ReccoBeats, 0 of 4 tracks")),
                 qPrintable(progressTexts.join(u'|')));
        QVERIFY(!progress->isVisibleTo(&window));
        QVERIFY(!window.isFindingFeatures());
        QCOMPARE(window.statusBar()->currentMessage(),
                 QStringLiteral("Found audio features for 2 of 4 tracks; 2 still have none."));

        // The library shown has them, each with its source; the playlist is still the one shown.
        QCOMPARE(window.currentPlaylistId(), id);
        const Catalog &catalog = *window.library().catalog;
        auto sourceOf = [&](int song) {
            const int row = catalog.rowOf(FakeSpotifyApi::syntheticTrackId(song));
            return row < 0 ? FeatureSource::Missing : countedSource(catalog.features(row));
        };
        QCOMPARE(sourceOf(0), FeatureSource::ReccoBeats);
        QCOMPARE(sourceOf(1), FeatureSource::Analysis);
        QCOMPARE(sourceOf(2), FeatureSource::Missing);
        QCOMPARE(sourceOf(3), FeatureSource::Missing);
        // Spotify was asked first and said no, as it does to new apps.
        QCOMPARE(m_api->requestsTo(QStringLiteral("/v1/audio-features")).size(), 1);
        // Its links to the albums' covers are kept, the 300-pixel ones, for the covers shown.
        const Track &song2 = catalog.track(catalog.rowOf(FakeSpotifyApi::syntheticTrackId(2)));
        QCOMPARE(window.library().albumCovers.value(song2.albumId), FakeSpotifyApi::syntheticAlbumCover(2, 300));
    }

    void cancelLeavesTheLibraryUnchanged()
    {
        Setup setup = signedInWindow();
        QVERIFY(setup.window);
        MainWindow &window = *setup.window;

        m_api->setLatency(std::chrono::milliseconds(400));
        QSignalSpy finished(&window, &MainWindow::spotifyReadFinished);
        clickPlaylist(window, QStringLiteral("4SyntheticCancelInGui1"));
        auto *progress = child<QWidget>(window, "spotifyReadProgress");
        QVERIFY(progress->isVisibleTo(&window));
        QTest::mouseClick(progress->findChild<QPushButton *>(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kTimeoutMs);
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QCOMPARE(window.statusBar()->currentMessage(),
                 QStringLiteral("Stopped reading “Synthetic 600”; your library is unchanged."));
        QVERIFY(!window.findChild<QMessageBox *>(QStringLiteral("errorBox")));
        QVERIFY(window.library().isEmpty());
        QVERIFY(!window.isBusy());
    }

    void refusedPlaylistIsExplained()
    {
        Setup setup = signedInWindow();
        QVERIFY(setup.window);
        MainWindow &window = *setup.window;

        const QString id = QStringLiteral("4SyntheticReadInGui001");
        m_api->failRequests(404, 1, QStringLiteral("/v1/playlists/%1/items").arg(id));
        QSignalSpy finished(&window, &MainWindow::spotifyReadFinished);
        clickPlaylist(window, id);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kTimeoutMs);
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        auto *box = child<QMessageBox>(window, "errorBox");
        QVERIFY(box);
        QCOMPARE(box->windowTitle(), QStringLiteral("Reading “Synthetic 230”"));
        QVERIFY2(box->text().startsWith(QStringLiteral("Spotify could not find this playlist;")),
                 qPrintable(box->text()));
        box->close();
        QVERIFY(window.library().isEmpty());
    }

    void restoresTheSignInAtStart()
    {
        if (!encore::test::keychainExpected())
            QSKIP("Needs a keychain: run through scripts/bootstrap test.");
        const QString settingsPath = m_dir.filePath(QStringLiteral("restore.ini"));
        QVERIFY(signInAndQuit(settingsPath));
        const int authorizations = m_spotify->accounts.authorizeCount();

        Setup second =
            makeWindow(std::make_unique<QSettings>(settingsPath, QSettings::IniFormat), SecretStore::Backend::Keychain);
        QCOMPARE(second.account->state(), SpotifyAccount::State::Restoring);
        QCOMPARE(child<QLabel>(*second.window, "spotifyAccountLabel")->text(),
                 QStringLiteral("Signing in to Spotify…"));
        QTRY_COMPARE_WITH_TIMEOUT(second.account->state(), SpotifyAccount::State::SignedIn, kTimeoutMs);
        QCOMPARE(m_spotify->accounts.authorizeCount(), authorizations);  // no browser
        QCOMPARE(currentPage(*second.window), QStringLiteral("mainView"));
        QVERIFY(waitForPlaylists(*second.window));
        QVERIFY(!child<QLabel>(*second.window, "spotifyNote")->isVisibleTo(second.window.get()));

        child<QAction>(*second.window, "signOutAction")->trigger();
        QTRY_COMPARE(second.account->state(), SpotifyAccount::State::SignedOut);
        QTRY_COMPARE_WITH_TIMEOUT(encore::test::readSecret(SecretStore::refreshTokenKey(m_clientId)).error().kind,
                                  ErrorKind::NotFound, kTimeoutMs);
    }

    void expiredSignInAsksToSignInAgain()
    {
        if (!encore::test::keychainExpected())
            QSKIP("Needs a keychain: run through scripts/bootstrap test.");
        const QString settingsPath = m_dir.filePath(QStringLiteral("expired.ini"));
        QVERIFY(signInAndQuit(settingsPath));
        m_spotify->accounts.revokeAllRefreshTokens();

        Setup second =
            makeWindow(std::make_unique<QSettings>(settingsPath, QSettings::IniFormat), SecretStore::Backend::Keychain);
        QTRY_COMPARE_WITH_TIMEOUT(second.account->state(), SpotifyAccount::State::SignedOut, kTimeoutMs);
        QTRY_COMPARE(currentPage(*second.window), QStringLiteral("welcomeView"));
        QVERIFY(child<QLabel>(*second.window, "signInNote")->text().contains(QStringLiteral("sign in again")));
        QVERIFY(child<QAction>(*second.window, "signInAction")->isEnabled());
    }
};

QTEST_MAIN(TestMainWindowSpotify)
#include "tst_mainwindow_spotify.moc"
