#include "analyzecommand.h"
#include "commands.h"
#include "discovercommand.h"
#include "evalcommand.h"
#include "featurescommand.h"
#include "spotifycommands.h"
#include "textoutput.h"

#include <QCoreApplication>

#include <cstdio>

namespace {

const char usage[] = "Usage: encore-cli <command> [options]\n"
                     "\n"
                     "Commands:\n"
                     "  import FILE...                 add catalog files (.csv, .csv.gz; - reads stdin) or Million\n"
                     "                                 Playlist collections (a folder of slices, a .json slice)\n"
                     "  import --starter               download the starter catalog (TidyTuesday's 28,356\n"
                     "                                 songs from 471 Spotify playlists, 8 MB) and add it\n"
                     "  recommend (--seed SEED | --playlist PLAYLIST | both) [--catalog FILE] [-k N]\n"
                     "            [--method hybrid|content|tutorial] [--json | --output FILE]\n"
                     "            [--save-to-spotify NAME [--public] | --add-to PLAYLIST]\n"
                     "                                 songs most like SEED (a track id, spotify:track: URI,\n"
                     "                                 open.spotify.com link, or \"Title - Artist\"), in the\n"
                     "                                 spirit of PLAYLIST, or like the whole PLAYLIST; --output\n"
                     "                                 writes them to a .csv, .m3u8 or .json file, and\n"
                     "                                 --save-to-spotify or --add-to to a Spotify playlist\n"
                     "  discover --seed SEED [--playlist PLAYLIST] [-k N] [--sources reccobeats,deezer] [--json]\n"
                     "                                 find songs like SEED beyond the library (ReccoBeats,\n"
                     "                                 Deezer), keep them, and list them ranked with their source\n"
                     "  export PLAYLIST --output FILE  write a playlist of the library (id or name) to a\n"
                     "                                 .csv (Exportify's layout), .m3u8 or .json file\n"
                     "  eval --catalog FILE [-k N] [--seeds N] [--rng N] [--tune] [--json]\n"
                     "                                 measure each method on the catalog's playlists\n"
                     "  login --client-id ID [--port N]\n"
                     "                                 sign in to Spotify in the browser (the URL is printed)\n"
                     "  logout                         forget the saved Spotify sign-in\n"
                     "  playlists [--json]             list your Spotify playlists and which ones can be read\n"
                     "  fetch PLAYLIST [--json]        read a Spotify playlist (id, URI or link) into the library\n"
                     "  analyze AUDIO_FILE [--json]    estimate the audio features of a local audio file\n"
                     "  features [--playlist PLAYLIST] [--json]\n"
                     "                                 find the missing audio features of the library's tracks\n"
                     "\n"
                     "Run 'encore-cli <command> --help' for the options of a command.\n";

}  // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("encore-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ENCORE_VERSION));

    encore::cli::EscapingDevice outDevice(stdout);
    encore::cli::EscapingDevice errDevice(stderr);
    QTextStream out(&outDevice);
    QTextStream err(&errDevice);
    const encore::cli::Streams io{out, err};

    QStringList arguments = QCoreApplication::arguments();
    const QString command = arguments.value(1);
    if (arguments.size() > 1) {
        // QCommandLineParser skips the first argument: it becomes the name the command's help shows.
        arguments.removeAt(1);
        arguments.first() = QStringLiteral("encore-cli ") + command;
    }

    if (command == QLatin1String("import"))
        return encore::cli::runImport(arguments, io);
    if (command == QLatin1String("recommend"))
        return encore::cli::runRecommend(arguments, io);
    if (command == QLatin1String("discover"))
        return encore::cli::runDiscover(arguments, io);
    if (command == QLatin1String("export"))
        return encore::cli::runExport(arguments, io);
    if (command == QLatin1String("eval"))
        return encore::cli::runEval(arguments, io);
    if (command == QLatin1String("login"))
        return encore::cli::runLogin(arguments, io);
    if (command == QLatin1String("logout"))
        return encore::cli::runLogout(arguments, io);
    if (command == QLatin1String("playlists"))
        return encore::cli::runPlaylists(arguments, io);
    if (command == QLatin1String("fetch"))
        return encore::cli::runFetch(arguments, io);
    if (command == QLatin1String("analyze"))
        return encore::cli::runAnalyze(arguments, io);
    if (command == QLatin1String("features"))
        return encore::cli::runFeatures(arguments, io);
    if (command == QLatin1String("--help") || command == QLatin1String("-h")) {
        out << usage;
        return encore::cli::ExitOk;
    }
    if (command == QLatin1String("--version")) {
        out << "encore-cli " << ENCORE_VERSION << '\n';
        return encore::cli::ExitOk;
    }
    err << (command.isEmpty() ? QStringLiteral("No command given.")
                              : QStringLiteral("Unknown command \"%1\".").arg(command))
        << "\n\n"
        << usage;
    return encore::cli::ExitFailure;
}
