#include "queries.h"

#include <random>

namespace encore::bench {

namespace {

constexpr std::uint32_t kSeedRng = 7;

}  // namespace

RankingRequest contentRequest(int seed)
{
    RankingRequest request;
    request.seedRow = seed;
    request.k = kTopK;
    request.method = RankingMethod::Content;
    return request;
}

RankingRequest hybridRequest(int seed)
{
    RankingRequest request = contentRequest(seed);
    request.method = RankingMethod::Hybrid;
    return request;
}

std::vector<int> benchSeeds(const Recommender &recommender, int count)
{
    const FeatureSpace &space = recommender.featureSpace();
    std::vector<int> seeds;
    if (space.rankableCount() == 0)
        return seeds;
    std::mt19937 rng(kSeedRng);
    std::uniform_int_distribution<int> pick(0, space.size() - 1);
    while (static_cast<int>(seeds.size()) < count) {
        const int row = pick(rng);
        if (space.isRankable(row))
            seeds.push_back(row);
    }
    return seeds;
}

}  // namespace encore::bench
