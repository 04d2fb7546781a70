#pragma once

#include "features/featureendpoints.h"
#include "features/serviceclient.h"
#include "model/track.h"

#include <QHash>
#include <QObject>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;

namespace encore {

// Finds a 30-second preview of a track: Spotify's preview_url when the track has one, else
// Deezer by ISRC (GET {deezer}/track/isrc:{ISRC} → "preview"), else the iTunes Search API
// (GET {itunes}/search?term=...&media=music&entity=song → "previewUrl" of the result whose title
// and artist match). ENCORE_DEEZER_URL and ENCORE_ITUNES_URL replace https://api.deezer.com and
// https://itunes.apple.com (plain http only for loopback). Answers are remembered for the
// finder's life, so asking twice costs nothing.
class PreviewFinder : public QObject {
    Q_OBJECT
public:
    explicit PreviewFinder(QNetworkAccessManager &network, QObject *parent = nullptr);
    ~PreviewFinder() override;

    // Calls `done` once, on this thread, with the preview's URL, or an empty URL when no service
    // has one (a service that fails or times out counts as having none). Not called when the
    // finder is destroyed first.
    void find(const Track &track, std::function<void(const QUrl &preview)> done);

    // Deezer answers 200 with error code 4 when asked too often: the finder waits `quotaWait`,
    // doubling, at most `quotaRetries` times, then takes Deezer to have none.
    static constexpr int kQuotaRetries = 3;
    // Timeouts and retries of both services (tests make them short).
    void setServiceOptions(const ServiceClientOptions &options,
                           std::chrono::milliseconds quotaWait = std::chrono::seconds(2));

private:
    using Done = std::function<void(const QUrl &preview)>;
    void askDeezer(const Track &track, int quotaRetries, Done done);
    void askITunes(const Track &track, Done done);

    std::optional<FeatureEndpoints> m_endpoints;  // none when the environment names a bad one
    ServiceClient m_deezer;
    ServiceClient m_iTunes;
    std::chrono::milliseconds m_quotaWait = std::chrono::seconds(2);
    QHash<QString, QUrl> m_found;  // by track id; an empty URL when no service has one
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
