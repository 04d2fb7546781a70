#pragma once

#include <QString>
#include <QStringList>

namespace encore {

// A named, ordered list of tracks: one of the user's Spotify playlists or one found in a catalog.
struct Playlist {
    QString id;  // Spotify playlist id, or "file:<hash>" for a catalog without playlists
    QString name;
    QString owner;         // empty when unknown
    QString origin;        // the catalog file it came from, or "spotify"
    QStringList trackIds;  // in playlist order, each once
    QString snapshotId;    // Spotify's snapshot_id when it was read; empty for catalog playlists
};

}  // namespace encore
