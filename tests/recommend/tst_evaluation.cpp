// The evaluation protocol: which playlists qualify, how pairs are drawn, that the metrics are
// what they claim on a catalog whose answers are known, and that it is deterministic.

#include "recommend/evaluation.h"
#include "syntheticcatalog.h"

#include <QTest>

#include <cmath>
#include <set>

using namespace encore;
using namespace encore::test;

namespace {

// Two genres with a sound, artists and playlists of their own: four playlists of six tracks
// each, every track in two playlists of its genre. Rows 0-11 are "rock", 12-24 "jazz"; row 24
// is in a playlist of four only.
CatalogParts plantedParts()
{
    std::mt19937 rng(12);
    CatalogParts parts;
    for (int i = 0; i < 25; ++i) {
        FeatureValues values = randomFeatureValues(rng);
        const bool rock = i < 12;
        values[std::size_t(index(Feature::Energy))] = rock ? 0.9f : 0.2f;
        values[std::size_t(index(Feature::Acousticness))] = rock ? 0.05f : 0.9f;
        parts.add(QStringLiteral("Song %1").arg(i), QStringLiteral("Artist %1").arg(i % 12 / 3 + (rock ? 0 : 10)),
                  values);
        parts.tracks.back().genre = rock ? QStringLiteral("rock") : QStringLiteral("jazz");
        parts.tracks.back().popularity = i;
    }
    parts.playlists = {playlistOf("rock a", {0, 1, 2, 3, 4, 5}),       playlistOf("rock b", {6, 7, 8, 9, 10, 11}),
                       playlistOf("rock c", {0, 2, 4, 6, 8, 10}),      playlistOf("rock d", {1, 3, 5, 7, 9, 11}),
                       playlistOf("jazz a", {12, 13, 14, 15, 16, 17}), playlistOf("jazz b", {18, 19, 20, 21, 22, 23}),
                       playlistOf("jazz c", {12, 14, 16, 18, 20, 22}), playlistOf("jazz d", {13, 15, 17, 19, 21, 23}),
                       playlistOf("too short", {24, 12, 13, 14})};
    return parts;
}

}  // namespace

class TestEvaluation : public QObject {
    Q_OBJECT

private slots:
    void drawsPairsAsTheProtocolSays()
    {
        CatalogParts parts = plantedParts();
        parts.features[3] = AudioFeatures();  // row 3 has no features: never a seed
        parts.playlists.push_back(playlistOf("five, one without features", {3, 20, 21, 22, 23}));
        const Recommender recommender(parts.build());
        const std::vector<int> playlists = evalPlaylists(recommender.catalog(), recommender.featureSpace());
        QCOMPARE(playlists, std::vector<int>({0, 1, 2, 3, 4, 5, 6, 7}));

        EvalRandom random(7);
        const std::vector<EvalPair> pairs =
            drawEvalPairs(recommender.catalog(), recommender.featureSpace(), playlists, 400, random);
        QCOMPARE(pairs.size(), std::size_t(400));
        std::set<int> drawnPlaylists;
        for (const EvalPair &pair : pairs) {
            const auto members = recommender.catalog().playlistRows(pair.playlist);
            QVERIFY(std::find(members.begin(), members.end(), pair.seedRow) != members.end());
            QVERIFY(recommender.catalog().hasFeatures(pair.seedRow));
            drawnPlaylists.insert(pair.playlist);
        }
        QCOMPARE(drawnPlaylists.size(), std::size_t(8));

        EvalRandom again(7);
        QVERIFY(drawEvalPairs(recommender.catalog(), recommender.featureSpace(), playlists, 400, again) == pairs);
        EvalRandom other(8);
        QVERIFY(drawEvalPairs(recommender.catalog(), recommender.featureSpace(), playlists, 400, other) != pairs);
    }

    void segmentsBySharingAnotherPlaylist()
    {
        CatalogParts parts = plantedParts();
        parts.playlists.push_back(playlistOf("only row 24", {24}));  // playlist 9
        const Recommender recommender(parts.build());
        const Cooccurrence &cooccurrence = recommender.hybridRanker().cooccurrence();
        // Row 24 is in "too short" (8) with three others and alone in playlist 9.
        QVERIFY(!seedSharesAnotherPlaylist(cooccurrence, {8, 24}));
        QVERIFY(seedSharesAnotherPlaylist(cooccurrence, {9, 24}));
        // Row 0 is in "rock a" (0) and "rock c" (2).
        QVERIFY(seedSharesAnotherPlaylist(cooccurrence, {0, 0}));
        QVERIFY(seedSharesAnotherPlaylist(cooccurrence, {2, 0}));

        const std::vector<EvalPair> pairs{{8, 24}, {0, 0}, {9, 24}, {2, 0}, {8, 24}};
        const EvalSegments segments = segmentEvalPairs(cooccurrence, pairs);
        QVERIFY(segments.sharing == std::vector<EvalPair>({{0, 0}, {9, 24}, {2, 0}}));
        QVERIFY(segments.alone == std::vector<EvalPair>({{8, 24}, {8, 24}}));
    }

    void randomIndicesAreUniform()
    {
        EvalRandom random(1);
        std::vector<int> counts(3, 0);
        for (int i = 0; i < 3000; ++i)
            ++counts[std::size_t(random.below(3))];
        for (int count : counts)
            QVERIFY(count > 900 && count < 1100);
    }

