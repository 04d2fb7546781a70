#pragma once

#include "stats.h"
#include "util/result.h"

#include <QJsonObject>
#include <QString>

namespace encore::bench {

// Cold open, seen from this process: imports `csvPath` into a new library at `libraryPath` once,
// as the window does (importIntoLibrary), ranking from the provisional library as soon as it is
// handed out and from the stored one after (leaving both caches behind): a first use, in
// firstUseSeconds. Then runs `child libraryPath` `runs` times (encore-bench-coldopen, see
// coldopenchild.cpp).
struct ColdOpenFigures {
    int tracks = 0;
    double firstUseSeconds = 0.0;   // from the import's start to a first hybrid top-k shown
    double storeSeconds = 0.0;      // the whole import: reading, storing, writing the snapshot, loading it
    double firstLoadSeconds = 0.0;  // a first hybrid top-k from the stored library
    Stats ms;                       // from the child's start to its first ranking
    Stats peakRssMb;
    Stats openMs;
    Stats loadMs;
    Stats buildMs;
    Stats rankMs;
    Stats hybridRankMs;  // the first hybrid ranking, right after

    QJsonObject toJson() const;
};
Result<ColdOpenFigures> measureColdOpen(const QString &child, const QString &csvPath, const QString &libraryPath,
                                        int runs);

}  // namespace encore::bench
