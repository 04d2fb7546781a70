#include "recommend/recommender.h"
#include "referenceranking.h"
#include "syntheticcatalog.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace encore;
using namespace encore::test;

namespace {

// The seed project's method, written out plainly in double: MinMax over the tracks with
// features (a zero range scales by 1), cosine similarity (0 against a zero vector), every track
// with features except the seed.
std::vector<ReferenceScore> tutorialReference(const Catalog &catalog, int seedRow)
{
    std::vector<int> rows;
    for (int row = 0; row < catalog.size(); ++row)
        if (catalog.hasFeatures(row))
            rows.push_back(row);

    std::vector<std::array<double, kFeatureCount>> scaled(static_cast<std::size_t>(catalog.size()));
    for (int c = 0; c < kFeatureCount; ++c) {
        double lo = std::numeric_limits<double>::infinity();
        double hi = -lo;
        for (int row : rows) {
            lo = std::min(lo, double(catalog.featureMatrix()(row, c)));
            hi = std::max(hi, double(catalog.featureMatrix()(row, c)));
        }
        const double range = hi - lo == 0.0 ? 1.0 : hi - lo;
        for (int row : rows)
            scaled[std::size_t(row)][std::size_t(c)] = (double(catalog.featureMatrix()(row, c)) - lo) / range;
    }

    const auto cosine = [](const std::array<double, kFeatureCount> &a, const std::array<double, kFeatureCount> &b) {
        double dot = 0, na = 0, nb = 0;
        for (std::size_t i = 0; i < a.size(); ++i) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0.0 || nb == 0.0 ? 0.0 : dot / (std::sqrt(na) * std::sqrt(nb));
    };

    std::vector<ReferenceScore> scores;
    for (int row : rows)
        if (row != seedRow)
            scores.push_back({row, cosine(scaled[std::size_t(seedRow)], scaled[std::size_t(row)])});
    sortReference(scores);
    return scores;
}

RankingRequest tutorialRequest(int seedRow, int k)
{
    RankingRequest request;
    request.method = RankingMethod::Tutorial;
    request.seedRow = seedRow;
    request.k = k;
    return request;
}

}  // namespace

class TestTutorialRanker : public QObject {
    Q_OBJECT

private slots:
    void matchesReference_data();
    void matchesReference();
    void zeroRangeFeatureScalesByOne();
    void zeroVectorHasSimilarityZero();
    void keepsCopiesAndPlaylistTracks();
    void tiesBrokenByRow();
};

void TestTutorialRanker::matchesReference_data()
{
    QTest::addColumn<int>("size");
    QTest::addColumn<unsigned>("seed");
    QTest::addColumn<int>("k");

    QTest::newRow("200 tracks, top 10") << 200 << 1u << 10;
    QTest::newRow("350 tracks, top 25") << 350 << 7u << 25;
    QTest::newRow("500 tracks, top 100") << 500 << 42u << 100;
    QTest::newRow("60 tracks, k above n") << 60 << 3u << 1000;
    QTest::newRow("300 tracks, top 1") << 300 << 11u << 1;
}

void TestTutorialRanker::matchesReference()
{
    QFETCH(int, size);
    QFETCH(unsigned, seed);
    QFETCH(int, k);

    const auto catalog = randomCatalogParts(size, seed).build();
    QVERIFY(catalog->tracksWithFeatures() < catalog->size());  // some tracks lack features
    const Recommender recommender(catalog);
    const std::vector<int> seeds = seedRowsOf(*catalog, 20);
    QVERIFY(seeds.size() >= 10);
    for (int seedRow : seeds) {
        const auto got = recommendOrFail(recommender, tutorialRequest(seedRow, k));
        compareWithReference(got, tutorialReference(*catalog, seedRow), k);
        if (QTest::currentTestFailed())
            QFAIL(qPrintable(QStringLiteral("seed row %1").arg(seedRow)));
    }
}

void TestTutorialRanker::zeroRangeFeatureScalesByOne()
{
    // Mode is 1 on every track: value - min = 0 everywhere, so setting it to 0 everywhere
    // instead changes nothing, and no score is NaN.
    CatalogParts ones = randomCatalogParts(150, 5);
    CatalogParts zeros = ones;
    for (std::size_t i = 0; i < ones.features.size(); ++i) {
        if (ones.features[i].has(Feature::Mode)) {
            ones.features[i].set(Feature::Mode, 1.0f, FeatureSource::Catalog);
            zeros.features[i].set(Feature::Mode, 0.0f, FeatureSource::Catalog);
        }
    }
    const auto catalogOnes = ones.build();
    const Recommender withOnes(catalogOnes);
    const Recommender withZeros(zeros.build());
    for (int seedRow : seedRowsOf(*catalogOnes, 10)) {
        const auto a = recommendOrFail(withOnes, tutorialRequest(seedRow, 30));
        const auto b = recommendOrFail(withZeros, tutorialRequest(seedRow, 30));
        QCOMPARE(rowsOf(a), rowsOf(b));
        for (std::size_t i = 0; i < a.size(); ++i) {
            QVERIFY(std::isfinite(a[i].score));
            QCOMPARE(a[i].score, b[i].score);
        }
        compareWithReference(a, tutorialReference(*catalogOnes, seedRow), 30);
    }
}

