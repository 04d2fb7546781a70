#pragma once

#include "export/tracklist.h"

class QMimeData;

namespace encore {

// What Copy puts on the clipboard for a list of songs: the open.spotify.com links one per line,
// as text/uri-list and text/plain, and as text/html where each link reads "Title — Artists"
// (for editors that drop bare links). The caller owns the result (QClipboard takes it).
QMimeData *trackLinksMimeData(const TrackList &list);
// What Copy as text puts there: "Title — Artists" lines as text/plain.
QMimeData *trackTextMimeData(const TrackList &list);

}  // namespace encore
