#pragma once

#include "catalog/catalog.h"
#include "model/audiofeatures.h"
#include "recommender.h"

#include <QCoreApplication>
#include <QString>

namespace encore {

// One feature as a short phrase comparing a recommendation with its seed, the recommendation's
// value first: "tempo 124 vs 122 BPM", "same key", "key D vs C♯", "both major",
// "loudness -5.2 vs -6.0 dB", "similar energy".
QString describeFeatureMatch(Feature feature, float seedValue, float value);

// The phrases for `features` joined by ", ": "tempo 124 vs 122 BPM, same key, similar energy".
// Empty when there are no features or a value is unknown for each of them.
QString explainMatch(const AudioFeatures &seed, const AudioFeatures &recommendation,
                     const FeatureSpace::FeatureList &features);

// Which audio features spoke, when not all of them could: "tempo only: 1 of 11 features
// compared", "4 of 11 features compared", "no audio features compared" (then only people and
// the metadata did). Empty when the seed and the recommendation have all eleven.
QString describeFeatureCoverage(const AudioFeatures &seed, const AudioFeatures &recommendation);

// "in 3 playlists with the seed" ("in 1 playlist …"), or with `other` instead of "the seed";
// empty for none.
QString describeSharedPlaylists(int count,
                                const QString &other = QCoreApplication::translate("encore::explanation", "the seed"));

// Why `recommendation` was suggested for the seed at `seedRow`: "same artist", the playlists
// it shares with the seed, then its matchingFeatures: "same artist, in 3 playlists with the
// seed, same key, tempo 124 vs 122 BPM". When the seed was a whole playlist (seedRow -1) it is
// explained against its anchor, the playlist's song most like it: "most like “Hello”, in 2
// playlists with it, same key, similar energy". Ends with describeFeatureCoverage() when some
// features are missing.
QString explainMatch(const Catalog &catalog, int seedRow, const Recommendation &recommendation);

}  // namespace encore
