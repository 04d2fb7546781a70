#pragma once

#include "commands.h"

namespace encore::cli {

// `encore-cli eval --catalog FILE [-k 10] [--seeds 1000] [--rng 7] [--tune] [--json]`
int runEval(const QStringList &arguments, Streams io);

}  // namespace encore::cli
