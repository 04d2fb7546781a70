#pragma once

#include "discover/candidate.h"
#include "util/result.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace encore {

// Readers for the answers Discover asks for. Each gives the songs an answer names, or an Error:
// Parse for a body that is not the documented shape, NotFound for Deezer's "no data" (code 800),
// Quota for Deezer's "too many requests" (code 4), Api for another Deezer error.

// ReccoBeats, GET /v1/track/recommendation?seeds=...&size=...:
// {"content":[{"id","trackTitle","artists":[{"id","name","href"}],"durationMs","isrc","href",
// "popularity"}]}. The Spotify id is the one that ends "href"; a song without one keeps none.
Result<std::vector<Candidate>> parseReccoBeatsRecommendation(const QByteArray &body);

// Deezer, GET /track/{id} and /track/isrc:{ISRC}: one track, with "isrc", "bpm" (0 when
// unknown), "rank", "contributors", "artist" and "album" ("cover_medium").
Result<Candidate> parseDeezerTrack(const QByteArray &body);

// Deezer, GET /search/track and /artist/{id}/top: {"data":[track, ...],"total":n}.
Result<std::vector<Candidate>> parseDeezerTracks(const QByteArray &body);

struct DeezerArtist {
    qint64 id = 0;
    QString name;
};
// Deezer, GET /artist/{id}/related: {"data":[{"id","name","nb_fan",...}],"total":n}.
Result<std::vector<DeezerArtist>> parseDeezerArtists(const QByteArray &body);

}  // namespace encore
