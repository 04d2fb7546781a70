#include "recommend/contentranker.h"
#include "recommend/recommender.h"
#include "referenceranking.h"
#include "syntheticcatalog.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <map>
#include <numbers>
#include <random>
#include <set>

using namespace encore;
using namespace encore::test;

Q_DECLARE_METATYPE(encore::FeatureWeights)
Q_DECLARE_METATYPE(encore::Feature)

namespace {

// Encore's content method written out plainly in double: z-scores over the tracks that have each
// feature (0 when a feature does not vary, and for a missing value), key as (cos, sin) of its
// pitch class or (0, 0) for no key, log tempo z-scored over detected tempos (undetected at 0),
// weighted cosine similarity over the features the seed has.
std::vector<std::vector<double>> contentVectors(const Catalog &catalog, const std::vector<int> &rows)
{
    const auto value = [&](int row, Feature f) { return double(catalog.featureMatrix()(row, index(f))); };
    std::vector<std::vector<double>> vectors(std::size_t(catalog.size()), std::vector<double>(12, 0.0));
    int dim = 0;
    for (Feature f : kAllFeatures) {
        if (f == Feature::Key) {
            for (int row : rows) {
                if (!std::isfinite(value(row, f)))
                    continue;
                const long pitch = std::lround(value(row, f));
                if (pitch >= 0 && pitch <= 11) {
                    vectors[std::size_t(row)][std::size_t(dim)] = std::cos(2 * std::numbers::pi * double(pitch) / 12);
                    vectors[std::size_t(row)][std::size_t(dim) + 1] =
                        std::sin(2 * std::numbers::pi * double(pitch) / 12);
                }
            }
            dim += 2;
            continue;
        }
        const auto transformed = [&](int row) { return f == Feature::Tempo ? std::log(value(row, f)) : value(row, f); };
        std::vector<int> used;
        for (int row : rows)
            if (std::isfinite(value(row, f)) && (f != Feature::Tempo || value(row, f) > 0))
                used.push_back(row);
        double mean = 0;
        for (int row : used)
            mean += transformed(row);
        mean /= double(std::max<std::size_t>(used.size(), 1));
        double variance = 0;
        for (int row : used)
            variance += (transformed(row) - mean) * (transformed(row) - mean);
        const double sd = std::sqrt(variance / double(std::max<std::size_t>(used.size(), 1)));
        if (sd > 1e-9)
            for (int row : used)
                vectors[std::size_t(row)][std::size_t(dim)] = (transformed(row) - mean) / sd;
        ++dim;
    }
    return vectors;
}

// Rows with at least one feature: the content method's candidates.
std::vector<int> rowsWithFeatures(const Catalog &catalog)
{
    std::vector<int> rows;
    for (int row = 0; row < catalog.size(); ++row)
        if (catalog.featureMatrix().row(row).array().isFinite().any())
            rows.push_back(row);
    return rows;
}

// Σ w²·a·b / (|w∘a| |w∘b|), 0 when either is a zero vector after weighting.
double weightedCosine(const std::vector<double> &a, const std::vector<double> &b, const std::vector<double> &w)
{
    double dot = 0, na = 0, nb = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        dot += w[i] * w[i] * a[i] * b[i];
        na += w[i] * w[i] * a[i] * a[i];
        nb += w[i] * w[i] * b[i] * b[i];
    }
    return na == 0.0 || nb == 0.0 ? 0.0 : dot / (std::sqrt(na) * std::sqrt(nb));
}

// The artists' sound term of the content method, in double: each primary artist's sound is the
// mean of its songs' content vectors; a candidate scores (cos + β min(1, max(0, cos of
// the two artists' sounds))) / (1 + β) when the seed has an artist whose sound is not a zero
// vector after weighting, else its plain cosine.
class ArtistSoundReference {
public:
    ArtistSoundReference(const Catalog &catalog, const std::vector<std::vector<double>> &vectors,
                         const std::vector<int> &rows)
        : m_catalog(catalog)
    {
        std::map<int, int> songs;
        for (int row : rows) {
            const std::vector<double> &v = vectors[std::size_t(row)];
            if (catalog.artistsOf(row).empty())
                continue;
            const int artist = catalog.artistsOf(row).front();
            std::vector<double> &sound = m_sounds.try_emplace(artist, v.size(), 0.0).first->second;
            for (std::size_t d = 0; d < v.size(); ++d)
                sound[d] += v[d];
            ++songs[artist];
        }
        for (auto &[artist, sound] : m_sounds)
            for (double &x : sound)
                x /= songs[artist];
    }

