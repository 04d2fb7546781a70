#include "featurechart.h"

#include "common/uitext.h"
#include "recommend/explanation.h"

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
    m_seedRole.clear();
    m_recommendationRow = -1;
    m_legend->clear();
    m_legend->hide();
    m_caption->setText(text.toHtmlEscaped());
}

void FeatureChart::addBars(const FeatureScale &scale)
{
    auto *series = new QHorizontalBarSeries;
    series->setBarWidth(0.8);
    auto addSet = [&](const QString &label, const FeatureValues &values, const QColor &color) {
        auto *set = new QBarSet(label);
        set->setColor(color);
        set->setBorderColor(color.darker(115));
        for (int category = 0; category < kFeatureCount; ++category) {
            const Feature feature = featureAtCategory(category);
            const float value = scale.scaled(feature, values[index(feature)]);
            set->append(std::isnan(value) ? 0.0 : static_cast<double>(value));
        }
        const int setIndex = series->count();
        connect(set, &QBarSet::hovered, this, [this, setIndex](bool status, int category) {
            showToolTip(setIndex, category, status);
        });
        series->append(set);
    };
    addSet(m_seedName, m_seedValues, kSeedColor);
    if (m_recommendationRow >= 0)
        addSet(m_recommendationName, m_recommendationValues, kRecommendationColor);
    m_chart->addSeries(series);
    series->attachAxis(m_featureAxis);
    series->attachAxis(m_valueAxis);
}

void FeatureChart::startComparison(std::shared_ptr<const Catalog> catalog, const QString &seedRole,
                                   bool average, const Recommendation *recommendation)
{
    clearSeries();
    m_catalog = std::move(catalog);
    m_seedRole = seedRole;
    m_average = average;
    m_recommendationRow = recommendation ? recommendation->row : -1;
}

QString FeatureChart::takeRecommendation(int row)
{
    const Track &track = m_catalog->track(row);
    m_recommendationName = tr("Recommendation: %1").arg(uitext::title(track));
    m_recommendationValues = rowValues(row);
    return legendEntry(tr("Recommendation"), track, kRecommendationColor);
}

FeatureChart::FeatureValues FeatureChart::rowValues(int row) const
{
    FeatureValues values;
    for (int i = 0; i < kFeatureCount; ++i)
        values[i] = m_catalog->featureMatrix()(row, i);
    return values;
}

void FeatureChart::showComparison(std::shared_ptr<const Catalog> catalog,
                                  const FeatureScale &scale, int seedRow,
                                  const Recommendation *recommendation, RankingMethod method)
{
    startComparison(std::move(catalog), tr("Seed"), false, recommendation);
    const Track &seed = m_catalog->track(seedRow);
    m_seedName = tr("Seed: %1").arg(uitext::title(seed));
    m_seedValues = rowValues(seedRow);
    QString legend = legendEntry(tr("Seed"), seed, kSeedColor);
    if (recommendation)
        legend += QStringLiteral("<br>") + takeRecommendation(recommendation->row);
    addBars(scale);
    m_legend->setText(legend);
    m_legend->show();

    if (!recommendation) {
        m_caption->setText(tr("Each bar runs from the catalog's lowest value (0) to its highest (1); "
                              "hover over one for its value. Select a recommendation to compare it "
                              "with the seed."));
        return;
    }

    QString text = scoreText(*recommendation, method);
    const QString why = explainMatch(*m_catalog, seedRow, *recommendation);
    if (!why.isEmpty())
        text += QLatin1Char(' ') + tr("Closest: %1.").arg(why.toHtmlEscaped());
    text += QLatin1Char(' ') + furthestText(scale, tr("the seed's"));
    m_caption->setText(text);
}

