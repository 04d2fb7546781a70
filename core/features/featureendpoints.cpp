#include "features/featureendpoints.h"

#include "spotify/spotifyendpoints.h"

namespace encore {

Result<FeatureEndpoints> FeatureEndpoints::fromEnvironment(const QProcessEnvironment &environment)
{
    FeatureEndpoints endpoints;
    for (auto [variable, base] :
         {std::pair{kReccoBeatsVariable, &endpoints.reccoBeats}, std::pair{kDeezerVariable, &endpoints.deezer},
          std::pair{kITunesVariable, &endpoints.iTunes}}) {
        Result<QUrl> url = baseUrlFromEnvironment(environment, variable, *base);
        if (!url)
            return url.error();
        *base = *url;
    }
    return endpoints;
}

}  // namespace encore
