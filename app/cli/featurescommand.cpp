#include "featurescommand.h"

#include "spotifycommands.h"
#include "textoutput.h"

#include "features/featurefiller.h"
#include "spotify/spotifyaccount.h"
#include "spotify/spotifysettings.h"
#include "storage/librarydb.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>

#include <cstdio>
#include <optional>

#include <unistd.h>

namespace encore::cli {

namespace {

// Signs in with the saved Spotify sign-in, if there is one. Without one the command goes on
// without Spotify; a sign-in that no longer works is mentioned, not fatal.
void restoreSignIn(SpotifyAccount &account, Streams io)
{
    if (account.clientId().isEmpty())
        return;
    QEventLoop loop;
    QObject::connect(&account, &SpotifyAccount::signedIn, &loop, &QEventLoop::quit);
    QObject::connect(&account, &SpotifyAccount::restoreFailed, &loop, [&](const Error &error) {
        if (error.kind != ErrorKind::NotFound)
            io.err << error.message << " Going on without Spotify.\n";
        loop.quit();
    });
    account.restore();
    loop.exec();
}

void printCounts(const FeatureFillSummary &summary, bool json, Streams io)
{
    const FeatureSourceCounts &counts = summary.counts;
    if (json) {
        const QJsonObject sources{{QStringLiteral("spotify"), counts.spotify},
                                  {QStringLiteral("reccobeats"), counts.reccoBeats},
                                  {QStringLiteral("catalog"), counts.catalog},
                                  {QStringLiteral("analysis"), counts.analysis}};
        io.out << QJsonDocument(
                      QJsonObject{{QStringLiteral("sources"), sources}, {QStringLiteral("missing"), counts.missing}})
                      .toJson(QJsonDocument::Indented);
        return;
    }
    io.out << countOf(counts.withFeatures(), QStringLiteral("track has"), QStringLiteral("tracks have"))
           << " audio features, " << formatCount(counts.missing) << " of " << formatCount(counts.total())
           << (counts.missing == 1 ? " has" : " have") << " none:\n";
    const std::pair<const char *, int> lines[] = {{"Spotify", counts.spotify},
                                                  {"ReccoBeats", counts.reccoBeats},
                                                  {"catalog", counts.catalog},
                                                  {"analysis", counts.analysis},
                                                  {"none", counts.missing}};
    for (const auto &[name, count] : lines)
        io.out << "  " << QString::fromLatin1(name).leftJustified(12) << formatCount(count) << '\n';
}

}  // namespace

int runFeatures(const QStringList &arguments, Streams io)
{
    quietLogging();
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Find the audio features of the library's tracks that have none: Spotify (when signed in\n"
                       "and the app has access), ReccoBeats, the imported catalogs, then on-device analysis of\n"
                       "a 30-second preview. Prints how many tracks have features from each source."));
    const QCommandLineOption playlistOption(
        QStringLiteral("playlist"),
        QStringLiteral("Only the tracks of this playlist of the library (id, URI or link)."),
        QStringLiteral("PLAYLIST"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Print JSON instead of text."));
    parser.addOption(playlistOption);
    parser.addOption(jsonOption);
    if (const auto exit = parseOrExit(parser, arguments, io, Positionals::Refused))
        return *exit;

    Result<std::unique_ptr<LibraryDb>> library = LibraryDb::open(LibraryDb::defaultPath());
    if (!library) {
        io.err << library.error().message << '\n';
        return ExitFailure;
    }
    std::optional<QStringList> scope;
    if (parser.isSet(playlistOption)) {
        const QString given = parser.value(playlistOption);
        const QString id = playlistIdFrom(given).isEmpty() ? given.trimmed() : playlistIdFrom(given);
        const Result<Playlist> playlist = (*library)->playlist(id);
        if (!playlist) {
            io.err << playlist.error().message
                   << (playlist.error().kind == ErrorKind::NotFound ? " Read it first with encore-cli fetch.\n" : "\n");
            return ExitFailure;
        }
        scope = playlist->trackIds;
    }
    const QString libraryPath = (*library)->path();
    library->reset();

    QSettings settings = SpotifySettings::openDefault();
    SpotifyAccount account(settings);
    restoreSignIn(account, io);

    FeatureFiller filler(libraryPath, account.client(), account.network());
    if (isatty(fileno(stderr)) != 0) {
        QObject::connect(&filler, &FeatureFiller::progress, &filler, [&](int done, int total, const QString &stage) {
            restartLine(io.err);
            io.err << stage << ": " << done << " of " << total << Qt::flush;
        });
        QObject::connect(&filler, &FeatureFiller::finished, &filler, [&] { restartLine(io.err); });
    }
    QEventLoop loop;
    QObject::connect(&filler, &FeatureFiller::finished, &loop, &QEventLoop::quit);
    filler.start(scope);
    loop.exec();

    // A refresh token Spotify rotated meanwhile must reach the keychain before the command ends.
    if (account.hasPendingKeychainWrites()) {
        QObject::connect(&account, &SpotifyAccount::keychainWritesFinished, &loop, &QEventLoop::quit);
        loop.exec();
    }

    const FeatureFillSummary &summary = filler.summary();
    if (summary.error) {
        io.err << summary.error->message << '\n';
        return ExitFailure;
    }
    printCounts(summary, parser.isSet(jsonOption), io);
    if (!summary.unreachable.isEmpty() || !summary.limited.isEmpty())
        io.err << unansweredMessage(summary.unreachable, summary.limited) << '\n';
    return ExitOk;
}

}  // namespace encore::cli
