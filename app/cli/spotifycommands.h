#pragma once

#include "commands.h"

#include <QStringList>

namespace encore::cli {

// `encore-cli login [--client-id ID] [--port N]`: signs in to Spotify through the browser. Prints
// the authorization URL alone on one line of stdout, waits up to 5 minutes for the browser to come
// back to 127.0.0.1:N, keeps the refresh token in the keychain and prints who signed in.
// ExitSignInFailed when the sign-in was refused or failed.
int runLogin(const QStringList &arguments, Streams io);
// `encore-cli logout [--client-id ID]`: forgets the saved sign-in (the client ID stays).
int runLogout(const QStringList &arguments, Streams io);

}  // namespace encore::cli
