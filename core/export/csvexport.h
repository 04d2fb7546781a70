#pragma once

#include "tracklist.h"

#include <QByteArray>

namespace encore {

// The list as a CSV file in Exportify's layout, which Encore's importer (and Exportify's
// readers) read back: Track URI, Track Name, Artist Name(s) (commas inside a name written "\,"),
// Album Name, Album Release Date (as precise as it is known), Track Duration (ms), Popularity,
// ISRC and the eleven features under Exportify's names, then Encore's own Rank, Score, Why and
// Features Source. An unknown value is an empty cell. UTF-8, one line per song.
QByteArray exportCsv(const TrackList &list);

}  // namespace encore
