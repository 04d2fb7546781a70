#include "contentranker.h"

#include <algorithm>
#include <cmath>

namespace encore {

namespace {

// Squared lengths below this are zero vectors: their similarity is 0, never NaN.
constexpr float kZeroNormSquared = 1e-24f;

}  // namespace

std::vector<ScoredRow> rankContent(const FeatureSpace &space, int seedRow, int k,
                                   const FeatureSpace::Weights &weights,
                                   std::span<const int> excludedSorted)
{
    using Row = FeatureSpace::ContentVector;
    const Row w2 = FeatureSpace::contentWeights(weights).cwiseAbs2();
    const Row seed = space.contentRows().row(seedRow);
    const Row query = w2.cwiseProduct(seed);
    const float seedNormSquared = query.dot(seed);
    const bool seedIsZero = !(seedNormSquared >= kZeroNormSquared);
    const float seedNorm = std::sqrt(seedNormSquared);
    const float *data = space.contentRows().data();

    // Per-row weighted norms are recomputed for every query, as weights change per query.
    return selectTopK(space.rankable(), excludedSorted, std::min(k, space.rankableCount()),
                      [&](int row) {
                          if (seedIsZero)
                              return 0.0f;
                          const Eigen::Map<const Row> candidate(
                              data + static_cast<Eigen::Index>(row) * kContentDims);
                          const float normSquared = candidate.cwiseAbs2().dot(w2);
                          if (!(normSquared >= kZeroNormSquared))
                              return 0.0f;
                          return candidate.dot(query) / (seedNorm * std::sqrt(normSquared));
                      });
}

}  // namespace encore