    double score(int seedRow, int row, double cosine, double soundWeight, const std::vector<double> &w) const
    {
        const std::vector<double> *seedSound = soundOf(seedRow);
        double seedNorm = 0;
        for (std::size_t d = 0; seedSound && d < w.size(); ++d)
            seedNorm += w[d] * w[d] * (*seedSound)[d] * (*seedSound)[d];
        if (soundWeight <= 0 || seedNorm == 0.0)
            return cosine;
        const std::vector<double> *sound = soundOf(row);
        const double alike = sound ? std::clamp(weightedCosine(*seedSound, *sound, w), 0.0, 1.0) : 0.0;
        return (cosine + soundWeight * alike) / (1.0 + soundWeight);
    }

private:
    const std::vector<double> *soundOf(int row) const
    {
        if (m_catalog.artistsOf(row).empty())
            return nullptr;
        const auto it = m_sounds.find(m_catalog.artistsOf(row).front());
        return it == m_sounds.end() ? nullptr : &it->second;
    }

    const Catalog &m_catalog;
    std::map<int, std::vector<double>> m_sounds;
};

struct ContentOptions {
    FeatureWeights weights;
    int playlistIndex = -1;
    bool excludePlaylist = false;
};

std::vector<ReferenceScore> contentReference(const Catalog &catalog, int seedRow, const ContentOptions &options)
{
    const std::vector<int> rows = rowsWithFeatures(catalog);
    const auto vectors = contentVectors(catalog, rows);

    std::vector<double> w;
    for (Feature f : kAllFeatures) {
        const double weight = std::isfinite(catalog.featureMatrix()(seedRow, index(f))) ? options.weights[f] : 0.0;
        w.push_back(weight);
        if (f == Feature::Key)
            w.push_back(weight);
    }
    const ArtistSoundReference artists(catalog, vectors, rows);

    // A track with no title is a song of its own.
    const auto songOf = [&catalog](int row) {
        const Track &track = catalog.track(row);
        const bool titled =
            std::any_of(track.name.begin(), track.name.end(), [](QChar c) { return c.isLetterOrNumber(); });
        return titled ? songIdentity(track) : QStringLiteral("row %1").arg(row);
    };
    // The playlist's songs stay out under any of their releases.
    std::set<QString> excludedSongs;
    if (options.excludePlaylist && options.playlistIndex >= 0)
        for (int row : catalog.playlistRows(options.playlistIndex))
            excludedSongs.insert(songOf(row));
    const QString seedSong = songIdentity(catalog.track(seedRow));
    std::vector<ReferenceScore> scores;
    for (int row : rows) {
        if (excludedSongs.count(songOf(row)) || songIdentity(catalog.track(row)) == seedSong)
            continue;
        const double cosine = weightedCosine(vectors[std::size_t(seedRow)], vectors[std::size_t(row)], w);
        scores.push_back({row, artists.score(seedRow, row, cosine, kArtistSoundWeight, w)});
    }
    sortReference(scores);

    // Each song once: the best of its copies.
    std::set<QString> songs;
    std::vector<ReferenceScore> bestOfEachSong;
    for (const ReferenceScore &scored : scores) {
        if (songs.insert(songOf(scored.row)).second)
            bestOfEachSong.push_back(scored);
    }
    return bestOfEachSong;
}

// rankContent's own list in double: every rankable row not in `excluded`, equal weights, no
// deduplication of songs, the artists' sound weighted by `soundWeight`.
std::vector<ReferenceScore> scanReference(const Catalog &catalog, int seedRow, const std::set<int> &excluded,
                                          double soundWeight)
{
    const std::vector<int> rows = rowsWithFeatures(catalog);
    const auto vectors = contentVectors(catalog, rows);
    const ArtistSoundReference artists(catalog, vectors, rows);
    const std::vector<double> &seed = vectors[std::size_t(seedRow)];
    std::vector<double> seedHas;  // per dimension, 1 when the seed has its feature
    for (Feature f : kAllFeatures)
        seedHas.insert(seedHas.end(), f == Feature::Key ? 2 : 1,
                       std::isfinite(catalog.featureMatrix()(seedRow, index(f))) ? 1.0 : 0.0);
    std::vector<ReferenceScore> scores;
    for (int row : rows) {
        if (excluded.count(row))
            continue;
        double dot = 0, ns = 0, nc = 0;
        for (std::size_t d = 0; d < seed.size(); ++d) {
            dot += seed[d] * vectors[std::size_t(row)][d];
            ns += seed[d] * seed[d];
            nc += seedHas[d] * vectors[std::size_t(row)][d] * vectors[std::size_t(row)][d];
        }
        const double cosine = ns == 0.0 || nc == 0.0 ? 0.0 : dot / (std::sqrt(ns) * std::sqrt(nc));
        scores.push_back({row, artists.score(seedRow, row, cosine, soundWeight, seedHas)});
    }
    sortReference(scores);
    return scores;
}

