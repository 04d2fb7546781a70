#pragma once

#include "model/audiofeatures.h"
#include "recommend/featurespace.h"

#include <array>

namespace encore {

// Min–max scaling of each feature over a catalog's tracks that can be ranked, so that the chart
// can put "124 BPM" and "-5.2 dB" on one 0–1 axis.
class FeatureScale {
public:
    FeatureScale();
    // The ranges the feature space has found (without reading every track again).
    static FeatureScale fromSpace(const FeatureSpace &space);

    float minimum(Feature feature) const { return m_min[index(feature)]; }
    float maximum(Feature feature) const { return m_max[index(feature)]; }

    // 0 at the catalog's minimum, 1 at its maximum, clamped; 0.5 when every track has the same
    // value; NaN stays NaN.
    float scaled(Feature feature, float value) const;

private:
    std::array<float, kFeatureCount> m_min;
    std::array<float, kFeatureCount> m_max;
};

}  // namespace encore
