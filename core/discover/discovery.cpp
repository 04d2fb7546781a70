#include "discover/discovery.h"

#include "discover/deezerlookup.h"
#include "discover/discoveryjson.h"
#include "spotify/spotifyendpoints.h"
#include "spotify/spotifyjson.h"

#include <QCoreApplication>
#include <QHash>
#include <QUrlQuery>

#include <algorithm>
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

DiscoverySeed DiscoverySeed::ofTrack(const Track &track)
{
    return {track.id, track.name, {track}};
}

DiscoverySeed DiscoverySeed::ofPlaylist(const Catalog &catalog, int playlistIndex)
{
    const Playlist &playlist = catalog.playlists()[std::size_t(playlistIndex)];
    DiscoverySeed seed{QStringLiteral("playlist:") + playlist.id, playlist.name, {}};
    // Each primary artist: how many of the playlist's tracks are theirs, and the track to ask by.
    struct Artist {
        int tracks = 0;
        int order = 0;
        int row = -1;
    };
    QHash<QString, Artist> artists;
    for (const std::int32_t row : catalog.playlistRows(playlistIndex)) {
        const Track &track = catalog.track(row);
        const QString name = normalizedText(track.primaryArtist());
        if (name.isEmpty())
            continue;
        Artist &artist = artists[name];
        if (artist.tracks++ == 0)
            artist.order = int(artists.size());
        if (artist.row < 0 || (!isSpotifyId(catalog.track(artist.row).id) && isSpotifyId(track.id)))
            artist.row = row;
    }
    std::vector<Artist> ranked(artists.cbegin(), artists.cend());
    std::sort(ranked.begin(), ranked.end(), [](const Artist &a, const Artist &b) {
        return a.tracks != b.tracks ? a.tracks > b.tracks : a.order < b.order;
    });
    for (const Artist &artist : std::span(ranked.data(), std::min(ranked.size(), std::size_t(kPlaylistTracks))))
        seed.tracks.push_back(catalog.track(artist.row));
    return seed;
}

Discovery::Discovery(QNetworkAccessManager &network, FeatureEndpoints endpoints, QObject *parent)
    : QObject(parent), m_reccoBeats(network, QStringLiteral("ReccoBeats"), this),
      m_deezer(network, QStringLiteral("Deezer"), this), m_endpoints(std::move(endpoints))
{
    // Deezer limits requests by rate (about 50 in 5 s, which the rate limiter keeps), not by
    // connections: the top songs of the related artists go out together.
    ServiceClientOptions deezer = m_deezer.options();
    deezer.concurrency = kDeezerConcurrency;
    m_deezer.setOptions(deezer);
}

