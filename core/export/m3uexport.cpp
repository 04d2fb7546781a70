#include "m3uexport.h"

#include <cmath>

namespace encore {

namespace {

// A line break inside a title would start a new entry.
QString oneLine(QString text)
{
    return text.replace(u'\r', u' ').replace(u'\n', u' ');
}

}  // namespace

QByteArray exportM3u8(const TrackList &list)
{
    QByteArray out = "#EXTM3U\n";
    for (const TrackListEntry &entry : list.entries) {
        const Track track = list.catalog->track(entry.row);
        const long seconds = track.durationMs > 0 ? std::lround(track.durationMs / 1000.0) : -1;
        out += "#EXTINF:" + QByteArray::number(qint64(seconds)) + ','
            + oneLine(track.artistsText() + QStringLiteral(" - ") + track.name).toUtf8() + '\n';
        out += trackWebLink(track.id).toUtf8() + '\n';
    }
    return out;
}

}  // namespace encore