RankingRequest contentRequest(int seedRow, int k, const ContentOptions &options = {})
{
    RankingRequest request;
    request.method = RankingMethod::Content;
    request.seedRow = seedRow;
    request.k = k;
    request.weights = options.weights;
    request.playlistIndex = options.playlistIndex;
    request.excludePlaylistTracks = options.excludePlaylist;
    return request;
}

FeatureWeights weightsWith(std::initializer_list<std::pair<Feature, float>> changes)
{
    FeatureWeights weights;
    for (const auto &[feature, weight] : changes)
        weights[feature] = weight;
    return weights;
}

const FeatureValues kSeedValues{0.5f, 0.6f, 0.0f, -8.0f, 1.0f, 0.1f, 0.2f, 0.01f, 0.1f, 0.4f, 120.0f};

}  // namespace

class TestContentRanker : public QObject {
    Q_OBJECT

private slots:
    void matchesReference_data();
    void matchesReference();
    void scanMatchesReferenceAtBlockEdges_data();
    void scanMatchesReferenceAtBlockEdges();
    void zeroVarianceFeatureContributesNothing();
    void zeroWeightHasNoInfluence_data();
    void zeroWeightHasNoInfluence();
    void allWeightsZeroGivesZeroScores();
    void keyIsCircular();
    void undetectedTempoSitsAtTheMean();
    void excludesCopiesOfTheSeed();
    void anArtistWhoSoundsAlikeComesFirst();
    void listsEachSongOnce();
    void anExactTieGoesToTheLowerRowWhateverTheSlots();
    void excludesPlaylistTracks_data();
    void excludesPlaylistTracks();
    void matchingFeaturesAreTheRarestMatches();
    void partialSeedIsComparedOnItsFeatures();
    void partialCandidatesAreRankedAndEmptyOnesNot();
};

// A seed with only some features is compared on those: a track equal on them is a perfect match
// whatever its other values.
void TestContentRanker::partialSeedIsComparedOnItsFeatures()
{
    std::mt19937 rng(5);
    CatalogParts parts;
    FeatureValues seed{kNaN, kNaN, kNaN, kNaN, kNaN, kNaN, kNaN, kNaN, kNaN, kNaN, kNaN};
    for (Feature f : {Feature::Energy, Feature::Danceability, Feature::Tempo})
        seed[std::size_t(index(f))] = kSeedValues[std::size_t(index(f))];
    parts.add("Seed", "S", seed);
    FeatureValues alike = randomFeatureValues(rng);
    for (Feature f : {Feature::Energy, Feature::Danceability, Feature::Tempo})
        alike[std::size_t(index(f))] = kSeedValues[std::size_t(index(f))];
    parts.add("Alike where known", "A", alike);
    for (int i = 0; i < 30; ++i)
        parts.add(QStringLiteral("Other %1").arg(i), "B", randomFeatureValues(rng));
    const Recommender recommender(parts.build());

    const auto got = recommendOrFail(recommender, contentRequest(0, 5));
    QVERIFY(!got.empty());
    QCOMPARE(got.front().row, 1);
    QVERIFY(std::abs(got.front().score - 1.0f) < 1e-5f);
}

// A candidate missing some features is ranked on the others; one with none is not ranked.
void TestContentRanker::partialCandidatesAreRankedAndEmptyOnesNot()
{
    std::mt19937 rng(8);
    CatalogParts parts;
    parts.add("Seed", "S", kSeedValues);
    FeatureValues tempoOnly{kNaN, kNaN, kNaN, kNaN, kNaN, kNaN, kNaN, kNaN, kNaN, kNaN, kNaN};
    tempoOnly[std::size_t(index(Feature::Tempo))] = 121.0f;
    parts.add("Tempo only", "A", tempoOnly);
    FeatureValues noValence = kSeedValues;
    noValence[std::size_t(index(Feature::Valence))] = kNaN;
    parts.add("All but valence", "B", noValence);
    parts.add("Nothing known", "C", FeatureValues{kNaN, kNaN, kNaN, kNaN, kNaN, kNaN, kNaN, kNaN, kNaN, kNaN, kNaN});
    for (int i = 0; i < 30; ++i)
        parts.add(QStringLiteral("Other %1").arg(i), "D", randomFeatureValues(rng));
    const auto catalog = parts.build();
    const Recommender recommender(catalog);

    const auto got = recommendOrFail(recommender, contentRequest(0, catalog->size()));
    std::set<int> rows;
    for (const Recommendation &r : got)
        rows.insert(r.row);
    QVERIFY(rows.count(1));
    QCOMPARE(got.front().row, 2);
    QVERIFY(!rows.count(3));
    compareWithReference(got, contentReference(*catalog, 0, {}), catalog->size());
}

