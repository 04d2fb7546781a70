#pragma once

#include "stats.h"
#include "util/result.h"

#include <QJsonObject>
#include <QString>

#include <chrono>

namespace encore::bench {

// Reading one playlist from the fake Spotify API (served from its own thread, as a real server
// would be) with SpotifyClient on this thread, while a StallProbe watches this thread's loop.
struct PlaylistReadFigures {
    int tracks = 0;
    int pages = 0;
    int pageSize = 0;
    int concurrency = 0;
    int latencyMs = 0;
    double idealMs = 0.0;
    QString idealFormula;
    Stats ms;       // time to read the whole playlist
    Stats stallMs;  // the longest stall of this thread's event loop during one read
    // The same read with no latency added: what the fake server and the client cost by
    // themselves (the fake builds each page on its one thread).
    Stats zeroLatencyMs;

    double ratioToIdeal() const { return idealMs > 0.0 ? ms.median() / idealMs : 0.0; }
    QJsonObject toJson() const;
};

// `apiDataDir` holds the recorded Spotify answers the fake serves (../shared/data/spotify-api).
Result<PlaylistReadFigures> measurePlaylistRead(const QString &apiDataDir, int tracks,
                                                std::chrono::milliseconds latency, int runs);

}  // namespace encore::bench
