#include "features/spotifyfeatureprovider.h"

#include "features/serviceclient.h"
#include "spotify/spotifyclient.h"

#include <QCoreApplication>

namespace encore {

SpotifyFeatureProvider::SpotifyFeatureProvider(SpotifyClient *client, QObject *parent)
    : FeatureProvider(parent), m_client(client)
{}

SpotifyFeatureProvider::~SpotifyFeatureProvider()
{
    qDeleteAll(std::exchange(m_running, {}));
}

QString SpotifyFeatureProvider::stage() const
{
    return QCoreApplication::translate("encore::spotifyfeatureprovider", "Asking Spotify");
}

void SpotifyFeatureProvider::start(std::vector<Track> tracks)
{
    keepSpotifyTracks(tracks);
    m_total = int(tracks.size());
    if (m_client && !m_client->audioFeaturesRefused()) {
        for (QStringList &batch : idBatches(tracks, SpotifyAudioFeaturesJob::kMaxIds))
            m_batches.push_back(std::move(batch));
    }
    launchMore();
}

void SpotifyFeatureProvider::cancel()
{
    m_batches.clear();
    qDeleteAll(std::exchange(m_running, {}));
    finishLater();
}

void SpotifyFeatureProvider::launchMore()
{
    // Once refused, the remaining batches would be refused too.
    if (!m_client || m_client->audioFeaturesRefused())
        m_batches.clear();
    while (m_running.size() < kConcurrency && !m_batches.empty()) {
        const QStringList batch = std::move(m_batches.front());
        m_batches.pop_front();
        SpotifyAudioFeaturesJob *job = m_client->audioFeatures(batch);
        m_running.append(job);
        const int size = int(batch.size());
        connect(job, &SpotifyJob::finished, this, [this, job, size] { onJobFinished(job, size); });
    }
    if (m_running.isEmpty())
        finishLater();
}

void SpotifyFeatureProvider::onJobFinished(SpotifyAudioFeaturesJob *job, int batchSize)
{
    m_running.removeOne(job);
    job->deleteLater();
    if (job->accessRefused())
        qCDebug(lcFeatures) << "this Spotify app has no access to audio features; not asking again";
    else if (job->error()) {
        qCDebug(lcFeatures) << "Spotify audio features failed:" << job->error()->message;
        noteUnanswered(QStringLiteral("Spotify"), *job->error());
    }
    std::vector<FoundFeatures> features;
    for (const SpotifyAudioFeatures &entry : job->result())
        features.push_back({entry.trackId, entry.features});
    m_done += batchSize;
    if (!features.empty())
        emit found(features);
    emit progress(m_done, m_total);
    launchMore();
}

}  // namespace encore
