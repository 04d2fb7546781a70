// The session behind the panes, without a widget: seeds and their history (Back, Forward), what
// is asked of the recommender, the likes and dislikes with their undo, in memory and in the
// library, and what is remembered between runs.

#include "common/uitext.h"
#include "library/seedsession.h"

#include "ui/uitestcatalog.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace encore;

namespace {

constexpr int kTimeoutMs = 20000;

// The small test catalog stored in a library file, loaded as the window would.
LibrarySnapshot storedLibrary(const QString &path)
{
    test::storeSmallCatalog(path);
    const LoadOutcome loaded = loadLibrary(path);
    if (loaded.error)
        qFatal("%s", qPrintable(loaded.error->message));
    return loaded.snapshot;
}

}  // namespace

class TestSeedSession : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_counter = 0;
    LibrarySnapshot m_library;

    std::unique_ptr<QSettings> newSettings()
    {
        return std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("s-%1.ini").arg(++m_counter)),
                                           QSettings::IniFormat);
    }
    int row(const char *id) const { return m_library.catalog->rowOf(QString::fromLatin1(id)); }
    int playlist(const char *id) const { return m_library.catalog->playlistIndexOf(QString::fromLatin1(id)); }
    // What the library at `path` holds once the session's first `writes` changes have landed.
    static std::vector<FeedbackEntry> stored(const QString &path, QSignalSpy &storedSpy, int writes)
    {
        if (!QTest::qWaitFor([&] { return storedSpy.count() >= writes; }, kTimeoutMs) || storedSpy.count() != writes)
            qFatal("%d changes stored, not %d", int(storedSpy.count()), writes);
        for (const QList<QVariant> &result : storedSpy)
            if (result.at(0).value<std::optional<Error>>())
                qFatal("a change was not stored");
        return loadLibrary(path).snapshot.feedback.entries();
    }

    // A session that stores its feedback in a library file of its own, "Alpha" the seed.
    std::unique_ptr<SeedSession> storingSession(QSettings &settings, const QString &path)
    {
        auto session = std::make_unique<SeedSession>(settings);
        session->setLibraryPath(path);
        session->setLibrary(storedLibrary(path));
        session->chooseTrack(row("id0"), -1);
        return session;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_library = storedLibrary(m_dir.filePath(QStringLiteral("library.sqlite")));
    }

    void seedsRankAndAreRemembered()
    {
        auto settings = newSettings();
        {
            SeedSession session(*settings);
            session.setLibrary(m_library);
            QVERIFY(!session.restore());  // nothing remembered yet
            QSignalSpy ranked(&session, &SeedSession::ranked);
            session.chooseTrack(row("id0"), playlist("pl-zed"));
            QCOMPARE(session.seed(), (Seed{row("id0"), playlist("pl-zed"), false}));
            QCOMPARE(session.seedId(), QStringLiteral("id0"));
            QCOMPARE(session.rankingRequest().seedRow, row("id0"));
            QCOMPARE(session.rankingRequest().playlistIndex, playlist("pl-zed"));
            QTRY_COMPARE_WITH_TIMEOUT(ranked.count(), 1, kTimeoutMs);
            const auto outcome = ranked.first().at(1).value<RankOutcome>();
            QVERIFY(!outcome.error);
            QCOMPARE(outcome.seedRow, row("id0"));
            QVERIFY(!outcome.recommendations.empty());
        }
        SeedSession next(*settings);
        next.setLibrary(m_library);
        QVERIFY(next.restore());
        QCOMPARE(next.seed(), (Seed{row("id0"), playlist("pl-zed"), false}));
        QVERIFY(!next.canGoBack());  // a new run starts a new history
    }

    // The one playlist a catalog file without playlists becomes holds every song: leaving its
    // songs out would leave nothing, so they stay in; a smaller playlist's are left out.
    void aPlaylistOfTheWholeLibraryLeavesNothingOut()
    {
        ImportBatch batch = test::smallCatalogBatch();
        Playlist whole{
            QStringLiteral("pl-whole"), QStringLiteral("songs"), {}, QStringLiteral("/music/songs.csv"), {}, {}};
        for (const Track &track : batch.tracks)
            whole.trackIds << track.id;
        batch.playlists.push_back(whole);
        const QString path = m_dir.filePath(QStringLiteral("whole.sqlite"));
        QVERIFY((*LibraryDb::open(path))->store(batch, {}));
        const LoadOutcome loaded = loadLibrary(path);
        QVERIFY(!loaded.error);
        const Catalog &catalog = *loaded.snapshot.catalog;

        auto settings = newSettings();
        SeedSession session(*settings);
        session.setLibrary(loaded.snapshot);
        QVERIFY(session.options().excludePlaylistTracks);
        QSignalSpy ranked(&session, &SeedSession::ranked);
        session.chooseTrack(catalog.rowOf(QStringLiteral("id0")), catalog.playlistIndexOf(QStringLiteral("pl-whole")));
        QVERIFY(!session.rankingRequest().excludePlaylistTracks);
        QTRY_COMPARE_WITH_TIMEOUT(ranked.count(), 1, kTimeoutMs);
        QVERIFY(!ranked.first().at(1).value<RankOutcome>().recommendations.empty());

        session.chooseTrack(catalog.rowOf(QStringLiteral("id0")), catalog.playlistIndexOf(QStringLiteral("pl-zed")));
        QVERIFY(session.rankingRequest().excludePlaylistTracks);
    }

    // "Only songs new to my library": the discovered songs no playlist holds, nothing else.
    void onlyNewSongsListsTheDiscoveredOnes()
    {
        const QString path = m_dir.filePath(QStringLiteral("discovered.sqlite"));
        {
            auto db = LibraryDb::open(path);
            QVERIFY(db && (*db)->store(test::smallCatalogBatch(), {}));
            Candidate found;
            found.track.id = QStringLiteral("id9");
            found.track.name = QStringLiteral("Found");
            found.track.artists = {QStringLiteral("Someone")};
            found.origins = {DiscoveryOrigin{DiscoveryOrigin::Source::ReccoBeats, {}, {}}};
            QVERIFY((*db)->storeDiscoveries(QStringLiteral("id0"), {found}));
        }
        const LoadOutcome loaded = loadLibrary(path);
        QVERIFY(!loaded.error);
        const Catalog &catalog = *loaded.snapshot.catalog;
        const int found = catalog.rowOf(u"id9");
        QVERIFY(loaded.snapshot.discoveries.isNew(found));

        auto settings = newSettings();
        SeedSession session(*settings);
        session.setLibrary(loaded.snapshot);
        session.chooseTrack(catalog.rowOf(QStringLiteral("id0")), -1);
        QVERIFY(session.rankingRequest().excludedRows.empty());
        RankingOptions options = session.options();
        options.onlyNewSongs = true;
        session.setOptions(options);
        std::vector<int> expected;
        for (int row = 0; row < catalog.size(); ++row)
            if (row != found)
                expected.push_back(row);
        QCOMPARE(session.rankingRequest().excludedRows, expected);
    }

    void aTrackWithoutFeaturesIsASeedOfTheHybridMethodOnly()
    {
        auto settings = newSettings();
        SeedSession session(*settings);
        session.setLibrary(m_library);
        RankingOptions options = session.options();
        options.method = RankingMethod::Hybrid;
        session.setOptions(options);
        QSignalSpy ranked(&session, &SeedSession::ranked);
        session.chooseTrack(row("id2"), playlist("pl-zed"));  // Gamma has no audio features
        QCOMPARE(session.seed().row, row("id2"));
        QTRY_COMPARE_WITH_TIMEOUT(ranked.count(), 1, kTimeoutMs);
        const auto byPeople = ranked.first().at(1).value<RankOutcome>();
        QVERIFY2(!byPeople.error, qPrintable(byPeople.error ? byPeople.error->message : QString()));

        options.method = RankingMethod::Content;
        session.setOptions(options);
        QTRY_COMPARE_WITH_TIMEOUT(ranked.count(), 2, kTimeoutMs);
        const auto byContent = ranked.at(1).at(1).value<RankOutcome>();
        QVERIFY(byContent.error);
        QVERIFY2(byContent.error->message.contains(QStringLiteral("Gamma has no audio features")),
                 qPrintable(byContent.error->message));
    }

    void aPlaylistSeedNeedsTheHybridMethod()
    {
        auto settings = newSettings();
        SeedSession session(*settings);
        session.setLibrary(m_library);
        RankingOptions options = session.options();
        options.method = RankingMethod::Content;
        session.setOptions(options);
        QSignalSpy ranked(&session, &SeedSession::ranked);
        session.choosePlaylist(playlist("pl-another"));
        QCOMPARE(session.seedId(), QStringLiteral("playlist:pl-another"));
        QTRY_COMPARE_WITH_TIMEOUT(ranked.count(), 1, kTimeoutMs);
        const auto outcome = ranked.first().at(1).value<RankOutcome>();
        QVERIFY(outcome.error);
        QVERIFY(outcome.error->message.contains(QStringLiteral("Hybrid")));
    }

    void backAndForwardWalkTheSeeds()
    {
        auto settings = newSettings();
        SeedSession session(*settings);
        session.setLibrary(m_library);
        QSignalSpy history(&session, &SeedSession::historyChanged);
        session.chooseTrack(row("id0"), playlist("pl-zed"));
        session.chooseTrack(row("id3"), playlist("pl-another"));
        session.choosePlaylist(playlist("pl-zed"));
        session.chooseTrack(row("id3"), playlist("pl-another"));
        QVERIFY(history.count() >= 4);
        QVERIFY(session.canGoBack());
        QVERIFY(!session.canGoForward());

        session.goBack();
        QVERIFY(session.seed().isPlaylist);
        QCOMPARE(session.seed().playlistIndex, playlist("pl-zed"));
        session.goBack();
        QCOMPARE(session.seed().row, row("id3"));
        session.goBack();
        QCOMPARE(session.seed(), (Seed{row("id0"), playlist("pl-zed"), false}));
        QVERIFY(!session.canGoBack());
        session.goBack();  // nothing before the first: stays
        QCOMPARE(session.seed().row, row("id0"));
        // What Back shows is what the next run starts with.
        QCOMPARE(settings->value(QStringLiteral("session/seedTrackId")).toString(), QStringLiteral("id0"));

        session.goForward();
        QCOMPARE(session.seed().row, row("id3"));
        QVERIFY(session.canGoForward());
        // A new seed from the middle drops the way forward, as in a browser.
        session.chooseTrack(row("id4"), -1);
        QVERIFY(!session.canGoForward());
        session.goBack();
        QCOMPARE(session.seed().row, row("id3"));
        session.goBack();
        QCOMPARE(session.seed().row, row("id0"));
    }

    void historyOutlivesALibraryReload()
    {
        auto settings = newSettings();
        SeedSession session(*settings);
        session.setLibrary(m_library);
        session.chooseTrack(row("id0"), -1);
        session.chooseTrack(row("id4"), -1);
        session.setLibrary(storedLibrary(m_dir.filePath(QStringLiteral("reloaded.sqlite"))));
        QVERIFY(!session.seed().isSet());
        QVERIFY(session.restore());  // as the view does after a reload
        QCOMPARE(session.seedId(), QStringLiteral("id4"));
        QVERIFY(session.canGoBack());
        session.goBack();
        QCOMPARE(session.seedId(), QStringLiteral("id0"));
    }

    void reactionsAreUndoneInMemoryAndInTheLibrary()
    {
        const QString path = m_dir.filePath(QStringLiteral("undo.sqlite"));
        auto settings = newSettings();
        const auto owned = storingSession(*settings, path);
        SeedSession &session = *owned;
        QSignalSpy writes(&session, &SeedSession::feedbackStored);
        QVERIFY(!session.canUndo());

        QSignalSpy changed(&session, &SeedSession::feedbackChanged);
        session.react(row("id3"), Reaction::Like);
        session.react(row("id4"), Reaction::Dislike);
        QCOMPARE(changed.count(), 2);
        QCOMPARE(changed.last().at(0).toString(), QStringLiteral("Disliked “Epsilon” by Ann."));
        QCOMPARE(session.undoText(), QStringLiteral("Undo Disliked “Epsilon” by Ann"));
        QCOMPARE(session.rankingRequest().feedback.dislikedRows, std::vector<int>{row("id4")});
        QCOMPARE(stored(path, writes, 2).size(), std::size_t(2));

        session.undo();
        QCOMPARE(changed.count(), 3);
        QVERIFY(session.rankingRequest().feedback.dislikedRows.empty());
        QCOMPARE(session.rankingRequest().feedback.likedRows, std::vector<int>{row("id3")});
        const std::vector<FeedbackEntry> afterUndo = stored(path, writes, 3);
        QCOMPARE(afterUndo.size(), std::size_t(1));
        QCOMPARE(afterUndo.front().trackId, QStringLiteral("id3"));
        QCOMPARE(changed.last().at(1).toBool(), true);  // undone: the notice offers Redo

        // Redo makes it again, in memory and in the library.
        QCOMPARE(session.redoText(), QStringLiteral("Redo Disliked “Epsilon” by Ann"));
        session.redo();
        QCOMPARE(changed.count(), 4);
        QCOMPARE(changed.last().at(0).toString(), QStringLiteral("Disliked “Epsilon” by Ann."));
        QCOMPARE(changed.last().at(1).toBool(), false);
        QCOMPARE(session.rankingRequest().feedback.dislikedRows, std::vector<int>{row("id4")});
        QCOMPARE(stored(path, writes, 4).size(), std::size_t(2));
        session.undo();
        QVERIFY(session.canRedo());
        QCOMPARE(stored(path, writes, 5).size(), std::size_t(1));

        // A change of mind is undone to the reaction before it, not to none.
        session.react(row("id3"), Reaction::Dislike);
        QVERIFY(!session.canRedo());  // a new step drops what could be redone
        session.undo();
        QCOMPARE(session.library().feedback.reactionTo(QStringLiteral("id0"), QStringLiteral("id3")),
                 std::optional(Reaction::Like));
        QCOMPARE(stored(path, writes, 7).front().reaction, Reaction::Like);

        session.undo();
        QVERIFY(!session.canUndo());
        QVERIFY(session.library().feedback.entries().empty());
        QVERIFY(stored(path, writes, 8).empty());
        session.undo();  // nothing left: no change, no notice
        QCOMPARE(changed.count(), 8);
    }

    // A library that cannot be written now keeps no reaction, not even in memory or on the undo
    // stack, and says why: a read-only one (or one still being saved by its first import), and
    // one an import is saving, where a write would wait for the import and fail.
    void noReactionIsTakenWhileTheLibraryCannotBeWritten_data()
    {
        QTest::addColumn<bool>("readOnly");
        QTest::newRow("read-only") << true;
        QTest::newRow("being saved by an import") << false;
    }

    void noReactionIsTakenWhileTheLibraryCannotBeWritten()
    {
        QFETCH(bool, readOnly);
        const QString path = m_dir.filePath(QStringLiteral("unwritable-%1.sqlite").arg(readOnly));
        auto settings = newSettings();
        const auto owned = storingSession(*settings, path);
        SeedSession &session = *owned;
        QSignalSpy writes(&session, &SeedSession::feedbackStored);
        session.react(row("id3"), Reaction::Like);
        QCOMPARE(stored(path, writes, 1).size(), std::size_t(1));
        if (readOnly) {
            LibrarySnapshot library = session.library();
            library.readOnly = true;
            session.setLibrary(library);
            QVERIFY(session.restore());
        } else {
            session.setLibraryBeingSaved(true);
        }
        QSignalSpy changed(&session, &SeedSession::feedbackChanged);
        QSignalSpy refused(&session, &SeedSession::reactionRefused);

        session.react(row("id4"), Reaction::Dislike);
        session.unlikeEverywhere(row("id3"));
        QCOMPARE(changed.count(), 0);
        QCOMPARE(writes.count(), 1);
        QCOMPARE(refused.count(), 2);
        const QString why = refused.last().at(0).toString();
        QVERIFY(readOnly ? why.contains(QStringLiteral("read-only")) : why == uitext::reactionWaitsForImport());
        QCOMPARE(session.library().feedback.reactionTo(QStringLiteral("id0"), QStringLiteral("id3")),
                 std::optional(Reaction::Like));
        QVERIFY(!session.library().feedback.reactionTo(QStringLiteral("id0"), QStringLiteral("id4")));
        QCOMPARE(session.undoText(), QStringLiteral("Undo Liked “Delta” by Dee"));
        QCOMPARE(loadLibrary(path).snapshot.feedback.entries().size(), std::size_t(1));
        if (readOnly)
            return;

        session.setLibraryBeingSaved(false);  // the import is over
        session.react(row("id4"), Reaction::Dislike);
        QCOMPARE(stored(path, writes, 2).size(), std::size_t(2));
        QCOMPARE(refused.count(), 2);
    }

    void anUnlikeEverywhereIsUndoneForEverySeed()
    {
        const QString path = m_dir.filePath(QStringLiteral("unlike.sqlite"));
        auto settings = newSettings();
        const auto owned = storingSession(*settings, path);
        SeedSession &session = *owned;
        QSignalSpy writes(&session, &SeedSession::feedbackStored);
        session.react(row("id4"), Reaction::Like);
        session.choosePlaylist(playlist("pl-zed"));
        session.react(row("id4"), Reaction::Like);
        QCOMPARE(session.library().feedback.likedSongs(*session.library().catalog).front().seedIds.size(), 2);

        session.unlikeEverywhere(row("id4"));
        QVERIFY(session.library().feedback.likedSongs(*session.library().catalog).empty());
        QVERIFY(stored(path, writes, 3).empty());
        QCOMPARE(session.undoText(), QStringLiteral("Undo Removed “Epsilon” by Ann from Liked"));

        session.undo();
        QCOMPARE(session.library().feedback.likedSongs(*session.library().catalog).front().seedIds.size(), 2);
        QCOMPARE(stored(path, writes, 4).size(), std::size_t(2));
    }
};

QTEST_GUILESS_MAIN(TestSeedSession)
#include "tst_seedsession.moc"
