#pragma once

#include "tracklist.h"

#include <QByteArray>

namespace encore {

// The list as an indented JSON array, what `encore-cli recommend --json` prints:
// [{"rank":1,"score":0.98,"track_id":"…","name":"…","artists":["…"],"why":"same key, …"}, …].
// Score (rounded to six decimals) and why are there for recommendations only.
QByteArray exportJson(const TrackList &list);

}  // namespace encore
