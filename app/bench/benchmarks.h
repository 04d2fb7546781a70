#pragma once

#include "queries.h"
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

// The longest stall of this thread's event loop while RankingRunner ranks kTopK for one seed
// on the window's path (QtConcurrent worker, answer delivered through the event loop).
struct RankingStallFigures {
    Stats idleMs;  // the probe alone for as long, as a floor: what the machine's load costs
    Stats contentMs;
    Stats hybridMs;
};
Result<RankingStallFigures> measureRankingStall(const std::shared_ptr<const Recommender> &recommender, int runs);

// Writes what compare-peers checks Encore against into `dir`: space.f32 (the content space,
// rows x dims float32, row-major), rankable.u8 (one byte per row) and topk.json (for `queries`
// fixed seeds, the rows rankContent ranks top kTopK with equal weights and the rows left out).
Status dumpSpace(const QString &catalogPath, const QString &dir, int queries);

}  // namespace encore::bench
