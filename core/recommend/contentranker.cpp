#include "contentranker.h"

#include "lanes.h"

#include <algorithm>
#include <cmath>

namespace encore {

namespace {

// scan()'s order key of each lane: dot·|dot| / |w∘c|², 0 for a zero vector. (An out parameter,
// as in lanes.h.)
inline void orderKeys(const Lanes &dot, const Lanes &norm, Lanes &order)
{
    Lanes zero;
    broadcast(zero, 0.0f);
    Lanes epsilon;
    broadcast(epsilon, kZeroNormSquared);
    const Lanes magnitude = dot < zero ? -dot : dot;
    order = norm >= epsilon ? dot * magnitude / norm : zero;
}

// What one query scans: the packed rows, and the weighted seed and squared weights.
struct Scan {
    const FeatureSpace *space = nullptr;
    const float *packed = nullptr;
    const int *rows = nullptr;
    std::size_t blocks = 0;
    LaneVector query;
    LaneVector w2;
    bool unitWeights = false;  // every squared weight is 1
    SongCopies copies = SongCopies::All;
};

// The default weights, for a seed with every feature, are all 1: a multiply per dimension less.
inline void dotAndNorm(const Scan &s, std::size_t block, Lanes &dot, Lanes &norm)
{
    const float *packed = s.packed + block * kContentDims * kLanes;
    if (s.unitWeights)
        dotAndNorm<true>(packed, s.query, s.w2, dot, norm);
    else
        dotAndNorm(packed, s.query, s.w2, dot, norm);
}

// Offers a row that beat the threshold to the top k: as one copy of its song when asked.
inline void offer(const Scan &s, int row, float score, TopK &top)
{
    if (s.copies == SongCopies::Best && s.space->hasCopies(row)) {
        const int song = s.space->songOf(row);
        top.pushCopy(row, score, [&s, song](int kept) { return s.space->songOf(kept) == song; });
    } else {
        top.push(row, score);
    }
}

// One pass over the packed rows, scoring and keeping the top k together. Rows are ordered by
// dot·|dot| / |w∘c|², which is cos·|cos|·|w∘s|²: the cosine's order without a square root per
// row (0 for a zero candidate). Only a row beating the k-th best so far is checked against
// `excludedSorted` and kept.
ENCORE_SIMD_CLONES
void scan(const Scan &s, std::span<const int> excludedSorted, TopK &top)
{
    for (std::size_t b = 0; b < s.blocks; ++b) {
        Lanes dot;
        Lanes norm;
        dotAndNorm(s, b, dot, norm);
        Lanes order;
        orderKeys(dot, norm, order);
        Lanes threshold;
        broadcast(threshold, top.threshold());
        if (!anyLane(order > threshold))
            continue;
        for (int l = 0; l < kLanes; ++l) {
            // Earlier lanes may have raised the threshold.
            if (!(order[l] > top.threshold()))
                continue;
            const int row = s.rows[b * kLanes + static_cast<std::size_t>(l)];
            if (row < 0 || s.space->knownCount(row) == 0
                || std::binary_search(excludedSorted.begin(), excludedSorted.end(), row))
                continue;
            offer(s, row, order[l], top);
        }
    }
}

// As scan(), with rows ordered by cosine + their artist's term (`alike` at each packed slot's
// `artistOfSlot` + 1, looked up block by block rather than written out in a pass of its own),
// tested on scan()'s order key (no square root): only the rows that could beat the k-th best
// pay for a square root.
ENCORE_SIMD_CLONES
void scanWithArtists(const Scan &s, const float *alike, const std::int32_t *artistOfSlot, float seedNorm,
                     std::span<const int> excludedSorted, TopK &top)
{
    // Float rounding of the order key against the cosine: a bound this much looser keeps every
    // row the exact score would keep.
    constexpr float kBoundSlack = 1e-4f;
    Lanes zero;
    broadcast(zero, 0.0f);
    Lanes seedNormSquared;
    broadcast(seedNormSquared, seedNorm * seedNorm);
    for (std::size_t b = 0; b < s.blocks; ++b) {
        Lanes dot;
        Lanes norm;
        dotAndNorm(s, b, dot, norm);
        Lanes order;
        orderKeys(dot, norm, order);
        // cos > needed  <=>  cos·|cos|·|seed|² > needed·|needed|·|seed|², scan()'s order key
        Lanes sound;
        for (int l = 0; l < kLanes; ++l)
            sound[l] = alike[artistOfSlot[b * kLanes + static_cast<std::size_t>(l)] + 1];
        Lanes needed;
        broadcast(needed, top.threshold() - kBoundSlack);
        needed -= sound;
        const Lanes neededMagnitude = needed < zero ? -needed : needed;
        const auto mayBeatOwn = order > needed * neededMagnitude * seedNormSquared;
        if (!anyLane(mayBeatOwn))
            continue;
        for (int l = 0; l < kLanes; ++l) {
            if (!mayBeatOwn[l])
                continue;
            const std::size_t slot = b * kLanes + static_cast<std::size_t>(l);
            const float cosine = norm[l] >= kZeroNormSquared ? dot[l] / (seedNorm * std::sqrt(norm[l])) : 0.0f;
            const float score = cosine + sound[l];
            if (!(score > top.threshold()))
                continue;
            const int row = s.rows[slot];
            if (row < 0 || s.space->knownCount(row) == 0
                || std::binary_search(excludedSorted.begin(), excludedSorted.end(), row))
                continue;
            offer(s, row, score, top);
        }
    }
}

}  // namespace

std::vector<ScoredRow> rankContent(const FeatureSpace &space, int seedRow, int k, const FeatureSpace::Weights &weights,
                                   std::span<const int> excludedSorted, float artistSoundWeight, SongCopies copies)
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
                 LaneVector(w2),
                 (w2.array() == 1.0f).all(),
                 copies};
    // Per artist + 1, how much sounding like the seed's artist adds (times the weight).
    const float soundWeight = std::isfinite(artistSoundWeight) ? std::max(artistSoundWeight, 0.0f) : 0.0f;
    std::vector<float> alike;
    if (soundWeight > 0.0f && !seedIsZero) {
        alike.assign(space.artistSlots() + 1, 0.0f);
        if (space.soundsLike(space.artistSound(space.artistOf(seedRow)), w2, std::span(alike).subspan(1))) {
            for (float &value : alike)
                value *= soundWeight;
        } else {
            alike.clear();
        }
    }
    TopK top(std::min(k, space.rankableCount()));
    if (alike.empty()) {
        scan(s, excludedSorted, top);
    } else {
        const std::span<const std::int32_t> artistOfSlot = space.packedArtists();
        scanWithArtists(s, alike.data(), artistOfSlot.data(), seedNorm, excludedSorted, top);
    }

    // The scores of the rows kept, the cosine computed as in the scan (dimension by dimension),
    // best first.
    std::vector<ScoredRow> ranked = std::move(top).takeUnordered();
    const float scale = alike.empty() ? 1.0f : 1.0f + soundWeight;
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
        const float cosine = norm >= kZeroNormSquared ? dot / (seedNorm * std::sqrt(norm)) : 0.0f;
        const float sound = alike.empty() ? 0.0f : alike[static_cast<std::size_t>(space.artistOf(scored.row) + 1)];
        scored.score = (cosine + sound) / scale;
    }
    std::sort(ranked.begin(), ranked.end(), RankedBefore{});
    return ranked;
}

}  // namespace encore
