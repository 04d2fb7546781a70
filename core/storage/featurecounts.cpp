#include "featurecounts.h"

namespace encore {

FeatureSource countedSource(const AudioFeatures &features)
{
    if (!features.isComplete())
        return FeatureSource::Missing;
    static constexpr std::array<FeatureSource, 5> byTrust = {FeatureSource::Spotify, FeatureSource::ReccoBeats,
                                                             FeatureSource::Catalog, FeatureSource::Analysis,
                                                             FeatureSource::Deezer};
    FeatureSource best = FeatureSource::Missing;
    int bestCount = 0;
    for (FeatureSource source : byTrust) {
        int count = 0;
        for (FeatureSource valueSource : features.sources)
            count += valueSource == source ? 1 : 0;
        if (count > bestCount) {
            best = source;
            bestCount = count;
        }
    }
    return best;
}

void FeatureSourceCounts::add(const AudioFeatures &features)
{
    switch (countedSource(features)) {
    case FeatureSource::Spotify: ++spotify; break;
    case FeatureSource::ReccoBeats: ++reccoBeats; break;
    case FeatureSource::Catalog: ++catalog; break;
    case FeatureSource::Analysis:
    case FeatureSource::Deezer:  // a tempo at most: never the most of a complete track's values
        ++analysis;
        break;
    case FeatureSource::Missing: ++missing; break;
    }
}

}  // namespace encore
