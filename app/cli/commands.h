#pragma once

#include <QCommandLineParser>
#include <QStringList>
#include <QTextStream>

#include <memory>
#include <optional>

namespace encore {
class Catalog;
class LibraryDb;
}  // namespace encore

namespace encore::cli {

// Exit statuses, documented in the README.
enum ExitStatus {
    ExitOk = 0,
    ExitFailure = 1,          // a file, the library or the arguments were unusable
    ExitBadSeed = 2,          // the seed is unknown, ambiguous or has no features
    ExitSignInFailed = 3,     // not signed in, or the Spotify sign-in was refused, failed or timed out
    ExitPlaylistRefused = 4,  // Spotify does not give apps this playlist
};

struct Streams {
    QTextStream &out;
    QTextStream &err;
};

enum class Positionals { Allowed, Refused };

// Parses a command's options; on --help or a usage error prints and returns the exit status.
std::optional<int> parseOrExit(QCommandLineParser &parser, const QStringList &arguments, Streams io,
                               Positionals positionals = Positionals::Allowed);

// --seed SEED, as recommend and discover take it.
QCommandLineOption seedOption();
// Encore's logs are for debugging: a command says what went wrong itself, in one clear sentence
// on stderr. QT_LOGGING_RULES still turns them back on.
void quietLogging();
// -k N; nullopt, with the reason on stderr, when it is not a whole number of songs, 1 or more.
std::optional<int> songCountOrReport(const QCommandLineParser &parser, const QCommandLineOption &count, Streams io);

// The library at its default path; null, with the reason on stderr, when it cannot be opened.
std::unique_ptr<LibraryDb> openLibrary(Streams io);
// The library's catalog; null, with the reason on stderr, when it cannot be read or is empty.
std::shared_ptr<const Catalog> loadCatalogOrReport(const LibraryDb &db, Streams io);
// The playlist named by id or by name (any case); nullopt, with the reason on stderr, when none
// or several match.
std::optional<int> findPlaylistOrReport(const Catalog &catalog, const QString &text, Streams io);
// The catalog row of the seed the user typed; nullopt, with the reason on stderr, when no song or
// several match.
std::optional<int> findSeedOrReport(const Catalog &catalog, const QString &seedText, Streams io);

// `encore-cli import [--starter] [FILE...]`
int runImport(const QStringList &arguments, Streams io);
// `encore-cli recommend (--seed SEED | --playlist PLAYLIST | both) [--catalog FILE] [-k N]
//  [--method hybrid|content|tutorial] [--json | --output FILE]
//  [--save-to-spotify NAME [--public] | --add-to PLAYLIST]`
int runRecommend(const QStringList &arguments, Streams io);
// `encore-cli export PLAYLIST --output FILE`
int runExport(const QStringList &arguments, Streams io);

}  // namespace encore::cli
