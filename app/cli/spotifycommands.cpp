#include "spotifycommands.h"

#include "commands.h"

#include "textoutput.h"

#include "catalog/catalogimporter.h"
#include "spotify/clientidsetting.h"
#include "spotify/secretstore.h"
#include "spotify/spotifyauth.h"
#include "spotify/spotifyclient.h"
#include "spotify/spotifyendpoints.h"
#include "spotify/spotifyjson.h"
#include "storage/librarydb.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

#include <QRegularExpression>
#include <QSet>

#include <chrono>
#include <cstdio>
#include <memory>
#include <optional>

#include <unistd.h>

namespace encore::cli {

namespace {

const QCommandLineOption clientIdOption(
    QStringLiteral("client-id"),
    QStringLiteral("The Client ID of your Spotify app (remembered for later commands)."),
    QStringLiteral("ID"));

// The sign-in's progress messages and warnings are for debugging: the command itself says what
// went wrong, in one clear sentence on stderr.
// QT_LOGGING_RULES still turns them back on.
void quietLogging()
{
    QLoggingCategory::setFilterRules(QStringLiteral(
        "encore.*.debug=false\nencore.*.info=false\nencore.*.warning=false"));
}

// The client ID from the option, else the one saved by an earlier login.
QString clientIdFrom(const QCommandLineParser &parser, const QSettings &settings)
{
    const QString given = parser.value(clientIdOption).trimmed();
    return given.isEmpty() ? ClientIdSetting::load(settings) : given;
}

// GET {api}/me with the access token: who signed in.
Result<SpotifyUser> fetchCurrentUser(QNetworkAccessManager &network,
                                     const SpotifyEndpoints &endpoints, const QString &accessToken)
{
    QNetworkRequest request(endpoints.apiUrl(QStringLiteral("me")));
    request.setRawHeader("Authorization", "Bearer " + accessToken.toUtf8());
    request.setRawHeader("Accept", "application/json");
    request.setTransferTimeout(int(std::chrono::milliseconds(std::chrono::seconds(30)).count()));
    QNetworkReply *reply = network.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    reply->deleteLater();

    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0) {
        return Error{ErrorKind::Network,
                     QStringLiteral("Spotify could not be reached to look up your account (%1).")
                         .arg(reply->errorString())};
    }
    if (status == 401 || status == 403) {
        return Error{ErrorKind::Auth,
                     QStringLiteral("Spotify refused to say who signed in (HTTP %1); check that "
                                    "your account is added to the app's users in the Spotify "
                                    "dashboard.")
                         .arg(status)};
    }
    if (status != 200) {
        return Error{ErrorKind::Http,
                     QStringLiteral("Spotify answered HTTP %1 when asked who signed in.")
                         .arg(status)};
    }
    return parseCurrentUser(reply->readAll());
}

QString notSignedInSentence()
{
    return QStringLiteral("Not signed in to Spotify: run encore-cli login first.");
}

// A Spotify session restored from what `login` saved: the client ID setting and the refresh
// token in the keychain. Every rotated refresh token is written back to the keychain.
class RestoredSession {
public:
    explicit RestoredSession(Streams io) : m_io(io) {}
    ~RestoredSession() { waitForKeychain(); }
    RestoredSession(const RestoredSession &) = delete;
    RestoredSession &operator=(const RestoredSession &) = delete;

    // Signs in again with the saved refresh token; the exit status when that failed (the reason
    // is printed), nothing when the client is ready.
    std::optional<int> restore();
    SpotifyClient &client() { return *m_client; }
    // Waits until rotated refresh tokens are in the keychain.
    void waitForKeychain();

private:
    void saveRefreshToken(const TokenSet &tokens);

