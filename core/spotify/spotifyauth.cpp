#include "spotifyauth.h"

#include "spotify/pkce.h"
#include "util/logging.h"
#include "util/retrypolicy.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrlQuery>

#include <algorithm>

namespace encore {

namespace {

QByteArray formEncode(const QList<std::pair<QString, QString>> &form)
{
    QByteArray body;
    for (const auto &[key, value] : form) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    }
    return body;
}

QString secondsText(std::chrono::milliseconds duration)
{
    const auto seconds = std::max<qint64>(1, std::chrono::duration_cast<std::chrono::seconds>(duration).count());
    return seconds == 1 ? QCoreApplication::translate("encore::spotifyauth", "1 second")
                        : QCoreApplication::translate("encore::spotifyauth", "%n seconds", nullptr, int(seconds));
}

// Spotify's error codes are short ASCII words; anything else from the callback is not shown.
QString safeErrorCode(const QString &code)
{
    const bool plain = !code.isEmpty() && code.size() <= 64 && std::all_of(code.begin(), code.end(), [](QChar c) {
        return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('-');
    });
    return plain ? code : QCoreApplication::translate("encore::spotifyauth", "unknown error");
}

}  // namespace

// ---- SpotifyAuth ---------------------------------------------------------------------------

QString SpotifyAuth::scopes()
{
    return QStringLiteral("playlist-read-private playlist-read-collaborative "
                          "playlist-modify-private playlist-modify-public");
}

SpotifyAuth::SpotifyAuth(QNetworkAccessManager &network, SpotifyEndpoints endpoints, QString clientId, QObject *parent)
    : QObject(parent), m_network(network), m_endpoints(std::move(endpoints)), m_clientId(std::move(clientId))
{}

SpotifyAuth::~SpotifyAuth()
{
    cancel();
}

void SpotifyAuth::setTransferTimeout(std::chrono::milliseconds timeout)
{
    m_transferTimeout = timeout;
}

void SpotifyAuth::setCallbackTimeout(std::chrono::milliseconds timeout)
{
    m_callbackTimeout = timeout;
}

Status SpotifyAuth::start(quint16 port)
{
    cancel();
    if (m_clientId.trimmed().isEmpty()) {
        return Error{ErrorKind::Auth,
                     QCoreApplication::translate("encore::spotifyauth",
                                                 "Encore needs the client ID of your Spotify app before you "
                                                 "can sign in.")};
    }
    auto *receiver = new LoopbackReceiver(this);
    receiver->setTimeout(m_callbackTimeout);
    if (Status listening = receiver->listen(port); !listening) {
        delete receiver;
        return listening;
    }
    m_receiver = receiver;
    connect(receiver, &LoopbackReceiver::callbackReceived, this, &SpotifyAuth::onCallback);
    connect(receiver, &LoopbackReceiver::timedOut, this, &SpotifyAuth::fail);

    m_codeVerifier = pkce::makeCodeVerifier();
    m_state = pkce::makeState();
    m_redirectUri = receiver->redirectUri();

    QUrlQuery query;
    query.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
    query.addQueryItem(QStringLiteral("client_id"), m_clientId);
    query.addQueryItem(QStringLiteral("scope"), scopes());
    query.addQueryItem(QStringLiteral("redirect_uri"), m_redirectUri.toString());
    query.addQueryItem(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
    query.addQueryItem(QStringLiteral("code_challenge"), pkce::codeChallengeS256(m_codeVerifier));
    query.addQueryItem(QStringLiteral("state"), m_state);
    // Encode every reserved character inside values (the redirect URI's ':' and '/', spaces).
    QString encoded;
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (!encoded.isEmpty())
            encoded += QLatin1Char('&');
        encoded += QString::fromLatin1(QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value));
    }
    QUrl url = m_endpoints.authorizeUrl();
    url.setQuery(encoded, QUrl::StrictMode);

    qCInfo(lcSpotify) << "Sign-in started; waiting for the browser on port" << receiver->port();
    emit authorizationUrlReady(url);
    return success();
}