void TestTutorialRanker::zeroVectorHasSimilarityZero()
{
    // Row 0 is the minimum of every feature, so it scales to the zero vector.
    CatalogParts parts;
    parts.add("Quiet", "A", {0.0f, 0.0f, 0.0f, -40.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 60.0f});
    parts.add("Two", "B", {0.5f, 0.6f, 3.0f, -8.0f, 1.0f, 0.1f, 0.2f, 0.0f, 0.1f, 0.4f, 120.0f});
    parts.add("Three", "C", {0.9f, 0.1f, 7.0f, -5.0f, 0.0f, 0.3f, 0.7f, 0.5f, 0.3f, 0.9f, 90.0f});
    parts.add("Four", "D", {0.2f, 0.9f, 11.0f, -20.0f, 1.0f, 0.05f, 0.9f, 0.9f, 0.8f, 0.1f, 170.0f});
    const Recommender recommender(parts.build());

    // As the seed: every similarity is 0, so the order is the row order.
    const auto fromZero = recommendOrFail(recommender, tutorialRequest(0, 10));
    QCOMPARE(rowsOf(fromZero), (std::vector<int>{1, 2, 3}));
    for (const Recommendation &r : fromZero)
        QCOMPARE(r.score, 0.0f);

    // As a candidate: similarity 0, last behind the positive ones.
    const auto toZero = recommendOrFail(recommender, tutorialRequest(1, 10));
    QCOMPARE(toZero.size(), std::size_t(3));
    QCOMPARE(toZero.back().row, 0);
    QCOMPARE(toZero.back().score, 0.0f);
    compareWithReference(toZero, tutorialReference(recommender.catalog(), 1), 10);
}

void TestTutorialRanker::keepsCopiesAndPlaylistTracks()
{
    // The baseline leaves out only the seed: a copy of the seed and the playlist's tracks stay,
    // even when the request asks to leave the playlist out (that is the content method's job).
    CatalogParts parts;
    const FeatureValues seedValues{0.5f, 0.6f, 3.0f, -8.0f, 1.0f, 0.1f, 0.2f, 0.0f, 0.1f, 0.4f, 120.0f};
    parts.add("Song", "Band", seedValues);
    parts.add("SONG!", "band", seedValues);  // a copy
    parts.add("Other", "C", {0.9f, 0.1f, 7.0f, -5.0f, 0.0f, 0.3f, 0.7f, 0.5f, 0.3f, 0.9f, 90.0f});
    parts.add("Third", "D", {0.2f, 0.9f, 11.0f, -20.0f, 1.0f, 0.05f, 0.9f, 0.9f, 0.8f, 0.1f, 170.0f});
    Playlist playlist;
    playlist.id = "p";
    playlist.trackIds = {syntheticTrackId(0), syntheticTrackId(2)};
    parts.playlists.push_back(playlist);
    const Recommender recommender(parts.build());

    RankingRequest request = tutorialRequest(0, 10);
    request.playlistIndex = 0;
    request.excludePlaylistTracks = true;
    const auto got = recommendOrFail(recommender, request);
    QCOMPARE(rowsOf(got), (std::vector<int>{1, 2, 3}));
    QVERIFY(std::abs(got.front().score - 1.0f) < 1e-6f);
}

void TestTutorialRanker::tiesBrokenByRow()
{
    CatalogParts parts;
    const FeatureValues twin{0.3f, 0.3f, 5.0f, -10.0f, 0.0f, 0.2f, 0.3f, 0.1f, 0.2f, 0.5f, 100.0f};
    parts.add("Seed", "A", {0.5f, 0.6f, 3.0f, -8.0f, 1.0f, 0.1f, 0.2f, 0.0f, 0.1f, 0.4f, 120.0f});
    parts.add("Twin one", "B", twin);
    parts.add("Far", "C", {0.9f, 0.1f, 7.0f, -5.0f, 0.0f, 0.3f, 0.7f, 0.5f, 0.3f, 0.9f, 90.0f});
    parts.add("Twin two", "D", twin);
    parts.add("Twin three", "E", twin);
    const Recommender recommender(parts.build());

    const auto got = recommendOrFail(recommender, tutorialRequest(0, 10));
    QCOMPARE(got.size(), std::size_t(4));
    std::vector<int> twins;
    for (const Recommendation &r : got)
        if (r.row == 1 || r.row == 3 || r.row == 4)
            twins.push_back(r.row);
    QCOMPARE(twins, (std::vector<int>{1, 3, 4}));
    compareWithReference(got, tutorialReference(recommender.catalog(), 0), 10);
}

QTEST_GUILESS_MAIN(TestTutorialRanker)
#include "tst_tutorialranker.moc"