void TestContentRanker::matchesReference_data()
{
    QTest::addColumn<int>("size");
    QTest::addColumn<unsigned>("seed");
    QTest::addColumn<int>("k");
    QTest::addColumn<FeatureWeights>("weights");
    QTest::addColumn<bool>("excludePlaylist");

    QTest::newRow("200 tracks, equal weights") << 200 << 1u << 10 << FeatureWeights() << false;
    QTest::newRow("500 tracks, equal weights, top 100") << 500 << 42u << 100 << FeatureWeights() << false;
    QTest::newRow("300 tracks, tempo and key count more")
        << 300 << 9u << 20 << weightsWith({{Feature::Tempo, 3.0f}, {Feature::Key, 2.0f}}) << false;
    QTest::newRow("300 tracks, some features ignored")
        << 300 << 13u << 20
        << weightsWith(
               {{Feature::Loudness, 0.0f}, {Feature::Mode, 0.0f}, {Feature::Liveness, 0.0f}, {Feature::Energy, 0.25f}})
        << false;
    QTest::newRow("250 tracks, playlist left out") << 250 << 21u << 30 << FeatureWeights() << true;
    QTest::newRow("60 tracks, k above n") << 60 << 3u << 1000 << FeatureWeights() << true;
}

void TestContentRanker::matchesReference()
{
    QFETCH(int, size);
    QFETCH(unsigned, seed);
    QFETCH(int, k);
    QFETCH(FeatureWeights, weights);
    QFETCH(bool, excludePlaylist);

    const auto catalog = randomCatalogParts(size, seed).build();
    const Recommender recommender(catalog);
    const std::vector<int> seeds = seedRowsOf(*catalog, 20);
    QVERIFY(seeds.size() >= 10);
    for (int seedRow : seeds) {
        for (int playlist = 0; playlist < (excludePlaylist ? 3 : 1); ++playlist) {
            const ContentOptions options{weights, excludePlaylist ? playlist : -1, excludePlaylist};
            const auto got = recommendOrFail(recommender, contentRequest(seedRow, k, options));
            compareWithReference(got, contentReference(*catalog, seedRow, options), k);
            if (QTest::currentTestFailed())
                QFAIL(qPrintable(QStringLiteral("seed row %1, playlist %2").arg(seedRow).arg(playlist)));
        }
    }
}

void TestContentRanker::scanMatchesReferenceAtBlockEdges_data()
{
    // rankContent scores rows in blocks of FeatureSpace::kPackedLanes, the last one padded:
    // catalogs just below, at and above block edges, with rows that cannot be ranked, exact
    // ties (rows with the very same features) and excluded rows inside blocks.
    QTest::addColumn<int>("size");
    QTest::addColumn<unsigned>("seed");
    QTest::addColumn<int>("k");
    QTest::addColumn<float>("soundWeight");
    const int lanes = FeatureSpace::kPackedLanes;
    for (int size : {1, lanes - 1, lanes, lanes + 1, 2 * lanes + 1, 97})
        for (int k : {1, 5, 1000})
            for (float soundWeight : {0.0f, kArtistSoundWeight, 3.0f})
                QTest::addRow("%d tracks, top %d, artists' sound %g", size, k, double(soundWeight))
                    << size << unsigned(size * 31 + k) << k << soundWeight;
}

void TestContentRanker::scanMatchesReferenceAtBlockEdges()
{
    QFETCH(int, size);
    QFETCH(unsigned, seed);
    QFETCH(int, k);
    QFETCH(float, soundWeight);

    const auto catalog = randomCatalogParts(size, seed).build();
    const FeatureSpace space(*catalog);
    const FeatureSpace::Weights equal = FeatureWeights().values;
    for (int seedRow : seedRowsOf(*catalog, 8)) {
        // The seed and every third row from it are left out.
        std::set<int> excluded;
        for (int row = seedRow; row < catalog->size(); row += 3)
            excluded.insert(row);
        const std::vector<int> excludedSorted(excluded.begin(), excluded.end());
        std::vector<Recommendation> got;
        for (const ScoredRow &scored : rankContent(space, seedRow, k, equal, excludedSorted, soundWeight))
            got.push_back({scored.row, scored.score, {}, 0, false});
        compareWithReference(got, scanReference(*catalog, seedRow, excluded, soundWeight), k);
    }
}