void SpotifyAuth::cancel()
{
    if (m_receiver) {
        m_receiver->disconnect(this);
        m_receiver->stop();
        m_receiver->deleteLater();
        m_receiver = nullptr;
    }
    if (m_exchange) {
        QNetworkReply *reply = m_exchange;
        m_exchange = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
    m_codeVerifier.clear();
    m_state.clear();
    m_redirectUri.clear();
}

bool SpotifyAuth::isSigningIn() const
{
    return m_receiver != nullptr || m_exchange != nullptr;
}

QUrl SpotifyAuth::redirectUri() const
{
    return m_redirectUri;
}

void SpotifyAuth::answerBrowser(const Status &outcome)
{
    if (m_receiver)
        m_receiver->answerBrowser(outcome);
    cancel();
}

void SpotifyAuth::fail(const Error &error)
{
    if (m_receiver)
        m_receiver->answerBrowser(error);
    cancel();
    qCWarning(lcSpotify).noquote() << "Sign-in failed:" << error.message;
    emit failed(error);
}

void SpotifyAuth::onCallback(const QUrlQuery &query)
{
    // The receiver has stopped listening; it is kept until the exchange ends, to tell the browser.
    const QString state = query.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded);
    if (m_state.isEmpty() || state != m_state) {
        fail(Error{ErrorKind::Auth,
                   QCoreApplication::translate("encore::spotifyauth",
                                               "The answer from the browser did not match the sign-in Encore "
                                               "started, so it was ignored; please sign in again.")});
        return;
    }
    const QString error = query.queryItemValue(QStringLiteral("error"), QUrl::FullyDecoded);
    if (error == QLatin1String("access_denied")) {
        fail(Error{ErrorKind::Auth,
                   QCoreApplication::translate("encore::spotifyauth",
                                               "You declined to give Encore access to your Spotify account, "
                                               "so you are not signed in.")});
        return;
    }
    if (!error.isEmpty()) {
        fail(Error{ErrorKind::Auth,
                   QCoreApplication::translate("encore::spotifyauth",
                                               "Spotify could not complete the sign-in (%1); please try again.")
                       .arg(safeErrorCode(error))});
        return;
    }
    const QString code = query.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
    if (code.isEmpty()) {
        fail(Error{ErrorKind::Auth,
                   QCoreApplication::translate("encore::spotifyauth",
                                               "Spotify's answer had no sign-in code; please try again.")});
        return;
    }

    QNetworkReply *reply = postToken({
        {QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
        {QStringLiteral("code"), code},
        {QStringLiteral("redirect_uri"), m_redirectUri.toString()},
        {QStringLiteral("client_id"), m_clientId},
        {QStringLiteral("code_verifier"), m_codeVerifier},
    });
    m_exchange = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        m_exchange = nullptr;
        Result<TokenSet> tokens = readTokenReply(reply, Grant::AuthorizationCode, {});
        if (!tokens) {
            fail(tokens.error());
            return;
        }
        m_codeVerifier.clear();  // used up; the receiver waits for answerBrowser()
        m_state.clear();
        qCInfo(lcSpotify).noquote() << "Signed in to Spotify; the access token is valid until"
                                    << tokens->expiresAt.toString(Qt::ISODate);
        emit signedIn(*tokens);
    });
}

void SpotifyAuth::refresh(const QString &refreshToken)
{
    QNetworkReply *reply = postToken({
        {QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
        {QStringLiteral("refresh_token"), refreshToken},
        {QStringLiteral("client_id"), m_clientId},
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, refreshToken] {
        reply->deleteLater();
        Result<TokenSet> tokens = readTokenReply(reply, Grant::RefreshToken, refreshToken);
        if (!tokens) {
            qCWarning(lcSpotify).noquote() << "Token refresh failed:" << tokens.error().message;
            emit refreshFailed(tokens.error());
            return;
        }
        qCInfo(lcSpotify).noquote() << "Spotify access token refreshed; valid until"
                                    << tokens->expiresAt.toString(Qt::ISODate)
                                    << (tokens->refreshToken != refreshToken ? "(refresh token rotated)" : "");
        emit refreshed(*tokens);
    });
}

QNetworkReply *SpotifyAuth::postToken(const QList<std::pair<QString, QString>> &form)
{
    QNetworkRequest request(m_endpoints.tokenUrl());
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    request.setRawHeader("Accept", "application/json");
    request.setTransferTimeout(int(m_transferTimeout.count()));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    return m_network.post(request, formEncode(form));
}

Result<TokenSet> SpotifyAuth::readTokenReply(QNetworkReply *reply, Grant grant,
                                             const QString &previousRefreshToken) const
{
    const int status = answeredStatus(*reply);  // 0 also for an answer cut halfway
    if (reply->error() == QNetworkReply::OperationCanceledError) {
        return Error{
            ErrorKind::Network,
            QCoreApplication::translate("encore::spotifyauth", "Spotify's sign-in service did not answer within %1.")
                .arg(secondsText(m_transferTimeout))};
    }
    if (status == 0) {
        return Error{
            ErrorKind::Network,
            QCoreApplication::translate("encore::spotifyauth", "Encore could not reach Spotify's sign-in service (%1).")
                .arg(reply->errorString())};
    }

    const QByteArray body = reply->readAll();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    const QJsonObject object = document.object();

    if (status < 200 || status >= 300) {
        const QString code = object.value(QLatin1String("error")).toString();
        if (code == QLatin1String("invalid_grant")) {
            return Error{ErrorKind::Auth,
                         grant == Grant::RefreshToken
                             ? QCoreApplication::translate("encore::spotifyauth",
                                                           "Your Spotify sign-in is no longer valid; please "
                                                           "sign in again.")
                             : QCoreApplication::translate("encore::spotifyauth",
                                                           "Spotify did not accept the sign-in code; please "
                                                           "sign in again.")};
        }
        if (code == QLatin1String("invalid_client")) {
            return Error{ErrorKind::Auth,
                         QCoreApplication::translate("encore::spotifyauth",
                                                     "Spotify does not accept Encore's client ID; check the "
                                                     "client ID of your Spotify app in the settings.")};
        }
        if (status == 429) {
            return Error{ErrorKind::Http,
                         QCoreApplication::translate("encore::spotifyauth",
                                                     "Spotify's sign-in service is busy (too many requests); "
                                                     "please try again in a minute.")};
        }
        if (status >= 500) {
            return Error{ErrorKind::Http,
                         QCoreApplication::translate("encore::spotifyauth",
                                                     "Spotify's sign-in service is having trouble (HTTP %1); "
                                                     "please try again later.")
                             .arg(status)};
        }
        const QString detail = code.isEmpty() ? QString() : QStringLiteral(", ") + safeErrorCode(code);
        return Error{ErrorKind::Http,
                     QCoreApplication::translate("encore::spotifyauth",
                                                 "Spotify's sign-in service refused the request (HTTP %1%2).")
                         .arg(status)
                         .arg(detail)};
    }

    const Error unreadable{ErrorKind::Parse,
                           QCoreApplication::translate("encore::spotifyauth",
                                                       "Spotify's sign-in service sent an answer Encore "
                                                       "could not read.")};
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return unreadable;
    TokenSet tokens;
    tokens.accessToken = object.value(QLatin1String("access_token")).toString();
    const QJsonValue expiresIn = object.value(QLatin1String("expires_in"));
    const QString tokenType = object.value(QLatin1String("token_type")).toString();
    const bool bearer = tokenType.isEmpty() || tokenType.compare(QLatin1String("Bearer"), Qt::CaseInsensitive) == 0;
    if (tokens.accessToken.isEmpty() || !expiresIn.isDouble() || expiresIn.toDouble() <= 0 || !bearer) {
        return unreadable;
    }
    tokens.refreshToken = object.value(QLatin1String("refresh_token")).toString();
    if (tokens.refreshToken.isEmpty())
        tokens.refreshToken = previousRefreshToken;
    tokens.scope = object.value(QLatin1String("scope")).toString();
    tokens.expiresAt = QDateTime::currentDateTimeUtc().addMSecs(qint64(expiresIn.toDouble() * 1000.0));
    return tokens;
}

// ---- SpotifySession ------------------------------------------------------------------------

SpotifySession::SpotifySession(SpotifyAuth &auth, QObject *parent) : QObject(parent), m_auth(auth)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &SpotifySession::refreshNow);
    connect(&m_auth, &SpotifyAuth::refreshed, this, &SpotifySession::onRefreshed);
    connect(&m_auth, &SpotifyAuth::refreshFailed, this, &SpotifySession::onRefreshFailed);
}

