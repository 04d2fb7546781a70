#pragma once

#include "catalog/catalog.h"
#include "recommend/recommender.h"

#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace encore {

// One song of a list to keep: a catalog row, and what Encore said of it when it was recommended.
struct TrackListEntry {
    int row = -1;                // catalog row
    int rank = 0;                // 1-based place in the recommendations, or in the playlist
    std::optional<float> score;  // set for recommendations only
    QString why;                 // the explanation of a recommendation; empty for a playlist
};

// Songs to export, copy or save elsewhere, in the order they are kept.
struct TrackList {
    std::shared_ptr<const Catalog> catalog;
    std::vector<TrackListEntry> entries;

    bool isEmpty() const { return entries.empty(); }
};

// The entry for `recommendation`, ranked `rank`, explained against the seed at `seedRow` (-1 for
// a playlist seed) as the window and the CLI explain it.
TrackListEntry recommendationEntry(const Catalog &catalog, int seedRow, const Recommendation &recommendation, int rank);
// A whole ranking, ranked 1, 2, … in its order.
TrackList recommendationList(std::shared_ptr<const Catalog> catalog, int seedRow,
                             const std::vector<Recommendation> &recommendations);
// A library playlist in its order, ranked by position.
TrackList playlistList(std::shared_ptr<const Catalog> catalog, int playlistIndex);

// https://open.spotify.com/track/<id>: what every player and editor recognises as the song; for a
// song Discover found only on Deezer ("deezer:<id>"), its page there.
QString trackWebLink(const QString &trackId);

}  // namespace encore
