#pragma once

#include "catalog/catalog.h"
#include "feedback.h"
#include "hybridranker.h"
#include "model/audiofeatures.h"
#include "util/result.h"

#include <QString>

#include <array>
#include <memory>
#include <optional>
#include <vector>

namespace encore {

enum class RankingMethod {
    Tutorial,  // the seed project's: MinMax-scaled features, cosine similarity
    Content,   // Encore's: standardised, key on the pitch circle, log tempo, weighted cosine
    Hybrid,    // content blended with playlist co-occurrence, metadata and popularity
};

QString rankingMethodName(RankingMethod method);  // "tutorial", "content", "hybrid"
std::optional<RankingMethod> rankingMethodFromName(const QString &name);

// How much each feature counts in the content ranker, 0 (ignored) upwards; 1 by default.
struct FeatureWeights {
    std::array<float, kFeatureCount> values;
    FeatureWeights() { values.fill(1.0f); }
    float operator[](Feature f) const { return values[index(f)]; }
    float &operator[](Feature f) { return values[index(f)]; }
    friend bool operator==(const FeatureWeights &, const FeatureWeights &) = default;
};

struct RankingRequest {
    int seedRow = -1;
    int k = 20;
    RankingMethod method = RankingMethod::Content;
    FeatureWeights weights;              // used by the content method
    int playlistIndex = -1;              // the playlist the seed was picked from, or -1
    bool excludePlaylistTracks = false;  // leave out tracks already in that playlist
    HybridSettings hybrid;               // used by the hybrid method
    // Hybrid: how much the rest of the playlist at playlistIndex shapes the ranking, in all,
    // against the seed's 1 ("more like this seed, in the spirit of this playlist"); 0 = not at all.
    float playlistContext = 0.5f;
    // Hybrid: the whole playlist at playlistIndex is the seed (seedRow is ignored); its tracks
    // are left out of the list.
    bool seedIsPlaylist = false;
    // Likes re-rank (hybrid); disliked tracks never come back for this seed (every method).
    SeedFeedback feedback;
    // Rows never listed, whatever the method (Discover lists only the songs it found).
    std::vector<int> excludedRows;
    // A playlist no method may see: its membership counts nowhere, as if it were not in the
    // library (for measuring quality on it), or -1.
    int leftOutPlaylist = -1;
};

// The explanation compares a recommendation with one track, its anchor: the seed, or when a whole
// playlist is the seed, the playlist's song that sounds most like the recommendation.
struct Recommendation {
    int row = -1;                                // catalog row
    float score = 0.0f;                          // cosine similarity (hybrid: the blended score), higher is closer
    FeatureSpace::FeatureList matchingFeatures;  // the 2-3 features closest to the anchor's, best first
    int sharedPlaylists = 0;                     // other playlists holding both this track and the anchor
    bool sameArtist = false;                     // the anchor's primary artist is this track's
    int anchorRow = -1;                          // catalog row of the anchor; -1 when unknown
};

// The tracks `method` never lists, whatever the seed: for the tutorial method those missing any
// of the eleven features, for the content method those with none; the hybrid method can list
// every track (through playlists, artists and popularity).
int tracksLeftOut(const FeatureSpace &space, RankingMethod method);

// Ranks a catalog's tracks against a seed. Built once per library change (that is when the
// normalisation happens); recommend() is const and safe to call from several threads.
class Recommender {
public:
    // With a `rankingCachePath` and a catalog read from a stored library (it has a generation),
    // what the recommender builds is kept in that file (rankingcache.h): the next recommender of
    // the same library generation maps it instead of building it. Without either it builds.
    explicit Recommender(std::shared_ptr<const Catalog> catalog, const QString &rankingCachePath = {});
    ~Recommender();
    Recommender(Recommender &&) noexcept;
    Recommender &operator=(Recommender &&) noexcept;

    const Catalog &catalog() const;
    const std::shared_ptr<const Catalog> &catalogPtr() const;
    const FeatureSpace &featureSpace() const;
    const HybridRanker &hybridRanker() const;

    // Fails with NotFound for a seed row out of range and Unavailable for a seed without
    // features. Never returns the seed or tracks without features. Best first: score descending,
    // then row ascending; at most k (k <= 0 gives none).
    // Content also lists each song once (the best-scoring of its copies, same songIdentity()),
    // leaves out other copies of the seed and, when
    // excludePlaylistTracks is set with a valid playlistIndex, the tracks of that playlist.
    // Tutorial is the seed project's baseline reproduced exactly: it leaves out only the seed,
    // so copies of the seed and playlist tracks may appear; it ignores weights and
    // excludePlaylistTracks. matchingFeatures are measured in the content space either way
    // (with the request's weights for content, all features for tutorial).
    // Hybrid lists each song once too and leaves out the seed's copies, the playlist's tracks
    // when asked (always when the playlist is the seed) and the disliked tracks; it keeps at most
    // hybrid.maxPerArtist tracks per artist. With seedIsPlaylist, NotFound for a playlist out of
    // range and Unavailable for one without a track that has features.
    Result<std::vector<Recommendation>> recommend(const RankingRequest &request) const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace encore
