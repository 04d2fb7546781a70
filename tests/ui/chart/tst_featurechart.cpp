#include "chart/featurechart.h"
#include "chart/featurescale.h"

#include "ui/uitestcatalog.h"
#include "ui/widgettesting.h"

#include <QAbstractBarSeries>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QLabel>
#include <QTest>
#include <QToolTip>
#include <QValueAxis>

using namespace encore;
using encore::test::child;

namespace {

QAbstractBarSeries *barSeries(const QChart *chart)
{
    const QList<QAbstractSeries *> series = chart->series();
    return series.size() == 1 ? qobject_cast<QAbstractBarSeries *>(series.first()) : nullptr;
}

// The seed's bars are drawn last, to sit on top of each group as in the legend.
QBarSet *seedSet(const QChart *chart)
{
    return barSeries(chart)->barSets().last();
}

QBarSet *recommendationSet(const QChart *chart)
{
    const QList<QBarSet *> sets = barSeries(chart)->barSets();
    return sets.size() == 2 ? sets.first() : nullptr;
}

// Two tracks: "Seed" in the given key and mode, "Other" in G major.
std::shared_ptr<const Catalog> twoTracks(float key, float mode, const QString &seedTitle = QStringLiteral("Seed"))
{
    std::vector<Track> tracks = {
        test::makeTrack(QStringLiteral("id0"), seedTitle, {QStringLiteral("Ann")}, {}, 2001, 40, 1000),
        test::makeTrack(QStringLiteral("id1"), QStringLiteral("Other"), {QStringLiteral("Bob")}, {}, 2002, 40, 1000),
    };
    std::vector<AudioFeatures> features = {
        test::makeFeatures(0.5f, 0.5f, key, -6.0f, mode, 0.1f, 0.1f, 0.0f, 0.1f, 0.5f, 120.0f),
        test::makeFeatures(0.6f, 0.4f, 7, -8.0f, 1, 0.1f, 0.2f, 0.0f, 0.1f, 0.4f, 98.0f),
    };
    return std::make_shared<const Catalog>(std::move(tracks), std::move(features), std::vector<Playlist>{});
}

// The chart's visible text items (axis labels and titles), where they are drawn in `chart`.
QMultiMap<QString, QRectF> drawnAxisTexts(const FeatureChart &chart)
{
    const auto *view = child<QChartView>(chart, "featureChartView");
    QMultiMap<QString, QRectF> texts;
    for (QGraphicsItem *item : chart.chart()->scene()->items()) {
        const auto *text = dynamic_cast<QGraphicsTextItem *>(item);
        if (!text || !text->isVisible() || text->toPlainText().isEmpty())
            continue;
        const QRectF inView = view->viewportTransform().mapRect(text->sceneBoundingRect());
        texts.insert(text->toPlainText(), inView.translated(view->pos()));
    }
    return texts;
}

}  // namespace

class TestFeatureChart : public QObject {
    Q_OBJECT

    // The small catalog with its features changed by `change`.
    template <typename Change>
    static std::shared_ptr<const Catalog> smallCatalogWith(Change change)
    {
        const auto small = test::smallCatalog();
        std::vector<Track> tracks;
        std::vector<AudioFeatures> features;
        for (int row = 0; row < small->size(); ++row) {
            tracks.push_back(small->track(row));
            features.push_back(small->features(row));
        }
        change(features);
        return std::make_shared<const Catalog>(tracks, features, std::vector<Playlist>{});
    }

    // Alpha against Delta, in a window of `size`.
    static void showComparisonAt(FeatureChart &chart, QSize size)
    {
        const auto catalog = test::smallCatalog();
        const Recommendation recommendation{3, 0.987f, {Feature::Danceability, Feature::Tempo}};
        chart.resize(size);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        chart.showComparison(catalog, FeatureScale::fromSpace(FeatureSpace(*catalog)), 0, &recommendation);
        QTest::qWait(50);
        QCOMPARE(chart.size(), size);
    }

