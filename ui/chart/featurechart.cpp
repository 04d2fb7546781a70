#include "featurechart.h"

#include "chartlegend.h"
#include "common/uitext.h"
#include "recommend/explanation.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QGraphicsLayout>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLegend>
#include <QLocale>
#include <QTextDocumentFragment>
#include <QToolTip>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

namespace encore {

namespace {

const QColor kSeedColor(0x3b, 0x6e, 0xa8);
const QColor kRecommendationColor(0xe0, 0x8a, 0x2c);
// Below this difference on the 0–1 scale, no feature is called "far apart".
constexpr float kNotableDifference = 0.15f;
// A tooltip stays while the mouse rests on its bar, however long it is read.
constexpr int kToolTipDisplayMs = std::numeric_limits<int>::max();

QString plainText(const QString &html)
{
    return QTextDocumentFragment::fromHtml(html).toPlainText();
}

bool isMajor(float mode)
{
    return mode >= 0.5f;
}

// "A minor (8A)", or "unknown key".
QString keyText(int pitchClass, bool major)
{
    const QString camelot = camelotCode(pitchClass, major);
    return camelot.isEmpty() ? keyName(pitchClass, major)
                             : QStringLiteral("%1 (%2)").arg(keyName(pitchClass, major), camelot);
}

QString keyToolTip(int pitchClass, bool major)
{
    const QString camelot = camelotCode(pitchClass, major);
    if (camelot.isEmpty())
        return FeatureChart::tr("No key was found for this song.");
    return FeatureChart::tr("Key: %1, %2 on the Camelot wheel (songs a number apart, or with the same "
                            "number, mix well).")
        .arg(keyName(pitchClass, major), camelot);
}

}  // namespace

FeatureChart::FeatureChart(QWidget *parent)
    : QWidget(parent), m_chart(new QChart), m_view(new QChartView(m_chart, this)),
      m_featureAxis(new QBarCategoryAxis(m_chart)), m_valueAxis(new QValueAxis(m_chart)),
      m_legend(new ChartLegend(this)), m_caption(new QLabel(this))
{
    m_chart->setObjectName(QStringLiteral("featureChartChart"));
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->setBackgroundVisible(false);
    m_chart->setBackgroundRoundness(0);
    m_chart->setMargins(QMargins(0, 4, 8, 0));
    m_chart->layout()->setContentsMargins(0, 0, 0, 0);
    // The legend is a widget above the chart, where long titles elide instead of being cut.
    m_chart->legend()->hide();

    labelCategories();
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
    // A little smaller than the text around, so that all nine names fit a laptop's chart pane.
    QFont labelFont = m_featureAxis->labelsFont();
    labelFont.setPointSizeF(labelFont.pointSizeF() * 0.9);
    m_featureAxis->setLabelsFont(labelFont);
    m_valueAxis->setLabelsFont(labelFont);
    m_chart->addAxis(m_featureAxis, Qt::AlignLeft);
    m_chart->addAxis(m_valueAxis, Qt::AlignBottom);

    m_view->setObjectName(QStringLiteral("featureChartView"));
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setFrameShape(QFrame::NoFrame);
    // No minimum of its own: squeezed below minimumSizeHint(), the chart drops labels rather
    // than push into the caption.
    m_view->setMinimumSize(1, 1);
    m_view->installEventFilter(this);

    m_legend->setObjectName(QStringLiteral("featureChartLegend"));

    m_caption->setObjectName(QStringLiteral("featureChartCaption"));
    m_caption->setWordWrap(true);
    m_caption->setTextFormat(Qt::RichText);
    m_caption->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_caption->setContentsMargins(6, 0, 6, 2);
    m_caption->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_legend);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_caption);

    showMessage(tr("Double-click a track, or select it and press Enter, to find songs like it."));
}

// A horizontal bar chart draws its first category at the bottom: the features go in bottom-up so
// that they read top-down in the usual order.
Feature FeatureChart::featureAtCategory(int category)
{
    return kChartedFeatures[static_cast<std::size_t>(kCategoryCount - 1 - category)];
}

int FeatureChart::categoryOf(Feature feature)
{
    for (int category = 0; category < kCategoryCount; ++category)
        if (featureAtCategory(category) == feature)
            return category;
    return -1;
}

QSize FeatureChart::minimumChartSize() const
{
    // Every category label on its own line, the widest beside bars still worth comparing; the
    // value axis's labels and titles come when there is room (fitAxes).
    const QFontMetrics labels(m_featureAxis->labelsFont());
    int widest = 0;
    for (const QString &category : m_featureAxis->categories())
        widest = std::max(widest, labels.horizontalAdvance(category));
    // QtCharts hides a label that touches the one above it: each needs its height and a pixel
    // or two more (the label's text margins).
    return {widest + 12 * labels.averageCharWidth(), kCategoryCount * (labels.height() + 2) + 6};
}

QSize FeatureChart::minimumSizeHint() const
{
    const QSize chart = minimumChartSize();
    const int captionWidth = std::max(chart.width(), width());
    const int spacing = layout()->spacing();
    return {chart.width(),
            m_legend->minimumSizeHint().height() + spacing + chart.height() + spacing
                + m_caption->heightForWidth(captionWidth)};
}

