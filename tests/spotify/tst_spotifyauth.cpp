#include "fakespotifyaccounts.h"
#include "spotify/loopbackreceiver.h"
#include "spotify/pkce.h"
#include "spotify/spotifyauth.h"
#include "spotify/spotifyendpoints.h"

#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <memory>
#include <optional>

using namespace encore;
using encore::test::FakeSpotifyAccounts;

namespace {

// Every message logged while the tests run, so the tests can prove no secret was logged.
QStringList g_logged;
QtMessageHandler g_previousHandler = nullptr;

void recordMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    g_logged.append(QString::fromLatin1(context.category ? context.category : "") + QLatin1Char(' ') + message);
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

// A port on 127.0.0.1 that nothing listens on.
quint16 closedPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress(QHostAddress::LocalHost), 0))
        return 0;
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

// Spotify's accounts service as if it ran on 127.0.0.1:port.
SpotifyEndpoints accountsOnPort(quint16 port)
{
    SpotifyEndpoints endpoints;
    endpoints.accounts = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
    return endpoints;
}

// Sends raw request bytes to 127.0.0.1:port, one write per chunk, and collects the answer.
class RawClient {
public:
    bool connectTo(quint16 port)
    {
        m_socket.connectToHost(QHostAddress(QHostAddress::LocalHost), port);
        return m_socket.waitForConnected(5000);
    }
    bool send(const QByteArray &chunk)
    {
        m_socket.write(chunk);
        return m_socket.waitForBytesWritten(5000);
    }
    // True once the server has answered and closed the connection.
    bool finished()
    {
        m_answer += m_socket.readAll();
        return m_socket.state() == QAbstractSocket::UnconnectedState;
    }
    QByteArray answer()
    {
        m_answer += m_socket.readAll();
        return m_answer;
    }

private:
    QTcpSocket m_socket;
    QByteArray m_answer;
};

// Plays the browser coming back from the consent page with a code; true once `receiver` (not yet
// listening) has reported the callback.
bool comeBackWithACode(LoopbackReceiver &receiver, RawClient &client)
{
    QSignalSpy received(&receiver, &LoopbackReceiver::callbackReceived);
    return receiver.listen(0).ok() && client.connectTo(receiver.port())
        && client.send("GET /callback?code=a&state=b HTTP/1.1\r\n\r\n") && (!received.isEmpty() || received.wait(5000));
}

}  // namespace

class TestSpotifyAuth : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void endpointsFromEnvironment_data();
    void endpointsFromEnvironment();
    void apiUrlKeepsItsQuery();

    void receiverAnswersAChunkedCallback();
    void receiverTellsTheBrowserOfAFailure();
    void receiverSendsAnUnansweredBrowserBack_data();
    void receiverSendsAnUnansweredBrowserBack();
    void receiverIgnoresOtherPaths();
    void receiverReportsDeniedConsent();
    void receiverTimesOut();
    void receiverReportsABusyPort();

    void fakeRefusesLocalhostRedirect();
    void signInEndToEnd();
    void stateMismatchIsRefused();
    void deniedConsentFails();
    void browserNeverComesBack();
    void tokenEndpointFailures_data();
    void tokenEndpointFailures();
    void browserLearnsOfAFailedExchange();
    void slowTokenEndpointTimesOut();
    void unreachableTokenEndpoint();

    void refreshRotatesTheRefreshToken();
    void refreshWithoutRotationKeepsTheOldToken();
    void revokedRefreshTokenAsksToSignInAgain();

    void refreshLead_data();
    void refreshLead();
    void sessionRefreshesBeforeExpiry();
    void sessionForcedRefreshIsShared();
    void sessionClearsTokensWhenSignInIsNoLongerValid();
    void sessionWithoutRefreshTokenFails();

private:
    SpotifyEndpoints fakeEndpoints() const;
    std::unique_ptr<SpotifyAuth> makeAuth();
    // GETs `url` like a browser; with followRedirects, the 302 leads to the loopback receiver.
    QNetworkReply *browse(const QUrl &url, bool followRedirects = true);
    // The whole sign-in; fails the test when it does not end in signedIn.
    std::optional<TokenSet> signIn(SpotifyAuth &auth);

    std::unique_ptr<FakeSpotifyAccounts> m_fake;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<QNetworkAccessManager> m_browser;
    QString m_lastError;    // why the last signIn() did not succeed
    QByteArray m_lastPage;  // what the browser showed at the end of the last signIn()
};

void TestSpotifyAuth::initTestCase()
{
    QLoggingCategory::setFilterRules(QStringLiteral("encore.spotify.debug=true"));
    g_previousHandler = qInstallMessageHandler(recordMessage);
}

void TestSpotifyAuth::init()
{
    m_fake = std::make_unique<FakeSpotifyAccounts>();
    QVERIFY(m_fake->listen());
    m_network = std::make_unique<QNetworkAccessManager>();
    m_browser = std::make_unique<QNetworkAccessManager>();
}

void TestSpotifyAuth::cleanup()
{
    // No code, access token or refresh token the fake handed out ever reached a log line.
    const QStringList secrets = m_fake->issuedSecrets();
    for (const QString &line : std::as_const(g_logged)) {
        for (const QString &secret : secrets)
            QVERIFY2(!line.contains(secret), "a secret was logged");
    }
    g_logged.clear();
    m_browser.reset();
    m_network.reset();
    m_fake.reset();
}

