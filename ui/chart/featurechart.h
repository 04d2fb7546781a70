#pragma once

#include "catalog/catalog.h"
#include "featurescale.h"
#include "recommend/recommender.h"

#include <QWidget>

#include <array>

class QChart;
class QChartView;
class QBarCategoryAxis;
class QValueAxis;
class QLabel;

namespace encore {

// A horizontal grouped bar chart of the eleven features of the seed (or of a playlist's average,
// when the whole playlist is the seed) and of the selected recommendation, each scaled 0–1 over
// the catalog (raw values in the tooltips), with a caption that says in words how they match.
class FeatureChart : public QWidget {
    Q_OBJECT

public:
    explicit FeatureChart(QWidget *parent = nullptr);

    // An empty chart with `text` as the caption.
    void showMessage(const QString &text);
    // The seed alone, or the seed beside `recommendation` when it is given, which `method`
    // ranked (it says what the score means).
    void showComparison(std::shared_ptr<const Catalog> catalog, const FeatureScale &scale,
                        int seedRow, const Recommendation *recommendation,
                        RankingMethod method = RankingMethod::Content);

    // The average of the playlist's tracks (with features) alone, or beside `recommendation`.
    void showPlaylistComparison(std::shared_ptr<const Catalog> catalog, const FeatureScale &scale,
                                int playlistIndex, const Recommendation *recommendation,
                                RankingMethod method = RankingMethod::Hybrid);

    QChart *chart() const { return m_chart; }
    // The legend's and the caption's text without markup.
    QString legendText() const;
    QString captionText() const;

private:
    using FeatureValues = std::array<float, kFeatureCount>;  // raw values, by index(feature)

    void clearSeries();
    // The series of the seed's values and, when there is one, the recommendation's.
    void addBars(const FeatureScale &scale);
    FeatureValues rowValues(int row) const;
    // Clears the chart for a new comparison: the seed side named `seedRole` (an average of
    // several tracks when `average`), against `recommendation` when there is one.
    void startComparison(std::shared_ptr<const Catalog> catalog, const QString &seedRole,
                         bool average, const Recommendation *recommendation);
    // Makes the catalog row the recommendation the bars compare; returns its legend entry.
    QString takeRecommendation(int row);
    QString scoreText(const Recommendation &recommendation, RankingMethod method) const;
    // The feature where seed and recommendation differ most, `against` naming the seed's side.
    QString furthestText(const FeatureScale &scale, const QString &against) const;
    void showToolTip(int setIndex, int category, bool hovered);
    static Feature featureAtCategory(int category);

    QChart *m_chart;
    QChartView *m_view;
    QBarCategoryAxis *m_featureAxis;
    QValueAxis *m_valueAxis;
    QLabel *m_legend;
    QLabel *m_caption;

    std::shared_ptr<const Catalog> m_catalog;
    QString m_seedRole;  // "Seed" or "Playlist average"; empty with no bars
    QString m_seedName;
    bool m_average = false;  // the seed's values are a playlist's average
    FeatureValues m_seedValues{};
    int m_recommendationRow = -1;
    QString m_recommendationName;
    FeatureValues m_recommendationValues{};
};

}  // namespace encore
