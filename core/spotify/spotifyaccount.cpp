#include "spotify/spotifyaccount.h"

#include "spotify/spotifyauth.h"
#include "spotify/spotifyclient.h"
#include "spotify/spotifyendpoints.h"
#include "spotify/spotifysettings.h"
#include "util/logging.h"

#include <QCoreApplication>
#include <QSettings>

#include <chrono>
#include <utility>

namespace encore {

namespace {

// The CLI and the GUI alike give the browser five minutes to come back.
constexpr std::chrono::milliseconds kCallbackTimeout = std::chrono::minutes(5);

Error notSignedIn()
{
    return {ErrorKind::NotFound, QCoreApplication::translate("encore::spotifyaccount", "Not signed in to Spotify.")};
}

// In development mode Spotify answers /me with 403 for users the app's dashboard does not list.
Error userNotAllowed()
{
    return {ErrorKind::Auth,
            QCoreApplication::translate("encore::spotifyaccount",
                                        "Spotify refused to say who signed in: add your Spotify "
                                        "account under User Management of your app in the "
                                        "Spotify developer dashboard, then sign in again.")};
}

Error signInExpired()
{
    return {ErrorKind::Auth,
            QCoreApplication::translate("encore::spotifyaccount",
                                        "Your Spotify sign-in has expired or was revoked: "
                                        "please sign in again.")};
}

}  // namespace

SpotifyAccount::SpotifyAccount(QSettings &settings, SecretStore::Backend backend, QObject *parent)
    : QObject(parent), m_settings(settings), m_secrets(backend)
{
    connect(&m_secrets, &SecretStore::persistenceLost, this, &SpotifyAccount::tellNotPersistent);
}

SpotifyAccount::~SpotifyAccount()
{
    // The session's objects (also those waiting for deleteLater) use the network and the
    // keychain, which are members and would go before the children; newest first.
    const QObjectList owned = children();
    for (auto it = owned.crbegin(); it != owned.crend(); ++it)
        delete *it;
}

QString SpotifyAccount::clientId() const
{
    return SpotifySettings::clientId(m_settings);
}

quint16 SpotifyAccount::redirectPort() const
{
    return SpotifySettings::redirectPort(m_settings);
}

bool SpotifyAccount::remembersSignIn() const
{
    return m_secrets.isPersistent();
}

SpotifyClient *SpotifyAccount::client() const
{
    return isSignedIn() ? m_client : nullptr;
}

bool SpotifyAccount::canChangePlaylists() const
{
    if (!isSignedIn() || !m_session)
        return false;
    const QString granted = m_session->tokens().scope;
    if (granted.isEmpty())
        return true;  // not said: Spotify will answer for itself
    const QStringList scopes = granted.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    return scopes.contains(QLatin1String("playlist-modify-private"))
        && scopes.contains(QLatin1String("playlist-modify-public"));
}

void SpotifyAccount::restore()
{
    dropSession();
    setState(State::Restoring);
    const QString savedClientId = clientId();
    if (savedClientId.isEmpty()) {
        failRestoreLater(notSignedIn());
        return;
    }
    const Result<SpotifyEndpoints> endpoints = SpotifyEndpoints::fromEnvironment();
    if (!endpoints) {
        failRestoreLater(endpoints.error());
        return;
    }
    const int attempt = m_attempt;
    m_secrets.read(SecretStore::refreshTokenKey(savedClientId),
                   [this, attempt, savedClientId, endpoints = *endpoints](Result<QString> secret) {
                       if (attempt != m_attempt)
                           return;
                       if (!secret || secret->isEmpty()) {
                           const bool missing = secret || secret.error().kind == ErrorKind::NotFound;
                           // Auth stands for an expired sign-in, not for a keychain that refused.
                           failRestore(missing ? notSignedIn() : Error{ErrorKind::Unavailable, secret.error().message});
                           return;
                       }
                       startSession(endpoints, savedClientId);
                       m_storedRefreshToken = *secret;
                       // With only a refresh token, the session refreshes at once.
                       m_session->setTokens(TokenSet{{}, *secret, {}, {}});
                   });
}

Status SpotifyAccount::signIn(const QString &clientId, quint16 port)
{
    dropSession();
    m_toldNotPersistent = false;
    const Result<SpotifyEndpoints> endpoints = SpotifyEndpoints::fromEnvironment();
    if (!endpoints) {
        setState(State::SignedOut);
        return endpoints.error();
    }
    startSession(*endpoints, clientId.trimmed());
    m_signInPort = port;
    connect(m_auth, &SpotifyAuth::signedIn, this, [this](const TokenSet &tokens) {
        m_session->setTokens(tokens);
        askWhoSignedIn();
    });
    connect(m_auth, &SpotifyAuth::failed, this, &SpotifyAccount::failSignIn);

    // start() announces the URL before it returns; it is passed on once the state says so.
    QUrl authorizationUrl;
    const QMetaObject::Connection announced = connect(m_auth, &SpotifyAuth::authorizationUrlReady, this,
                                                      [&authorizationUrl](const QUrl &url) { authorizationUrl = url; });
    const Status started = m_auth->start(port);
    disconnect(announced);
    if (!started) {
        dropSession();
        setState(State::SignedOut);
        return started;
    }
    setState(State::SigningIn);
    emit authorizationUrlReady(authorizationUrl);
    return success();
}

void SpotifyAccount::cancel()
{
    if (m_state != State::Restoring && m_state != State::SigningIn)
        return;
    dropSession();
    setState(State::SignedOut);
}

void SpotifyAccount::signOut()
{
    const QString signedInClientId = m_sessionClientId.isEmpty() ? clientId() : m_sessionClientId;
    dropSession();
    setState(State::SignedOut);
    const int attempt = m_attempt;
    auto finished = [this, attempt] {
        if (attempt == m_attempt)  // no sign-in or restore has started since
            emit signedOut();
    };
    if (signedInClientId.isEmpty()) {
        QMetaObject::invokeMethod(this, finished, Qt::QueuedConnection);
        return;
    }
    removeRefreshToken(signedInClientId, [this, finished](const Status &removed) {
        if (!removed)
            emit notice(removed.error().message);
        finished();
    });
}

void SpotifyAccount::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void SpotifyAccount::startSession(const SpotifyEndpoints &endpoints, const QString &clientId)
{
    m_sessionClientId = clientId;
    m_auth = new SpotifyAuth(m_network, endpoints, clientId, this);
    m_auth->setCallbackTimeout(kCallbackTimeout);
    m_session = new SpotifySession(*m_auth, this);
    m_client = new SpotifyClient(m_network, endpoints, *m_session, this);
    // Connected before any job connects, so an expired sign-in is handled here first.
    connect(m_session, &SpotifySession::tokensChanged, this, &SpotifyAccount::onTokensChanged);
    connect(m_session, &SpotifySession::refreshFailed, this, &SpotifyAccount::onRefreshFailed);
}

void SpotifyAccount::dropSession()
{
    ++m_attempt;
    // Detached first: a slot reached from here may start a new session.
    SpotifyAuth *auth = std::exchange(m_auth, nullptr);
    SpotifySession *session = std::exchange(m_session, nullptr);
    SpotifyClient *client = std::exchange(m_client, nullptr);
    m_userJob = nullptr;
    m_user = {};
    m_sessionClientId.clear();
    m_signInPort = 0;
    m_storedRefreshToken.clear();

    if (auth) {
        auth->disconnect(this);
        auth->cancel();  // frees the loopback port now
        auth->deleteLater();
    }
    if (session) {
        session->disconnect(this);
        session->clear();  // no scheduled refresh before it goes
        session->deleteLater();
    }
    if (client) {
        // Jobs still running end with Cancelled, so whoever waits for one hears of it.
        const auto jobs = client->findChildren<SpotifyJob *>(Qt::FindDirectChildrenOnly);
        for (SpotifyJob *job : jobs) {
            job->disconnect(this);
            job->cancel();
        }
        client->deleteLater();
    }
}

void SpotifyAccount::askWhoSignedIn()
{
    SpotifyUserJob *job = m_client->currentUser();
    m_userJob = job;
    connect(job, &SpotifyJob::finished, this, [this, job] {
        job->deleteLater();
        m_userJob = nullptr;
        onUserAnswered(*job);
    });
}

void SpotifyAccount::onUserAnswered(const SpotifyUserJob &job)
{
    if (const std::optional<Error> &error = job.error()) {
        if (m_state == State::SigningIn)
            failSignIn(error->kind == ErrorKind::Api ? userNotAllowed() : *error);
        else if (error->kind == ErrorKind::Auth)
            expire();
        else
            failRestore(*error);
        return;
    }
    const bool newSignIn = m_state == State::SigningIn;
    if (newSignIn) {
        // Remembered only now, so a failed sign-in leaves the settings and keychain as they were.
        SpotifySettings::saveClientId(m_settings, m_sessionClientId);
        if (m_signInPort != 0)
            SpotifySettings::saveRedirectPort(m_settings, m_signInPort);
    }
    m_user = job.user();
    if (newSignIn)
        m_auth->answerBrowser(success());  // only now: the browser's page says the sign-in worked
    qCInfo(lcSpotify) << "Spotify account signed in";
    setState(State::SignedIn);
    const int attempt = m_attempt;
    emit signedIn(m_user);
    // After signedIn, so that a notice about keeping the sign-in follows the sign-in it is about;
    // unless a slot has signed out meanwhile.
    if (newSignIn && attempt == m_attempt)
        keepRefreshToken();
}

void SpotifyAccount::keepRefreshToken()
{
    const QString refreshToken = m_session->tokens().refreshToken;
    if (!refreshToken.isEmpty()) {
        storeRefreshToken(refreshToken);
        return;
    }
    // An older sign-in must not come back in its place.
    removeRefreshToken(m_sessionClientId);
    emit notice(QCoreApplication::translate("encore::spotifyaccount",
                                            "Spotify sent no refresh token: your sign-in will not be "
                                            "remembered."));
}

void SpotifyAccount::onTokensChanged(const TokenSet &tokens)
{
    // A new sign-in's refresh token is stored once /me has answered.
    if (m_state == State::SigningIn)
        return;
    storeRefreshToken(tokens.refreshToken);
    if (m_state == State::Restoring && !m_userJob)
        askWhoSignedIn();
}

void SpotifyAccount::onRefreshFailed(const Error &error)
{
    if (error.kind == ErrorKind::Auth) {
        if (m_state == State::SigningIn)
            failSignIn(error);
        else
            expire();
        return;
    }
    // Otherwise the tokens are kept: a job that needed the refresh reports the failure itself,
    // except the restore's first refresh, which has no job behind it.
    if (m_state == State::Restoring && !m_userJob)
        failRestore(error);
}

void SpotifyAccount::failRestore(const Error &error)
{
    dropSession();
    setState(State::SignedOut);
    emit restoreFailed(error);
}

void SpotifyAccount::failRestoreLater(const Error &error)
{
    // restore() reports asynchronously in every case, so callers can connect after calling it.
    const int attempt = m_attempt;
    QMetaObject::invokeMethod(
        this,
        [this, attempt, error] {
            if (attempt == m_attempt)
                failRestore(error);
        },
        Qt::QueuedConnection);
}

void SpotifyAccount::failSignIn(const Error &error)
{
    if (m_auth)
        m_auth->answerBrowser(error);  // a browser may still wait for the outcome
    dropSession();
    setState(State::SignedOut);
    emit signInFailed(error);
}

void SpotifyAccount::expire()
{
    const QString expiredClientId = m_sessionClientId;
    qCInfo(lcSpotify) << "The saved Spotify sign-in no longer works; it is removed";
    dropSession();
    removeRefreshToken(expiredClientId);
    setState(State::SignedOut);
    emit restoreFailed(signInExpired());
}

void SpotifyAccount::storeRefreshToken(const QString &refreshToken)
{
    if (refreshToken.isEmpty() || refreshToken == m_storedRefreshToken)
        return;
    m_storedRefreshToken = refreshToken;
    if (!m_secrets.isPersistent())
        tellNotPersistent();
    ++m_pendingWrites;
    m_secrets.write(SecretStore::refreshTokenKey(m_sessionClientId), refreshToken, [this](const Status &stored) {
        if (!stored)
            emit notice(stored.error().message
                        + QCoreApplication::translate("encore::spotifyaccount",
                                                      " Your Spotify sign-in will not be "
                                                      "remembered."));
        keychainChangeFinished();
    });
}

void SpotifyAccount::removeRefreshToken(const QString &clientId, std::function<void(Status)> then)
{
    ++m_pendingWrites;
    m_secrets.remove(SecretStore::refreshTokenKey(clientId), [this, then = std::move(then)](const Status &removed) {
        if (then)
            then(removed);
        keychainChangeFinished();
    });
}

void SpotifyAccount::keychainChangeFinished()
{
    if (--m_pendingWrites == 0)
        emit keychainWritesFinished();
}

void SpotifyAccount::tellNotPersistent()
{
    if (m_toldNotPersistent)
        return;
    m_toldNotPersistent = true;
    emit notice(SecretStore::notPersistentNotice());
}

}  // namespace encore