    static void checkNothingOverlaps(const FeatureChart &chart)
    {
        const QRect view = child<QWidget>(chart, "featureChartView")->geometry();
        const auto *caption = child<QLabel>(chart, "featureChartCaption");
        const QRect legend = child<QWidget>(chart, "featureChartLegend")->geometry();
        QVERIFY(chart.rect().contains(caption->geometry()));
        QVERIFY2(caption->height() >= caption->heightForWidth(caption->width()), "the caption is cut");
        QVERIFY(!caption->geometry().intersects(view));
        QVERIFY(!legend.intersects(view));
        QVERIFY(QRectF(view).contains(chart.chart()->plotArea().translated(view.topLeft())));

        const QMultiMap<QString, QRectF> texts = drawnAxisTexts(chart);
        for (auto text = texts.begin(); text != texts.end(); ++text) {
            QVERIFY2(QRectF(view).contains(text.value()), qPrintable(text.key()));
            QVERIFY2(!text.value().intersects(caption->geometry()), qPrintable(text.key()));
            QVERIFY2(!text.value().intersects(legend), qPrintable(text.key()));
            for (auto other = std::next(text); other != texts.end(); ++other)
                QVERIFY2(!text.value().intersects(other.value()),
                         qPrintable(text.key() + QStringLiteral(" over ") + other.key()));
        }
    }

private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void startsEmptyWithAHint()
    {
        FeatureChart chart;
        QVERIFY(chart.chart()->series().isEmpty());
        QVERIFY(chart.captionText().contains(QStringLiteral("press Enter")));
    }

    void axesAreLabelled()
    {
        FeatureChart chart;
        const auto horizontal = chart.chart()->axes(Qt::Horizontal);
        const auto vertical = chart.chart()->axes(Qt::Vertical);
        QCOMPARE(horizontal.size(), 1);
        QCOMPARE(vertical.size(), 1);
        auto *values = qobject_cast<QValueAxis *>(horizontal.first());
        auto *features = qobject_cast<QBarCategoryAxis *>(vertical.first());
        QVERIFY(values && features);
        QVERIFY(!values->titleText().isEmpty());
        QVERIFY(!features->titleText().isEmpty());
        QCOMPARE(values->min(), 0.0);
        QCOMPARE(values->max(), 1.0);
        // Key and mode are names in the legend, not lengths: a bar of 0 for C or minor looked
        // like a missing value.
        QCOMPARE(features->count(), 9);
        QVERIFY(!features->categories().contains(featureLabel(Feature::Key)));
        QVERIFY(!features->categories().contains(featureLabel(Feature::Mode)));
        // Read top-down in the usual order: the last category is drawn at the top.
        QCOMPARE(features->at(features->count() - 1), featureLabel(Feature::Danceability));
        QCOMPARE(features->at(0), featureLabel(Feature::Tempo));
        QCOMPARE(features->at(FeatureChart::categoryOf(Feature::Loudness)), featureLabel(Feature::Loudness));
        QCOMPARE(FeatureChart::categoryOf(Feature::Key), -1);
    }

    void seedAlone()
    {
        const auto catalog = test::smallCatalog();
        FeatureChart chart;
        chart.showComparison(catalog, FeatureScale::fromSpace(FeatureSpace(*catalog)), 0, nullptr);
        QAbstractBarSeries *series = barSeries(chart.chart());
        QVERIFY(series);
        QCOMPARE(series->count(), 1);
        QCOMPARE(chart.legendText(), QStringLiteral("■ Seed: Alpha by Ann · F major (7B) · 124 BPM · -4.0 dB"));
        QVERIFY(chart.captionText().contains(QStringLiteral("Select a recommendation")));
    }

    void seedAndRecommendation()
    {
        const auto catalog = test::smallCatalog();
        const FeatureScale scale = FeatureScale::fromSpace(FeatureSpace(*catalog));
        const Recommendation recommendation{3, 0.987f, {Feature::Danceability, Feature::Tempo}};
        FeatureChart chart;
        chart.showComparison(catalog, scale, 0, &recommendation);

        QAbstractBarSeries *series = barSeries(chart.chart());
        QVERIFY(series);
        QCOMPARE(series->count(), 2);
        QBarSet *seed = seedSet(chart.chart());
        QBarSet *other = recommendationSet(chart.chart());
        QCOMPARE(seed->label(), QStringLiteral("Seed"));
        QCOMPARE(other->label(), QStringLiteral("Recommendation"));
        QVERIFY(seed->color() != other->color());
        QCOMPARE(chart.legendText(),
                 QStringLiteral("■ Seed: Alpha by Ann · F major (7B) · 124 BPM · -4.0 dB\n"
                                "■ Recommendation: Delta by Dee · F major (7B) · 122 BPM · -5.0 dB"));

        for (QBarSet *set : series->barSets()) {
            QCOMPARE(set->count(), FeatureChart::kCategoryCount);
            for (int i = 0; i < set->count(); ++i)
                QVERIFY2(set->at(i) >= 0.0 && set->at(i) <= 1.0, qPrintable(set->label()));
        }
        // Tempo is category 0: Alpha has the catalog's highest tempo, Delta 122 of 80..124.
        QCOMPARE(seed->at(0), 1.0);
        QCOMPARE(other->at(0), double(scale.scaled(Feature::Tempo, 122.0f)));

        // Relative to the catalog's ranges, no feature differs by much (loudness most: 1/8).
        QCOMPARE(chart.captionText(),
                 QStringLiteral("Similarity to the seed: 0.987. Closest: similar danceability, "
                                "tempo 122 vs 124 BPM. No feature is further than 15% of the "
                                "catalog's range from the seed's."));
    }

