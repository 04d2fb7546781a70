#pragma once

#include "stats.h"
#include "util/result.h"

#include <QJsonObject>

#include <memory>

namespace encore {
class Catalog;
}

namespace encore::bench {

// Completing what the user types in the seed box (SeedCompletion): the index built once, then
// every keystroke of typing titles and artists drawn with a fixed seed, up to 12 characters each,
// asking for the 10 completions the box shows.
struct CompletionFigures {
    int tracks = 0;
    int entries = 0;  // distinct titles and artists
    double buildSeconds = 0.0;
    Stats keystrokeUs;

    QJsonObject toJson() const;
};
Result<CompletionFigures> measureCompletion(const std::shared_ptr<const Catalog> &catalog, int names);

}  // namespace encore::bench
