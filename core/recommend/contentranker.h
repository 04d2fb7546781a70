#pragma once

#include "featurespace.h"
#include "topk.h"

#include <span>
#include <vector>

namespace encore {

// Encore's method: weighted cosine similarity in FeatureSpace's content space,
//   score(a, b) = Σ w²·a·b / (|w∘a| |w∘b|),
// where a weight of 0 removes a feature and the key's weight covers both its dimensions. A zero
// vector (after weighting) has similarity 0 with everything. The best k rankable rows not in
// `excludedSorted` (ascending), best first; ties by row. Scores and selects in one pass over
// FeatureSpace::packedContent(), SIMD where the CPU has it, with the same results everywhere.
std::vector<ScoredRow> rankContent(const FeatureSpace &space, int seedRow, int k, const FeatureSpace::Weights &weights,
                                   std::span<const int> excludedSorted);

}  // namespace encore
