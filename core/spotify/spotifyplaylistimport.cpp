#include "spotify/spotifyplaylistimport.h"

#include "storage/librarydb.h"

#include <QSet>

namespace encore {

namespace {

const QString kSpotifyOrigin = QStringLiteral("spotify");

}  // namespace

ImportBatch spotifyPlaylistBatch(const SpotifyPlaylist &listed, const SpotifyItemsPage &items)
{
    ImportBatch batch;
    batch.sourcePath = kSpotifyOrigin;
    Playlist playlist;
    playlist.id = listed.id;
    playlist.name = listed.name.isEmpty() ? listed.id : listed.name;
    playlist.owner = listed.ownerName;
    playlist.origin = kSpotifyOrigin;
    playlist.snapshotId = listed.snapshotId;
    // A song listed twice is stored once, at its first place.
    QSet<QString> seen;
    for (const Track &track : items.tracks) {
        if (seen.contains(track.id))
            continue;
        seen.insert(track.id);
        batch.tracks.push_back(track);
        batch.features.emplace_back();
        playlist.trackIds.push_back(track.id);
    }
    batch.playlists.push_back(std::move(playlist));
    batch.albumCovers = items.albumCovers;
    batch.rowsRead = qint64(items.tracks.size()) + items.skipped();
    return batch;
}

bool isUpToDate(const LibraryDb &library, const SpotifyPlaylist &listed)
{
    if (listed.snapshotId.isEmpty())
        return false;
    const Result<Playlist> stored = library.playlist(listed.id);
    return stored && stored->origin == kSpotifyOrigin && stored->snapshotId == listed.snapshotId;
}

}  // namespace encore