    // A value not known has no bar, and its feature's name says whose it is.
    void missingValuesAreMarkedAbsent()
    {
        const auto catalog = smallCatalogWith([](std::vector<AudioFeatures> &features) {
            features[0].set(Feature::Valence, std::numeric_limits<float>::quiet_NaN(), FeatureSource::Missing);
            features[3].set(Feature::Energy, std::numeric_limits<float>::quiet_NaN(), FeatureSource::Missing);
            features[3].set(Feature::Valence, std::numeric_limits<float>::quiet_NaN(), FeatureSource::Missing);
        });
        const Recommendation recommendation{3, 0.5f, {}};
        FeatureChart chart;
        chart.showComparison(catalog, FeatureScale::fromSpace(FeatureSpace(*catalog)), 0, &recommendation);

        auto *axis = qobject_cast<QBarCategoryAxis *>(chart.chart()->axes(Qt::Vertical).first());
        QVERIFY(axis);
        const QStringList labels = axis->categories();
        const auto categoryOf = [&](Feature feature) {
            for (int i = 0; i < FeatureChart::kCategoryCount; ++i)
                if (labels[i].startsWith(featureLabel(feature)))
                    return i;
            return -1;
        };
        const int energy = categoryOf(Feature::Energy);
        const int valence = categoryOf(Feature::Valence);
        const int tempo = categoryOf(Feature::Tempo);
        QVERIFY(energy >= 0 && valence >= 0 && tempo >= 0);
        QCOMPARE(labels[energy], featureLabel(Feature::Energy) + QStringLiteral(" (not known for the recommendation)"));
        QCOMPARE(labels[valence], featureLabel(Feature::Valence) + QStringLiteral(" (not known)"));
        QCOMPARE(labels[tempo], featureLabel(Feature::Tempo));
        QCOMPARE(recommendationSet(chart.chart())->at(energy), 0.0);
        QVERIFY(seedSet(chart.chart())->at(energy) > 0.0);

        chart.showComparison(catalog, FeatureScale::fromSpace(FeatureSpace(*catalog)), 0, nullptr);
        QCOMPARE(axis->categories()[energy], featureLabel(Feature::Energy));
        QCOMPARE(axis->categories()[valence],
                 featureLabel(Feature::Valence) + QStringLiteral(" (not known for the seed)"));
        chart.showMessage(QStringLiteral("nothing"));
        QCOMPARE(axis->categories()[valence], featureLabel(Feature::Valence));
    }

    // A song with no features (a playlist collection's, until some are found) is said to have
    // none once, in the legend, not in every label, which the axis would cut short.
    void aSongWithoutFeaturesIsNamedOnce()
    {
        const auto catalog =
            smallCatalogWith([](std::vector<AudioFeatures> &features) { features[3] = AudioFeatures(); });
        const Recommendation recommendation{3, 0.5f, {}};
        FeatureChart chart;
        chart.showComparison(catalog, FeatureScale::fromSpace(FeatureSpace(*catalog)), 0, &recommendation);

        auto *axis = qobject_cast<QBarCategoryAxis *>(chart.chart()->axes(Qt::Vertical).first());
        QVERIFY(axis);
        for (const QString &label : axis->categories())
            QVERIFY2(!label.contains(QStringLiteral("not known")), qPrintable(label));
        QCOMPARE(child<QLabel>(chart, "legendKey1")->text(), QStringLiteral("no features known"));
        QVERIFY(child<QLabel>(chart, "legendKey0")->text() != QStringLiteral("no features known"));
        for (int i = 0; i < FeatureChart::kCategoryCount; ++i)
            QCOMPARE(recommendationSet(chart.chart())->at(i), 0.0);

        // The other way round: a seed without features.
        chart.showComparison(catalog, FeatureScale::fromSpace(FeatureSpace(*catalog)), 3, nullptr);
        for (const QString &label : axis->categories())
            QVERIFY2(!label.contains(QStringLiteral("not known")), qPrintable(label));
        QCOMPARE(child<QLabel>(chart, "legendKey0")->text(), QStringLiteral("no features known"));
    }

