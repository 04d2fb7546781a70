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

class ChartLegend;

// A horizontal grouped bar chart of the features of the seed (or of a playlist's average, when the
// whole playlist is the seed) and of the selected recommendation, each scaled 0–1 over the catalog
// (raw values in the tooltips), with a caption that says in words how they match. Key and mode
// are names, not lengths: the legend shows them (with the Camelot code) beside tempo and loudness
// in their own units.
class FeatureChart : public QWidget {
    Q_OBJECT

public:
    // The features drawn as bars, top-down.
    static constexpr std::array<Feature, 9> kChartedFeatures = {
        Feature::Danceability,     Feature::Energy,   Feature::Loudness, Feature::Speechiness, Feature::Acousticness,
        Feature::Instrumentalness, Feature::Liveness, Feature::Valence,  Feature::Tempo,
    };
    static constexpr int kCategoryCount = static_cast<int>(kChartedFeatures.size());

    explicit FeatureChart(QWidget *parent = nullptr);

    // An empty chart with `text` as the caption.
    void showMessage(const QString &text);
    // The seed alone, or the seed beside `recommendation` when it is given, which `method`
    // ranked (it says what the score means).
    void showComparison(std::shared_ptr<const Catalog> catalog, const FeatureScale &scale, int seedRow,
                        const Recommendation *recommendation, RankingMethod method = RankingMethod::Content);

    // The average of the playlist's tracks (with features) alone, or beside `recommendation`.
    void showPlaylistComparison(std::shared_ptr<const Catalog> catalog, const FeatureScale &scale, int playlistIndex,
                                const Recommendation *recommendation, RankingMethod method = RankingMethod::Hybrid);

    // The covers of the seed (none for a playlist) and of the recommendation, beside their names
    // in the legend, in squares of coverSize(); a null pixmap shows none.
    void setCovers(const QPixmap &seed, const QPixmap &recommendation);
    int coverSize() const;

    QChart *chart() const { return m_chart; }
    // The bar category of a charted feature (the first is drawn at the bottom).
    static int categoryOf(Feature feature);
    // The legend's and the caption's text without markup.
    QString legendText() const;
    QString captionText() const;

    QSize minimumSizeHint() const override;
    QSize sizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    using FeatureValues = std::array<float, kFeatureCount>;  // raw values, by index(feature)

    void clearSeries();
    // The series of the seed's values and, when there is one, the recommendation's.
    // The features' names on the axis, marking the values of the charted tracks not known.
    void labelCategories();
    void addBars(const FeatureScale &scale);
    FeatureValues rowValues(int row) const;
    // Clears the chart for a new comparison: the seed side named `seedRole`, against
    // `recommendation` when there is one.
    void startComparison(std::shared_ptr<const Catalog> catalog, const QString &seedRole,
                         const Recommendation *recommendation);
    // Shows the bars and the legend, the seed side named `seedName`; `seedKey` stands for the
    // key its values name when given (a playlist's keys cannot be averaged).
    void showBars(const FeatureScale &scale, const QString &seedName, const QString &seedKey);
    QString scoreText(const Recommendation &recommendation, RankingMethod method) const;
    // The feature where seed and recommendation differ most, `against` naming the seed's side.
    QString furthestText(const FeatureScale &scale, const QString &against) const;
    void showToolTip(bool hovered, int category, bool seedBar);
    // The value axis's labels, and the axis titles, only where the bars leave room for them.
    void fitAxes();
    static Feature featureAtCategory(int category);
    // The least room the bars need for every feature label to be read.
    QSize minimumChartSize() const;

    QChart *m_chart;
    QChartView *m_view;
    QBarCategoryAxis *m_featureAxis;
    QValueAxis *m_valueAxis;
    ChartLegend *m_legend;
    QLabel *m_caption;

    std::shared_ptr<const Catalog> m_catalog;
    QString m_seedRole;  // "Seed" or "Playlist average"; empty with no bars
    FeatureValues m_seedValues{};
    int m_recommendationRow = -1;
    FeatureValues m_recommendationValues{};
};

}  // namespace encore
