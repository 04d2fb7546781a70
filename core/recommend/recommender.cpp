#include "recommender.h"

#include "contentranker.h"
#include "featurespace.h"
#include "rankingcache.h"
#include "tutorialranker.h"
#include "util/logging.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <future>
#include <optional>

namespace encore {

namespace {

// How many features Recommendation::matchingFeatures names at most.
constexpr int kMatchingFeatureCount = 3;
// From this many tracks on, a second thread pays for itself while building.
constexpr int kParallelBuildTracks = 50'000;
// Hybrid: how much the liked tracks count in all, against the seed's 1; and the disliked ones.
constexpr float kLikedWeight = 0.5f;
constexpr float kDislikedWeight = -0.5f;

void sortUnique(std::vector<int> &rows)
{
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
}

// Adds `rows` and every other copy of their songs (same songIdentity()), so that a playlist's
// songs stay out under any of their track ids: the single, the album, the compilation.
void addWithCopies(std::vector<int> &excluded, std::span<const int> rows, const FeatureSpace &space)
{
    for (int row : rows) {
        const std::span<const int> copies = space.copiesOf(row);
        excluded.insert(excluded.end(), copies.begin(), copies.end());
    }
}

// The row of `candidates` closest to `row` by weighted cosine in the content space (ties to the
// first), or -1 when none has features.
int closestOf(const FeatureSpace &space, std::span<const int> candidates, int row, const FeatureSpace::Weights &weights)
{
    const FeatureSpace::ContentVector w = FeatureSpace::contentWeights(weights);
    const FeatureSpace::ContentVector target = space.contentRow(row).cwiseProduct(w);
    const float targetNorm = target.norm();
    int best = -1;
    float bestCosine = -2.0f;
    for (int candidate : candidates) {
        if (space.knownCount(candidate) == 0)
            continue;
        const FeatureSpace::ContentVector other = space.contentRow(candidate).cwiseProduct(w);
        const float norms = targetNorm * other.norm();
        const float cosine = norms > 0.0f ? target.dot(other) / norms : 0.0f;
        if (cosine > bestCosine) {
            best = candidate;
            bestCosine = cosine;
        }
    }
    return best;
}

// `rows` as seeds sharing `totalWeight` equally, except `skippedRow`.
void addSeeds(std::vector<WeightedSeed> &seeds, std::span<const int> rows, float totalWeight, int skippedRow = -1)
{
    const auto count = std::count_if(rows.begin(), rows.end(), [&](int row) { return row != skippedRow; });
    if (count == 0 || totalWeight == 0.0f)
        return;
    for (int row : rows)
        if (row != skippedRow)
            seeds.push_back({row, totalWeight / static_cast<float>(count)});
}

}  // namespace

QString rankingMethodName(RankingMethod method)
{
    switch (method) {
    case RankingMethod::Tutorial: return QStringLiteral("tutorial");
    case RankingMethod::Content: return QStringLiteral("content");
    case RankingMethod::Hybrid: return QStringLiteral("hybrid");
    }
    return {};
}

std::optional<RankingMethod> rankingMethodFromName(const QString &name)
{
    const QString key = name.trimmed();
    for (RankingMethod method : {RankingMethod::Tutorial, RankingMethod::Content, RankingMethod::Hybrid})
        if (key.compare(rankingMethodName(method), Qt::CaseInsensitive) == 0)
            return method;
    return std::nullopt;
}

struct Recommender::Impl {
    std::shared_ptr<const Catalog> catalog;
    FeatureSpace space;
    HybridRanker hybrid;

