#pragma once

#include "commands.h"

#include <QStringList>

namespace encore::cli {

// `encore-cli features [--playlist PLAYLIST] [--json]`: fills the missing audio features of the
// library's tracks (or one playlist's) through the providers chain (FeatureFiller) and prints how
// many tracks have features from each source and how many have none. Uses the saved Spotify
// sign-in when there is one, and works without. ExitFailure when the library, the playlist or a
// service address is unusable.
int runFeatures(const QStringList &arguments, Streams io);

}  // namespace encore::cli