std::chrono::milliseconds SpotifySession::refreshLead(std::chrono::milliseconds lifetime)
{
    return std::clamp(lifetime / 10, std::chrono::milliseconds(0), std::chrono::milliseconds(std::chrono::minutes(1)));
}

void SpotifySession::setTokens(const TokenSet &tokens)
{
    m_tokens = tokens;
    if (!m_tokens.hasAccessToken() && hasRefreshToken())
        refreshNow();
    else
        schedule();
}

void SpotifySession::clear()
{
    m_tokens = {};
    m_timer.stop();
    m_nextRefreshAt = {};
}

QDateTime SpotifySession::nextRefreshAt() const
{
    return m_nextRefreshAt;
}

void SpotifySession::schedule()
{
    m_timer.stop();
    m_nextRefreshAt = {};
    if (!m_tokens.hasAccessToken() || !hasRefreshToken() || !m_tokens.expiresAt.isValid())
        return;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const std::chrono::milliseconds remaining(std::max<qint64>(0, now.msecsTo(m_tokens.expiresAt)));
    const std::chrono::milliseconds delay = remaining - refreshLead(remaining);
    m_nextRefreshAt = now.addMSecs(delay.count());
    m_timer.start(delay);
}

void SpotifySession::refreshNow()
{
    if (m_refreshing)
        return;
    m_timer.stop();
    m_nextRefreshAt = {};
    if (!hasRefreshToken()) {
        QMetaObject::invokeMethod(
            this,
            [this] {
                emit refreshFailed(Error{ErrorKind::Auth,
                                         QCoreApplication::translate("encore::spotifyauth",
                                                                     "Encore is not signed in to Spotify; "
                                                                     "please sign in.")});
            },
            Qt::QueuedConnection);
        return;
    }
    m_refreshing = true;
    m_auth.refresh(m_tokens.refreshToken);
}

void SpotifySession::onRefreshed(const TokenSet &tokens)
{
    if (!m_refreshing)
        return;  // someone else's refresh
    m_refreshing = false;
    m_tokens = tokens;
    schedule();
    emit tokensChanged(m_tokens);
}

void SpotifySession::onRefreshFailed(const Error &error)
{
    if (!m_refreshing)
        return;
    m_refreshing = false;
    if (error.kind == ErrorKind::Auth)
        clear();
    emit refreshFailed(error);
}

}  // namespace encore
