#include "spotifycommands.h"

#include "commands.h"

#include "savedsignin.h"
#include "textoutput.h"

#include "discover/spotifysearchbudget.h"
#include "spotify/spotifyaccount.h"
#include "spotify/spotifyclient.h"
#include "spotify/spotifyjson.h"
#include "spotify/spotifyplaylistimport.h"
#include "spotify/spotifysave.h"
#include "spotify/spotifytracklookup.h"
#include "spotify/spotifysettings.h"
#include "storage/librarydb.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSettings>

#include <cstdio>
#include <memory>
#include <optional>

#include <unistd.h>

namespace encore::cli {

namespace {

const QCommandLineOption
    clientIdOption(QStringLiteral("client-id"),
                   QStringLiteral("The Client ID of your Spotify app (remembered for later commands)."),
                   QStringLiteral("ID"));

// The client ID from the option, else the one saved by an earlier login.
QString clientIdFrom(const QCommandLineParser &parser, const QSettings &settings)
{
    const QString given = parser.value(clientIdOption).trimmed();
    return given.isEmpty() ? SpotifySettings::clientId(settings) : given;
}

const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Print JSON instead of text."));

}  // namespace

QString playlistIdFrom(const QString &text)
{
    static const QRegularExpression idPattern(QStringLiteral("^[0-9A-Za-z]{22}$"));
    const QString trimmed = text.trimmed();
    if (idPattern.match(trimmed).hasMatch())
        return trimmed;

    QString candidate;
    if (trimmed.startsWith(QLatin1String("spotify:"))) {
        // spotify:playlist:ID, or the older spotify:user:NAME:playlist:ID
        const QStringList parts = trimmed.split(u':');
        const qsizetype at = parts.lastIndexOf(QStringLiteral("playlist"));
        if (at >= 1 && at + 2 == parts.size())
            candidate = parts.last();
    } else {
        QUrl url = QUrl::fromUserInput(trimmed);
        if (url.isValid() && url.host() == QLatin1String("open.spotify.com")) {
            QStringList segments = url.path().split(u'/', Qt::SkipEmptyParts);
            if (!segments.isEmpty() && segments.first().startsWith(QLatin1String("intl-")))
                segments.removeFirst();
            if (segments.size() == 2 && segments.first() == QLatin1String("playlist"))
                candidate = segments.last();
        }
    }
    return idPattern.match(candidate).hasMatch() ? candidate : QString();
}

namespace {

// The user's playlist that `text` names (id, URI, link, or a name of one they may change);
// nullopt, with the reason printed, when none or several match.
std::optional<SpotifyPlaylist> writablePlaylist(const std::vector<SpotifyPlaylist> &playlists, const QString &text,
                                                const QString &userId, QTextStream &err)
{
    const QString id = playlistIdFrom(text);
    std::vector<const SpotifyPlaylist *> found;
    for (const SpotifyPlaylist &playlist : playlists) {
        const bool named = id.isEmpty() ? normalizedText(playlist.name) == normalizedText(text) : playlist.id == id;
        if (named)
            found.push_back(&playlist);
    }
    if (found.empty()) {
        err << "None of your Spotify playlists is \"" << text << "\".\n";
        return std::nullopt;
    }
    if (found.size() > 1) {
        err << "\"" << text << "\" names " << found.size() << " of your playlists; give one by its id:\n";
        for (const SpotifyPlaylist *playlist : found)
            err << "  " << playlist->name << " [" << playlist->id << "]\n";
        return std::nullopt;
    }
    if (!isReadableBy(*found.front(), userId)) {
        err << "You can only add songs to playlists you own or collaborate on; \"" << found.front()->name << "\" is "
            << found.front()->ownerName << "'s.\n";
        return std::nullopt;
    }
    return *found.front();
}

// `found` gets the Spotify track of each of `songs` (which have no Spotify id), from the library's
// earlier answers or searched for now; the new answers are kept, and the searches counted in the
// day's budget, which a save spends but is not refused by. The exit status when it failed.
std::optional<int> findOnSpotify(SavedSignIn &signIn, LibraryDb &library, const std::vector<Track> &songs,
                                 std::vector<std::optional<Track>> &found, Streams io)
{
    const Result<SpotifySearchPlan> plan = SpotifySearchPlan::forLibrary(library, songs, SpotifySearchPlan::kNoBudget);
    if (!plan) {
        io.err << plan.error().message << '\n';
        return ExitFailure;
    }
    std::vector<std::optional<Track>> asked;
    if (!plan->toAsk.empty()) {
        SpotifyTrackLookupJob *lookup = signIn.client().lookUpTracks(plan->toAsk);
        const std::optional<int> exit = signIn.run(lookup);
        if (!exit)
            asked = lookup->result();
        // A failed lookup still spent its searches; only answers are answers.
        if (const Status kept = library.storeSpotifyMatches(plan->answersTo(asked), lookup->searchesMade()); !kept)
            io.err << kept.error().message << '\n';
        if (exit)
            return exit;
        io.err << spotifyBudgetText(plan->searchesToday + lookup->searchesMade(),
                                    SpotifySettings::dailySearchBudget(SpotifySettings::openDefault()))
               << '\n';
    }
    found = plan->resultsFor(songs, asked);
    return std::nullopt;
}

}  // namespace

int saveToSpotify(const std::vector<Track> &tracks, const SpotifySaveRequest &request, LibraryDb &library, Streams io)
{
    quietLogging();
    SavedSignIn signIn(io);
    if (const auto exit = signIn.restore())
        return *exit;

    SpotifyUriSplit split = splitBySpotifyId(tracks);
    std::vector<Track> notSaved;
    if (!split.withoutId.empty()) {
        std::vector<std::optional<Track>> found;
        if (const auto exit = findOnSpotify(signIn, library, split.withoutId, found, io))
            return *exit;
        split = withFoundTracks(tracks, found, notSaved);
    }
    if (split.uris.isEmpty()) {
        io.err << "None of these songs could be found on Spotify.\n";
        return ExitFailure;
    }

    SpotifyPlaylistSave save;
    save.uris = split.uris;
    SpotifyPlaylist listed;
    if (request.addTo.isEmpty()) {
        save.name = request.newName;
        save.description = savedPlaylistDescription(request.seed);
        save.isPublic = request.isPublic;
    } else {
        SpotifyPlaylistsJob *playlistsJob = signIn.client().allPlaylists();
        if (const auto exit = signIn.run(playlistsJob))
            return *exit;
        const std::optional<SpotifyPlaylist> target =
            writablePlaylist(playlistsJob->result().playlists, request.addTo, signIn.user().id, io.err);
        if (!target)
            return ExitFailure;
        listed = *target;
        save.playlistId = target->id;
    }

    SpotifySaveJob *saveJob = signIn.client().savePlaylist(save);
    const std::optional<int> failed = signIn.run(saveJob);
    const SpotifyPlaylistSave &done = saveJob->state();
    const QString name =
        done.createdHere ? done.playlist.name : (listed.name.isEmpty() ? done.playlistId : listed.name);
    if (failed) {
        if (done.added > 0)
            io.err << "Added " << done.added << " of " << done.uris.size() << " songs to \"" << name << "\" ["
                   << done.playlistId << "] before that.\n";
        return *failed;
    }
    const Result<Playlist> stored = library.playlist(done.playlistId);
    if (const std::optional<ImportBatch> batch =
            savedPlaylistBatch(done, split.saved, listed, stored ? std::optional<Playlist>(*stored) : std::nullopt)) {
        if (const Status kept = library.store(*batch, {}); !kept)
            io.err << kept.error().message << '\n';
    }
    io.out << "Saved " << countOf(done.added, QStringLiteral("song"), QStringLiteral("songs"))
           << (done.createdHere ? QStringLiteral(" to the new %1 playlist \"")
                                      .arg(request.isPublic ? QStringLiteral("public") : QStringLiteral("private"))
                                : QStringLiteral(" to \""))
           << name << "\": https://open.spotify.com/playlist/" << done.playlistId << '\n';
    for (const Track &track : notSaved)
        io.err << "Not on Spotify, not saved: " << track.name << " - " << track.artistsText() << '\n';
    return ExitOk;
}

int runPlaylists(const QStringList &arguments, Streams io)
{
    quietLogging();
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("List your Spotify playlists: id, name, owner, number of tracks, and whether Spotify\n"
                       "lets apps read its tracks (only playlists you own or collaborate on)."));
    parser.addOption(jsonOption);
    if (const auto exit = parseOrExit(parser, arguments, io, Positionals::Refused))
        return *exit;

