#include "spotifysignindialog.h"

#include "common/externallink.h"
#include "spotify/spotifyaccount.h"

#include <QClipboard>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStyle>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <array>

namespace encore {

namespace {

constexpr int kCopiedFeedbackMs = 1500;
// Wide enough for the steps to wrap into a few comfortable lines.
constexpr int kStepsMinimumWidth = 500;

// An icon from the style beside a wrapping text, for the inline warning and error.
QWidget *messageRow(QStyle::StandardPixmap icon, QLabel *text, QWidget *parent)
{
    auto *row = new QWidget(parent);
    auto *iconLabel = new QLabel(row);
    const int size = parent->style()->pixelMetric(QStyle::PM_SmallIconSize);
    iconLabel->setPixmap(parent->style()->standardIcon(icon).pixmap(size, size));
    iconLabel->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    text->setWordWrap(true);
    text->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(iconLabel, 0, Qt::AlignTop);
    layout->addWidget(text, 1);
    row->hide();
    return row;
}

}  // namespace

SpotifySignInDialog::SpotifySignInDialog(SpotifyAccount &account, QWidget *parent)
    : QDialog(parent), m_account(account), m_clientId(new QLineEdit(this)), m_clientIdHint(new QLabel(this)),
      m_clientIdHintRow(messageRow(QStyle::SP_MessageBoxWarning, m_clientIdHint, this)), m_port(new QSpinBox(this)),
      m_redirectUri(new QLineEdit(this)),
      m_copyRedirectUri(makeCopyButton(tr("&Copy"), [this] { return redirectUri(); })), m_error(new QLabel(this)),
      m_errorRow(messageRow(QStyle::SP_MessageBoxCritical, m_error, this)), m_waitingPanel(new QWidget(this)),
      m_waitingText(new QLabel(m_waitingPanel)),
      m_copyLink(makeCopyButton(tr("Copy &link"), [this] { return m_authorizationUrl.toString(); })),
      m_signIn(new QPushButton(tr("&Sign in"), this)), m_cancel(new QPushButton(tr("Cancel"), this))
{
    setObjectName(QStringLiteral("spotifySignInDialog"));
    setWindowTitle(tr("Sign in with Spotify"));

    auto *steps = new QLabel(tr("<p>Encore signs in through a Spotify app of your own. Setting one up takes a few "
                                "minutes, once:</p>"
                                "<ol>"
                                "<li>Open the <a href=\"https://developer.spotify.com/dashboard\">Spotify developer "
                                "dashboard</a>, log in and choose <b>Create app</b>. Any name and description will do; "
                                "under the APIs it uses, tick <b>Web API</b>.</li>"
                                "<li>Add the <b>Redirect URI</b> shown below, exactly as it is. (Spotify refuses "
                                "<i>localhost</i>; use 127.0.0.1 as shown.)</li>"
                                "<li>While the app is in development mode, only the people listed may sign in: under "
                                "<b>User Management</b>, add the e-mail address of your Spotify account.</li>"
                                "<li>Copy the app's <b>Client ID</b> from its settings and paste it below.</li>"
                                "</ol>"),
                             this);
    steps->setObjectName(QStringLiteral("signInSteps"));
    steps->setTextFormat(Qt::RichText);
    steps->setWordWrap(true);
    connect(steps, &QLabel::linkActivated, this, [this](const QString &link) { openExternalLink(this, QUrl(link)); });
    steps->setTextInteractionFlags(Qt::TextBrowserInteraction);
    // Also makes the dialog's size hint wrap the steps at this width, not at a narrower one.
    steps->setMinimumWidth(kStepsMinimumWidth);

    m_redirectUri->setObjectName(QStringLiteral("redirectUriEdit"));
    m_redirectUri->setReadOnly(true);
    m_copyRedirectUri->setObjectName(QStringLiteral("copyRedirectUriButton"));
    m_copyRedirectUri->setToolTip(tr("Copy the redirect URI, to paste it into the dashboard"));

    m_port->setObjectName(QStringLiteral("redirectPortSpinBox"));
    m_port->setRange(1024, 65535);
    m_port->setValue(account.redirectPort());
    m_port->setToolTip(tr("The port on this computer where Spotify sends you back to Encore. "
                          "If you change it, add the new redirect URI to your app too."));
    auto *portNote = new QLabel(tr("Change it only if this port is taken."), this);
    portNote->setEnabled(false);  // read as a side note

    m_clientId->setObjectName(QStringLiteral("clientIdEdit"));
    m_clientId->setText(account.clientId());
    m_clientId->setPlaceholderText(tr("32 letters and digits, from the app's settings"));
    m_clientIdHint->setObjectName(QStringLiteral("clientIdHint"));

    m_error->setObjectName(QStringLiteral("signInError"));

    auto *redirectRow = new QHBoxLayout;
    redirectRow->addWidget(m_redirectUri, 1);
    redirectRow->addWidget(m_copyRedirectUri);
    auto *portRow = new QHBoxLayout;
    portRow->addWidget(m_port);
    portRow->addWidget(portNote, 1);
    auto *portLabel = new QLabel(tr("&Port:"), this);
    portLabel->setBuddy(m_port);
    auto *form = new QFormLayout;
    form->addRow(tr("Redirect URI:"), redirectRow);
    form->addRow(portLabel, portRow);
    form->addRow(tr("Client &ID:"), m_clientId);

    m_waitingPanel->setObjectName(QStringLiteral("signInWaiting"));
    m_waitingText->setWordWrap(true);
    auto *progress = new QProgressBar(m_waitingPanel);
    progress->setRange(0, 0);  // indeterminate: nobody knows how long the browser takes
    progress->setTextVisible(false);
    m_copyLink->setObjectName(QStringLiteral("copyLinkButton"));
    m_copyLink->setToolTip(tr("No browser opened? Copy the link to Spotify's page and open it in "
                              "your browser."));
    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(progress, 1);
    progressRow->addWidget(m_copyLink);
    auto *waitingLayout = new QVBoxLayout(m_waitingPanel);
    waitingLayout->setContentsMargins(0, 0, 0, 0);
    waitingLayout->addWidget(m_waitingText);
    waitingLayout->addLayout(progressRow);
    m_waitingPanel->hide();

    m_signIn->setObjectName(QStringLiteral("signInButton"));
    m_signIn->setDefault(true);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_signIn, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_cancel, QDialogButtonBox::RejectRole);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(steps);
    layout->addSpacing(4);
    layout->addLayout(form);
    layout->addWidget(m_clientIdHintRow);
    layout->addWidget(m_errorRow);
    layout->addWidget(m_waitingPanel);
    layout->addStretch();
    layout->addSpacing(6);
    layout->addWidget(buttons);

