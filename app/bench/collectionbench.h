#pragma once

#include "stats.h"
#include "syntheticcollection.h"
#include "util/result.h"

#include <QJsonObject>
#include <QString>

namespace encore::bench {

// A Million Playlist collection from import to ranking, each step a child process
// (encore-bench-collection, see collectionchild.cpp) into a new library in `workDir`.
struct CollectionFigures {
    SyntheticCollection collection;
    double writeSeconds = 0.0;
    double readSeconds = 0.0;    // reading every slice (JSON to tracks and playlists), nothing stored
    double importSeconds = 0.0;  // reading and storing every slice
    double importPeakRssMb = 0.0;
    double featuresImportSeconds = 0.0;  // then the features CSV
    double loadSeconds = 0.0;            // the first start: the tables read back, the snapshot written
    double loadPeakRssMb = 0.0;          // the peak by then
    double buildSeconds = 0.0;           // co-occurrence and the rest of the ranking cache, written
    double buildPeakRssMb = 0.0;
    int libraryTracks = 0;
    int libraryPlaylists = 0;
    double libraryMb = 0.0;  // the database and its caches on disk
    Stats coldOpenMs;        // a later start to its first hybrid top-50
    Stats rankPeakRssMb;
    Stats withFeaturesMs;  // hybrid top-50 for seeds with all eleven features
    Stats withoutFeaturesMs;

    QJsonObject toJson() const;
};

Result<CollectionFigures> measureCollection(const QString &child, const QString &workDir, int playlists, int queries,
                                            int coldOpenRuns);

}  // namespace encore::bench
