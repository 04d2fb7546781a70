#include "tutorialranker.h"

#include <algorithm>

namespace encore {

std::vector<ScoredRow> rankTutorial(const FeatureSpace &space, int seedRow, int k, std::span<const int> excludedSorted)
{
    using Row = Eigen::Matrix<float, 1, kFeatureCount>;
    const Row seed = space.tutorialRows().row(seedRow);
    const float *data = space.tutorialRows().data();
    // Rows are unit length or zero, so the dot product is the cosine (0 against a zero row).
    return selectTopK(space.complete(), excludedSorted, std::min(k, space.completeCount()), [&](int row) {
        const Eigen::Map<const Row> candidate(data + static_cast<Eigen::Index>(row) * kFeatureCount);
        return candidate.dot(seed);
    });
}

}  // namespace encore
