#pragma once

#include "featurespace.h"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <span>

namespace encore {

// One value per row of a packed block (FeatureSpace::kPackedLanes rows): GCC's and Clang's vector
// extension, plain IEEE arithmetic lane by lane, the same on every instruction set, so SIMD and
// scalar code that add in the same order agree to the bit.
inline constexpr int kLanes = FeatureSpace::kPackedLanes;
using Lanes = float __attribute__((vector_size(kLanes * sizeof(float))));

// Out parameters rather than return values: a vector return would tie the ABI to the SIMD width.
inline void load(Lanes &v, const float *p)
{
    std::memcpy(&v, p, sizeof v);
}

inline void broadcast(Lanes &v, float x)
{
    for (int l = 0; l < kLanes; ++l)
        v[l] = x;
}

// A content-space vector, one copy per lane.
struct LaneVector {
    Lanes dims[kContentDims];

    explicit LaneVector(const FeatureSpace::ContentVector &v)
    {
        for (int d = 0; d < kContentDims; ++d)
            broadcast(dims[d], v(d));
    }
};

// Of one packed block (kContentDims x kLanes floats from `block`), lane by lane: the dot product
// with `query` and the squared length weighted by `w2`, each added up dimension by dimension.
// With kUnitWeights (every squared weight is 1) the same sums, bit for bit, without multiplying
// by 1.
template <bool kUnitWeights = false>
inline void dotAndNorm(const float *block, const LaneVector &query, const LaneVector &w2, Lanes &dot, Lanes &norm)
{
    Lanes v;
    load(v, block);
    dot = query.dims[0] * v;
    norm = kUnitWeights ? v * v : w2.dims[0] * (v * v);
    for (int d = 1; d < kContentDims; ++d) {
        load(v, block + d * kLanes);
        dot += query.dims[d] * v;
        norm += kUnitWeights ? v * v : w2.dims[d] * (v * v);
    }
}

// Whether any lane of a comparison's result is set: the lanes ORed as whole 64-bit words, which
// compilers turn into a vector test where lane by lane they extract each.
template <typename Mask>
inline bool anyLane(const Mask &mask)
{
    static_assert(sizeof mask % sizeof(std::uint64_t) == 0);
    std::uint64_t words[sizeof mask / sizeof(std::uint64_t)];
    std::memcpy(words, &mask, sizeof mask);
    std::uint64_t any = 0;
    for (const std::uint64_t word : words)
        any |= word;
    return any != 0;
}

// Squared lengths below this are zero vectors: their similarity is 0, never NaN.
inline constexpr float kZeroNormSquared = 1e-24f;

// max(0, cosine) of each lane of one packed block with a query q, as w2∘c·q / (|w∘q| |w∘c|)
// (`towardQuery` = w2∘q, `queryLength` = |w∘q| in every lane); 0 for a vector that is zero after
// weighting; into `positive`.
inline void positiveCosine(const float *block, const LaneVector &towardQuery, const LaneVector &w2,
                           const Lanes &queryLength, Lanes &positive)
{
    Lanes zero;
    broadcast(zero, 0.0f);
    Lanes epsilon;
    broadcast(epsilon, kZeroNormSquared);
    Lanes dot;
    Lanes norm;
    dotAndNorm(block, towardQuery, w2, dot, norm);
    Lanes length;
    for (int l = 0; l < kLanes; ++l)
        length[l] = std::sqrt(norm[l]);
    const Lanes cosine = dot / (queryLength * length);
    positive = norm >= epsilon && cosine > zero ? cosine : zero;
}

// positiveCosine() of every packed block of `packed` (`queryNorm` = |w∘q|), into `out`, one value
// per packed slot. Inline: each caller's SIMD clones build their own.
inline void positiveCosines(std::span<const float> packed, const LaneVector &towardQuery, const LaneVector &w2,
                            float queryNorm, float *out)
{
    Lanes queryLength;
    broadcast(queryLength, queryNorm);
    const std::size_t blocks = packed.size() / (kContentDims * kLanes);
    for (std::size_t b = 0; b < blocks; ++b) {
        Lanes positive;
        positiveCosine(packed.data() + b * kContentDims * kLanes, towardQuery, w2, queryLength, positive);
        std::memcpy(out + b * kLanes, &positive, sizeof positive);
    }
}

}  // namespace encore

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
// The same code built twice; the loader picks the AVX2 build where the CPU has it.
#define ENCORE_SIMD_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define ENCORE_SIMD_CLONES
#endif
