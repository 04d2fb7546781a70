#pragma once

#include "spotify/spotifyendpoints.h"
#include "spotify/spotifyjson.h"
#include "util/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <chrono>
#include <functional>
#include <optional>
#include <vector>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace encore {

class SpotifySession;
class SpotifyClient;
class SpotifySaveJob;
class SpotifyTrackLookupJob;
struct SpotifyPlaylistSave;

// How the client treats a slow or failing Spotify. The defaults suit the real service; tests make
// the waits small.
struct SpotifyClientOptions {
    std::chrono::milliseconds transferTimeout = std::chrono::seconds(20);    // per request
    std::chrono::milliseconds backoffBase = std::chrono::milliseconds(500);  // doubles per retry
    int maxRetries = 3;                                             // for 5xx, timeouts, network errors and plain 429s
    std::chrono::seconds maxRetryAfter = std::chrono::seconds(60);  // a longer Retry-After fails
    int concurrency = 4;  // pages of one playlist read at the same time (1..6)
};

// One operation of SpotifyClient in progress. Ends with exactly one `finished` (also after
// cancel(), then with an error of kind Cancelled); error() is empty on success. A job is a child
// of the client; the caller may delete it (deleteLater) once it has finished, or earlier, which
// cancels it silently.
class SpotifyJob : public QObject {
    Q_OBJECT
public:
    ~SpotifyJob() override;

    bool isFinished() const { return m_finished; }
    const std::optional<Error> &error() const { return m_error; }

    // Aborts every outstanding request and pending retry; emits finished with Cancelled.
    void cancel();

signals:
    // Entries read so far of `total` (total is -1 while unknown).
    void progress(int done, int total);
    void finished();

protected:
    explicit SpotifyJob(SpotifyClient &client);

    // A GET with the retry rules; `done` gets the body of a 2xx answer or the error, and the
    // HTTP status (0 when there was none).
    using Callback = std::function<void(Result<QByteArray> body, int httpStatus)>;
    void get(const QUrl &url, Callback done);
    // A POST of `body` as JSON. It changes something, so only what surely did not land is sent
    // again (a 401 after a refresh, a 429 after its Retry-After); after no answer or a 5xx the
    // change may or may not have been made, and `done` gets that error to decide.
    void post(const QUrl &url, const QJsonObject &body, Callback done);
    int outstanding() const { return int(m_requests.size()); }

    // Ends the job: once only; stops everything still running.
    void finish(std::optional<Error> error);

    SpotifyClient &m_client;

private:
    struct Request;
    void send(Request *request);
    void onReply(Request *request);
    void retryLater(Request *request, std::chrono::milliseconds delay);
    void refreshThenRetry(Request *request);
    void complete(Request *request, Result<QByteArray> body, int httpStatus);
    void abortAll();

    QList<Request *> m_requests;
    bool m_finished = false;
    std::optional<Error> m_error;
};

// GET /me.
class SpotifyUserJob : public SpotifyJob {
    Q_OBJECT
public:
    const SpotifyUser &user() const { return m_user; }

private:
    friend class SpotifyClient;
    explicit SpotifyUserJob(SpotifyClient &client);
    void start();
    SpotifyUser m_user;
};

// Every page of GET /me/playlists. The result reuses SpotifyPlaylistPage: all the playlists, in
// order, with paging.total and the number of skipped entries summed over the pages.
class SpotifyPlaylistsJob : public SpotifyJob {
    Q_OBJECT
public:
    const SpotifyPlaylistPage &result() const { return m_result; }

private:
    friend class SpotifyClient;
    explicit SpotifyPlaylistsJob(SpotifyClient &client);
    void start();
    void fetch(const QUrl &url);
    SpotifyPlaylistPage m_result;
    int m_pagesRead = 0;
};

