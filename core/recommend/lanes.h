#pragma once

#include "featurespace.h"

#include <cstring>

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
inline void dotAndNorm(const float *block, const LaneVector &query, const LaneVector &w2, Lanes &dot, Lanes &norm)
{
    Lanes v;
    load(v, block);
    dot = query.dims[0] * v;
    norm = w2.dims[0] * (v * v);
    for (int d = 1; d < kContentDims; ++d) {
        load(v, block + d * kLanes);
        dot += query.dims[d] * v;
        norm += w2.dims[d] * (v * v);
    }
}

}  // namespace encore

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
// The same code built twice; the loader picks the AVX2 build where the CPU has it.
#define ENCORE_SIMD_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define ENCORE_SIMD_CLONES
#endif
