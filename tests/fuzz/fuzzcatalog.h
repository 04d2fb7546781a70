#pragma once

// The catalog the cache harnesses read their inputs against, and the rankings every harness that
// ends in a catalog asks for.

#include "recommend/recommender.h"
#include "recommend/syntheticcatalog.h"

#include <memory>

namespace encore::fuzz {

// The library generation the cache seeds are written for.
inline constexpr qint64 kGeneration = 7;

// 40 tracks in three playlists, some without features, some copies: as a stored library gives it.
inline std::shared_ptr<const Catalog> storedCatalog()
{
    static const auto catalog =
        std::make_shared<const Catalog>(test::randomCatalogParts(40, 11).build()->columns(), kGeneration);
    return catalog;
}

// Every method from the first track, and the first playlist as the seed.
inline void rankEveryWay(const Recommender &recommender)
{
    const bool hasPlaylist = !recommender.catalog().playlists().empty();
    for (RankingMethod method : {RankingMethod::Tutorial, RankingMethod::Content, RankingMethod::Hybrid}) {
        RankingRequest request;
        request.seedRow = 0;
        request.method = method;
        request.playlistIndex = hasPlaylist ? 0 : -1;
        request.excludePlaylistTracks = hasPlaylist;
        (void)recommender.recommend(request);
    }
    if (hasPlaylist) {
        RankingRequest request;
        request.method = RankingMethod::Hybrid;
        request.playlistIndex = 0;
        request.seedIsPlaylist = true;
        (void)recommender.recommend(request);
    }
}

}  // namespace encore::fuzz
