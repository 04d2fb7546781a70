#pragma once

#include "recommend/recommender.h"

class QSettings;

namespace encore {

// What the user set up for ranking, kept between sessions.
struct RankingOptions {
    static constexpr int kDefaultK = 20;
    static constexpr int kMaxK = 200;
    static constexpr float kMaxWeight = 2.0f;

    RankingMethod method = RankingMethod::Content;
    FeatureWeights weights;
    int k = kDefaultK;
    bool excludePlaylistTracks = false;

    friend bool operator==(const RankingOptions &, const RankingOptions &) = default;
};

// Reads the options under "ranking/", falling back to the defaults for anything missing or
// out of range.
RankingOptions loadRankingOptions(const QSettings &settings);
void saveRankingOptions(QSettings &settings, const RankingOptions &options);

}  // namespace encore