void TestContentRanker::zeroVarianceFeatureContributesNothing()
{
    // Liveness is 0.3 on every track: it cannot tell tracks apart, so ranking is as if its weight
    // were 0, and it is never named as a matching feature.
    CatalogParts parts = randomCatalogParts(200, 17);
    for (AudioFeatures &features : parts.features)
        if (features.has(Feature::Liveness))
            features.set(Feature::Liveness, 0.3f, FeatureSource::Catalog);
    const auto catalog = parts.build();
    const Recommender recommender(catalog);
    for (int seedRow : seedRowsOf(*catalog, 10)) {
        const auto equal = recommendOrFail(recommender, contentRequest(seedRow, 30));
        const ContentOptions ignored{weightsWith({{Feature::Liveness, 0.0f}})};
        const auto without = recommendOrFail(recommender, contentRequest(seedRow, 30, ignored));
        QCOMPARE(rowsOf(equal), rowsOf(without));
        for (std::size_t i = 0; i < equal.size(); ++i) {
            QVERIFY(std::isfinite(equal[i].score));
            QCOMPARE(equal[i].score, without[i].score);
            QVERIFY(std::find(equal[i].matchingFeatures.begin(), equal[i].matchingFeatures.end(), Feature::Liveness)
                    == equal[i].matchingFeatures.end());
        }
        compareWithReference(equal, contentReference(*catalog, seedRow, {}), 30);
    }
}

void TestContentRanker::zeroWeightHasNoInfluence_data()
{
    QTest::addColumn<Feature>("feature");
    for (Feature f : kAllFeatures)
        QTest::newRow(qPrintable(featureKey(f))) << f;
}

void TestContentRanker::zeroWeightHasNoInfluence()
{
    // With the feature's weight at 0, giving every candidate a new value of it changes nothing.
    QFETCH(Feature, feature);
    const CatalogParts parts = randomCatalogParts(300, 23);
    const auto catalog = parts.build();
    const FeatureWeights weights = weightsWith({{feature, 0.0f}});
    const Recommender before(catalog);
    for (int seedRow : seedRowsOf(*catalog, 8)) {
        CatalogParts changed = parts;
        std::mt19937 rng{static_cast<unsigned>(seedRow)};
        for (std::size_t i = 0; i < changed.features.size(); ++i)
            if (int(i) != seedRow && changed.features[i].has(feature))
                changed.features[i].set(feature, randomFeatureValue(rng, feature), FeatureSource::Catalog);
        const Recommender after(changed.build());

        const auto a = recommendOrFail(before, contentRequest(seedRow, 40, {weights}));
        const auto b = recommendOrFail(after, contentRequest(seedRow, 40, {weights}));
        QCOMPARE(a.size(), std::size_t(40));
        QCOMPARE(rowsOf(a), rowsOf(b));
        for (std::size_t i = 0; i < a.size(); ++i) {
            QCOMPARE(a[i].score, b[i].score);
            QCOMPARE(a[i].matchingFeatures, b[i].matchingFeatures);
            QVERIFY(std::find(a[i].matchingFeatures.begin(), a[i].matchingFeatures.end(), feature)
                    == a[i].matchingFeatures.end());
        }
        // ...while with its weight at 1 the change does move the ranking.
        const auto c = recommendOrFail(before, contentRequest(seedRow, 40));
        const auto d = recommendOrFail(after, contentRequest(seedRow, 40));
        QVERIFY(rowsOf(c) != rowsOf(d) || c.front().score != d.front().score);
    }
}

void TestContentRanker::allWeightsZeroGivesZeroScores()
{
    const auto catalog = randomCatalogParts(80, 31).build();
    const Recommender recommender(catalog);
    FeatureWeights none;
    none.values.fill(0.0f);
    const int seedRow = seedRowsOf(*catalog, 1).front();
    const auto got = recommendOrFail(recommender, contentRequest(seedRow, 1000, {none}));
    QVERIFY(!got.empty());
    for (std::size_t i = 0; i < got.size(); ++i) {
        QCOMPARE(got[i].score, 0.0f);
        QVERIFY(got[i].matchingFeatures.empty());
        if (i > 0)
            QVERIFY(got[i - 1].row < got[i].row);
    }
    compareWithReference(got, contentReference(*catalog, seedRow, {none}), 1000);
}

