#include "features/reccobeatsprovider.h"

#include "spotify/spotifyendpoints.h"
#include "spotify/spotifyjson.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrlQuery>

namespace encore {

Result<std::vector<FoundFeatures>> parseReccoBeatsFeatures(const QByteArray &body)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    const QJsonValue content = document.object().value(u"content");
    if (error.error != QJsonParseError::NoError || !document.isObject() || !content.isArray())
        return Error{ErrorKind::Parse,
                     QCoreApplication::translate("encore::reccobeatsprovider",
                                                 "ReccoBeats sent audio features Encore cannot read.")};
    std::vector<FoundFeatures> found;
    for (const QJsonValue &entry : content.toArray()) {
        const QJsonObject object = entry.toObject();
        const QString id = spotifyTrackIdOfHref(object.value(u"href").toString());
        if (id.isEmpty())
            continue;
        if (std::optional<AudioFeatures> features = featuresFromJson(object, FeatureSource::ReccoBeats))
            found.push_back({id, *features});
    }
    return found;
}

QString spotifyTrackIdOfHref(const QString &href)
{
    static const QRegularExpression trackPath(QStringLiteral("/track/([0-9A-Za-z]{22})/?$"));
    const QRegularExpressionMatch match = trackPath.match(QUrl(href).path());
    return match.hasMatch() ? match.captured(1) : QString();
}

ReccoBeatsProvider::ReccoBeatsProvider(QNetworkAccessManager &network, QUrl base, QObject *parent)
    : FeatureProvider(parent), m_client(network, QStringLiteral("ReccoBeats")), m_base(std::move(base))
{}

QString ReccoBeatsProvider::stage() const
{
    return QCoreApplication::translate("encore::reccobeatsprovider", "Asking ReccoBeats");
}

void ReccoBeatsProvider::start(std::vector<Track> tracks)
{
    keepSpotifyTracks(tracks);
    m_total = int(tracks.size());
    for (const QStringList &batch : idBatches(tracks, kMaxIds)) {
        QUrl url = urlBelow(m_base, QStringLiteral("v1/audio-features"));
        url.setQuery(QUrlQuery{{QStringLiteral("ids"), batch.join(u',')}});
        const int size = int(batch.size());
        ++m_pending;
        m_client.get(url, [this, size](Result<QByteArray> body, int) { onBatch(std::move(body), size); });
    }
    if (m_pending == 0)
        finishLater();
}

void ReccoBeatsProvider::cancel()
{
    m_client.cancelAll();
    finishLater();
}

void ReccoBeatsProvider::onBatch(Result<QByteArray> body, int batchSize)
{
    --m_pending;
    m_done += batchSize;
    Result<std::vector<FoundFeatures>> parsed =
        body ? parseReccoBeatsFeatures(*body) : Result<std::vector<FoundFeatures>>(body.error());
    if (parsed) {
        m_failuresInARow = 0;
        if (!parsed->empty())
            emit found(*parsed);
    } else {
        qCDebug(lcFeatures) << "ReccoBeats batch given up:" << parsed.error().message;
        noteUnanswered(m_client.serviceName(), parsed.error());
        if (++m_failuresInARow >= kFailuresToGiveUp) {
            qCInfo(lcFeatures) << "ReccoBeats keeps failing; skipping the remaining tracks";
            m_client.cancelAll();
            m_pending = 0;
            m_done = m_total;
        }
    }
    emit progress(m_done, m_total);
    if (m_pending == 0)
        finishLater();
}

}  // namespace encore