    SavedSignIn signIn(io);
    if (const auto exit = signIn.restore())
        return *exit;
    SpotifyPlaylistsJob *playlistsJob = signIn.client().allPlaylists();
    if (const auto exit = signIn.run(playlistsJob))
        return *exit;
    const QString userId = signIn.user().id;
    const std::vector<SpotifyPlaylist> &playlists = playlistsJob->result().playlists;

    if (parser.isSet(jsonOption)) {
        QJsonArray array;
        for (const SpotifyPlaylist &playlist : playlists) {
            array.append(QJsonObject{
                {QStringLiteral("id"), playlist.id},
                {QStringLiteral("name"), playlist.name},
                {QStringLiteral("owner"), playlist.ownerName},
                {QStringLiteral("tracks"), playlist.trackCount >= 0 ? QJsonValue(playlist.trackCount) : QJsonValue()},
                {QStringLiteral("readable"), isReadableBy(playlist, userId)}});
        }
        io.out << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return ExitOk;
    }

    struct Line {
        QString id, name, owner, tracks, readable;
    };
    std::vector<Line> lines{{QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("owner"),
                             QStringLiteral("tracks"), QStringLiteral("readable")}};
    for (const SpotifyPlaylist &playlist : playlists) {
        lines.push_back({playlist.id, playlist.name, playlist.ownerName,
                         playlist.trackCount >= 0 ? formatCount(playlist.trackCount) : QStringLiteral("?"),
                         isReadableBy(playlist, userId) ? QStringLiteral("yes") : QStringLiteral("no")});
    }
    qsizetype idWidth = 0, nameWidth = 0, ownerWidth = 0, tracksWidth = 0;
    for (const Line &line : lines) {
        idWidth = std::max(idWidth, line.id.size());
        nameWidth = std::max(nameWidth, line.name.size());
        ownerWidth = std::max(ownerWidth, line.owner.size());
        tracksWidth = std::max(tracksWidth, line.tracks.size());
    }
    for (const Line &line : lines) {
        io.out << line.id.leftJustified(idWidth) << "  " << line.name.leftJustified(nameWidth) << "  "
               << line.owner.leftJustified(ownerWidth) << "  " << line.tracks.rightJustified(tracksWidth) << "  "
               << line.readable << '\n';
    }
    io.out << countOf(qint64(playlists.size()), QStringLiteral("playlist"), QStringLiteral("playlists")) << ".\n";
    return ExitOk;
}

