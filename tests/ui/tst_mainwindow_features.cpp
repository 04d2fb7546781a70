#include "mainwindow.h"

#include "fakefeatureservices.h"
#include "features/featuretestsupport.h"

#include "features/featureendpoints.h"
#include "spotify/spotifyaccount.h"
#include "storage/featurecounts.h"
#include "storage/librarydb.h"
#include "ui/widgettesting.h"

#include <QAction>
#include <QFile>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace encore;
using namespace encore::test;

namespace {

constexpr int kTimeoutMs = 60000;
const QString kPlaylist = QStringLiteral("3WindowFeatures0000001");

}  // namespace

// The window's search for missing audio features with no Spotify account, against fake
// ReccoBeats, Deezer and iTunes servers: from the menu, with progress, Cancel, and an import in
// the middle of it.
class TestMainWindowFeatures : public QObject {
    Q_OBJECT

    struct Setup {
        std::unique_ptr<QSettings> settings;
        std::unique_ptr<SpotifyAccount> account;
        std::unique_ptr<MainWindow> window;
    };

    // A window on a library of a catalog song (features known) and a playlist read from Spotify
    // whose four songs have none: ReccoBeats knows song 1, song 2 has the catalog song's ISRC,
    // Deezer knows only song 3's ISRC but has no preview to give, nobody knows song 4.
    Setup windowOnLibrary()
    {
        ImportBatch batch;
        batch.tracks = {
            featureTrack(1, QStringLiteral("One"), QStringLiteral("A")),
            featureTrack(2, QStringLiteral("Two"), QStringLiteral("B"), QStringLiteral("GBAAA0000002")),
            featureTrack(3, QStringLiteral("Three"), QStringLiteral("C"), QStringLiteral("GBAAA0000003")),
            featureTrack(4, QStringLiteral("Four"), QStringLiteral("D")),
            featureTrack(100, QStringLiteral("Catalog song"), QStringLiteral("E"), QStringLiteral("GBAAA0000002"))};
        batch.features.resize(batch.tracks.size());
        for (Feature f : kAllFeatures)
            batch.features.back().set(f, 0.5f, FeatureSource::Catalog);
        batch.playlists = {Playlist{kPlaylist,
                                    QStringLiteral("Mix"),
                                    {},
                                    QStringLiteral("spotify"),
                                    {featureTrackId(1), featureTrackId(2), featureTrackId(3), featureTrackId(4)},
                                    {}}};
        const QString path = m_dir.filePath(QStringLiteral("library-%1.sqlite").arg(++m_serial));
        Setup setup;
        auto db = LibraryDb::open(path);
        if (!db || !(*db)->store(batch, {}))
            return setup;
        setup.settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("settings-%1.ini").arg(m_serial)),
                                                     QSettings::IniFormat);
        setup.account = std::make_unique<SpotifyAccount>(*setup.settings, SecretStore::Backend::Memory);
        setup.window = std::make_unique<MainWindow>(path, *setup.settings, *setup.account);
        setup.window->show();
        if (!QTest::qWaitFor([&] { return !setup.window->isBusy() && !setup.window->library().isEmpty(); }, kTimeoutMs))
            setup.window.reset();
        return setup;
    }

    static FeatureSource sourceOf(const MainWindow &window, int song)
    {
        const Catalog &catalog = *window.library().catalog;
        const int row = catalog.rowOf(featureTrackId(song));
        return row < 0 ? FeatureSource::Missing : countedSource(catalog.features(row));
    }

    static QString progressText(const MainWindow &window)
    {
        return child<QWidget>(window, "featureProgress")->findChild<QLabel *>()->text();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QVERIFY(m_dir.isValid());
        QVERIFY(m_reccoBeats.listen() && m_deezer.listen() && m_iTunes.listen());
        m_reccoBeats.addTrack(featureTrackId(1), featureJson(101));
        m_deezer.addTrack(QStringLiteral("GBAAA0000003"),
                          m_deezer.baseUrl().resolved(QUrl(QStringLiteral("/gone.mp3"))));
        useServices(m_reccoBeats.baseUrl(), m_deezer.baseUrl(), m_iTunes.baseUrl());
    }

    void cleanup()
    {
        m_deezer.setLatency(std::chrono::milliseconds(0));
        useServices(m_reccoBeats.baseUrl(), m_deezer.baseUrl(), m_iTunes.baseUrl());
    }

    void findsFeaturesFromTheMenu()
    {
        Setup setup = windowOnLibrary();
        QVERIFY(setup.window);
        MainWindow &window = *setup.window;
        QCOMPARE(sourceOf(window, 1), FeatureSource::Missing);

        auto *action = child<QAction>(window, "findFeaturesAction");
        QVERIFY(action->isEnabled());
        QSignalSpy finished(&window, &MainWindow::featureSearchFinished);
        action->trigger();
        QVERIFY(window.isFindingFeatures());
        QVERIFY(!action->isEnabled());
        QVERIFY(child<QWidget>(window, "featureProgress")->isVisibleTo(&window));
        QVERIFY(finished.wait(kTimeoutMs));

        QCOMPARE(window.statusBar()->currentMessage(),
                 QStringLiteral("Found audio features for 2 of 4 tracks; 2 still have none."));
        QCOMPARE(sourceOf(window, 1), FeatureSource::ReccoBeats);
        QCOMPARE(sourceOf(window, 2), FeatureSource::Catalog);
        QCOMPARE(sourceOf(window, 3), FeatureSource::Missing);
        QCOMPARE(sourceOf(window, 4), FeatureSource::Missing);
        QVERIFY(!child<QWidget>(window, "featureProgress")->isVisibleTo(&window));
        QVERIFY(action->isEnabled());
        QVERIFY(!window.findChild<QMessageBox *>(QStringLiteral("errorBox")));

        // Again: nothing left that anyone knows, and the library is not reloaded for nothing.
        QSignalSpy loaded(&window, &MainWindow::libraryLoaded);
        action->trigger();
        QVERIFY(finished.wait(kTimeoutMs));
        QCOMPARE(window.statusBar()->currentMessage(),
                 QStringLiteral("No audio features found for the 2 tracks without them."));
        QCOMPARE(loaded.count(), 0);
    }

    // Offline, the search names what it could not reach instead of saying none were found, and
    // stores nothing for it: once back, the same songs are looked for again.
    void offlineIsNotAnAnswer()
    {
        useServices(unreachableUrl(), unreachableUrl(), unreachableUrl());
        Setup setup = windowOnLibrary();
        QVERIFY(setup.window);
        MainWindow &window = *setup.window;
        QSignalSpy finished(&window, &MainWindow::featureSearchFinished);
        window.findMissingFeatures();
        QVERIFY(finished.wait(kTimeoutMs));
        QCOMPARE(window.statusBar()->currentMessage(),
                 QStringLiteral("Found audio features for 1 of 4 tracks. "
                                "Can't reach Deezer, iTunes or ReccoBeats — are you offline?"));
        QCOMPARE(sourceOf(window, 2), FeatureSource::Catalog);  // the catalog needs no network
        QVERIFY(!window.findChild<QMessageBox *>(QStringLiteral("errorBox")));

        useServices(m_reccoBeats.baseUrl(), m_deezer.baseUrl(), m_iTunes.baseUrl());
        m_deezer.resetRecord();
        window.findMissingFeatures();
        QVERIFY(finished.wait(kTimeoutMs));
        QCOMPARE(window.statusBar()->currentMessage(),
                 QStringLiteral("Found audio features for 1 of 3 tracks; 2 still have none."));
        QCOMPARE(sourceOf(window, 1), FeatureSource::ReccoBeats);
        QCOMPARE(m_deezer.requestsTo(QStringLiteral("/track/isrc:GBAAA0000003")).size(), 1);
    }

    void cancelKeepsWhatWasFound()
    {
        Setup setup = windowOnLibrary();
        QVERIFY(setup.window);
        MainWindow &window = *setup.window;
        m_deezer.setLatency(std::chrono::milliseconds(3000));  // previews are slow to find
        QSignalSpy finished(&window, &MainWindow::featureSearchFinished);
        window.findMissingFeatures();
        QVERIFY(QTest::qWaitFor(
            [&] { return progressText(window).startsWith(QStringLiteral("Audio features: Analysing previews")); },
            kTimeoutMs));
        QTest::mouseClick(child<QWidget>(window, "featureProgress")->findChild<QPushButton *>(), Qt::LeftButton);
        QVERIFY(finished.wait(kTimeoutMs));
        QCOMPARE(window.statusBar()->currentMessage(),
                 QStringLiteral("Stopped looking for audio features; the ones found are kept."));
        QVERIFY(!window.findChild<QMessageBox *>(QStringLiteral("errorBox")));
        QCOMPARE(sourceOf(window, 1), FeatureSource::ReccoBeats);
        QCOMPARE(sourceOf(window, 2), FeatureSource::Catalog);
        QVERIFY(!window.isFindingFeatures());
    }

    // An import is the one long writer: the search stops for it and goes on afterwards.
    void importPausesTheSearch()
    {
        Setup setup = windowOnLibrary();
        QVERIFY(setup.window);
        MainWindow &window = *setup.window;
        QFile csv(m_dir.filePath(QStringLiteral("more.csv")));
        QVERIFY(csv.open(QIODevice::WriteOnly));
        csv.write("track_id,track_name,track_artist,danceability,energy,key,loudness,mode,"
                  "speechiness,acousticness,instrumentalness,liveness,valence,tempo\n"
                  "7ImportedDuringSearch0,Imported,F,0.5,0.6,1,-7,1,0.05,0.2,0,0.1,0.4,118\n");
        csv.close();

        m_deezer.setLatency(std::chrono::milliseconds(1000));
        QSignalSpy messages(window.statusBar(), &QStatusBar::messageChanged);
        QSignalSpy searched(&window, &MainWindow::featureSearchFinished);
        QSignalSpy imported(&window, &MainWindow::importFinished);
        window.findMissingFeatures();
        QVERIFY(QTest::qWaitFor(
            [&] { return progressText(window).startsWith(QStringLiteral("Audio features: Analysing previews")); },
            kTimeoutMs));
        window.openCatalog(csv.fileName());
        QVERIFY(!child<QAction>(window, "findFeaturesAction")->isEnabled());

        QTRY_COMPARE_WITH_TIMEOUT(imported.count(), 1, kTimeoutMs);
        QCOMPARE(searched.count(), 1);  // stopped before the import began
        QCOMPARE(imported.at(0).at(0).toBool(), true);
        QVERIFY(window.library().catalog->rowOf(QStringLiteral("7ImportedDuringSearch0")) >= 0);
        QTRY_COMPARE_WITH_TIMEOUT(searched.count(), 2, kTimeoutMs);  // and went on after it

        QStringList texts;
        for (const QList<QVariant> &message : std::as_const(messages))
            texts << message.at(0).toString();
        QVERIFY2(texts.contains(QStringLiteral("Stopped looking for audio features for the import; "
                                               "it goes on afterwards.")),
                 qPrintable(texts.join(u'|')));
        QCOMPARE(window.statusBar()->currentMessage(),
                 QStringLiteral("No audio features found for the 2 tracks without them."));
        QCOMPARE(sourceOf(window, 1), FeatureSource::ReccoBeats);
        QCOMPARE(sourceOf(window, 2), FeatureSource::Catalog);
        QVERIFY(window.library().catalog->rowOf(QStringLiteral("7ImportedDuringSearch0")) >= 0);
    }

private:
    static void useServices(const QUrl &reccoBeats, const QUrl &deezer, const QUrl &iTunes)
    {
        qputenv(FeatureEndpoints::kReccoBeatsVariable, reccoBeats.toEncoded());
        qputenv(FeatureEndpoints::kDeezerVariable, deezer.toEncoded());
        qputenv(FeatureEndpoints::kITunesVariable, iTunes.toEncoded());
    }

    QTemporaryDir m_dir;
    FakeReccoBeats m_reccoBeats;
    FakeDeezer m_deezer;
    FakeITunes m_iTunes;
    int m_serial = 0;
};

QTEST_MAIN(TestMainWindowFeatures)
#include "tst_mainwindow_features.moc"