SpotifyEndpoints TestSpotifyAuth::fakeEndpoints() const
{
    QProcessEnvironment environment;
    environment.insert(QString::fromLatin1(SpotifyEndpoints::kAccountsVariable), m_fake->baseUrl().toString());
    Result<SpotifyEndpoints> endpoints = SpotifyEndpoints::fromEnvironment(environment);
    return endpoints ? *endpoints : SpotifyEndpoints{};
}

std::unique_ptr<SpotifyAuth> TestSpotifyAuth::makeAuth()
{
    return std::make_unique<SpotifyAuth>(*m_network, fakeEndpoints(), m_fake->clientId());
}

QNetworkReply *TestSpotifyAuth::browse(const QUrl &url, bool followRedirects)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         followRedirects ? QNetworkRequest::NoLessSafeRedirectPolicy
                                         : QNetworkRequest::ManualRedirectPolicy);
    QNetworkReply *reply = m_browser->get(request);
    reply->setParent(m_browser.get());
    return reply;
}

std::optional<TokenSet> TestSpotifyAuth::signIn(SpotifyAuth &auth)
{
    QUrl authorizeUrl;
    std::optional<TokenSet> tokens;
    std::optional<Error> error;
    connect(&auth, &SpotifyAuth::authorizationUrlReady, this, [&](const QUrl &url) { authorizeUrl = url; });
    // The caller's last check passes at once: the browser hears of it.
    connect(&auth, &SpotifyAuth::signedIn, this, [&](const TokenSet &t) {
        tokens = t;
        auth.answerBrowser(success());
    });
    connect(&auth, &SpotifyAuth::failed, this, [&](const Error &e) { error = e; });
    m_lastError.clear();
    m_lastPage.clear();
    const Status started = auth.start(0);
    if (!started) {
        m_lastError = started.error().message;
        return std::nullopt;
    }
    QNetworkReply *page = browse(authorizeUrl);
    if (!QTest::qWaitFor([&] { return tokens || error; }, 10000))
        m_lastError = QStringLiteral("sign-in did not finish");
    if (QTest::qWaitFor([&] { return page->isFinished(); }, 10000))
        m_lastPage = page->readAll();
    auth.disconnect(this);
    if (error)
        m_lastError = error->message;
    return tokens;
}

// ---- endpoints -----------------------------------------------------------------------------

void TestSpotifyAuth::endpointsFromEnvironment_data()
{
    QTest::addColumn<QString>("accounts");
    QTest::addColumn<QString>("api");
    QTest::addColumn<QString>("authorize");  // expected, or empty when an error is expected
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("me");
    QTest::addColumn<QString>("errorMentions");

    QTest::newRow("defaults") << QString() << QString() << "https://accounts.spotify.com/authorize"
                              << "https://accounts.spotify.com/api/token"
                              << "https://api.spotify.com/v1/me" << QString();
    QTest::newRow("loopback http") << "http://127.0.0.1:8080"
                                   << "http://localhost:9000/v1/"
                                   << "http://127.0.0.1:8080/authorize"
                                   << "http://127.0.0.1:8080/api/token"
                                   << "http://localhost:9000/v1/me" << QString();
    QTest::newRow("loopback range and ipv6") << "http://127.1.2.3:81/accounts/"
                                             << "http://[::1]:82"
                                             << "http://127.1.2.3:81/accounts/authorize"
                                             << "http://127.1.2.3:81/accounts/api/token"
                                             << "http://[::1]:82/me" << QString();
    QTest::newRow("https anywhere") << "https://accounts.example.org/base" << QString()
                                    << "https://accounts.example.org/base/authorize"
                                    << "https://accounts.example.org/base/api/token"
                                    << "https://api.spotify.com/v1/me" << QString();
    QTest::newRow("http elsewhere refused") << "http://accounts.example.org" << QString() << QString() << QString()
                                            << QString() << "ENCORE_SPOTIFY_ACCOUNTS_URL must use https";
    QTest::newRow("http private address refused") << QString() << "http://10.0.0.1/v1" << QString() << QString()
                                                  << QString() << "ENCORE_SPOTIFY_API_URL must use https";
    QTest::newRow("other scheme refused") << "ftp://127.0.0.1/" << QString() << QString() << QString() << QString()
                                          << "ENCORE_SPOTIFY_ACCOUNTS_URL must be an https address";
    QTest::newRow("not an address") << QString() << "just words" << QString() << QString() << QString()
                                    << "ENCORE_SPOTIFY_API_URL is not a valid web address";
}

void TestSpotifyAuth::endpointsFromEnvironment()
{
    QFETCH(QString, accounts);
    QFETCH(QString, api);
    QFETCH(QString, authorize);
    QFETCH(QString, token);
    QFETCH(QString, me);
    QFETCH(QString, errorMentions);

    QProcessEnvironment environment;
    if (!accounts.isEmpty())
        environment.insert(QStringLiteral("ENCORE_SPOTIFY_ACCOUNTS_URL"), accounts);
    if (!api.isEmpty())
        environment.insert(QStringLiteral("ENCORE_SPOTIFY_API_URL"), api);
    const Result<SpotifyEndpoints> endpoints = SpotifyEndpoints::fromEnvironment(environment);
    if (!errorMentions.isEmpty()) {
        QVERIFY(!endpoints.ok());
        QCOMPARE(endpoints.error().kind, ErrorKind::Parse);
        QVERIFY2(endpoints.error().message.contains(errorMentions), qPrintable(endpoints.error().message));
        QVERIFY(endpoints.error().message.endsWith(QLatin1Char('.')));
        return;
    }
    QVERIFY2(endpoints.ok(), endpoints.ok() ? "" : qPrintable(endpoints.error().message));
    QCOMPARE(endpoints->authorizeUrl().toString(), authorize);
    QCOMPARE(endpoints->tokenUrl().toString(), token);
    QCOMPARE(endpoints->apiUrl(QStringLiteral("/me")).toString(), me);
}