int runFetch(const QStringList &arguments, Streams io)
{
    quietLogging();
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Read the tracks of one of your Spotify playlists into the library. PLAYLIST is its id,\n"
                       "a spotify:playlist: URI or an open.spotify.com/playlist/ link. A playlist that has not\n"
                       "changed since the last fetch is not read again."));
    parser.addPositionalArgument(QStringLiteral("PLAYLIST"), QStringLiteral("The playlist: id, URI or link."));
    parser.addOption(jsonOption);
    if (const auto exit = parseOrExit(parser, arguments, io))
        return *exit;
    const QStringList positionals = parser.positionalArguments();
    if (positionals.size() != 1) {
        io.err << "Give one playlist: its id, spotify:playlist: URI or open.spotify.com link.\n";
        return ExitFailure;
    }
    const QString playlistId = playlistIdFrom(positionals.first());
    if (playlistId.isEmpty()) {
        io.err << QStringLiteral("\"%1\" is not a Spotify playlist id, URI or link.").arg(positionals.first()) << '\n';
        return ExitFailure;
    }
    const bool json = parser.isSet(jsonOption);

    Result<std::unique_ptr<LibraryDb>> library = LibraryDb::open(LibraryDb::defaultPath());
    if (!library) {
        io.err << library.error().message << '\n';
        return ExitFailure;
    }
    SavedSignIn signIn(io);
    if (const auto exit = signIn.restore())
        return *exit;

    // The user's list of playlists tells the name, owner and snapshot id.
    SpotifyPlaylistsJob *listJob = signIn.client().allPlaylists();
    if (const auto exit = signIn.run(listJob))
        return *exit;
    SpotifyPlaylist listed;
    listed.id = playlistId;
    for (const SpotifyPlaylist &playlist : listJob->result().playlists) {
        if (playlist.id == playlistId) {
            listed = playlist;
            break;
        }
    }
    const QString name = listed.name.isEmpty() ? playlistId : listed.name;

    auto printJson = [&](int tracks, const SpotifyItemsPage *page, bool upToDate) {
        const QJsonObject skipped{
            {QStringLiteral("episodes"), page ? page->episodes : 0},
            {QStringLiteral("local_files"), page ? page->localFiles : 0},
            {QStringLiteral("unavailable"), page ? page->nullEntries + page->missingId + page->malformed : 0}};
        io.out << QJsonDocument(QJsonObject{{QStringLiteral("playlist"), playlistId},
                                            {QStringLiteral("name"), name},
                                            {QStringLiteral("tracks"), tracks},
                                            {QStringLiteral("skipped"), skipped},
                                            {QStringLiteral("up_to_date"), upToDate}})
                      .toJson(QJsonDocument::Indented);
    };

    if (isUpToDate(**library, listed)) {
        const qsizetype stored = (*library)->playlist(playlistId)->trackIds.size();
        if (json)
            printJson(int(stored), nullptr, true);
        else
            io.out << QStringLiteral("\"%1\" is up to date: %2 in the library, unchanged since the "
                                     "last fetch.")
                          .arg(name, countOf(stored, QStringLiteral("track"), QStringLiteral("tracks")))
                   << '\n';
        return ExitOk;
    }

    SpotifyPlaylistTracksJob *tracksJob = signIn.client().playlistTracks(playlistId);
    const bool showProgress = isatty(fileno(stderr)) != 0;
    if (showProgress) {
        QObject::connect(tracksJob, &SpotifyJob::progress, tracksJob, [&](int done, int total) {
            restartLine(io.err);
            io.err << "Reading \"" << name << "\": " << done;
            if (total >= 0)
                io.err << " of " << total;
            io.err.flush();
        });
        QObject::connect(tracksJob, &SpotifyJob::finished, tracksJob, [&] {
            io.err << '\n';
            io.err.flush();
        });
    }
    if (const auto exit = signIn.run(tracksJob)) {
        const Error &error = *tracksJob->error();
        const bool refused = error.kind == ErrorKind::NotFound
            || (error.kind == ErrorKind::Api && error.message == playlistNotReadableReason());
        return refused ? ExitPlaylistRefused : *exit;
    }
    const SpotifyItemsPage &page = tracksJob->result();
    if (const Status stored = (*library)->store(spotifyPlaylistBatch(listed, page), {}); !stored) {
        io.err << stored.error().message << '\n';
        return ExitFailure;
    }

    const int tracks = int(page.tracks.size());
    if (json) {
        printJson(tracks, &page, false);
        return ExitOk;
    }
    io.out << QStringLiteral("Read %1 from \"%2\" into the library.")
                  .arg(countOf(tracks, QStringLiteral("track"), QStringLiteral("tracks")), name)
           << '\n';
    const int unavailable = page.nullEntries + page.missingId + page.malformed;
    if (page.skipped() > 0) {
        QStringList reasons;
        if (page.episodes > 0)
            reasons << countOf(page.episodes, QStringLiteral("episode"), QStringLiteral("episodes"));
        if (page.localFiles > 0)
            reasons << countOf(page.localFiles, QStringLiteral("local file"), QStringLiteral("local files"));
        if (unavailable > 0)
            reasons << countOf(unavailable, QStringLiteral("unavailable entry"), QStringLiteral("unavailable entries"));
        io.out << "Skipped " << countOf(page.skipped(), QStringLiteral("entry"), QStringLiteral("entries")) << ": "
               << reasons.join(QStringLiteral(", ")) << ".\n";
    }
    return ExitOk;
}

