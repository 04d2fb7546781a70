#pragma once

#include "stats.h"
#include "util/result.h"

#include <QJsonObject>
#include <QString>

namespace encore::bench {

// Cold open, seen from this process: imports `csvPath` into a new library at `libraryPath` once
// and loads it and ranks as the window does after an import (leaving both caches behind): a first
// use, in storeSeconds + firstLoadSeconds. Then runs `child libraryPath` `runs` times
// (encore-bench-coldopen, see coldopenchild.cpp).
struct ColdOpenFigures {
    int tracks = 0;
    double storeSeconds = 0.0;      // the import: reading the file, storing it, writing the snapshot
    double firstLoadSeconds = 0.0;  // loading it, building the ranking cache, a first hybrid top-k
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
