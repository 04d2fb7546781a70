#pragma once

#include "spotify/secretstore.h"
#include "spotify/spotifyjson.h"
#include "util/result.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <functional>

class QSettings;

namespace encore {

struct SpotifyEndpoints;
struct TokenSet;
class SpotifyAuth;
class SpotifyClient;
class SpotifySession;
class SpotifyUserJob;

// The user's Spotify account as the app sees it, for the GUI and the CLI alike: signing in
// through the browser, restoring the saved sign-in silently, who is signed in, and signing out.
// Owns the network access manager, the sign-in flow, the session and the API client. The Client
// ID and redirect port are kept in the settings; the refresh token only in the keychain, and every
// rotated refresh token is written back there. Endpoints come from the environment
// (SpotifyEndpoints::fromEnvironment).
class SpotifyAccount : public QObject {
    Q_OBJECT
public:
    enum class State {
        SignedOut,
        Restoring,  // renewing the saved sign-in, then asking /me who it is
        SigningIn,  // waiting for the browser, then exchanging the code and asking /me
        SignedIn,
    };
    Q_ENUM(State)

    // `settings` must outlive the account.
    explicit SpotifyAccount(QSettings &settings, SecretStore::Backend backend = SecretStore::Backend::Keychain,
                            QObject *parent = nullptr);
    ~SpotifyAccount() override;

    State state() const { return m_state; }
    bool isSignedIn() const { return m_state == State::SignedIn; }
    // The saved Client ID (empty before the first sign-in) and redirect port.
    QString clientId() const;
    quint16 redirectPort() const;
    // Who is signed in; empty unless signed in.
    const SpotifyUser &user() const { return m_user; }
    // False once the keychain turned out to be missing: the sign-in then lasts only this session.
    bool remembersSignIn() const;
    // True when the sign-in lets Encore make and change playlists: it was granted both
    // playlist-modify scopes (a sign-in from before Encore asked for them was not).
    bool canChangePlaylists() const;
    // The API client; null unless signed in.
    SpotifyClient *client() const;
    QNetworkAccessManager &network() { return m_network; }

    // Signs in again with the saved Client ID and refresh token, without the browser. Ends with
    // signedIn, or with restoreFailed, always after it returns (a missing saved sign-in is
    // NotFound; an expired or revoked one is Auth, and the stale refresh token is then removed
    // from the keychain; other failures keep it). A session that ends with Auth later (the
    // refresh token was revoked while signed in) also ends with restoreFailed.
    void restore();
    // Starts a browser sign-in for `clientId` with the redirect URI http://127.0.0.1:port/callback
    // (0 = any free port). Emits stateChanged(SigningIn), then authorizationUrlReady with the URL
    // to open, before it returns; ends with signedIn or signInFailed. Only a sign-in that
    // succeeded saves the Client ID and the port (unless 0) in the settings; its refresh token
    // goes to the keychain right after signedIn, so a notice about it follows signedIn. An error
    // here (the port is taken, the endpoints are misconfigured) means nothing was started. A
    // sign-in, restore or session in progress is dropped first.
    Status signIn(const QString &clientId, quint16 port);
    // Abandons a sign-in or restore in progress; state returns to SignedOut, no other signal.
    void cancel();
    // Forgets the tokens at once (state SignedOut, client() null, running jobs end Cancelled) and
    // removes the refresh token from the keychain. Ends with signedOut once the keychain has
    // answered (a keychain that failed is reported through notice first), unless a sign-in or
    // restore started meanwhile.
    void signOut();

    // True while a keychain change (a write or a removal) is under way; keychainWritesFinished
    // follows when none is left. The CLI waits for it before it exits, so a rotated refresh token
    // is not lost.
    bool hasPendingKeychainWrites() const { return m_pendingWrites > 0; }

signals:
    void stateChanged(encore::SpotifyAccount::State state);
    void authorizationUrlReady(const QUrl &url);
    void signedIn(const encore::SpotifyUser &user);
    void signInFailed(const encore::Error &error);
    void restoreFailed(const encore::Error &error);
    void signedOut();
    // For the user, not a failure: the sign-in works but will not be remembered (no keychain, a
    // keychain error, no refresh token from Spotify), or the keychain could not remove it.
    void notice(const QString &text);
    void keychainWritesFinished();

private:
    void setState(State state);
    // Creates the sign-in flow, session and client for `clientId` (children of this account).
    void startSession(const SpotifyEndpoints &endpoints, const QString &clientId);
    // Forgets the session: running jobs end with Cancelled, its objects are deleted later (this
    // may run inside one of their signals), and callbacks of earlier attempts are ignored.
    void dropSession();
    void askWhoSignedIn();
    void onUserAnswered(const SpotifyUserJob &job);
    void onTokensChanged(const TokenSet &tokens);
    void onRefreshFailed(const Error &error);
    void failRestore(const Error &error);
    void failRestoreLater(const Error &error);
    void failSignIn(const Error &error);
    // The saved sign-in no longer works: forget it, here and in the keychain.
    void expire();
    // Stores the refresh token of a new sign-in, or says why it cannot be kept.
    void keepRefreshToken();
    void storeRefreshToken(const QString &refreshToken);
    void removeRefreshToken(const QString &clientId, std::function<void(Status)> then = {});
    void keychainChangeFinished();
    void tellNotPersistent();

    QSettings &m_settings;
    QNetworkAccessManager m_network;
    SecretStore m_secrets;
    State m_state = State::SignedOut;
    SpotifyUser m_user;
    int m_pendingWrites = 0;

    // The session of the sign-in or restore in progress, or of the signed-in user.
    SpotifyAuth *m_auth = nullptr;
    SpotifySession *m_session = nullptr;
    SpotifyClient *m_client = nullptr;
    QPointer<SpotifyUserJob> m_userJob;  // GET /me, while it runs
    QString m_sessionClientId;
    quint16 m_signInPort = 0;          // saved once the sign-in succeeds
    QString m_storedRefreshToken;      // what the keychain holds for this session
    int m_attempt = 0;                 // bumped by dropSession(), to ignore stale callbacks
    bool m_toldNotPersistent = false;  // the notice is given once per sign-in
};

}  // namespace encore
