#pragma once

#include "model/track.h"
#include "spotify/spotifyclient.h"

#include <optional>
#include <vector>

namespace encore {

// Finds the Spotify track of each song that has no Spotify id, one search at a time
// (GET /search, type=track, at most 10 results): by ISRC when the song has one, else by title and
// primary artist. A result counts only when it is the same recording (same ISRC) or the same song
// (same title and one artist the same, after normalisation). Each search spends a call of the
// developer app's daily quota, so the caller asks only about songs the user acts on.
class SpotifyTrackLookupJob : public SpotifyJob {
    Q_OBJECT
public:
    static constexpr int kSearchLimit = 10;

    // One entry per song asked about, in order: the Spotify track found, or nothing.
    const std::vector<std::optional<Track>> &result() const { return m_found; }
    // The searches made so far (up to two a song), each a call of the quota.
    int searchesMade() const { return m_searches; }

    // The search text for `track`: isrc:… when it has an ISRC, else track:"…" artist:"…".
    static QString isrcQuery(const Track &track);
    static QString titleQuery(const Track &track);
    // The first of `candidates` that is the song `wanted`, or nothing.
    static std::optional<Track> bestMatch(const Track &wanted, const std::vector<Track> &candidates, bool byIsrc);

private:
    friend class SpotifyClient;
    SpotifyTrackLookupJob(SpotifyClient &client, std::vector<Track> songs);
    void start();
    void lookUp(std::size_t index, bool byIsrc);

    std::vector<Track> m_songs;
    std::vector<std::optional<Track>> m_found;
    int m_searches = 0;
};

}  // namespace encore
