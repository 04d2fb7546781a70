#include "spotify/playlistsaving.h"

#include "spotify/spotifyplaylistimport.h"

#include <QCoreApplication>

namespace encore {

namespace {

// Spotify cuts names at 100 characters; a long title is shortened here, visibly.
QString shortened(const QString &text, int length)
{
    const QString simple = text.simplified();
    return simple.size() <= length ? simple : simple.left(length - 1).trimmed() + QChar(0x2026);
}

}  // namespace

QString savedPlaylistName(const SaveSeed &seed)
{
    if (!seed.listName.isEmpty())
        return shortened(seed.listName, 100);
    const QString quoted = QChar(0x201C) + shortened(seed.title, 80) + QChar(0x201D);
    return seed.isPlaylist ? QCoreApplication::translate("encore::playlistsaving", "Encore: more like ") + quoted
                           : QCoreApplication::translate("encore::playlistsaving", "Encore: like ") + quoted;
}

QString savedPlaylistDescription(const SaveSeed &seed)
{
    if (!seed.listName.isEmpty())
        return QCoreApplication::translate("encore::playlistsaving", "“%1”, saved from Encore.")
            .arg(shortened(seed.listName, 120));
    const QString method = seed.methodName.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(seed.methodName);
    if (seed.isPlaylist)
        return QCoreApplication::translate("encore::playlistsaving", "Songs like the playlist “%1”, found by Encore%2.")
            .arg(shortened(seed.title, 120), method);
    const QString by = seed.artists.isEmpty() ? QString() : QStringLiteral(" by ") + shortened(seed.artists, 60);
    return QCoreApplication::translate("encore::playlistsaving", "Songs like “%1”%2, found by Encore%3.")
        .arg(shortened(seed.title, 120), by, method);
}

SpotifyUriSplit splitBySpotifyId(const std::vector<Track> &tracks)
{
    SpotifyUriSplit split;
    for (const Track &track : tracks) {
        if (isSpotifyId(track.id)) {
            split.uris.append(QStringLiteral("spotify:track:") + track.id);
            split.saved.push_back(track);
        } else {
            split.withoutId.push_back(track);
        }
    }
    return split;
}

SpotifyUriSplit withFoundTracks(const std::vector<Track> &tracks, const std::vector<std::optional<Track>> &found,
                                std::vector<Track> &notFound)
{
    std::vector<Track> ordered;
    std::size_t next = 0;
    for (const Track &track : tracks) {
        if (isSpotifyId(track.id)) {
            ordered.push_back(track);
            continue;
        }
        if (next < found.size() && found[next])
            ordered.push_back(*found[next]);
        else
            notFound.push_back(track);
        ++next;
    }
    return splitBySpotifyId(ordered);
}

std::optional<ImportBatch> savedPlaylistBatch(const SpotifyPlaylistSave &save, const std::vector<Track> &saved,
                                              const SpotifyPlaylist &listed, const std::optional<Playlist> &stored)
{
    if (!save.isComplete() || save.snapshotIds.isEmpty() || save.snapshotIds.last().isEmpty())
        return std::nullopt;  // the playlist's last version is not known
    SpotifyPlaylist after = save.createdHere ? save.playlist : listed;
    after.id = save.playlistId;
    if (after.name.isEmpty())
        after.name = save.name;
    after.snapshotId = save.snapshotIds.last();
    SpotifyItemsPage items;
    if (!save.createdHere) {
        const bool upToDate = stored && !listed.snapshotId.isEmpty() && stored->snapshotId == listed.snapshotId;
        if (!upToDate)
            return std::nullopt;
        for (const QString &id : stored->trackIds) {
            Track entry;  // stored already: the id alone keeps its place and leaves it unchanged
            entry.id = id;
            items.tracks.push_back(std::move(entry));
        }
        after.ownerName = stored->owner;
    }
    items.tracks.insert(items.tracks.end(), saved.begin(), saved.end());
    return spotifyPlaylistBatch(after, items);
}

}  // namespace encore
