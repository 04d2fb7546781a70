#include "benchmarks.h"

#include "catalog/catalog.h"
#include "catalog/catalogimporter.h"
#include "library/libraryjobs.h"
#include "machine.h"
#include "recommend/contentranker.h"
#include "recommend/recommender.h"
#include "recommendations/rankingrunner.h"
#include "stallprobe.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>

#include <zlib.h>

#include <optional>

namespace encore::bench {

namespace {

// The size of the CSV text in `path`: the file's size, or its decompressed size for gzip.
qint64 csvTextBytes(const QString &path)
{
    gzFile file = gzopen(QFile::encodeName(path).constData(), "rb");  // reads plain files too
    if (file == nullptr)
        return 0;
    std::vector<char> buffer(1 << 20);
    qint64 total = 0;
    int read = 0;
    while ((read = gzread(file, buffer.data(), static_cast<unsigned>(buffer.size()))) > 0)
        total += read;
    gzclose(file);
    return total;
}

}  // namespace

QJsonObject ImportFigures::toJson() const
{
    const double median = seconds.median();
    return QJsonObject{{QStringLiteral("rows"), rows},
                       {QStringLiteral("file_bytes"), fileBytes},
                       {QStringLiteral("csv_bytes"), csvBytes},
                       {QStringLiteral("seconds"), seconds.toJson()},
                       {QStringLiteral("rows_per_s"), median > 0 ? static_cast<double>(rows) / median : 0.0},
                       {QStringLiteral("mb_per_s"), median > 0 ? static_cast<double>(csvBytes) / 1e6 / median : 0.0}};
}

Result<ImportFigures> measureImport(const QString &path, int runs)
{
    ImportFigures figures;
    figures.fileBytes = QFileInfo(path).size();
    figures.csvBytes = csvTextBytes(path);
    const CatalogImporter importer;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer clock;
        clock.start();
        Result<ImportBatch> batch = importer.importFile(path);
        const double seconds = static_cast<double>(clock.nsecsElapsed()) / 1e9;
        if (!batch)
            return batch.error();
        figures.rows = batch->rowsRead;
        figures.seconds.add(seconds);
    }
    return figures;
}

QJsonObject RankingFigures::toJson() const
{
    return QJsonObject{{QStringLiteral("tracks"), tracks},
                       {QStringLiteral("rankable"), rankable},
                       {QStringLiteral("content_ms"), contentMs.toJson()},
                       {QStringLiteral("content_kernel_ms"), contentKernelMs.toJson()},
                       {QStringLiteral("hybrid_ms"), hybridMs.toJson()}};
}

Result<RankingFigures> measureRanking(const Recommender &recommender, int queries)
{
    RankingFigures figures;
    const FeatureSpace &space = recommender.featureSpace();
    figures.tracks = space.size();
    figures.rankable = space.rankableCount();
    const std::vector<int> seeds = benchSeeds(recommender, queries);
    const FeatureWeights equal;
    // Each kind of query over all the seeds in turn, as the peers are measured, after one
    // unmeasured query so that the first measured one does not pay for cold caches.
    const auto measure = [&](Stats &samples, const auto &query) -> Status {
        if (seeds.empty() || !query(seeds.front()))
            return Error{ErrorKind::NotFound, QStringLiteral("The library has no track to rank.")};
        for (int seed : seeds) {
            QElapsedTimer clock;
            clock.start();
            const bool ranked = query(seed);
            samples.add(msSince(clock));
            if (!ranked)
                return Error{ErrorKind::NotFound, QStringLiteral("Nothing was ranked for row %1.").arg(seed)};
        }
        return success();
    };
    const auto recommends = [&](const RankingRequest &request) {
        const auto ranked = recommender.recommend(request);
        return ranked && !ranked->empty();
    };
    if (const Status s = measure(figures.contentMs, [&](int seed) { return recommends(contentRequest(seed)); }); !s)
        return s.error();
    if (const Status s = measure(
            figures.contentKernelMs,
            [&](int seed) { return !rankContent(space, seed, kTopK, equal.values, space.copiesOf(seed)).empty(); });
        !s)
        return s.error();
    if (const Status s = measure(figures.hybridMs, [&](int seed) { return recommends(hybridRequest(seed)); }); !s)
        return s.error();
    return figures;
}

