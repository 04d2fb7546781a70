#pragma once

#include "features/featureprovider.h"

#include <QPointer>

#include <deque>

namespace encore {

class SpotifyClient;
class SpotifyAudioFeaturesJob;

// Spotify's GET /audio-features, 100 ids per request, for apps that still have access. Finds
// nothing when not signed in (no client) or once Spotify has refused this app (the first 403
// turns it off for the rest of the session, quietly).
class SpotifyFeatureProvider : public FeatureProvider {
    Q_OBJECT
public:
    static constexpr int kConcurrency = 2;  // requests in flight at once

    explicit SpotifyFeatureProvider(SpotifyClient *client, QObject *parent = nullptr);
    ~SpotifyFeatureProvider() override;

    FeatureSource source() const override { return FeatureSource::Spotify; }
    QString stage() const override;
    void start(std::vector<Track> tracks) override;
    void cancel() override;

private:
    void launchMore();
    void onJobFinished(SpotifyAudioFeaturesJob *job, int batchSize);

    QPointer<SpotifyClient> m_client;
    std::deque<QStringList> m_batches;
    QList<QPointer<SpotifyAudioFeaturesJob>> m_running;
    int m_total = 0;
    int m_done = 0;
};

}  // namespace encore
