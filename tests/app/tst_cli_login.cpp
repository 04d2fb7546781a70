#include "clirunner.h"
#include "fakespotifyaccounts.h"
#include "keychainsupport.h"
#include "spotify/secretstore.h"

#include <QDirIterator>
#include <QFile>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSettings>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>
#include <QUuid>

#include <memory>
#include <optional>

using namespace encore;
using encore::test::CliRun;
using encore::test::FakeSpotifyAccounts;
using encore::test::keychainExpected;
using encore::test::readSecret;
using encore::test::runCli;

namespace {

// A port on 127.0.0.1 that nothing listens on now.
quint16 freePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress(QHostAddress::LocalHost), 0))
        return 0;
    return server.serverPort();
}

// The port of the redirect URI in an authorization URL.
int redirectPortOf(const QString &authorizationUrl)
{
    const QUrl redirect(
        QUrlQuery(QUrl(authorizationUrl)).queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded));
    return redirect.port();
}

}  // namespace

// Runs the real `encore-cli login` and `logout` against a fake Spotify, playing the browser.
class TestCliLogin : public QObject {
    Q_OBJECT

    // Runs encore-cli, and when `browse` is set opens the URL it prints like a browser would.
    CliRun cli(const QStringList &arguments, bool browse)
    {
        const QHash<QString, QString> environment{
            {QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config"))},
            {QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data"))},
            {QStringLiteral("ENCORE_SPOTIFY_ACCOUNTS_URL"), m_accounts->baseUrl().toString()},
            {QStringLiteral("ENCORE_SPOTIFY_API_URL"), QStringLiteral("http://127.0.0.1:%1/v1").arg(m_apiPort)}};
        if (!browse)
            return runCli(arguments, environment);
        return runCli(arguments, environment, [this](const QString &url) {
            if (url.isEmpty())
                return;
            QNetworkRequest request{QUrl(url)};
            request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
            std::unique_ptr<QNetworkReply> reply(m_browser.get(request));
            (void)QTest::qWaitFor([&] { return reply->isFinished(); }, 30000);
        });
    }

    // Everything the CLI wrote under the temporary config and data homes.
    QByteArray writtenFiles() const
    {
        QByteArray all;
        QDirIterator it(m_home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            if (file.open(QIODevice::ReadOnly))
                all += file.readAll();
        }
        return all;
    }

    QString settingsPath() const { return m_home.filePath(QStringLiteral("config/Encore/Encore.conf")); }

    void checkNoSecretLeaked(const CliRun &run)
    {
        const QByteArray files = writtenFiles();
        for (const QString &secret : m_accounts->issuedSecrets()) {
            QVERIFY2(!run.out.contains(secret), "a token or code appeared on stdout");
            QVERIFY2(!run.err.contains(secret), "a token or code appeared on stderr");
            QVERIFY2(!files.contains(secret.toUtf8()), "a token or code was written to a file");
        }
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        // A client ID of its own, so parallel runs never share a keychain entry.
        m_clientId = QStringLiteral("encore-cli-test-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        m_accounts = std::make_unique<FakeSpotifyAccounts>(m_clientId);
        QVERIFY(m_accounts->listen());

        // A few-line stand-in for the Web API: GET /v1/me with a bearer token.
        m_api.route(QStringLiteral("/v1/me"), [](const QHttpServerRequest &request) {
            if (!request.value("Authorization").startsWith("Bearer "))
                return QHttpServerResponse(
                    QJsonObject{{QStringLiteral("error"),
                                 QJsonObject{{QStringLiteral("status"), 401},
                                             {QStringLiteral("message"), QStringLiteral("No token provided")}}}},
                    QHttpServerResponder::StatusCode::Unauthorized);
            return QHttpServerResponse(QJsonObject{{QStringLiteral("id"), QStringLiteral("ada")},
                                                   {QStringLiteral("display_name"), QStringLiteral("Ada Lovelace")},
                                                   {QStringLiteral("type"), QStringLiteral("user")},
                                                   {QStringLiteral("uri"), QStringLiteral("spotify:user:ada")}});
        });
        m_apiPort = m_api.listen(QHostAddress(QHostAddress::LocalHost), 0);
        QVERIFY(m_apiPort != 0);
    }

    void withoutClientIdExplainsWhatIsMissing()
    {
        const CliRun run = cli({QStringLiteral("login")}, false);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("--client-id")), qPrintable(run.err));
    }

    void deniedConsentFails()
    {
        m_accounts->setDenyConsent(true);
        const CliRun run = cli({QStringLiteral("login"), QStringLiteral("--client-id"), m_clientId,
                                QStringLiteral("--port"), QStringLiteral("0")},
                               true);
        m_accounts->setDenyConsent(false);
        QVERIFY2(run.firstLine.startsWith(m_accounts->baseUrl().toString() + QStringLiteral("/authorize?")),
                 qPrintable(run.firstLine));
        QCOMPARE(run.exitCode, 3);
        const QString sentence = run.err.trimmed();
        QVERIFY2(!sentence.isEmpty() && !sentence.contains(QLatin1Char('\n')) && sentence.endsWith(QLatin1Char('.')),
                 qPrintable(run.err));
        QVERIFY2(!run.out.contains(QStringLiteral("Signed in")), qPrintable(run.out));
        const Result<QString> stored = readSecret(SecretStore::refreshTokenKey(m_clientId));
        QVERIFY(!stored);
        QCOMPARE(stored.error().kind, ErrorKind::NotFound);
        QVERIFY(!QFile::exists(settingsPath())
                || !QSettings(settingsPath(), QSettings::IniFormat).contains(QStringLiteral("spotify/clientId")));
        checkNoSecretLeaked(run);
    }

    void loginRemembersTheSignIn()
    {
        m_port = freePort();
        QVERIFY(m_port != 0);
        const CliRun run = cli({QStringLiteral("login"), QStringLiteral("--client-id"), m_clientId,
                                QStringLiteral("--port"), QString::number(m_port)},
                               true);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(redirectPortOf(run.firstLine), int(m_port));
        // The URL alone on the first line, then who signed in.
        const QStringList lines = run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines.at(0), run.firstLine);
        QVERIFY(QUrl(run.firstLine).isValid());
        QCOMPARE(lines.at(1), QStringLiteral("Signed in to Spotify as Ada Lovelace."));
        QCOMPARE(m_accounts->tokenRequests(QStringLiteral("authorization_code")).size(), 1);

        // The client ID and port are settings; the refresh token is in the keychain and nowhere
        // else.
        QSettings settings(settingsPath(), QSettings::IniFormat);
        QCOMPARE(settings.value(QStringLiteral("spotify/clientId")).toString(), m_clientId);
        QCOMPARE(settings.value(QStringLiteral("spotify/redirectPort")).toInt(), int(m_port));
        checkNoSecretLeaked(run);

        const Result<QString> stored = readSecret(SecretStore::refreshTokenKey(m_clientId));
        if (run.err.contains(SecretStore::notPersistentNotice())) {
            if (keychainExpected())
                QFAIL("ENCORE_EXPECT_KEYCHAIN=1 but encore-cli found no keychain.");
            QVERIFY(!stored);
            QSKIP("No keychain on this system: the sign-in could not be remembered.");
        }
        QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
        QVERIFY2(stored.ok(), stored ? "" : qPrintable(stored.error().message));
        QVERIFY(!stored->isEmpty());
        QVERIFY2(m_accounts->issuedSecrets().contains(*stored),
                 "the stored value is not a refresh token the fake handed out");
    }

