#pragma once

#include "fakehttpservice.h"

#include <QByteArray>
#include <QHash>
#include <QHttpServer>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

#include <chrono>
#include <functional>
#include <utility>

namespace encore::test {

// A fake Spotify Web API on 127.0.0.1 and a random port, built from the recorded answers in
// ../shared/data/spotify-api. Serves GET /v1/me, /v1/me/playlists and /v1/playlists/{id}/items
// (paged, limit <= 50), answers 403 on the old /v1/playlists/{id}/tracks and on playlists the user
// neither owns nor collaborates on, and 404 on unknown (and Spotify's editorial) playlists.
// Writes as Spotify takes them since February 2026: POST /v1/me/playlists {name, description,
// public} (201 with the playlist, listed first from then on) and POST /v1/playlists/{id}/items
// {uris} (1..100 uris; 201 with a new snapshot_id); 403 on POST /v1/users/{id}/playlists, on
// playlists the user may not change and for a token without the playlist-modify scopes.
// GET /v1/search (type=track, limit <= 10) finds the tracks it knows by isrc:… or by
// track:"…" artist:"…". Answers either in the shapes Spotify used before 2026 or in the current
// ones. Knobs provoke failures; every request is recorded.
class FakeSpotifyApi : public QObject {
    Q_OBJECT
public:
    enum class Shape { Before2026, Current };

    struct Request {
        QByteArray method;  // GET, POST
        QByteArray body;
        QString path;
        QUrlQuery query;
        QList<std::pair<QByteArray, QByteArray>> headers;
        QByteArray header(const QByteArray &name) const;  // case-insensitive
        QString bearer() const;                           // the token of Authorization: Bearer
    };

    static QString userId() { return QStringLiteral("1123408718"); }
    static QString editorialPlaylistId() { return QStringLiteral("37i9dQZF1DXcBWIGoYBM5M"); }
    static QString foreignPlaylistId() { return QStringLiteral("5ForeignPlaylist000000"); }
    static QString collaborativePlaylistId() { return QStringLiteral("6Co11aborativeList0000"); }
    static QString mixedPlaylistId() { return QStringLiteral("3sPyrAW9PVUMxL9i6QFbaV"); }

    // `dataDir` holds the recorded answers (current_users_playlists.txt, playlist_items_*.json).
    explicit FakeSpotifyApi(QString dataDir, QObject *parent = nullptr);

    // Loads the recordings and listens; false (with loadError()) when either failed.
    bool listen();
    QString loadError() const { return m_loadError; }
    quint16 port() const { return m_port; }
    QUrl baseUrl() const;  // http://127.0.0.1:PORT/v1, the value for ENCORE_SPOTIFY_API_URL

    // ---- content
    void setShape(Shape shape) { m_shape = shape; }
    // Adds (or replaces) an owned playlist whose entries are `entries`, each in the pre-2026 form
    // {"is_local":..., "track": {...} or null}. It is listed after the recorded ones.
    void addPlaylist(const QString &id, const QString &name, const QJsonArray &entries);
    // The playlist's entries as track URIs, in order (empty for an unknown playlist).
    QStringList playlistUris(const QString &id) const;
    QJsonObject playlistObject(const QString &id) const;  // as listed, pre-2026 shape
    // A track that searches can find (and that added URIs with its id stand for).
    void addKnownTrack(const QJsonObject &track);
    // A playlist of `count` synthetic songs, "Song 0".."Song count-1", ids syntheticTrackId(i).
    void addSyntheticPlaylist(const QString &id, int count);
    static QString syntheticTrackId(int index);
    static QJsonObject syntheticTrackEntry(int index);
    // Song i's album is album i % 11, whose images are this link at 640, 300 and 64 pixels (on a
    // host that never answers).
    static QUrl syntheticAlbumCover(int album, int width);
    static QJsonArray syntheticAlbumImages(int album);
    static QJsonObject localFileEntry(const QString &name);
    static QJsonObject nullEntry();
    QJsonObject episodeEntry() const;  // from the recording
    // Serves at most this many entries per page, whatever the limit asked (0 = no cap).
    void setMaxPageSize(int size) { m_maxPageSize = size; }
    // GET /v1/audio-features?ids= (at most 100): 403 unless this app has access, as for apps
    // created since November 2024 (the default); with access, the features set here, null for
    // other ids.
    void setAudioFeaturesAccess(bool access) { m_audioFeaturesAccess = access; }
    void setAudioFeatures(const QString &trackId, const QJsonObject &features);