void Discovery::start(const DiscoverySeed &seed, const DiscoveryOptions &options)
{
    m_reccoBeats.cancelAll();
    m_deezer.cancelAll();
    m_seed = seed;
    m_options = options;
    m_pool.clear();
    m_explored.clear();
    m_outcome = {};
    m_pending = m_done = m_planned = 0;
    m_sources = {DiscoverySourceProgress{m_reccoBeats.serviceName()}, DiscoverySourceProgress{m_deezer.serviceName()}};
    if (m_options.reccoBeats)
        askReccoBeats();
    if (m_options.deezer)
        for (const Track &track : m_seed.tracks)
            findSeedOnDeezer(track);
    if (m_pending == 0)  // nothing to ask: still answer after start() returns
        QMetaObject::invokeMethod(
            this, [this] { emit finished(m_outcome); }, Qt::QueuedConnection);
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

std::vector<DiscoverySourceProgress> Discovery::sourceProgress() const
{
    std::vector<DiscoverySourceProgress> asked;
    for (const DiscoverySourceProgress &source : m_sources)
        if (source.planned > 0)
            asked.push_back(source);
    return asked;
}

DiscoverySourceProgress &Discovery::sourceOf(const ServiceClient &client)
{
    return m_sources[&client == &m_reccoBeats ? 0 : 1];
}

void Discovery::ask(ServiceClient &client, const QUrl &url, Handler handle)
{
    ++m_pending;
    ++m_planned;
    ++sourceOf(client).planned;
    emit progress(m_done, m_planned);
    client.get(url, [this, &client, handle = std::move(handle)](Result<QByteArray> body, int) {
        ++sourceOf(client).done;
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

bool Discovery::isSeed(const Track &track) const
{
    return std::any_of(m_seed.tracks.cbegin(), m_seed.tracks.cend(), [&](const Track &seed) {
        return (!seed.id.isEmpty() && track.id == seed.id)
            || (!seed.isrc.isEmpty() && track.isrc == seed.isrc.toUpper()) || songIdentity(track) == songIdentity(seed);
    });
}

void Discovery::addAll(std::vector<Candidate> candidates, const DiscoveryOrigin &origin)
{
    const int first = m_pool.size();
    for (Candidate &candidate : candidates) {
        if (isSeed(candidate.track))
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
    QStringList seeds;  // ReccoBeats knows songs by Spotify id only
    for (const Track &track : m_seed.tracks)
        if (isSpotifyId(track.id) && seeds.size() < DiscoverySeed::kPlaylistTracks)
            seeds << track.id;
    if (seeds.isEmpty())
        return;
    QUrl url = urlBelow(m_endpoints.reccoBeats, QStringLiteral("v1/track/recommendation"));
    url.setQuery(QUrlQuery{{QStringLiteral("seeds"), seeds.join(u',')},
                           {QStringLiteral("size"), QString::number(std::clamp(m_options.reccoBeatsSize, 1, 100))}});
    ask(m_reccoBeats, url, [this](const QByteArray &body) {
        Result<std::vector<Candidate>> found = parseReccoBeatsRecommendation(body);
        if (!found)
            return failed(m_reccoBeats, found.error());
        addAll(std::move(*found), DiscoveryOrigin{DiscoveryOrigin::Source::ReccoBeats, {}, {}});
    });
}

void Discovery::findSeedOnDeezer(const Track &seed)
{
    const QUrl url = deezerTrackUrl(m_endpoints.deezer, seed);  // by the Deezer id Discover found, else ISRC
    if (url.isEmpty())
        return searchSeedOnDeezer(seed);
    ask(m_deezer, url, [this, seed](const QByteArray &body) {
        Result<Candidate> found = parseDeezerTrack(body);
        if (found && found->deezerArtistId > 0)
            return exploreDeezerArtist(found->deezerArtistId, found->track.primaryArtist());
        if (found || found.error().kind == ErrorKind::NotFound)  // another edition may be known by name
            return searchSeedOnDeezer(seed);
        failed(m_deezer, found.error());
    });
}

void Discovery::searchSeedOnDeezer(const Track &seed)
{
    const QUrl url = deezerSearchUrl(m_endpoints.deezer, seed);
    if (url.isEmpty())
        return;
    ask(m_deezer, url, [this, seed](const QByteArray &body) {
        Result<std::vector<Candidate>> found = parseDeezerTracks(body);
        if (!found)
            return failed(m_deezer, found.error());
        // The same song, else another by the same artist: either names the artist to explore.
        const QString artist = normalizedText(seed.primaryArtist());
        const Candidate *match = nullptr;
        for (const Candidate &candidate : *found) {
            if (songIdentity(candidate.track) == songIdentity(seed)) {
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

// Asks for the top songs of a Deezer artist, once per discovery.
void Discovery::askTopOf(qint64 artistId, const DiscoveryOrigin &origin)
{
    if (m_explored.contains(artistId))
        return;
    m_explored.insert(artistId);
    QUrl url = urlBelow(m_endpoints.deezer, QStringLiteral("artist/%1/top").arg(artistId));
    url.setQuery(QUrlQuery{{QStringLiteral("limit"), QString::number(m_options.topTracksPerArtist)}});
    ask(m_deezer, url, [this, origin](const QByteArray &body) {
        Result<std::vector<Candidate>> top = parseDeezerTracks(body);
        if (!top)
            return failed(m_deezer, top.error());
        addAll(std::move(*top), origin);
    });
}

void Discovery::exploreDeezerArtist(qint64 artistId, const QString &artistName)
{
    if (m_explored.contains(artistId))  // another seed track of the same artist got there first
        return;
    askTopOf(artistId, {DiscoveryOrigin::Source::DeezerTop, artistName, {}});

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
            askTopOf(nearby.id, {DiscoveryOrigin::Source::DeezerTop, nearby.name, artistName});
    });
}

}  // namespace encore
