#include "fakespotifyaccounts.h"

#include "loopbacklistener.h"

#include <QCryptographicHash>
#include <QHostAddress>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>
#include <memory>

namespace encore::test {

namespace {

using Status = QHttpServerResponder::StatusCode;

QList<std::pair<QString, QString>> decodeForm(const QByteArray &body)
{
    QList<std::pair<QString, QString>> form;
    for (const QByteArray &pair : body.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype equals = pair.indexOf('=');
        QByteArray key = equals < 0 ? pair : pair.left(equals);
        QByteArray value = equals < 0 ? QByteArray() : pair.mid(equals + 1);
        key.replace('+', ' ');
        value.replace('+', ' ');
        form.append({QUrl::fromPercentEncoding(key), QUrl::fromPercentEncoding(value)});
    }
    return form;
}

QByteArray errorJson(const QString &error, const QString &description)
{
    return QJsonDocument(
               QJsonObject{{QStringLiteral("error"), error}, {QStringLiteral("error_description"), description}})
        .toJson(QJsonDocument::Compact);
}

// Spotify accepts loopback redirects only as IP literals: http://127.0.0.1:PORT/... or [::1].
bool isAcceptedRedirect(const QUrl &uri)
{
    return uri.isValid() && uri.scheme() == QLatin1String("http")
        && (uri.host() == QLatin1String("127.0.0.1") || uri.host() == QLatin1String("::1")) && uri.port() > 0
        && uri.path() == QLatin1String("/callback");
}

}  // namespace

QString FakeSpotifyAccounts::Request::formValue(const QString &key) const
{
    for (const auto &[k, v] : form) {
        if (k == key)
            return v;
    }
    return {};
}

bool FakeSpotifyAccounts::Request::hasFormKey(const QString &key) const
{
    return std::any_of(form.begin(), form.end(), [&](const auto &item) { return item.first == key; });
}

QByteArray FakeSpotifyAccounts::Request::header(const QByteArray &name) const
{
    for (const auto &[k, v] : headers) {
        if (k.compare(name, Qt::CaseInsensitive) == 0)
            return v;
    }
    return {};
}

FakeSpotifyAccounts::FakeSpotifyAccounts(QString clientId, QObject *parent)
    : QObject(parent), m_clientId(std::move(clientId))
{
    m_server.setMissingHandler([this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        handle(request, std::move(responder));
    });
}

bool FakeSpotifyAccounts::listen()
{
    m_port = listenOnLoopback(m_server);
    return m_port != 0;
}

QUrl FakeSpotifyAccounts::baseUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_port);
    return url;
}

void FakeSpotifyAccounts::revokeAllRefreshTokens()
{
    m_refreshTokens.clear();
}

void FakeSpotifyAccounts::failNextTokenRequest(int status, QByteArray body, QByteArray contentType)
{
    m_nextTokenAnswer = TokenAnswer{status, std::move(body), std::move(contentType)};
}

QList<FakeSpotifyAccounts::Request> FakeSpotifyAccounts::tokenRequests(const QString &grantType) const
{
    QList<Request> found;
    for (const Request &request : m_requests) {
        if (request.path == QLatin1String("/api/token")
            && (grantType.isEmpty() || request.formValue(QStringLiteral("grant_type")) == grantType))
            found.append(request);
    }
    return found;
}

int FakeSpotifyAccounts::authorizeCount() const
{
    return int(std::count_if(m_requests.begin(), m_requests.end(),
                             [](const Request &request) { return request.path == QLatin1String("/authorize"); }));
}

QString FakeSpotifyAccounts::mint(const char *kind)
{
    QByteArray random(24, Qt::Uninitialized);
    for (char &byte : random)
        byte = char(QRandomGenerator::global()->bounded(256));
    return QStringLiteral("%1-%2-%3")
        .arg(QLatin1String(kind))
        .arg(++m_serial)
        .arg(QString::fromLatin1(random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)));
}

