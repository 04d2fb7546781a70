#include "catalog/column.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <vector>

using namespace encore;

namespace {

// What ColumnExtent must say of `values`, worked out the plain way.
struct Expected {
    double lowest = std::numeric_limits<double>::infinity();
    double highest = -std::numeric_limits<double>::infinity();
    bool finite = true;
    bool ascending = true;
};

template <typename T>
Expected expectedOf(const std::vector<T> &values)
{
    Expected expected;
    for (std::size_t i = 0; i < values.size(); ++i) {
        const auto v = static_cast<double>(values[i]);
        if (!std::isfinite(v)) {
            expected.finite = false;
            continue;
        }
        expected.lowest = std::min(expected.lowest, v);
        expected.highest = std::max(expected.highest, v);
    }
    expected.ascending = std::is_sorted(values.begin(), values.end());
    return expected;
}

// The extent of `values` added in pieces cut at random, as a file's chunks are.
template <typename T>
ColumnExtent extentInPieces(const std::vector<T> &values, std::mt19937 &random)
{
    ColumnExtent extent;
    std::size_t at = 0;
    while (at < values.size()) {
        const std::size_t piece = std::uniform_int_distribution<std::size_t>(0, values.size() - at)(random);
        extent.add(std::span(values).subspan(at, piece));
        at += piece;
    }
    return extent;
}

template <typename T>
void compareWith(const ColumnExtent &extent, const std::vector<T> &values)
{
    const Expected expected = expectedOf(values);
    QCOMPARE(extent.finite(), expected.finite);
    QCOMPARE(extent.ascending(), expected.ascending);
    if (!values.empty() && expected.finite)
        QCOMPARE(extent.highest(), expected.highest);
    QVERIFY(extent.within(expected.lowest, expected.highest) == expected.finite);
    if (expected.finite && !values.empty()) {
        QVERIFY(!extent.within(expected.lowest + 0.5, expected.highest));
        QVERIFY(!extent.within(expected.lowest, expected.highest - 0.5));
    }
}

}  // namespace

class TestColumnExtent : public QObject {
    Q_OBJECT

private slots:
    void nothingIsWithinEverything()
    {
        const ColumnExtent none;
        QVERIFY(none.within(0, 0));
        QVERIFY(none.ascending());
        QVERIFY(none.finite());
        QCOMPARE(none.highest(), -std::numeric_limits<double>::infinity());
    }

    // Every length around the sixteen lanes, one value out of order or out of range at every
    // place, in one piece and in random pieces.
    void integersAsThePlainWaySays()
    {
        std::mt19937 random(7);
        for (std::size_t size = 1; size <= 40; ++size)
            for (std::size_t odd = 0; odd < size; ++odd) {
                std::vector<std::int32_t> values(size);
                for (std::size_t i = 0; i < size; ++i)
                    values[i] = static_cast<std::int32_t>(2 * i);
                values[odd] = odd % 2 == 0 ? -5 : static_cast<std::int32_t>(3 * size);
                ColumnExtent whole;
                whole.add(std::span<const std::int32_t>(values));
                compareWith(whole, values);
                compareWith(extentInPieces(values, random), values);
            }
    }

    void aSortedColumnIsAscendingAcrossPieces()
    {
        std::mt19937 random(11);
        std::vector<std::int32_t> starts(1000);
        for (std::size_t i = 0; i < starts.size(); ++i)
            starts[i] = static_cast<std::int32_t>(i / 3);
        QVERIFY(extentInPieces(starts, random).ascending());
        ColumnExtent stepBack;
        stepBack.add(std::span<const std::int32_t>(starts).first(500));
        const std::vector<std::int32_t> lower{starts[499] - 1};
        stepBack.add(std::span<const std::int32_t>(lower));
        QVERIFY(!stepBack.ascending());  // the step back lies between two pieces
    }

    void aNaNOrInfinityAnywhereIsNotFinite()
    {
        std::mt19937 random(3);
        for (const float odd : {std::numeric_limits<float>::quiet_NaN(), std::numeric_limits<float>::infinity(),
                                -std::numeric_limits<float>::infinity()})
            for (std::size_t at = 0; at < 37; ++at) {
                std::vector<float> values(37, 0.25f);
                values[at] = odd;
                ColumnExtent extent;
                extent.add(std::span<const float>(values));
                compareWith(extent, values);
                QVERIFY(!extent.within(-1e30, 1e30));
                compareWith(extentInPieces(values, random), values);
            }
    }

    void smallTypesKeepTheirSign()
    {
        const std::vector<std::int8_t> popularity{-1, 0, 100, 7, -1, 50, 100, 0, 0, 3, 4, 5, 6, 7, 8, 9, 10, 11};
        ColumnExtent extent;
        extent.add(std::span<const std::int8_t>(popularity));
        QVERIFY(extent.within(-1, 100));
        QVERIFY(!extent.within(0, 100));
        const std::vector<std::uint16_t> known{0, 2047, 65535};
        ColumnExtent bits;
        bits.add(std::span<const std::uint16_t>(known));
        QCOMPARE(bits.highest(), 65535.0);
    }

    void anOwnedColumnKnowsItsExtent()
    {
        const ValueColumn<std::int32_t> column(std::vector<std::int32_t>{4, 9, 2});
        QVERIFY(column.extent().within(2, 9));
        QVERIFY(!column.extent().ascending());
    }
};

QTEST_APPLESS_MAIN(TestColumnExtent)
#include "tst_columnextent.moc"
