#pragma once

#include <QStringList>
#include <QTextStream>

namespace encore::cli {

// Exit statuses, documented in the README.
enum ExitStatus {
    ExitOk = 0,
    ExitFailure = 1,     // a file, the library or the arguments were unusable
    ExitBadSeed = 2,     // the seed is unknown, ambiguous or has no features
    ExitSignInFailed = 3,  // the Spotify sign-in was refused, failed or timed out
};

struct Streams {
    QTextStream &out;
    QTextStream &err;
};

// `encore-cli import FILE...`
int runImport(const QStringList &arguments, Streams io);
// `encore-cli recommend --seed SEED [--catalog FILE] [-k N] [--method tutorial|content] [--json]`
int runRecommend(const QStringList &arguments, Streams io);

}  // namespace encore::cli
