#include "benchmarks.h"

#include "catalog/catalog.h"
#include "catalog/catalogimporter.h"
#include "library/libraryjobs.h"
#include "machine.h"
#include "recommend/contentranker.h"
#include "recommend/recommender.h"
#include "recommendations/rankingrunner.h"
#include "stallprobe.h"
#include "storage/librarydb.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTextStream>
#include <QTimer>

#include <zlib.h>

#include <optional>
#include <random>

namespace encore::bench {

namespace {

constexpr std::uint32_t kSeedRng = 7;

double msSince(const QElapsedTimer &clock)
{
    return static_cast<double>(clock.nsecsElapsed()) / 1e6;
}

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

RankingRequest contentRequest(int seed)
{
    RankingRequest request;
    request.seedRow = seed;
    request.k = kTopK;
    request.method = RankingMethod::Content;
    return request;
}

RankingRequest hybridRequest(int seed)
{
    RankingRequest request = contentRequest(seed);
    request.method = RankingMethod::Hybrid;
    return request;
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

std::vector<int> benchSeeds(const Recommender &recommender, int count)
{
    const FeatureSpace &space = recommender.featureSpace();
    std::vector<int> seeds;
    if (space.rankableCount() == 0)
        return seeds;
    std::mt19937 rng(kSeedRng);
    std::uniform_int_distribution<int> pick(0, space.size() - 1);
    while (static_cast<int>(seeds.size()) < count) {
        const int row = pick(rng);
        if (space.isRankable(row))
            seeds.push_back(row);
    }
    return seeds;
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
    if (const Status s = measure(figures.contentKernelMs, [&](int seed) {
            return !rankContent(space, seed, kTopK, equal.values, space.copiesOf(seed)).empty();
        });
        !s)
        return s.error();
    if (const Status s = measure(figures.hybridMs, [&](int seed) { return recommends(hybridRequest(seed)); }); !s)
        return s.error();
    return figures;
}

Result<RankingStallFigures> measureRankingStall(const std::shared_ptr<const Recommender> &recommender,
                                                int runs)
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

QJsonObject ColdOpenFigures::toJson() const
{
    return QJsonObject{{QStringLiteral("tracks"), tracks},
                       {QStringLiteral("store_s"), storeSeconds},
                       {QStringLiteral("first_load_s"), firstLoadSeconds},
                       {QStringLiteral("ms"), ms.toJson()},
                       {QStringLiteral("peak_rss_mb"), peakRssMb.toJson()},
                       {QStringLiteral("open_ms"), openMs.toJson()},
                       {QStringLiteral("load_ms"), loadMs.toJson()},
                       {QStringLiteral("build_ms"), buildMs.toJson()},
                       {QStringLiteral("rank_ms"), rankMs.toJson()},
                       {QStringLiteral("hybrid_rank_ms"), hybridRankMs.toJson()}};
}

Result<ColdOpenFigures> measureColdOpen(const QString &program, const QString &csvPath,
                                        const QString &libraryPath, int runs)
{
    ColdOpenFigures figures;
    {
        Result<std::unique_ptr<LibraryDb>> db = LibraryDb::open(libraryPath);
        if (!db)
            return db.error();
        QElapsedTimer clock;
        clock.start();
        Result<ImportSummary> stored = importCatalogFile(**db, csvPath);
        if (!stored)
            return stored.error();
        figures.storeSeconds = static_cast<double>(clock.nsecsElapsed()) / 1e9;
        figures.tracks = (*db)->trackCount();
        clock.restart();
        Result<Catalog> loaded = (*db)->loadCatalog();
        if (!loaded)
            return loaded.error();
        // The first start after a change: it reads the tables and leaves both caches behind.
        const Recommender first(std::make_shared<const Catalog>(std::move(loaded).value()), (*db)->rankingCachePath());
        figures.firstLoadSeconds = static_cast<double>(clock.nsecsElapsed()) / 1e9;
    }
    for (int run = 0; run < runs; ++run) {
        QProcess child;
        child.start(program, {QStringLiteral("--cold-open"), libraryPath});
        if (!child.waitForFinished(300000) || child.exitStatus() != QProcess::NormalExit
            || child.exitCode() != 0)
            return Error{ErrorKind::Io, QStringLiteral("The cold-open child failed: %1")
                                            .arg(QString::fromUtf8(child.readAllStandardError()).trimmed())};
        const QJsonObject report = QJsonDocument::fromJson(child.readAllStandardOutput()).object();
        figures.ms.add(report.value(QStringLiteral("ms")).toDouble());
        figures.peakRssMb.add(report.value(QStringLiteral("peak_rss_mb")).toDouble());
        figures.openMs.add(report.value(QStringLiteral("open_ms")).toDouble());
        figures.loadMs.add(report.value(QStringLiteral("load_ms")).toDouble());
        figures.buildMs.add(report.value(QStringLiteral("build_ms")).toDouble());
        figures.rankMs.add(report.value(QStringLiteral("rank_ms")).toDouble());
        figures.hybridRankMs.add(report.value(QStringLiteral("hybrid_rank_ms")).toDouble());
    }
    return figures;
}

int runColdOpenChild(const QString &libraryPath)
{
    QTextStream err(stderr);
    QElapsedTimer clock;
    clock.start();
    Result<std::unique_ptr<LibraryDb>> db = LibraryDb::open(libraryPath);
    if (!db) {
        err << db.error().message << '\n';
        return 1;
    }
    const double openMs = msSince(clock);
    clock.restart();
    Result<Catalog> catalog = (*db)->loadCatalog();
    if (!catalog) {
        err << catalog.error().message << '\n';
        return 1;
    }
    const double loadMs = msSince(clock);
    clock.restart();
    const Recommender recommender(std::make_shared<const Catalog>(std::move(catalog).value()),
                                  (*db)->rankingCachePath());
    const double buildMs = msSince(clock);
    clock.restart();
    const std::vector<int> seeds = benchSeeds(recommender, 1);
    if (seeds.empty() || !recommender.recommend(contentRequest(seeds.front()))) {
        err << "The library has no track to rank.\n";
        return 1;
    }
    const double rankMs = msSince(clock);
    const double sinceStart = msSinceProcessStart();
    const double peakMb = peakResidentMb();
    clock.restart();
    if (!recommender.recommend(hybridRequest(seeds.front()))) {
        err << "The hybrid ranking failed.\n";
        return 1;
    }
    const double hybridRankMs = msSince(clock);
    const QJsonObject report{{QStringLiteral("ms"), sinceStart},
                             {QStringLiteral("peak_rss_mb"), peakMb},
                             {QStringLiteral("open_ms"), openMs},
                             {QStringLiteral("load_ms"), loadMs},
                             {QStringLiteral("build_ms"), buildMs},
                             {QStringLiteral("rank_ms"), rankMs},
                             {QStringLiteral("hybrid_rank_ms"), hybridRankMs}};
    QTextStream(stdout) << QJsonDocument(report).toJson(QJsonDocument::Compact) << '\n';
    return 0;
}

Status dumpSpace(const QString &catalogPath, const QString &dir, int queries)
{
    Result<ImportBatch> batch = CatalogImporter().importFile(catalogPath);
    if (!batch)
        return batch.error();
    const Recommender recommender(std::make_shared<const Catalog>(
        std::move(batch->tracks), std::move(batch->features), std::move(batch->playlists)));
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
