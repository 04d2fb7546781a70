#pragma once

#include <QDialog>
#include <QUrl>

#include <functional>

class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace encore {

class SpotifyAccount;

// Signing in with the user's own Spotify app. Explains, step by step, how to create the app in
// Spotify's developer dashboard, shows the exact redirect URI to register (with a Copy button; it
// follows the port field), takes the Client ID, and "Sign in" opens the system browser on
// Spotify's consent page. While it waits it says so, offers the link to copy in case no browser
// opened, and can be cancelled; a failure is shown in the dialog, which stays open for another
// try. Accepted once the account is signed in.
class SpotifySignInDialog : public QDialog {
    Q_OBJECT
public:
    explicit SpotifySignInDialog(SpotifyAccount &account, QWidget *parent = nullptr);

    // http://127.0.0.1:PORT/callback for the port in the dialog.
    QString redirectUri() const;

    // Closing the dialog while it waits for the browser cancels the sign-in.
    void done(int result) override;

private:
    QString clientId() const;  // as typed, without surrounding spaces
    void updateClientIdHint();
    void signIn();
    void cancel();
    void onAuthorizationUrlReady(const QUrl &url);
    void onSignInFailed(const QString &message);
    void setWaiting(bool waiting);
    void showError(const QString &message);
    void fitHeight();  // to the height its rows need at its width
    // A button that copies copiedText() to the clipboard and says "Copied" for a moment.
    QPushButton *makeCopyButton(const QString &text, std::function<QString()> copiedText);

    SpotifyAccount &m_account;
    QLineEdit *m_clientId;
    QLabel *m_clientIdHint;
    QWidget *m_clientIdHintRow;
    QSpinBox *m_port;
    QLineEdit *m_redirectUri;
    QPushButton *m_copyRedirectUri;
    QLabel *m_error;
    QWidget *m_errorRow;
    QWidget *m_waitingPanel;
    QLabel *m_waitingText;
    QPushButton *m_copyLink;
    QPushButton *m_signIn;
    QPushButton *m_cancel;
    QUrl m_authorizationUrl;
    bool m_waiting = false;
};

}  // namespace encore