    void keyAndModeAreNamed_data()
    {
        QTest::addColumn<float>("key");
        QTest::addColumn<float>("mode");
        QTest::addColumn<QString>("shown");
        QTest::newRow("C major") << 0.0f << 1.0f << QStringLiteral("C major (8B)");
        QTest::newRow("C minor") << 0.0f << 0.0f << QStringLiteral("C minor (5A)");
        QTest::newRow("A minor") << 9.0f << 0.0f << QStringLiteral("A minor (8A)");
        QTest::newRow("F sharp major") << 6.0f << 1.0f << QStringLiteral("F♯ major (2B)");
        QTest::newRow("no key") << -1.0f << 1.0f << QStringLiteral("unknown key");
    }

    void keyAndModeAreNamed()
    {
        QFETCH(float, key);
        QFETCH(float, mode);
        QFETCH(QString, shown);
        const auto catalog = twoTracks(key, mode);
        const Recommendation recommendation{1, 0.5f, {}};
        FeatureChart chart;
        chart.showComparison(catalog, FeatureScale::fromSpace(FeatureSpace(*catalog)), 0, &recommendation);
        QCOMPARE(child<QLabel>(chart, "legendKey0")->text(), shown);
        QCOMPARE(child<QLabel>(chart, "legendKey1")->text(), QStringLiteral("G major (9B)"));
        QVERIFY(
            chart.legendText().startsWith(QStringLiteral("■ Seed: Seed by Ann · %1 · 120 BPM · -6.0 dB").arg(shown)));
        // Key and mode are no reason to call two songs far apart: a pitch number is no distance.
        QVERIFY2(!chart.captionText().contains(QStringLiteral(" key ")), qPrintable(chart.captionText()));
        QVERIFY(!chart.captionText().contains(QStringLiteral(" mode ")));
    }

    void captionNamesTheFurthestFeature()
    {
        const auto catalog = test::smallCatalog();
        const Recommendation recommendation{1, 0.2f, {Feature::Speechiness}};
        FeatureChart chart;
        chart.showComparison(catalog, FeatureScale::fromSpace(FeatureSpace(*catalog)), 0, &recommendation);
        // Alpha and Beta are at opposite ends of several ranges; danceability comes first.
        QVERIFY2(chart.captionText().endsWith(
                     QStringLiteral("Furthest apart in danceability (0.30 against the seed's 0.80).")),
                 qPrintable(chart.captionText()));
    }

    void hoverShowsRawValuesWithUnits_data()
    {
        QTest::addColumn<int>("feature");
        QTest::addColumn<QString>("text");
        QTest::newRow("tempo") << index(Feature::Tempo)
                               << QStringLiteral("<b>Tempo</b><br>Seed: 124 BPM<br><b>Recommendation: 122 BPM</b>");
        QTest::newRow("loudness") << index(Feature::Loudness)
                                  << QStringLiteral("<b>Loudness</b><br>Seed: -4.0 dB<br>"
                                                    "<b>Recommendation: -5.0 dB</b>");
        QTest::newRow("energy") << index(Feature::Energy)
                                << QStringLiteral("<b>Energy</b><br>Seed: 0.90<br><b>Recommendation: 0.85</b>");
    }

    void hoverShowsRawValuesWithUnits()
    {
        QFETCH(int, feature);
        QFETCH(QString, text);
        FeatureChart chart;
        showComparisonAt(chart, QSize(400, 500));
        QBarSet *bars = recommendationSet(chart.chart());
        const int category = FeatureChart::categoryOf(static_cast<Feature>(feature));

        emit bars->hovered(true, category);
        QTRY_VERIFY(QToolTip::isVisible());
        QCOMPARE(QToolTip::text(), text);

        emit bars->hovered(false, category);
        QTRY_VERIFY(!QToolTip::isVisible());
    }

