#include "recommend/explanation.h"
#include "recommend/recommender.h"
#include "syntheticcatalog.h"

#include <QTest>

using namespace encore;
using namespace encore::test;

Q_DECLARE_METATYPE(encore::Feature)

class TestExplanation : public QObject {
    Q_OBJECT

private slots:
    void describesOneFeature_data();
    void describesOneFeature();
    void joinsPhrases();
    void explainsARecommendation();
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

QTEST_GUILESS_MAIN(TestExplanation)
#include "tst_explanation.moc"
