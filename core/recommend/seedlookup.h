#pragma once

#include "catalog/catalog.h"

#include <QString>

#include <vector>

namespace encore {

// What a seed the user typed refers to in a catalog.
struct SeedLookup {
    enum class Outcome { Found, NotFound, Ambiguous };
    Outcome outcome = Outcome::NotFound;
    std::vector<int> rows;  // the one match, or every candidate when ambiguous (sorted by row)
};

// Accepts a Spotify track id, a "spotify:track:ID" URI, an "open.spotify.com/track/ID" URL
// (query string ignored), "Title - Artist" (any of the track's credited artists), a title alone,
// or else "Artist - Title"; titles and artists are matched case-insensitively after normalisation.
SeedLookup findSeed(const Catalog &catalog, const QString &text);

}  // namespace encore