void TestSpotifyAuth::apiUrlKeepsItsQuery()
{
    const SpotifyEndpoints endpoints;
    QCOMPARE(endpoints.apiUrl(QStringLiteral("me/playlists?limit=50&offset=0")).toString(),
             QStringLiteral("https://api.spotify.com/v1/me/playlists?limit=50&offset=0"));
    QCOMPARE(endpoints.apiUrl(QStringLiteral("/playlists/abc/items")).toString(),
             QStringLiteral("https://api.spotify.com/v1/playlists/abc/items"));
}

// ---- loopback receiver ---------------------------------------------------------------------

void TestSpotifyAuth::receiverAnswersAChunkedCallback()
{
    LoopbackReceiver receiver;
    QSignalSpy received(&receiver, &LoopbackReceiver::callbackReceived);
    QVERIFY(receiver.listen(0).ok());
    QVERIFY(receiver.port() != 0);
    QCOMPARE(receiver.redirectUri().toString(), QStringLiteral("http://127.0.0.1:%1/callback").arg(receiver.port()));

    RawClient client;
    QVERIFY(client.connectTo(receiver.port()));
    QVERIFY(client.send("GET /callback?code=abc%2B1&sta"));
    QVERIFY(client.send("te=xyz HTTP/1.1\r\nHost: 127.0.0.1\r\n"));
    QTest::qWait(50);  // let the receiver see the partial request
    QCOMPARE(received.count(), 0);
    QVERIFY(!client.finished());
    QVERIFY(client.send("Accept: text/html\r\n\r\n"));

    QTRY_COMPARE(received.count(), 1);
    const auto query = received.first().first().value<QUrlQuery>();
    QCOMPARE(query.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded), QStringLiteral("abc+1"));
    QCOMPARE(query.queryItemValue(QStringLiteral("state")), QStringLiteral("xyz"));
    QVERIFY(!receiver.isListening());

    // The browser hears nothing until the sign-in has ended.
    QTest::qWait(100);
    QVERIFY(!client.finished());
    QVERIFY(receiver.isBrowserWaiting());
    receiver.answerBrowser(success());
    QVERIFY(!receiver.isBrowserWaiting());
    QTRY_VERIFY(client.finished());
    const QByteArray answer = client.answer();
    QVERIFY2(answer.startsWith("HTTP/1.1 200 OK\r\n"), answer.constData());
    QVERIFY(answer.contains("Content-Type: text/html; charset=utf-8"));
    QVERIFY(answer.contains("Signed in to Encore — you can close this tab."));

    RawClient late;  // one shot: nobody listens any more
    late.connectTo(receiver.redirectUri().port());
    QTRY_VERIFY(late.finished());
    QCOMPARE(received.count(), 1);
}

void TestSpotifyAuth::receiverTellsTheBrowserOfAFailure()
{
    LoopbackReceiver receiver;
    RawClient client;
    QVERIFY(comeBackWithACode(receiver, client));

    receiver.answerBrowser(Error{ErrorKind::Network, QStringLiteral("Spotify <was> away.")});
    QTRY_VERIFY(client.finished());
    const QByteArray answer = client.answer();
    QVERIFY(answer.startsWith("HTTP/1.1 200 OK\r\n"));
    QVERIFY2(answer.contains("Sign-in failed: Spotify &lt;was&gt; away. Return to Encore to try "
                             "again."),
             answer.constData());
    QVERIFY(!answer.contains("Signed in"));
}

void TestSpotifyAuth::receiverSendsAnUnansweredBrowserBack_data()
{
    QTest::addColumn<bool>("stopped");  // the receiver stops, or nobody answers in time
    QTest::newRow("stopped") << true;
    QTest::newRow("no answer in time") << false;
}

void TestSpotifyAuth::receiverSendsAnUnansweredBrowserBack()
{
    QFETCH(bool, stopped);
    LoopbackReceiver receiver;
    receiver.setAnswerTimeout(std::chrono::milliseconds(200));
    RawClient client;
    QVERIFY(comeBackWithACode(receiver, client));
    if (stopped)
        receiver.stop();

    QTRY_VERIFY_WITH_TIMEOUT(client.finished(), 5000);
    const QByteArray answer = client.answer();
    QVERIFY2(answer.contains("Return to Encore to see whether the sign-in worked."), answer.constData());
    QVERIFY(!answer.contains("Signed in"));
    QVERIFY(!answer.contains("failed"));
    QVERIFY(!receiver.isBrowserWaiting());
}

