#include "chart/featurechart.h"
#include "chart/featurescale.h"

#include "ui/uitestcatalog.h"

#include <QAbstractBarSeries>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QTest>
#include <QToolTip>
#include <QValueAxis>

using namespace encore;

namespace {

QAbstractBarSeries *barSeries(const QChart *chart)
{
    const QList<QAbstractSeries *> series = chart->series();
    return series.size() == 1 ? qobject_cast<QAbstractBarSeries *>(series.first()) : nullptr;
}

}  // namespace

class TestFeatureChart : public QObject {
    Q_OBJECT

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
        QCOMPARE(features->count(), kFeatureCount);
        // Read top-down in the usual order: the last category is drawn at the top.
        QCOMPARE(features->at(kFeatureCount - 1), featureLabel(Feature::Danceability));
        QCOMPARE(features->at(0), featureLabel(Feature::Tempo));
    }

    void seedAlone()
    {
        const auto catalog = test::smallCatalog();
        FeatureChart chart;
        chart.showComparison(catalog, FeatureScale::fromSpace(FeatureSpace(*catalog)), 0, nullptr);
        QAbstractBarSeries *series = barSeries(chart.chart());
        QVERIFY(series);
        QCOMPARE(series->count(), 1);
        QCOMPARE(chart.legendText(), QStringLiteral("■ Seed: Alpha by Ann"));
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
        const QList<QBarSet *> sets = series->barSets();
        QCOMPARE(sets[0]->label(), QStringLiteral("Seed: Alpha"));
        QCOMPARE(sets[1]->label(), QStringLiteral("Recommendation: Delta"));
        QVERIFY(sets[0]->color() != sets[1]->color());
        QCOMPARE(chart.legendText(),
                 QStringLiteral("■ Seed: Alpha by Ann\n■ Recommendation: Delta by Dee"));

        for (QBarSet *set : sets) {
            QCOMPARE(set->count(), kFeatureCount);
            for (int i = 0; i < set->count(); ++i)
                QVERIFY2(set->at(i) >= 0.0 && set->at(i) <= 1.0, qPrintable(set->label()));
        }
        // Tempo is category 0: Alpha has the catalog's highest tempo, Delta 122 of 80..124.
        QCOMPARE(sets[0]->at(0), 1.0);
        QCOMPARE(sets[1]->at(0), double(scale.scaled(Feature::Tempo, 122.0f)));

        // Relative to the catalog's ranges, no feature differs by much (loudness most: 1/8).
        QCOMPARE(chart.captionText(),
                 QStringLiteral("Similarity to the seed: 0.987. Closest: similar danceability, "
                                "tempo 122 vs 124 BPM. No feature is further than 15% of the "
                                "catalog's range from the seed's."));
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

    void hoverShowsRawValues()
    {
        const auto catalog = test::smallCatalog();
        const Recommendation recommendation{3, 0.9f, {Feature::Tempo}};
        FeatureChart chart;
        chart.resize(400, 500);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        chart.showComparison(catalog, FeatureScale::fromSpace(FeatureSpace(*catalog)), 0, &recommendation);
        QBarSet *recommendationSet = barSeries(chart.chart())->barSets().at(1);

        emit recommendationSet->hovered(true, 0);  // category 0 is tempo
        QTRY_VERIFY(QToolTip::isVisible());
        QCOMPARE(QToolTip::text(), QStringLiteral("<b>Tempo</b><br>Seed: 124 BPM<br><b>Recommendation: 122 BPM</b>"));

        emit recommendationSet->hovered(false, 0);
        QTRY_VERIFY(!QToolTip::isVisible());
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
        QCOMPARE(chart.legendText(), QStringLiteral("■ Average of Zed mix (2 tracks)"));
        QVERIFY(chart.captionText().contains(QStringLiteral("Select a recommendation")));

        const Recommendation recommendation{3, 0.5f, {}};
        chart.showPlaylistComparison(catalog, scale, zed, &recommendation, RankingMethod::Hybrid);
        const QList<QBarSet *> sets = barSeries(chart.chart())->barSets();
        QCOMPARE(sets.size(), 2);
        // Tempo (category 0): Alpha 124 and Beta 80 BPM; Gamma has no features and does not count.
        QCOMPARE(sets[0]->at(0), double(scale.scaled(Feature::Tempo, 102.0f)));
        QCOMPARE(sets[1]->at(0), double(scale.scaled(Feature::Tempo, 122.0f)));
        QCOMPARE(chart.legendText(), QStringLiteral("■ Average of Zed mix (2 tracks)\n■ Recommendation: Delta by Dee"));
        QVERIFY2(chart.captionText().startsWith(QStringLiteral("Relevance in the hybrid blend: 0.500. Furthest apart in ")),
                 qPrintable(chart.captionText()));
        QVERIFY(chart.captionText().contains(QStringLiteral("against the playlist's average")));

        emit sets[1]->hovered(true, 0);
        QTRY_VERIFY(QToolTip::isVisible());
        QCOMPARE(QToolTip::text(), QStringLiteral("<b>Tempo</b><br>Playlist average: 102 BPM<br><b>Recommendation: 122 BPM</b>"));
        emit sets[1]->hovered(false, 0);
        // Key and mode have no average: the share of major keys stands for the mode.
        emit sets[0]->hovered(true, kFeatureCount - 1 - index(Feature::Mode));
        QTRY_COMPARE(QToolTip::text(), QStringLiteral("<b>Mode</b><br><b>Playlist average: 50% major</b><br>Recommendation: major"));
        emit sets[0]->hovered(false, 0);
        QVERIFY(!chart.captionText().contains(QStringLiteral(" mode ")));
        QVERIFY(!chart.captionText().contains(QStringLiteral(" key ")));

        // A playlist with no track to average says so.
        std::vector<AudioFeatures> features;
        std::vector<Track> tracks;
        for (int row = 0; row < catalog->size(); ++row) {
            tracks.push_back(catalog->track(row));
            features.push_back(catalog->features(row));
        }
        Playlist silent;
        silent.id = QStringLiteral("pl-silent");
        silent.name = QStringLiteral("Silent");
        silent.trackIds = {QStringLiteral("id2")};  // Gamma, without features
        const auto withSilent = std::make_shared<const Catalog>(std::move(tracks), std::move(features),
                                                                std::vector<Playlist>{silent});
        chart.showPlaylistComparison(withSilent, scale, 0, nullptr);
        QVERIFY(chart.chart()->series().isEmpty());
        QVERIFY(chart.captionText().contains(QStringLiteral("No track")));
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
