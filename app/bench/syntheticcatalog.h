#pragma once

#include "util/result.h"

#include <QString>

namespace encore::bench {

// Writes a catalog CSV of `rows` tracks made by resampling the rows of a real catalog (any CSV
// the importer reads) with a fixed seed, so every run writes the same file:
//   - each row copies a real row drawn at random, with its own track id and a numbered title
//     (every row is a song of its own, as in a large real catalog);
//   - continuous features move by a little noise (0..1 features by N(0, 0.01), loudness by
//     N(0, 0.2) dB, tempo by N(0, 0.5 %)); key, mode, artist, album and popularity are kept;
//   - playlists: the copies of a real playlist's rows are spread over kReplicas playlists, so
//     playlists keep about their real length and rows of one playlist come together.
Status writeSyntheticCatalog(const QString &realPath, const QString &outPath, int rows);

}  // namespace encore::bench
