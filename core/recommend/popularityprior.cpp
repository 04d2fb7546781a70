#include "popularityprior.h"

#include <boost/sort/spreadsort/float_sort.hpp>

#include <algorithm>
#include <limits>
#include <unordered_map>

namespace encore {

double PopularityPrior::recencyWeighted(int popularity, const ReleaseDate &released, const QDate &reference)
{
    return recencyWeighted(popularity, released.middleDate().daysTo(reference));
}

double PopularityPrior::recencyWeighted(int popularity, qint64 daysSinceRelease)
{
    return static_cast<double>(popularity) / static_cast<double>(std::max<qint64>(0, daysSinceRelease) + 1);
}

PopularityPrior::PopularityPrior(const Catalog &catalog) : m_prior(build(catalog)) {}

std::vector<float> PopularityPrior::build(const Catalog &catalog)
{
    const int n = catalog.size();
    std::vector<float> prior(static_cast<std::size_t>(n), kNeutral);

    // The middle day of every release date as a Julian day (kUnknownDay when unknown), worked
    // out once per distinct date: a library repeats a few thousand dates over its tracks.
    constexpr std::int32_t kUnknownDay = std::numeric_limits<std::int32_t>::min();
    std::unordered_map<std::int32_t, std::int32_t> middleDayOf;
    std::vector<std::int32_t> middleDays(static_cast<std::size_t>(n), kUnknownDay);
    std::int32_t newest = kUnknownDay;
    for (int row = 0; row < n; ++row) {
        const std::int32_t packed = catalog.columns().releaseDates[static_cast<std::size_t>(row)];
        auto found = middleDayOf.find(packed);
        if (found == middleDayOf.end()) {
            const QDate middle = catalog.releaseDate(row).middleDate();
            found =
                middleDayOf
                    .emplace(packed, middle.isValid() ? static_cast<std::int32_t>(middle.toJulianDay()) : kUnknownDay)
                    .first;
        }
        middleDays[static_cast<std::size_t>(row)] = found->second;
        newest = std::max(newest, found->second);
    }
    std::vector<std::int32_t> ages;
    for (std::int32_t day : middleDays)
        if (day != kUnknownDay)
            ages.push_back(newest - day);
    // A track without a date counts as released the median age ago (as a day, like a full date).
    std::int32_t typicalDay = kUnknownDay;
    if (!ages.empty()) {
        const auto median = ages.begin() + static_cast<std::ptrdiff_t>(ages.size() / 2);
        std::nth_element(ages.begin(), median, ages.end());
        typicalDay = newest - *median;
    }

    // (recency-weighted popularity, row) of every track whose popularity is known, side by side
    // so the sort reads memory in order.
    struct Weighted {
        double value;
        int row;
    };
    std::vector<Weighted> known;
    for (int row = 0; row < n; ++row) {
        const std::optional<int> popularity = catalog.popularity(row);
        if (!popularity)
            continue;
        const std::int32_t day = middleDays[static_cast<std::size_t>(row)] != kUnknownDay
            ? middleDays[static_cast<std::size_t>(row)]
            : typicalDay;
        known.push_back(
            {day != kUnknownDay ? recencyWeighted(*popularity, newest - day) : static_cast<double>(*popularity), row});
    }
    if (known.size() < 2)
        return prior;
    // Ranks, with equal values sharing their mean rank, scaled to [0, 1]. The values are
    // non-negative, so Boost's radix-based float_sort can order them by their bits.
    boost::sort::spreadsort::float_sort(
        known.begin(), known.end(),
        [](const Weighted &w, unsigned offset) {
            return boost::sort::spreadsort::float_mem_cast<double, std::int64_t>(w.value) >> offset;
        },
        [](const Weighted &a, const Weighted &b) { return a.value < b.value; });
    const double last = static_cast<double>(known.size() - 1);
    for (std::size_t i = 0; i < known.size();) {
        std::size_t j = i;
        while (j < known.size() && known[j].value == known[i].value)
            ++j;
        const auto rank = static_cast<float>((static_cast<double>(i + j - 1) / 2.0) / last);
        for (std::size_t t = i; t < j; ++t)
            prior[static_cast<std::size_t>(known[t].row)] = rank;
        i = j;
    }
    return prior;
}

}  // namespace encore
