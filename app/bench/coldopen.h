#pragma once

#include "stats.h"
#include "util/result.h"

#include <QJsonObject>
#include <QString>

namespace encore::bench {

// Cold open, seen from this process: stores `csvPath` into a new library at `libraryPath`
// once and loads it as the window does after an import (which leaves both caches behind), then
// runs `child libraryPath` `runs` times (encore-bench-coldopen, see coldopenchild.cpp).
struct ColdOpenFigures {
    int tracks = 0;
    double storeSeconds = 0.0;
    double firstLoadSeconds = 0.0;  // from the tables, writing the snapshot
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
