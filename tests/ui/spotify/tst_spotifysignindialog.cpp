#include "common/externallink.h"
#include "fakebrowser.h"
#include "fakespotify.h"
#include "spotify/spotifyaccount.h"
#include "spotify/spotifyendpoints.h"
#include "spotify/spotifysettings.h"
#include "spotify/spotifysignindialog.h"
#include "testsupport.h"
#include "ui/widgettesting.h"

#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace encore;
using encore::test::child;
using encore::test::FakeBrowser;
using encore::test::FakeSpotify;
using encore::test::FakeSpotifyApi;

namespace {

// What Spotify issues: 32 hexadecimal characters.
const QString kClientId = QStringLiteral("0123456789abcdef0123456789ABCDEF");

// A port on 127.0.0.1 that nothing listens on.
quint16 freePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress(QHostAddress::LocalHost), 0))
        return 0;
    return server.serverPort();
}

}  // namespace

class TestSpotifySignInDialog : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void prefilledFromTheAccount();
    void redirectUriFollowsThePort_data();
    void redirectUriFollowsThePort();
    void copyPutsTheRedirectUriOnTheClipboard();
    void dashboardLinkWithoutABrowserIsOffered();
    void clientIdIsChecked_data();
    void clientIdIsChecked();
    void signInThroughTheDialog();
    void deniedConsentShowsTheError();
    void cancelWhileWaitingGoesBackToEditing();
    void closingWhileWaitingCancels_data();
    void closingWhileWaitingCancels();
    void busyPortIsNamed();

private:
    // Creates the account on the saved settings and shows a dialog for it, on a free port.
    std::unique_ptr<SpotifySignInDialog> showDialog();
    // Fills in the Client ID and presses Enter; the dialog then waits for the browser.
    void startSignIn(SpotifySignInDialog &dialog);
    bool isEditable(const SpotifySignInDialog &dialog) const;

    FakeBrowser m_browser;
    std::unique_ptr<FakeSpotify> m_spotify;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<SpotifyAccount> m_account;
};

void TestSpotifySignInDialog::initTestCase()
{
    QDesktopServices::setUrlHandler(QStringLiteral("http"), &m_browser, "handleUrl");
}

void TestSpotifySignInDialog::init()
{
    const QString data = encore::test::sharedDataFile(QStringLiteral("spotify-api"));
    ENCORE_REQUIRE_FILE(data);
    m_spotify = std::make_unique<FakeSpotify>(kClientId, data);
    const QString failure = m_spotify->start();
    QVERIFY2(failure.isEmpty(), qPrintable(failure));

    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("encore.ini")), QSettings::IniFormat);
    m_browser.setFollowsLinks(true);
    m_browser.clear();
}

void TestSpotifySignInDialog::cleanup()
{
    m_account.reset();
    m_settings.reset();
    m_dir.reset();
    m_spotify.reset();
}

void TestSpotifySignInDialog::cleanupTestCase()
{
    QDesktopServices::unsetUrlHandler(QStringLiteral("http"));
}

std::unique_ptr<SpotifySignInDialog> TestSpotifySignInDialog::showDialog()
{
    m_account = std::make_unique<SpotifyAccount>(*m_settings, SecretStore::Backend::Memory);
    auto dialog = std::make_unique<SpotifySignInDialog>(*m_account);
    child<QSpinBox>(*dialog, "redirectPortSpinBox")->setValue(freePort());
    dialog->show();
    return dialog;
}

void TestSpotifySignInDialog::startSignIn(SpotifySignInDialog &dialog)
{
    auto *clientId = child<QLineEdit>(dialog, "clientIdEdit");
    clientId->setText(kClientId);
    clientId->setFocus();
    QTest::keyClick(clientId, Qt::Key_Return);
}

bool TestSpotifySignInDialog::isEditable(const SpotifySignInDialog &dialog) const
{
    return child<QLineEdit>(dialog, "clientIdEdit")->isEnabled()
        && child<QSpinBox>(dialog, "redirectPortSpinBox")->isEnabled()
        && child<QPushButton>(dialog, "signInButton")->isEnabled()
        && !child<QWidget>(dialog, "signInWaiting")->isVisible();
}

void TestSpotifySignInDialog::prefilledFromTheAccount()
{
    SpotifySettings::saveClientId(*m_settings, kClientId);
    SpotifySettings::saveRedirectPort(*m_settings, 50123);
    m_account = std::make_unique<SpotifyAccount>(*m_settings, SecretStore::Backend::Memory);
    SpotifySignInDialog dialog(*m_account);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    QCOMPARE(dialog.windowTitle(), QStringLiteral("Sign in with Spotify"));
    auto *clientId = child<QLineEdit>(dialog, "clientIdEdit");
    QCOMPARE(clientId->text(), kClientId);
    QCOMPARE(child<QSpinBox>(dialog, "redirectPortSpinBox")->value(), 50123);
    QCOMPARE(dialog.redirectUri(), QStringLiteral("http://127.0.0.1:50123/callback"));
    QTRY_COMPARE(QApplication::focusWidget(), clientId);
    QVERIFY(child<QPushButton>(dialog, "signInButton")->isDefault());
    QVERIFY(dialog.width() >= 500);
}

