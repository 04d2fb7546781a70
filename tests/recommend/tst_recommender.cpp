// What the ranking methods promise alike: errors, k, tracks without features, ties, method
// names, and use from several threads at once (hybrid: errors, names and threads; its artist
// cap shortens the lists of these one-artist catalogs).

#include "recommend/recommender.h"
#include "syntheticcatalog.h"

#include <QTest>

#include <cmath>
#include <limits>
#include <thread>

using namespace encore;
using namespace encore::test;

Q_DECLARE_METATYPE(encore::RankingMethod)

namespace {

RankingRequest request(RankingMethod method, int seedRow, int k)
{
    RankingRequest r;
    r.method = method;
    r.seedRow = seedRow;
    r.k = k;
    return r;
}

const FeatureValues kValues{0.5f, 0.6f, 3.0f, -8.0f, 1.0f, 0.1f, 0.2f, 0.01f, 0.1f, 0.4f, 120.0f};

void addMethodRows()
{
    QTest::addColumn<RankingMethod>("method");
    QTest::newRow("tutorial") << RankingMethod::Tutorial;
    QTest::newRow("content") << RankingMethod::Content;
}

// The rows a method ranks (complete ones for the tutorial method, ones with any feature for the
// content method), one less for the seed: what a k above n returns (no copies in these catalogs).
int candidateCount(const Catalog &catalog, RankingMethod method)
{
    if (method == RankingMethod::Tutorial)
        return catalog.tracksWithFeatures() - 1;
    int withAny = 0;
    for (int row = 0; row < catalog.size(); ++row)
        withAny += catalog.featureMatrix().row(row).array().isFinite().any() ? 1 : 0;
    return withAny - 1;
}

}  // namespace

class TestRecommender : public QObject {
    Q_OBJECT

private slots:
    void seedOutOfRangeIsNotFound_data();
    void seedOutOfRangeIsNotFound();
    void seedWithoutFeaturesIsUnavailable_data();
    void seedWithoutFeaturesIsUnavailable();
    void candidatesHaveTheFeaturesTheirMethodNeeds_data();
    void candidatesHaveTheFeaturesTheirMethodNeeds();
    void kIsCapped_data();
    void kIsCapped();
    void hybridKFarAboveNIsKOfN();
    void tiesBrokenByRow_data();
    void tiesBrokenByRow();
    void emptyCatalog();
    void methodNames_data();
    void methodNames();
    void copiesOfThePlaylistsSongsStayOut_data();
    void copiesOfThePlaylistsSongsStayOut();
    void safeFromSeveralThreads();
    void movedRecommenderKeepsItsCatalog();
};

void TestRecommender::seedOutOfRangeIsNotFound_data()
{
    QTest::addColumn<RankingMethod>("method");
    QTest::addColumn<int>("seedRow");
    for (RankingMethod method : {RankingMethod::Tutorial, RankingMethod::Content, RankingMethod::Hybrid}) {
        const QString name = rankingMethodName(method);
        QTest::newRow(qPrintable(name + ": -1")) << method << -1;
        QTest::newRow(qPrintable(name + ": size")) << method << 30;
        QTest::newRow(qPrintable(name + ": far above")) << method << 1000000;
    }
}

void TestRecommender::seedOutOfRangeIsNotFound()
{
    QFETCH(RankingMethod, method);
    QFETCH(int, seedRow);
    const auto catalog = randomCatalogParts(30, 2).build();
    QCOMPARE(catalog->size(), 30);
    const Recommender recommender(catalog);
    const auto result = recommender.recommend(request(method, seedRow, 10));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, ErrorKind::NotFound);
    QVERIFY(!result.error().message.isEmpty());
}

void TestRecommender::seedWithoutFeaturesIsUnavailable_data()
{
    QTest::addColumn<RankingMethod>("method");
    QTest::addColumn<int>("seedRow");
    QTest::addColumn<QString>("refusal");  // empty: the seed is ranked for
    const QString none = QStringLiteral("Silent Night has no audio features, so it cannot be used as a seed.");
    const QString incomplete = QStringLiteral("Silent Night lacks some audio features, and the tutorial method "
                                              "needs all eleven: choose the content or hybrid method.");
    QTest::newRow("tutorial: no features") << RankingMethod::Tutorial << 1 << incomplete;
    QTest::newRow("tutorial: one feature missing") << RankingMethod::Tutorial << 2 << incomplete;
    QTest::newRow("tutorial: an infinite value") << RankingMethod::Tutorial << 3 << incomplete;
    QTest::newRow("content: no features") << RankingMethod::Content << 1 << none;
    QTest::newRow("content: one feature missing") << RankingMethod::Content << 2 << QString();
    QTest::newRow("content: an infinite value") << RankingMethod::Content << 3 << QString();
    QTest::newRow("hybrid: no features") << RankingMethod::Hybrid << 1 << QString();
    QTest::newRow("hybrid: one feature missing") << RankingMethod::Hybrid << 2 << QString();
    QTest::newRow("hybrid: an infinite value") << RankingMethod::Hybrid << 3 << QString();
}