    void metricsOnKnownAnswers()
    {
        const Recommender recommender(plantedParts().build());
        // Popularity is the row number here, all released on the same (unknown) day: the top 3
        // for any seed but 24, 23 and 22 are rows 24, 23, 22.
        const std::vector<EvalPair> pairs{{5, 18}, {0, 0}};
        const MethodQuality popularity =
            evaluateMethod(recommender, EvalMethod::Popularity, pairs, 3, HybridSettings(), 7);
        // Seed 18 in "jazz b": 23 and 22 are members (2 of 3), all three are jazz. Seed 0 in
        // "rock a": none are members or rock.
        QVERIFY(std::abs(popularity.playlistPrecision - (2.0 / 3 + 0.0) / 2) < 1e-9);
        QVERIFY(popularity.genrePrecision.has_value());
        QVERIFY(std::abs(*popularity.genrePrecision - (1.0 + 0.0) / 2) < 1e-9);

        // With P left out, the other playlists still tie each track to its genre's tracks.
        EvalOptions options;
        options.k = 5;
        options.seeds = 200;
        const auto results = evaluate(recommender, options, {EvalMethod::Random, EvalMethod::Hybrid});
        QVERIFY(results.ok());
        const MethodQuality &random = (*results)[0];
        const MethodQuality &hybrid = (*results)[1];
        QCOMPARE(random.method, EvalMethod::Random);
        QCOMPARE(*hybrid.genrePrecision, 1.0);
        QVERIFY(*random.genrePrecision < 0.7);
        QVERIFY(hybrid.playlistPrecision > 2 * random.playlistPrecision);
        QVERIFY(hybrid.msPerQuery > 0.0);

        const auto again = evaluate(recommender, options, {EvalMethod::Random, EvalMethod::Hybrid});
        QCOMPARE((*again)[0].playlistPrecision, random.playlistPrecision);
        QCOMPARE((*again)[1].playlistPrecision, hybrid.playlistPrecision);
    }

    void noGenresNoGenrePrecision()
    {
        CatalogParts parts = plantedParts();
        for (Track &track : parts.tracks)
            track.genre.clear();
        const Recommender recommender(parts.build());
        const auto results = evaluate(recommender, EvalOptions(), {EvalMethod::Content});
        QVERIFY(results.ok());
        QVERIFY(!(*results)[0].genrePrecision.has_value());
    }

    void noQualifyingPlaylistIsAnError()
    {
        CatalogParts parts = plantedParts();
        parts.playlists.resize(1);
        parts.playlists[0] = playlistOf("four", {1, 2, 3, 4});
        const Recommender recommender(parts.build());
        const auto results = evaluate(recommender, EvalOptions(), {EvalMethod::Content});
        QVERIFY(!results.ok());
        QCOMPARE(results.error().kind, ErrorKind::NotFound);
    }

    // About the share asked for goes, the same values for the same seed, others for another.
    void dropsFeatureValuesReproducibly()
    {
        const std::vector<AudioFeatures> complete = randomCatalogParts(2000, 4).features;
        const auto dropped = [&](double share, std::uint32_t seed) {
            std::vector<AudioFeatures> features = complete;
            EvalRandom random(seed);
            dropFeatureValues(features, share, random);
            return features;
        };
        const auto missingShare = [](const std::vector<AudioFeatures> &features) {
            int missing = 0;
            for (const AudioFeatures &track : features)
                for (Feature f : kAllFeatures)
                    missing += track.has(f) ? 0 : 1;
            return double(missing) / double(features.size() * kAllFeatures.size());
        };
        const double before = missingShare(complete);
        const std::vector<AudioFeatures> first = dropped(0.3, 7);
        const double after = missingShare(first);
        for (const AudioFeatures &track : first)
            for (Feature f : kAllFeatures)
                QVERIFY(track.has(f) || std::isnan(track.value(f)));
        // What was missing stays so; of the rest, 30 % go.
        QVERIFY2(std::abs(after - (before + 0.3 * (1.0 - before))) < 0.01, qPrintable(QString::number(after)));
        const auto same = [](const std::vector<AudioFeatures> &a, const std::vector<AudioFeatures> &b) {
            for (std::size_t i = 0; i < a.size(); ++i)
                for (Feature f : kAllFeatures)
                    if (a[i].has(f) != b[i].has(f))
                        return false;
            return true;
        };
        QVERIFY(same(dropped(0.3, 7), first));
        QVERIFY(!same(dropped(0.3, 8), first));
        QCOMPARE(missingShare(dropped(0.0, 7)), before);
        QCOMPARE(missingShare(dropped(1.0, 7)), 1.0);
    }

    void tuningReportsOnTheOtherHalf()
    {
        const Recommender recommender(plantedParts().build());
        EvalOptions options;
        options.k = 5;
        options.seeds = 20;
        const auto tuned = tuneHybrid(recommender, options);
        QVERIFY(tuned.ok());
        QVERIFY(tuned->onTuningHalf.playlistPrecision > 0.0);
        QCOMPARE(*tuned->onHeldOutHalf.genrePrecision, 1.0);
        QCOMPARE(tuned->contentOnHeldOutHalf.method, EvalMethod::Content);
        QCOMPARE(*tuned->contentOnHeldOutHalf.genrePrecision, 1.0);
        QVERIFY(tuned->contentOnTuningHalf.playlistPrecision > 0.0);
    }
};

QTEST_GUILESS_MAIN(TestEvaluation)
#include "tst_evaluation.moc"
