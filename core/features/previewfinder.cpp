#include "features/previewfinder.h"

#include "discover/deezerlookup.h"
#include "features/featureprovider.h"
#include "spotify/spotifyendpoints.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTimer>
#include <QUrlQuery>

namespace encore {

namespace {

constexpr int kDeezerQuotaError = 4;

// The artists an iTunes artistName credits: "A & B", "A, B", "A feat. B", "A x B".
QStringList creditedArtists(const QString &artistName)
{
    static const QRegularExpression separators(
        QStringLiteral("\\s*(?:&|,|\\bfeat\\.?|\\bft\\.|\\bfeaturing\\b|\\bwith\\b|\\bx\\b|\\band\\b)\\s*"),
        QRegularExpression::CaseInsensitiveOption);
    QStringList artists;
    for (const QString &part : artistName.split(separators, Qt::SkipEmptyParts))
        artists << normalizedText(part);
    artists << normalizedText(artistName);
    return artists;
}

}  // namespace

QUrl deezerPreview(const QByteArray &body, bool *quotaExceeded)
{
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    const QJsonValue error = object.value(u"error");
    *quotaExceeded = error.isObject() && error.toObject().value(u"code").toInt() == kDeezerQuotaError;
    if (!error.isUndefined())
        return {};
    return webUrl(object.value(u"preview").toString());
}

QUrl iTunesPreview(const QByteArray &body, const Track &track)
{
    const QString title = normalizedText(track.name);
    const QString artist = normalizedText(track.primaryArtist());
    if (title.isEmpty() || artist.isEmpty())
        return {};
    const QJsonArray results = QJsonDocument::fromJson(body).object().value(u"results").toArray();
    for (const QJsonValue &value : results) {
        const QJsonObject result = value.toObject();
        if (normalizedText(result.value(u"trackName").toString()) == title
            && creditedArtists(result.value(u"artistName").toString()).contains(artist)) {
            if (const QUrl preview = webUrl(result.value(u"previewUrl").toString()); !preview.isEmpty())
                return preview;
        }
    }
    return {};
}

PreviewFinder::PreviewFinder(QNetworkAccessManager &network, QObject *parent)
    : QObject(parent), m_deezer(network, QStringLiteral("Deezer"), this),
      m_iTunes(network, QStringLiteral("iTunes"), this)
{
    Result<FeatureEndpoints> endpoints = FeatureEndpoints::fromEnvironment();
    if (endpoints)
        m_endpoints = *endpoints;
    else
        qCWarning(lcFeatures) << "previews are not searched:" << endpoints.error().message;
    for (ServiceClient *client : {&m_deezer, &m_iTunes})
        connect(client, &ServiceClient::waitingForRateLimit, this,
                [this, service = client->serviceName()](std::chrono::milliseconds wait) {
                    emit waitingForRateLimit(service, wait);
                });
}

PreviewFinder::~PreviewFinder() = default;

void PreviewFinder::setServiceOptions(const ServiceClientOptions &options, std::chrono::milliseconds quotaWait)
{
    m_deezer.setOptions(options);
    m_iTunes.setOptions(options);
    m_quotaWait = quotaWait;
}

void PreviewFinder::find(const Track &track, Done done)
{
    auto remember = [this, id = track.id, done = std::move(done)](const PreviewSearch &search) {
        if (search.answered())
            m_found.insert(id, search.preview);
        done(search);
    };
    if (const auto known = m_found.constFind(track.id); known != m_found.constEnd()) {
        QTimer::singleShot(0, this, [remember, preview = *known] { remember(PreviewSearch{preview, {}, {}}); });
        return;
    }
    if (const QUrl spotify = webUrl(track.previewUrl.toString()); !spotify.isEmpty() || !m_endpoints) {
        QTimer::singleShot(0, this, [remember, spotify] { remember(PreviewSearch{spotify, {}, {}}); });
        return;
    }
    askDeezer(track, kQuotaRetries, [this, track, remember](const PreviewSearch &deezer) {
        if (deezer.found())
            return remember(deezer);
        askITunes(track, [remember, deezer](PreviewSearch iTunes) {
            iTunes.unreachable = deezer.unreachable + iTunes.unreachable;
            iTunes.limited = deezer.limited + iTunes.limited;
            remember(iTunes);
        });
    });
}

PreviewSearch PreviewFinder::failedSearch(const ServiceClient &service, const Error &error)
{
    qCDebug(lcFeatures) << service.serviceName() << ":" << error.message;
    const QStringList name{service.serviceName()};
    return PreviewSearch{{}, isUnreachable(error) ? name : QStringList{}, isRateLimited(error) ? name : QStringList{}};
}

void PreviewFinder::askDeezer(const Track &track, int quotaRetries, Done done)
{
    // A song Discover found on Deezer is asked for by its id there: its preview link, signed to
    // expire within minutes, was never stored.
    const QUrl url = deezerTrackUrl(m_endpoints->deezer, track);
    if (url.isEmpty()) {
        QTimer::singleShot(0, this, [done] { done({}); });
        return;
    }
    m_deezer.get(url, [this, track, quotaRetries, done](Result<QByteArray> body, int) {
        if (!body)
            return done(failedSearch(m_deezer, body.error()));
        bool quotaExceeded = false;
        const QUrl preview = deezerPreview(*body, &quotaExceeded);
        if (quotaExceeded && quotaRetries > 0) {
            const auto wait = m_quotaWait * (1 << (kQuotaRetries - quotaRetries));
            qCDebug(lcFeatures) << "Deezer quota reached; waiting" << wait.count() << "ms";
            QTimer::singleShot(wait, this,
                               [this, track, quotaRetries, done] { askDeezer(track, quotaRetries - 1, done); });
            return;
        }
        if (quotaExceeded)  // still, after every retry
            return done(PreviewSearch{{}, {}, {m_deezer.serviceName()}});
        done(PreviewSearch{preview, {}, {}});
    });
}

void PreviewFinder::askITunes(const Track &track, Done done)
{
    if (track.name.isEmpty() || track.primaryArtist().isEmpty()) {
        QTimer::singleShot(0, this, [done] { done({}); });
        return;
    }
    QUrl url = urlBelow(m_endpoints->iTunes, QStringLiteral("search"));
    url.setQuery(QUrlQuery{{QStringLiteral("term"), track.primaryArtist() + u' ' + track.name},
                           {QStringLiteral("media"), QStringLiteral("music")},
                           {QStringLiteral("entity"), QStringLiteral("song")},
                           {QStringLiteral("limit"), QStringLiteral("10")}});
    m_iTunes.get(url, [this, track, done](Result<QByteArray> body, int) {
        if (!body)
            return done(failedSearch(m_iTunes, body.error()));
        done(PreviewSearch{iTunesPreview(*body, track), {}, {}});
    });
}

}  // namespace encore
