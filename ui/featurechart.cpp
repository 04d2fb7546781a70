#include "featurechart.h"

#include "recommend/explanation.h"
#include "uitext.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLegend>
#include <QLocale>
#include <QTextDocumentFragment>
#include <QToolTip>
#include <QValueAxis>
#include <QVBoxLayout>

#include <cmath>

namespace encore {

namespace {

const QColor kSeedColor(0x3b, 0x6e, 0xa8);
const QColor kRecommendationColor(0xe0, 0x8a, 0x2c);
// Below this difference on the 0–1 scale, no feature is called "far apart".
constexpr float kNotableDifference = 0.15f;

QString plainText(const QString &html)
{
    return QTextDocumentFragment::fromHtml(html).toPlainText();
}

// "■ Seed: <b>Title</b> by Artist", the square in the series' colour.
QString legendEntry(const QString &role, const Track &track, const QColor &color)
{
    return QStringLiteral("<span style=\"color:%1\">&#9632;</span>&nbsp;%2: <b>%3</b> by %4")
        .arg(color.name(), role, uitext::title(track).toHtmlEscaped(),
             uitext::artists(track).toHtmlEscaped());
}

}  // namespace

FeatureChart::FeatureChart(QWidget *parent)
    : QWidget(parent),
      m_chart(new QChart),
      m_view(new QChartView(m_chart, this)),
      m_featureAxis(new QBarCategoryAxis(m_chart)),
      m_valueAxis(new QValueAxis(m_chart)),
      m_legend(new QLabel(this)),
      m_caption(new QLabel(this))
{
    m_chart->setObjectName(QStringLiteral("featureChartChart"));
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->setBackgroundVisible(false);
    m_chart->setMargins(QMargins(0, 4, 8, 0));
    // The legend is a label above the chart, where long titles can wrap instead of being cut.
    m_chart->legend()->hide();

    QStringList categories;
    for (int category = 0; category < kFeatureCount; ++category)
        categories.push_back(featureLabel(featureAtCategory(category)));
    m_featureAxis->setCategories(categories);
    m_featureAxis->setTitleText(tr("Audio feature"));
    m_featureAxis->setGridLineVisible(false);
    m_featureAxis->setTruncateLabels(false);
    m_valueAxis->setRange(0.0, 1.0);
    m_valueAxis->setTickCount(6);
    m_valueAxis->setLabelFormat(QStringLiteral("%.1f"));
    m_valueAxis->setTitleText(tr("Scaled value, 0–1"));
    m_valueAxis->setTruncateLabels(false);
    QFont titleFont = m_valueAxis->titleFont();
    titleFont.setBold(false);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 0.9);
    m_valueAxis->setTitleFont(titleFont);
    m_featureAxis->setTitleFont(titleFont);
    m_chart->addAxis(m_featureAxis, Qt::AlignLeft);
    m_chart->addAxis(m_valueAxis, Qt::AlignBottom);

    m_view->setObjectName(QStringLiteral("featureChartView"));
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumSize(280, 300);


    m_legend->setObjectName(QStringLiteral("featureChartLegend"));
    m_legend->setWordWrap(true);
    m_legend->setTextFormat(Qt::RichText);
    m_legend->setContentsMargins(6, 4, 6, 0);
    m_legend->setToolTip(tr("Each feature runs from the catalog's lowest value (0) to its highest "
                            "(1). Hover over a bar for its value."));

    m_caption->setObjectName(QStringLiteral("featureChartCaption"));
    m_caption->setWordWrap(true);
    m_caption->setTextFormat(Qt::RichText);
    m_caption->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_caption->setContentsMargins(6, 0, 6, 4);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_legend);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_caption);

    showMessage(tr("Double-click a track, or select it and press Enter, to find songs like it."));
}

Feature FeatureChart::featureAtCategory(int category)
{
    // A horizontal bar chart draws its first category at the bottom: list the features bottom-up
    // so that they read top-down in the usual order.
    return kAllFeatures[static_cast<std::size_t>(kFeatureCount - 1 - category)];
}

void FeatureChart::clearSeries()
{
    m_chart->removeAllSeries();
    QToolTip::hideText();
}

void FeatureChart::showMessage(const QString &text)
{
    clearSeries();
    m_catalog.reset();
    m_seedRow = -1;
    m_recommendationRow = -1;
    m_legend->clear();
    m_legend->hide();
    m_caption->setText(text.toHtmlEscaped());
}