void TestContentRanker::keyIsCircular()
{
    // Candidates equal to the seed (key C) but for the key: B (11) is as close as C♯ (1), the
    // same key is closest and F♯ (6), across the circle, is furthest.
    CatalogParts parts;
    parts.add("Seed", "A", kSeedValues);
    const std::vector<float> keys{11.0f, 6.0f, 1.0f, 0.0f, 3.0f, 9.0f};
    for (float key : keys) {
        FeatureValues values = kSeedValues;
        values[std::size_t(index(Feature::Key))] = key;
        parts.add(QStringLiteral("Key %1").arg(key), "B", values);
    }
    // Spread on the other features, so they are informative.
    std::mt19937 rng(5);
    for (int i = 0; i < 20; ++i)
        parts.add(QStringLiteral("Filler %1").arg(i), "C", randomFeatureValues(rng));
    const auto catalog = parts.build();
    const Recommender recommender(catalog);

    const FeatureWeights keyOnly = [] {
        FeatureWeights w;
        w.values.fill(0.0f);
        w[Feature::Key] = 1.0f;
        return w;
    }();
    for (const FeatureWeights &weights : {FeatureWeights(), keyOnly}) {
        const auto got = recommendOrFail(recommender, contentRequest(0, 1000, {weights}));
        std::map<int, float> scoreOf;
        for (const Recommendation &r : got)
            scoreOf[r.row] = r.score;
        const float b = scoreOf.at(1), fSharp = scoreOf.at(2), cSharp = scoreOf.at(3), c = scoreOf.at(4);
        QVERIFY(std::abs(b - cSharp) < 1e-6f);
        QVERIFY(c > cSharp);
        QVERIFY(cSharp > scoreOf.at(5));  // D♯ is further than C♯
        QVERIFY(scoreOf.at(5) > fSharp);
        QVERIFY(std::abs(scoreOf.at(6) - scoreOf.at(5)) < 1e-6f);  // A (9) is as far as D♯ (3)
        // With equal scores the lower row comes first.
        const auto rows = rowsOf(got);
        QVERIFY(std::find(rows.begin(), rows.end(), 1) < std::find(rows.begin(), rows.end(), 3));
        compareWithReference(got, contentReference(*catalog, 0, {weights}), 1000);
    }
}

void TestContentRanker::undetectedTempoSitsAtTheMean()
{
    CatalogParts parts = randomCatalogParts(120, 37);
    parts.features[3].set(Feature::Tempo, 0.0f, FeatureSource::Catalog);
    parts.features[4].set(Feature::Tempo, 0.0f, FeatureSource::Catalog);
    parts.features[4].set(Feature::Key, -1.0f, FeatureSource::Catalog);
    const auto catalog = parts.build();
    QVERIFY(catalog->hasFeatures(3) && catalog->hasFeatures(4));
    const Recommender recommender(catalog);
    for (int seedRow : {3, 4, 10}) {
        const auto got = recommendOrFail(recommender, contentRequest(seedRow, 1000));
        compareWithReference(got, contentReference(*catalog, seedRow, {}), 1000);
        for (const Recommendation &r : got) {
            QVERIFY(std::isfinite(r.score));
            if (seedRow == 3 || r.row == 3 || seedRow == 4 || r.row == 4)
                QVERIFY(std::find(r.matchingFeatures.begin(), r.matchingFeatures.end(), Feature::Tempo)
                        == r.matchingFeatures.end());
        }
    }
}

void TestContentRanker::excludesCopiesOfTheSeed()
{
    CatalogParts parts;
    parts.add("Hello", "Adele", kSeedValues);
    parts.add("HELLO!", "adele", kSeedValues);         // a copy: same song, written differently
    parts.add("Hello", "Lionel Richie", kSeedValues);  // another song with the same title
    FeatureValues near = kSeedValues;
    near[0] = 0.45f;
    parts.add("Hello (Live)", "Adele", near);  // a different recording
    std::mt19937 rng(8);
    for (int i = 0; i < 10; ++i)
        parts.add(QStringLiteral("Filler %1").arg(i), "C", randomFeatureValues(rng));
    const auto catalog = parts.build();
    const Recommender recommender(catalog);

    for (int seedRow : {0, 1}) {
        const auto rows = rowsOf(recommendOrFail(recommender, contentRequest(seedRow, 1000)));
        QCOMPARE(rows.size(), std::size_t(catalog->size() - 2));
        QVERIFY(std::find(rows.begin(), rows.end(), 0) == rows.end());
        QVERIFY(std::find(rows.begin(), rows.end(), 1) == rows.end());
        QCOMPARE(rows.front(), 2);
        QCOMPARE(rows[1], 3);
    }
}