void TestSpotifyAuth::receiverIgnoresOtherPaths()
{
    LoopbackReceiver receiver;
    QSignalSpy received(&receiver, &LoopbackReceiver::callbackReceived);
    QVERIFY(receiver.listen(0).ok());

    RawClient favicon;
    QVERIFY(favicon.connectTo(receiver.port()));
    QVERIFY(favicon.send("GET /favicon.ico HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
    QTRY_VERIFY(favicon.finished());
    QVERIFY(favicon.answer().startsWith("HTTP/1.1 404 "));
    QVERIFY(receiver.isListening());

    RawClient post;
    QVERIFY(post.connectTo(receiver.port()));
    QVERIFY(post.send("POST /callback?code=a&state=b HTTP/1.1\r\nContent-Length: 0\r\n\r\n"));
    QTRY_VERIFY(post.finished());
    QVERIFY(post.answer().startsWith("HTTP/1.1 405 "));

    RawClient noCode;
    QVERIFY(noCode.connectTo(receiver.port()));
    QVERIFY(noCode.send("GET /callback?state=b HTTP/1.1\r\n\r\n"));
    QTRY_VERIFY(noCode.finished());
    QVERIFY(noCode.answer().startsWith("HTTP/1.1 400 "));
    QCOMPARE(received.count(), 0);
    QVERIFY(receiver.isListening());

    RawClient callback;
    QVERIFY(callback.connectTo(receiver.port()));
    QVERIFY(callback.send("GET /callback?code=a&state=b HTTP/1.1\r\n\r\n"));
    QTRY_COMPARE(received.count(), 1);
    receiver.answerBrowser(success());
    QTRY_VERIFY(callback.finished());
    QVERIFY(callback.answer().startsWith("HTTP/1.1 200 OK"));
}

void TestSpotifyAuth::receiverReportsDeniedConsent()
{
    LoopbackReceiver receiver;
    QSignalSpy received(&receiver, &LoopbackReceiver::callbackReceived);
    QVERIFY(receiver.listen(0).ok());
    RawClient client;
    QVERIFY(client.connectTo(receiver.port()));
    QVERIFY(client.send("GET /callback?error=access_denied&state=s1 HTTP/1.1\r\n\r\n"));
    QTRY_COMPARE(received.count(), 1);
    const auto query = received.first().first().value<QUrlQuery>();
    QCOMPARE(query.queryItemValue(QStringLiteral("error")), QStringLiteral("access_denied"));
    QTRY_VERIFY(client.finished());
    const QByteArray answer = client.answer();
    QVERIFY(answer.startsWith("HTTP/1.1 200 OK"));
    QVERIFY(answer.contains("Sign-in was cancelled"));
    QVERIFY(!answer.contains("signed in to Encore"));
    QVERIFY(!receiver.isListening());
}

void TestSpotifyAuth::receiverTimesOut()
{
    LoopbackReceiver receiver;
    receiver.setTimeout(std::chrono::milliseconds(200));
    std::optional<Error> error;
    connect(&receiver, &LoopbackReceiver::timedOut, this, [&](const Error &e) { error = e; });
    QVERIFY(receiver.listen(0).ok());
    QTRY_VERIFY_WITH_TIMEOUT(error.has_value(), 5000);
    QCOMPARE(error->kind, ErrorKind::Auth);
    QVERIFY2(error->message.startsWith(QStringLiteral("Sign-in timed out")), qPrintable(error->message));
    QVERIFY(!receiver.isListening());
}

void TestSpotifyAuth::receiverReportsABusyPort()
{
    QTcpServer squatter;
    QVERIFY(squatter.listen(QHostAddress(QHostAddress::LocalHost), 0));
    LoopbackReceiver receiver;
    const Status listening = receiver.listen(squatter.serverPort());
    QVERIFY(!listening.ok());
    QCOMPARE(listening.error().kind, ErrorKind::Network);
    QVERIFY(listening.error().message.contains(QString::number(squatter.serverPort())));
    QVERIFY(!receiver.isListening());
}

// ---- sign-in -------------------------------------------------------------------------------

void TestSpotifyAuth::fakeRefusesLocalhostRedirect()
{
    QUrl url = m_fake->baseUrl();
    url.setPath(QStringLiteral("/authorize"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("client_id"), m_fake->clientId());
    query.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
    query.addQueryItem(QStringLiteral("redirect_uri"), QStringLiteral("http://localhost:8888/callback"));
    query.addQueryItem(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
    query.addQueryItem(QStringLiteral("code_challenge"), pkce::codeChallengeS256(pkce::makeCodeVerifier()));
    query.addQueryItem(QStringLiteral("state"), QStringLiteral("s"));
    query.addQueryItem(QStringLiteral("scope"), SpotifyAuth::scopes());
    url.setQuery(query);
    QNetworkReply *reply = browse(url, false);
    QTRY_VERIFY(reply->isFinished());
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 400);
    QCOMPARE(reply->readAll(), QByteArray("INVALID_CLIENT: Invalid redirect URI"));
}

void TestSpotifyAuth::signInEndToEnd()
{
    auto auth = makeAuth();
    QUrl authorizeUrl;
    std::optional<TokenSet> tokens;
    std::optional<Error> error;
    connect(auth.get(), &SpotifyAuth::authorizationUrlReady, this, [&](const QUrl &u) { authorizeUrl = u; });
    connect(auth.get(), &SpotifyAuth::signedIn, this, [&](const TokenSet &t) { tokens = t; });
    connect(auth.get(), &SpotifyAuth::failed, this, [&](const Error &e) { error = e; });

    QVERIFY(auth->start(0).ok());
    QVERIFY(auth->isSigningIn());
    QVERIFY(authorizeUrl.isValid());
    QCOMPARE(authorizeUrl.adjusted(QUrl::RemoveQuery), QUrl(m_fake->baseUrl().toString() + "/authorize"));
    const QUrlQuery query(authorizeUrl);
    auto item = [&](const char *key) { return query.queryItemValue(QLatin1String(key), QUrl::FullyDecoded); };
    QCOMPARE(item("response_type"), QStringLiteral("code"));
    QCOMPARE(item("client_id"), m_fake->clientId());
    QCOMPARE(item("scope"),
             QStringLiteral("playlist-read-private playlist-read-collaborative "
                            "playlist-modify-private playlist-modify-public"));
    QCOMPARE(item("redirect_uri"), auth->redirectUri().toString());
    QVERIFY(item("redirect_uri").startsWith(QStringLiteral("http://127.0.0.1:")));
    QVERIFY(item("redirect_uri").endsWith(QStringLiteral("/callback")));
    QCOMPARE(item("code_challenge_method"), QStringLiteral("S256"));
    QCOMPARE(item("code_challenge").size(), 43);
    QCOMPARE(item("state").size(), 43);

    const QDateTime before = QDateTime::currentDateTimeUtc();
    QNetworkReply *page = browse(authorizeUrl);
    QTRY_VERIFY(tokens || error);
    // The browser waits for the caller's last check (who signed in) before it is told.
    QTest::qWait(100);
    QVERIFY(!page->isFinished());
    auth->answerBrowser(success());
    QTRY_VERIFY(page->isFinished());
    QCOMPARE(page->error(), QNetworkReply::NoError);
    QCOMPARE(page->url().path(), QStringLiteral("/callback"));
    QVERIFY(page->readAll().contains("Signed in to Encore"));
    QVERIFY2(tokens, error ? qPrintable(error->message) : "no result");
    QVERIFY(!auth->isSigningIn());
    QCOMPARE(m_fake->authorizeCount(), 1);
    const auto exchanges = m_fake->tokenRequests(QStringLiteral("authorization_code"));
    QCOMPARE(exchanges.size(), 1);
    const auto &exchange = exchanges.first();
    QCOMPARE(tokens->accessToken, m_fake->issuedSecrets().at(1));
    QCOMPARE(tokens->refreshToken, m_fake->issuedSecrets().at(2));
    QCOMPARE(tokens->scope, item("scope"));
    QCOMPARE(tokens->expiresAt.timeSpec(), Qt::UTC);
    QVERIFY(tokens->expiresAt >= before.addSecs(3600));
    QVERIFY(tokens->expiresAt <= QDateTime::currentDateTimeUtc().addSecs(3600));

    // A public client: no secret in the form, no Basic authentication.
    QVERIFY(!exchange.hasFormKey(QStringLiteral("client_secret")));
    QVERIFY(exchange.header("Authorization").isEmpty());
    QCOMPARE(exchange.formValue(QStringLiteral("client_id")), m_fake->clientId());
    QCOMPARE(exchange.formValue(QStringLiteral("redirect_uri")), item("redirect_uri"));
    const QString verifier = exchange.formValue(QStringLiteral("code_verifier"));
    QVERIFY(pkce::isValidCodeVerifier(verifier));
    QCOMPARE(pkce::codeChallengeS256(verifier), item("code_challenge"));
    QVERIFY(!error);

    // The library said what it did, without any secret (checked in cleanup()).
    QVERIFY(std::any_of(g_logged.begin(), g_logged.end(), [](const QString &line) {
        return line.startsWith(QStringLiteral("encore.spotify Signed in to Spotify"));
    }));
}

void TestSpotifyAuth::stateMismatchIsRefused()
{
    auto auth = makeAuth();
    QUrl authorizeUrl;
    std::optional<Error> error;
    QSignalSpy signedIn(auth.get(), &SpotifyAuth::signedIn);
    connect(auth.get(), &SpotifyAuth::authorizationUrlReady, this, [&](const QUrl &u) { authorizeUrl = u; });
    connect(auth.get(), &SpotifyAuth::failed, this, [&](const Error &e) { error = e; });
    QVERIFY(auth->start(0).ok());

    QNetworkReply *consent = browse(authorizeUrl, false);
    QTRY_VERIFY(consent->isFinished());
    QCOMPARE(consent->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 302);
    QUrl callback = consent->header(QNetworkRequest::LocationHeader).toUrl();
    QUrlQuery query(callback);
    QVERIFY(query.hasQueryItem(QStringLiteral("code")));
    query.removeAllQueryItems(QStringLiteral("state"));
    query.addQueryItem(QStringLiteral("state"), pkce::makeState());
    callback.setQuery(query);
    QNetworkReply *page = browse(callback);
    QTRY_VERIFY(page->isFinished());

    QTRY_VERIFY(error.has_value());
    QCOMPARE(error->kind, ErrorKind::Auth);
    QVERIFY2(error->message.contains(QStringLiteral("did not match")), qPrintable(error->message));
    QVERIFY(m_fake->tokenRequests().isEmpty());
    QCOMPARE(signedIn.count(), 0);
    QVERIFY(!auth->isSigningIn());
}

void TestSpotifyAuth::deniedConsentFails()
{
    m_fake->setDenyConsent(true);
    auto auth = makeAuth();
    QUrl authorizeUrl;
    std::optional<Error> error;
    connect(auth.get(), &SpotifyAuth::authorizationUrlReady, this, [&](const QUrl &u) { authorizeUrl = u; });
    connect(auth.get(), &SpotifyAuth::failed, this, [&](const Error &e) { error = e; });
    QVERIFY(auth->start(0).ok());
    QNetworkReply *page = browse(authorizeUrl);
    QTRY_VERIFY(page->isFinished());
    QVERIFY(page->readAll().contains("Sign-in was cancelled"));
    QTRY_VERIFY(error.has_value());
    QCOMPARE(error->kind, ErrorKind::Auth);
    QVERIFY2(error->message.startsWith(QStringLiteral("You declined")), qPrintable(error->message));
    QVERIFY(m_fake->tokenRequests().isEmpty());
}

void TestSpotifyAuth::browserNeverComesBack()
{
    auto auth = makeAuth();
    auth->setCallbackTimeout(std::chrono::milliseconds(200));
    std::optional<Error> error;
    connect(auth.get(), &SpotifyAuth::failed, this, [&](const Error &e) { error = e; });
    QVERIFY(auth->start(0).ok());
    const quint16 port = quint16(auth->redirectUri().port());
    QTRY_VERIFY_WITH_TIMEOUT(error.has_value(), 5000);
    QCOMPARE(error->kind, ErrorKind::Auth);
    QVERIFY(error->message.startsWith(QStringLiteral("Sign-in timed out")));
    QVERIFY(!auth->isSigningIn());
    QTcpServer reuse;  // the port was let go
    QVERIFY(reuse.listen(QHostAddress(QHostAddress::LocalHost), port));
}

void TestSpotifyAuth::tokenEndpointFailures_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("message");

    QTest::newRow("server error") << 500 << QByteArray("{}") << QByteArray("application/json") << int(ErrorKind::Http)
                                  << "Spotify's sign-in service is having trouble (HTTP 500); "
                                     "please try again later.";
    QTest::newRow("html instead of json")
        << 200 << QByteArray("<html>maintenance</html>") << QByteArray("text/html") << int(ErrorKind::Parse)
        << "Spotify's sign-in service sent an answer Encore "
           "could not read.";
    QTest::newRow("truncated json") << 200 << QByteArray("{\"access_token\":\"abc") << QByteArray("application/json")
                                    << int(ErrorKind::Parse)
                                    << "Spotify's sign-in service sent an answer Encore could "
                                       "not read.";
    QTest::newRow("no expires_in") << 200 << QByteArray("{\"access_token\":\"abc\"}") << QByteArray("application/json")
                                   << int(ErrorKind::Parse)
                                   << "Spotify's sign-in service sent an answer Encore could "
                                      "not read.";
    QTest::newRow("invalid client")
        << 400 << QByteArray(R"({"error":"invalid_client","error_description":"Invalid client"})")
        << QByteArray("application/json") << int(ErrorKind::Auth)
        << "Spotify does not accept Encore's client ID; check the client ID of your Spotify app "
           "in the settings.";
    QTest::newRow("bad request") << 400 << QByteArray(R"({"error":"invalid_request","error_description":"x"})")
                                 << QByteArray("application/json") << int(ErrorKind::Http)
                                 << "Spotify's sign-in service refused the request (HTTP 400, invalid_request).";
}

void TestSpotifyAuth::tokenEndpointFailures()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    QFETCH(int, kind);
    QFETCH(QString, message);

    m_fake->failNextTokenRequest(status, body, contentType);
    auto auth = makeAuth();
    std::optional<Error> error;
    connect(auth.get(), &SpotifyAuth::failed, this, [&](const Error &e) { error = e; });
    QVERIFY(!signIn(*auth).has_value());
    QVERIFY(error.has_value());
    QCOMPARE(int(error->kind), kind);
    QCOMPARE(error->message, message);
    QCOMPARE(m_fake->tokenRequests().size(), 1);
    QVERIFY(!auth->isSigningIn());
    // The browser was told, in the same words, that the sign-in failed.
    QVERIFY2(m_lastPage.contains(QByteArray("Sign-in failed: " + message.toHtmlEscaped().toUtf8())),
             m_lastPage.constData());
    QVERIFY(!m_lastPage.contains("Signed in"));
}

void TestSpotifyAuth::browserLearnsOfAFailedExchange()
{
    // The consent page answers, but the token endpoint cannot be reached.
    const quint16 port = closedPort();
    QVERIFY(port != 0);
    SpotifyAuth auth(*m_network, accountsOnPort(port), m_fake->clientId());
    QUrl authorizeUrl;
    std::optional<Error> error;
    connect(&auth, &SpotifyAuth::authorizationUrlReady, this, [&](const QUrl &u) { authorizeUrl = u; });
    connect(&auth, &SpotifyAuth::failed, this, [&](const Error &e) { error = e; });
    QVERIFY(auth.start(0).ok());
    authorizeUrl.setPort(m_fake->baseUrl().port());
    QNetworkReply *page = browse(authorizeUrl);
    QTRY_VERIFY(page->isFinished());
    QVERIFY(error.has_value());
    QCOMPARE(error->kind, ErrorKind::Network);
    const QByteArray answer = page->readAll();
    QVERIFY2(answer.contains("Sign-in failed: Encore could not reach Spotify's sign-in "
                             "service"),
             answer.constData());
    QVERIFY(answer.contains("Return to Encore to try again."));
    QVERIFY(!answer.contains("Signed in"));
}

void TestSpotifyAuth::slowTokenEndpointTimesOut()
{
    m_fake->setTokenDelay(std::chrono::seconds(5));
    auto auth = makeAuth();
    auth->setTransferTimeout(std::chrono::milliseconds(300));
    std::optional<Error> error;
    connect(auth.get(), &SpotifyAuth::failed, this, [&](const Error &e) { error = e; });
    QElapsedTimer elapsed;
    elapsed.start();
    QVERIFY(!signIn(*auth).has_value());
    QVERIFY(error.has_value());
    QVERIFY(elapsed.elapsed() < 4000);
    QCOMPARE(error->kind, ErrorKind::Network);
    QCOMPARE(error->message, QStringLiteral("Spotify's sign-in service did not answer within 1 second."));
}

void TestSpotifyAuth::unreachableTokenEndpoint()
{
    const quint16 port = closedPort();
    QVERIFY(port != 0);
    SpotifyAuth auth(*m_network, accountsOnPort(port), m_fake->clientId());
    std::optional<Error> error;
    connect(&auth, &SpotifyAuth::refreshFailed, this, [&](const Error &e) { error = e; });
    auth.refresh(QStringLiteral("some-refresh-token"));
    QTRY_VERIFY(error.has_value());
    QCOMPARE(error->kind, ErrorKind::Network);
    QVERIFY2(error->message.startsWith(QStringLiteral("Encore could not reach Spotify's sign-in service")),
             qPrintable(error->message));
    QVERIFY(!error->message.contains(QStringLiteral("some-refresh-token")));
}

// ---- refresh -------------------------------------------------------------------------------

void TestSpotifyAuth::refreshRotatesTheRefreshToken()
{
    auto auth = makeAuth();
    const std::optional<TokenSet> first = signIn(*auth);
    QVERIFY2(first.has_value(), qPrintable(m_lastError));

    std::optional<TokenSet> refreshed;
    std::optional<Error> error;
    connect(auth.get(), &SpotifyAuth::refreshed, this, [&](const TokenSet &t) { refreshed = t; });
    connect(auth.get(), &SpotifyAuth::refreshFailed, this, [&](const Error &e) { error = e; });
    auth->refresh(first->refreshToken);
    QTRY_VERIFY(refreshed || error);
    QVERIFY2(refreshed, error ? qPrintable(error->message) : "no result");
    QVERIFY(!refreshed->accessToken.isEmpty());
    QVERIFY(refreshed->accessToken != first->accessToken);
    QVERIFY(!refreshed->refreshToken.isEmpty());
    QVERIFY(refreshed->refreshToken != first->refreshToken);
    QCOMPARE(refreshed->scope, first->scope);
    const auto refreshes = m_fake->tokenRequests(QStringLiteral("refresh_token"));
    QCOMPARE(refreshes.size(), 1);
    QCOMPARE(refreshes.first().formValue(QStringLiteral("refresh_token")), first->refreshToken);
    QCOMPARE(refreshes.first().formValue(QStringLiteral("client_id")), m_fake->clientId());
    QVERIFY(!refreshes.first().hasFormKey(QStringLiteral("client_secret")));

    // The rotated-out token is dead now.
    refreshed.reset();
    auth->refresh(first->refreshToken);
    QTRY_VERIFY(refreshed || error);
    QVERIFY(error.has_value());
    QCOMPARE(error->kind, ErrorKind::Auth);
    QCOMPARE(error->message, QStringLiteral("Your Spotify sign-in is no longer valid; please sign in again."));
}

void TestSpotifyAuth::refreshWithoutRotationKeepsTheOldToken()
{
    auto auth = makeAuth();
    const std::optional<TokenSet> first = signIn(*auth);
    QVERIFY2(first.has_value(), qPrintable(m_lastError));
    m_fake->setRotateRefreshTokens(false);
    std::optional<TokenSet> refreshed;
    connect(auth.get(), &SpotifyAuth::refreshed, this, [&](const TokenSet &t) { refreshed = t; });
    auth->refresh(first->refreshToken);
    QTRY_VERIFY(refreshed.has_value());
    QCOMPARE(refreshed->refreshToken, first->refreshToken);
    QVERIFY(refreshed->accessToken != first->accessToken);
}

void TestSpotifyAuth::revokedRefreshTokenAsksToSignInAgain()
{
    auto auth = makeAuth();
    const std::optional<TokenSet> first = signIn(*auth);
    QVERIFY2(first.has_value(), qPrintable(m_lastError));
    m_fake->revokeAllRefreshTokens();
    std::optional<Error> error;
    connect(auth.get(), &SpotifyAuth::refreshFailed, this, [&](const Error &e) { error = e; });
    auth->refresh(first->refreshToken);
    QTRY_VERIFY(error.has_value());
    QCOMPARE(error->kind, ErrorKind::Auth);
    QCOMPARE(error->message, QStringLiteral("Your Spotify sign-in is no longer valid; please sign in again."));
}

// ---- session -------------------------------------------------------------------------------

void TestSpotifyAuth::refreshLead_data()
{
    QTest::addColumn<qint64>("lifetimeMs");
    QTest::addColumn<qint64>("leadMs");
    QTest::newRow("an hour: a minute early") << qint64(3600000) << qint64(60000);
    QTest::newRow("ten minutes: a minute early") << qint64(600000) << qint64(60000);
    QTest::newRow("100 s: a tenth early") << qint64(100000) << qint64(10000);
    QTest::newRow("2 s: a tenth early") << qint64(2000) << qint64(200);
    QTest::newRow("expired: now") << qint64(0) << qint64(0);
}

void TestSpotifyAuth::refreshLead()
{
    QFETCH(qint64, lifetimeMs);
    QFETCH(qint64, leadMs);
    QCOMPARE(SpotifySession::refreshLead(std::chrono::milliseconds(lifetimeMs)).count(), leadMs);
}

void TestSpotifyAuth::sessionRefreshesBeforeExpiry()
{
    m_fake->setExpiresIn(3);  // refreshed 0.3 s before it runs out
    auto auth = makeAuth();
    const std::optional<TokenSet> first = signIn(*auth);
    QVERIFY2(first.has_value(), qPrintable(m_lastError));

    SpotifySession session(*auth);
    std::optional<TokenSet> changed;
    QDateTime changedAt;
    connect(&session, &SpotifySession::tokensChanged, this, [&](const TokenSet &t) {
        if (!changed) {
            changed = t;
            changedAt = QDateTime::currentDateTimeUtc();
        }
    });
    session.setTokens(*first);
    QCOMPARE(session.accessToken(), first->accessToken);
    QVERIFY(session.nextRefreshAt().isValid());
    QVERIFY(session.nextRefreshAt() < first->expiresAt);
    QVERIFY(m_fake->tokenRequests(QStringLiteral("refresh_token")).isEmpty());

    QTRY_VERIFY_WITH_TIMEOUT(changed.has_value(), 10000);
    const auto refreshes = m_fake->tokenRequests(QStringLiteral("refresh_token"));
    QVERIFY(!refreshes.isEmpty());
    QCOMPARE(refreshes.first().formValue(QStringLiteral("refresh_token")), first->refreshToken);
    QVERIFY2(refreshes.first().receivedAt < first->expiresAt, "the refresh was asked for after the token expired");
    QVERIFY(changedAt > refreshes.first().receivedAt.addMSecs(-1));
    QVERIFY(session.accessToken() != first->accessToken);
    QVERIFY(session.tokens().refreshToken != first->refreshToken);
    QVERIFY(session.nextRefreshAt().isValid());  // and the next one is scheduled
}

void TestSpotifyAuth::sessionForcedRefreshIsShared()
{
    auto auth = makeAuth();
    const std::optional<TokenSet> first = signIn(*auth);
    QVERIFY2(first.has_value(), qPrintable(m_lastError));
    SpotifySession session(*auth);
    QSignalSpy changed(&session, &SpotifySession::tokensChanged);
    session.setTokens(*first);
    QVERIFY(session.nextRefreshAt() > QDateTime::currentDateTimeUtc().addSecs(3000));

    session.refreshNow();  // e.g. two API calls got a 401 at once
    session.refreshNow();
    QVERIFY(session.isRefreshing());
    QTRY_COMPARE(changed.count(), 1);
    QVERIFY(!session.isRefreshing());
    QCOMPARE(m_fake->tokenRequests(QStringLiteral("refresh_token")).size(), 1);
    QVERIFY(session.accessToken() != first->accessToken);
    QCOMPARE(changed.first().first().value<TokenSet>().accessToken, session.accessToken());
}

void TestSpotifyAuth::sessionClearsTokensWhenSignInIsNoLongerValid()
{
    auto auth = makeAuth();
    const std::optional<TokenSet> first = signIn(*auth);
    QVERIFY2(first.has_value(), qPrintable(m_lastError));
    SpotifySession session(*auth);
    session.setTokens(*first);
    m_fake->revokeAllRefreshTokens();
    std::optional<Error> error;
    connect(&session, &SpotifySession::refreshFailed, this, [&](const Error &e) { error = e; });
    session.refreshNow();
    QTRY_VERIFY(error.has_value());
    QCOMPARE(error->kind, ErrorKind::Auth);
    QCOMPARE(error->message, QStringLiteral("Your Spotify sign-in is no longer valid; please sign in again."));
    QVERIFY(!session.hasRefreshToken());
    QVERIFY(session.accessToken().isEmpty());
    QVERIFY(!session.nextRefreshAt().isValid());
}

void TestSpotifyAuth::sessionWithoutRefreshTokenFails()
{
    auto auth = makeAuth();
    SpotifySession session(*auth);
    std::optional<Error> error;
    connect(&session, &SpotifySession::refreshFailed, this, [&](const Error &e) { error = e; });
    session.refreshNow();
    QVERIFY(!error.has_value());  // reported asynchronously, like every other outcome
    QTRY_VERIFY(error.has_value());
    QCOMPARE(error->kind, ErrorKind::Auth);
    QVERIFY(m_fake->tokenRequests().isEmpty());
}

QTEST_GUILESS_MAIN(TestSpotifyAuth)
#include "tst_spotifyauth.moc"
