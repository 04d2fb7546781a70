#pragma once

#include "model/audiofeatures.h"

namespace encore {

// Tracks counted by where their features came from. A track counts under a source only when all
// eleven features are known (only such tracks are ranked), and then under the source most of its
// values came from, a tie going to the more trusted one (Spotify, ReccoBeats, catalog, analysis);
// a track that lacks any feature counts as missing.
struct FeatureSourceCounts {
    int spotify = 0;
    int reccoBeats = 0;
    int catalog = 0;
    int analysis = 0;
    int missing = 0;

    void add(const AudioFeatures &features);
    int withFeatures() const { return spotify + reccoBeats + catalog + analysis; }
    int total() const { return withFeatures() + missing; }
};

// The source a track is counted under, as above: Missing unless all eleven features are known.
FeatureSource countedSource(const AudioFeatures &features);

}  // namespace encore
