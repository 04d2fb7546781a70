#pragma once

#include "stats.h"
#include "util/result.h"

#include <QJsonObject>
#include <QString>

#include <memory>
#include <vector>

namespace encore {
class Recommender;
}

namespace encore::bench {

inline constexpr int kTopK = 50;

// Importing one CSV file with CatalogImporter (what Encore does before storing a file).
struct ImportFigures {
    qint64 rows = 0;
    qint64 fileBytes = 0;
    qint64 csvBytes = 0;  // the CSV text, after decompression for a .gz file
    Stats seconds;

    QJsonObject toJson() const;
};
Result<ImportFigures> measureImport(const QString &path, int runs);

// Top-kTopK latency, single thread, over `queries` seeds drawn with a fixed seed.
// content: Recommender::recommend as the window and CLI call it (one copy per song,
// explanations); content_kernel: rankContent alone (the scoring and top-k pass);
// hybrid: Recommender::recommend with the hybrid defaults.
struct RankingFigures {
    int tracks = 0;
    int rankable = 0;
    Stats contentMs;
    Stats contentKernelMs;
    Stats hybridMs;

    QJsonObject toJson() const;
};
Result<RankingFigures> measureRanking(const Recommender &recommender, int queries);

// The seeds the measurements rank for: `count` rankable rows drawn with a fixed seed.
std::vector<int> benchSeeds(const Recommender &recommender, int count);

// The longest stall of this thread's event loop while RankingRunner ranks kTopK for one seed
// on the window's path (QtConcurrent worker, answer delivered through the event loop).
struct RankingStallFigures {
    Stats idleMs;     // the probe alone for as long, as a floor: what the machine's load costs
    Stats contentMs;
    Stats hybridMs;
};
Result<RankingStallFigures> measureRankingStall(const std::shared_ptr<const Recommender> &recommender,
                                                int runs);

// Cold open, seen from this process: stores `csvPath` into a new library at `libraryPath`
// once and loads it as the window does after an import (which leaves the catalog snapshot
// behind), then runs `program --cold-open libraryPath` `runs` times.
struct ColdOpenFigures {
    int tracks = 0;
    double storeSeconds = 0.0;
    double firstLoadSeconds = 0.0;  // from the tables, writing the snapshot
    Stats ms;          // from the child's start to its first ranking
    Stats peakRssMb;
    Stats openMs;
    Stats loadMs;
    Stats buildMs;
    Stats rankMs;
    Stats hybridRankMs;  // the first hybrid ranking, right after

    QJsonObject toJson() const;
};
Result<ColdOpenFigures> measureColdOpen(const QString &program, const QString &csvPath,
                                        const QString &libraryPath, int runs);

// The child's side: opens the library, builds what ranking needs, ranks once and prints one
// JSON object (ms since its own start, peak resident memory, the phases). Exit status 0 on success.
int runColdOpenChild(const QString &libraryPath);

// Writes what compare-peers checks Encore against into `dir`: space.f32 (the content space,
// rows x dims float32, row-major), rankable.u8 (one byte per row) and topk.json (for `queries`
// fixed seeds, the rows rankContent ranks top kTopK with equal weights and the rows left out).
Status dumpSpace(const QString &catalogPath, const QString &dir, int queries);

}  // namespace encore::bench
