#include "contentranker.h"

#include "lanes.h"

#include <algorithm>
#include <cmath>

namespace encore {

namespace {

// Squared lengths below this are zero vectors: their similarity is 0, never NaN.
constexpr float kZeroNormSquared = 1e-24f;

// What one query scans: the packed rows, and the weighted seed and squared weights.
struct Scan {
    const FeatureSpace *space = nullptr;
    const float *packed = nullptr;
    const int *rows = nullptr;
    std::size_t blocks = 0;
    LaneVector query;
    LaneVector w2;
};

// One pass over the packed rows, scoring and keeping the top k together. Rows are ordered by
// dot·|dot| / |w∘c|², which is cos·|cos|·|w∘s|²: the cosine's order without a square root per
// row (0 for a zero candidate). Only a row beating the k-th best so far is checked against
// `excludedSorted` and kept.
ENCORE_SIMD_CLONES
void scan(const Scan &s, std::span<const int> excludedSorted, TopK &top)
{
    Lanes zero;
    broadcast(zero, 0.0f);
    Lanes epsilon;
    broadcast(epsilon, kZeroNormSquared);
    for (std::size_t b = 0; b < s.blocks; ++b) {
        Lanes dot;
        Lanes norm;
        dotAndNorm(s.packed + b * kContentDims * kLanes, s.query, s.w2, dot, norm);
        const Lanes magnitude = dot < zero ? -dot : dot;
        const Lanes order = norm >= epsilon ? dot * magnitude / norm : zero;
        Lanes threshold;
        broadcast(threshold, top.threshold());
        const auto better = order > threshold;
        bool any = false;
        for (int l = 0; l < kLanes; ++l)
            any |= better[l] != 0;
        if (!any)
            continue;
        for (int l = 0; l < kLanes; ++l) {
            // Earlier lanes may have raised the threshold.
            if (!(order[l] > top.threshold()))
                continue;
            const int row = s.rows[b * kLanes + static_cast<std::size_t>(l)];
            if (row < 0 || s.space->knownCount(row) == 0
                || std::binary_search(excludedSorted.begin(), excludedSorted.end(), row))
                continue;
            top.push(row, order[l]);
        }
    }
}

}  // namespace

std::vector<ScoredRow> rankContent(const FeatureSpace &space, int seedRow, int k, const FeatureSpace::Weights &weights,
                                   std::span<const int> excludedSorted)
{
    using Row = FeatureSpace::ContentVector;
    // Only the features the seed has are compared: a candidate's value of any other feature
    // neither adds to its cosine nor takes from it.
    Row w2 = FeatureSpace::contentWeights(weights).cwiseAbs2();
    for (Feature f : kAllFeatures)
        if (!space.isKnown(seedRow, f))
            w2.segment(FeatureSpace::contentDim(f), FeatureSpace::contentDimCount(f)).setZero();
    const Row seed = space.contentRow(seedRow);
    const Row query = w2.cwiseProduct(seed);
    float seedNormSquared = 0.0f;
    for (int d = 0; d < kContentDims; ++d)
        seedNormSquared += w2(d) * (seed(d) * seed(d));
    const bool seedIsZero = !(seedNormSquared >= kZeroNormSquared);
    const float seedNorm = std::sqrt(seedNormSquared);

    const Scan s{&space,
                 space.packedContent().data(),
                 space.packedRows().data(),
                 space.packedRows().size() / kLanes,
                 LaneVector(query),
                 LaneVector(w2)};
    TopK top(std::min(k, space.rankableCount()));
    scan(s, excludedSorted, top);

    // The cosines of the rows kept, computed as in the scan (dimension by dimension), best first.
    std::vector<ScoredRow> ranked = std::move(top).take();
    for (ScoredRow &scored : ranked) {
        if (seedIsZero) {
            scored.score = 0.0f;
            continue;
        }
        const Row c = space.contentRow(scored.row);
        float dot = query(0) * c[0];
        float norm = w2(0) * (c[0] * c[0]);
        for (int d = 1; d < kContentDims; ++d) {
            dot += query(d) * c[d];
            norm += w2(d) * (c[d] * c[d]);
        }
        scored.score = norm >= kZeroNormSquared ? dot / (seedNorm * std::sqrt(norm)) : 0.0f;
    }
    std::sort(ranked.begin(), ranked.end(), RankedBefore{});
    return ranked;
}

}  // namespace encore
