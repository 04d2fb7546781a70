#pragma once

#include "commands.h"

#include "model/track.h"
#include "spotify/playlistsaving.h"

#include <QStringList>

#include <vector>

namespace encore {
class LibraryDb;
}

namespace encore::cli {

// `encore-cli login [--client-id ID] [--port N]`: signs in to Spotify through the browser. Prints
// the authorization URL alone on one line of stdout, waits up to 5 minutes for the browser to come
// back to 127.0.0.1:N (by default the port of the last sign-in; 0 = any free port), keeps the
// refresh token in the keychain and prints who signed in. ExitSignInFailed when the sign-in was
// refused or failed.
int runLogin(const QStringList &arguments, Streams io);
// `encore-cli logout [--client-id ID]`: forgets the saved sign-in (the client ID stays; a given
// one is remembered, as for login).
int runLogout(const QStringList &arguments, Streams io);
// `encore-cli playlists [--json]`: every playlist of the signed-in user, with its owner, track
// count and whether Spotify lets apps read its tracks. ExitSignInFailed when not signed in.
int runPlaylists(const QStringList &arguments, Streams io);
// `encore-cli fetch PLAYLIST [--json]`: reads a playlist's tracks into the library (unless its
// snapshot has not changed since the last fetch) and reports what was skipped.
// ExitPlaylistRefused when Spotify refuses the playlist, ExitSignInFailed when not signed in.
int runFetch(const QStringList &arguments, Streams io);

// How `recommend --save-to-spotify/--add-to` saves its list.
struct SpotifySaveRequest {
    QString newName;  // a new playlist of this name, unless addTo is set
    bool isPublic = false;
    QString addTo;  // one of the user's playlists: id, URI, link or name
    SaveSeed seed;  // for the new playlist's description
};
// Saves `tracks` in order to Spotify as asked, looking up the Spotify ids of songs that have none;
// prints what was saved (on `io.out`, or `io.err` when stdout carries JSON) and what was not,
// and stores the playlist in `library` so it is not read again.
int saveToSpotify(const std::vector<Track> &tracks, const SpotifySaveRequest &request, LibraryDb &library, Streams io);

// The playlist id in an id, a spotify:playlist: URI or an open.spotify.com/playlist/ link
// (with or without ?si=... or an intl-xx segment); empty when there is none.
QString playlistIdFrom(const QString &text);

}  // namespace encore::cli
