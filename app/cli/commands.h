#pragma once

#include <QCommandLineParser>
#include <QStringList>
#include <QTextStream>

#include <optional>

namespace encore::cli {

// Exit statuses, documented in the README.
enum ExitStatus {
    ExitOk = 0,
    ExitFailure = 1,     // a file, the library or the arguments were unusable
    ExitBadSeed = 2,     // the seed is unknown, ambiguous or has no features
    ExitSignInFailed = 3,  // not signed in, or the Spotify sign-in was refused, failed or timed out
    ExitPlaylistRefused = 4,  // Spotify does not give apps this playlist
};

struct Streams {
    QTextStream &out;
    QTextStream &err;
};

enum class Positionals { Allowed, Refused };

// Parses a command's options; on --help or a usage error prints and returns the exit status.
std::optional<int> parseOrExit(QCommandLineParser &parser, const QStringList &arguments,
                               Streams io, Positionals positionals = Positionals::Allowed);

// `encore-cli import [--starter] [FILE...]`
int runImport(const QStringList &arguments, Streams io);
// `encore-cli recommend (--seed SEED | --playlist PLAYLIST | both) [--catalog FILE] [-k N]
//  [--method hybrid|content|tutorial] [--json | --output FILE]
//  [--save-to-spotify NAME [--public] | --add-to PLAYLIST]`
int runRecommend(const QStringList &arguments, Streams io);
// `encore-cli export PLAYLIST --output FILE`
int runExport(const QStringList &arguments, Streams io);

}  // namespace encore::cli