    Result<std::vector<ScoredRow>> rankHybrid(const RankingRequest &request) const;
};

Result<std::vector<ScoredRow>> Recommender::Impl::rankHybrid(const RankingRequest &request) const
{
    const bool playlistKnown = request.playlistIndex >= 0 && request.playlistIndex < catalog->playlistCount();
    HybridQuery query;
    query.k = request.k;
    query.featureWeights = request.weights.values;
    query.leftOutPlaylist = request.leftOutPlaylist;
    std::vector<int> excluded = request.excludedRows;
    excluded.insert(excluded.end(), request.feedback.dislikedRows.begin(), request.feedback.dislikedRows.end());
    if (request.seedIsPlaylist) {
        if (!playlistKnown)
            return Error{ErrorKind::NotFound,
                         QCoreApplication::translate("encore::recommender", "That playlist is not in this library.")};
        const auto rows = catalog->playlistRows(request.playlistIndex);
        if (rows.empty())
            return Error{
                ErrorKind::Unavailable,
                QCoreApplication::translate("encore::recommender", "“%1” has no songs, so it cannot be used as a seed.")
                    .arg(catalog->playlists()[static_cast<std::size_t>(request.playlistIndex)].name)};
        addSeeds(query.seeds, rows, 1.0f);
        addWithCopies(excluded, rows, space);
    } else {
        query.seeds.push_back({request.seedRow, 1.0f});
        const std::span<const int> copies = space.copiesOf(request.seedRow);
        excluded.insert(excluded.end(), copies.begin(), copies.end());
        if (playlistKnown && request.playlistIndex != request.leftOutPlaylist) {
            const auto rows = catalog->playlistRows(request.playlistIndex);
            addSeeds(query.seeds, rows, std::max(request.playlistContext, 0.0f), request.seedRow);
            if (request.excludePlaylistTracks)
                addWithCopies(excluded, rows, space);
        }
    }
    addSeeds(query.seeds, request.feedback.likedRows, kLikedWeight);
    addSeeds(query.seeds, request.feedback.dislikedRows, kDislikedWeight);
    sortUnique(excluded);
    query.excludedSorted = excluded;
    return hybrid.rank(space, query, request.hybrid);
}

Recommender::Recommender(std::shared_ptr<const Catalog> catalog, const QString &rankingCachePath)
    : m_impl(std::make_unique<Impl>())
{
    if (!catalog)
        catalog = std::make_shared<const Catalog>();
    QElapsedTimer timer;
    timer.start();
    const std::optional<qint64> generation = rankingCachePath.isEmpty() ? std::nullopt : catalog->generation();
    if (generation) {
        if (std::optional<RankingColumns> cached = rankingcache::map(rankingCachePath, *generation, *catalog)) {
            m_impl->space = FeatureSpace(*catalog, std::move(cached->space));
            m_impl->hybrid = HybridRanker(*catalog, Cooccurrence(*catalog, std::move(cached->cooccurrence)),
                                          PopularityPrior(std::move(cached->popularity)));
            m_impl->catalog = std::move(catalog);
            qCDebug(lcRecommend) << "ranking data mapped from" << rankingCachePath << "in" << timer.elapsed() << "ms";
            return;
        }
    }
    // The parts need nothing of each other: a large library builds the co-occurrence (the
    // largest) on a second core while this one builds the feature space and the popularity
    // prior; a small one builds it here, when asked for it.
    const auto where = catalog->size() >= kParallelBuildTracks ? std::launch::async : std::launch::deferred;
    auto cooccurrence = std::async(where, [&catalog] { return Cooccurrence(*catalog); });
    m_impl->space = FeatureSpace(*catalog);
    PopularityPrior popularity(*catalog);
    m_impl->hybrid = HybridRanker(*catalog, cooccurrence.get(), std::move(popularity));
    m_impl->catalog = std::move(catalog);
    qCDebug(lcRecommend) << "feature space and co-occurrence built:" << m_impl->space.rankableCount() << "of"
                         << m_impl->space.size() << "tracks rankable, in" << timer.elapsed() << "ms";
    if (generation) {
        const RankingColumns built{m_impl->space.columns(), m_impl->hybrid.cooccurrence().columns(),
                                   m_impl->hybrid.popularity().values()};
        if (const Status written = rankingcache::write(built, rankingCachePath, *generation); !written)
            qCWarning(lcRecommend) << written.error().message;
    }
}

Recommender::~Recommender() = default;
Recommender::Recommender(Recommender &&) noexcept = default;
Recommender &Recommender::operator=(Recommender &&) noexcept = default;

const Catalog &Recommender::catalog() const
{
    return *m_impl->catalog;
}

const std::shared_ptr<const Catalog> &Recommender::catalogPtr() const
{
    return m_impl->catalog;
}

const FeatureSpace &Recommender::featureSpace() const
{
    return m_impl->space;
}

const HybridRanker &Recommender::hybridRanker() const
{
    return m_impl->hybrid;
}

int tracksLeftOut(const FeatureSpace &space, RankingMethod method)
{
    if (method == RankingMethod::Hybrid)
        return 0;
    int leftOut = 0;
    for (int row = 0; row < space.size(); ++row)
        leftOut += (method == RankingMethod::Tutorial ? !space.isComplete(row) : space.knownCount(row) == 0) ? 1 : 0;
    return leftOut;
}

Result<std::vector<Recommendation>> Recommender::recommend(const RankingRequest &asked) const
{
    const Catalog &catalog = *m_impl->catalog;
    // No list is longer than the library: capped before any arithmetic on k, which would
    // overflow for a k near INT_MAX.
    RankingRequest request = asked;
    request.k = std::min(asked.k, catalog.size());
    const FeatureSpace &space = m_impl->space;
    const bool playlistSeed = request.method == RankingMethod::Hybrid && request.seedIsPlaylist;
    const int seed = playlistSeed ? -1 : request.seedRow;
    if (!playlistSeed && (seed < 0 || seed >= catalog.size()))
        return Error{ErrorKind::NotFound,
                     QCoreApplication::translate("encore::recommender", "The seed track is not in this library.")};
    // The hybrid method ranks any seed (by people and the metadata when it has no features);
    // Encore's content method needs at least one feature, the tutorial method all eleven.
    const bool seedUsable = playlistSeed || request.method == RankingMethod::Hybrid
        || (request.method == RankingMethod::Content ? space.knownCount(seed) > 0 : space.isComplete(seed));
    if (!seedUsable) {
        const QString title = catalog.track(seed).name.isEmpty()
            ? QCoreApplication::translate("encore::recommender", "This track")
            : catalog.track(seed).name;
        return Error{
            ErrorKind::Unavailable,
            request.method == RankingMethod::Content
                ? QCoreApplication::translate("encore::recommender",
                                              "%1 has no audio features, so it cannot be used as a seed.")
                      .arg(title)
                : QCoreApplication::translate(
                      "encore::recommender",
                      "%1 lacks some audio features, and the tutorial method needs all eleven: choose the content or hybrid method.")
                      .arg(title)};
    }
    if (request.k <= 0)
        return std::vector<Recommendation>{};

    std::vector<ScoredRow> ranked;
    FeatureSpace::Weights explainWeights;
    switch (request.method) {
    case RankingMethod::Tutorial: {
        // The baseline, reproduced exactly: only the seed itself is left out (and, as always,
        // tracks without features, and the ones disliked for this seed). Copies of the seed and
        // the playlist's tracks may appear.
        std::vector<int> excluded = request.excludedRows;
        excluded.insert(excluded.end(), request.feedback.dislikedRows.begin(), request.feedback.dislikedRows.end());
        excluded.push_back(seed);
        sortUnique(excluded);
        ranked = rankTutorial(space, seed, request.k, excluded);
        explainWeights.fill(1.0f);  // the tutorial has no weights: explain with every feature
        break;
    }
    case RankingMethod::Content: {
        const std::span<const int> copies = space.copiesOf(seed);
        std::vector<int> excluded = request.excludedRows;
        excluded.insert(excluded.end(), copies.begin(), copies.end());
        excluded.insert(excluded.end(), request.feedback.dislikedRows.begin(), request.feedback.dislikedRows.end());
        if (request.excludePlaylistTracks && request.playlistIndex >= 0
            && request.playlistIndex < catalog.playlistCount()) {
            addWithCopies(excluded, catalog.playlistRows(request.playlistIndex), space);
        }
        sortUnique(excluded);
        // One copy of each song: a list holding the single and the album version of one song
        // shows the user the same music twice.
        ranked =
            rankContent(space, seed, request.k, request.weights.values, excluded, kArtistSoundWeight, SongCopies::Best);
        explainWeights = request.weights.values;
        break;
    }
    case RankingMethod::Hybrid: {
        Result<std::vector<ScoredRow>> hybrid = m_impl->rankHybrid(request);
        if (!hybrid)
            return hybrid.error();
        ranked = std::move(hybrid).value();
        explainWeights = request.weights.values;
        break;
    }
    default:
        return Error{ErrorKind::NotFound,
                     QCoreApplication::translate("encore::recommender", "That ranking method does not exist.")};
    }

    std::vector<Recommendation> recommendations;
    recommendations.reserve(ranked.size());
    const Cooccurrence &cooccurrence = m_impl->hybrid.cooccurrence();
    std::optional<FeatureSpace::MatchExplainer> explainer;  // for the last anchor
    for (const ScoredRow &scored : ranked) {
        const int anchor = playlistSeed
            ? closestOf(space, catalog.playlistRows(request.playlistIndex), scored.row, explainWeights)
            : seed;
        Recommendation recommendation{scored.row, scored.score, {}, 0, false, anchor};
        if (anchor >= 0) {
            if (!explainer || explainer->seedRow() != anchor)
                explainer.emplace(space, anchor, explainWeights);
            recommendation.matchingFeatures = explainer->closestFeatures(scored.row, kMatchingFeatureCount);
            recommendation.sharedPlaylists = cooccurrence.sharedPlaylists(anchor, scored.row, request.leftOutPlaylist);
            recommendation.sameArtist = cooccurrence.artistOf(anchor) >= 0
                && cooccurrence.artistOf(anchor) == cooccurrence.artistOf(scored.row);
        }
        recommendations.push_back(std::move(recommendation));
    }
    return recommendations;
}

}  // namespace encore
