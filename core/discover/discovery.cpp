#include "discover/discovery.h"

#include "discover/discoveryjson.h"
#include "spotify/spotifyendpoints.h"
#include "spotify/spotifyjson.h"

#include <QCoreApplication>
#include <QUrlQuery>

#include <span>

namespace encore {

namespace {

void addOnce(QStringList &list, const QString &name)
{
    if (!list.contains(name))
        list << name;
}

}  // namespace

QString DiscoveryOutcome::message() const
{
    if (!unreachable.isEmpty() || !limited.isEmpty())
        return unansweredMessage(unreachable, limited);
    return failures.value(0);
}

Discovery::Discovery(QNetworkAccessManager &network, FeatureEndpoints endpoints, QObject *parent)
    : QObject(parent)
    , m_reccoBeats(network, QStringLiteral("ReccoBeats"), this)
    , m_deezer(network, QStringLiteral("Deezer"), this)
    , m_endpoints(std::move(endpoints))
{
    // Deezer limits requests by rate (about 50 in 5 s, which the rate limiter keeps), not by
    // connections: the top songs of the related artists go out together.
    ServiceClientOptions deezer = m_deezer.options();
    deezer.concurrency = kDeezerConcurrency;
    m_deezer.setOptions(deezer);
}

void Discovery::start(const Track &seed, const DiscoveryOptions &options)
{
    m_reccoBeats.cancelAll();
    m_deezer.cancelAll();
    m_seed = seed;
    m_options = options;
    m_pool.clear();
    m_outcome = {};
    m_pending = m_done = m_planned = 0;
    if (m_options.reccoBeats && isSpotifyId(m_seed.id))  // ReccoBeats knows songs by Spotify id only
        askReccoBeats();
    if (m_options.deezer)
        findSeedOnDeezer();
    if (m_pending == 0)  // nothing to ask: still answer after start() returns
        QMetaObject::invokeMethod(this, [this] { emit finished(m_outcome); }, Qt::QueuedConnection);
}

void Discovery::cancel()
{
    if (!isRunning())
        return;
    m_reccoBeats.cancelAll();
    m_deezer.cancelAll();
    m_pending = 0;
    m_outcome.cancelled = true;
    emit finished(m_outcome);
}

void Discovery::ask(ServiceClient &client, const QUrl &url, Handler handle)
{
    ++m_pending;
    ++m_planned;
    emit progress(m_done, m_planned);
    client.get(url, [this, &client, handle = std::move(handle)](Result<QByteArray> body, int) {
        if (!body)
            failed(client, body.error());
        else
            handle(*body);
        settle();
    });
}

void Discovery::failed(const ServiceClient &client, const Error &error)
{
    if (isUnreachable(error))
        addOnce(m_outcome.unreachable, client.serviceName());
    else if (isRateLimited(error) || error.kind == ErrorKind::Quota)
        addOnce(m_outcome.limited, client.serviceName());
    else
        addOnce(m_outcome.failures, error.message);
}

void Discovery::settle()
{
    ++m_done;
    emit progress(m_done, m_planned);
    if (--m_pending == 0)
        emit finished(m_outcome);
}

void Discovery::addAll(std::vector<Candidate> candidates, const DiscoveryOrigin &origin)
{
    const QString seedIdentity = songIdentity(m_seed);
    const int first = m_pool.size();
    for (Candidate &candidate : candidates) {
        const bool isSeed = (!m_seed.id.isEmpty() && candidate.track.id == m_seed.id)
                            || (!m_seed.isrc.isEmpty() && candidate.track.isrc == m_seed.isrc.toUpper())
                            || songIdentity(candidate.track) == seedIdentity;
        if (isSeed)
            continue;
        candidate.origins = {origin};
        int index = -1;
        if (m_pool.add(std::move(candidate), &index) == CandidatePool::Added::Merged)
            emit candidateUpdated(index);
    }
    if (m_pool.size() > first)
        emit candidatesAdded(first, m_pool.size() - first);
}

void Discovery::askReccoBeats()
{
    QUrl url = urlBelow(m_endpoints.reccoBeats, QStringLiteral("v1/track/recommendation"));
    url.setQuery(QUrlQuery{{QStringLiteral("seeds"), m_seed.id},
                           {QStringLiteral("size"), QString::number(std::clamp(m_options.reccoBeatsSize, 1, 100))}});
    ask(m_reccoBeats, url, [this](const QByteArray &body) {
        Result<std::vector<Candidate>> found = parseReccoBeatsRecommendation(body);
        if (!found)
            return failed(m_reccoBeats, found.error());
        addAll(std::move(*found), DiscoveryOrigin{DiscoveryOrigin::Source::ReccoBeats, {}, {}});
    });
}

void Discovery::findSeedOnDeezer()
{
    const QString deezerId = deezerIdOf(m_seed.id);  // a song Discover found there before
    if (m_seed.isrc.isEmpty() && deezerId.isEmpty())
        return searchSeedOnDeezer();
    const QUrl url = urlBelow(m_endpoints.deezer, deezerId.isEmpty() ? QStringLiteral("track/isrc:") + m_seed.isrc.toUpper()
                                                                     : QStringLiteral("track/") + deezerId);
    ask(m_deezer, url, [this](const QByteArray &body) {
        Result<Candidate> seed = parseDeezerTrack(body);
        if (seed && seed->deezerArtistId > 0)
            return exploreDeezerArtist(seed->deezerArtistId, seed->track.primaryArtist());
        if (seed || seed.error().kind == ErrorKind::NotFound)  // another edition may be known by name
            return searchSeedOnDeezer();
        failed(m_deezer, seed.error());
    });
}

void Discovery::searchSeedOnDeezer()
{
    if (m_seed.name.isEmpty() || m_seed.primaryArtist().isEmpty())
        return;
    QUrl url = urlBelow(m_endpoints.deezer, QStringLiteral("search/track"));
    const QString query = QStringLiteral("artist:\"%1\" track:\"%2\"").arg(m_seed.primaryArtist(), m_seed.name);
    url.setQuery(QUrlQuery{{QStringLiteral("q"), query}, {QStringLiteral("limit"), QStringLiteral("10")}});
    ask(m_deezer, url, [this](const QByteArray &body) {
        Result<std::vector<Candidate>> found = parseDeezerTracks(body);
        if (!found)
            return failed(m_deezer, found.error());
        // The same song, else another by the same artist: either names the artist to explore.
        const QString artist = normalizedText(m_seed.primaryArtist());
        const Candidate *match = nullptr;
        for (const Candidate &candidate : *found) {
            if (songIdentity(candidate.track) == songIdentity(m_seed)) {
                match = &candidate;
                break;
            }
            if (!match && normalizedText(candidate.track.primaryArtist()) == artist)
                match = &candidate;
        }
        if (match && match->deezerArtistId > 0)
            exploreDeezerArtist(match->deezerArtistId, match->track.primaryArtist());
    });
}

void Discovery::exploreDeezerArtist(qint64 artistId, const QString &artistName)
{
    const auto topOf = [this](qint64 id) {
        QUrl url = urlBelow(m_endpoints.deezer, QStringLiteral("artist/%1/top").arg(id));
        url.setQuery(QUrlQuery{{QStringLiteral("limit"), QString::number(m_options.topTracksPerArtist)}});
        return url;
    };
    const auto addTop = [this](const DiscoveryOrigin &origin) {
        return [this, origin](const QByteArray &body) {
            Result<std::vector<Candidate>> top = parseDeezerTracks(body);
            if (!top)
                return failed(m_deezer, top.error());
            addAll(std::move(*top), origin);
        };
    };
    ask(m_deezer, topOf(artistId), addTop({DiscoveryOrigin::Source::DeezerTop, artistName, {}}));

    if (m_options.relatedArtists <= 0)
        return;
    QUrl related = urlBelow(m_endpoints.deezer, QStringLiteral("artist/%1/related").arg(artistId));
    related.setQuery(QUrlQuery{{QStringLiteral("limit"), QString::number(m_options.relatedArtists)}});
    ask(m_deezer, related, [=, this](const QByteArray &body) {
        Result<std::vector<DeezerArtist>> artists = parseDeezerArtists(body);
        if (!artists)
            return failed(m_deezer, artists.error());
        const std::size_t asked = std::min(artists->size(), std::size_t(m_options.relatedArtists));
        for (const DeezerArtist &nearby : std::span(artists->data(), asked))
            ask(m_deezer, topOf(nearby.id), addTop({DiscoveryOrigin::Source::DeezerTop, nearby.name, artistName}));
    });
}

}  // namespace encore
