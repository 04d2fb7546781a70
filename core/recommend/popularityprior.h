#pragma once

#include "catalog/catalog.h"

#include <QDate>

#include <utility>
#include <vector>

namespace encore {

// How much a track is being played now, as a prior in [0, 1]: its recency-weighted popularity,
//   popularity / (days since release + 1),
// ranked among the tracks whose popularity is known (0 the least, 1 the most). Days count up to
// the library's newest release, so the prior does not drift with the clock. A release known
// only to the year or the month counts from the middle of that period; a track without a date
// counts as released the library's median number of days before. Unknown popularity is
// neutral, 0.5, never 0: a track from a source without popularity is not pushed down.
class PopularityPrior {
public:
    static constexpr float kNeutral = 0.5f;

    PopularityPrior() = default;
    explicit PopularityPrior(const Catalog &catalog);
    // The values built for a catalog earlier (values()), one per row.
    explicit PopularityPrior(ValueColumn<float> values) : m_prior(std::move(values)) {}

    float at(int row) const { return m_prior[static_cast<std::size_t>(row)]; }
    const ValueColumn<float> &values() const { return m_prior; }

    // popularity / (days between the release and `reference` + 1), days at least 0.
    static double recencyWeighted(int popularity, const ReleaseDate &released, const QDate &reference);
    static double recencyWeighted(int popularity, qint64 daysSinceRelease);

private:
    static std::vector<float> build(const Catalog &catalog);

    ValueColumn<float> m_prior;
};

}  // namespace encore