// Every entry of GET /playlists/{id}/items. The first page tells the total; the remaining pages
// are then read concurrently by offset and assembled in playlist order. The result reuses
// SpotifyItemsPage: all tracks, paging.total, and the skipped entries counted by reason.
class SpotifyPlaylistTracksJob : public SpotifyJob {
    Q_OBJECT
public:
    const QString &playlistId() const { return m_playlistId; }
    const SpotifyItemsPage &result() const { return m_result; }

private:
    friend class SpotifyClient;
    SpotifyPlaylistTracksJob(SpotifyClient &client, QString playlistId);
    void start();
    QUrl pageUrl(int offset) const;
    void onPage(int index, Result<QByteArray> body, int httpStatus);
    void launchMore();
    void assemble();

    QString m_playlistId;
    std::vector<std::optional<SpotifyItemsPage>> m_pages;  // by page index
    int m_nextToLaunch = 1;
    int m_pageSize = 50;
    int m_read = 0;
    SpotifyItemsPage m_result;
};

// GET /audio-features?ids=... for at most kMaxIds track ids. Spotify answers 403 to apps created
// since November 2024: the job then fails and accessRefused() is true.
class SpotifyAudioFeaturesJob : public SpotifyJob {
    Q_OBJECT
public:
    static constexpr int kMaxIds = 100;

    // The features of each id Spotify knew, in request order; unknown ids are left out.
    const std::vector<SpotifyAudioFeatures> &result() const { return m_result; }
    bool accessRefused() const { return m_accessRefused; }

private:
    friend class SpotifyClient;
    SpotifyAudioFeaturesJob(SpotifyClient &client, QStringList trackIds);
    void start();

    QStringList m_trackIds;
    std::vector<SpotifyAudioFeatures> m_result;
    bool m_accessRefused = false;
};

// The Spotify Web API calls Encore makes, asynchronously on one QNetworkAccessManager with the
// session's access token. Every request follows the same rules: a 401 refreshes the session once
// and retries once; a 429 waits for Retry-After (unless the developer quota is spent); 5xx answers,
// timeouts and network errors are retried with exponential backoff a bounded number of times; a
// body that cannot be parsed is a Parse error. Paging links are followed only when they point
// below the configured API base.
class SpotifyClient : public QObject {
    Q_OBJECT
public:
    static constexpr int kPageLimit = 50;

    SpotifyClient(QNetworkAccessManager &network, SpotifyEndpoints endpoints, SpotifySession &session,
                  QObject *parent = nullptr);

    void setOptions(const SpotifyClientOptions &options);
    const SpotifyClientOptions &options() const { return m_options; }
    const SpotifyEndpoints &endpoints() const { return m_endpoints; }

    SpotifyUserJob *currentUser();
    SpotifyPlaylistsJob *allPlaylists();
    SpotifyPlaylistTracksJob *playlistTracks(const QString &playlistId);
    // At most SpotifyAudioFeaturesJob::kMaxIds ids (more fail the job at once).
    SpotifyAudioFeaturesJob *audioFeatures(const QStringList &trackIds);
    // Makes the playlist `save` asks for (unless it names one) and adds its songs, or goes on
    // with a save that stopped half-way; see SpotifyPlaylistSave.
    SpotifySaveJob *savePlaylist(const SpotifyPlaylistSave &save);
    // Looks up the Spotify tracks of songs without a Spotify id (one search call each).
    SpotifyTrackLookupJob *lookUpTracks(const std::vector<Track> &songs);
    // True once Spotify answered 403 to audio features: this app has no access, for the session.
    bool audioFeaturesRefused() const { return m_audioFeaturesRefused; }

    // The fields asked of /playlists/{id}/items: paging and what the parser reads.
    static QString playlistItemsFields();
    // True when `url` lies below the API base (same scheme, host, port and path prefix).
    bool isBelowApiBase(const QUrl &url) const;

private:
    friend class SpotifyJob;
    friend class SpotifyAudioFeaturesJob;

    QNetworkAccessManager &m_network;
    SpotifyEndpoints m_endpoints;
    SpotifySession &m_session;
    SpotifyClientOptions m_options;
    bool m_audioFeaturesRefused = false;
};

}  // namespace encore
