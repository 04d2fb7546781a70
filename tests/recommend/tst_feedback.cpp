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

        const FeedbackLog restored(log.entries());
        QCOMPARE(restored.entries(), log.entries());
        QCOMPARE(log.entries().size(), std::size_t(4));
    }
};

QTEST_GUILESS_MAIN(TestFeedback)
#include "tst_feedback.moc"
