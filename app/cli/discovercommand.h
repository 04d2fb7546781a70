#pragma once

#include "commands.h"

#include <QStringList>

namespace encore::cli {

// `encore-cli discover --seed SEED [--playlist P] [-k N] [--sources reccobeats,deezer] [--json]`:
// asks the services for songs like the seed from beyond the library (Discovery), keeps them in
// the library as discovered songs, fills their audio features through the providers chain, and
// prints the ones found for this seed ranked by the hybrid method, with where each came from.
// Exit statuses as `recommend`; ExitFailure too when no service could be reached.
int runDiscover(const QStringList &arguments, Streams io);

}  // namespace encore::cli