void TestContentRanker::anArtistWhoSoundsAlikeComesFirst()
{
    // Two styles far apart. The seed's artist and "Alike" play the first; "Other" plays the
    // second, except for one song ("Near") closer to the seed than Alike's "Echo" is.
    FeatureValues loud{0.9f, 0.95f, 7.0f, -3.0f, 0.0f, 0.3f, 0.01f, 0.0f, 0.6f, 0.9f, 170.0f};
    const auto shifted = [](FeatureValues values, float by) {
        values[0] += by;
        values[1] -= by;
        values[9] += by;
        return values;
    };
    CatalogParts parts;
    parts.add("Seed", "Seed Artist", kSeedValues);
    parts.add("Seed Two", "Seed Artist", shifted(kSeedValues, 0.05f));
    parts.add("Alike One", "Alike", shifted(kSeedValues, -0.04f));
    parts.add("Alike Two", "Alike", shifted(kSeedValues, 0.06f));
    parts.add("Echo", "Alike", shifted(kSeedValues, 0.22f));
    parts.add("Near", "Other", shifted(kSeedValues, 0.12f));
    for (int i = 0; i < 4; ++i)
        parts.add(QStringLiteral("Loud %1").arg(i), "Other", shifted(loud, -0.02f * float(i)));
    const auto catalog = parts.build();
    const FeatureSpace space(*catalog);
    const FeatureSpace::Weights equal = FeatureWeights().values;
    const std::vector<int> seedOnly{0};
    const auto position = [](const std::vector<ScoredRow> &ranked, int row) {
        return std::find_if(ranked.begin(), ranked.end(), [row](const ScoredRow &s) { return s.row == row; })
            - ranked.begin();
    };
    const int echo = 4;
    const int near = 5;

    const std::vector<ScoredRow> bySongs = rankContent(space, 0, catalog->size(), equal, seedOnly);
    QVERIFY(position(bySongs, near) < position(bySongs, echo));
    const std::vector<ScoredRow> byArtists =
        rankContent(space, 0, catalog->size(), equal, seedOnly, kArtistSoundWeight);
    QVERIFY(position(byArtists, echo) < position(byArtists, near));
    // The seed's own artist sounds most like it: its other song leads.
    QCOMPARE(byArtists.front().row, 1);
}

void TestContentRanker::excludesPlaylistTracks_data()
{
    QTest::addColumn<int>("playlistIndex");
    QTest::addColumn<bool>("exclude");
    QTest::addColumn<bool>("expectExcluded");

    QTest::newRow("left out") << 0 << true << true;
    QTest::newRow("kept when not asked") << 0 << false << false;
    QTest::newRow("no playlist") << -1 << true << false;
    QTest::newRow("playlist index out of range") << 7 << true << false;
}

void TestContentRanker::excludesPlaylistTracks()
{
    QFETCH(int, playlistIndex);
    QFETCH(bool, exclude);
    QFETCH(bool, expectExcluded);

    CatalogParts parts = randomCatalogParts(100, 41);
    Playlist playlist;
    playlist.id = "mine";
    const std::vector<int> inPlaylist{5, 6, 20, 33, 71};
    for (int row : inPlaylist)
        playlist.trackIds.push_back(syntheticTrackId(row));
    parts.playlists = {playlist};
    // The closest tracks there are: the seed's sound, by an artist who has no other.
    for (int row : inPlaylist) {
        parts.features[std::size_t(row)] = audioFeatures(kSeedValues);
        parts.tracks[std::size_t(row)].artists = QStringList{QStringLiteral("Seedling")};
    }
    parts.features[50] = audioFeatures(kSeedValues);
    parts.tracks[50].artists = QStringList{QStringLiteral("Seedling")};
    const auto catalog = parts.build();
    const Recommender recommender(catalog);

    const ContentOptions options{FeatureWeights(), playlistIndex, exclude};
    const auto rows = rowsOf(recommendOrFail(recommender, contentRequest(50, 1000, options)));
    for (int row : inPlaylist)
        QCOMPARE(std::find(rows.begin(), rows.end(), row) == rows.end(), expectExcluded);
    const std::vector<int> best(rows.begin(), rows.begin() + 5);
    if (!expectExcluded)
        QCOMPARE(best, inPlaylist);
}

void TestContentRanker::listsEachSongOnce()
{
    // Three copies of one song (single, album, remaster) sit right next to the seed; the list
    // names the song once, by its best copy, and still fills up to k with other songs.
    CatalogParts parts;
    parts.add("Seed", "A", kSeedValues);
    FeatureValues nearest = kSeedValues;
    nearest[index(Feature::Energy)] += 0.01f;
    FeatureValues near = kSeedValues;
    near[index(Feature::Energy)] += 0.02f;
    parts.add("Twin", "B", near);
    parts.add("twin", "b", nearest);
    parts.add("TWIN!", "B", near);
    std::mt19937 rng(5);
    for (int i = 0; i < 30; ++i)
        parts.add(QStringLiteral("Other %1").arg(i), "C", randomFeatureValues(rng));
    const Recommender recommender(parts.build());

    const auto rows = rowsOf(recommendOrFail(recommender, contentRequest(0, 10)));
    QCOMPARE(rows.size(), std::size_t(10));
    QCOMPARE(rows.front(), 2);
    for (int copy : {1, 3})
        QVERIFY(std::find(rows.begin(), rows.end(), copy) == rows.end());

    // Asking for more songs than there are gives every song once.
    QCOMPARE(recommendOrFail(recommender, contentRequest(0, 1000)).size(), std::size_t(31));
}