Result<RankingStallFigures> measureRankingStall(const std::shared_ptr<const Recommender> &recommender, int runs)
{
    RankingStallFigures figures;
    // The window hands RankingRunner a snapshot; only its catalog and recommender are used.
    LibrarySnapshot snapshot;
    snapshot.catalog = recommender->catalogPtr();
    snapshot.recommender = recommender;
    RankingRunner runner;
    StallProbe probe;
    const std::vector<int> seeds = benchSeeds(*recommender, runs);
    std::optional<Error> failure;
    double longestRankMs = 0.0;
    for (const bool hybrid : {false, true}) {
        for (int seed : seeds) {
            QEventLoop loop;
            QObject::connect(&runner, &RankingRunner::finished, &loop,
                             [&](const std::shared_ptr<const Catalog> &, const RankOutcome &outcome) {
                                 if (outcome.error)
                                     failure = outcome.error;
                                 loop.quit();
                             });
            QElapsedTimer clock;
            probe.start();
            clock.start();
            runner.run(snapshot, hybrid ? hybridRequest(seed) : contentRequest(seed));
            loop.exec();
            (hybrid ? figures.hybridMs : figures.contentMs).add(probe.stop());
            longestRankMs = std::max(longestRankMs, msSince(clock));
            if (failure)
                return *failure;
        }
    }
    for (int run = 0; run < runs; ++run) {
        QEventLoop loop;
        QTimer::singleShot(static_cast<int>(longestRankMs) + 1, &loop, &QEventLoop::quit);
        probe.start();
        loop.exec();
        figures.idleMs.add(probe.stop());
    }
    return figures;
}

Status dumpSpace(const QString &catalogPath, const QString &dir, int queries)
{
    Result<ImportBatch> batch = CatalogImporter().importFile(catalogPath);
    if (!batch)
        return batch.error();
    const Recommender recommender(std::make_shared<const Catalog>(std::move(batch->tracks), std::move(batch->features),
                                                                  std::move(batch->playlists)));
    const FeatureSpace &space = recommender.featureSpace();
    if (!QDir().mkpath(dir))
        return Error{ErrorKind::Io, QStringLiteral("Cannot create %1.").arg(dir)};

    const auto write = [&dir](const QString &name, const char *data, qint64 size) -> Status {
        QFile file(QDir(dir).filePath(name));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(data, size) != size)
            return Error{ErrorKind::Io, QStringLiteral("Cannot write %1.").arg(file.fileName())};
        return success();
    };
    FeatureSpace::ContentMatrix rows(space.size(), kContentDims);
    for (int row = 0; row < space.size(); ++row)
        rows.row(row) = space.contentRow(row);
    if (Status s = write(QStringLiteral("space.f32"), reinterpret_cast<const char *>(rows.data()),
                         static_cast<qint64>(rows.size() * sizeof(float)));
        !s)
        return s;
    if (Status s = write(QStringLiteral("rankable.u8"), reinterpret_cast<const char *>(space.rankable().data()),
                         static_cast<qint64>(space.rankable().size()));
        !s)
        return s;

    const FeatureWeights equal;
    QJsonArray results;
    for (int seed : benchSeeds(recommender, queries)) {
        const std::span<const int> copies = space.copiesOf(seed);
        QJsonArray excluded;
        for (int row : copies)
            excluded.append(row);
        QJsonArray ranked;
        QJsonArray scores;
        for (const ScoredRow &scored : rankContent(space, seed, kTopK, equal.values, copies)) {
            ranked.append(scored.row);
            scores.append(static_cast<double>(scored.score));
        }
        results.append(QJsonObject{{QStringLiteral("seed"), seed},
                                   {QStringLiteral("excluded"), excluded},
                                   {QStringLiteral("rows"), ranked},
                                   {QStringLiteral("scores"), scores}});
    }
    const QJsonObject topk{{QStringLiteral("rows"), space.size()},
                           {QStringLiteral("dims"), static_cast<int>(rows.cols())},
                           {QStringLiteral("k"), kTopK},
                           {QStringLiteral("queries"), results}};
    const QByteArray json = QJsonDocument(topk).toJson(QJsonDocument::Compact);
    return write(QStringLiteral("topk.json"), json.constData(), json.size());
}

}  // namespace encore::bench
