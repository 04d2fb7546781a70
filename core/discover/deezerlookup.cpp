#include "discover/deezerlookup.h"

#include "discover/candidate.h"
#include "spotify/spotifyendpoints.h"

#include <QUrlQuery>

namespace encore {

QUrl deezerTrackUrl(const QUrl &deezer, const Track &track)
{
    if (const QString deezerId = deezerIdOf(track.id); !deezerId.isEmpty())
        return urlBelow(deezer, QStringLiteral("track/") + deezerId);
    if (!track.isrc.isEmpty())
        return urlBelow(deezer, QStringLiteral("track/isrc:") + track.isrc.toUpper());
    return {};
}

QUrl deezerSearchUrl(const QUrl &deezer, const Track &track)
{
    if (track.name.isEmpty() || track.primaryArtist().isEmpty())
        return {};
    QUrl url = urlBelow(deezer, QStringLiteral("search/track"));
    const QString query = QStringLiteral("artist:\"%1\" track:\"%2\"").arg(track.primaryArtist(), track.name);
    url.setQuery(QUrlQuery{{QStringLiteral("q"), query}, {QStringLiteral("limit"), QStringLiteral("10")}});
    return url;
}

}  // namespace encore
