#include "features/deezertempoprovider.h"

#include "discover/discoveryjson.h"
#include "spotify/spotifyendpoints.h"

#include <QCoreApplication>

namespace encore {

DeezerTempoProvider::DeezerTempoProvider(QNetworkAccessManager &network, QUrl base, QObject *parent)
    : FeatureProvider(parent), m_client(network, QStringLiteral("Deezer")), m_base(std::move(base))
{}

QString DeezerTempoProvider::stage() const
{
    return QCoreApplication::translate("encore::deezertempoprovider", "Asking Deezer");
}

void DeezerTempoProvider::start(std::vector<Track> tracks)
{
    std::erase_if(tracks, [](const Track &track) { return deezerIdOf(track.id).isEmpty(); });
    m_total = int(tracks.size());
    for (const Track &track : tracks)
        m_client.get(urlBelow(m_base, QStringLiteral("track/") + deezerIdOf(track.id)),
                     [this, id = track.id](Result<QByteArray> body, int) { onAnswer(id, std::move(body)); });
    if (m_total == 0)
        finishLater();
}

void DeezerTempoProvider::cancel()
{
    m_client.cancelAll();
    finishLater();
}

void DeezerTempoProvider::onAnswer(const QString &trackId, Result<QByteArray> body)
{
    const Result<Candidate> song = body ? parseDeezerTrack(*body) : Result<Candidate>(body.error());
    if (song && song->deezerBpm) {
        AudioFeatures features;
        features.set(Feature::Tempo, float(*song->deezerBpm), FeatureSource::Deezer);
        emit found({FoundFeatures{trackId, features}});
    } else if (!song) {
        noteUnanswered(m_client.serviceName(), song.error());
        if (song.error().kind == ErrorKind::Quota)
            addLimited(m_client.serviceName());
    }
    emit progress(++m_done, m_total);
    if (m_done == m_total)
        finishLater();
}

}  // namespace encore