// The tutorial method needs a complete seed, the content method some feature, the hybrid none.
void TestRecommender::seedWithoutFeaturesIsUnavailable()
{
    QFETCH(RankingMethod, method);
    QFETCH(int, seedRow);
    QFETCH(QString, refusal);
    CatalogParts parts;
    parts.add("Fine", "A", kValues);
    parts.add("Silent Night", "B", {kNaN, kNaN, kNaN, kNaN, kNaN, kNaN, kNaN, kNaN, kNaN, kNaN, kNaN});
    FeatureValues oneMissing = kValues;
    oneMissing[std::size_t(index(Feature::Valence))] = kNaN;
    parts.add("Silent Night", "C", oneMissing);
    parts.add("Silent Night", "D", kValues);
    // A value that is not finite but claims a source: never trusted.
    parts.features.back().values[std::size_t(index(Feature::Loudness))] = std::numeric_limits<float>::infinity();
    parts.add("Other", "E", {0.1f, 0.2f, 5.0f, -3.0f, 0.0f, 0.3f, 0.4f, 0.5f, 0.6f, 0.7f, 80.0f});
    const Recommender recommender(parts.build());

    const auto result = recommender.recommend(request(method, seedRow, 10));
    if (refusal.isEmpty()) {
        QVERIFY(result.ok());
        QVERIFY(!result->empty());
        return;
    }
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, ErrorKind::Unavailable);
    QCOMPARE(result.error().message, refusal);
}

void TestRecommender::candidatesHaveTheFeaturesTheirMethodNeeds_data()
{
    addMethodRows();
}

void TestRecommender::candidatesHaveTheFeaturesTheirMethodNeeds()
{
    QFETCH(RankingMethod, method);
    CatalogParts parts = randomCatalogParts(150, 19);
    parts.features[7].values[std::size_t(index(Feature::Energy))] = std::numeric_limits<float>::infinity();
    const auto catalog = parts.build();
    QVERIFY(catalog->tracksWithFeatures() < catalog->size() - 5);
    const Recommender recommender(catalog);
    int leftOut = 0;  // rows with a value missing or not finite (tutorial), or with no finite value (content)
    for (int row = 0; row < catalog->size(); ++row) {
        const auto finite = catalog->featureMatrix().row(row).array().isFinite();
        leftOut += (method == RankingMethod::Tutorial ? !finite.all() : !finite.any()) ? 1 : 0;
    }
    QVERIFY(method != RankingMethod::Tutorial || leftOut > 0);  // row 7 at least
    QCOMPARE(tracksLeftOut(recommender.featureSpace(), method), leftOut);
    QCOMPARE(tracksLeftOut(recommender.featureSpace(), RankingMethod::Hybrid), 0);
    for (int seedRow : seedRowsOf(*catalog, 10)) {
        const auto result = recommender.recommend(request(method, seedRow, catalog->size()));
        QVERIFY(result.ok());
        QVERIFY(!result->empty());
        for (const Recommendation &r : *result) {
            if (method == RankingMethod::Tutorial) {
                QVERIFY(catalog->hasFeatures(r.row));
                QVERIFY(r.row != 7);
            } else {
                QVERIFY(catalog->featureMatrix().row(r.row).array().isFinite().any());
            }
            QVERIFY(r.row != seedRow);
            QVERIFY(std::isfinite(r.score));
            QVERIFY(r.score >= -1.0f - 1e-5f && r.score <= 1.0f + 1e-5f);
        }
    }
}

void TestRecommender::kIsCapped_data()
{
    QTest::addColumn<RankingMethod>("method");
    QTest::addColumn<int>("k");
    QTest::addColumn<int>("expected");  // -1: every candidate

    for (RankingMethod method : {RankingMethod::Tutorial, RankingMethod::Content}) {
        const QString name = rankingMethodName(method);
        QTest::newRow(qPrintable(name + ": k = 0")) << method << 0 << 0;
        QTest::newRow(qPrintable(name + ": k < 0")) << method << -5 << 0;
        QTest::newRow(qPrintable(name + ": k = 1")) << method << 1 << 1;
        QTest::newRow(qPrintable(name + ": k = n")) << method << 40 << -1;
        QTest::newRow(qPrintable(name + ": k far above n")) << method << std::numeric_limits<int>::max() << -1;
    }
}

