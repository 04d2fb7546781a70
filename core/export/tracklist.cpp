#include "tracklist.h"

#include "discover/candidate.h"
#include "recommend/explanation.h"

namespace encore {

TrackListEntry recommendationEntry(const Catalog &catalog, int seedRow, const Recommendation &recommendation, int rank)
{
    return {recommendation.row, rank, recommendation.score, explainMatch(catalog, seedRow, recommendation)};
}

TrackList recommendationList(std::shared_ptr<const Catalog> catalog, int seedRow,
                             const std::vector<Recommendation> &recommendations)
{
    TrackList list{std::move(catalog), {}};
    list.entries.reserve(recommendations.size());
    for (std::size_t i = 0; i < recommendations.size(); ++i)
        list.entries.push_back(recommendationEntry(*list.catalog, seedRow, recommendations[i], int(i) + 1));
    return list;
}

TrackList playlistList(std::shared_ptr<const Catalog> catalog, int playlistIndex)
{
    TrackList list{std::move(catalog), {}};
    const auto rows = list.catalog->playlistRows(playlistIndex);
    list.entries.reserve(rows.size());
    int rank = 0;
    for (const std::int32_t row : rows)
        list.entries.push_back({row, ++rank, std::nullopt, {}});
    return list;
}

QString trackWebLink(const QString &trackId)
{
    if (const QString deezerId = deezerIdOf(trackId); !deezerId.isEmpty())
        return QStringLiteral("https://www.deezer.com/track/") + deezerId;
    return QStringLiteral("https://open.spotify.com/track/") + trackId;
}

}  // namespace encore
