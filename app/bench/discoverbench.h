#pragma once

#include "stats.h"
#include "util/result.h"

#include <QJsonObject>
#include <QString>

#include <chrono>

namespace encore::bench {

// Discover for one seed of a stored library, against fakes of ReccoBeats and Deezer served from
// their own thread, each answer `latency` late: ReccoBeats' recommendations, the seed found on
// Deezer by name, its artist's and five related artists' top songs (100 songs in all).
struct DiscoverFigures {
    int tracks = 0;      // in the library
    int candidates = 0;  // songs the services name
    int requests = 0;    // per discovery, Deezer's and ReccoBeats'
    int latencyMs = 0;
    double idealMs = 0.0;  // the longest chain of requests, each one latency, within the rate limits
    QString idealFormula;
    Stats firstFoundMs;  // Discovery alone: to the first songs in its pool
    Stats doneMs;        // Discovery alone: to every source done
    Stats firstShownMs;  // the window's path (LibraryController): to the first library with them
    Stats storedMs;      // ... to all of them stored and handed out

    double ratioToIdeal() const { return idealMs > 0.0 ? doneMs.median() / idealMs : 0.0; }
    QJsonObject toJson() const;
};

// Imports `catalogPath` into a library in `workDir` and discovers for its first song `runs` times.
Result<DiscoverFigures> measureDiscover(const QString &catalogPath, const QString &workDir,
                                        std::chrono::milliseconds latency, int runs);

}  // namespace encore::bench
