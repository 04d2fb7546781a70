#include "contentranker.h"

#include "lanes.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <span>
#include <vector>

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

// Float rounding of the order key against the cosine, and of a cosine above 1: a bound this much
// looser keeps every row the exact score would keep.
constexpr float kBoundSlack = 1e-4f;

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
// row (0 for a zero candidate). Only a row that may beat the k-th best so far is checked against
// `excludedSorted` and offered; one equal to it may, as the slots do not follow the rows and
// the lower row wins a tie.
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
        if (!anyLane(order >= threshold))
            continue;
        for (int l = 0; l < kLanes; ++l) {
            // Earlier lanes may have raised the threshold.
            if (!(order[l] >= top.threshold()))
                continue;
            const int row = s.rows[b * kLanes + static_cast<std::size_t>(l)];
            if (row < 0 || s.space->knownCount(row) == 0
                || std::binary_search(excludedSorted.begin(), excludedSorted.end(), row))
                continue;
            offer(s, row, order[l], top);
        }
    }
}

// The packed blocks, those whose rows could score highest first. A block's rows score at most
// 1 + the highest artist term among them; the slots follow artistsBySound(), so a block holds a
// few artists and that bound is close. Sorted by counting into kBands bands of the bound, the
// best band first, each band in slot order.
class BlocksBySound {
public:
    static constexpr int kBands = 64;

    // `alike` and `soundWeight` as scanWithArtists() takes them.
    BlocksBySound(const FeatureSpace &space, std::size_t blocks, const float *alike, float soundWeight)
        : m_order(blocks), m_bound(blocks), m_soundWeight(soundWeight)
    {
        // The terms by sound position (0: no artist), so that a block's are side by side.
        const std::span<const std::int32_t> artists = space.artistsBySound();
        std::vector<float> bySound(artists.size() + 1, 0.0f);
        for (std::size_t i = 0; i < artists.size(); ++i)
            bySound[i + 1] = alike[artists[i] + 1];
        std::vector<std::uint8_t> bandOf(blocks);
        for (std::size_t block = 0; block < blocks; ++block) {
            const auto [low, high] = space.blockSounds(block);
            const float bound = *std::max_element(bySound.begin() + low, bySound.begin() + high + 1);
            m_bound[block] = bound;
            bandOf[block] = static_cast<std::uint8_t>(bandBelow(bound));
            ++m_bandStarts[bandOf[block] + 1u];
        }
        std::partial_sum(m_bandStarts.begin(), m_bandStarts.end(), m_bandStarts.begin());
        std::array<std::uint32_t, kBands + 1> fill = m_bandStarts;
        for (std::size_t block = 0; block < blocks; ++block)
            m_order[fill[bandOf[block]]++] = static_cast<std::uint32_t>(block);
    }

    // The blocks of band `band` (0 the best); the highest artist term any of them can have; a
    // block's own highest.
    std::span<const std::uint32_t> band(int band) const
    {
        return std::span(m_order).subspan(m_bandStarts[static_cast<std::size_t>(band)],
                                          m_bandStarts[static_cast<std::size_t>(band) + 1]
                                              - m_bandStarts[static_cast<std::size_t>(band)]);
    }
    float bandCeiling(int band) const { return m_soundWeight * (1.0f - static_cast<float>(band) / kBands); }
    float bound(std::uint32_t block) const { return m_bound[block]; }

private:
    // The band whose ceiling is the first at or above `term` (0 <= term <= soundWeight).
    int bandBelow(float term) const
    {
        const float share = m_soundWeight > 0.0f ? term / m_soundWeight : 0.0f;
        return std::clamp(static_cast<int>((1.0f - share) * kBands), 0, kBands - 1);
    }

    std::vector<std::uint32_t> m_order;
    std::vector<float> m_bound;
    std::array<std::uint32_t, kBands + 1> m_bandStarts{};
    float m_soundWeight;
};

// The rows of one block by cosine + their artist's term (`alike` at each packed slot's
// `artistOfSlot` + 1), tested on scan()'s order key (no square root): only the rows that could
// reach the k-th best pay for a square root.
[[gnu::always_inline]] inline void scanBlockWithArtists(const Scan &s, std::size_t b, const float *alike,
                                                        const std::int32_t *artistOfSlot, float seedNorm,
                                                        std::span<const int> excludedSorted, TopK &top)
{
    Lanes zero;
    broadcast(zero, 0.0f);
    Lanes seedNormSquared;
    broadcast(seedNormSquared, seedNorm * seedNorm);
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
    const auto mayReach = order > needed * neededMagnitude * seedNormSquared;
    if (!anyLane(mayReach))
        return;
    for (int l = 0; l < kLanes; ++l) {
        if (!mayReach[l])
            continue;
        const std::size_t slot = b * kLanes + static_cast<std::size_t>(l);
        const float cosine = norm[l] >= kZeroNormSquared ? dot[l] / (seedNorm * std::sqrt(norm[l])) : 0.0f;
        const float score = cosine + sound[l];
        if (!(score >= top.threshold()))
            continue;
        const int row = s.rows[slot];
        if (row < 0 || s.space->knownCount(row) == 0
            || std::binary_search(excludedSorted.begin(), excludedSorted.end(), row))
            continue;
        offer(s, row, score, top);
    }
}

// As scan(), with rows ordered by cosine + their artist's term, the blocks best bound first:
// the k-th best rises fast, and once a band's ceiling is below it no block left can reach it.
ENCORE_SIMD_CLONES
void scanWithArtists(const Scan &s, const float *alike, float soundWeight, float seedNorm,
                     std::span<const int> excludedSorted, TopK &top)
{
    const BlocksBySound blocks(*s.space, s.blocks, alike, soundWeight);
    const std::int32_t *artistOfSlot = s.space->packedArtists().data();
    for (int band = 0; band < BlocksBySound::kBands; ++band) {
        // A cosine is at most 1.
        if (1.0f + blocks.bandCeiling(band) < top.threshold() - kBoundSlack)
            break;
        for (const std::uint32_t block : blocks.band(band))
            if (!(1.0f + blocks.bound(block) < top.threshold() - kBoundSlack))
                scanBlockWithArtists(s, block, alike, artistOfSlot, seedNorm, excludedSorted, top);
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
    if (alike.empty())
        scan(s, excludedSorted, top);
    else
        scanWithArtists(s, alike.data(), soundWeight, seedNorm, excludedSorted, top);

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