void TestSpotifySignInDialog::redirectUriFollowsThePort_data()
{
    QTest::addColumn<int>("port");
    QTest::addColumn<int>("shown");
    QTest::newRow("lowest") << 1024 << 1024;
    QTest::newRow("typical") << 43117 << 43117;
    QTest::newRow("highest") << 65535 << 65535;
    QTest::newRow("privileged is refused") << 80 << 1024;
    QTest::newRow("zero is refused") << 0 << 1024;
}

void TestSpotifySignInDialog::redirectUriFollowsThePort()
{
    QFETCH(int, port);
    QFETCH(int, shown);
    const auto dialog = showDialog();
    child<QSpinBox>(*dialog, "redirectPortSpinBox")->setValue(port);
    const QString expected = QStringLiteral("http://127.0.0.1:%1/callback").arg(shown);
    QCOMPARE(dialog->redirectUri(), expected);
    auto *field = child<QLineEdit>(*dialog, "redirectUriEdit");
    QCOMPARE(field->text(), expected);
    QVERIFY(field->isReadOnly());
}

void TestSpotifySignInDialog::copyPutsTheRedirectUriOnTheClipboard()
{
    const auto dialog = showDialog();
    QGuiApplication::clipboard()->clear();
    auto *copy = child<QPushButton>(*dialog, "copyRedirectUriButton");
    const QString label = copy->text();
    QTest::mouseClick(copy, Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), dialog->redirectUri());
    QCOMPARE(copy->text(), QStringLiteral("Copied"));
    QTRY_COMPARE(copy->text(), label);
}

// Only http is handled here (by the fake browser): nothing opens the https dashboard link.
void TestSpotifySignInDialog::dashboardLinkWithoutABrowserIsOffered()
{
    auto dialog = showDialog();
    const QString dashboard = QStringLiteral("https://developer.spotify.com/dashboard");
    emit child<QLabel>(*dialog, "signInSteps")->linkActivated(dashboard);
    auto *offer = dialog->findChild<ExternalLinkDialog *>();
    QVERIFY(offer);
    QVERIFY(offer->isVisible());
    QCOMPARE(child<QLineEdit>(*offer, "externalLinkEdit")->text(), dashboard);
}

void TestSpotifySignInDialog::clientIdIsChecked_data()
{
    QTest::addColumn<QString>("clientId");
    QTest::addColumn<bool>("canSignIn");
    QTest::addColumn<bool>("hinted");
    QTest::newRow("empty") << QString() << false << false;
    QTest::newRow("spaces") << QStringLiteral("   ") << false << false;
    QTest::newRow("spotify's shape") << kClientId << true << false;
    QTest::newRow("pasted with spaces") << QStringLiteral(" %1 ").arg(kClientId) << true << false;
    QTest::newRow("short") << QStringLiteral("0123456789abcdef") << true << true;
    QTest::newRow("not hexadecimal") << QStringLiteral("0123456789abcdefghijklmnopqrstuv") << true << true;
    QTest::newRow("punctuation") << QStringLiteral("0123456789abcdef-0123456789abcdef") << false << true;
}

void TestSpotifySignInDialog::clientIdIsChecked()
{
    QFETCH(QString, clientId);
    QFETCH(bool, canSignIn);
    QFETCH(bool, hinted);
    const auto dialog = showDialog();
    child<QLineEdit>(*dialog, "clientIdEdit")->setText(clientId);
    QCOMPARE(child<QPushButton>(*dialog, "signInButton")->isEnabled(), canSignIn);
    auto *hint = child<QLabel>(*dialog, "clientIdHint");
    QCOMPARE(hint->isVisible(), hinted);
    QCOMPARE(hint->text().isEmpty(), !hinted);
}

