#include "evaluation.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <limits>
#include <unordered_set>

namespace encore {

namespace {

// The grid tuneHybrid() searches.
constexpr float kAlphaGrid[] = {0.05f, 0.1f, 0.2f, 0.35f, 0.5f, 0.7f};
constexpr float kPopularityGrid[] = {0.0f, 0.01f, 0.03f};
constexpr float kDiversityGrid[] = {0.0f, 0.05f, 0.1f};

// Rows with features, except the seed: what every method chooses from.
std::vector<int> candidateRows(const FeatureSpace &space, int seedRow)
{
    std::vector<int> rows;
    rows.reserve(static_cast<std::size_t>(space.rankableCount()));
    for (int row = 0; row < space.size(); ++row)
        if (space.knownCount(row) > 0 && row != seedRow)
            rows.push_back(row);
    return rows;
}

std::vector<int> rankRandomly(const FeatureSpace &space, int seedRow, int k, EvalRandom &random)
{
    std::vector<int> rows = candidateRows(space, seedRow);
    const int count = std::min(k, static_cast<int>(rows.size()));
    for (int i = 0; i < count; ++i)  // a partial Fisher-Yates shuffle
        std::swap(rows[static_cast<std::size_t>(i)],
                  rows[static_cast<std::size_t>(i + random.below(static_cast<int>(rows.size()) - i))]);
    rows.resize(static_cast<std::size_t>(count));
    return rows;
}

std::vector<int> rankByPopularity(const Recommender &recommender, int seedRow, int k)
{
    const FeatureSpace &space = recommender.featureSpace();
    const PopularityPrior &prior = recommender.hybridRanker().popularity();
    const int excluded[] = {seedRow};
    std::vector<int> rows;
    for (const ScoredRow &scored : selectTopK(space.rankable(), excluded, k, [&](int row) { return prior.at(row); }))
        rows.push_back(scored.row);
    return rows;
}

std::vector<int> rankWith(const Recommender &recommender, RankingMethod method, const EvalPair &pair, int k,
                          const HybridSettings &hybrid)
{
    RankingRequest request;
    request.seedRow = pair.seedRow;
    request.k = k;
    request.method = method;
    request.hybrid = hybrid;
    request.leftOutPlaylist = pair.playlist;
    std::vector<int> rows;
    const Result<std::vector<Recommendation>> ranked = recommender.recommend(request);
    if (ranked)
        for (const Recommendation &r : *ranked)
            rows.push_back(r.row);
    return rows;
}

// Better by playlist precision, then by genre precision.
bool betterThan(const MethodQuality &a, const MethodQuality &b)
{
    if (a.playlistPrecision != b.playlistPrecision)
        return a.playlistPrecision > b.playlistPrecision;
    return a.genrePrecision.value_or(0.0) > b.genrePrecision.value_or(0.0);
}

}  // namespace

QString evalMethodName(EvalMethod method)
{
    switch (method) {
    case EvalMethod::Random: return QStringLiteral("random");
    case EvalMethod::Popularity: return QStringLiteral("popularity");
    case EvalMethod::Tutorial: return rankingMethodName(RankingMethod::Tutorial);
    case EvalMethod::Content: return rankingMethodName(RankingMethod::Content);
    case EvalMethod::Hybrid: return rankingMethodName(RankingMethod::Hybrid);
    }
    return {};
}

int EvalRandom::below(int n)
{
    // The largest multiple of n that fits, so every index is equally likely.
    const std::uint64_t range = static_cast<std::uint64_t>(std::mt19937::max()) + 1;
    const std::uint64_t limit = range - range % static_cast<std::uint64_t>(n);
    std::uint64_t value = 0;
    do {
        value = m_engine();
    } while (value >= limit);
    return static_cast<int>(value % static_cast<std::uint64_t>(n));
}

void dropFeatureValues(std::vector<AudioFeatures> &features, double share, EvalRandom &random)
{
    constexpr int kResolution = 1 << 30;
    const auto threshold = static_cast<int>(std::clamp(share, 0.0, 1.0) * kResolution);
    for (AudioFeatures &track : features)
        for (Feature f : kAllFeatures)
            if (random.below(kResolution) < threshold)
                track.set(f, std::numeric_limits<float>::quiet_NaN(), FeatureSource::Missing);
}

std::vector<int> evalPlaylists(const Catalog &catalog, const FeatureSpace &space)
{
    std::vector<int> playlists;
    for (int p = 0; p < catalog.playlistCount(); ++p) {
        std::unordered_set<int> withFeatures;
        for (int row : catalog.playlistRows(p))
            if (space.knownCount(row) > 0)
                withFeatures.insert(row);
        if (static_cast<int>(withFeatures.size()) >= kMinEvalPlaylistTracks)
            playlists.push_back(p);
    }
    return playlists;
}

std::vector<EvalPair> drawEvalPairs(const Catalog &catalog, const FeatureSpace &space,
                                    const std::vector<int> &playlists, int count, EvalRandom &random)
{
    std::vector<EvalPair> pairs;
    if (playlists.empty())
        return pairs;
    for (int i = 0; i < count; ++i) {
        const int playlist = playlists[static_cast<std::size_t>(random.below(static_cast<int>(playlists.size())))];
        std::vector<int> rows;
        for (int row : catalog.playlistRows(playlist))
            if (space.knownCount(row) > 0)
                rows.push_back(row);
        std::sort(rows.begin(), rows.end());
        rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
        pairs.push_back({playlist, rows[static_cast<std::size_t>(random.below(static_cast<int>(rows.size())))]});
    }
    return pairs;
}

MethodQuality evaluateMethod(const Recommender &recommender, EvalMethod method, const std::vector<EvalPair> &pairs,
                             int k, const HybridSettings &hybrid, std::uint32_t rng)
{
    const Catalog &catalog = recommender.catalog();
    const FeatureSpace &space = recommender.featureSpace();
    const TextColumn &genres = catalog.columns().genres;
    const bool hasGenres = !genres.chars.empty();
    EvalRandom random(rng);
    double playlistHits = 0.0;
    double genreHits = 0.0;
    int genrePairs = 0;
    qint64 nanoseconds = 0;
    QElapsedTimer timer;
    for (const EvalPair &pair : pairs) {
        timer.start();
        std::vector<int> ranked;
        switch (method) {
        case EvalMethod::Random: ranked = rankRandomly(space, pair.seedRow, k, random); break;
        case EvalMethod::Popularity: ranked = rankByPopularity(recommender, pair.seedRow, k); break;
        case EvalMethod::Tutorial: ranked = rankWith(recommender, RankingMethod::Tutorial, pair, k, hybrid); break;
        case EvalMethod::Content: ranked = rankWith(recommender, RankingMethod::Content, pair, k, hybrid); break;
        case EvalMethod::Hybrid: ranked = rankWith(recommender, RankingMethod::Hybrid, pair, k, hybrid); break;
        }
        nanoseconds += timer.nsecsElapsed();

        const auto members = catalog.playlistRows(pair.playlist);
        const QStringView seedGenre = genres.view(static_cast<std::size_t>(pair.seedRow));
        int inPlaylist = 0;
        int sameGenre = 0;
        for (int row : ranked) {
            if (row != pair.seedRow && std::find(members.begin(), members.end(), row) != members.end())
                ++inPlaylist;
            if (genres.view(static_cast<std::size_t>(row)) == seedGenre)
                ++sameGenre;
        }
        playlistHits += static_cast<double>(inPlaylist) / k;
        if (!seedGenre.isEmpty()) {
            genreHits += static_cast<double>(sameGenre) / k;
            ++genrePairs;
        }
    }

    MethodQuality quality;
    quality.method = method;
    const double count = std::max<double>(1.0, static_cast<double>(pairs.size()));
    quality.playlistPrecision = playlistHits / count;
    if (hasGenres)
        quality.genrePrecision = genrePairs > 0 ? genreHits / genrePairs : 0.0;
    quality.msPerQuery = static_cast<double>(nanoseconds) / 1e6 / count;
    return quality;
}

Result<std::vector<EvalPair>> drawEvalPairs(const Recommender &recommender, const EvalOptions &options)
{
    const std::vector<int> playlists = evalPlaylists(recommender.catalog(), recommender.featureSpace());
    if (playlists.empty())
        return Error{ErrorKind::NotFound,
                     QCoreApplication::translate(
                         "encore::evaluation", "No playlist has %1 or more tracks with audio features to measure with.")
                         .arg(kMinEvalPlaylistTracks)};
    EvalRandom random(options.rng);
    return drawEvalPairs(recommender.catalog(), recommender.featureSpace(), playlists, options.seeds, random);
}

bool seedSharesAnotherPlaylist(const Cooccurrence &cooccurrence, const EvalPair &pair)
{
    const Cooccurrence::Columns &columns = cooccurrence.columns();
    if (pair.seedRow < 0 || pair.seedRow >= columns.playlistsOfTrack.size())
        return false;
    const std::span<const std::int32_t> playlists = columns.playlistsOfTrack.of(pair.seedRow);
    return std::any_of(playlists.begin(), playlists.end(), [&](std::int32_t playlist) {
        return playlist != pair.playlist && columns.tracksOfPlaylist.of(playlist).size() > 1;
    });
}

EvalSegments segmentEvalPairs(const Cooccurrence &cooccurrence, const std::vector<EvalPair> &pairs)
{
    EvalSegments segments;
    for (const EvalPair &pair : pairs)
        (seedSharesAnotherPlaylist(cooccurrence, pair) ? segments.sharing : segments.alone).push_back(pair);
    return segments;
}

Result<std::vector<MethodQuality>> evaluate(const Recommender &recommender, const EvalOptions &options,
                                            const std::vector<EvalMethod> &methods)
{
    const Result<std::vector<EvalPair>> pairs = drawEvalPairs(recommender, options);
    if (!pairs)
        return pairs.error();
    std::vector<MethodQuality> results;
    for (EvalMethod method : methods)
        results.push_back(evaluateMethod(recommender, method, *pairs, options.k, options.hybrid, options.rng));
    return results;
}

Result<TuningResult> tuneHybrid(const Recommender &recommender, const EvalOptions &options)
{
    std::vector<int> playlists = evalPlaylists(recommender.catalog(), recommender.featureSpace());
    if (playlists.size() < 2)
        return Error{ErrorKind::NotFound,
                     QCoreApplication::translate(
                         "encore::evaluation", "Tuning needs two playlists with %1 or more tracks with audio features.")
                         .arg(kMinEvalPlaylistTracks)};
    EvalRandom random(options.rng);
    for (std::size_t i = playlists.size() - 1; i > 0; --i)
        std::swap(playlists[i], playlists[static_cast<std::size_t>(random.below(static_cast<int>(i) + 1))]);
    const auto middle = playlists.begin() + static_cast<std::ptrdiff_t>(playlists.size() / 2);
    std::vector<int> tuningHalf(playlists.begin(), middle);
    std::vector<int> heldOutHalf(middle, playlists.end());
    std::sort(tuningHalf.begin(), tuningHalf.end());
    std::sort(heldOutHalf.begin(), heldOutHalf.end());
    const Catalog &catalog = recommender.catalog();
    const FeatureSpace &space = recommender.featureSpace();
    const std::vector<EvalPair> tuningPairs = drawEvalPairs(catalog, space, tuningHalf, options.seeds, random);
    const std::vector<EvalPair> heldOutPairs = drawEvalPairs(catalog, space, heldOutHalf, options.seeds, random);

    TuningResult result;
    bool first = true;
    for (float alpha : kAlphaGrid) {
        for (float popularity : kPopularityGrid) {
            for (float diversity : kDiversityGrid) {
                HybridSettings settings = options.hybrid;
                settings.alpha = alpha;
                settings.popularityWeight = popularity;
                settings.diversity = diversity;
                const MethodQuality quality =
                    evaluateMethod(recommender, EvalMethod::Hybrid, tuningPairs, options.k, settings, options.rng);
                if (first || betterThan(quality, result.onTuningHalf)) {
                    result.best = settings;
                    result.onTuningHalf = quality;
                    first = false;
                }
            }
        }
    }
    result.onHeldOutHalf =
        evaluateMethod(recommender, EvalMethod::Hybrid, heldOutPairs, options.k, result.best, options.rng);
    result.defaultsOnHeldOutHalf =
        evaluateMethod(recommender, EvalMethod::Hybrid, heldOutPairs, options.k, HybridSettings{}, options.rng);
    result.contentOnTuningHalf =
        evaluateMethod(recommender, EvalMethod::Content, tuningPairs, options.k, options.hybrid, options.rng);
    result.contentOnHeldOutHalf =
        evaluateMethod(recommender, EvalMethod::Content, heldOutPairs, options.k, options.hybrid, options.rng);
    return result;
}

}  // namespace encore