    // A tooltip is read for as long as the mouse rests on its bar, past Qt's ten seconds.
    void toolTipStaysWhileTheMouseRests()
    {
        FeatureChart chart;
        showComparisonAt(chart, QSize(400, 500));
        emit seedSet(chart.chart())->hovered(true, 0);
        QTRY_VERIFY(QToolTip::isVisible());
        QTest::qWait(10'500);
        QVERIFY(QToolTip::isVisible());
        emit seedSet(chart.chart())->hovered(false, 0);
        QTRY_VERIFY(!QToolTip::isVisible());
    }

    void legendElidesLongTitles()
    {
        const QString title = QStringLiteral("A Very Long Title (Extended Club Remix featuring Everyone "
                                             "Who Ever Sang on It) - Remastered 2011");
        const auto catalog = twoTracks(0, 1, title);
        FeatureChart chart;
        chart.resize(360, 300);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        chart.showComparison(catalog, FeatureScale::fromSpace(FeatureSpace(*catalog)), 0, nullptr);
        auto *name = child<QLabel>(chart, "legendName0");
        const QString full = QStringLiteral("Seed: %1 by Ann").arg(title);
        QTRY_VERIFY2(name->text().endsWith(u'…'), qPrintable(name->text()));
        QVERIFY(full.startsWith(name->text().chopped(1)));
        QCOMPARE(name->toolTip(), full);
        QCOMPARE(name->accessibleName(), full);
        QVERIFY(name->fontMetrics().horizontalAdvance(name->text()) <= name->width());
        // The key stays whole beside it, and the legend no wider than the chart.
        QCOMPARE(child<QLabel>(chart, "legendKey0")->text(), QStringLiteral("C major (8B)"));
        QVERIFY(child<QWidget>(chart, "featureChartLegend")->geometry().right() <= chart.rect().right());
        QCOMPARE(chart.legendText(), QStringLiteral("■ %1 · C major (8B) · 120 BPM · -6.0 dB").arg(full));

        chart.resize(1800, 400);
        QTRY_COMPARE(name->text(), full);
    }

    void tempoAndLoudnessGiveWayWhenNarrow()
    {
        FeatureChart chart;
        showComparisonAt(chart, QSize(1000, 400));
        QTRY_VERIFY(child<QLabel>(chart, "legendTempo1")->isVisible());
        QCOMPARE(child<QLabel>(chart, "legendTempo1")->text(), QStringLiteral("122 BPM"));
        QCOMPARE(child<QLabel>(chart, "legendLoudness1")->text(), QStringLiteral("-5.0 dB"));

        chart.resize(320, 400);
        QTRY_VERIFY(!child<QLabel>(chart, "legendTempo1")->isVisible());
        QVERIFY(child<QLabel>(chart, "legendKey1")->isVisible());
        QTRY_COMPARE(child<QLabel>(chart, "legendName1")->text(), QStringLiteral("Recommendation: Delta by Dee"));
    }

    // From a laptop's narrow pane to a 4K window: the caption and the legend never overlap the
    // chart's axis labels, every feature's name is drawn, and the caption is not cut.
    void layoutHoldsAtEverySize_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<bool>("valueLabels");  // the 0–1 scale gives way first
        QTest::newRow("small") << QSize(320, 240) << false;
        QTest::newRow("laptop pane") << QSize(380, 330) << true;
        QTest::newRow("wide and low") << QSize(1200, 500) << true;
        QTest::newRow("4K") << QSize(2400, 1400) << true;
    }

    void layoutHoldsAtEverySize()
    {
        QFETCH(QSize, size);
        QFETCH(bool, valueLabels);
        FeatureChart chart;
        showComparisonAt(chart, size);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(chart.minimumSizeHint().width() <= size.width());
        QVERIFY(chart.minimumSizeHint().height() <= size.height());
        checkNothingOverlaps(chart);
        if (QTest::currentTestFailed())
            return;
        const QStringList drawn = drawnAxisTexts(chart).keys();
        for (Feature feature : FeatureChart::kChartedFeatures)
            QVERIFY2(drawn.contains(featureLabel(feature)), qPrintable(featureLabel(feature)));
        QCOMPARE(drawn.contains(QStringLiteral("1.0")), valueLabels);
    }

    // Given less than it asks for, the chart drops feature names rather than draw them over the
    // caption.
    void squeezedTheChartGivesWay()
    {
        FeatureChart chart;
        showComparisonAt(chart, QSize(300, 190));
        if (QTest::currentTestFailed())
            return;
        QVERIFY(chart.minimumSizeHint().height() > 190);
        checkNothingOverlaps(chart);
    }

