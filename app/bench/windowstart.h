#pragma once

#include "stats.h"
#include "util/result.h"

#include <QJsonObject>
#include <QString>

namespace encore::bench {

// The window's start as a person sees it: from launching `encore` to its first recommendations
// shown, on a library of `csvPath` whose caches are written and whose session names a playlist
// and a seed, as a previous run leaves them. Runs the window offscreen `runs` times (after one
// unmeasured start that warms the disk cache), each in a throw-away home under `workDir`.
struct WindowStartFigures {
    int tracks = 0;
    Stats ms;

    QJsonObject toJson() const;
};
Result<WindowStartFigures> measureWindowStart(const QString &encore, const QString &csvPath, const QString &workDir,
                                              int runs);

}  // namespace encore::bench
