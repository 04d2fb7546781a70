// The feedback log: reactions by seed, the latest one winning, as rows, and round-tripping
// through its entries (what a store persists).

#include "recommend/feedback.h"
#include "syntheticcatalog.h"

#include <QTest>

using namespace encore;
using namespace encore::test;

class TestFeedback : public QObject {
    Q_OBJECT

private slots:
    void reactionsBySeedAsRows()
    {
        std::mt19937 rng(1);
        CatalogParts parts;
        for (int i = 0; i < 6; ++i)
            parts.add(QStringLiteral("Song %1").arg(i), "A", randomFeatureValues(rng));
        const auto catalog = parts.build();

        FeedbackLog log;
        QVERIFY(log.forSeed(*catalog, syntheticTrackId(0)).isEmpty());
        log.record(syntheticTrackId(0), syntheticTrackId(4), Reaction::Like);
        log.record(syntheticTrackId(0), syntheticTrackId(2), Reaction::Like);
        log.record(syntheticTrackId(0), syntheticTrackId(3), Reaction::Dislike);
        log.record(syntheticTrackId(1), syntheticTrackId(5), Reaction::Dislike);
        log.record(syntheticTrackId(0), QStringLiteral("gone from the library"), Reaction::Dislike);

        SeedFeedback feedback = log.forSeed(*catalog, syntheticTrackId(0));
        QCOMPARE(feedback.likedRows, std::vector<int>({2, 4}));
        QCOMPARE(feedback.dislikedRows, std::vector<int>({3}));
        QCOMPARE(log.forSeed(*catalog, syntheticTrackId(1)).dislikedRows, std::vector<int>({5}));

        // A change of mind replaces the earlier reaction; clearing forgets it.
        log.record(syntheticTrackId(0), syntheticTrackId(4), Reaction::Dislike);
        log.clear(syntheticTrackId(0), syntheticTrackId(2));
        feedback = log.forSeed(*catalog, syntheticTrackId(0));
        QVERIFY(feedback.likedRows.empty());
        QCOMPARE(feedback.dislikedRows, std::vector<int>({3, 4}));
        QCOMPARE(log.reactionTo(syntheticTrackId(0), syntheticTrackId(4)), std::optional(Reaction::Dislike));
        QCOMPARE(log.reactionTo(syntheticTrackId(1), syntheticTrackId(5)), std::optional(Reaction::Dislike));
        QCOMPARE(log.reactionTo(syntheticTrackId(0), syntheticTrackId(2)), std::nullopt);
        QCOMPARE(log.reactionTo(syntheticTrackId(1), syntheticTrackId(4)), std::nullopt);

        const FeedbackLog restored(log.entries());
        QCOMPARE(restored.entries(), log.entries());
        QCOMPARE(log.entries().size(), std::size_t(4));
    }

    void likedSongsLatestFirstWithTheirSeeds()
    {
        std::mt19937 rng(2);
        CatalogParts parts;
        for (int i = 0; i < 6; ++i)
            parts.add(QStringLiteral("Song %1").arg(i), "A", randomFeatureValues(rng));
        const auto catalog = parts.build();
        const QString seedA = syntheticTrackId(0);
        const QString seedB = QStringLiteral("playlist:P1");

        FeedbackLog log;
        QVERIFY(log.likedSongs(*catalog).empty());
        log.record(seedA, syntheticTrackId(3), Reaction::Like);
        log.record(seedA, syntheticTrackId(4), Reaction::Dislike);
        log.record(seedB, syntheticTrackId(5), Reaction::Like);
        log.record(seedB, syntheticTrackId(3), Reaction::Like);
        log.record(seedA, QStringLiteral("gone from the library"), Reaction::Like);

        std::vector<LikedSong> liked = log.likedSongs(*catalog);
        QCOMPARE(int(liked.size()), 2);
        QCOMPARE(liked[0].row, 3);  // liked again last, for the playlist
        QCOMPARE(liked[0].seedIds, (QStringList{seedB, seedA}));
        QCOMPARE(liked[1].row, 5);
        QCOMPARE(liked[1].seedIds, QStringList{seedB});

        // Unliked from the list: gone for every seed, the dislike untouched.
        log.clearLikes(syntheticTrackId(3));
        liked = log.likedSongs(*catalog);
        QCOMPARE(int(liked.size()), 1);
        QCOMPARE(liked[0].row, 5);
        QVERIFY(log.forSeed(*catalog, seedA).likedRows.empty());
        QCOMPARE(log.forSeed(*catalog, seedA).dislikedRows, std::vector<int>({4}));
    }
};

QTEST_GUILESS_MAIN(TestFeedback)
#include "tst_feedback.moc"
