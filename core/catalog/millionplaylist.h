#pragma once

#include "catalogimporter.h"
#include "util/result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace encore {

// The Million Playlist Dataset's format: a collection split into slice files
// (mpd.slice.0-999.json, mpd.slice.1000-1999.json, …), each an object whose "playlists" list
// holds {pid, name, tracks: [{pos, track_uri, track_name, artist_name, artist_uri, album_name,
// album_uri, duration_ms}], …}. It has no audio features: those come from other sources.

// Whether `path` is to be read as that format: a folder, or a file whose name ends in ".json".
bool isMillionPlaylistSource(const QString &path);

// The slice files `path` stands for: the file itself, or the folder's ".json" files in the order
// of the numbers in their names (slice 2 before slice 10). NotFound for a folder without any.
Result<QStringList> millionPlaylistSlices(const QString &path);

// Reads one slice's text into a batch: its playlists as "mpd:<pid>", their tracks (each id once,
// without features). An entry without a Spotify track is skipped and reported, as is a playlist
// without a pid or without any usable entry; rejected rows have line 0 and name the playlist in
// their reason. Parse error when the text is not such a slice. The content hash is left to the
// caller, who needs it before reading (see contentHashOf).
Result<ImportBatch> readMillionPlaylistSlice(const QByteArray &json, const QString &sourcePath);

// The hash an import of these bytes is recorded under (as CsvReader's, XXH3 128 bits).
QByteArray contentHashOf(const QByteArray &bytes);

}  // namespace encore
