#include "featurescale.h"

#include <algorithm>
#include <cmath>

namespace encore {

FeatureScale::FeatureScale()
{
    m_min.fill(0.0f);
    m_max.fill(1.0f);
}

FeatureScale FeatureScale::fromSpace(const FeatureSpace &space)
{
    FeatureScale scale;
    if (space.rankableCount() == 0)  // nothing to scale over: the default 0–1
        return scale;
    for (Feature f : kAllFeatures) {
        scale.m_min[index(f)] = space.lowest(f);
        scale.m_max[index(f)] = space.highest(f);
    }
    return scale;
}

float FeatureScale::scaled(Feature feature, float value) const
{
    if (std::isnan(value))
        return value;
    const float lo = m_min[index(feature)];
    const float hi = m_max[index(feature)];
    if (!(hi > lo))
        return 0.5f;
    return std::clamp((value - lo) / (hi - lo), 0.0f, 1.0f);
}

}  // namespace encore
