#pragma once

#include "spotify/spotifyclient.h"

#include <QString>
#include <QStringList>

namespace encore {

// Songs being saved to a Spotify playlist, as far as the save got. A save that failed is
// continued by starting another job with the state the last one ended with: it never creates the
// playlist twice nor adds a song twice, and goes on after the last batch that landed.
struct SpotifyPlaylistSave {
    static constexpr int kBatchSize = 100;  // Spotify adds at most 100 items per request

    // A new playlist is made with these, unless playlistId names an existing one.
    QString name;
    QString description;
    bool isPublic = false;

    QString playlistId;  // the playlist to add to: given, or the new one once it is made
    QStringList uris;    // spotify:track:… in the order they go in

    int added = 0;         // uris[0 .. added) are in the playlist
    int totalBefore = -1;  // entries the playlist had before the first add; -1 until known
    bool createdHere = false;
    // The last request got no clear answer (none, or a 5xx): it may have landed. The next job
    // reads the playlist first to find out.
    bool uncertain = false;
    // The playlist's version after each batch that landed; empty for one whose answer was lost.
    QStringList snapshotIds;
    SpotifyPlaylist playlist;  // the new playlist as Spotify described it (createdHere only)

    bool isComplete() const { return !playlistId.isEmpty() && added == uris.size() && !uncertain; }
};

// Makes the playlist when asked (POST /me/playlists), then adds the songs in order, at most 100
// per request (POST /playlists/{id}/items). Progress counts the songs added so far. An answer that
// leaves it unclear whether a batch landed is settled by reading the playlist's length, once
// automatically and again by every job that continues the save.
class SpotifySaveJob : public SpotifyJob {
    Q_OBJECT
public:
    const SpotifyPlaylistSave &state() const { return m_state; }

private:
    friend class SpotifyClient;
    SpotifySaveJob(SpotifyClient &client, SpotifyPlaylistSave state);
    void start();
    void next();
    void create();
    void adoptCreated();
    void readTotal();
    void addBatch();
    // Ends with `error`, or settles an unclear answer first when that is still allowed.
    void failRequest(const Error &error, int httpStatus, Error (*explain)(const Error &, int));

    SpotifyPlaylistSave m_state;
    int m_settles = 0;  // unclear answers settled by this job
};

}  // namespace encore