void TestRecommender::kIsCapped()
{
    QFETCH(RankingMethod, method);
    QFETCH(int, k);
    QFETCH(int, expected);
    CatalogParts parts;
    std::mt19937 rng(4);
    for (int i = 0; i < 40; ++i) {
        FeatureValues values = randomFeatureValues(rng);
        if (i % 4 == 3)
            values[0] = kNaN;
        parts.add(QStringLiteral("Song %1").arg(i), "A", values);
    }
    const auto catalog = parts.build();
    const Recommender recommender(catalog);
    const auto result = recommender.recommend(request(method, 0, k));
    QVERIFY(result.ok());
    QCOMPARE(int(result->size()), expected < 0 ? candidateCount(*catalog, method) : expected);
}

// The hybrid list is shorter than the library (one track per artist at most, unless too few
// are left), so a k far above n is compared with k = n.
void TestRecommender::hybridKFarAboveNIsKOfN()
{
    const auto catalog = randomCatalogParts(200, 5).build();
    const Recommender recommender(catalog);
    const int seed = seedRowsOf(*catalog, 1).front();
    const auto largest = recommender.recommend(request(RankingMethod::Hybrid, seed, std::numeric_limits<int>::max()));
    const auto whole = recommender.recommend(request(RankingMethod::Hybrid, seed, catalog->size()));
    QVERIFY(largest.ok());
    QVERIFY(whole.ok());
    QVERIFY(!whole->empty());
    QCOMPARE(largest->size(), whole->size());
    for (std::size_t i = 0; i < whole->size(); ++i)
        QCOMPARE((*largest)[i].row, (*whole)[i].row);
}

void TestRecommender::tiesBrokenByRow_data()
{
    addMethodRows();
}

void TestRecommender::tiesBrokenByRow()
{
    // Five different songs with the very same features: equal scores, in row order, whatever
    // order the tracks were added in (rows follow track ids).
    QFETCH(RankingMethod, method);
    CatalogParts parts;
    std::mt19937 rng(6);
    for (int i = 0; i < 30; ++i)
        parts.add(QStringLiteral("Song %1").arg(i), "A", randomFeatureValues(rng));
    const FeatureValues twin = parts.features[0].values;
    for (int row : {25, 4, 17, 9})
        parts.features[std::size_t(row)] = audioFeatures(twin);
    std::reverse(parts.tracks.begin(), parts.tracks.end());
    std::reverse(parts.features.begin(), parts.features.end());
    const auto catalog = parts.build();
    QCOMPARE(catalog->track(0).id, syntheticTrackId(0));
    const Recommender recommender(catalog);

    const auto result = recommender.recommend(request(method, 0, 4));
    QVERIFY(result.ok());
    QCOMPARE(result->size(), std::size_t(4));
    const std::vector<int> expected{4, 9, 17, 25};
    for (std::size_t i = 0; i < 4; ++i) {
        QCOMPARE((*result)[i].row, expected[i]);
        QCOMPARE((*result)[i].score, (*result)[0].score);
        QVERIFY(std::abs((*result)[i].score - 1.0f) < 1e-5f);
    }
}

void TestRecommender::emptyCatalog()
{
    const Recommender fromEmpty(std::make_shared<const Catalog>());
    const Recommender fromNull(nullptr);
    for (const Recommender *recommender : {&fromEmpty, &fromNull}) {
        QCOMPARE(recommender->catalog().size(), 0);
        const auto result = recommender->recommend(request(RankingMethod::Content, 0, 10));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, ErrorKind::NotFound);
    }
}

void TestRecommender::methodNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("known");
    QTest::addColumn<RankingMethod>("method");

    QTest::newRow("tutorial") << "tutorial" << true << RankingMethod::Tutorial;
    QTest::newRow("content") << "content" << true << RankingMethod::Content;
    QTest::newRow("upper case") << "TUTORIAL" << true << RankingMethod::Tutorial;
    QTest::newRow("mixed case, spaces") << "  Content " << true << RankingMethod::Content;
    QTest::newRow("hybrid") << "hybrid" << true << RankingMethod::Hybrid;
    QTest::newRow("unknown") << "magic" << false << RankingMethod::Content;
    QTest::newRow("empty") << "" << false << RankingMethod::Content;
}

void TestRecommender::methodNames()
{
    QFETCH(QString, name);
    QFETCH(bool, known);
    QFETCH(RankingMethod, method);
    const std::optional<RankingMethod> parsed = rankingMethodFromName(name);
    QCOMPARE(parsed.has_value(), known);
    if (known) {
        QCOMPARE(*parsed, method);
        QCOMPARE(rankingMethodName(method), name.trimmed().toLower());
    }
}