    Streams m_io;
    QNetworkAccessManager m_network;
    SecretStore m_secrets;
    QString m_clientId;
    QString m_savedRefreshToken;
    int m_pendingWrites = 0;
    std::unique_ptr<SpotifyAuth> m_auth;
    std::unique_ptr<SpotifySession> m_session;
    std::unique_ptr<SpotifyClient> m_client;
};

std::optional<int> RestoredSession::restore()
{
    const QSettings settings = ClientIdSetting::openDefault();
    m_clientId = ClientIdSetting::load(settings);
    if (m_clientId.isEmpty()) {
        m_io.err << notSignedInSentence() << '\n';
        return ExitSignInFailed;
    }
    const Result<SpotifyEndpoints> endpoints = SpotifyEndpoints::fromEnvironment();
    if (!endpoints) {
        m_io.err << endpoints.error().message << '\n';
        return ExitFailure;
    }

    std::optional<Result<QString>> secret;
    {
        QEventLoop loop;
        m_secrets.read(SecretStore::refreshTokenKey(m_clientId), [&](Result<QString> read) {
            secret = std::move(read);
            loop.quit();
        });
        if (!secret)
            loop.exec();
    }
    if (!*secret || (*secret)->isEmpty()) {
        const bool missing = *secret ? true : secret->error().kind == ErrorKind::NotFound;
        m_io.err << (missing ? notSignedInSentence() : secret->error().message) << '\n';
        return ExitSignInFailed;
    }
    m_savedRefreshToken = **secret;

    m_auth = std::make_unique<SpotifyAuth>(m_network, *endpoints, m_clientId);
    m_session = std::make_unique<SpotifySession>(*m_auth);
    QObject::connect(m_session.get(), &SpotifySession::tokensChanged, m_session.get(),
                     [this](const TokenSet &tokens) { saveRefreshToken(tokens); });

    bool ready = false;
    std::optional<Error> failure;
    {
        QEventLoop loop;
        QObject::connect(m_session.get(), &SpotifySession::tokensChanged, &loop, [&] {
            ready = true;
            loop.quit();
        });
        QObject::connect(m_session.get(), &SpotifySession::refreshFailed, &loop,
                         [&](const Error &error) {
                             failure = error;
                             loop.quit();
                         });
        m_session->setTokens(TokenSet{{}, m_savedRefreshToken, {}, {}});
        if (!ready && !failure)
            loop.exec();
    }
    if (!ready) {
        if (failure && failure->kind == ErrorKind::Auth)
            m_io.err << "Your Spotify sign-in has expired or was revoked: run encore-cli login "
                        "again.\n";
        else
            m_io.err << (failure ? failure->message
                                 : QStringLiteral("The Spotify sign-in could not be renewed."))
                     << '\n';
        return ExitSignInFailed;
    }
    m_client = std::make_unique<SpotifyClient>(m_network, *endpoints, *m_session);
    return std::nullopt;
}

void RestoredSession::saveRefreshToken(const TokenSet &tokens)
{
    if (tokens.refreshToken.isEmpty() || tokens.refreshToken == m_savedRefreshToken)
        return;
    m_savedRefreshToken = tokens.refreshToken;
    ++m_pendingWrites;
    m_secrets.write(SecretStore::refreshTokenKey(m_clientId), tokens.refreshToken,
                    [this](Status stored) {
                        --m_pendingWrites;
                        if (!stored)
                            m_io.err << stored.error().message
                                     << " Your Spotify sign-in will not be remembered.\n";
                    });
}

void RestoredSession::waitForKeychain()
{
    while (m_pendingWrites > 0)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
}

// Runs a job to its end; true when it succeeded.
bool runJob(SpotifyJob *job)
{
    if (!job->isFinished()) {
        QEventLoop loop;
        QObject::connect(job, &SpotifyJob::finished, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return !job->error();
}

// Prints why a job failed; the exit status that stands for it.
int jobFailed(const SpotifyJob *job, Streams io)
{
    io.err << job->error()->message << '\n';
    return job->error()->kind == ErrorKind::Auth ? ExitSignInFailed : ExitFailure;
}

const QCommandLineOption jsonOption(QStringLiteral("json"),
                                    QStringLiteral("Print JSON instead of text."));

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

int runPlaylists(const QStringList &arguments, Streams io)
{
    quietLogging();
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "List your Spotify playlists: id, name, owner, number of tracks, and whether Spotify\n"
        "lets apps read its tracks (only playlists you own or collaborate on)."));
    parser.addOption(jsonOption);
    if (const auto exit = parseOrExit(parser, arguments, io, Positionals::Refused))
        return *exit;

    RestoredSession session(io);
    if (const auto exit = session.restore())
        return *exit;
    SpotifyUserJob *userJob = session.client().currentUser();
    SpotifyPlaylistsJob *playlistsJob = session.client().allPlaylists();
    if (!runJob(userJob))
        return jobFailed(userJob, io);
    if (!runJob(playlistsJob))
        return jobFailed(playlistsJob, io);
    const QString userId = userJob->user().id;
    const std::vector<SpotifyPlaylist> &playlists = playlistsJob->result().playlists;

    if (parser.isSet(jsonOption)) {
        QJsonArray array;
        for (const SpotifyPlaylist &playlist : playlists) {
            array.append(QJsonObject{
                {QStringLiteral("id"), playlist.id},
                {QStringLiteral("name"), playlist.name},
                {QStringLiteral("owner"), playlist.ownerName},
                {QStringLiteral("tracks"), playlist.trackCount >= 0 ? QJsonValue(playlist.trackCount)
                                                                    : QJsonValue()},
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
                         playlist.trackCount >= 0 ? formatCount(playlist.trackCount)
                                                  : QStringLiteral("?"),
                         isReadableBy(playlist, userId) ? QStringLiteral("yes")
                                                        : QStringLiteral("no")});
    }
    qsizetype idWidth = 0, nameWidth = 0, ownerWidth = 0, tracksWidth = 0;
    for (const Line &line : lines) {
        idWidth = std::max(idWidth, line.id.size());
        nameWidth = std::max(nameWidth, line.name.size());
        ownerWidth = std::max(ownerWidth, line.owner.size());
        tracksWidth = std::max(tracksWidth, line.tracks.size());
    }
    for (const Line &line : lines) {
        io.out << line.id.leftJustified(idWidth) << "  " << line.name.leftJustified(nameWidth)
               << "  " << line.owner.leftJustified(ownerWidth) << "  "
               << line.tracks.rightJustified(tracksWidth) << "  " << line.readable << '\n';
    }
    io.out << countOf(qint64(playlists.size()), QStringLiteral("playlist"),
                      QStringLiteral("playlists"))
           << ".\n";
    return ExitOk;
}

int runFetch(const QStringList &arguments, Streams io)
{
    quietLogging();
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Read the tracks of one of your Spotify playlists into the library. PLAYLIST is its id,\n"
        "a spotify:playlist: URI or an open.spotify.com/playlist/ link. A playlist that has not\n"
        "changed since the last fetch is not read again."));
    parser.addPositionalArgument(QStringLiteral("PLAYLIST"),
                                 QStringLiteral("The playlist: id, URI or link."));
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
        io.err << QStringLiteral("\"%1\" is not a Spotify playlist id, URI or link.")
                      .arg(positionals.first())
               << '\n';
        return ExitFailure;
    }
    const bool json = parser.isSet(jsonOption);

    Result<std::unique_ptr<LibraryDb>> library = LibraryDb::open(LibraryDb::defaultPath());
    if (!library) {
        io.err << library.error().message << '\n';
        return ExitFailure;
    }
    RestoredSession session(io);
    if (const auto exit = session.restore())
        return *exit;

    // The user's list of playlists tells the name, owner and snapshot id.
    SpotifyPlaylistsJob *listJob = session.client().allPlaylists();
    if (!runJob(listJob))
        return jobFailed(listJob, io);
    std::optional<SpotifyPlaylist> listed;
    for (const SpotifyPlaylist &playlist : listJob->result().playlists) {
        if (playlist.id == playlistId) {
            listed = playlist;
            break;
        }
    }
    const QString name = listed ? listed->name : playlistId;

    auto printJson = [&](int tracks, const SpotifyItemsPage *page, bool upToDate) {
        const QJsonObject skipped{
            {QStringLiteral("episodes"), page ? page->episodes : 0},
            {QStringLiteral("local_files"), page ? page->localFiles : 0},
            {QStringLiteral("unavailable"),
             page ? page->nullEntries + page->missingId + page->malformed : 0}};
        io.out << QJsonDocument(QJsonObject{{QStringLiteral("playlist"), playlistId},
                                            {QStringLiteral("name"), name},
                                            {QStringLiteral("tracks"), tracks},
                                            {QStringLiteral("skipped"), skipped},
                                            {QStringLiteral("up_to_date"), upToDate}})
                      .toJson(QJsonDocument::Indented);
    };

    if (listed && !listed->snapshotId.isEmpty()) {
        const Result<Playlist> stored = (*library)->playlist(playlistId);
        if (stored && stored->origin == QLatin1String("spotify")
            && stored->snapshotId == listed->snapshotId) {
            if (json)
                printJson(int(stored->trackIds.size()), nullptr, true);
            else
                io.out << QStringLiteral("\"%1\" is up to date: %2 in the library, unchanged since "
                                         "the last fetch.")
                              .arg(name, countOf(stored->trackIds.size(), QStringLiteral("track"),
                                                 QStringLiteral("tracks")))
                       << '\n';
            return ExitOk;
        }
    }

    SpotifyPlaylistTracksJob *tracksJob = session.client().playlistTracks(playlistId);
    const bool showProgress = isatty(fileno(stderr)) != 0;
    if (showProgress) {
        QObject::connect(tracksJob, &SpotifyJob::progress, tracksJob, [&](int done, int total) {
            io.err << "\rReading \"" << name << "\": " << done;
            if (total >= 0)
                io.err << " of " << total;
            io.err.flush();
        });
    }
    const bool read = runJob(tracksJob);
    if (showProgress) {
        io.err << '\n';
        io.err.flush();
    }
    if (!read) {
        const Error &error = *tracksJob->error();
        if (error.kind == ErrorKind::NotFound
            || (error.kind == ErrorKind::Api && error.message == playlistNotReadableReason())) {
            io.err << error.message << '\n';
            return ExitPlaylistRefused;
        }
        return jobFailed(tracksJob, io);
    }
    const SpotifyItemsPage &page = tracksJob->result();

    ImportBatch batch;
    batch.sourcePath = QStringLiteral("spotify");
    Playlist playlist;
    playlist.id = playlistId;
    playlist.name = name;
    playlist.owner = listed ? listed->ownerName : QString();
    playlist.origin = QStringLiteral("spotify");
    playlist.snapshotId = listed ? listed->snapshotId : QString();
    QSet<QString> seen;
    for (const Track &track : page.tracks) {
        if (seen.contains(track.id))
            continue;
        seen.insert(track.id);
        batch.tracks.push_back(track);
        batch.features.emplace_back();
        playlist.trackIds.push_back(track.id);
    }
    batch.playlists.push_back(playlist);
    batch.rowsRead = qint64(page.tracks.size()) + page.skipped();
    if (const Status stored = (*library)->store(batch, {}); !stored) {
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
            reasons << countOf(page.localFiles, QStringLiteral("local file"),
                               QStringLiteral("local files"));
        if (unavailable > 0)
            reasons << countOf(unavailable, QStringLiteral("unavailable entry"),
                               QStringLiteral("unavailable entries"));
        io.out << "Skipped " << countOf(page.skipped(), QStringLiteral("entry"),
                                        QStringLiteral("entries"))
               << ": " << reasons.join(QStringLiteral(", ")) << ".\n";
    }
    return ExitOk;
}

