#include "fakespotify.h"
#include "keychainsupport.h"
#include "spotify/secretstore.h"
#include "spotify/spotifyaccount.h"
#include "spotify/spotifyclient.h"
#include "spotify/spotifyendpoints.h"
#include "spotify/spotifysettings.h"
#include "testsupport.h"
#include "util/settingskeys.h"

#include <QFile>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QSettings>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <functional>
#include <memory>
#include <optional>

using namespace encore;
using encore::test::FakeSpotify;
using encore::test::FakeSpotifyApi;
using encore::test::keychainExpected;
using encore::test::readSecret;

namespace {

// The name the Web API fake answers /me with.
const QString kDisplayName = QStringLiteral("Antoine Egea");

// Every message logged while the tests run, so the tests can prove no secret was logged.
QStringList g_logged;
QtMessageHandler g_previousHandler = nullptr;

void recordMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    g_logged.append(message);
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

// A port on 127.0.0.1 that nothing listens on now.
quint16 freePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress(QHostAddress::LocalHost), 0))
        return 0;
    return server.serverPort();
}

// Starts a keychain operation and waits for its answer.
template <typename T>
std::optional<T> waitFor(const std::function<void(std::function<void(T)>)> &start)
{
    std::optional<T> answer;
    start([&](T value) { answer = std::move(value); });
    (void)QTest::qWaitFor([&] { return answer.has_value(); }, 30000);
    return answer;
}

}  // namespace

// A test that reads what another SpotifyAccount saved needs a keychain that outlives it.
#define REQUIRE_KEYCHAIN()                                                                                             \
    do {                                                                                                               \
        if (!m_keychain)                                                                                               \
            QSKIP("No keychain on this system: a saved sign-in cannot outlive its account.");                          \
    } while (false)

class TestSpotifyAccount : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void redirectPortSetting_data();
    void redirectPortSetting();

    void signInRemembersTheAccount();
    void restoreSignsInWithoutTheBrowser();
    void restoreWithNothingSavedIsNotFound_data();
    void restoreWithNothingSavedIsNotFound();
    void restoreWithARevokedTokenForgetsIt();
    void restoreKeepsTheTokenWhenSpotifyFails();
    void rotatedRefreshTokenIsStored();
    void revokedWhileSignedInSignsOut();
    void signOutForgetsTheSignIn();
    void withoutKeychainTheSignInLastsTheSession();
    void portInUseIsNamed();
    void deniedConsentFails();
    void userTheAppDoesNotListFails();
    void cancelAbandonsTheSignIn();

private:
    std::unique_ptr<SpotifyAccount> makeAccount(SecretStore::Backend backend = SecretStore::Backend::Keychain);
    // Signs in through `account`, playing the browser; the error when it did not end in
    // signedIn.
    Status signIn(SpotifyAccount &account, quint16 port = 0);
    // Signs in with an account that is gone afterwards, leaving only what it saved.
    bool signInWithAnAccountThatGoes();
    // Waits for restore() to end; the error of restoreFailed, or nothing after signedIn.
    std::optional<Error> restore(SpotifyAccount &account);
    bool waitForKeychain(SpotifyAccount &account);
    QString secretKey() const { return SecretStore::refreshTokenKey(m_clientId); }
    QByteArray settingsFileBytes();

    bool m_keychain = false;
    QString m_clientId;
    std::unique_ptr<FakeSpotify> m_spotify;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<QNetworkAccessManager> m_browser;
    QByteArray m_lastPage;  // what the browser showed at the end of the last signIn()
};

void TestSpotifyAccount::initTestCase()
{
    QLoggingCategory::setFilterRules(QStringLiteral("encore.*.debug=true"));
    g_previousHandler = qInstallMessageHandler(recordMessage);

    // Whether a saved secret outlives the store that saved it.
    SecretStore probe;
    const QString key = QStringLiteral("encore-test-probe:") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    const std::optional<Status> written =
        waitFor<Status>([&](auto done) { probe.write(key, QStringLiteral("probe"), std::move(done)); });
    QVERIFY(written.has_value());
    m_keychain = probe.isPersistent() && written->ok();
    (void)waitFor<Status>([&](auto done) { probe.remove(key, std::move(done)); });
    if (!m_keychain && keychainExpected())
        QFAIL("ENCORE_EXPECT_KEYCHAIN=1 but no keychain was found.");
}

