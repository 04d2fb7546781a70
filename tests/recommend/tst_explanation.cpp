#include "recommend/explanation.h"
#include "recommend/recommender.h"
#include "syntheticcatalog.h"

#include <QTest>

using namespace encore;
using namespace encore::test;

Q_DECLARE_METATYPE(encore::Feature)
Q_DECLARE_METATYPE(std::vector<encore::Feature>)

class TestExplanation : public QObject {
    Q_OBJECT

private slots:
    void describesOneFeature_data();
    void describesOneFeature();
    void joinsPhrases();
    void explainsARecommendation();
    void saysWhichFeaturesSpoke_data();
    void saysWhichFeaturesSpoke();
    void explainsATrackWithoutFeaturesByPeople();
};

void TestExplanation::describesOneFeature_data()
{
    QTest::addColumn<Feature>("feature");
    QTest::addColumn<float>("seedValue");
    QTest::addColumn<float>("value");
    QTest::addColumn<QString>("expected");

    QTest::newRow("tempo") << Feature::Tempo << 122.2f << 123.8f << "tempo 124 vs 122 BPM";
    QTest::newRow("same tempo") << Feature::Tempo << 120.2f << 119.9f << "same tempo (120 BPM)";
    QTest::newRow("same key") << Feature::Key << 1.0f << 1.0f << "same key";
    QTest::newRow("other key") << Feature::Key << 0.0f << 2.0f << "key D vs C";
    QTest::newRow("both major") << Feature::Mode << 1.0f << 1.0f << "both major";
    QTest::newRow("both minor") << Feature::Mode << 0.0f << 0.0f << "both minor";
    QTest::newRow("loudness") << Feature::Loudness << -6.0f << -5.2f << "loudness -5.2 vs -6.0 dB";
    QTest::newRow("energy") << Feature::Energy << 0.5f << 0.52f << "similar energy";
    QTest::newRow("danceability") << Feature::Danceability << 0.7f << 0.68f << "similar danceability";
    QTest::newRow("unknown value") << Feature::Tempo << 120.0f << kNaN << "";
}

void TestExplanation::describesOneFeature()
{
    QFETCH(Feature, feature);
    QFETCH(float, seedValue);
    QFETCH(float, value);
    QFETCH(QString, expected);
    QCOMPARE(describeFeatureMatch(feature, seedValue, value), expected);
}

void TestExplanation::joinsPhrases()
{
    const AudioFeatures seed = audioFeatures({0.5f, 0.6f, 4.0f, -8.0f, 1.0f, 0.1f, 0.2f, 0.0f, 0.1f, 0.4f, 122.0f});
    const AudioFeatures other = audioFeatures({0.9f, 0.62f, 4.0f, -3.0f, 0.0f, 0.1f, 0.2f, 0.0f, 0.1f, 0.4f, 124.0f});
    QCOMPARE(explainMatch(seed, other, {Feature::Tempo, Feature::Key, Feature::Energy}),
             QStringLiteral("tempo 124 vs 122 BPM, same key, similar energy"));
    QCOMPARE(explainMatch(seed, other, {}), QString());
}

void TestExplanation::explainsARecommendation()
{
    CatalogParts parts;
    parts.add("Seed", "A", {0.5f, 0.6f, 0.0f, -8.0f, 1.0f, 0.1f, 0.2f, 0.01f, 0.1f, 0.4f, 120.0f});
    parts.add("Candidate", "B", {0.95f, 0.05f, 0.0f, -25.0f, 0.0f, 0.45f, 0.9f, 0.9f, 0.9f, 0.42f, 121.0f});
    std::mt19937 rng(3);
    for (int i = 0; i < 40; ++i)
        parts.add(QStringLiteral("Filler %1").arg(i), "C", randomFeatureValues(rng));
    const auto catalog = parts.build();
    const Recommender recommender(catalog);

    RankingRequest request;
    request.seedRow = 0;
    request.k = 1000;
    const auto result = recommender.recommend(request);
    QVERIFY(result.ok());
    const auto it = std::find_if(result->begin(), result->end(), [](const Recommendation &r) { return r.row == 1; });
    QVERIFY(it != result->end());
    // Valence within 0.02 of the seed's is rarer among the fillers than the same key or a tempo
    // within 1 BPM, so it comes first.
    QCOMPARE(explainMatch(*catalog, 0, *it), QStringLiteral("similar valence, tempo 121 vs 120 BPM, same key"));
    QCOMPARE(explainMatch(*catalog, 99, *it), QString());
}