    // A whole playlist as the seed: its bars are the average of its tracks with features.
    void playlistAverage()
    {
        const auto catalog = test::smallCatalog();
        const FeatureScale scale = FeatureScale::fromSpace(FeatureSpace(*catalog));
        const int zed = catalog->playlistIndexOf(QStringLiteral("pl-zed"));  // Beta, Alpha, Gamma
        FeatureChart chart;
        chart.resize(400, 500);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        chart.showPlaylistComparison(catalog, scale, zed, nullptr);
        QCOMPARE(barSeries(chart.chart())->count(), 1);
        // Beta is in C minor, Alpha in F major: a key cannot be averaged.
        QCOMPARE(chart.legendText(),
                 QStringLiteral("■ Average of Zed mix (2 tracks) · mixed keys, 50% major · 102 BPM · -8.0 dB"));
        QVERIFY(chart.captionText().contains(QStringLiteral("Select a recommendation")));

        const Recommendation recommendation{3, 0.5f, {}};
        chart.showPlaylistComparison(catalog, scale, zed, &recommendation, RankingMethod::Hybrid);
        QCOMPARE(barSeries(chart.chart())->count(), 2);
        // Tempo (category 0): Alpha 124 and Beta 80 BPM; Gamma has no features and does not count.
        QCOMPARE(seedSet(chart.chart())->at(0), double(scale.scaled(Feature::Tempo, 102.0f)));
        QCOMPARE(recommendationSet(chart.chart())->at(0), double(scale.scaled(Feature::Tempo, 122.0f)));
        QVERIFY(chart.legendText().endsWith(
            QStringLiteral("\n■ Recommendation: Delta by Dee · F major (7B) · 122 BPM · -5.0 dB")));
        QVERIFY2(
            chart.captionText().startsWith(QStringLiteral("Relevance in the hybrid blend: 0.500. Furthest apart in ")),
            qPrintable(chart.captionText()));
        QVERIFY(chart.captionText().contains(QStringLiteral("against the playlist's average")));

        emit recommendationSet(chart.chart())->hovered(true, 0);
        QTRY_VERIFY(QToolTip::isVisible());
        QCOMPARE(QToolTip::text(),
                 QStringLiteral("<b>Tempo</b><br>Playlist average: 102 BPM<br><b>Recommendation: 122 BPM</b>"));
        emit recommendationSet(chart.chart())->hovered(false, 0);
        QVERIFY(!chart.captionText().contains(QStringLiteral(" mode ")));
        QVERIFY(!chart.captionText().contains(QStringLiteral(" key ")));

        // Tracks that share key and mode name it.
        Playlist inF;
        inF.id = QStringLiteral("pl-f");
        inF.name = QStringLiteral("In F");
        inF.trackIds = {QStringLiteral("id3"), QStringLiteral("id4"), QStringLiteral("id0")};
        std::vector<AudioFeatures> features;
        std::vector<Track> tracks;
        for (int row = 0; row < catalog->size(); ++row) {
            tracks.push_back(catalog->track(row));
            features.push_back(catalog->features(row));
        }
        features[4].set(Feature::Key, 5.0f, FeatureSource::Catalog);  // Epsilon in F major, as Delta and Alpha
        const auto sameKey = std::make_shared<const Catalog>(tracks, features, std::vector<Playlist>{inF});
        chart.showPlaylistComparison(sameKey, scale, 0, nullptr);
        QVERIFY2(chart.legendText().contains(QStringLiteral("(3 tracks) · F major (7B) · ")),
                 qPrintable(chart.legendText()));

        // A playlist with no track to average says so.
        Playlist silent;
        silent.id = QStringLiteral("pl-silent");
        silent.name = QStringLiteral("Silent");
        silent.trackIds = {QStringLiteral("id2")};  // Gamma, without features
        const auto withSilent =
            std::make_shared<const Catalog>(std::move(tracks), std::move(features), std::vector<Playlist>{silent});
        chart.showPlaylistComparison(withSilent, scale, 0, nullptr);
        QVERIFY(chart.chart()->series().isEmpty());
        QVERIFY(chart.captionText().contains(QStringLiteral("No track")));
        QVERIFY(!child<QWidget>(chart, "featureChartLegend")->isVisible());
    }

    void messageClearsTheChart()
    {
        const auto catalog = test::smallCatalog();
        FeatureChart chart;
        chart.showComparison(catalog, FeatureScale::fromSpace(FeatureSpace(*catalog)), 0, nullptr);
        chart.showMessage(QStringLiteral("Nothing <here>"));
        QVERIFY(chart.chart()->series().isEmpty());
        QCOMPARE(chart.captionText(), QStringLiteral("Nothing <here>"));
        QCOMPARE(chart.legendText(), QString());
    }
};

QTEST_MAIN(TestFeatureChart)
#include "tst_featurechart.moc"
