#include "discover/candidate.h"

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
    for (const QString &reason : offered.reasons)
        if (!held.reasons.contains(reason))
            held.reasons << reason;
}

// Without a title and an artist, songs cannot be told apart by name.
bool hasIdentity(const Track &track)
{
    return !normalizedText(track.name).isEmpty() && !normalizedText(track.primaryArtist()).isEmpty();
}

}  // namespace

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