int runLogin(const QStringList &arguments, Streams io)
{
    quietLogging();
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Sign in to Spotify in your browser. The authorization URL is printed alone on one line;\n"
                       "open it, approve, and the browser comes back to http://127.0.0.1:PORT/callback, which\n"
                       "must be a redirect URI of your Spotify app. Waits at most 5 minutes."));
    parser.addOption(clientIdOption);
    const QCommandLineOption portOption(
        QStringLiteral("port"),
        QStringLiteral("The loopback port for the redirect (default: the last one used, at first "
                       "%1; 0: any free port, which is not remembered).")
            .arg(SpotifySettings::kDefaultRedirectPort),
        QStringLiteral("N"));
    parser.addOption(portOption);
    if (const auto exit = parseOrExit(parser, arguments, io, Positionals::Refused))
        return *exit;

    QSettings settings = SpotifySettings::openDefault();
    uint port = SpotifySettings::redirectPort(settings);
    if (parser.isSet(portOption)) {
        bool portOk = false;
        port = parser.value(portOption).toUInt(&portOk);
        if (!portOk || port > 65535) {
            io.err << "The port must be a number from 0 to 65535.\n";
            return ExitFailure;
        }
    }
    const QString clientId = clientIdFrom(parser, settings);
    if (clientId.isEmpty()) {
        io.err << "Give the Client ID of your Spotify app with --client-id (it is remembered "
                  "afterwards).\n";
        return ExitFailure;
    }

    SpotifyAccount account(settings);
    QEventLoop loop;
    std::optional<Error> failure;
    QObject::connect(&account, &SpotifyAccount::authorizationUrlReady, &loop, [&](const QUrl &url) {
        io.out << url.toString(QUrl::FullyEncoded) << '\n';
        io.out.flush();
    });
    QObject::connect(&account, &SpotifyAccount::notice, &loop, [&](const QString &text) { io.err << text << '\n'; });
    QObject::connect(&account, &SpotifyAccount::signedIn, &loop, &QEventLoop::quit);
    QObject::connect(&account, &SpotifyAccount::signInFailed, &loop, [&](const Error &error) {
        failure = error;
        loop.quit();
    });
    if (const Status started = account.signIn(clientId, quint16(port)); !started) {
        io.err << started.error().message << '\n';
        // A misconfigured endpoint is a usage error; a busy port, a failed sign-in.
        return started.error().kind == ErrorKind::Parse ? ExitFailure : ExitSignInFailed;
    }
    loop.exec();
    waitForKeychain(account);
    if (failure) {
        io.err << failure->message << '\n';
        return ExitSignInFailed;
    }
    io.out << "Signed in to Spotify as " << account.user().displayName << ".\n";
    return ExitOk;
}

