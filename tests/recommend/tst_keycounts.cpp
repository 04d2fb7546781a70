// KeyCounts counts as a std::unordered_map would, through growth and clears, for dense keys (as
// rows, artists and songs are numbered) and for scattered ones.

#include "recommend/keycounts.h"

#include <QTest>

#include <random>
#include <unordered_map>

using namespace encore;

class TestKeyCounts : public QObject {
    Q_OBJECT

private slots:
    void countsAsAMapDoes_data()
    {
        QTest::addColumn<int>("largestKey");
        QTest::newRow("dense") << 300;
        QTest::newRow("scattered") << 2'000'000'000;
    }

    void countsAsAMapDoes()
    {
        QFETCH(int, largestKey);
        std::mt19937 rng(5);
        std::uniform_int_distribution<int> keyOf(0, largestKey);
        std::uniform_int_distribution<int> countOf(1, 3);
        KeyCounts counts;
        for (const int keys : {0, 10, 5000, 40, 20000}) {  // clears after a large round keep its table
            counts.clear();
            std::unordered_map<int, int> expected;
            for (int i = 0; i < keys; ++i) {
                const int key = keyOf(rng);
                const int count = countOf(rng);
                QCOMPARE(counts.add(key, count), expected[key]);
                expected[key] += count;
            }
            for (const auto &[key, count] : expected)
                QCOMPARE(counts.countOf(key), count);
            for (int i = 0; i < 1000; ++i) {
                const int key = keyOf(rng);
                const auto found = expected.find(key);
                QCOMPARE(counts.countOf(key), found == expected.end() ? 0 : found->second);
            }
        }
    }

    void anEmptyTableCountsNothing()
    {
        const KeyCounts counts;
        QCOMPARE(counts.countOf(0), 0);
        QCOMPARE(counts.countOf(7), 0);
    }
};

QTEST_APPLESS_MAIN(TestKeyCounts)
#include "tst_keycounts.moc"
