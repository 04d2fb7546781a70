#pragma once

#include "features/featureendpoints.h"
#include "features/serviceclient.h"
#include "model/track.h"

#include <QHash>
#include <QObject>
#include <QStringList>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;

namespace encore {

// What a search for a track's preview came to: a preview, none (every service asked said so), or
// no answer, when a service that might have one could not be reached.
struct PreviewSearch {
    QUrl preview;             // empty when none was found
    QStringList unreachable;  // the services that could not be asked: "Deezer", "iTunes"
    QStringList limited;      // the services that refused for their rate limit, past the retries

    bool found() const { return !preview.isEmpty(); }
    // A preview, or "none" from every service: worth remembering. Not when one went unasked.
    bool answered() const { return found() || (unreachable.isEmpty() && limited.isEmpty()); }
};

// Finds a 30-second preview of a track: Spotify's preview_url when the track has one, else
// Deezer by ISRC (GET {deezer}/track/isrc:{ISRC} → "preview"; GET {deezer}/track/{id} for a song
// Discover found there), else the iTunes Search API
// (GET {itunes}/search?term=...&media=music&entity=song → "previewUrl" of the result whose title
// and artist match). ENCORE_DEEZER_URL and ENCORE_ITUNES_URL replace https://api.deezer.com and
// https://itunes.apple.com (plain http only for loopback). Answers are remembered for the
// finder's life, so asking twice costs nothing; a search a service could not answer (no network,
// timeout, 5xx) is not an answer and is made again at the next find.
class PreviewFinder : public QObject {
    Q_OBJECT
public:
    explicit PreviewFinder(QNetworkAccessManager &network, QObject *parent = nullptr);
    ~PreviewFinder() override;

    // Calls `done` once, on this thread, with what the search came to. Not called when the
    // finder is destroyed first.
    using Done = std::function<void(const PreviewSearch &search)>;
    void find(const Track &track, Done done);

    // Deezer answers 200 with error code 4 when asked too often: the finder waits `quotaWait`,
    // doubling, at most `quotaRetries` times, then takes Deezer to have none.
    static constexpr int kQuotaRetries = 3;
    // Timeouts and retries of both services (tests make them short).
    void setServiceOptions(const ServiceClientOptions &options,
                           std::chrono::milliseconds quotaWait = std::chrono::seconds(2));

signals:
    // A search waits `wait` for the rate limit of `service` ("iTunes": about 20 searches a minute).
    void waitingForRateLimit(const QString &service, std::chrono::milliseconds wait);

private:
    void askDeezer(const Track &track, int quotaRetries, Done done);
    void askITunes(const Track &track, Done done);
    // None from `service`, or no answer when it could not be reached.
    static PreviewSearch failedSearch(const ServiceClient &service, const Error &error);

    std::optional<FeatureEndpoints> m_endpoints;  // none when the environment names a bad one
    ServiceClient m_deezer;
    ServiceClient m_iTunes;
    std::chrono::milliseconds m_quotaWait = std::chrono::seconds(2);
    QHash<QString, QUrl> m_found;  // answers by track id; an empty URL when no service has one
};

// The preview URL in a Deezer answer to GET /track/isrc:{ISRC}: "preview", or an empty URL when
// Deezer has none (error code 800, no such track, no preview). quotaExceeded is set for its quota
// error (code 4).
QUrl deezerPreview(const QByteArray &body, bool *quotaExceeded);
// The "previewUrl" of the first iTunes Search result whose normalised title equals the track's
// and whose artistName credits the track's primary artist ("A", "A & B", "B feat. A", ...);
// empty when none does.
QUrl iTunesPreview(const QByteArray &body, const Track &track);

}  // namespace encore