int runLogout(const QStringList &arguments, Streams io)
{
    quietLogging();
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Forget the saved Spotify sign-in (the refresh token in the keychain). The Client ID\n"
                       "setting is kept."));
    parser.addOption(clientIdOption);
    if (const auto exit = parseOrExit(parser, arguments, io, Positionals::Refused))
        return *exit;

    QSettings settings = SpotifySettings::openDefault();
    if (const QString given = parser.value(clientIdOption).trimmed(); !given.isEmpty())
        SpotifySettings::saveClientId(settings, given);  // as the option promises
    SpotifyAccount account(settings);
    if (account.clientId().isEmpty()) {
        io.out << "Not signed in: no Spotify app has been used yet.\n";
        return ExitOk;
    }

    QEventLoop loop;
    std::optional<QString> keychainFailure;
    QObject::connect(&account, &SpotifyAccount::notice, &loop, [&](const QString &text) { keychainFailure = text; });
    QObject::connect(&account, &SpotifyAccount::signedOut, &loop, &QEventLoop::quit);
    account.signOut();
    loop.exec();
    if (!account.remembersSignIn()) {
        io.out << "Signed out (no keychain is available here, so no sign-in was saved).\n";
        return ExitOk;
    }
    if (keychainFailure) {
        io.err << *keychainFailure << '\n';
        return ExitFailure;
    }
    io.out << "Signed out of Spotify: the saved sign-in was removed from the keychain.\n";
    return ExitOk;
}

}  // namespace encore::cli
