#pragma once

#include "util/result.h"

#include <QJsonObject>
#include <QString>

namespace encore::bench {

// What writeSyntheticCollection wrote.
struct SyntheticCollection {
    QString folder;        // the slice files, mpd.slice.0-999.json, …
    QString featuresPath;  // a catalog CSV with audio features for some of the collection's tracks
    int playlists = 0;
    qint64 entries = 0;
    int distinctTracks = 0;
    int tracksWithFeatures = 0;
    qint64 bytes = 0;  // of the slice files
    int mostPlaylistsOfATrack = 0;
    int tracksInOnePlaylist = 0;

    QJsonObject toJson() const;
};

// Writes a collection in the Million Playlist Dataset's format and of its published shape, the
// same for the same `playlists` on every run (fixed seeds):
//   - slices of 1,000 playlists;
//   - playlist lengths log-normal, 5 to 250 tracks, mean about 66;
//   - track popularity long-tailed: ranks drawn from a Zipf–Mandelbrot law (exponent 1.4, offset
//     600) over a pool of 6 tracks per playlist; at 1M playlists that gave 3.2M distinct tracks
//     (the real collection has 2.26M), the most common one in 0.03 % of the entries and 45 % of
//     them in one playlist only;
//   - playlists about something: each track belongs to one of kTopics topics, and a playlist
//     draws 80 % of its tracks from its own topic (artists and albums stay inside a topic);
//   - a features CSV (the TidyTuesday columns) for 30 % of the tracks drawn, their sound near
//     their topic's, so some seeds have audio features and some have none.
Result<SyntheticCollection> writeSyntheticCollection(const QString &folder, int playlists);

}  // namespace encore::bench