    const std::array<QWidget *, 7> tabOrder{m_redirectUri, m_copyRedirectUri, m_port,  m_clientId,
                                            m_copyLink,    m_signIn,          m_cancel};
    for (size_t i = 1; i < tabOrder.size(); ++i)
        setTabOrder(tabOrder[i - 1], tabOrder[i]);
    m_clientId->setFocus();

    m_redirectUri->setText(redirectUri());
    updateClientIdHint();

    connect(m_port, &QSpinBox::valueChanged, this, [this] { m_redirectUri->setText(redirectUri()); });
    connect(m_clientId, &QLineEdit::textChanged, this, &SpotifySignInDialog::updateClientIdHint);
    connect(m_signIn, &QPushButton::clicked, this, &SpotifySignInDialog::signIn);
    connect(m_cancel, &QPushButton::clicked, this, &SpotifySignInDialog::cancel);
    connect(&m_account, &SpotifyAccount::authorizationUrlReady, this, &SpotifySignInDialog::onAuthorizationUrlReady);
    connect(&m_account, &SpotifyAccount::signInFailed, this,
            [this](const Error &error) { onSignInFailed(error.message); });
    connect(&m_account, &SpotifyAccount::signedIn, this, [this] {
        setWaiting(false);
        accept();
    });
}

QString SpotifySignInDialog::redirectUri() const
{
    return QStringLiteral("http://127.0.0.1:%1/callback").arg(m_port->value());
}

