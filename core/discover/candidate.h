#pragma once

#include "catalog/catalog.h"
#include "model/track.h"

#include <QHash>
#include <QStringList>
#include <QUrl>

#include <optional>
#include <vector>

namespace encore {

// Where Discover found a song: ReccoBeats' recommendation for the seed, or the top songs on Deezer
// of `artist`, who is the seed's own artist (relatedTo empty) or one Deezer relates to it.
struct DiscoveryOrigin {
    enum class Source { ReccoBeats, DeezerTop };
    Source source = Source::ReccoBeats;
    QString artist;
    QString relatedTo;

    // The sentence for the user: "top song of Amy Winehouse, related to Adele on Deezer".
    QString describe() const;
    friend bool operator==(const DiscoveryOrigin &, const DiscoveryOrigin &) = default;
};

QString discoverySourceName(DiscoveryOrigin::Source source);  // "reccobeats", "deezer"
std::optional<DiscoveryOrigin::Source> discoverySourceFromName(const QString &name);

// A song from beyond the library that a service suggested for a seed, with what the services
// said about it. Deezer's preview links expire within minutes, so only its track id is kept.
struct Candidate {
    Track track;                           // track.id is the Spotify id when a service gave one
    qint64 deezerId = 0;                   // 0 when Deezer did not name it
    qint64 deezerArtistId = 0;             // the primary artist's, 0 when unknown
    std::optional<double> deezerBpm;       // Deezer's tempo; absent when it has none (it says 0)
    int deezerRank = 0;                    // Deezer's popularity, 0 when unknown
    QUrl cover;                            // an album cover, when a service gave one
    std::vector<DiscoveryOrigin> origins;  // each place it was found, first first
};

// The id a candidate is stored under in the library: its Spotify id, else "deezer:<Deezer id>",
// else empty (it cannot be stored).
QString discoveredTrackId(const Candidate &candidate);

// Gives each candidate that is a song the library holds (the same Spotify id, else ISRC, else
// songIdentity) that track's id, so storing it adds the song only once.
void matchToLibrary(const Catalog &catalog, std::vector<Candidate> &candidates);

// The Deezer id in a track id discoveredTrackId() made ("deezer:55" → "55"); empty for others.
QString deezerIdOf(const QString &trackId);

// The candidates gathered for one seed, each song once. A newcomer is the same song as one held
// when it has the same Spotify id, else the same ISRC, else the same normalised title and primary
// artist (songIdentity); then what it adds (ids, tempo, cover, origins) fills the held one.
class CandidatePool {
public:
    enum class Added { New, Merged };
    // Adds `candidate`; `index` gets its place in candidates().
    Added add(Candidate candidate, int *index = nullptr);

    const std::vector<Candidate> &candidates() const { return m_candidates; }
    int size() const { return int(m_candidates.size()); }
    void clear();

private:
    int find(const Candidate &candidate) const;
    void remember(int index);

    std::vector<Candidate> m_candidates;
    QHash<QString, int> m_bySpotifyId;
    QHash<QString, int> m_byIsrc;
    QHash<QString, int> m_byIdentity;
};

}  // namespace encore
