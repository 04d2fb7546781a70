#pragma once

#include "featurespace.h"
#include "topk.h"

#include <span>
#include <vector>

namespace encore {

// The seed project's method, reproduced exactly: cosine similarity of MinMax-scaled features
// (FeatureSpace's tutorial rows, already unit length). The best k complete rows not in
// `excludedSorted` (ascending), best first; ties by row. The caller checks that the seed is
// complete and caps nothing: k above the number of candidates returns them all.
std::vector<ScoredRow> rankTutorial(const FeatureSpace &space, int seedRow, int k, std::span<const int> excludedSorted);

}  // namespace encore
