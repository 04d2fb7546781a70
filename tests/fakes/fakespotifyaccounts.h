#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QHttpServer>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

#include <chrono>
#include <optional>
#include <utility>

namespace encore::test {

// A fake Spotify accounts service (accounts.spotify.com) on 127.0.0.1 and a random port, speaking
// the real protocol: GET /authorize (auto-approves with a 302 to the redirect URI) and
// POST /api/token (authorization_code with PKCE, refresh_token with rotation), with errors in
// Spotify's shapes. Knobs let tests provoke failures; every request is recorded.
class FakeSpotifyAccounts : public QObject {
    Q_OBJECT
public:
    struct Request {
        QByteArray method;
        QString path;
        QUrlQuery query;                          // of the URL
        QList<std::pair<QString, QString>> form;  // decoded x-www-form-urlencoded body
        QList<std::pair<QByteArray, QByteArray>> headers;
        QDateTime receivedAt;  // UTC
        QString formValue(const QString &key) const;
        bool hasFormKey(const QString &key) const;
        QByteArray header(const QByteArray &name) const;  // case-insensitive
    };

    static QString defaultClientId() { return QStringLiteral("encore-test-client-id"); }

    explicit FakeSpotifyAccounts(QString clientId = defaultClientId(), QObject *parent = nullptr);

    // Listens on 127.0.0.1 and a free port; false when that failed.
    bool listen();
    quint16 port() const { return m_port; }
    QUrl baseUrl() const;  // http://127.0.0.1:PORT, the value for ENCORE_SPOTIFY_ACCOUNTS_URL
    QString clientId() const { return m_clientId; }

    // ---- knobs
    void setExpiresIn(int seconds) { m_expiresIn = seconds; }
    void setDenyConsent(bool deny) { m_denyConsent = deny; }
    // Whether a refresh answer carries a new refresh token (the old one then stops working).
    void setRotateRefreshTokens(bool rotate) { m_rotate = rotate; }
    void revokeAllRefreshTokens();
    // Grants this scope to every sign-in from now on, whatever was asked (empty: what was asked),
    // as Spotify does for a sign-in made before an app asked for more.
    void setGrantedScope(const QString &scope) { m_grantedScope = scope; }
    // The token endpoint waits this long before answering.
    void setTokenDelay(std::chrono::milliseconds delay) { m_tokenDelay = delay; }
    // The next token request gets exactly this answer instead of the real one.
    void failNextTokenRequest(int status, QByteArray body, QByteArray contentType = "application/json");

    // ---- what happened
    QList<Request> requests() const { return m_requests; }
    QList<Request> tokenRequests(const QString &grantType = {}) const;
    int authorizeCount() const;
    // Every code, access and refresh token handed out, so tests can check none of them leaked.
    QStringList issuedSecrets() const { return m_issued; }
    // The scope an access token was issued with; empty for a token this fake never issued.
    QString scopeOf(const QString &accessToken) const { return m_accessScopes.value(accessToken); }

private:
    struct PendingCode {
        QString challenge;
        QString redirectUri;
        QString scope;
    };
    struct TokenAnswer {
        int status = 200;
        QByteArray body;
        QByteArray contentType = "application/json";
    };

    void handle(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    void handleAuthorize(const Request &request, QHttpServerResponder &responder);
    TokenAnswer tokenAnswer(const Request &request);
    TokenAnswer issueTokens(const QString &scope, bool withRefreshToken);
    QString mint(const char *kind);

    QHttpServer m_server;
    QString m_clientId;
    quint16 m_port = 0;
    int m_expiresIn = 3600;
    bool m_denyConsent = false;
    bool m_rotate = true;
    std::chrono::milliseconds m_tokenDelay{0};
    std::optional<TokenAnswer> m_nextTokenAnswer;
    QHash<QString, PendingCode> m_codes;      // issued, not yet used
    QHash<QString, QString> m_refreshTokens;  // valid refresh token -> scope
    QHash<QString, QString> m_accessScopes;   // issued access token -> scope
    QString m_grantedScope;
    QStringList m_issued;
    QList<Request> m_requests;
    int m_serial = 0;
};

}  // namespace encore::test
