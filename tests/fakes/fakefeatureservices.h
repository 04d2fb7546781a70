#pragma once

#include "fakehttpservice.h"

#include <QJsonArray>
#include <QJsonObject>

namespace encore::test {

// ReccoBeats: GET /v1/audio-features?ids=<Spotify ids, at most 40> answers
// {"content":[{"id":"<its own id>","href":"https://open.spotify.com/track/<Spotify id>",...}]}
// with the tracks it knows, in another order than asked (so callers must map by href); unknown
// ids are simply absent. More than 40 ids is a 400.
//
// GET /v1/track/recommendation?seeds=<1 to 5 Spotify ids, by commas>&size=N answers
// {"content":[track, ...]} with at most N of the tracks added for those seeds, each once
// ({"id","trackTitle","artists":[{"id","name"}],"durationMs","isrc","href","popularity"}); an
// unknown seed gets an empty list, no seed, more than 5 or a size outside 1..100 a 400.
class FakeReccoBeats : public FakeHttpService {
    Q_OBJECT
public:
    static constexpr int kMaxIds = 40;
    // `features` holds the eleven keys as Spotify names them.
    void addTrack(const QString &spotifyId, const QJsonObject &features);
    void addRecommendation(const QString &seedSpotifyId, const QString &spotifyId, const QString &title,
                           const QStringList &artists, const QString &isrc = {});

protected:
    Answer answer(const Request &request) override;

private:
    Answer recommendation(const Request &request) const;

    QHash<QString, QJsonObject> m_tracks;
    QHash<QString, QJsonArray> m_recommendations;  // by seed
};

// Deezer: GET /track/isrc:{ISRC} answers the track with its "preview", or (as Deezer does) a 200
// with {"error":{"type":"DataException","message":"no data","code":800}} for an unknown ISRC, or
// {"error":{...,"code":4}} while the quota is exceeded.
//
// A small music graph for Discover: GET /track/{id} and /track/isrc:{ISRC} answer a song added
// with addSong(); /search/track?q=artist:"A" track:"T" the songs whose artist and title hold
// those words; /artist/{id}/top?limit=N its songs by rank; /artist/{id}/related?limit=N the
// artists added as related. Lists are {"data":[...],"total":n} and, as Deezer's, carry no ISRC
// or bpm; an unknown artist is error 800. Each song's album "cover_medium" is a JPEG the fake
// serves at coverPath() (on Deezer, another host).
class FakeDeezer : public FakeHttpService {
    Q_OBJECT
public:
    void addTrack(const QString &isrc, const QUrl &preview);
    // The next `times` requests get the quota error (code 4).
    void exceedQuota(int times) { m_quotaErrors = times; }

    void addArtist(qint64 id, const QString &name, const QList<qint64> &related = {});
    // A song of an added artist; `bpm` 0 for none, as Deezer says.
    void addSong(qint64 id, qint64 artistId, const QString &title, const QString &isrc, int rank, double bpm = 0);
    static QString coverPath(qint64 songId);

protected:
    Answer answer(const Request &request) override;

private:
    struct Artist {
        QString name;
        QList<qint64> related;
    };
    Answer error(const QString &type, const QString &message, int code) const;
    Answer track(const QJsonObject &song) const;
    Answer cover(qint64 songId) const;
    QJsonObject withCoverUrl(QJsonObject song) const;
    Answer list(const QJsonArray &entries) const;
    Answer previewTrack(const QString &isrc) const;
    QJsonObject listEntry(const QJsonObject &song) const;
    QJsonArray topOf(qint64 artistId, int limit) const;

    QHash<QString, QUrl> m_previews;
    int m_quotaErrors = 0;
    QHash<qint64, Artist> m_artists;
    QList<QJsonObject> m_songs;  // full track objects, in the order added
};

// The iTunes Search API: GET /search?term=...&media=music&entity=song&limit=N answers
// {"resultCount":n,"results":[{"trackName","artistName","previewUrl",...}]}: the songs whose
// artist and title hold every word of the term.
class FakeITunes : public FakeHttpService {
    Q_OBJECT
public:
    void addSong(const QString &title, const QString &artist, const QUrl &preview);

protected:
    Answer answer(const Request &request) override;

private:
    struct Song {
        QString title;
        QString artist;
        QUrl preview;
    };
    QList<Song> m_songs;
};

}  // namespace encore::test
