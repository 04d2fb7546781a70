#pragma once

#include "features/featureprovider.h"
#include "features/serviceclient.h"

#include <QUrl>

namespace encore {

// Deezer's tempo of the songs Discover found only there (track id deezer:<id>):
// GET {deezer}/track/{id} → "bpm" (0: Deezer does not know it), stored as the song's tempo.
// Deezer's lists (top songs, searches) carry no bpm, so each song is asked for once here.
// Other tracks are left to the other providers.
class DeezerTempoProvider : public FeatureProvider {
    Q_OBJECT
public:
    // `base` is FeatureEndpoints::deezer.
    DeezerTempoProvider(QNetworkAccessManager &network, QUrl base, QObject *parent = nullptr);

    ServiceClient &client() { return m_client; }

    FeatureSource source() const override { return FeatureSource::Deezer; }
    QString stage() const override;
    void start(std::vector<Track> tracks) override;
    void cancel() override;

private:
    void onAnswer(const QString &trackId, Result<QByteArray> body);

    ServiceClient m_client;
    QUrl m_base;
    int m_total = 0;
    int m_done = 0;
};

}  // namespace encore
