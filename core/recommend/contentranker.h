#pragma once

#include "featurespace.h"
#include "topk.h"

#include <span>
#include <vector>

namespace encore {

// How much sounding like the seed's artist counts beside the song's own sound in Encore's
// content method: an artist's songs together carry the style that one song's eleven values
// blur. Chosen with `encore-cli eval` on half of the TidyTuesday playlists (see the README).
inline constexpr float kArtistSoundWeight = 1.0f;

// Whether a list holds every row or only the best copy of each song (FeatureSpace::copiesOf).
enum class SongCopies { All, Best };

// Encore's method: weighted cosine similarity in FeatureSpace's content space,
//   cos(a, b) = Σ w²·a·b / (|w∘a| |w∘b|),
// where a weight of 0 removes a feature and the key's weight covers both its dimensions. A zero
// vector (after weighting) has similarity 0 with everything. With an `artistSoundWeight` β > 0
// a candidate c of artist A, for a seed s of artist S, scores
//   (cos(s, c) + β max(0, cos(sound(S), sound(A)))) / (1 + β)
// (FeatureSpace::soundsLike, the same weights); a song without an artist, or a seed
// without one, has no such term. The best k rankable rows not in `excludedSorted` (ascending),
// best first, ties by row; with SongCopies::Best, k songs, each by its best row. Scores and
// selects in one pass over FeatureSpace::packedContent(), SIMD where the CPU has it, with the
// same results everywhere.
std::vector<ScoredRow> rankContent(const FeatureSpace &space, int seedRow, int k, const FeatureSpace::Weights &weights,
                                   std::span<const int> excludedSorted, float artistSoundWeight = 0.0f,
                                   SongCopies copies = SongCopies::All);

}  // namespace encore