int runLogin(const QStringList &arguments, Streams io)
{
    quietLogging();
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Sign in to Spotify in your browser. The authorization URL is printed alone on one line;\n"
        "open it, approve, and the browser comes back to http://127.0.0.1:PORT/callback, which\n"
        "must be a redirect URI of your Spotify app. Waits at most 5 minutes."));
    parser.addOption(clientIdOption);
    const QCommandLineOption portOption(
        QStringLiteral("port"),
        QStringLiteral("The loopback port for the redirect (default: any free port)."),
        QStringLiteral("N"), QStringLiteral("0"));
    parser.addOption(portOption);
    if (const auto exit = parseOrExit(parser, arguments, io, Positionals::Refused))
        return *exit;

    bool portOk = false;
    const uint port = parser.value(portOption).toUInt(&portOk);
    if (!portOk || port > 65535) {
        io.err << "The port must be a number from 0 to 65535.\n";
        return ExitFailure;
    }
    QSettings settings = ClientIdSetting::openDefault();
    const QString clientId = clientIdFrom(parser, settings);
    if (clientId.isEmpty()) {
        io.err << "Give the Client ID of your Spotify app with --client-id (it is remembered "
                  "afterwards).\n";
        return ExitFailure;
    }
    const Result<SpotifyEndpoints> endpoints = SpotifyEndpoints::fromEnvironment();
    if (!endpoints) {
        io.err << endpoints.error().message << '\n';
        return ExitFailure;
    }

    QNetworkAccessManager network;
    SpotifyAuth auth(network, *endpoints, clientId);
    auth.setCallbackTimeout(LoopbackReceiver::kDefaultTimeout);  // 5 minutes
    SecretStore secrets;
    QEventLoop loop;
    std::optional<TokenSet> tokens;
    std::optional<Error> failure;

    QObject::connect(&auth, &SpotifyAuth::authorizationUrlReady, &loop, [&](const QUrl &url) {
        io.out << url.toString(QUrl::FullyEncoded) << '\n';
        io.out.flush();
    });
    QObject::connect(&auth, &SpotifyAuth::signedIn, &loop, [&](const TokenSet &signedIn) {
        tokens = signedIn;
        loop.quit();
    });
    QObject::connect(&auth, &SpotifyAuth::failed, &loop, [&](const Error &error) {
        failure = error;
        loop.quit();
    });
    if (const Status started = auth.start(quint16(port)); !started) {
        io.err << started.error().message << '\n';
        return ExitSignInFailed;
    }
    loop.exec();
    if (!tokens) {
        io.err << (failure ? failure->message : QStringLiteral("The sign-in did not finish."))
               << '\n';
        return ExitSignInFailed;
    }

    // The client ID is not a secret; the refresh token goes to the keychain only.
    ClientIdSetting::save(settings, clientId);
    if (!tokens->refreshToken.isEmpty()) {
        std::optional<Status> stored;
        secrets.write(SecretStore::refreshTokenKey(clientId), tokens->refreshToken,
                      [&](Status status) {
                          stored = std::move(status);
                          loop.quit();
                      });
        loop.exec();
        if (stored && !*stored)
            io.err << stored->error().message << " Your sign-in will not be remembered.\n";
        else if (!secrets.isPersistent())
            io.err << SecretStore::notPersistentNotice() << '\n';
    } else {
        io.err << "Spotify sent no refresh token: your sign-in will not be remembered.\n";
    }

    const Result<SpotifyUser> user = fetchCurrentUser(network, *endpoints, tokens->accessToken);
    if (!user) {
        io.err << user.error().message << '\n';
        return ExitSignInFailed;
    }
    io.out << "Signed in to Spotify as " << user->displayName << ".\n";
    return ExitOk;
}

int runLogout(const QStringList &arguments, Streams io)
{
    quietLogging();
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Forget the saved Spotify sign-in (the refresh token in the keychain). The Client ID\n"
        "setting is kept."));
    parser.addOption(clientIdOption);
    if (const auto exit = parseOrExit(parser, arguments, io, Positionals::Refused))
        return *exit;

    const QSettings settings = ClientIdSetting::openDefault();
    const QString clientId = clientIdFrom(parser, settings);
    if (clientId.isEmpty()) {
        io.out << "Not signed in: no Spotify app has been used yet.\n";
        return ExitOk;
    }

    SecretStore secrets;
    QEventLoop loop;
    std::optional<Status> removed;
    secrets.remove(SecretStore::refreshTokenKey(clientId), [&](Status status) {
        removed = std::move(status);
        loop.quit();
    });
    loop.exec();
    if (removed && !*removed) {
        io.err << removed->error().message << '\n';
        return ExitFailure;
    }
    if (!secrets.isPersistent())
        io.out << "Signed out (no keychain is available here, so no sign-in was saved).\n";
    else
        io.out << "Signed out of Spotify: the saved sign-in was removed from the keychain.\n";
    return ExitOk;
}

}  // namespace encore::cli
