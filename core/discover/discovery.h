#pragma once

#include "discover/candidate.h"
#include "features/featureendpoints.h"
#include "features/serviceclient.h"

#include <QObject>
#include <QSet>
#include <QStringList>

#include <array>

class QNetworkAccessManager;

namespace encore {

// Which services Discover asks and how widely.
struct DiscoveryOptions {
    bool reccoBeats = true;
    bool deezer = true;
    // Not asked by Discovery: afterwards, the songs found only on Deezer that reach the top of
    // the list are searched for on Spotify (see SpotifySearchPlan), when signed in.
    bool spotify = false;
    int reccoBeatsSize = 40;     // ReccoBeats gives 1 to 100
    int relatedArtists = 4;      // Deezer's artists nearest the seed's
    int topTracksPerArtist = 5;  // of the seed's artist and of each related one
};

// What Discover finds songs like: one track, or a playlist through the tracks of its main artists.
struct DiscoverySeed {
    // A playlist is asked about through at most this many tracks (ReccoBeats takes 1 to 5 seeds).
    static constexpr int kPlaylistTracks = 5;

    QString id;                 // the track's id, or "playlist:<id>": what discoveries are kept under
    QString name;               // the track's title or the playlist's name
    std::vector<Track> tracks;  // the tracks the services are asked about

    static DiscoverySeed ofTrack(const Track &track);
    // One track of each of the playlist's most frequent primary artists (a Spotify id preferred,
    // then the first in the playlist's order), most frequent first.
    static DiscoverySeed ofPlaylist(const Catalog &catalog, int playlistIndex);
    bool isPlaylist() const { return id.startsWith(QLatin1String("playlist:")); }
};

// How a discovery ended: the services that could not be reached or refused for their limits
// (none of which says anything about the seed), and other failures as sentences.
struct DiscoveryOutcome {
    QStringList unreachable;
    QStringList limited;
    QStringList failures;
    bool cancelled = false;

    bool complete() const { return unreachable.isEmpty() && limited.isEmpty() && failures.isEmpty(); }
    // One sentence for the user, empty when every service answered.
    QString message() const;
};

// The requests one service was asked so far in a discovery, and how many it answered.
struct DiscoverySourceProgress {
    QString service;  // "ReccoBeats", "Deezer"
    int done = 0;
    int planned = 0;  // more are planned as answers come
};

// Gathers songs from beyond the library for one seed (each of its tracks, for a playlist):
// - ReccoBeats: GET {reccobeats}/v1/track/recommendation?seeds=<Spotify ids>&size=N;
// - Deezer: each seed track by its Deezer id (a song found there before: GET {deezer}/track/{id}), by
//   ISRC (GET {deezer}/track/isrc:{ISRC}) or else by name
//   (GET /search/track?q=artist:"A" track:"T"), then GET /artist/{id}/top?limit=K for the seed's
//   artist and for each of GET /artist/{id}/related?limit=R.
// Songs arrive in the pool as answers come, each once (see CandidatePool), the seed itself left
// out (every track of a playlist seed); each Deezer artist is explored once; the services are
// asked at once, each through its own ServiceClient.
class Discovery : public QObject {
    Q_OBJECT
public:
    static constexpr int kDeezerConcurrency = 6;

    Discovery(QNetworkAccessManager &network, FeatureEndpoints endpoints, QObject *parent = nullptr);

    // Starts over for `seed`; a discovery under way is dropped without finished().
    void start(const DiscoverySeed &seed, const DiscoveryOptions &options = {});
    void start(const Track &seed, const DiscoveryOptions &options = {})
    {
        start(DiscoverySeed::ofTrack(seed), options);
    }
    // Drops every request; finished() follows with `cancelled` set.
    void cancel();
    bool isRunning() const { return m_pending > 0; }

    const CandidatePool &pool() const { return m_pool; }
    // Each service asked so far, in the order ReccoBeats, Deezer.
    std::vector<DiscoverySourceProgress> sourceProgress() const;
    ServiceClient &reccoBeatsClient() { return m_reccoBeats; }
    ServiceClient &deezerClient() { return m_deezer; }

signals:
    // Songs [first, first + count) joined the pool.
    void candidatesAdded(int first, int count);
    // What a later answer said about a song already in the pool.
    void candidateUpdated(int index);
    // Requests answered of those planned so far (more are planned as answers come).
    void progress(int done, int total);
    void finished(const encore::DiscoveryOutcome &outcome);

private:
    using Handler = std::function<void(const QByteArray &body)>;
    // GETs `url`; `handle` reads a 2xx answer, a failure goes to the outcome.
    void ask(ServiceClient &client, const QUrl &url, Handler handle);
    void failed(const ServiceClient &client, const Error &error);
    void settle();
    void addAll(std::vector<Candidate> candidates, const DiscoveryOrigin &origin);

    bool isSeed(const Track &track) const;
    void askReccoBeats();
    void findSeedOnDeezer(const Track &seed);
    void searchSeedOnDeezer(const Track &seed);
    void exploreDeezerArtist(qint64 artistId, const QString &artistName);
    void askTopOf(qint64 artistId, const DiscoveryOrigin &origin);

    ServiceClient m_reccoBeats;
    ServiceClient m_deezer;
    FeatureEndpoints m_endpoints;
    DiscoverySeed m_seed;
    QSet<qint64> m_explored;  // Deezer artists whose top songs were asked for
    DiscoveryOptions m_options;
    CandidatePool m_pool;
    DiscoveryOutcome m_outcome;
    std::array<DiscoverySourceProgress, 2> m_sources;  // ReccoBeats, Deezer
    DiscoverySourceProgress &sourceOf(const ServiceClient &client);
    int m_pending = 0;
    int m_done = 0;
    int m_planned = 0;
};

}  // namespace encore