QSize FeatureChart::sizeHint() const
{
    const QSize minimum = minimumSizeHint();
    return {std::max(minimum.width(), 480), minimum.height() + minimumChartSize().height()};
}

void FeatureChart::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    // The caption's height depends on the width it wraps to.
    updateGeometry();
}

bool FeatureChart::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && event->type() == QEvent::Resize)
        fitAxes();
    return QWidget::eventFilter(watched, event);
}

void FeatureChart::fitAxes()
{
    const QSize minimum = minimumChartSize();
    const int labelHeight = QFontMetrics(m_valueAxis->labelsFont()).height();
    const int titleHeight = QFontMetrics(m_valueAxis->titleFont()).height();
    const int spareHeight = m_view->height() - minimum.height();
    m_valueAxis->setLabelsVisible(spareHeight >= labelHeight);
    m_valueAxis->setTitleVisible(spareHeight >= labelHeight + 2 * titleHeight);
    m_featureAxis->setTitleVisible(m_view->width() >= 2 * minimum.width());
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
    labelCategories();
    m_legend->setEntries({});
    m_caption->setText(text.toHtmlEscaped());
}

namespace {

bool noneKnown(const std::array<float, kFeatureCount> &values)
{
    return std::all_of(values.begin(), values.end(), [](float value) { return std::isnan(value); });
}

}  // namespace

void FeatureChart::labelCategories()
{
    // A missing value has no bar, which alone would read as the catalog's lowest: its feature's
    // name says whose value is not known. A song with no features at all (as a playlist
    // collection's are, until some are found) says so once, in the legend, rather than in every
    // label, which the axis would cut short.
    const bool charted = !m_seedRole.isEmpty();
    const bool seedCharted = charted && !noneKnown(m_seedValues);
    const bool recommendationCharted = charted && m_recommendationRow >= 0 && !noneKnown(m_recommendationValues);
    QStringList categories;
    for (int category = 0; category < kCategoryCount; ++category) {
        const Feature feature = featureAtCategory(category);
        const bool seedMissing = seedCharted && std::isnan(m_seedValues[index(feature)]);
        const bool recommendationMissing = recommendationCharted && std::isnan(m_recommendationValues[index(feature)]);
        const QString name = featureLabel(feature);
        if (seedMissing && recommendationMissing)
            categories.push_back(tr("%1 (not known)").arg(name));
        else if (seedMissing)
            categories.push_back(tr("%1 (not known for the seed)").arg(name));
        else if (recommendationMissing)
            categories.push_back(tr("%1 (not known for the recommendation)").arg(name));
        else
            categories.push_back(name);
    }
    m_featureAxis->setCategories(categories);
}

void FeatureChart::addBars(const FeatureScale &scale)
{
    auto *series = new QHorizontalBarSeries;
    series->setBarWidth(0.8);
    auto addSet = [&](const FeatureValues &values, const QColor &color, bool seedBar) {
        auto *set = new QBarSet(seedBar ? m_seedRole : tr("Recommendation"));
        set->setColor(color);
        set->setBorderColor(color.darker(115));
        for (int category = 0; category < kCategoryCount; ++category) {
            const Feature feature = featureAtCategory(category);
            const float value = scale.scaled(feature, values[index(feature)]);
            set->append(std::isnan(value) ? 0.0 : static_cast<double>(value));
        }
        connect(set, &QBarSet::hovered, this,
                [this, seedBar](bool status, int category) { showToolTip(status, category, seedBar); });
        series->append(set);
    };
    // The first set is drawn lowest in each group: the seed goes last to sit on top, as in the
    // legend.
    if (m_recommendationRow >= 0)
        addSet(m_recommendationValues, kRecommendationColor, false);
    addSet(m_seedValues, kSeedColor, true);
    labelCategories();
    m_chart->addSeries(series);
    series->attachAxis(m_featureAxis);
    series->attachAxis(m_valueAxis);
}

void FeatureChart::startComparison(std::shared_ptr<const Catalog> catalog, const QString &seedRole,
                                   const Recommendation *recommendation)
{
    clearSeries();
    m_catalog = std::move(catalog);
    m_seedRole = seedRole;
    m_recommendationRow = recommendation ? recommendation->row : -1;
    if (recommendation)
        m_recommendationValues = rowValues(recommendation->row);
}