void TestRecommender::copiesOfThePlaylistsSongsStayOut_data()
{
    QTest::addColumn<RankingMethod>("method");
    QTest::addColumn<bool>("playlistSeed");
    QTest::newRow("content, leaving out the playlist") << RankingMethod::Content << false;
    QTest::newRow("hybrid, leaving out the playlist") << RankingMethod::Hybrid << false;
    QTest::newRow("hybrid, the playlist as the seed") << RankingMethod::Hybrid << true;
}

// A playlist's songs stay out under any of their track ids: the single when the album track is
// in the playlist, and so on.
void TestRecommender::copiesOfThePlaylistsSongsStayOut()
{
    QFETCH(RankingMethod, method);
    QFETCH(bool, playlistSeed);
    CatalogParts parts;
    std::mt19937 rng(41);
    for (int i = 0; i < 40; ++i)
        parts.add(QStringLiteral("Song %1").arg(i), QStringLiteral("Artist %1").arg(i), randomFeatureValues(rng));
    const std::vector<int> members{1, 2, 3, 4, 5};
    // Other releases of the playlist's songs, sounding exactly like them: the closest matches.
    for (int member : members)
        parts.add(QStringLiteral("Song %1").arg(member), QStringLiteral("Artist %1").arg(member),
                  parts.features[std::size_t(member)].values);
    parts.playlists.push_back(playlistOf(QStringLiteral("P"), members));
    const auto catalog = parts.build();
    const Recommender recommender(catalog);

    RankingRequest r = request(method, members.front(), 30);
    r.playlistIndex = 0;
    r.seedIsPlaylist = playlistSeed;
    r.excludePlaylistTracks = true;
    const std::vector<Recommendation> ranked = recommender.recommend(r).value();
    QVERIFY(ranked.size() >= 20);
    QStringList playlistSongs;
    for (int member : members)
        playlistSongs << songIdentity(catalog->track(member));
    for (const Recommendation &recommendation : ranked)
        QVERIFY2(!playlistSongs.contains(songIdentity(catalog->track(recommendation.row))),
                 qPrintable(catalog->track(recommendation.row).name));
}

void TestRecommender::safeFromSeveralThreads()
{
    const auto catalog = randomCatalogParts(400, 29).build();
    const Recommender recommender(catalog);
    const std::vector<int> seeds = seedRowsOf(*catalog, 12);

    std::vector<RankingRequest> requests;
    for (int seedRow : seeds) {
        for (RankingMethod method : {RankingMethod::Tutorial, RankingMethod::Content, RankingMethod::Hybrid}) {
            RankingRequest r = request(method, seedRow, 25);
            r.weights[Feature::Tempo] = 2.0f;
            r.playlistIndex = 1;
            r.excludePlaylistTracks = true;
            requests.push_back(r);
        }
    }
    std::vector<std::vector<Recommendation>> expected;
    for (const RankingRequest &r : requests)
        expected.push_back(recommender.recommend(r).value());

    constexpr int kThreads = 4;
    std::vector<std::vector<std::vector<Recommendation>>> got(kThreads);
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            for (int round = 0; round < 5; ++round)
                for (const RankingRequest &r : requests)
                    got[std::size_t(t)].push_back(recommender.recommend(r).value());
        });
    }
    for (std::thread &thread : threads)
        thread.join();

    for (int t = 0; t < kThreads; ++t) {
        QCOMPARE(got[std::size_t(t)].size(), requests.size() * 5);
        for (std::size_t i = 0; i < got[std::size_t(t)].size(); ++i) {
            const auto &a = got[std::size_t(t)][i];
            const auto &b = expected[i % requests.size()];
            QCOMPARE(a.size(), b.size());
            for (std::size_t j = 0; j < a.size(); ++j) {
                QCOMPARE(a[j].row, b[j].row);
                QCOMPARE(a[j].score, b[j].score);
                QCOMPARE(a[j].matchingFeatures, b[j].matchingFeatures);
            }
        }
    }
}

void TestRecommender::movedRecommenderKeepsItsCatalog()
{
    const auto catalog = randomCatalogParts(50, 12).build();
    Recommender original(catalog);
    const int seedRow = seedRowsOf(*catalog, 1).front();
    const auto before = original.recommend(request(RankingMethod::Content, seedRow, 5)).value();
    Recommender moved(std::move(original));
    QCOMPARE(moved.catalogPtr().get(), catalog.get());
    const auto after = moved.recommend(request(RankingMethod::Content, seedRow, 5)).value();
    QCOMPARE(after.size(), before.size());
    for (std::size_t i = 0; i < after.size(); ++i)
        QCOMPARE(after[i].row, before[i].row);
}

QTEST_GUILESS_MAIN(TestRecommender)
#include "tst_recommender.moc"
