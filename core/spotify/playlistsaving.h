#pragma once

#include "catalog/catalogimporter.h"
#include "model/playlist.h"
#include "model/track.h"
#include "spotify/spotifyjson.h"
#include "spotify/spotifysave.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

// What saving songs to a Spotify playlist needs besides the requests, shared by the window and
// the CLI: the name and description offered, the URIs, and the library's copy afterwards.
namespace encore {

// The seed a list of songs was made for, as the user knows it.
struct SaveSeed {
    QString title;    // the song's title, or the playlist's name
    QString artists;  // the song's artists; empty for a playlist
    bool isPlaylist = false;
    QString methodName;  // "hybrid", "content", …
    // A list kept as it is (the liked songs, a library playlist) rather than songs like a seed:
    // its name, offered as the playlist's name.
    QString listName;
};

// "Encore: like “Title”", or "Encore: more like “Playlist”" for a playlist seed; a kept list's
// own name.
QString savedPlaylistName(const SaveSeed &seed);
// One line saying which seed and method made the list.
QString savedPlaylistDescription(const SaveSeed &seed);

// The songs that can be saved as they are (a Spotify track id) and the others, in order.
struct SpotifyUriSplit {
    QStringList uris;
    std::vector<Track> saved;      // the tracks behind `uris`
    std::vector<Track> withoutId;  // to look up by ISRC or title first
};
SpotifyUriSplit splitBySpotifyId(const std::vector<Track> &tracks);
// The split again once the songs without an id were looked up (`found`, one per song of
// split.withoutId, in order): each found track takes its song's place in `tracks`; the songs
// still not found go to `notFound`.
SpotifyUriSplit withFoundTracks(const std::vector<Track> &tracks, const std::vector<std::optional<Track>> &found,
                                std::vector<Track> &notFound);

// The library's copy of the playlist once `save` is complete, so it is not read again: the
// songs of a new playlist; for an existing one the library's entries followed by the songs
// added, but only when the library's copy was that of `listed` (the playlist as listed before
// the save). std::nullopt when it must be read from Spotify instead. `saved` are the tracks
// behind save.uris.
std::optional<ImportBatch> savedPlaylistBatch(const SpotifyPlaylistSave &save, const std::vector<Track> &saved,
                                              const SpotifyPlaylist &listed, const std::optional<Playlist> &stored);

}  // namespace encore
