#pragma once

#include "spotify/loopbackreceiver.h"
#include "spotify/spotifyendpoints.h"
#include "util/result.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <QUrl>

#include <chrono>

class QNetworkAccessManager;
class QNetworkReply;

namespace encore {

// What Spotify's token endpoint handed out. Secrets: never log these or put them in messages.
struct TokenSet {
    QString accessToken;
    QString refreshToken;
    QString scope;
    QDateTime expiresAt;  // UTC

    bool hasAccessToken() const { return !accessToken.isEmpty(); }
    bool isExpired(const QDateTime &now = QDateTime::currentDateTimeUtc()) const
    {
        return !expiresAt.isValid() || now >= expiresAt;
    }
};

// Sign-in with Spotify: Authorization Code with PKCE through the user's browser and a one-shot
// loopback listener, and token refresh. The browser's page says how the sign-in ended only once
// the code has been exchanged for tokens. No client secret is used. All work is asynchronous on
// the given QNetworkAccessManager; results come as signals.
class SpotifyAuth : public QObject {
    Q_OBJECT
public:
    static QString scopes();  // the scopes Encore asks for, space separated
    static constexpr std::chrono::milliseconds kDefaultTransferTimeout = std::chrono::seconds(30);

    SpotifyAuth(QNetworkAccessManager &network, SpotifyEndpoints endpoints, QString clientId,
                QObject *parent = nullptr);
    ~SpotifyAuth() override;

    // How long one request to the token endpoint may take.
    void setTransferTimeout(std::chrono::milliseconds timeout);
    // How long to wait for the browser to come back (the CLI and GUI use 5 minutes).
    void setCallbackTimeout(std::chrono::milliseconds timeout);

    // Starts a sign-in: listens on 127.0.0.1:port (0 = any free port) and emits
    // authorizationUrlReady with the URL to open in the browser. Ends with signedIn or failed.
    // After signedIn the browser still waits for answerBrowser(): the caller may have a last
    // check to make (who signed in), and the page must not claim a sign-in that then fails.
    // An error here (e.g. the port is taken) means nothing was started. A sign-in already in
    // progress is cancelled first.
    Status start(quint16 port = 0);
    // Tells the browser waiting after signedIn how the sign-in ended, and ends it.
    void answerBrowser(const Status &outcome);
    // Abandons a sign-in in progress without emitting anything.
    void cancel();
    bool isSigningIn() const;
    QUrl redirectUri() const;  // of the sign-in in progress

    // Trades a refresh token for fresh tokens. Ends with refreshed or refreshFailed. A rotated
    // refresh token in the answer replaces the old one; otherwise the old one is kept.
    void refresh(const QString &refreshToken);

signals:
    void authorizationUrlReady(const QUrl &url);
    void signedIn(const encore::TokenSet &tokens);
    void failed(const encore::Error &error);
    void refreshed(const encore::TokenSet &tokens);
    void refreshFailed(const encore::Error &error);

private:
    enum class Grant { AuthorizationCode, RefreshToken };

    void onCallback(const QUrlQuery &query);
    void fail(const Error &error);
    QNetworkReply *postToken(const QList<std::pair<QString, QString>> &form);
    Result<TokenSet> readTokenReply(QNetworkReply *reply, Grant grant, const QString &previousRefreshToken) const;

    QNetworkAccessManager &m_network;
    SpotifyEndpoints m_endpoints;
    QString m_clientId;
    std::chrono::milliseconds m_transferTimeout = kDefaultTransferTimeout;
    std::chrono::milliseconds m_callbackTimeout = LoopbackReceiver::kDefaultTimeout;

    // The sign-in in progress.
    LoopbackReceiver *m_receiver = nullptr;
    QString m_codeVerifier;
    QString m_state;
    QUrl m_redirectUri;
    QPointer<QNetworkReply> m_exchange;
};

// Holds the current tokens and keeps the access token fresh: a refresh is scheduled on a timer a
// little before expiry (a minute, or a tenth of the lifetime when that is shorter), and
// refreshNow() forces one (the API client calls it once after a 401 and retries once). Concurrent
// requests for a refresh share one request. Emits tokensChanged after every successful refresh,
// so the caller can store a rotated refresh token in the keychain.
class SpotifySession : public QObject {
    Q_OBJECT
public:
    explicit SpotifySession(SpotifyAuth &auth, QObject *parent = nullptr);

    // Takes over tokens from a sign-in, or a refresh token restored from the keychain (with no
    // access token, a refresh starts at once).
    void setTokens(const TokenSet &tokens);
    void clear();

    const TokenSet &tokens() const { return m_tokens; }
    QString accessToken() const { return m_tokens.accessToken; }
    bool hasRefreshToken() const { return !m_tokens.refreshToken.isEmpty(); }
    bool isRefreshing() const { return m_refreshing; }
    // When the scheduled refresh fires; invalid when none is scheduled.
    QDateTime nextRefreshAt() const;

    // Refreshes now unless a refresh is already running. Ends with tokensChanged or
    // refreshFailed. Without a refresh token, emits refreshFailed.
    void refreshNow();

    // How long before expiry the scheduled refresh runs, for a token that lives `lifetime`.
    static std::chrono::milliseconds refreshLead(std::chrono::milliseconds lifetime);

signals:
    void tokensChanged(const encore::TokenSet &tokens);
    // The user must sign in again when error.kind is Auth (the tokens are then cleared);
    // otherwise the tokens are kept and a later refreshNow() may succeed.
    void refreshFailed(const encore::Error &error);

private:
    void schedule();
    void onRefreshed(const TokenSet &tokens);
    void onRefreshFailed(const Error &error);

    SpotifyAuth &m_auth;
    TokenSet m_tokens;
    QTimer m_timer;
    QDateTime m_nextRefreshAt;
    bool m_refreshing = false;
};

}  // namespace encore