void FeatureChart::showPlaylistComparison(std::shared_ptr<const Catalog> catalog,
                                          const FeatureScale &scale, int playlistIndex,
                                          const Recommendation *recommendation, RankingMethod method)
{
    startComparison(std::move(catalog), tr("Playlist average"), true, recommendation);

    // The mean of each feature over the playlist's tracks that have all of them.
    m_seedValues.fill(0.0f);
    int count = 0;
    for (int row : m_catalog->playlistRows(playlistIndex)) {
        if (!m_catalog->hasFeatures(row))
            continue;
        const FeatureValues values = rowValues(row);
        for (int i = 0; i < kFeatureCount; ++i)
            m_seedValues[i] += values[i];
        ++count;
    }
    if (count == 0) {
        showMessage(tr("No track of this playlist has audio features."));
        return;
    }
    for (float &value : m_seedValues)
        value /= static_cast<float>(count);

    const QString name = m_catalog->playlists()[static_cast<std::size_t>(playlistIndex)].name;
    m_seedName = tr("Playlist average: %1").arg(name);
    const QString tracks = uitext::count(QLocale(), count, tr("track"), tr("tracks"));
    QString legend = QStringLiteral("<span style=\"color:%1\">&#9632;</span>&nbsp;%2")
                         .arg(kSeedColor.name(), tr("Average of <b>%1</b> (%2)").arg(name.toHtmlEscaped(), tracks));
    if (recommendation)
        legend += QStringLiteral("<br>") + takeRecommendation(recommendation->row);
    addBars(scale);
    m_legend->setText(legend);
    m_legend->show();

    if (!recommendation) {
        m_caption->setText(tr("The whole playlist is the seed: its bars are the average of its "
                              "tracks. Select a recommendation to compare it with them."));
        return;
    }
    QString text = scoreText(*recommendation, method);
    const QString why = explainMatch(*m_catalog, -1, *recommendation);
    if (!why.isEmpty())
        text += QLatin1Char(' ') + tr("Why: %1.").arg(why.toHtmlEscaped());
    m_caption->setText(text + QLatin1Char(' ') + furthestText(scale, tr("the playlist's average")));
}

QString FeatureChart::scoreText(const Recommendation &recommendation, RankingMethod method) const
{
    const QString score = QLocale().toString(recommendation.score, 'f', 3);
    return method == RankingMethod::Hybrid ? tr("Relevance in the hybrid blend: %1.").arg(score)
                                           : tr("Similarity to the seed: %1.").arg(score);
}

QString FeatureChart::furthestText(const FeatureScale &scale, const QString &against) const
{
    // The feature where the two differ most on the chart's scale.
    Feature furthest = kAllFeatures[0];
    float largest = -1.0f;
    for (Feature feature : kAllFeatures) {
        if (m_average && (feature == Feature::Key || feature == Feature::Mode))
            continue;  // a playlist has no average key, and its share of major keys is no mode
        const float a = scale.scaled(feature, m_seedValues[index(feature)]);
        const float b = scale.scaled(feature, m_recommendationValues[index(feature)]);
        if (std::abs(a - b) > largest) {
            largest = std::abs(a - b);
            furthest = feature;
        }
    }
    if (largest < kNotableDifference)
        return tr("No feature is further than %1% of the catalog's range from %2.")
            .arg(qRound(kNotableDifference * 100))
            .arg(against.toHtmlEscaped());
    const auto value = [&](const FeatureValues &values) {
        return formatFeatureValue(furthest, values[index(furthest)]).toHtmlEscaped();
    };
    return tr("Furthest apart in %1 (%2 against %3 %4).")
        .arg(featureLabel(furthest).toLower(), value(m_recommendationValues), against.toHtmlEscaped(),
             value(m_seedValues));
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
    if (!hovered || !m_catalog || m_seedRole.isEmpty() || category < 0 || category >= kFeatureCount) {
        QToolTip::hideText();
        return;
    }
    const Feature feature = featureAtCategory(category);
    QString text = QStringLiteral("<b>%1</b>").arg(featureLabel(feature));
    auto line = [&](const QString &who, const FeatureValues &values, bool current) {
        QString value = formatFeatureValue(feature, values[index(feature)]).toHtmlEscaped();
        if (m_average && &values == &m_seedValues) {
            if (feature == Feature::Mode)
                value = tr("%1% major").arg(qRound(values[index(feature)] * 100.0f));
            else if (feature == Feature::Key)
                value = tr("no average (keys differ)");
        }
        const QString entry = tr("%1: %2").arg(who, value);
        text += QStringLiteral("<br>") + (current ? QStringLiteral("<b>%1</b>").arg(entry) : entry);
    };
    line(m_seedRole, m_seedValues, setIndex == 0);
    if (m_recommendationRow >= 0)
        line(tr("Recommendation"), m_recommendationValues, setIndex == 1);
    QToolTip::showText(QCursor::pos(), text, m_view);
}

}  // namespace encore
