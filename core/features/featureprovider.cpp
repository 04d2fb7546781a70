#include "features/featureprovider.h"

#include "features/serviceclient.h"
#include "spotify/spotifyjson.h"

#include <QTimer>

namespace encore {

void FeatureProvider::finishLater()
{
    if (m_finishing)
        return;
    m_finishing = true;
    QTimer::singleShot(0, this, &FeatureProvider::finished);
}

void FeatureProvider::addUnreachable(const QString &service)
{
    if (!m_unreachable.contains(service))
        m_unreachable.append(service);
}

void FeatureProvider::addLimited(const QString &service)
{
    if (!m_limited.contains(service))
        m_limited.append(service);
}

void FeatureProvider::noteUnanswered(const QString &service, const Error &error)
{
    if (isUnreachable(error))
        addUnreachable(service);
    else if (isRateLimited(error))
        addLimited(service);
}

void keepSpotifyTracks(std::vector<Track> &tracks)
{
    std::erase_if(tracks, [](const Track &track) { return !isSpotifyId(track.id); });
}

std::vector<QStringList> idBatches(const std::vector<Track> &tracks, int size)
{
    std::vector<QStringList> batches;
    for (const Track &track : tracks) {
        if (batches.empty() || batches.back().size() >= size)
            batches.emplace_back();
        batches.back().append(track.id);
    }
    return batches;
}

}  // namespace encore
