#include "spotifycommands.h"

#include "commands.h"

#include "spotify/clientidsetting.h"
#include "spotify/secretstore.h"
#include "spotify/spotifyauth.h"
#include "spotify/spotifyendpoints.h"
#include "spotify/spotifyjson.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

#include <chrono>
#include <optional>

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

}  // namespace

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