void FakeSpotifyAccounts::handle(const QHttpServerRequest &httpRequest, QHttpServerResponder &&responder)
{
    Request request;
    switch (httpRequest.method()) {
    case QHttpServerRequest::Method::Get: request.method = "GET"; break;
    case QHttpServerRequest::Method::Post: request.method = "POST"; break;
    default: request.method = "OTHER"; break;
    }
    request.path = httpRequest.url().path();
    request.query = httpRequest.query();
    request.headers = httpRequest.headers();
    request.receivedAt = QDateTime::currentDateTimeUtc();
    if (request.header("Content-Type").startsWith("application/x-www-form-urlencoded"))
        request.form = decodeForm(httpRequest.body());
    m_requests.append(request);

    if (request.path == QLatin1String("/authorize") && request.method == "GET") {
        handleAuthorize(request, responder);
        return;
    }
    if (request.path == QLatin1String("/api/token")) {
        if (request.method != "POST") {
            responder.write(errorJson(QStringLiteral("invalid_request"), QStringLiteral("Only POST is supported")),
                            "application/json", Status::MethodNotAllowed);
            return;
        }
        TokenAnswer answer = tokenAnswer(request);
        if (m_tokenDelay.count() <= 0) {
            responder.write(answer.body, answer.contentType, Status(answer.status));
            return;
        }
        // Answer later; the client may have given up (and closed the socket) by then.
        auto pending = std::make_shared<QHttpServerResponder>(std::move(responder));
        QPointer<QTcpSocket> socket = pending->socket();
        QTimer::singleShot(m_tokenDelay, this, [pending, socket, answer] {
            if (socket && socket->state() == QAbstractSocket::ConnectedState)
                pending->write(answer.body, answer.contentType, Status(answer.status));
        });
        return;
    }
    responder.write(QByteArrayLiteral("Not found"), "text/plain", Status::NotFound);
}

void FakeSpotifyAccounts::handleAuthorize(const Request &request, QHttpServerResponder &responder)
{
    const QUrlQuery &query = request.query;
    auto value = [&](const char *key) { return query.queryItemValue(QLatin1String(key), QUrl::FullyDecoded); };
    // Problems with the client or redirect URI are shown to the user, never redirected.
    if (value("client_id") != m_clientId) {
        responder.write(QByteArrayLiteral("INVALID_CLIENT: Invalid client"), "text/plain", Status::BadRequest);
        return;
    }
    const QUrl redirect(value("redirect_uri"), QUrl::StrictMode);
    if (!isAcceptedRedirect(redirect)) {
        responder.write(QByteArrayLiteral("INVALID_CLIENT: Invalid redirect URI"), "text/plain", Status::BadRequest);
        return;
    }

    QUrlQuery answer;
    auto redirectWith = [&](QUrlQuery items) {
        if (query.hasQueryItem(QStringLiteral("state")))
            items.addQueryItem(QStringLiteral("state"), value("state"));
        QUrl target = redirect;
        target.setQuery(items);
        responder.write({{"Location", target.toEncoded()}}, Status::Found);
    };
    auto invalid = [&](const QString &description) {
        QUrlQuery items;
        items.addQueryItem(QStringLiteral("error"), QStringLiteral("invalid_request"));
        items.addQueryItem(QStringLiteral("error_description"), description);
        redirectWith(items);
    };
    if (value("response_type") != QLatin1String("code"))
        return invalid(QStringLiteral("response_type must be code"));
    if (value("code_challenge_method") != QLatin1String("S256"))
        return invalid(QStringLiteral("code_challenge_method must be S256"));
    const QString challenge = value("code_challenge");
    if (challenge.size() != 43)
        return invalid(QStringLiteral("code_challenge must be a base64url SHA-256 digest"));
    if (value("scope").isEmpty())
        return invalid(QStringLiteral("scope is missing"));

    QUrlQuery items;
    if (m_denyConsent) {
        items.addQueryItem(QStringLiteral("error"), QStringLiteral("access_denied"));
    } else {
        const QString code = mint("code");
        m_issued.append(code);
        m_codes.insert(
            code,
            PendingCode{challenge, redirect.toString(), m_grantedScope.isEmpty() ? value("scope") : m_grantedScope});
        items.addQueryItem(QStringLiteral("code"), code);
    }
    redirectWith(items);
}