void TestExplanation::saysWhichFeaturesSpoke_data()
{
    QTest::addColumn<std::vector<Feature>>("seedLacks");
    QTest::addColumn<std::vector<Feature>>("trackHas");  // empty: all eleven
    QTest::addColumn<QString>("expected");

    using Features = std::vector<Feature>;
    QTest::newRow("all known") << Features{} << Features{} << QString();
    QTest::newRow("tempo only") << Features{} << Features{Feature::Tempo} << "tempo only: 1 of 11 features compared";
    QTest::newRow("four") << Features{} << Features{Feature::Tempo, Feature::Key, Feature::Energy, Feature::Valence}
                          << "4 of 11 features compared";
    QTest::newRow("the seed lacks some") << Features{Feature::Mode, Feature::Liveness} << Features{}
                                         << "9 of 11 features compared";
    QTest::newRow("none in common") << Features{Feature::Tempo} << Features{Feature::Tempo}
                                    << "no audio features compared";
}

void TestExplanation::saysWhichFeaturesSpoke()
{
    QFETCH(std::vector<Feature>, seedLacks);
    QFETCH(std::vector<Feature>, trackHas);
    QFETCH(QString, expected);
    const FeatureValues values{0.5f, 0.6f, 3.0f, -8.0f, 1.0f, 0.1f, 0.2f, 0.01f, 0.1f, 0.4f, 120.0f};
    AudioFeatures seed = audioFeatures(values);
    for (Feature f : seedLacks)
        seed.set(f, kNaN, FeatureSource::Missing);
    AudioFeatures track = audioFeatures(values);
    for (Feature f : kAllFeatures)
        if (!trackHas.empty() && std::find(trackHas.begin(), trackHas.end(), f) == trackHas.end())
            track.set(f, kNaN, FeatureSource::Missing);
    QCOMPARE(describeFeatureCoverage(seed, track), expected);
}

void TestExplanation::explainsATrackWithoutFeaturesByPeople()
{
    CatalogParts parts;
    parts.add("Seed", "A", {0.5f, 0.6f, 0.0f, -8.0f, 1.0f, 0.1f, 0.2f, 0.01f, 0.1f, 0.4f, 120.0f});
    parts.add("New release", "A", {kNaN, kNaN, kNaN, kNaN, kNaN, kNaN, kNaN, kNaN, kNaN, kNaN, kNaN});
    std::mt19937 rng(3);
    for (int i = 0; i < 20; ++i)
        parts.add(QStringLiteral("Filler %1").arg(i), QStringLiteral("C%1").arg(i), randomFeatureValues(rng));
    parts.playlists = {playlistOf("p0", {0, 1, 5}), playlistOf("p1", {0, 1, 9})};
    const auto catalog = parts.build();
    const Recommender recommender(catalog);

    RankingRequest request;
    request.method = RankingMethod::Hybrid;
    request.seedRow = 0;
    request.k = 5;
    const auto result = recommender.recommend(request);
    QVERIFY(result.ok());
    QVERIFY(!result->empty());
    QCOMPARE(result->front().row, 1);
    QCOMPARE(explainMatch(*catalog, 0, result->front()),
             QStringLiteral("same artist, in 2 playlists with the seed, no audio features compared"));
}

QTEST_GUILESS_MAIN(TestExplanation)
#include "tst_explanation.moc"