void FeatureChart::showComparison(std::shared_ptr<const Catalog> catalog,
                                  const FeatureScale &scale, int seedRow,
                                  const Recommendation *recommendation)
{
    clearSeries();
    m_catalog = std::move(catalog);
    m_seedRow = seedRow;
    m_recommendationRow = recommendation ? recommendation->row : -1;

    const Track &seed = m_catalog->track(seedRow);
    auto *series = new QHorizontalBarSeries;
    series->setBarWidth(0.8);

    auto addSet = [&](const QString &label, int row, const QColor &color) {
        auto *set = new QBarSet(label);
        set->setColor(color);
        set->setBorderColor(color.darker(115));
        for (int category = 0; category < kFeatureCount; ++category) {
            const Feature feature = featureAtCategory(category);
            const float value = scale.scaled(feature, m_catalog->featureMatrix()(row, index(feature)));
            set->append(std::isnan(value) ? 0.0 : static_cast<double>(value));
        }
        const int setIndex = series->count();
        connect(set, &QBarSet::hovered, this, [this, setIndex](bool status, int category) {
            showToolTip(setIndex, category, status);
        });
        series->append(set);
    };
    QString legend = legendEntry(tr("Seed"), seed, kSeedColor);
    addSet(tr("Seed: %1").arg(uitext::title(seed)), seedRow, kSeedColor);
    if (recommendation) {
        const Track &track = m_catalog->track(recommendation->row);
        legend += QStringLiteral("<br>") + legendEntry(tr("Recommendation"), track, kRecommendationColor);
        addSet(tr("Recommendation: %1").arg(uitext::title(track)), recommendation->row,
               kRecommendationColor);
    }
    m_chart->addSeries(series);
    series->attachAxis(m_featureAxis);
    series->attachAxis(m_valueAxis);
    m_legend->setText(legend);
    m_legend->show();

    if (!recommendation) {
        m_caption->setText(tr("Each bar runs from the catalog's lowest value (0) to its highest (1); "
                              "hover over one for its value. Select a recommendation to compare it "
                              "with the seed."));
        return;
    }

    // The feature where the two differ most on the chart's scale.
    Feature furthest = kAllFeatures[0];
    float largest = -1.0f;
    for (Feature feature : kAllFeatures) {
        const float a = scale.scaled(feature, m_catalog->featureMatrix()(seedRow, index(feature)));
        const float b = scale.scaled(feature, m_catalog->featureMatrix()(recommendation->row, index(feature)));
        if (std::abs(a - b) > largest) {
            largest = std::abs(a - b);
            furthest = feature;
        }
    }
    const QLocale locale;
    QString text = tr("Similarity to the seed: %1.").arg(locale.toString(recommendation->score, 'f', 3));
    const QString why = explainMatch(*m_catalog, seedRow, *recommendation);
    if (!why.isEmpty())
        text += QLatin1Char(' ') + tr("Closest: %1.").arg(why.toHtmlEscaped());
    if (largest >= kNotableDifference) {
        const auto value = [&](int row) {
            return formatFeatureValue(furthest, m_catalog->featureMatrix()(row, index(furthest))).toHtmlEscaped();
        };
        text += QLatin1Char(' ') + tr("Furthest apart in %1 (%2 against the seed's %3).")
                    .arg(featureLabel(furthest).toLower(), value(recommendation->row), value(seedRow));
    } else {
        text += QLatin1Char(' ')
                + tr("No feature is further than %1% of the catalog's range from the seed's.")
                      .arg(qRound(kNotableDifference * 100));
    }
    m_caption->setText(text);
}

QString FeatureChart::legendText() const
{
    return plainText(m_legend->text());
}

QString FeatureChart::captionText() const
{
    return plainText(m_caption->text());
}

void FeatureChart::showToolTip(int setIndex, int category, bool hovered)
{
    if (!hovered || !m_catalog || m_seedRow < 0 || category < 0 || category >= kFeatureCount) {
        QToolTip::hideText();
        return;
    }
    const Feature feature = featureAtCategory(category);
    const auto &matrix = m_catalog->featureMatrix();
    QString text = QStringLiteral("<b>%1</b>").arg(featureLabel(feature));
    auto line = [&](const QString &who, int row, bool current) {
        const QString value = formatFeatureValue(feature, matrix(row, index(feature))).toHtmlEscaped();
        const QString entry = tr("%1: %2").arg(who, value);
        text += QStringLiteral("<br>") + (current ? QStringLiteral("<b>%1</b>").arg(entry) : entry);
    };
    line(tr("Seed"), m_seedRow, setIndex == 0);
    if (m_recommendationRow >= 0)
        line(tr("Recommendation"), m_recommendationRow, setIndex == 1);
    QToolTip::showText(QCursor::pos(), text, m_view);
}

}  // namespace encore