void TestSpotifyAccount::init()
{
    // A client ID of its own, so no test (or parallel run) shares a keychain entry.
    m_clientId = QStringLiteral("encore-account-test-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString data = encore::test::sharedDataFile(QStringLiteral("spotify-api"));
    ENCORE_REQUIRE_FILE(data);
    m_spotify = std::make_unique<FakeSpotify>(m_clientId, data);
    const QString failure = m_spotify->start();
    QVERIFY2(failure.isEmpty(), qPrintable(failure));

    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("Encore.conf")), QSettings::IniFormat);
    m_browser = std::make_unique<QNetworkAccessManager>();
}

void TestSpotifyAccount::cleanup()
{
    // No code, access token or refresh token the fake handed out ever reached a log line.
    const QStringList secrets = m_spotify->accounts.issuedSecrets();
    for (const QString &line : std::as_const(g_logged)) {
        for (const QString &secret : secrets)
            QVERIFY2(!line.contains(secret), "a secret was logged");
    }
    g_logged.clear();
    if (m_keychain) {
        SecretStore store;
        (void)waitFor<Status>([&](auto done) { store.remove(secretKey(), std::move(done)); });
    }
    m_browser.reset();
    m_settings.reset();
    m_dir.reset();
    m_spotify.reset();
}

std::unique_ptr<SpotifyAccount> TestSpotifyAccount::makeAccount(SecretStore::Backend backend)
{
    return std::make_unique<SpotifyAccount>(*m_settings, backend);
}

Status TestSpotifyAccount::signIn(SpotifyAccount &account, quint16 port)
{
    QUrl authorizeUrl;
    bool signedIn = false;
    std::optional<Error> failure;
    connect(&account, &SpotifyAccount::authorizationUrlReady, this, [&](const QUrl &url) { authorizeUrl = url; });
    connect(&account, &SpotifyAccount::signedIn, this, [&] { signedIn = true; });
    connect(&account, &SpotifyAccount::signInFailed, this, [&](const Error &e) { failure = e; });
    const Status started = account.signIn(m_clientId, port);
    if (started) {
        // The browser: the fake approves and redirects to the loopback receiver.
        QNetworkRequest request(authorizeUrl);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
        QNetworkReply *page = m_browser->get(request);
        page->setParent(m_browser.get());
        if (!QTest::qWaitFor([&] { return signedIn || failure; }, 10000))
            failure = Error{ErrorKind::Network, QStringLiteral("the sign-in did not finish")};
        m_lastPage = QTest::qWaitFor([page] { return page->isFinished(); }, 10000) ? page->readAll() : QByteArray();
    }
    account.disconnect(this);
    if (!started)
        return started;
    if (failure)
        return *failure;
    return success();
}

bool TestSpotifyAccount::signInWithAnAccountThatGoes()
{
    const auto account = makeAccount();
    return signIn(*account) && waitForKeychain(*account);
}

std::optional<Error> TestSpotifyAccount::restore(SpotifyAccount &account)
{
    bool signedIn = false;
    std::optional<Error> failure;
    connect(&account, &SpotifyAccount::signedIn, this, [&] { signedIn = true; });
    connect(&account, &SpotifyAccount::restoreFailed, this, [&](const Error &e) { failure = e; });
    account.restore();
    if (!QTest::qWaitFor([&] { return signedIn || failure; }, 10000))
        failure = Error{ErrorKind::Network, QStringLiteral("the restore did not finish")};
    account.disconnect(this);
    return failure;
}

bool TestSpotifyAccount::waitForKeychain(SpotifyAccount &account)
{
    return QTest::qWaitFor([&] { return !account.hasPendingKeychainWrites(); }, 30000);
}