    // ---- authorisation: a request whose Bearer token the validator refuses gets 401.
    void setValidToken(const QString &token);
    void setTokenValidator(std::function<bool(const QString &)> validator);
    // The scope of a token, for the writes (unset: every token may write).
    void setScopeLookup(std::function<QString(const QString &)> lookup) { m_scopeOf = std::move(lookup); }

    // ---- knobs
    // The next `times` requests whose path starts with `pathPrefix` (all when empty) get `status`
    // (with a Spotify error body, Retry-After when >= 0, and `reason` in the error object).
    void failRequests(int status, int times = 1, const QString &pathPrefix = {}, int retryAfterSeconds = -1,
                      const QString &reason = {});
    // The same, but the next `times` matching requests are carried out before they fail: the
    // caller cannot tell that they landed.
    void failRequestsAfterApplying(int status, int times = 1, const QString &pathPrefix = {});
    // The next `times` matching requests get a 200 with a body that is not JSON.
    void malformRequests(int times = 1, const QString &pathPrefix = {});
    // Every answer waits this long (responses to closed connections are dropped).
    void setLatency(std::chrono::milliseconds latency) { m_latency = latency; }
    // From now on each request may meet a fault that `faults` draws (nullptr: none). Not owned.
    void setRandomFaults(RandomFaults *faults) { m_randomFaults = faults; }
    // `next` links point here instead of at the fake itself (to test foreign links).
    void setNextBase(const QUrl &base) { m_nextBase = base; }

    // ---- what happened
    QList<Request> requests() const { return m_requests; }
    QList<Request> requestsTo(const QString &pathPrefix) const;
    int maxInFlight() const { return m_maxInFlight; }
    int inFlight() const { return m_inFlight; }
    void resetRecord();

private:
    struct Failure {
        int status = 500;
        int times = 0;
        QString pathPrefix;
        int retryAfter = -1;
        QString reason;
        bool malformed = false;
        bool afterApplying = false;
    };
    using Answer = FakeAnswer;
    struct Playlist {
        QJsonObject object;  // as listed, pre-2026 shape
        QJsonArray entries;  // pre-2026 shape
        bool hasItems = true;
    };

    bool load();
    void handle(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    Answer answer(const Request &request, FakeDelivery &delivery);
    Answer playlistsPage(const Request &request);
    Answer itemsPage(const Request &request, const Playlist &playlist, const QString &id);
    Answer audioFeatures(const Request &request) const;
    Answer route(const Request &request);
    Answer createPlaylist(const Request &request);
    Answer addItems(const Request &request, const QString &id);
    Answer search(const Request &request) const;
    bool mayWrite(const Request &request) const;
    QJsonObject trackFor(const QString &uri) const;
    QJsonObject shaped(const QJsonObject &playlistOrEntry, bool entry) const;
    QUrl nextUrl(const QString &path, int offset, int limit, const QUrlQuery &keep) const;

    QString m_dataDir;
    QString m_loadError;
    QHttpServer m_server;
    quint16 m_port = 0;
    Shape m_shape = Shape::Current;
    QList<QString> m_order;  // playlist ids in listing order
    QHash<QString, Playlist> m_playlists;
    QJsonObject m_episode;
    int m_maxPageSize = 0;
    bool m_audioFeaturesAccess = false;
    QHash<QString, QJsonObject> m_audioFeatures;
    std::function<bool(const QString &)> m_validator;
    std::function<QString(const QString &)> m_scopeOf;
    QHash<QString, QJsonObject> m_knownTracks;  // by id
    int m_created = 0;
    QList<Failure> m_failures;
    std::chrono::milliseconds m_latency{0};
    RandomFaults *m_randomFaults = nullptr;
    QUrl m_nextBase;
    QList<Request> m_requests;
    int m_inFlight = 0;
    int m_maxInFlight = 0;
};

}  // namespace encore::test
