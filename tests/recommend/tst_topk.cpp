// TopK keeps exactly the k best rows by rankedBefore, whatever order they come in, ties included;
// or the k best songs, each by its best copy.

#include "recommend/topk.h"

#include <QTest>

#include <algorithm>
#include <random>

using namespace encore;

class TestTopK : public QObject {
    Q_OBJECT

private slots:
    void keepsTheBestK_data()
    {
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("k");
        QTest::addColumn<int>("distinctScores");  // few distinct scores: many ties
        QTest::newRow("k = 0") << 100 << 0 << 50;
        QTest::newRow("k = 1") << 100 << 1 << 50;
        QTest::newRow("k of many") << 5000 << 83 << 1000000;
        QTest::newRow("k of many, most tied") << 5000 << 83 << 4;
        QTest::newRow("k = n") << 300 << 300 << 20;
        QTest::newRow("k above n") << 30 << 50 << 1000;
    }

    void keepsTheBestK()
    {
        QFETCH(int, rows);
        QFETCH(int, k);
        QFETCH(int, distinctScores);
        std::mt19937 rng(static_cast<unsigned>(rows * 31 + k));
        std::uniform_int_distribution<int> score(0, distinctScores - 1);
        std::vector<ScoredRow> all;
        for (int row = 0; row < rows; ++row)
            all.push_back({row, static_cast<float>(score(rng))});
        std::shuffle(all.begin(), all.end(), rng);  // arrival order must not matter

        TopK top(k);
        for (const ScoredRow &scored : all)
            top.push(scored.row, scored.score);
        const std::vector<ScoredRow> kept = std::move(top).take();

        std::sort(all.begin(), all.end(), RankedBefore{});
        all.resize(std::min<std::size_t>(all.size(), static_cast<std::size_t>(k)));
        QCOMPARE(kept.size(), all.size());
        for (std::size_t i = 0; i < kept.size(); ++i) {
            QCOMPARE(kept[i].row, all[i].row);
            QCOMPARE(kept[i].score, all[i].score);
        }
    }

    // Offered through pushCopy(), a song's copies count once, by the best of them: the rows kept
    // are the k best songs whatever order the copies come in, however many are cut in between.
    void keepsTheBestCopyOfEachSong_data()
    {
        QTest::addColumn<int>("k");
        QTest::addColumn<int>("songs");
        QTest::newRow("k of many songs") << 83 << 2000;
        QTest::newRow("k of few songs, each many times") << 20 << 60;
        QTest::newRow("k above the songs") << 50 << 30;
    }

    void keepsTheBestCopyOfEachSong()
    {
        QFETCH(int, k);
        QFETCH(int, songs);
        std::mt19937 rng(static_cast<unsigned>(k * 7 + songs));
        std::uniform_int_distribution<int> songOf(0, songs - 1);
        std::uniform_int_distribution<int> score(0, 500);  // some ties between copies too
        std::vector<ScoredRow> all;
        std::vector<int> song;
        for (int row = 0; row < 5000; ++row) {
            all.push_back({row, static_cast<float>(score(rng))});
            song.push_back(songOf(rng));
        }
        std::shuffle(all.begin(), all.end(), rng);

        TopK top(k);
        for (const ScoredRow &scored : all)
            top.pushCopy(scored.row, scored.score, [&](int kept) { return song[kept] == song[scored.row]; });
        const std::vector<ScoredRow> kept = std::move(top).take();

        std::sort(all.begin(), all.end(), RankedBefore{});
        std::vector<ScoredRow> expected;
        std::vector<bool> listed(static_cast<std::size_t>(songs));
        for (const ScoredRow &scored : all) {
            if (!listed[static_cast<std::size_t>(song[scored.row])] && static_cast<int>(expected.size()) < k)
                expected.push_back(scored);
            listed[static_cast<std::size_t>(song[scored.row])] = true;
        }
        QCOMPARE(kept.size(), expected.size());
        for (std::size_t i = 0; i < kept.size(); ++i) {
            QCOMPARE(kept[i].row, expected[i].row);
            QCOMPARE(kept[i].score, expected[i].score);
        }
    }

    // threshold() may lag behind the k-th best, so more rows are offered than kept, but it never
    // passes it, which would skip a row that belongs in the top k; and it follows the rows offered.
    void thresholdNeverPassesTheKthBest()
    {
        constexpr int k = 83;
        constexpr float kNoThreshold = -std::numeric_limits<float>::infinity();
        std::mt19937 rng(11);
        std::uniform_real_distribution<float> score(-1.0f, 1.0f);
        TopK top(k);
        std::vector<float> offered;
        const auto kthBest = [&](std::size_t count) {
            std::vector<float> first(offered.begin(), offered.begin() + static_cast<std::ptrdiff_t>(count));
            std::nth_element(first.begin(), first.begin() + (k - 1), first.end(), std::greater<>());
            return first[k - 1];
        };
        for (int row = 0; row < 5000; ++row) {
            offered.push_back(score(rng));
            top.push(row, offered.back());
            if (offered.size() < static_cast<std::size_t>(k))
                QCOMPARE(top.threshold(), kNoThreshold);
            else
                QVERIFY(top.threshold() <= kthBest(offered.size()));
        }
        QVERIFY(top.threshold() >= kthBest(1000));
        QCOMPARE(TopK(0).threshold(), std::numeric_limits<float>::infinity());
    }
};

QTEST_GUILESS_MAIN(TestTopK)
#include "tst_topk.moc"