void FeatureChart::showBars(const FeatureScale &scale, const QString &seedName, const QString &seedKey)
{
    auto entry = [&](const QColor &color, const QString &name, const FeatureValues &values) {
        const int pitch = pitchClassOf(values[index(Feature::Key)]);
        const bool major = isMajor(values[index(Feature::Mode)]);
        return ChartLegend::Entry{color,
                                  name,
                                  noneKnown(values) ? tr("no features known") : keyText(pitch, major),
                                  noneKnown(values) ? QString() : keyToolTip(pitch, major),
                                  formatFeatureValue(Feature::Tempo, values[index(Feature::Tempo)]),
                                  formatFeatureValue(Feature::Loudness, values[index(Feature::Loudness)])};
    };
    std::vector<ChartLegend::Entry> entries = {entry(kSeedColor, seedName, m_seedValues)};
    if (!seedKey.isEmpty()) {
        entries.front().key = seedKey;
        entries.front().keyToolTip.clear();
    }
    if (m_recommendationRow >= 0) {
        const Track &track = m_catalog->track(m_recommendationRow);
        entries.push_back(entry(kRecommendationColor,
                                tr("Recommendation: %1 by %2").arg(uitext::title(track), uitext::artists(track)),
                                m_recommendationValues));
    }
    addBars(scale);
    m_legend->setEntries(entries);
}

FeatureChart::FeatureValues FeatureChart::rowValues(int row) const
{
    FeatureValues values;
    for (int i = 0; i < kFeatureCount; ++i)
        values[i] = m_catalog->featureMatrix()(row, i);
    return values;
}

void FeatureChart::showComparison(std::shared_ptr<const Catalog> catalog, const FeatureScale &scale, int seedRow,
                                  const Recommendation *recommendation, RankingMethod method)
{
    startComparison(std::move(catalog), tr("Seed"), recommendation);
    const Track &seed = m_catalog->track(seedRow);
    m_seedValues = rowValues(seedRow);
    showBars(scale, tr("Seed: %1 by %2").arg(uitext::title(seed), uitext::artists(seed)), {});

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

void FeatureChart::showPlaylistComparison(std::shared_ptr<const Catalog> catalog, const FeatureScale &scale,
                                          int playlistIndex, const Recommendation *recommendation, RankingMethod method)
{
    startComparison(std::move(catalog), tr("Playlist average"), recommendation);

    // The mean of each feature over the playlist's tracks that have all of them; a key cannot be
    // averaged, so it is named only when every track shares it.
    m_seedValues.fill(0.0f);
    int count = 0;
    std::set<std::pair<int, bool>> keys;
    for (int row : m_catalog->playlistRows(playlistIndex)) {
        if (!m_catalog->hasFeatures(row))
            continue;
        const FeatureValues values = rowValues(row);
        for (int i = 0; i < kFeatureCount; ++i)
            m_seedValues[i] += values[i];
        keys.emplace(pitchClassOf(values[index(Feature::Key)]), isMajor(values[index(Feature::Mode)]));
        ++count;
    }
    if (count == 0) {
        showMessage(tr("No track of this playlist has audio features."));
        return;
    }
    for (float &value : m_seedValues)
        value /= static_cast<float>(count);

    const QString name = m_catalog->playlists()[static_cast<std::size_t>(playlistIndex)].name;
    const QString tracks = uitext::count(QLocale(), count, tr("track"), tr("tracks"));
    const QString key = keys.size() == 1
        ? keyText(keys.begin()->first, keys.begin()->second)
        : tr("mixed keys, %1% major").arg(qRound(m_seedValues[index(Feature::Mode)] * 100.0f));
    showBars(scale, tr("Average of %1 (%2)").arg(name, tracks), key);

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
    // The charted feature where the two differ most on the chart's scale (keys are compared by
    // name in the legend: a distance between pitch numbers means nothing).
    Feature furthest = kChartedFeatures[0];
    float largest = -1.0f;
    for (Feature feature : kChartedFeatures) {
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
        .arg(featureNameInText(furthest), value(m_recommendationValues), against.toHtmlEscaped(), value(m_seedValues));
}

void FeatureChart::setCovers(const QPixmap &seed, const QPixmap &recommendation)
{
    m_legend->setCover(0, seed);
    m_legend->setCover(1, recommendation);
}

int FeatureChart::coverSize() const
{
    return m_legend->coverSize();
}

QString FeatureChart::legendText() const
{
    return m_legend->text();
}

QString FeatureChart::captionText() const
{
    return plainText(m_caption->text());
}

void FeatureChart::showToolTip(bool hovered, int category, bool seedBar)
{
    // Leaving a bar for its neighbour hides and shows at once: QToolTip keeps the tip in place.
    if (!hovered || !m_catalog || m_seedRole.isEmpty() || category < 0 || category >= kCategoryCount) {
        QToolTip::hideText();
        return;
    }
    const Feature feature = featureAtCategory(category);
    QString text = QStringLiteral("<b>%1</b>").arg(featureLabel(feature));
    auto line = [&](const QString &who, const FeatureValues &values, bool current) {
        const QString entry =
            tr("%1: %2").arg(who, formatFeatureValue(feature, values[index(feature)]).toHtmlEscaped());
        text += QStringLiteral("<br>") + (current ? QStringLiteral("<b>%1</b>").arg(entry) : entry);
    };
    line(m_seedRole, m_seedValues, seedBar);
    if (m_recommendationRow >= 0)
        line(tr("Recommendation"), m_recommendationValues, !seedBar);
    QToolTip::showText(QCursor::pos(), text, m_view, {}, kToolTipDisplayMs);
}

}  // namespace encore