FakeSpotifyAccounts::TokenAnswer FakeSpotifyAccounts::tokenAnswer(const Request &request)
{
    if (m_nextTokenAnswer) {
        TokenAnswer answer = *m_nextTokenAnswer;
        m_nextTokenAnswer.reset();
        return answer;
    }
    auto error = [](int status, const char *code, const char *description) {
        return TokenAnswer{status, errorJson(QLatin1String(code), QLatin1String(description))};
    };
    if (!request.header("Content-Type").startsWith("application/x-www-form-urlencoded"))
        return error(400, "invalid_request", "Unsupported content type");
    if (request.formValue(QStringLiteral("client_id")) != m_clientId)
        return error(400, "invalid_client", "Invalid client");

    const QString grant = request.formValue(QStringLiteral("grant_type"));
    if (grant == QLatin1String("authorization_code")) {
        const QString code = request.formValue(QStringLiteral("code"));
        if (code.isEmpty())
            return error(400, "invalid_request", "code must be supplied");
        const auto pending = m_codes.constFind(code);
        if (pending == m_codes.constEnd())
            return error(400, "invalid_grant", "Invalid authorization code");
        const PendingCode issued = *pending;
        m_codes.erase(pending);  // single use, even when the rest is wrong
        if (request.formValue(QStringLiteral("redirect_uri")) != issued.redirectUri)
            return error(400, "invalid_grant", "Invalid redirect URI");
        const QString verifier = request.formValue(QStringLiteral("code_verifier"));
        if (verifier.isEmpty())
            return error(400, "invalid_request", "code_verifier required");
        const QByteArray digest = QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256)
                                      .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        if (QString::fromLatin1(digest) != issued.challenge)
            return error(400, "invalid_grant", "code_verifier was incorrect");
        return issueTokens(issued.scope, true);
    }
    if (grant == QLatin1String("refresh_token")) {
        const QString refreshToken = request.formValue(QStringLiteral("refresh_token"));
        if (refreshToken.isEmpty())
            return error(400, "invalid_request", "refresh_token must be supplied");
        const auto known = m_refreshTokens.constFind(refreshToken);
        if (known == m_refreshTokens.constEnd())
            return error(400, "invalid_grant", "Refresh token revoked");
        const QString scope = *known;
        if (m_rotate)
            m_refreshTokens.erase(known);
        return issueTokens(scope, m_rotate);
    }
    return error(400, "unsupported_grant_type", "grant_type parameter is missing or not supported");
}

FakeSpotifyAccounts::TokenAnswer FakeSpotifyAccounts::issueTokens(const QString &scope, bool withRefreshToken)
{
    QJsonObject object{
        {QStringLiteral("access_token"), mint("access")},
        {QStringLiteral("token_type"), QStringLiteral("Bearer")},
        {QStringLiteral("scope"), scope},
        {QStringLiteral("expires_in"), m_expiresIn},
    };
    m_issued.append(object.value(QLatin1String("access_token")).toString());
    m_accessScopes.insert(object.value(QLatin1String("access_token")).toString(), scope);
    if (withRefreshToken) {
        const QString refreshToken = mint("refresh");
        m_refreshTokens.insert(refreshToken, scope);
        m_issued.append(refreshToken);
        object.insert(QStringLiteral("refresh_token"), refreshToken);
    }
    return TokenAnswer{200, QJsonDocument(object).toJson(QJsonDocument::Compact)};
}

}  // namespace encore::test