QByteArray TestSpotifyAccount::settingsFileBytes()
{
    m_settings->sync();
    QFile file(m_settings->fileName());
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// ---- settings ----------------------------------------------------------------------------

void TestSpotifyAccount::redirectPortSetting_data()
{
    QTest::addColumn<QVariant>("stored");
    QTest::addColumn<int>("expected");
    QTest::newRow("unset") << QVariant() << int(SpotifySettings::kDefaultRedirectPort);
    QTest::newRow("saved") << QVariant(8080) << 8080;
    QTest::newRow("as text") << QVariant(QStringLiteral("8081")) << 8081;
    QTest::newRow("zero") << QVariant(0) << int(SpotifySettings::kDefaultRedirectPort);
    QTest::newRow("negative") << QVariant(-5) << int(SpotifySettings::kDefaultRedirectPort);
    QTest::newRow("too large") << QVariant(70000) << int(SpotifySettings::kDefaultRedirectPort);
    QTest::newRow("not a number") << QVariant(QStringLiteral("http")) << int(SpotifySettings::kDefaultRedirectPort);
}

void TestSpotifyAccount::redirectPortSetting()
{
    QFETCH(QVariant, stored);
    QFETCH(int, expected);
    if (stored.isValid())
        m_settings->setValue(settingskeys::spotifyRedirectPort, stored);
    QCOMPARE(int(SpotifySettings::redirectPort(*m_settings)), expected);

    SpotifySettings::saveRedirectPort(*m_settings, 50123);
    QSettings reread(m_settings->fileName(), QSettings::IniFormat);
    QCOMPARE(reread.value(settingskeys::spotifyRedirectPort).toInt(), 50123);
    QCOMPARE(int(SpotifySettings::redirectPort(reread)), 50123);
}

// ---- signing in and restoring ------------------------------------------------------------

void TestSpotifyAccount::signInRemembersTheAccount()
{
    const quint16 port = freePort();
    QVERIFY(port != 0);
    const auto account = makeAccount();
    QSignalSpy states(account.get(), &SpotifyAccount::stateChanged);
    QSignalSpy notices(account.get(), &SpotifyAccount::notice);
    QCOMPARE(account->client(), nullptr);

    const Status signedIn = signIn(*account, port);
    QVERIFY2(signedIn, signedIn ? "" : qPrintable(signedIn.error().message));
    QVERIFY(m_lastPage.contains("Signed in to Encore"));
    QCOMPARE(account->state(), SpotifyAccount::State::SignedIn);
    QCOMPARE(account->user().displayName, kDisplayName);
    QCOMPARE(account->user().id, FakeSpotifyApi::userId());
    QVERIFY(account->client() != nullptr);
    QCOMPARE(states.size(), 2);
    QCOMPARE(states.at(0).at(0).value<SpotifyAccount::State>(), SpotifyAccount::State::SigningIn);
    QCOMPARE(states.at(1).at(0).value<SpotifyAccount::State>(), SpotifyAccount::State::SignedIn);
    QCOMPARE(m_spotify->accounts.authorizeCount(), 1);

    // The Client ID and port are settings, and nothing secret is in the settings file.
    QCOMPARE(SpotifySettings::clientId(*m_settings), m_clientId);
    QCOMPARE(account->clientId(), m_clientId);
    QCOMPARE(account->redirectPort(), port);
    const QByteArray file = settingsFileBytes();
    QVERIFY(file.contains(m_clientId.toUtf8()));
    QVERIFY(!m_spotify->accounts.issuedSecrets().isEmpty());
    for (const QString &secret : m_spotify->accounts.issuedSecrets())
        QVERIFY2(!file.contains(secret.toUtf8()), "a token or code is in the settings file");

    // The refresh token is in the keychain.
    QVERIFY(waitForKeychain(*account));
    REQUIRE_KEYCHAIN();
    QVERIFY(account->remembersSignIn());
    QVERIFY2(notices.isEmpty(), qPrintable(notices.value(0).value(0).toString()));
    const Result<QString> stored = readSecret(secretKey());
    QVERIFY2(stored, stored ? "" : qPrintable(stored.error().message));
    QVERIFY2(m_spotify->accounts.issuedSecrets().contains(*stored),
             "the stored value is not a refresh token the fake handed out");
}

void TestSpotifyAccount::restoreSignsInWithoutTheBrowser()
{
    REQUIRE_KEYCHAIN();
    QVERIFY(signInWithAnAccountThatGoes());
    const Result<QString> signedInToken = readSecret(secretKey());
    QVERIFY(signedInToken);

    const auto account = makeAccount();
    QSignalSpy states(account.get(), &SpotifyAccount::stateChanged);
    const std::optional<Error> failure = restore(*account);
    QVERIFY2(!failure, failure ? qPrintable(failure->message) : "");
    QCOMPARE(account->state(), SpotifyAccount::State::SignedIn);
    QCOMPARE(account->user().displayName, kDisplayName);
    QVERIFY(account->client() != nullptr);
    QCOMPARE(states.size(), 2);
    QCOMPARE(states.at(0).at(0).value<SpotifyAccount::State>(), SpotifyAccount::State::Restoring);
    QCOMPARE(m_spotify->accounts.authorizeCount(), 1);  // only the first sign-in saw the browser
    QCOMPARE(m_spotify->accounts.tokenRequests(QStringLiteral("refresh_token")).size(), 1);

    // The refresh rotated the refresh token, and the new one replaced the old in the keychain.
    QVERIFY(waitForKeychain(*account));
    const Result<QString> restoredToken = readSecret(secretKey());
    QVERIFY(restoredToken);
    QVERIFY(*restoredToken != *signedInToken);
    QVERIFY(m_spotify->accounts.issuedSecrets().contains(*restoredToken));
}

void TestSpotifyAccount::restoreWithNothingSavedIsNotFound_data()
{
    QTest::addColumn<bool>("clientIdSaved");
    QTest::newRow("no client id") << false;
    QTest::newRow("no refresh token") << true;
}

void TestSpotifyAccount::restoreWithNothingSavedIsNotFound()
{
    QFETCH(bool, clientIdSaved);
    if (clientIdSaved)
        SpotifySettings::saveClientId(*m_settings, m_clientId);
    const auto account = makeAccount();
    QSignalSpy states(account.get(), &SpotifyAccount::stateChanged);

    const std::optional<Error> failure = restore(*account);
    QVERIFY(failure.has_value());
    QCOMPARE(failure->kind, ErrorKind::NotFound);
    QCOMPARE(failure->message, QStringLiteral("Not signed in to Spotify."));
    QCOMPARE(account->state(), SpotifyAccount::State::SignedOut);
    QCOMPARE(states.size(), 2);  // Restoring, then SignedOut
    QVERIFY(m_spotify->accounts.requests().isEmpty());
}

void TestSpotifyAccount::restoreWithARevokedTokenForgetsIt()
{
    REQUIRE_KEYCHAIN();
    QVERIFY(signInWithAnAccountThatGoes());
    m_spotify->accounts.revokeAllRefreshTokens();

    const auto account = makeAccount();
    const std::optional<Error> failure = restore(*account);
    QVERIFY(failure.has_value());
    QCOMPARE(failure->kind, ErrorKind::Auth);
    QCOMPARE(failure->message,
             QStringLiteral("Your Spotify sign-in has expired or was revoked: "
                            "please sign in again."));
    QCOMPARE(account->state(), SpotifyAccount::State::SignedOut);
    QCOMPARE(account->client(), nullptr);
    QVERIFY(waitForKeychain(*account));
    const Result<QString> stored = readSecret(secretKey());
    QVERIFY(!stored);
    QCOMPARE(stored.error().kind, ErrorKind::NotFound);
    QCOMPARE(account->clientId(), m_clientId);  // the app is still known
}

void TestSpotifyAccount::restoreKeepsTheTokenWhenSpotifyFails()
{
    REQUIRE_KEYCHAIN();
    QVERIFY(signInWithAnAccountThatGoes());
    const Result<QString> saved = readSecret(secretKey());
    QVERIFY(saved);
    m_spotify->accounts.failNextTokenRequest(503, R"({"error":"server_error"})");

    const auto account = makeAccount();
    const std::optional<Error> failure = restore(*account);
    QVERIFY(failure.has_value());
    QVERIFY2(failure->kind != ErrorKind::Auth && failure->kind != ErrorKind::NotFound, qPrintable(failure->message));
    QCOMPARE(account->state(), SpotifyAccount::State::SignedOut);
    QVERIFY(waitForKeychain(*account));
    const Result<QString> kept = readSecret(secretKey());
    QVERIFY(kept);
    QCOMPARE(*kept, *saved);

    // Once Spotify is back, the kept sign-in works.
    QVERIFY(!restore(*account));
    QCOMPARE(account->state(), SpotifyAccount::State::SignedIn);
}

// ---- while signed in ---------------------------------------------------------------------

void TestSpotifyAccount::rotatedRefreshTokenIsStored()
{
    REQUIRE_KEYCHAIN();
    const auto account = makeAccount();
    QVERIFY(signIn(*account));
    QVERIFY(waitForKeychain(*account));
    const Result<QString> before = readSecret(secretKey());
    QVERIFY(before);

    // The API refuses the access token once: the client refreshes, and Spotify rotates.
    m_spotify->api.failRequests(401, 1, QStringLiteral("/v1/me/playlists"));
    QSignalSpy writesDone(account.get(), &SpotifyAccount::keychainWritesFinished);
    SpotifyPlaylistsJob *job = account->client()->allPlaylists();
    QVERIFY(QTest::qWaitFor([job] { return job->isFinished(); }, 10000));
    QVERIFY2(!job->error(), job->error() ? qPrintable(job->error()->message) : "");
    QCOMPARE(m_spotify->accounts.tokenRequests(QStringLiteral("refresh_token")).size(), 1);
    QVERIFY(waitForKeychain(*account));
    QCOMPARE(writesDone.size(), 1);

    const Result<QString> after = readSecret(secretKey());
    QVERIFY(after);
    QVERIFY(*after != *before);
    QVERIFY(m_spotify->accounts.issuedSecrets().contains(*after));
    QCOMPARE(account->state(), SpotifyAccount::State::SignedIn);
}

void TestSpotifyAccount::revokedWhileSignedInSignsOut()
{
    const auto account = makeAccount();
    QVERIFY(signIn(*account));
    QVERIFY(waitForKeychain(*account));
    QSignalSpy restoreFailed(account.get(), &SpotifyAccount::restoreFailed);
    QSignalSpy signedOut(account.get(), &SpotifyAccount::signedOut);

    // The access token is refused and the refresh token was revoked meanwhile.
    m_spotify->accounts.revokeAllRefreshTokens();
    m_spotify->api.failRequests(401, 1, QStringLiteral("/v1/me/playlists"));
    SpotifyPlaylistsJob *job = account->client()->allPlaylists();
    std::optional<Error> jobError;
    connect(job, &SpotifyJob::finished, this, [&] { jobError = job->error(); });
    QVERIFY(restoreFailed.wait(10000));

    const Error error = restoreFailed.at(0).at(0).value<Error>();
    QCOMPARE(error.kind, ErrorKind::Auth);
    QVERIFY(error.message.contains(QStringLiteral("sign in again")));
    QCOMPARE(account->state(), SpotifyAccount::State::SignedOut);
    QCOMPARE(account->client(), nullptr);
    QVERIFY(account->user().id.isEmpty());
    QVERIFY(signedOut.isEmpty());  // not asked for: restoreFailed says why
    QVERIFY(jobError.has_value());
    QCOMPARE(jobError->kind, ErrorKind::Cancelled);

    // The revoked refresh token is gone, so nothing is left to restore.
    QVERIFY(waitForKeychain(*account));
    const std::optional<Error> again = restore(*account);
    QVERIFY(again.has_value());
    QCOMPARE(again->kind, ErrorKind::NotFound);
}

void TestSpotifyAccount::signOutForgetsTheSignIn()
{
    const auto account = makeAccount();
    QVERIFY(signIn(*account));
    QVERIFY(waitForKeychain(*account));
    QSignalSpy signedOut(account.get(), &SpotifyAccount::signedOut);
    QSignalSpy states(account.get(), &SpotifyAccount::stateChanged);

    // A job still running ends, cancelled, at once.
    m_spotify->api.setLatency(std::chrono::milliseconds(500));
    QPointer<SpotifyPlaylistsJob> job = account->client()->allPlaylists();
    account->signOut();
    QVERIFY(job && job->isFinished());
    QCOMPARE(job->error()->kind, ErrorKind::Cancelled);
    QCOMPARE(account->state(), SpotifyAccount::State::SignedOut);
    QCOMPARE(account->client(), nullptr);
    QVERIFY(account->user().displayName.isEmpty());
    QCOMPARE(states.size(), 1);

    QVERIFY(signedOut.wait(10000));
    QCOMPARE(signedOut.size(), 1);
    QCOMPARE(account->clientId(), m_clientId);  // the app is still known
    if (m_keychain) {
        const Result<QString> stored = readSecret(secretKey());
        QVERIFY(!stored);
        QCOMPARE(stored.error().kind, ErrorKind::NotFound);
    }
    m_spotify->api.setLatency(std::chrono::milliseconds(0));
    const std::optional<Error> again = restore(*account);
    QVERIFY(again.has_value());
    QCOMPARE(again->kind, ErrorKind::NotFound);
}

void TestSpotifyAccount::withoutKeychainTheSignInLastsTheSession()
{
    const auto account = makeAccount(SecretStore::Backend::Memory);
    QVERIFY(!account->remembersSignIn());
    QStringList emitted;
    connect(account.get(), &SpotifyAccount::signedIn, this, [&] { emitted << "signedIn"; });
    connect(account.get(), &SpotifyAccount::notice, this, [&](const QString &text) { emitted << text; });

    QVERIFY(signIn(*account));
    QCOMPARE(account->user().displayName, kDisplayName);
    QVERIFY(waitForKeychain(*account));
    // The notice follows the sign-in it is about, so a GUI that clears old notes on signedIn
    // still shows it.
    QCOMPARE(emitted, (QStringList{QStringLiteral("signedIn"), SecretStore::notPersistentNotice()}));
    for (const QString &secret : m_spotify->accounts.issuedSecrets())
        QVERIFY2(!settingsFileBytes().contains(secret.toUtf8()), "a token is in the settings");
    if (m_keychain) {
        const Result<QString> stored = readSecret(secretKey());
        QVERIFY(!stored);
        QCOMPARE(stored.error().kind, ErrorKind::NotFound);
    }

    // For the rest of the session the sign-in can still be restored.
    QVERIFY(!restore(*account));
    QCOMPARE(account->state(), SpotifyAccount::State::SignedIn);
    QCOMPARE(m_spotify->accounts.authorizeCount(), 1);
}

// ---- sign-ins that do not happen ---------------------------------------------------------

void TestSpotifyAccount::portInUseIsNamed()
{
    QTcpServer squatter;
    QVERIFY(squatter.listen(QHostAddress(QHostAddress::LocalHost), 0));
    const auto account = makeAccount();
    QSignalSpy states(account.get(), &SpotifyAccount::stateChanged);
    QSignalSpy urls(account.get(), &SpotifyAccount::authorizationUrlReady);

    const Status started = account->signIn(m_clientId, squatter.serverPort());
    QVERIFY(!started);
    QCOMPARE(started.error().kind, ErrorKind::Network);
    const QString message = started.error().message;
    QVERIFY2(message.contains(QStringLiteral("Port %1 ").arg(squatter.serverPort()))
                 && message.contains(QStringLiteral("another port"))
                 && message.contains(QStringLiteral("redirect URI")),
             qPrintable(message));
    QCOMPARE(account->state(), SpotifyAccount::State::SignedOut);
    QVERIFY(states.isEmpty());
    QVERIFY(urls.isEmpty());
    QVERIFY(SpotifySettings::clientId(*m_settings).isEmpty());
}

void TestSpotifyAccount::deniedConsentFails()
{
    m_spotify->accounts.setDenyConsent(true);
    const auto account = makeAccount();
    QSignalSpy states(account.get(), &SpotifyAccount::stateChanged);

    const Status signedIn = signIn(*account);
    QVERIFY(!signedIn);
    QCOMPARE(signedIn.error().kind, ErrorKind::Auth);
    QVERIFY2(signedIn.error().message.contains(QStringLiteral("declined")), qPrintable(signedIn.error().message));
    QCOMPARE(account->state(), SpotifyAccount::State::SignedOut);
    QCOMPARE(states.size(), 2);  // SigningIn, then SignedOut
    QCOMPARE(account->client(), nullptr);
    // A failed sign-in leaves nothing behind.
    QVERIFY(SpotifySettings::clientId(*m_settings).isEmpty());
    QVERIFY(m_spotify->accounts.tokenRequests().isEmpty());
    if (m_keychain) {
        const Result<QString> stored = readSecret(secretKey());
        QVERIFY(!stored);
        QCOMPARE(stored.error().kind, ErrorKind::NotFound);
    }
}

void TestSpotifyAccount::userTheAppDoesNotListFails()
{
    m_spotify->api.failRequests(403, 1, QStringLiteral("/v1/me"));
    const auto account = makeAccount();

    const Status signedIn = signIn(*account);
    QVERIFY(!signedIn);
    QCOMPARE(signedIn.error().kind, ErrorKind::Auth);
    QVERIFY2(signedIn.error().message.contains(QStringLiteral("User Management")),
             qPrintable(signedIn.error().message));
    // The browser was told only once Encore knew: the tokens came, the account was refused.
    QVERIFY2(m_lastPage.contains("Sign-in failed"), m_lastPage.constData());
    QVERIFY(!m_lastPage.contains("Signed in to Encore"));
    QCOMPARE(account->state(), SpotifyAccount::State::SignedOut);
    QCOMPARE(account->client(), nullptr);
    QVERIFY(SpotifySettings::clientId(*m_settings).isEmpty());
    QVERIFY(waitForKeychain(*account));
    if (m_keychain) {
        const Result<QString> stored = readSecret(secretKey());
        QVERIFY(!stored);
        QCOMPARE(stored.error().kind, ErrorKind::NotFound);
    }
}

void TestSpotifyAccount::cancelAbandonsTheSignIn()
{
    const quint16 port = freePort();
    QVERIFY(port != 0);
    const auto account = makeAccount();
    QSignalSpy failed(account.get(), &SpotifyAccount::signInFailed);
    QSignalSpy signedIn(account.get(), &SpotifyAccount::signedIn);
    QSignalSpy urls(account.get(), &SpotifyAccount::authorizationUrlReady);
    QVERIFY(account->signIn(m_clientId, port));
    QCOMPARE(account->state(), SpotifyAccount::State::SigningIn);
    QCOMPARE(urls.size(), 1);

    account->cancel();
    QCOMPARE(account->state(), SpotifyAccount::State::SignedOut);
    // The browser coming back now finds nobody listening.
    QNetworkRequest request(urls.at(0).at(0).toUrl());
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    std::unique_ptr<QNetworkReply> reply(m_browser->get(request));
    QVERIFY(QTest::qWaitFor([&] { return reply->isFinished(); }, 10000));
    QCOMPARE(reply->error(), QNetworkReply::ConnectionRefusedError);
    QVERIFY(failed.isEmpty());
    QVERIFY(signedIn.isEmpty());
    QVERIFY(m_spotify->accounts.tokenRequests().isEmpty());

    // The port is free again at once.
    const Status again = signIn(*account, port);
    QVERIFY2(again, again ? "" : qPrintable(again.error().message));
    QCOMPARE(account->state(), SpotifyAccount::State::SignedIn);
}

QTEST_GUILESS_MAIN(TestSpotifyAccount)

#include "tst_spotifyaccount.moc"
