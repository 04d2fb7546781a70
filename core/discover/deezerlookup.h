#pragma once

#include "model/track.h"

#include <QUrl>

namespace encore {

// How Encore asks Deezer about one song (Discover, previews, covers). `deezer` is the API's base
// (FeatureEndpoints::deezer).

// GET {deezer}/track/{id} for a song Discover found there, else /track/isrc:{ISRC}; an empty URL
// when the track has neither.
QUrl deezerTrackUrl(const QUrl &deezer, const Track &track);
// GET {deezer}/search/track?q=artist:"A" track:"T"&limit=10; an empty URL for a track without a
// title or an artist.
QUrl deezerSearchUrl(const QUrl &deezer, const Track &track);

}  // namespace encore
