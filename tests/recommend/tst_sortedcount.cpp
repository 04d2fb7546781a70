// SortedCounter::countBefore() gives std::lower_bound's and std::upper_bound's index on every sorted array,
// at every length around its stride of 16, with runs of equal values.

#include "recommend/sortedcount.h"

#include <QTest>

#include <algorithm>
#include <functional>
#include <limits>
#include <random>
#include <vector>

using namespace encore;

class TestSortedCount : public QObject {
    Q_OBJECT

private slots:
    void agreesWithTheStandardSearches()
    {
        std::mt19937 rng(11);
        for (std::size_t size = 0; size <= 300; ++size) {
            for (const int distinct : {3, 1000}) {  // few distinct values: long runs of ties
                std::uniform_int_distribution<int> pick(0, distinct - 1);
                std::vector<float> values(size);
                for (float &value : values)
                    value = static_cast<float>(pick(rng)) / 7.0f;
                std::sort(values.begin(), values.end());
                std::vector<float> probes = values;  // each value itself, and between and past them
                for (int i = -1; i <= distinct; ++i)
                    probes.push_back((static_cast<float>(i) + 0.5f) / 7.0f);
                probes.push_back(std::numeric_limits<float>::infinity());
                const SortedCounter counter(values);
                QCOMPARE(counter.size(), size);
                for (const float x : probes) {
                    const auto lower =
                        static_cast<std::size_t>(std::lower_bound(values.begin(), values.end(), x) - values.begin());
                    const auto upper =
                        static_cast<std::size_t>(std::upper_bound(values.begin(), values.end(), x) - values.begin());
                    QCOMPARE(counter.countBefore(x, std::less<>()), lower);
                    QCOMPARE(counter.countBefore(x, std::less_equal<>()), upper);
                }
            }
        }
    }
};

QTEST_APPLESS_MAIN(TestSortedCount)
#include "tst_sortedcount.moc"
