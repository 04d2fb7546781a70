#include "recommender.h"

#include "contentranker.h"
#include "featurespace.h"
#include "tutorialranker.h"
#include "util/logging.h"

#include <QElapsedTimer>

#include <algorithm>
#include <unordered_set>

namespace encore {

namespace {

// How many features Recommendation::matchingFeatures names at most.
constexpr int kMatchingFeatureCount = 3;

// The best k rows with at most one copy of each song (same title and main artist): a list
// holding the single and the album version of one song shows the user the same music twice.
// `rank(n)` returns the best n rows; asks for more until k songs are found or rows run out.
template <typename RankFn>
std::vector<ScoredRow> bestOfEachSong(const FeatureSpace &space, int k, RankFn &&rank)
{
    for (int fetch = k + k / 2 + 8;; fetch *= 2) {
        const std::vector<ScoredRow> ranked = rank(fetch);
        std::vector<ScoredRow> kept;
        kept.reserve(static_cast<std::size_t>(k));
        std::unordered_set<int> songs;  // a song is named by the first row of its copies
        for (const ScoredRow &scored : ranked) {
            if (songs.insert(space.copiesOf(scored.row).front()).second)
                kept.push_back(scored);
            if (static_cast<int>(kept.size()) == k)
                return kept;
        }
        if (static_cast<int>(ranked.size()) < fetch)
            return kept;
    }
}

}  // namespace

QString rankingMethodName(RankingMethod method)
{
    switch (method) {
    case RankingMethod::Tutorial: return QStringLiteral("tutorial");
    case RankingMethod::Content: return QStringLiteral("content");
    }
    return {};
}

std::optional<RankingMethod> rankingMethodFromName(const QString &name)
{
    const QString key = name.trimmed();
    for (RankingMethod method : {RankingMethod::Tutorial, RankingMethod::Content})
        if (key.compare(rankingMethodName(method), Qt::CaseInsensitive) == 0)
            return method;
    return std::nullopt;
}

struct Recommender::Impl {
    std::shared_ptr<const Catalog> catalog;
    FeatureSpace space;
};

Recommender::Recommender(std::shared_ptr<const Catalog> catalog)
    : m_impl(std::make_unique<Impl>())
{
    if (!catalog)
        catalog = std::make_shared<const Catalog>();
    QElapsedTimer timer;
    timer.start();
    m_impl->space = FeatureSpace(*catalog);
    m_impl->catalog = std::move(catalog);
    qCDebug(lcRecommend) << "feature space built:" << m_impl->space.rankableCount() << "of"
                         << m_impl->space.size() << "tracks rankable, in" << timer.elapsed() << "ms";
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

Result<std::vector<Recommendation>> Recommender::recommend(const RankingRequest &request) const
{
    const Catalog &catalog = *m_impl->catalog;
    const FeatureSpace &space = m_impl->space;
    const int seed = request.seedRow;
    if (seed < 0 || seed >= catalog.size())
        return Error{ErrorKind::NotFound, QStringLiteral("The seed track is not in this library.")};
    if (!space.isRankable(seed)) {
        const QString title = catalog.track(seed).name.isEmpty() ? QStringLiteral("This track")
                                                                 : catalog.track(seed).name;
        return Error{ErrorKind::Unavailable,
                     QStringLiteral("%1 has no audio features, so it cannot be used as a seed.").arg(title)};
    }
    if (request.k <= 0)
        return std::vector<Recommendation>{};

    std::vector<ScoredRow> ranked;
    FeatureSpace::Weights explainWeights;
    switch (request.method) {
    case RankingMethod::Tutorial: {
        // The baseline, reproduced exactly: only the seed itself is left out (and, as always,
        // tracks without features). Copies of the seed and the playlist's tracks may appear.
        const int excluded[] = {seed};
        ranked = rankTutorial(space, seed, request.k, excluded);
        explainWeights.fill(1.0f);  // the tutorial has no weights: explain with every feature
        break;
    }
    case RankingMethod::Content: {
        const std::span<const int> copies = space.copiesOf(seed);
        std::vector<int> excluded(copies.begin(), copies.end());
        if (request.excludePlaylistTracks && request.playlistIndex >= 0
            && request.playlistIndex < static_cast<int>(catalog.playlists().size())) {
            const std::vector<int> &inPlaylist = catalog.playlistRows(request.playlistIndex);
            excluded.insert(excluded.end(), inPlaylist.begin(), inPlaylist.end());
            std::sort(excluded.begin(), excluded.end());
            excluded.erase(std::unique(excluded.begin(), excluded.end()), excluded.end());
        }
        ranked = bestOfEachSong(space, request.k, [&](int fetch) {
            return rankContent(space, seed, fetch, request.weights.values, excluded);
        });
        explainWeights = request.weights.values;
        break;
    }
    default:
        return Error{ErrorKind::NotFound, QStringLiteral("That ranking method does not exist.")};
    }

    std::vector<Recommendation> recommendations;
    recommendations.reserve(ranked.size());
    for (const ScoredRow &scored : ranked) {
        recommendations.push_back(
            {scored.row, scored.score,
             space.closestFeatures(seed, scored.row, explainWeights, kMatchingFeatureCount)});
    }
    return recommendations;
}

}  // namespace encore
