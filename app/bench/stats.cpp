#include "stats.h"

#include <algorithm>

namespace encore::bench {

double Stats::median() const
{
    if (m_values.empty())
        return 0.0;
    std::vector<double> sorted = m_values;
    std::sort(sorted.begin(), sorted.end());
    const std::size_t mid = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
}

double Stats::min() const
{
    return m_values.empty() ? 0.0 : *std::min_element(m_values.begin(), m_values.end());
}

double Stats::max() const
{
    return m_values.empty() ? 0.0 : *std::max_element(m_values.begin(), m_values.end());
}

QJsonObject Stats::toJson() const
{
    return QJsonObject{{QStringLiteral("median"), median()},
                       {QStringLiteral("min"), min()},
                       {QStringLiteral("max"), max()},
                       {QStringLiteral("runs"), runs()}};
}

QString Stats::text(int decimals) const
{
    return QStringLiteral("%1 / %2 / %3")
        .arg(median(), 0, 'f', decimals)
        .arg(min(), 0, 'f', decimals)
        .arg(max(), 0, 'f', decimals);
}

}  // namespace encore::bench
