#pragma once

#include "features/featureprovider.h"
#include "features/serviceclient.h"

#include <QByteArray>
#include <QUrl>

namespace encore {

// A ReccoBeats answer to GET /v1/audio-features?ids=<Spotify ids>:
// {"content":[{"id":"<ReccoBeats' own id>","href":"https://open.spotify.com/track/<Spotify id>",
// "danceability":..., ..., "tempo":...}, ...]}. Each result is mapped back to its track through
// the Spotify id that ends its href; results without one are dropped, and ids ReccoBeats does not
// know are simply absent. A body that is not such an object is Parse.
Result<std::vector<FoundFeatures>> parseReccoBeatsFeatures(const QByteArray &body);

// The Spotify track id that ends a ReccoBeats "href" (https://open.spotify.com/track/<id>), or an
// empty string when it names none.
QString spotifyTrackIdOfHref(const QString &href);

// ReccoBeats (free, no key): the features of tracks by Spotify id, 40 ids per request. A batch
// that still fails after the client's retries is given up; after a few failed batches in a row
// the service is taken to be down and the rest is skipped.
class ReccoBeatsProvider : public FeatureProvider {
    Q_OBJECT
public:
    static constexpr int kMaxIds = 40;
    static constexpr int kFailuresToGiveUp = 3;

    // `base` is FeatureEndpoints::reccoBeats.
    ReccoBeatsProvider(QNetworkAccessManager &network, QUrl base, QObject *parent = nullptr);

    ServiceClient &client() { return m_client; }

    FeatureSource source() const override { return FeatureSource::ReccoBeats; }
    QString stage() const override;
    void start(std::vector<Track> tracks) override;
    void cancel() override;

private:
    void onBatch(Result<QByteArray> body, int batchSize);

    ServiceClient m_client;
    QUrl m_base;
    int m_total = 0;
    int m_done = 0;
    int m_pending = 0;
    int m_failuresInARow = 0;
};

}  // namespace encore
