#include "library/librarycontroller.h"
#include "library/playlistremoval.h"

#include "fakefeatureservices.h"
#include "features/featuretestsupport.h"

#include "features/featureendpoints.h"
#include "spotify/spotifyaccount.h"
#include "ui/uitestcatalog.h"
#include "writerlock.h"

#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <memory>

using namespace encore;
using namespace encore::test;

namespace {

constexpr int kTimeoutMs = 60000;

// A catalog file in the TidyTuesday shape: `rows` songs in one playlist `playlistId` (whose first
// six characters start each song's id), with audio features or (`withFeatures` false) none.
bool writeCatalog(const QString &path, int rows, const QString &playlistId, bool withFeatures = true)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    QByteArray text = "track_id,track_name,track_artist,track_popularity,track_album_id,"
                      "track_album_name,track_album_release_date,playlist_name,playlist_id,"
                      "playlist_genre,danceability,energy,key,loudness,mode,speechiness,acousticness,"
                      "instrumentalness,liveness,valence,tempo\n";
    for (int i = 0; i < rows; ++i) {
        const QByteArray id = playlistId.left(6).toLatin1() + QByteArray::number(i).rightJustified(16, '0');
        const QByteArray features = withFeatures ? QByteArray("0.5,0.6,") + QByteArray::number(i % 12)
                + ",-6.5,1,0.05,0.2,0.0,0.1,0.4," + QByteArray::number(90 + i % 60)
                                                 : QByteArray(",,,,,,,,,,");
        text += id + ",Song " + QByteArray::number(i) + ",Artist " + QByteArray::number(i % 50) + ",40,ALBUM"
            + QByteArray::number(i % 30).rightJustified(17, '0') + ",Album,2001,Mix," + playlistId.toLatin1() + ",pop,"
            + features + '\n';
    }
    return file.write(text) == text.size();
}

}  // namespace

// The library's long work without a window: what LibraryController reports, in which order, and
// how tasks wait for each other. Feature lookups go to fake services on 127.0.0.1.
class TestLibraryController : public QObject {
    Q_OBJECT

    // A controller on the library at `path`, with every signal written down in `events` by name.
    struct Setup {
        std::unique_ptr<QUndoStack> undoStack = std::make_unique<QUndoStack>();
        std::unique_ptr<LibraryController> controller;
        QStringList events;
        LibrarySnapshot library;
    };

    std::unique_ptr<Setup> controllerOn(const QString &path)
    {
        auto setup = std::make_unique<Setup>();
        setup->controller = std::make_unique<LibraryController>(path, *m_account, *setup->undoStack);
        LibraryController *c = setup->controller.get();
        QStringList &events = setup->events;
        connect(c, &LibraryController::loadingStarted, this, [&events] { events << QStringLiteral("loading"); });
        connect(c, &LibraryController::libraryChanged, this,
                [&events, s = setup.get()](const LibrarySnapshot &snapshot) {
                    s->library = snapshot;
                    events << QStringLiteral("library %1").arg(snapshot.isEmpty() ? 0 : snapshot.catalog->size());
                });
        connect(c, &LibraryController::taskStarted, this,
                [&events](LibraryTask task) { events << QStringLiteral("started %1").arg(int(task)); });
        connect(c, &LibraryController::taskEnded, this,
                [&events](LibraryTask task) { events << QStringLiteral("ended %1").arg(int(task)); });
        connect(c, &LibraryController::failed, this,
                [&events](const QString &title) { events << QStringLiteral("failed: ") + title; });
        connect(c, &LibraryController::importStarted, this, [&events] { events << QStringLiteral("import"); });
        connect(c, &LibraryController::importFinished, this,
                [&events](bool succeeded) { events << QStringLiteral("imported %1").arg(succeeded); });
        connect(c, &LibraryController::playlistArrived, this,
                [&events](const QString &id) { events << QStringLiteral("playlist ") + id; });
        connect(c, &LibraryController::featureSearchFinished, this,
                [&events] { events << QStringLiteral("searched"); });
        return setup;
    }

    static int indexOf(const QStringList &events, const QString &event, int from = 0)
    {
        return int(events.indexOf(event, from));
    }

    QString file(const QString &name) const { return m_dir.filePath(name); }