void TestContentRanker::anExactTieGoesToTheLowerRowWhateverTheSlots()
{
    // A and B play the same two songs' sounds, so they sound alike and their copies tie exactly.
    // Slots follow the artists, so A's "Close" (row 4) comes before B's (row 3): the scan must
    // still let the lower row win the tie, with and without the artists' sound.
    FeatureValues close = kSeedValues;
    close[index(Feature::Energy)] += 0.02f;
    FeatureValues far = kSeedValues;
    far[index(Feature::Energy)] -= 0.3f;
    far[index(Feature::Tempo)] += 30.0f;
    CatalogParts parts;
    parts.add("Seed", "Seed Artist", kSeedValues);
    parts.add("Far A", "A", far);
    parts.add("Far B", "B", far);
    parts.add("Close B", "B", close);
    parts.add("Close A", "A", close);
    std::mt19937 rng(11);
    for (int i = 0; i < 20; ++i)
        parts.add(QStringLiteral("Other %1").arg(i), "C", randomFeatureValues(rng));
    const auto catalog = parts.build();
    const FeatureSpace space(*catalog);
    const int closeB = 3;
    const int closeA = 4;
    QVERIFY(space.slotOf(closeA) < space.slotOf(closeB));

    const FeatureSpace::Weights equal = FeatureWeights().values;
    const std::vector<int> seedOnly{0};
    for (float soundWeight : {0.0f, kArtistSoundWeight}) {
        const std::vector<ScoredRow> best = rankContent(space, 0, 1, equal, seedOnly, soundWeight);
        QCOMPARE(best.size(), std::size_t(1));
        QCOMPARE(best.front().row, closeB);
        const std::vector<ScoredRow> both = rankContent(space, 0, 2, equal, seedOnly, soundWeight);
        QCOMPARE(both.size(), std::size_t(2));
        QCOMPARE(both[1].row, closeA);
        QCOMPARE(both[1].score, both[0].score);
    }
}

void TestContentRanker::matchingFeaturesAreTheRarestMatches()
{
    // Most of the library shares the seed's mode and has no instrumental part, so matching the
    // seed there says little. Energy and tempo, on which no other track comes near the seed, are
    // what the candidate really has in common with it.
    CatalogParts parts;
    parts.add("Seed", "A", {0.5f, 0.6f, 0.0f, -8.0f, 1.0f, 0.1f, 0.2f, 0.0f, 0.1f, 0.4f, 120.0f});
    parts.add("Candidate", "B", {0.95f, 0.61f, 6.0f, -25.0f, 1.0f, 0.45f, 0.9f, 0.0f, 0.9f, 0.95f, 120.5f});
    for (int i = 0; i < 40; ++i) {
        const float t = float(i) / 39.0f;
        parts.add(QStringLiteral("Filler %1").arg(i), "C",
                  {t, 0.3f * t, float(i % 12), -5.0f - 20.0f * t, i < 36 ? 1.0f : 0.0f, t, t, i < 34 ? 0.0f : 0.5f, t,
                   t, 60.0f + 40.0f * t});
    }
    const Recommender recommender(parts.build());

    const auto find = [&](const FeatureWeights &weights) {
        const auto got = recommendOrFail(recommender, contentRequest(0, 1000, {weights}));
        for (const Recommendation &r : got)
            if (r.row == 1)
                return r.matchingFeatures;
        return FeatureSpace::FeatureList{};
    };
    const FeatureSpace::FeatureList named = find(FeatureWeights());
    QCOMPARE(named.size(), std::size_t(3));
    QCOMPARE(named[0], Feature::Energy);
    QCOMPARE(named[1], Feature::Tempo);
    for (Feature common : {Feature::Mode, Feature::Instrumentalness})
        QVERIFY(std::find(named.begin(), named.end(), common) == named.end());
    // A feature with weight 0 is never named.
    const auto withoutEnergy = find(weightsWith({{Feature::Energy, 0.0f}}));
    QCOMPARE(withoutEnergy.size(), std::size_t(3));
    QCOMPARE(withoutEnergy[0], Feature::Tempo);
    QVERIFY(std::find(withoutEnergy.begin(), withoutEnergy.end(), Feature::Energy) == withoutEnergy.end());
}

QTEST_GUILESS_MAIN(TestContentRanker)
#include "tst_contentranker.moc"
