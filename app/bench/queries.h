#pragma once

#include "recommend/recommender.h"

#include <vector>

namespace encore::bench {

// The queries every measurement ranks: the top kTopK for a seed.
inline constexpr int kTopK = 50;

RankingRequest contentRequest(int seed);
RankingRequest hybridRequest(int seed);

// The seeds the measurements rank for: `count` rankable rows drawn with a fixed seed.
std::vector<int> benchSeeds(const Recommender &recommender, int count);

}  // namespace encore::bench
