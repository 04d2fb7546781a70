#pragma once

#include "catalog/catalogimporter.h"
#include "spotify/spotifyjson.h"

namespace encore {

class LibraryDb;

// The batch that stores a playlist read from Spotify in the library: each of its tracks once
// (features unknown), and the playlist itself in playlist order with its name, owner, origin
// "spotify" and snapshot id. `listed` is the playlist as /me/playlists described it (only the id
// is needed when it was not listed).
ImportBatch spotifyPlaylistBatch(const SpotifyPlaylist &listed, const SpotifyItemsPage &items);

// True when the library holds this Spotify playlist at the snapshot it is listed with, so it need
// not be read again. A playlist listed without a snapshot id is never up to date.
bool isUpToDate(const LibraryDb &library, const SpotifyPlaylist &listed);

}  // namespace encore
