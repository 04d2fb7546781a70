#pragma once

#include "recommend/recommender.h"

class QSettings;

namespace encore {

// What the user set up for ranking, kept between sessions.
struct RankingOptions {
    static constexpr int kDefaultK = 20;
    static constexpr int kMaxK = 200;
    static constexpr float kMaxWeight = 2.0f;
    static constexpr float kMaxPopularityWeight = 0.2f;  // beyond it popularity drowns the rest
    static constexpr int kMaxPerArtistLimit = 20;
    static constexpr float kMaxPlaylistContext = 1.0f;  // the rest of the playlist as much as the seed

    RankingMethod method = RankingMethod::Hybrid;
    FeatureWeights weights;  // content, and the audio part of hybrid
    int k = kDefaultK;
    bool excludePlaylistTracks = true;  // songs the user does not have yet, by default
    bool onlyNewSongs = false;          // only songs no playlist of the library holds (discovered)
    HybridSettings hybrid;
    float playlistContext = RankingRequest().playlistContext;  // hybrid, see RankingRequest

    friend bool operator==(const RankingOptions &, const RankingOptions &) = default;
};

// Reads the options under "ranking/", falling back to the defaults for anything missing or
// out of range (feature weights and k are clamped instead).
RankingOptions loadRankingOptions(const QSettings &settings);
void saveRankingOptions(QSettings &settings, const RankingOptions &options);

}  // namespace encore
