#include "spotify/spotifytracklookup.h"

#include <QTimer>
#include <QUrlQuery>

namespace encore {

namespace {

// Spotify's field filters take a quoted phrase; a quote inside it would end the phrase early.
QString phrase(const QString &text)
{
    QString cleaned = text;
    cleaned.remove(QLatin1Char('"'));
    return QLatin1Char('"') + cleaned.simplified() + QLatin1Char('"');
}

}  // namespace

SpotifyTrackLookupJob::SpotifyTrackLookupJob(SpotifyClient &client, std::vector<Track> songs)
    : SpotifyJob(client), m_songs(std::move(songs)), m_found(m_songs.size())
{}

QString SpotifyTrackLookupJob::isrcQuery(const Track &track)
{
    return track.isrc.isEmpty() ? QString() : QStringLiteral("isrc:") + track.isrc.trimmed();
}

QString SpotifyTrackLookupJob::titleQuery(const Track &track)
{
    QString query = QStringLiteral("track:") + phrase(track.name);
    if (!track.primaryArtist().isEmpty())
        query += QStringLiteral(" artist:") + phrase(track.primaryArtist());
    return query;
}

std::optional<Track> SpotifyTrackLookupJob::bestMatch(const Track &wanted, const std::vector<Track> &candidates,
                                                      bool byIsrc)
{
    const QString title = normalizedText(wanted.name);
    QStringList artists;
    for (const QString &artist : wanted.artists)
        artists.append(normalizedText(artist));
    for (const Track &candidate : candidates) {
        if (byIsrc) {
            if (candidate.isrc.compare(wanted.isrc.trimmed(), Qt::CaseInsensitive) == 0)
                return candidate;
            continue;
        }
        if (normalizedText(candidate.name) != title)
            continue;
        for (const QString &artist : candidate.artists) {
            if (artists.contains(normalizedText(artist)))
                return candidate;
        }
    }
    return std::nullopt;
}

void SpotifyTrackLookupJob::start()
{
    QTimer::singleShot(0, this, [this] {
        if (m_songs.empty())
            return finish(std::nullopt);
        lookUp(0, !m_songs.front().isrc.isEmpty());
    });
}

void SpotifyTrackLookupJob::lookUp(std::size_t index, bool byIsrc)
{
    const Track &song = m_songs[index];
    QUrl url = m_client.endpoints().apiUrl(QStringLiteral("search"));
    url.setQuery(QUrlQuery{{QStringLiteral("q"), byIsrc ? isrcQuery(song) : titleQuery(song)},
                           {QStringLiteral("type"), QStringLiteral("track")},
                           {QStringLiteral("limit"), QString::number(kSearchLimit)}});
    ++m_searches;
    get(url, [this, index, byIsrc](Result<QByteArray> body, int) {
        if (!body)
            return finish(body.error());
        Result<std::vector<Track>> candidates = parseTrackSearch(*body);
        if (!candidates)
            return finish(candidates.error());
        m_found[index] = bestMatch(m_songs[index], *candidates, byIsrc);
        if (!m_found[index] && byIsrc)
            return lookUp(index, false);  // the ISRC is unknown to Spotify: try the title
        emit progress(int(index) + 1, int(m_songs.size()));
        if (isFinished())
            return;
        const std::size_t following = index + 1;
        if (following == m_songs.size())
            return finish(std::nullopt);
        lookUp(following, !m_songs[following].isrc.isEmpty());
    });
}

}  // namespace encore
