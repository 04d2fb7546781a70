#pragma once

#include <QJsonObject>
#include <QString>

#include <vector>

namespace encore::bench {

// Repeated measurements of one figure, summarised as median / min / max.
class Stats {
public:
    void add(double value) { m_values.push_back(value); }
    bool isEmpty() const { return m_values.empty(); }
    int runs() const { return static_cast<int>(m_values.size()); }
    double median() const;
    double min() const;
    double max() const;

    // {"median": .., "min": .., "max": .., "runs": n}
    QJsonObject toJson() const;
    // "0.171 / 0.150 / 0.302" with `decimals` after the point.
    QString text(int decimals) const;

private:
    std::vector<double> m_values;
};

}  // namespace encore::bench
