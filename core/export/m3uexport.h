#pragma once

#include "tracklist.h"

#include <QByteArray>

namespace encore {

// The list as an extended M3U playlist in UTF-8: #EXTM3U, then for each song
// "#EXTINF:<seconds>,<artists> - <title>" (seconds -1 when the length is unknown) and its
// open.spotify.com link.
QByteArray exportM3u8(const TrackList &list);

}  // namespace encore