    static constexpr int kImport = int(LibraryTask::Import);
    static constexpr int kSearch = int(LibraryTask::FeatureSearch);

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QVERIFY(m_dir.isValid());
        m_settings = std::make_unique<QSettings>(file(QStringLiteral("settings.ini")), QSettings::IniFormat);
        m_account = std::make_unique<SpotifyAccount>(*m_settings, SecretStore::Backend::Memory);
        QVERIFY(m_reccoBeats.listen() && m_deezer.listen() && m_iTunes.listen());
        qputenv(FeatureEndpoints::kReccoBeatsVariable, m_reccoBeats.baseUrl().toEncoded());
        qputenv(FeatureEndpoints::kDeezerVariable, m_deezer.baseUrl().toEncoded());
        qputenv(FeatureEndpoints::kITunesVariable, m_iTunes.baseUrl().toEncoded());
    }

    void noLibraryFileGivesAnEmptyLibraryAtOnce()
    {
        auto s = controllerOn(file(QStringLiteral("none.sqlite")));
        s->controller->start();
        QCOMPARE(s->events, QStringList{QStringLiteral("library 0")});
        QVERIFY(!s->controller->isBusy());
        QVERIFY(!QFile::exists(file(QStringLiteral("none.sqlite"))));
    }

    void importAskedWhileLoadingRunsAfterTheLoad()
    {
        const QString path = storeSmallCatalog(file(QStringLiteral("loaded.sqlite")));
        const QString catalog = file(QStringLiteral("twenty.csv"));
        QVERIFY(writeCatalog(catalog, 20, QStringLiteral("PL20zzzzzzzzzzzzzzzzzz")));
        auto s = controllerOn(path);
        s->controller->start();
        QVERIFY(s->controller->isLoading() && s->controller->isBusy());
        s->controller->openCatalog(catalog);
        QSignalSpy finished(s->controller.get(), &LibraryController::importFinished);
        QVERIFY(finished.wait(kTimeoutMs));

        const int small = smallCatalog()->size();
        QCOMPARE(s->events,
                 (QStringList{QStringLiteral("loading"), QStringLiteral("library %1").arg(small),
                              QStringLiteral("started %1").arg(kImport), QStringLiteral("import"),
                              QStringLiteral("ended %1").arg(kImport), QStringLiteral("library %1").arg(small + 20),
                              QStringLiteral("playlist PL20zzzzzzzzzzzzzzzzzz"), QStringLiteral("imported 1")}));
        QVERIFY(!s->controller->isBusy());
        QCOMPARE(s->controller->library().catalog->size(), small + 20);
    }

    void sameFileAgainChangesNothingAndSkippedRowsAreKept()
    {
        const QString catalog = file(QStringLiteral("skips.csv"));
        QVERIFY(writeCatalog(catalog, 5, QStringLiteral("PL05zzzzzzzzzzzzzzzzzz")));
        {
            QFile append(catalog);
            QVERIFY(append.open(QIODevice::Append));
            append.write("only,three,columns\n");
        }
        auto s = controllerOn(file(QStringLiteral("skips.sqlite")));
        s->controller->start();
        QSignalSpy skipped(s->controller.get(), &LibraryController::skippedRowsChanged);
        QSignalSpy finished(s->controller.get(), &LibraryController::importFinished);
        s->controller->openCatalog(catalog);
        QVERIFY(finished.wait(kTimeoutMs));
        QCOMPARE(skipped.count(), 1);
        QCOMPARE(skipped.at(0).at(0).toInt(), 1);
        QCOMPARE(s->controller->skippedRows().rejected.size(), 1u);
        QCOMPARE(s->controller->skippedRows().rejected.front().line, 7);

        s->events.clear();
        s->controller->openCatalog(catalog);
        QVERIFY(finished.wait(kTimeoutMs));
        QVERIFY2(!s->events.join(QLatin1Char(',')).contains(QStringLiteral("library")),
                 qPrintable(s->events.join(QLatin1Char(','))));
        QCOMPARE(s->events.last(), QStringLiteral("imported 1"));
    }

    void failedImportSaysWhatWasBeingDone()
    {
        auto s = controllerOn(file(QStringLiteral("failed.sqlite")));
        s->controller->start();
        s->events.clear();
        QString sentence;
        connect(s->controller.get(), &LibraryController::failed, this,
                [&sentence](const QString &, const Error &error) { sentence = error.message; });
        QSignalSpy finished(s->controller.get(), &LibraryController::importFinished);
        s->controller->openCatalog(file(QStringLiteral("missing.csv")));
        QVERIFY(finished.wait(kTimeoutMs));
        QVERIFY(s->events.contains(QStringLiteral("failed: Opening the catalog")));
        QVERIFY2(sentence.contains(QStringLiteral("missing.csv")), qPrintable(sentence));
        QCOMPARE(s->events.last(), QStringLiteral("imported 0"));
        QVERIFY(!s->events.join(QLatin1Char(',')).contains(QStringLiteral("library")));
    }

    void cancelledImportLeavesTheLibraryAsItWas()
    {
        const QString path = storeSmallCatalog(file(QStringLiteral("cancel.sqlite")));
        const QString catalog = file(QStringLiteral("large.csv"));
        QVERIFY(writeCatalog(catalog, 200'000, QStringLiteral("PLBIGzzzzzzzzzzzzzzzzz")));
        auto s = controllerOn(path);
        s->controller->start();
        QSignalSpy notices(s->controller.get(), &LibraryController::notice);
        QSignalSpy finished(s->controller.get(), &LibraryController::importFinished);
        s->controller->openCatalog(catalog);
        QTRY_VERIFY_WITH_TIMEOUT(s->controller->isImporting(), kTimeoutMs);
        s->controller->cancel(LibraryTask::Import);
        QVERIFY(finished.wait(kTimeoutMs));
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QCOMPARE(notices.last().at(0).toString(), QStringLiteral("Import cancelled; your library is unchanged."));
        QCOMPARE(s->controller->library().catalog->size(), smallCatalog()->size());
        QVERIFY(!s->controller->isBusy());
    }

    // While another Encore holds the library's write lock (here a connection of this test), an
    // import says so and waits: it stores once the lock is free, or stops when cancelled.
    void importWaitsForAnotherWriter_data()
    {
        QTest::addColumn<bool>("cancel");
        QTest::newRow("the other one finishes") << false;
        QTest::newRow("cancelled while waiting") << true;
    }

    void importWaitsForAnotherWriter()
    {
        QFETCH(bool, cancel);
        const QString path = storeSmallCatalog(file(QStringLiteral("writer%1.sqlite").arg(cancel)));
        const QString catalog = file(QStringLiteral("writer.csv"));
        QVERIFY(writeCatalog(catalog, 50, QStringLiteral("PLWAITzzzzzzzzzzzzzzzz")));
        const int small = smallCatalog()->size();
        {
            WriterLock otherWriter(path);
            QVERIFY(otherWriter.holds());

            auto s = controllerOn(path);
            s->controller->start();
            QStringList busy;
            connect(s->controller.get(), &LibraryController::taskBusy, this,
                    [&busy](LibraryTask, const QString &text) { busy << text; });
            QSignalSpy notices(s->controller.get(), &LibraryController::notice);
            QSignalSpy finished(s->controller.get(), &LibraryController::importFinished);
            s->controller->openCatalog(catalog);
            QTRY_VERIFY_WITH_TIMEOUT(
                busy.contains(QStringLiteral("Another Encore is importing into your library; waiting for it…")),
                kTimeoutMs);
            QVERIFY(finished.isEmpty());
            if (cancel)
                s->controller->cancel(LibraryTask::Import);
            else
                QVERIFY(otherWriter.release());
            QVERIFY(finished.wait(kTimeoutMs));
            QCOMPARE(finished.at(0).at(0).toBool(), !cancel);
            QCOMPARE(s->controller->library().catalog->size(), cancel ? small : small + 50);
            if (cancel)
                QCOMPARE(notices.last().at(0).toString(),
                         QStringLiteral("Import cancelled; your library is unchanged."));
        }
    }

    // Into an empty library, an import hands out what it will store as soon as it has read it,
    // read only, to rank from while it stores (here, while it waits for another writer): the
    // stored library takes its place when the import succeeds, the empty one when it is cancelled.
    void aFirstImportCanBeRankedFromBeforeItIsStored_data()
    {
        QTest::addColumn<bool>("cancel");
        QTest::newRow("stored") << false;
        QTest::newRow("cancelled") << true;
    }

    void aFirstImportCanBeRankedFromBeforeItIsStored()
    {
        QFETCH(bool, cancel);
        const QString path = file(QStringLiteral("first%1.sqlite").arg(cancel));
        QVERIFY(LibraryDb::open(path).ok());
        const QString catalog = file(QStringLiteral("first.csv"));
        const QString playlist = QStringLiteral("PLFIRSTzzzzzzzzzzzzzzz");
        QVERIFY(writeCatalog(catalog, 40, playlist));
        {
            WriterLock otherWriter(path);
            QVERIFY(otherWriter.holds());

            auto s = controllerOn(path);
            s->controller->start();
            QTRY_VERIFY_WITH_TIMEOUT(!s->controller->isLoading(), kTimeoutMs);
            QSignalSpy notices(s->controller.get(), &LibraryController::notice);
            QSignalSpy finished(s->controller.get(), &LibraryController::importFinished);
            s->controller->openCatalog(catalog);
            QTRY_VERIFY_WITH_TIMEOUT(s->events.contains(QStringLiteral("library 40")), kTimeoutMs);
            QVERIFY(finished.isEmpty() && s->controller->isImporting());
            QVERIFY(s->library.readOnly);
            RankingRequest request;
            request.seedRow = 0;
            request.method = RankingMethod::Hybrid;
            const Result<std::vector<Recommendation>> ranked = s->library.recommender->recommend(request);
            QVERIFY(ranked.ok() && !ranked->empty());
            QCOMPARE(s->events.filter(QStringLiteral("playlist")), QStringList{QStringLiteral("playlist ") + playlist});
            // Its playlists are not stored yet: removing one is refused at once, in a sentence.
            const std::optional<PlaylistRemoval> removal = removalOf(*s->library.catalog, 0, false);
            QVERIFY(removal);
            s->controller->removePlaylists(*removal);
            QCOMPARE(notices.last().at(0).toString(),
                     QStringLiteral("Playlists can be removed once the import has saved your library."));

            if (cancel)
                s->controller->cancel(LibraryTask::Import);
            else
                QVERIFY(otherWriter.release());
            QVERIFY(finished.wait(kTimeoutMs));
            QCOMPARE(finished.at(0).at(0).toBool(), !cancel);
            QCOMPARE(s->events.filter(QStringLiteral("library")).last(),
                     QStringLiteral("library %1").arg(cancel ? 0 : 40));
            QCOMPARE(s->events.filter(QStringLiteral("playlist")).size(), 1);
            if (cancel) {
                QVERIFY(s->controller->library().isEmpty());
                QCOMPARE(notices.last().at(0).toString(),
                         QStringLiteral("Import cancelled; your library is unchanged."));
            } else {
                QVERIFY(!s->controller->library().readOnly);
                QVERIFY(s->controller->library().catalog->generation().has_value());
                QCOMPARE(s->controller->library().catalog->playlistCount(), 1);
            }
            QVERIFY(s->events.filter(QStringLiteral("failed")).isEmpty());
        }
    }

    void removalHandsOutTheLibraryAndUndoPutsItBack()
    {
        const QString path = storeSmallCatalog(file(QStringLiteral("removal.sqlite")));
        auto s = controllerOn(path);
        s->controller->start();
        QTRY_VERIFY_WITH_TIMEOUT(!s->controller->isBusy(), kTimeoutMs);
        const std::shared_ptr<const Catalog> before = s->controller->library().catalog;
        const std::optional<PlaylistRemoval> removal = removalOf(*before, 0, false);
        QVERIFY(removal);

        QSignalSpy removed(s->controller.get(), &LibraryController::playlistsRemoved);
        s->controller->removePlaylists(*removal);
        QVERIFY(s->controller->isBusy());
        QVERIFY(removed.wait(kTimeoutMs));
        QCOMPARE(removed.at(0).at(1).toBool(), false);
        QCOMPARE(s->library.catalog->playlists().size(), before->playlists().size() - 1);

        s->undoStack->undo();
        QVERIFY(removed.wait(kTimeoutMs));
        QCOMPARE(removed.at(1).at(1).toBool(), true);
        QCOMPARE(s->library.catalog->playlists().size(), before->playlists().size());
        QCOMPARE(s->controller->library().catalog, s->library.catalog);
        s->controller->finish();
    }

    // A search asked for during an import waits for it; an import asked for during a search
    // stops the search, runs, and the search starts again after it.
    void featureSearchAndImportTakeTurns()
    {
        const QString catalog = file(QStringLiteral("featureless.csv"));
        QVERIFY(writeCatalog(catalog, 8, QStringLiteral("PLNOFzzzzzzzzzzzzzzzzz"), false));
        const QString second = file(QStringLiteral("second.csv"));
        QVERIFY(writeCatalog(second, 3, QStringLiteral("PL2NDzzzzzzzzzzzzzzzzz")));
        auto s = controllerOn(file(QStringLiteral("turns.sqlite")));
        s->controller->start();
        QSignalSpy searched(s->controller.get(), &LibraryController::featureSearchFinished);

        s->controller->openCatalog(catalog);
        s->controller->findFeatures();
        QVERIFY(!s->controller->isFindingFeatures());  // queued behind the import
        QVERIFY(searched.wait(kTimeoutMs));
        QVERIFY(indexOf(s->events, QStringLiteral("imported 1"))
                < indexOf(s->events, QStringLiteral("started %1").arg(kSearch)));

        s->events.clear();
        s->controller->findFeatures();
        QVERIFY(s->controller->isFindingFeatures());
        s->controller->openCatalog(second);
        QVERIFY(searched.wait(kTimeoutMs));                          // stopped for the import
        QTRY_COMPARE_WITH_TIMEOUT(searched.count(), 3, kTimeoutMs);  // and done after it

        const int stopped = indexOf(s->events, QStringLiteral("searched"));
        const int imported = indexOf(s->events, QStringLiteral("imported 1"));
        const int again = indexOf(s->events, QStringLiteral("started %1").arg(kSearch), stopped);
        QVERIFY2(stopped >= 0 && stopped < imported && imported < again, qPrintable(s->events.join(QLatin1Char(','))));
        QCOMPARE(s->library.catalog->size(), 11);
    }

    void discoveredSongsAreStoredAndHandedOut()
    {
        const QString catalog = file(QStringLiteral("discover.csv"));
        QVERIFY(writeCatalog(catalog, 3, QStringLiteral("PLDISCzzzzzzzzzzzzzzzz")));
        auto s = controllerOn(file(QStringLiteral("discover.sqlite")));
        s->controller->start();
        QSignalSpy imported(s->controller.get(), &LibraryController::importFinished);
        s->controller->openCatalog(catalog);
        QVERIFY(imported.wait(kTimeoutMs));
        const Track seed = s->library.catalog->track(0);  // "Song 0" by "Artist 0", no ISRC

        // ReccoBeats knows Skyfall for it; Deezer finds the seed by name, and its artist's
        // related artist Duffy with Mercy.
        m_reccoBeats.addRecommendation(seed.id, featureTrackId(50), QStringLiteral("Skyfall"),
                                       {QStringLiteral("Adele")});
        m_reccoBeats.addTrack(featureTrackId(50), featureJson(76));
        m_deezer.addArtist(900, QStringLiteral("Artist 0"), {901});
        m_deezer.addArtist(901, QStringLiteral("Duffy"));
        m_deezer.addSong(1001, 900, QStringLiteral("Song 0"), QStringLiteral("ZZZ000000001"), 1000, 100);
        m_deezer.addSong(1002, 901, QStringLiteral("Mercy"), QStringLiteral("GBUM70800001"), 900, 130);

        QSignalSpy notices(s->controller.get(), &LibraryController::notice);
        QSignalSpy discovered(s->controller.get(), &LibraryController::discoveryFinished);
        s->events.clear();
        s->controller->discover(DiscoverySeed::ofTrack(seed));
        QVERIFY(s->controller->isDiscovering());
        QVERIFY(discovered.wait(kTimeoutMs));
        QCOMPARE(discovered.first().at(0).toString(), seed.id);
        QCOMPARE(discovered.first().at(1).toInt(), 2);
        QVERIFY(!s->controller->isDiscovering());
        QVERIFY2(indexOf(s->events, QStringLiteral("started 3")) == 0, qPrintable(s->events.join(u',')));
        QVERIFY(indexOf(s->events, QStringLiteral("ended 3")) > 0);
        QVERIFY(indexOf(s->events, QStringLiteral("library 5")) > 0);
        bool said = false;
        for (const QList<QVariant> &notice : notices)
            said = said || notice.at(0).toString() == QStringLiteral("Found 2 songs like “Song 0”.");
        QVERIFY(said);

        // Handed out with the library: where they came from, and new to it.
        QTRY_VERIFY_WITH_TIMEOUT(!s->controller->isFindingFeatures(), kTimeoutMs);
        const Catalog &found = *s->library.catalog;
        const int skyfall = found.rowOf(featureTrackId(50));
        const int mercy = found.rowOf(u"deezer:1002");
        QVERIFY(skyfall >= 0 && mercy >= 0);
        QCOMPARE(s->library.discoveries.origins(skyfall), QStringLiteral("ReccoBeats recommends it for this seed"));
        QCOMPARE(s->library.discoveries.origins(mercy),
                 QStringLiteral("top song of Duffy, related to Artist 0 on Deezer"));
        QVERIFY(s->library.discoveries.isNew(skyfall));
        QVERIFY(!s->library.discoveries.isNew(found.rowOf(seed.id)));
        QVERIFY(found.hasFeatures(skyfall));  // its features were looked for afterwards
        QCOMPARE(found.track(mercy).primaryArtist(), QStringLiteral("Duffy"));
        QCOMPARE(found.features(mercy).value(Feature::Tempo), 130.0f);  // Deezer's bpm, asked afterwards
        QCOMPARE(found.featureSource(mercy, Feature::Tempo), FeatureSource::Deezer);
    }

    void discoveringOfflineSaysSoAndStoresNothing()
    {
        const QString catalog = file(QStringLiteral("offline.csv"));
        QVERIFY(writeCatalog(catalog, 3, QStringLiteral("PLOFFLzzzzzzzzzzzzzzzz")));
        const QByteArray reccoBeats = qgetenv(FeatureEndpoints::kReccoBeatsVariable);
        const QByteArray deezer = qgetenv(FeatureEndpoints::kDeezerVariable);
        qputenv(FeatureEndpoints::kReccoBeatsVariable, unreachableUrl().toEncoded());
        qputenv(FeatureEndpoints::kDeezerVariable, unreachableUrl().toEncoded());
        auto s = controllerOn(file(QStringLiteral("offline.sqlite")));
        s->controller->start();
        QSignalSpy imported(s->controller.get(), &LibraryController::importFinished);
        s->controller->openCatalog(catalog);
        QVERIFY(imported.wait(kTimeoutMs));

        QSignalSpy notices(s->controller.get(), &LibraryController::notice);
        QSignalSpy discovered(s->controller.get(), &LibraryController::discoveryFinished);
        s->events.clear();
        s->controller->discover(DiscoverySeed::ofTrack(s->library.catalog->track(0)));
        const bool ended = discovered.wait(kTimeoutMs);
        qputenv(FeatureEndpoints::kReccoBeatsVariable, reccoBeats);
        qputenv(FeatureEndpoints::kDeezerVariable, deezer);
        QVERIFY(ended);
        QCOMPARE(discovered.first().at(1).toInt(), 0);
        QVERIFY2(notices.last().at(0).toString().contains(QStringLiteral("ReccoBeats")),
                 qPrintable(notices.last().at(0).toString()));
        QVERIFY(notices.last().at(0).toString().contains(QStringLiteral("Deezer")));
        QCOMPARE(s->events, (QStringList{QStringLiteral("started 3"), QStringLiteral("ended 3")}));
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<SpotifyAccount> m_account;  // never signed in: see tst_mainwindow_spotify
    FakeReccoBeats m_reccoBeats;
    FakeDeezer m_deezer;
    FakeITunes m_iTunes;
};

QTEST_GUILESS_MAIN(TestLibraryController)
#include "tst_librarycontroller.moc"
