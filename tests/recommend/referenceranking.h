#pragma once

// What the rankers are checked against: a plain double-precision ranking computed by each test,
// and a comparison that wants the same rows in the same order and scores within 1e-5.

#include "recommend/recommender.h"

#include <QString>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <map>
#include <vector>

namespace encore::test {

struct ReferenceScore {
    int row = -1;
    double score = 0.0;
};

// Score descending, then row ascending: the whole list, not cut at k.
inline void sortReference(std::vector<ReferenceScore> &scores)
{
    std::sort(scores.begin(), scores.end(), [](const ReferenceScore &a, const ReferenceScore &b) {
        return a.score > b.score || (a.score == b.score && a.row < b.row);
    });
}

inline constexpr double kScoreTolerance = 1e-5;
// Two reference scores closer than this may come out in either order in float.
inline constexpr double kNearTie = 1e-6;

// `all` is the full sorted reference; `got` must be its first min(k, all.size()) entries: at
// each position the same row, or, where float rounding can reorder a near tie, a row whose
// reference score is within 1e-6 of the reference's at that position. Scores agree within 1e-5,
// and rows the reference scores exactly alike keep their row order.
inline void compareWithReference(const std::vector<Recommendation> &got, const std::vector<ReferenceScore> &all, int k)
{
    const std::size_t expected = std::min(all.size(), static_cast<std::size_t>(std::max(k, 0)));
    QCOMPARE(got.size(), expected);
    std::map<int, double> referenceOf;
    for (const ReferenceScore &r : all)
        referenceOf[r.row] = r.score;
    for (std::size_t i = 0; i < expected; ++i) {
        const QString where = QStringLiteral("position %1: row %2 (%3), reference row %4 (%5)")
                                  .arg(i)
                                  .arg(got[i].row)
                                  .arg(double(got[i].score), 0, 'g', 9)
                                  .arg(all[i].row)
                                  .arg(all[i].score, 0, 'g', 9);
        QVERIFY2(std::isfinite(got[i].score), qPrintable(where));
        QVERIFY2(std::abs(got[i].score - all[i].score) <= kScoreTolerance, qPrintable(where));
        if (got[i].row != all[i].row) {
            const auto it = referenceOf.find(got[i].row);
            QVERIFY2(it != referenceOf.end(), qPrintable(where + QStringLiteral(": not a candidate")));
            QVERIFY2(std::abs(it->second - all[i].score) < kNearTie, qPrintable(where));
        }
    }
    for (std::size_t i = 1; i < got.size(); ++i)
        QVERIFY(got[i - 1].score > got[i].score || (got[i - 1].score == got[i].score && got[i - 1].row < got[i].row));
    for (std::size_t i = 0; i < got.size(); ++i)
        for (std::size_t j = i + 1; j < got.size(); ++j)
            if (referenceOf[got[i].row] == referenceOf[got[j].row])
                QVERIFY(got[i].row < got[j].row);
}

// The ranking, or a failed test (and an empty list) when the recommender refuses the request.
inline std::vector<Recommendation> recommendOrFail(const Recommender &recommender, const RankingRequest &request)
{
    auto result = recommender.recommend(request);
    if (!result.ok()) {
        QTest::qFail(qPrintable(result.error().message), __FILE__, __LINE__);
        return {};
    }
    return std::move(result).value();
}

inline std::vector<int> rowsOf(const std::vector<Recommendation> &recommendations)
{
    std::vector<int> rows;
    for (const Recommendation &r : recommendations)
        rows.push_back(r.row);
    return rows;
}

}  // namespace encore::test
