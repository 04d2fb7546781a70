#include "featurescale.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace encore {

FeatureScale::FeatureScale()
{
    m_min.fill(0.0f);
    m_max.fill(1.0f);
}

FeatureScale FeatureScale::fromCatalog(const Catalog &catalog)
{
    FeatureScale scale;
    scale.m_min.fill(std::numeric_limits<float>::infinity());
    scale.m_max.fill(-std::numeric_limits<float>::infinity());
    const Catalog::FeatureView matrix = catalog.featureMatrix();
    for (int row = 0; row < catalog.size(); ++row) {
        if (!catalog.hasFeatures(row))
            continue;
        for (int c = 0; c < kFeatureCount; ++c) {
            const float value = matrix(row, c);
            scale.m_min[c] = std::min(scale.m_min[c], value);
            scale.m_max[c] = std::max(scale.m_max[c], value);
        }
    }
    for (int c = 0; c < kFeatureCount; ++c) {
        if (scale.m_min[c] > scale.m_max[c]) {  // no track with features
            scale.m_min[c] = 0.0f;
            scale.m_max[c] = 1.0f;
        }
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
