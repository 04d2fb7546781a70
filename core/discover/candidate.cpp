#include "discover/candidate.h"

#include <QCoreApplication>

#include <algorithm>

namespace encore {

namespace {

template <typename T>
void fillIfEmpty(T &held, const T &offered)
{
    if (held == T{})
        held = offered;
}

void mergeInto(Candidate &held, const Candidate &offered)
{
    Track &track = held.track;
    fillIfEmpty(track.id, offered.track.id);
    fillIfEmpty(track.isrc, offered.track.isrc);
    fillIfEmpty(track.album, offered.track.album);
    fillIfEmpty(track.durationMs, offered.track.durationMs);
    if (!track.popularity)
        track.popularity = offered.track.popularity;
    if (track.artists.size() < offered.track.artists.size())  // the fuller credit
        track.artists = offered.track.artists;
    fillIfEmpty(held.deezerId, offered.deezerId);
    fillIfEmpty(held.deezerArtistId, offered.deezerArtistId);
    if (!held.deezerBpm)
        held.deezerBpm = offered.deezerBpm;
    fillIfEmpty(held.deezerRank, offered.deezerRank);
    fillIfEmpty(held.cover, offered.cover);
    for (const DiscoveryOrigin &origin : offered.origins)
        if (std::find(held.origins.begin(), held.origins.end(), origin) == held.origins.end())
            held.origins.push_back(origin);
}

// Without a title and an artist, songs cannot be told apart by name.
bool hasIdentity(const Track &track)
{
    return !normalizedText(track.name).isEmpty() && !normalizedText(track.primaryArtist()).isEmpty();
}

}  // namespace

QString DiscoveryOrigin::describe() const
{
    if (source == Source::ReccoBeats)
        return QCoreApplication::translate("encore::discovery", "ReccoBeats recommends it for this seed");
    if (relatedTo.isEmpty())
        return QCoreApplication::translate("encore::discovery", "top song of %1 on Deezer").arg(artist);
    return QCoreApplication::translate("encore::discovery", "top song of %1, related to %2 on Deezer")
        .arg(artist, relatedTo);
}

QString discoveredTrackId(const Candidate &candidate)
{
    if (!candidate.track.id.isEmpty())
        return candidate.track.id;
    return candidate.deezerId > 0 ? QStringLiteral("deezer:") + QString::number(candidate.deezerId) : QString();
}

void matchToLibrary(const Catalog &catalog, std::vector<Candidate> &candidates)
{
    QHash<QString, int> byIsrc;
    QHash<QString, int> byIdentity;
    for (int row = catalog.size() - 1; row >= 0; --row) {  // the first row of a song wins
        const Track track = catalog.track(row);
        if (!track.isrc.isEmpty())
            byIsrc.insert(track.isrc.toUpper(), row);
        if (hasIdentity(track))
            byIdentity.insert(songIdentity(track), row);
    }
    for (Candidate &candidate : candidates) {
        Track &track = candidate.track;
        if (!track.id.isEmpty() && catalog.rowOf(track.id) >= 0)
            continue;
        int row = track.isrc.isEmpty() ? -1 : byIsrc.value(track.isrc.toUpper(), -1);
        if (row < 0 && hasIdentity(track))
            row = byIdentity.value(songIdentity(track), -1);
        if (row >= 0)
            track.id = catalog.trackId(row);
    }
}

QString deezerIdOf(const QString &trackId)
{
    static const QString prefix = QStringLiteral("deezer:");
    return trackId.startsWith(prefix) ? trackId.mid(prefix.size()) : QString();
}

QString discoverySourceName(DiscoveryOrigin::Source source)
{
    return source == DiscoveryOrigin::Source::ReccoBeats ? QStringLiteral("reccobeats") : QStringLiteral("deezer");
}

std::optional<DiscoveryOrigin::Source> discoverySourceFromName(const QString &name)
{
    for (auto source : {DiscoveryOrigin::Source::ReccoBeats, DiscoveryOrigin::Source::DeezerTop})
        if (discoverySourceName(source) == name)
            return source;
    return std::nullopt;
}

CandidatePool::Added CandidatePool::add(Candidate candidate, int *index)
{
    int at = find(candidate);
    const Added added = at < 0 ? Added::New : Added::Merged;
    if (at < 0) {
        at = size();
        m_candidates.push_back(std::move(candidate));
    } else {
        mergeInto(m_candidates[std::size_t(at)], candidate);
    }
    remember(at);
    if (index)
        *index = at;
    return added;
}

void CandidatePool::clear()
{
    m_candidates.clear();
    m_bySpotifyId.clear();
    m_byIsrc.clear();
    m_byIdentity.clear();
}

int CandidatePool::find(const Candidate &candidate) const
{
    const Track &track = candidate.track;
    if (!track.id.isEmpty())
        if (const auto it = m_bySpotifyId.constFind(track.id); it != m_bySpotifyId.cend())
            return *it;
    if (!track.isrc.isEmpty())
        if (const auto it = m_byIsrc.constFind(track.isrc.toUpper()); it != m_byIsrc.cend())
            return *it;
    return hasIdentity(track) ? m_byIdentity.value(songIdentity(track), -1) : -1;
}

void CandidatePool::remember(int index)
{
    const Track &track = m_candidates[std::size_t(index)].track;
    if (!track.id.isEmpty())
        m_bySpotifyId.insert(track.id, index);
    if (!track.isrc.isEmpty())
        m_byIsrc.insert(track.isrc.toUpper(), index);
    if (hasIdentity(track))
        m_byIdentity.insert(songIdentity(track), index);
}

}  // namespace encore
