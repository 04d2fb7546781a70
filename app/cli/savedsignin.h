#pragma once

#include "commands.h"

#include "spotify/spotifyaccount.h"
#include "spotify/spotifyclient.h"
#include "spotify/spotifysettings.h"

#include <QSettings>

#include <optional>

namespace encore::cli {

// Waits until every keychain write of `account` has finished (a rotated refresh token that
// never reached the keychain would end the saved sign-in).
void waitForKeychain(SpotifyAccount &account);

// The saved sign-in, restored for one command: the account, and the exit status of a sign-in
// lost while the command runs. Rotated refresh tokens reach the keychain before it goes.
class SavedSignIn {
public:
    explicit SavedSignIn(Streams io) : m_io(io) {}
    ~SavedSignIn() { waitForKeychain(m_account); }
    SavedSignIn(const SavedSignIn &) = delete;
    SavedSignIn &operator=(const SavedSignIn &) = delete;

    // Signs in with the saved refresh token; the exit status when that failed (the reason is
    // printed), nothing when the client is ready.
    std::optional<int> restore();
    SpotifyClient &client() { return *m_account.client(); }
    const SpotifyUser &user() const { return m_account.user(); }
    // Runs a job to its end; the exit status when it failed (the reason is printed).
    std::optional<int> run(SpotifyJob *job);

private:
    Streams m_io;
    QSettings m_settings = SpotifySettings::openDefault();
    SpotifyAccount m_account{m_settings};
    std::optional<Error> m_lost;  // why the sign-in ended while a job ran
};

}  // namespace encore::cli
