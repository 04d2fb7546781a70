#pragma once

#include "fakehttpservice.h"

#include <QJsonObject>

namespace encore::test {

// ReccoBeats: GET /v1/audio-features?ids=<Spotify ids, at most 40> answers
// {"content":[{"id":"<its own id>","href":"https://open.spotify.com/track/<Spotify id>",...}]}
// with the tracks it knows, in another order than asked (so callers must map by href); unknown
// ids are simply absent. More than 40 ids is a 400.
class FakeReccoBeats : public FakeHttpService {
    Q_OBJECT
public:
    static constexpr int kMaxIds = 40;
    // `features` holds the eleven keys as Spotify names them.
    void addTrack(const QString &spotifyId, const QJsonObject &features);

protected:
    Answer answer(const Request &request) override;

private:
    QHash<QString, QJsonObject> m_tracks;
};

// Deezer: GET /track/isrc:{ISRC} answers the track with its "preview", or (as Deezer does) a 200
// with {"error":{"type":"DataException","message":"no data","code":800}} for an unknown ISRC, or
// {"error":{...,"code":4}} while the quota is exceeded.
class FakeDeezer : public FakeHttpService {
    Q_OBJECT
public:
    void addTrack(const QString &isrc, const QUrl &preview);
    // The next `times` track requests get the quota error (code 4).
    void exceedQuota(int times) { m_quotaErrors = times; }

protected:
    Answer answer(const Request &request) override;

private:
    QHash<QString, QUrl> m_previews;
    int m_quotaErrors = 0;
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
