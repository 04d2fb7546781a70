#pragma once

#include "catalog/catalog.h"
#include "featurescale.h"
#include "recommend/recommender.h"

#include <QWidget>

class QChart;
class QChartView;
class QBarCategoryAxis;
class QValueAxis;
class QLabel;

namespace encore {

// A horizontal grouped bar chart of the eleven features of the seed and of the selected
// recommendation, each scaled 0–1 over the catalog (raw values in the tooltips), with a caption
// that says in words how they match.
class FeatureChart : public QWidget {
    Q_OBJECT

public:
    explicit FeatureChart(QWidget *parent = nullptr);

    // An empty chart with `text` as the caption.
    void showMessage(const QString &text);
    // The seed alone, or the seed beside `recommendation` when it is given.
    void showComparison(std::shared_ptr<const Catalog> catalog, const FeatureScale &scale,
                        int seedRow, const Recommendation *recommendation);

    QChart *chart() const { return m_chart; }
    // The legend's and the caption's text without markup.
    QString legendText() const;
    QString captionText() const;

private:
    void clearSeries();
    void showToolTip(int setIndex, int category, bool hovered);
    static Feature featureAtCategory(int category);

    QChart *m_chart;
    QChartView *m_view;
    QBarCategoryAxis *m_featureAxis;
    QValueAxis *m_valueAxis;
    QLabel *m_legend;
    QLabel *m_caption;

    std::shared_ptr<const Catalog> m_catalog;
    int m_seedRow = -1;
    int m_recommendationRow = -1;
};

}  // namespace encore