void SpotifySignInDialog::done(int result)
{
    if (m_waiting) {
        m_account.cancel();
        setWaiting(false);
    }
    QDialog::done(result);
}

QString SpotifySignInDialog::clientId() const
{
    return m_clientId->text().trimmed();
}

// Spotify issues 32 hexadecimal characters; anything else of letters and digits may still be
// right (and Spotify will say if it is not), so it only earns a warning.
void SpotifySignInDialog::updateClientIdHint()
{
    static const QRegularExpression lettersAndDigits(QStringLiteral("^[0-9A-Za-z]+$"));
    static const QRegularExpression spotifyShape(QStringLiteral("^[0-9A-Fa-f]{32}$"));
    const QString id = clientId();
    const bool usable = lettersAndDigits.match(id).hasMatch();
    QString hint;
    if (!id.isEmpty() && !usable)
        hint = tr("A Client ID has only letters and digits; check what was pasted.");
    else if (usable && !spotifyShape.match(id).hasMatch())
        hint = tr("Spotify's Client IDs are 32 characters of 0–9 and a–f; check that all of it "
                  "was copied.");
    m_clientIdHint->setText(hint);
    m_clientIdHintRow->setVisible(!hint.isEmpty());
    m_signIn->setEnabled(usable && !m_waiting);
    fitHeight();
}

void SpotifySignInDialog::signIn()
{
    m_errorRow->hide();
    // Waiting before the call: the account may hand over the link while signIn() runs.
    setWaiting(true);
    const Status started = m_account.signIn(clientId(), static_cast<quint16>(m_port->value()));
    if (!started)
        onSignInFailed(started.error().message);
}

void SpotifySignInDialog::cancel()
{
    if (!m_waiting) {
        reject();
        return;
    }
    m_account.cancel();
    setWaiting(false);
}

void SpotifySignInDialog::onAuthorizationUrlReady(const QUrl &url)
{
    if (!m_waiting)
        return;
    m_authorizationUrl = url;
    m_copyLink->setEnabled(true);
    if (!QDesktopServices::openUrl(url))
        m_waitingText->setText(tr("No browser opened. Copy the link, open it in your browser and "
                                  "approve Encore there…"));
}

void SpotifySignInDialog::onSignInFailed(const QString &message)
{
    if (!m_waiting)
        return;
    setWaiting(false);
    showError(message);
}

void SpotifySignInDialog::setWaiting(bool waiting)
{
    m_waiting = waiting;
    if (!waiting)
        m_authorizationUrl.clear();
    m_clientId->setEnabled(!waiting);
    m_port->setEnabled(!waiting);
    m_copyLink->setEnabled(!m_authorizationUrl.isEmpty());
    m_waitingText->setText(tr("Waiting for you to approve Encore in your browser…"));
    m_waitingPanel->setVisible(waiting);
    updateClientIdHint();
    fitHeight();
    if (waiting) {
        m_cancel->setFocus();
    } else {
        m_clientId->setFocus();
    }
}

void SpotifySignInDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_errorRow->show();
    fitHeight();
}

// The wrapped texts make the height the dialog needs depend on its width, which a window's
// minimum size cannot express; so the dialog follows its rows as they appear and disappear.
void SpotifySignInDialog::fitHeight()
{
    if (!isVisible())
        return;
    layout()->activate();
    resize(width(), layout()->totalHeightForWidth(width()));
}

QPushButton *SpotifySignInDialog::makeCopyButton(const QString &text, std::function<QString()> copiedText)
{
    const QString copied = tr("Copied");
    // As wide as its wider text, so that the feedback does not shift the row.
    auto *button = new QPushButton(copied, this);
    const int copiedWidth = button->sizeHint().width();
    button->setText(text);
    button->setMinimumWidth(std::max(copiedWidth, button->sizeHint().width()));
    button->setAutoDefault(false);  // Enter signs in rather than copying
    connect(button, &QPushButton::clicked, this, [button, text, copied, copiedText] {
        QGuiApplication::clipboard()->setText(copiedText());
        button->setText(copied);
        QTimer::singleShot(kCopiedFeedbackMs, button, [button, text] { button->setText(text); });
    });
    return button;
}

}  // namespace encore
