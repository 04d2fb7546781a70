#pragma once

#include "hybridranker.h"
#include "recommender.h"
#include "util/result.h"

#include <QString>

#include <cstdint>
#include <optional>
#include <random>
#include <vector>

namespace encore {

// How well each method predicts playlists, measured by leaving one playlist out:
//  - consider the playlists with at least kMinEvalPlaylistTracks distinct tracks with features;
//  - draw (playlist P, seed s) pairs: P uniformly among them, then s uniformly among P's tracks
//    with features;
//  - each method ranks every library track with features except s, with P's membership hidden
//    from every statistic (RankingRequest::leftOutPlaylist) and nothing else known of P;
//  - playlist precision@k: the share of the top k that are other members of P; genre
//    precision@k: the share whose genre (Track::genre, from the first row a track appears on)
//    equals the seed's, over the pairs whose seed has a genre.
inline constexpr int kMinEvalPlaylistTracks = 5;

enum class EvalMethod { Random, Popularity, Tutorial, Content, Hybrid };
inline constexpr EvalMethod kAllEvalMethods[] = {EvalMethod::Random, EvalMethod::Popularity, EvalMethod::Tutorial,
                                                 EvalMethod::Content, EvalMethod::Hybrid};
QString evalMethodName(EvalMethod method);  // "random", "popularity", ...

struct EvalPair {
    int playlist = -1;
    int seedRow = -1;
    friend bool operator==(const EvalPair &, const EvalPair &) = default;
};

// The same numbers from the same seed on every platform: std::mt19937 is specified exactly,
// unlike the standard distributions, so indices are drawn by rejection here.
class EvalRandom {
public:
    explicit EvalRandom(std::uint32_t seed) : m_engine(seed) {}
    int below(int n);  // uniform in [0, n), n > 0

private:
    std::mt19937 m_engine;
};

// Removes each feature value with probability `share` (0 to 1), drawn from `random`: the same
// values go for the same seed, to measure how the methods cope with a partly known catalog.
void dropFeatureValues(std::vector<AudioFeatures> &features, double share, EvalRandom &random);

// Playlists that qualify, ascending.
std::vector<int> evalPlaylists(const Catalog &catalog, const FeatureSpace &space);
// `count` pairs drawn from `playlists` as the protocol says.
std::vector<EvalPair> drawEvalPairs(const Catalog &catalog, const FeatureSpace &space,
                                    const std::vector<int> &playlists, int count, EvalRandom &random);

struct MethodQuality {
    EvalMethod method = EvalMethod::Random;
    double playlistPrecision = 0.0;
    std::optional<double> genrePrecision;  // none when the catalog has no genres
    double msPerQuery = 0.0;
};

struct EvalOptions {
    int k = 10;
    int seeds = 1000;
    std::uint32_t rng = 7;
    HybridSettings hybrid;
};

// Fails with NotFound when no playlist qualifies.
Result<std::vector<MethodQuality>> evaluate(const Recommender &recommender, const EvalOptions &options,
                                            const std::vector<EvalMethod> &methods);

// The pairs evaluate() measures on: `options.seeds` pairs drawn with `options.rng`. Fails with
// NotFound when no playlist qualifies.
Result<std::vector<EvalPair>> drawEvalPairs(const Recommender &recommender, const EvalOptions &options);

// Whether the seed is in a playlist other than P together with some other track: only then can
// what people put with the seed itself say anything; otherwise its artist and audio must.
bool seedSharesAnotherPlaylist(const Cooccurrence &cooccurrence, const EvalPair &pair);

// The pairs split by seedSharesAnotherPlaylist(), each part in draw order.
struct EvalSegments {
    std::vector<EvalPair> sharing;
    std::vector<EvalPair> alone;
};
EvalSegments segmentEvalPairs(const Cooccurrence &cooccurrence, const std::vector<EvalPair> &pairs);

// One method on given pairs.
MethodQuality evaluateMethod(const Recommender &recommender, EvalMethod method, const std::vector<EvalPair> &pairs,
                             int k, const HybridSettings &hybrid, std::uint32_t rng);

// Choosing the hybrid defaults by cross-validation: the qualifying playlists are split in two
// halves at random; every setting in the grid is measured on pairs from the first half (by
// playlist precision, then genre precision) and the best is reported on pairs from the second.
struct TuningResult {
    HybridSettings best;
    MethodQuality onTuningHalf;
    MethodQuality onHeldOutHalf;
    MethodQuality defaultsOnHeldOutHalf;
    // The content method on each half: its artists' sound weight (kArtistSoundWeight) was chosen
    // on the tuning half of the TidyTuesday file's playlists.
    MethodQuality contentOnTuningHalf;
    MethodQuality contentOnHeldOutHalf;
};
Result<TuningResult> tuneHybrid(const Recommender &recommender, const EvalOptions &options);

}  // namespace encore
