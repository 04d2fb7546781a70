#include "popularityprior.h"

#include <algorithm>

namespace encore {

double PopularityPrior::recencyWeighted(int popularity, const ReleaseDate &released,
                                        const QDate &reference)
{
    const qint64 days = std::max<qint64>(0, released.middleDate().daysTo(reference));
    return static_cast<double>(popularity) / static_cast<double>(days + 1);
}

PopularityPrior::PopularityPrior(const Catalog &catalog)
{
    const int n = catalog.size();
    m_prior.assign(static_cast<std::size_t>(n), kNeutral);

    std::vector<ReleaseDate> released(static_cast<std::size_t>(n));
    QDate newest;
    for (int row = 0; row < n; ++row) {
        released[static_cast<std::size_t>(row)] = catalog.releaseDate(row);
        const QDate middle = released[static_cast<std::size_t>(row)].middleDate();
        if (middle.isValid() && (!newest.isValid() || middle > newest))
            newest = middle;
    }
    std::vector<qint64> ages;
    for (const ReleaseDate &date : released)
        if (date.isValid())
            ages.push_back(date.middleDate().daysTo(newest));
    ReleaseDate typicalRelease;  // for a track without a date: released the median age ago
    if (!ages.empty()) {
        const auto median = ages.begin() + static_cast<std::ptrdiff_t>(ages.size() / 2);
        std::nth_element(ages.begin(), median, ages.end());
        const QDate typical = newest.addDays(-*median);
        typicalRelease = ReleaseDate::day(typical.year(), typical.month(), typical.day());
    }

    // (recency-weighted popularity, row) of every track whose popularity is known, side by side
    // so the sort reads memory in order.
    std::vector<std::pair<double, int>> known;
    for (int row = 0; row < n; ++row) {
        const std::optional<int> popularity = catalog.popularity(row);
        if (!popularity)
            continue;
        const ReleaseDate &date = released[static_cast<std::size_t>(row)].isValid()
            ? released[static_cast<std::size_t>(row)] : typicalRelease;
        known.emplace_back(date.isValid() ? recencyWeighted(*popularity, date, newest)
                                          : static_cast<double>(*popularity),
                           row);
    }
    if (known.size() < 2)
        return;
    // Ranks, with equal values sharing their mean rank, scaled to [0, 1].
    std::sort(known.begin(), known.end());
    const double last = static_cast<double>(known.size() - 1);
    for (std::size_t i = 0; i < known.size();) {
        std::size_t j = i;
        while (j < known.size() && known[j].first == known[i].first)
            ++j;
        const auto rank = static_cast<float>((static_cast<double>(i + j - 1) / 2.0) / last);
        for (std::size_t t = i; t < j; ++t)
            m_prior[static_cast<std::size_t>(known[t].second)] = rank;
        i = j;
    }
}

}  // namespace encore