void TestSpotifySignInDialog::signInThroughTheDialog()
{
    const auto dialog = showDialog();
    QSignalSpy accepted(dialog.get(), &QDialog::accepted);
    startSignIn(*dialog);

    // Waiting: the browser was sent to Spotify's consent page, the inputs are locked.
    QCOMPARE(m_browser.openedUrls().size(), 1);
    const QUrl authorize = m_browser.openedUrls().constFirst();
    QCOMPARE(authorize.host(), QStringLiteral("127.0.0.1"));
    QCOMPARE(authorize.port(), int(m_spotify->accounts.port()));
    QVERIFY(authorize.query(QUrl::FullyDecoded).contains(dialog->redirectUri()));
    QVERIFY(child<QWidget>(*dialog, "signInWaiting")->isVisible());
    QVERIFY(!child<QLineEdit>(*dialog, "clientIdEdit")->isEnabled());
    QVERIFY(!child<QPushButton>(*dialog, "signInButton")->isEnabled());
    QTest::mouseClick(child<QPushButton>(*dialog, "copyLinkButton"), Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), authorize.toString());

    QVERIFY(accepted.wait(10000));
    QCOMPARE(dialog->result(), int(QDialog::Accepted));
    QVERIFY(m_account->isSignedIn());
    QCOMPARE(m_account->user().id, FakeSpotifyApi::userId());
    QCOMPARE(SpotifySettings::clientId(*m_settings), kClientId);
    QCOMPARE(int(SpotifySettings::redirectPort(*m_settings)), child<QSpinBox>(*dialog, "redirectPortSpinBox")->value());
}

void TestSpotifySignInDialog::deniedConsentShowsTheError()
{
    m_spotify->accounts.setDenyConsent(true);
    const auto dialog = showDialog();
    QSignalSpy accepted(dialog.get(), &QDialog::accepted);
    QSignalSpy rejected(dialog.get(), &QDialog::rejected);
    startSignIn(*dialog);
    QVERIFY(!isEditable(*dialog));

    auto *error = child<QLabel>(*dialog, "signInError");
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), 10000);
    QVERIFY(!error->text().isEmpty());
    QVERIFY(dialog->isVisible());
    QVERIFY(isEditable(*dialog));
    QCOMPARE(accepted.size() + rejected.size(), 0);
    QCOMPARE(m_account->state(), SpotifyAccount::State::SignedOut);
}

void TestSpotifySignInDialog::cancelWhileWaitingGoesBackToEditing()
{
    m_browser.setFollowsLinks(false);
    const auto dialog = showDialog();
    QSignalSpy rejected(dialog.get(), &QDialog::rejected);
    startSignIn(*dialog);
    QCOMPARE(m_account->state(), SpotifyAccount::State::SigningIn);
    auto *cancel = child<QPushButton>(*dialog, "cancelButton");

    QTest::mouseClick(cancel, Qt::LeftButton);
    QCOMPARE(m_account->state(), SpotifyAccount::State::SignedOut);
    QVERIFY(dialog->isVisible());
    QVERIFY(isEditable(*dialog));
    QVERIFY(!child<QLabel>(*dialog, "signInError")->isVisible());
    QCOMPARE(rejected.size(), 0);

    QTest::mouseClick(cancel, Qt::LeftButton);  // now it closes the dialog
    QCOMPARE(rejected.size(), 1);
    QVERIFY(!dialog->isVisible());
}

void TestSpotifySignInDialog::closingWhileWaitingCancels_data()
{
    QTest::addColumn<bool>("escape");
    QTest::newRow("escape") << true;
    QTest::newRow("window closed") << false;
}

void TestSpotifySignInDialog::closingWhileWaitingCancels()
{
    QFETCH(bool, escape);
    m_browser.setFollowsLinks(false);
    const auto dialog = showDialog();
    QSignalSpy rejected(dialog.get(), &QDialog::rejected);
    startSignIn(*dialog);
    QCOMPARE(m_account->state(), SpotifyAccount::State::SigningIn);
    if (escape)
        QTest::keyClick(dialog.get(), Qt::Key_Escape);
    else
        dialog->close();
    QCOMPARE(rejected.size(), 1);
    QCOMPARE(m_account->state(), SpotifyAccount::State::SignedOut);
}

void TestSpotifySignInDialog::busyPortIsNamed()
{
    QTcpServer occupant;
    QVERIFY(occupant.listen(QHostAddress(QHostAddress::LocalHost), 0));
    const auto dialog = showDialog();
    child<QSpinBox>(*dialog, "redirectPortSpinBox")->setValue(occupant.serverPort());
    startSignIn(*dialog);

    auto *error = child<QLabel>(*dialog, "signInError");
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QString::number(occupant.serverPort())), qPrintable(error->text()));
    QVERIFY(isEditable(*dialog));
    // The dialog grew to show the message whole.
    QVERIFY(dialog->height() >= dialog->layout()->totalHeightForWidth(dialog->width()));
    QVERIFY(m_browser.openedUrls().isEmpty());
    QCOMPARE(m_account->state(), SpotifyAccount::State::SignedOut);
}

QTEST_MAIN(TestSpotifySignInDialog)
#include "tst_spotifysignindialog.moc"