    void loginUsesTheRememberedPort()
    {
        QVERIFY2(m_port != 0, "loginRemembersTheSignIn did not run");
        const CliRun run = cli({QStringLiteral("login")}, true);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(redirectPortOf(run.firstLine), int(m_port));
        QVERIFY2(run.out.endsWith(QStringLiteral("Signed in to Spotify as Ada Lovelace.\n")), qPrintable(run.out));
    }

    void portInUseIsNamed()
    {
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress(QHostAddress::LocalHost), 0));
        const QString port = QString::number(squatter.serverPort());
        const CliRun run = cli({QStringLiteral("login"), QStringLiteral("--port"), port}, false);
        QCOMPARE(run.exitCode, 3);
        QVERIFY(run.out.isEmpty());
        const QString sentence = run.err.trimmed();
        QVERIFY2(sentence.contains(QStringLiteral("Port ") + port + QStringLiteral(" is already in use"))
                     && !sentence.contains(QLatin1Char('\n')),
                 qPrintable(run.err));
    }

    void logoutForgetsTheSignIn()
    {
        // No --client-id: logout finds it in the settings.
        const CliRun run = cli({QStringLiteral("logout")}, false);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QStringLiteral("Signed out")), qPrintable(run.out));
        const Result<QString> stored = readSecret(SecretStore::refreshTokenKey(m_clientId));
        QVERIFY(!stored);
        QCOMPARE(stored.error().kind, ErrorKind::NotFound);
        // The client ID stays.
        QSettings settings(settingsPath(), QSettings::IniFormat);
        QCOMPARE(settings.value(QStringLiteral("spotify/clientId")).toString(), m_clientId);

        const CliRun again = cli({QStringLiteral("logout")}, false);
        QCOMPARE(again.exitCode, 0);
    }

private:
    QTemporaryDir m_home;
    QString m_clientId;
    std::unique_ptr<FakeSpotifyAccounts> m_accounts;
    QHttpServer m_api;
    quint16 m_apiPort = 0;
    quint16 m_port = 0;  // the redirect port loginRemembersTheSignIn used
    QNetworkAccessManager m_browser;
};

QTEST_GUILESS_MAIN(TestCliLogin)

#include "tst_cli_login.moc"
