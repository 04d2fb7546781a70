#pragma once

#include "fakespotifyaccounts.h"
#include "fakespotifyapi.h"

#include <QString>

namespace encore::test {

// Both Spotify fakes, as a test of a whole sign-in needs them: the Web API accepts exactly the
// access tokens the accounts service has handed out.
struct FakeSpotify {
    // `apiDataDir` holds the Web API's recorded answers (../shared/data/spotify-api).
    FakeSpotify(const QString &clientId, const QString &apiDataDir);

    // Starts both on 127.0.0.1 and points Encore at them: sets ENCORE_SPOTIFY_ACCOUNTS_URL and
    // ENCORE_SPOTIFY_API_URL in this process's environment, which the processes it starts
    // inherit. Empty, or why one could not start.
    QString start();

    FakeSpotifyAccounts accounts;
    FakeSpotifyApi api;
};

}  // namespace encore::test
