#pragma once

#include "features/featureendpoints.h"
#include "features/serviceclient.h"
#include "model/track.h"

#include <QByteArray>
#include <QObject>

#include <functional>
#include <optional>

class QNetworkAccessManager;

namespace encore {

// What looking for a song's album cover came to.
struct CoverSearch {
    QByteArray image;       // the cover as its server sent it; empty when there is none
    bool answered = false;  // Deezer said, cover or none; not when it could not be asked
};

// Finds a song's album cover: the link Spotify gave for its album when there is one, else on
// Deezer, which answers without a key: the track by the Deezer id Discover found or by ISRC
// (GET {deezer}/track/..., "album" → "cover_medium", 250×250), else the same song (title and
// primary artist) among GET {deezer}/search/track; then the image itself. A search that could
// not be answered (offline, 5xx, Deezer's quota error 4) is not an answer, so that nobody stores
// it as "no cover".
class CoverFinder : public QObject {
    Q_OBJECT
public:
    explicit CoverFinder(QNetworkAccessManager &network, QObject *parent = nullptr);
    ~CoverFinder() override;

    // Calls `done` once, on this thread; never after cancelAll() or the finder's destruction.
    using Done = std::function<void(const CoverSearch &search)>;
    // `albumCover`: Spotify's link for the track's album, or empty.
    void find(const Track &track, const QUrl &albumCover, Done done);
    void cancelAll();
    // Timeouts and retries (tests make them short).
    void setServiceOptions(const ServiceClientOptions &options);

private:
    void askDeezer(const Track &track, Done done);
    void search(const Track &track, Done done);
    // `orElse` runs when the server says the image is gone.
    void download(const QUrl &cover, Done done, std::function<void()> orElse = {});

    std::optional<FeatureEndpoints> m_endpoints;  // none when the environment names a bad one
    ServiceClient m_deezer;
    ServiceClient m_images;  // the covers' own hosts (Deezer's, Spotify's), each with its own rate limit
};

}  // namespace encore
