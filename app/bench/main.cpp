// encore-bench: measures the figures of the performance issue; see the README's Performance
// section. Not part of the test run (only `--quick` is, as a smoke test).
#include "benchmarks.h"
#include "coldopen.h"
#include "collectionbench.h"
#include "completionbench.h"
#include "discoverbench.h"
#include "catalog/catalog.h"
#include "catalog/catalogimporter.h"
#include "machine.h"
#include "playlistbench.h"
#include "recommend/evaluation.h"
#include "recommend/recommender.h"
#include "stallprobe.h"
#include "syntheticcatalog.h"
#include "windowstart.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTemporaryDir>
#include <QTextStream>

#include <chrono>
#include <memory>

using namespace encore;
using namespace encore::bench;

namespace {

// How much is measured: the full run, or tiny sizes that only check every section works.
struct Plan {
    int generatedRows = 1'000'000;
    int rankingQueries = 30;
    int realImportRuns = 5;
    int generatedImportRuns = 3;
    int coldOpenRuns = 3;
    int windowStartRuns = 5;
    int stallRuns = 10;
    int playlistTracks = 2000;
    std::chrono::milliseconds playlistLatency{100};
    int playlistRuns = 5;
    std::chrono::milliseconds discoverLatency{150};
    int discoverRuns = 3;
    int collectionPlaylists = 100'000;
    int collectionQueries = 30;
    int collectionColdOpenRuns = 3;

    static Plan quick()
    {
        Plan plan;
        plan.generatedRows = 20'000;
        plan.rankingQueries = 5;
        plan.realImportRuns = 2;
        plan.generatedImportRuns = 2;
        plan.coldOpenRuns = 2;
        plan.windowStartRuns = 1;
        plan.stallRuns = 3;
        plan.playlistTracks = 200;
        plan.playlistLatency = std::chrono::milliseconds(20);
        plan.playlistRuns = 2;
        plan.discoverLatency = std::chrono::milliseconds(20);
        plan.discoverRuns = 1;
        plan.collectionPlaylists = 2000;
        plan.collectionQueries = 3;
        plan.collectionColdOpenRuns = 1;
        return plan;
    }
};

class Report {
public:
    explicit Report(bool json) : m_json(json), m_out(stdout) {}

    void line(const QString &text)
    {
        if (!m_json)
            m_out << text << Qt::endl;
    }
    void set(const QString &key, const QJsonValue &value) { m_object.insert(key, value); }
    void finish()
    {
        if (m_json)
            m_out << QJsonDocument(m_object).toJson(QJsonDocument::Indented);
        m_out.flush();
    }

private:
    bool m_json;
    QTextStream m_out;
    QJsonObject m_object;
};

QString thousands(qint64 n)
{
    QLocale locale(QLocale::English);
    return locale.toString(n);
}

int fail(const Error &error)
{
    QTextStream(stderr) << "encore-bench: " << error.message << Qt::endl;
    return 1;
}

// `dropShare` of the feature values removed at random (fixed seed), to measure a partly known catalog.
Result<std::shared_ptr<const Recommender>> loadRecommender(const QString &path, double dropShare)
{
    Result<ImportBatch> batch = CatalogImporter().importFile(path);
    if (!batch)
        return batch.error();
    if (dropShare > 0.0) {
        EvalRandom random(7);
        dropFeatureValues(batch->features, dropShare, random);
    }
    return std::make_shared<const Recommender>(std::make_shared<const Catalog>(
        std::move(batch->tracks), std::move(batch->features), std::move(batch->playlists)));
}

void reportImport(Report &report, const QString &label, const ImportFigures &figures)
{
    const double median = figures.seconds.median();
    report.line(QStringLiteral("  %1  %2 rows, %3 MB of CSV  %4 s  (%5 rows/s, %6 MB/s)")
                    .arg(label, -9)
                    .arg(thousands(figures.rows), 9)
                    .arg(static_cast<double>(figures.csvBytes) / 1e6, 6, 'f', 1)
                    .arg(figures.seconds.text(3))
                    .arg(thousands(static_cast<qint64>(static_cast<double>(figures.rows) / median)))
                    .arg(static_cast<double>(figures.csvBytes) / 1e6 / median, 0, 'f', 1));
}

void reportImports(Report &report, const ImportFigures &real, const ImportFigures &generated)
{
    report.line(QStringLiteral("CSV import (CatalogImporter), s:"));
    reportImport(report, QStringLiteral("real"), real);
    reportImport(report, QStringLiteral("generated"), generated);
    report.set(QStringLiteral("import"),
               QJsonObject{{QStringLiteral("real"), real.toJson()}, {QStringLiteral("generated"), generated.toJson()}});
}

void reportRanking(Report &report, const QString &label, const RankingFigures &figures)
{
    report.line(QStringLiteral("  %1 %2 tracks  content %3 ms | content kernel %4 ms | hybrid %5 ms")
                    .arg(label, -9)
                    .arg(thousands(figures.tracks), 9)
                    .arg(figures.contentMs.text(3), figures.contentKernelMs.text(3), figures.hybridMs.text(3)));
}

Status reportDiscover(Report &report, const Plan &plan, const QString &catalogPath, const QString &workDir)
{
    Result<DiscoverFigures> discover = measureDiscover(catalogPath, workDir, plan.discoverLatency, plan.discoverRuns);
    if (!discover)
        return discover.error();
    report.line(
        QStringLiteral("Discover for a seed of a %1-track library (%2 songs from %3 requests, %4 ms per response):")
            .arg(thousands(discover->tracks))
            .arg(discover->candidates)
            .arg(discover->requests)
            .arg(discover->latencyMs));
    report.line(
        QStringLiteral("  first songs found %1 ms, every source done %2 ms; ideal %3 ms = %4; median %5 x ideal")
            .arg(discover->firstFoundMs.text(0), discover->doneMs.text(0))
            .arg(discover->idealMs, 0, 'f', 0)
            .arg(discover->idealFormula)
            .arg(discover->ratioToIdeal(), 0, 'f', 2));
    report.line(QStringLiteral("  in the window's path: first songs shown %1 ms, all stored and shown %2 ms")
                    .arg(discover->firstShownMs.text(0), discover->storedMs.text(0)));
    report.set(QStringLiteral("discover"), discover->toJson());
    return success();
}

Status reportCollection(Report &report, const Plan &plan, const QString &workDir)
{
    const Result<CollectionFigures> figures =
        measureCollection(QCoreApplication::applicationDirPath() + QStringLiteral("/encore-bench-collection"), workDir,
                          plan.collectionPlaylists, plan.collectionQueries, plan.collectionColdOpenRuns);
    if (!figures)
        return figures.error();
    const SyntheticCollection &collection = figures->collection;
    report.line(QStringLiteral("Million Playlist collection, %1 playlists (generated; %2 entries, %3 distinct tracks, "
                               "%4 with features; %5 MB of JSON):")
                    .arg(thousands(collection.playlists), thousands(collection.entries),
                         thousands(collection.distinctTracks), thousands(collection.tracksWithFeatures))
                    .arg(static_cast<double>(collection.bytes) / 1e6, 0, 'f', 0));
    report.line(QStringLiteral("  read %1 s | import (read + store) %2 s, peak RSS %3 MB | features CSV %4 s")
                    .arg(figures->readSeconds, 0, 'f', 1)
                    .arg(figures->importSeconds, 0, 'f', 1)
                    .arg(figures->importPeakRssMb, 0, 'f', 0)
                    .arg(figures->featuresImportSeconds, 0, 'f', 1));
    report.line(QStringLiteral("  first start: tables read %1 s (peak RSS %2 MB), co-occurrence and caches built %3 s, "
                               "peak RSS %4 MB; library %5 MB on disk")
                    .arg(figures->loadSeconds, 0, 'f', 1)
                    .arg(figures->loadPeakRssMb, 0, 'f', 0)
                    .arg(figures->buildSeconds, 0, 'f', 1)
                    .arg(figures->buildPeakRssMb, 0, 'f', 0)
                    .arg(figures->libraryMb, 0, 'f', 0));
    report.line(QStringLiteral("  later start to its first hybrid top-%1: %2 ms, peak RSS %3 MB")
                    .arg(kTopK)
                    .arg(figures->coldOpenMs.text(0), figures->rankPeakRssMb.text(0)));
    report.line(QStringLiteral("  hybrid top-%1, ms: seeds with features %2 | without %3")
                    .arg(kTopK)
                    .arg(figures->withFeaturesMs.text(2), figures->withoutFeaturesMs.text(2)));
    report.set(QStringLiteral("collection"), figures->toJson());
    return success();
}

}  // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("encore-bench"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Measures Encore's ranking, import, cold open, window start, playlist reading and event-loop stalls."));
    parser.addHelpOption();
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Print one JSON object."));
    const QCommandLineOption quickOption(QStringLiteral("quick"),
                                         QStringLiteral("Tiny sizes: only checks that every section works."));
    const QCommandLineOption catalogOption(
        QStringLiteral("catalog"), QStringLiteral("The real catalog (default: the shared TidyTuesday file)."),
        QStringLiteral("FILE"), QStringLiteral(ENCORE_SHARED_DATA "/catalogs/spotify_songs_2020.csv.gz"));
    const QCommandLineOption workDirOption(
        QStringLiteral("work-dir"),
        QStringLiteral("Keep the generated CSV and library here (default: a temporary directory)."),
        QStringLiteral("DIR"));
    const QCommandLineOption dumpOption(
        QStringLiteral("dump-space"),
        QStringLiteral("Write --catalog's content space and top-50 lists for compare-peers into DIR."),
        QStringLiteral("DIR"));
    const QCommandLineOption importOnlyOption(QStringLiteral("import-only"),
                                              QStringLiteral("Measure only the CSV import."));
    const QCommandLineOption discoverOnlyOption(QStringLiteral("discover-only"),
                                                QStringLiteral("Measure only Discover."));
    const QCommandLineOption rankingOnlyOption(QStringLiteral("ranking-only"),
                                               QStringLiteral("Measure only the imports and the ranking latencies."));
    const QCommandLineOption collectionOnlyOption(QStringLiteral("collection-only"),
                                                  QStringLiteral("Measure only the Million Playlist collection."));
    const QCommandLineOption collectionOption(
        QStringLiteral("collection-playlists"),
        QStringLiteral("Playlists in the generated Million Playlist collection (default: 100,000)."),
        QStringLiteral("N"));
    const QCommandLineOption dropOption(
        QStringLiteral("drop-features"),
        QStringLiteral("Rank with this share (0 to 1) of the feature values removed at random."),
        QStringLiteral("SHARE"), QStringLiteral("0"));
    parser.addOptions({jsonOption, quickOption, catalogOption, workDirOption, dumpOption, importOnlyOption,
                       discoverOnlyOption, rankingOnlyOption, collectionOnlyOption, collectionOption, dropOption});
    parser.process(app);

    const QString realPath = parser.value(catalogOption);
    bool dropOk = false;
    const double dropShare = parser.value(dropOption).toDouble(&dropOk);
    if (!dropOk || !(dropShare >= 0.0 && dropShare <= 1.0))
        return fail(Error{ErrorKind::Parse, QStringLiteral("--drop-features takes a share from 0 to 1.")});
    if (parser.isSet(dumpOption)) {
        const Status dumped = dumpSpace(realPath, parser.value(dumpOption), 20);
        return dumped ? 0 : fail(dumped.error());
    }

    Plan plan = parser.isSet(quickOption) ? Plan::quick() : Plan();
    if (parser.isSet(collectionOption)) {
        plan.collectionPlaylists = parser.value(collectionOption).toInt();
        if (plan.collectionPlaylists < 1)
            return fail(Error{ErrorKind::Parse, QStringLiteral("--collection-playlists takes a number above 0.")});
    }
    QTemporaryDir temporary;
    const QString workDir = parser.isSet(workDirOption) ? parser.value(workDirOption) : temporary.path();
    if (!QDir().mkpath(workDir))
        return fail(Error{ErrorKind::Io, QStringLiteral("Cannot create %1.").arg(workDir)});
    const QString generatedPath = QDir(workDir).filePath(QStringLiteral("generated-%1.csv").arg(plan.generatedRows));
    const QString libraryPath = QDir(workDir).filePath(QStringLiteral("library-%1.sqlite").arg(plan.generatedRows));
    QFile::remove(libraryPath);

    Report report(parser.isSet(jsonOption));
    const Machine machine = Machine::current();
    report.line(machine.text());
    report.set(QStringLiteral("machine"), machine.toJson());
    report.set(QStringLiteral("quick"), parser.isSet(quickOption));
    report.set(QStringLiteral("k"), kTopK);
    report.line(QStringLiteral("every figure: median / min / max over the runs shown in --json"));

    if (parser.isSet(collectionOnlyOption)) {
        if (const Status reported = reportCollection(report, plan, workDir); !reported)
            return fail(reported.error());
        report.finish();
        return 0;
    }
    if (parser.isSet(discoverOnlyOption)) {
        if (const Status reported = reportDiscover(report, plan, realPath, workDir); !reported)
            return fail(reported.error());
        report.finish();
        return 0;
    }

    // 1 and 2 on the real catalog.
    Result<ImportFigures> realImport = measureImport(realPath, plan.realImportRuns);
    if (!realImport)
        return fail(realImport.error());
    if (parser.isSet(importOnlyOption)) {
        if (const Status written = writeSyntheticCatalog(realPath, generatedPath, plan.generatedRows); !written)
            return fail(written.error());
        Result<ImportFigures> generatedImport = measureImport(generatedPath, plan.generatedImportRuns);
        if (!generatedImport)
            return fail(generatedImport.error());
        reportImports(report, *realImport, *generatedImport);
        report.finish();
        return 0;
    }
    Result<std::shared_ptr<const Recommender>> real = loadRecommender(realPath, dropShare);
    if (!real)
        return fail(real.error());
    const Result<RankingFigures> realRanking = measureRanking(**real, plan.rankingQueries);
    if (!realRanking)
        return fail(realRanking.error());
    real->reset();

    // ... and on the generated one.
    if (const Status written = writeSyntheticCatalog(realPath, generatedPath, plan.generatedRows); !written)
        return fail(written.error());
    Result<ImportFigures> generatedImport = measureImport(generatedPath, plan.generatedImportRuns);
    if (!generatedImport)
        return fail(generatedImport.error());
    Result<std::shared_ptr<const Recommender>> generated = loadRecommender(generatedPath, dropShare);
    if (!generated)
        return fail(generated.error());
    const Result<RankingFigures> generatedRanking = measureRanking(**generated, plan.rankingQueries);
    if (!generatedRanking)
        return fail(generatedRanking.error());

    report.line(QStringLiteral("top-%1 ranking latency, one thread, ms:").arg(kTopK));
    reportRanking(report, QStringLiteral("real"), *realRanking);
    reportRanking(report, QStringLiteral("generated"), *generatedRanking);
    report.set(QStringLiteral("ranking"),
               QJsonObject{{QStringLiteral("real"), realRanking->toJson()},
                           {QStringLiteral("generated"), generatedRanking->toJson()}});
    reportImports(report, *realImport, *generatedImport);
    if (parser.isSet(rankingOnlyOption)) {
        report.finish();
        return 0;
    }

    const Result<CompletionFigures> completion = measureCompletion((*generated)->catalogPtr(), plan.rankingQueries);
    if (!completion)
        return fail(completion.error());
    report.line(
        QStringLiteral("seed box completion, %1 tracks (%2 titles and artists, index built in %3 s), us per keystroke:")
            .arg(thousands(completion->tracks), thousands(completion->entries))
            .arg(completion->buildSeconds, 0, 'f', 2));
    report.line(QStringLiteral("  %1").arg(completion->keystrokeUs.text(1)));
    report.set(QStringLiteral("completion"), completion->toJson());

    // 5, ranking: the window's path on the generated catalog.
    const Result<RankingStallFigures> rankingStall = measureRankingStall(*generated, plan.stallRuns);
    if (!rankingStall)
        return fail(rankingStall.error());
    generated->reset();

    // 3.
    Result<ColdOpenFigures> coldOpen =
        measureColdOpen(QCoreApplication::applicationDirPath() + QStringLiteral("/encore-bench-coldopen"),
                        generatedPath, libraryPath, plan.coldOpenRuns);
    if (!coldOpen)
        return fail(coldOpen.error());
    report.line(QStringLiteral("cold open of a stored %1-track library to its first content ranking (child process):")
                    .arg(thousands(coldOpen->tracks)));
    report.line(
        QStringLiteral("  (first use: ranked %1 s after the import into an empty library began, from what it was "
                       "storing; stored and loaded in %2 s, then ranked in %3 s)")
            .arg(coldOpen->firstUseSeconds, 0, 'f', 2)
            .arg(coldOpen->storeSeconds, 0, 'f', 2)
            .arg(coldOpen->firstLoadSeconds, 0, 'f', 2));
    report.line(
        QStringLiteral("  %1 ms since process start, peak RSS %2 MB (open %3, load %4, build %5, rank %6 ms; medians)")
            .arg(coldOpen->ms.text(0), coldOpen->peakRssMb.text(0))
            .arg(coldOpen->openMs.median(), 0, 'f', 0)
            .arg(coldOpen->loadMs.median(), 0, 'f', 0)
            .arg(coldOpen->buildMs.median(), 0, 'f', 0)
            .arg(coldOpen->rankMs.median(), 0, 'f', 1));
    report.line(QStringLiteral("  then the first hybrid ranking: %1 ms").arg(coldOpen->hybridRankMs.text(1)));
    report.set(QStringLiteral("cold_open"), coldOpen->toJson());

    const Result<WindowStartFigures> windowStart =
        measureWindowStart(QStringLiteral(ENCORE_WINDOW_PATH), realPath, workDir, plan.windowStartRuns);
    if (!windowStart)
        return fail(windowStart.error());
    report.line(QStringLiteral("window start to its first recommendations shown, %1-track library (offscreen):")
                    .arg(thousands(windowStart->tracks)));
    report.line(QStringLiteral("  %1 ms since process start").arg(windowStart->ms.text(0)));
    report.set(QStringLiteral("window_start"), windowStart->toJson());

    // 4, with 5 for the playlist.
    Result<PlaylistReadFigures> playlist =
        measurePlaylistRead(QStringLiteral(ENCORE_SHARED_DATA "/spotify-api"), plan.playlistTracks,
                            plan.playlistLatency, plan.playlistRuns);
    if (!playlist)
        return fail(playlist.error());
    report.line(QStringLiteral("reading a %1-track playlist (%2 pages of %3, %4 ms per response, %5 at a time):")
                    .arg(thousands(playlist->tracks))
                    .arg(playlist->pages)
                    .arg(playlist->pageSize)
                    .arg(playlist->latencyMs)
                    .arg(playlist->concurrency));
    report.line(QStringLiteral("  %1 ms; ideal %2 ms = %3; median %4 x ideal")
                    .arg(playlist->ms.text(0))
                    .arg(playlist->idealMs, 0, 'f', 0)
                    .arg(playlist->idealFormula)
                    .arg(playlist->ratioToIdeal(), 0, 'f', 2));
    report.line(QStringLiteral("  with no latency added (the fake server's and the client's own cost): %1 ms")
                    .arg(playlist->zeroLatencyMs.text(0)));
    report.set(QStringLiteral("playlist_read"), playlist->toJson());

    if (const Status reported = reportDiscover(report, plan, realPath, workDir); !reported)
        return fail(reported.error());

    if (const Status reported = reportCollection(report, plan, workDir); !reported)
        return fail(reported.error());

    report.line(QStringLiteral("longest event-loop stall of the GUI thread (probe every %1 ms), ms:")
                    .arg(StallProbe::kIntervalMs));
    report.line(QStringLiteral("  idle (floor)             %1").arg(rankingStall->idleMs.text(1)));
    report.line(QStringLiteral("  ranking %1 tracks content  %2")
                    .arg(thousands(generatedRanking->tracks), rankingStall->contentMs.text(1)));
    report.line(QStringLiteral("  ranking %1 tracks hybrid   %2")
                    .arg(thousands(generatedRanking->tracks), rankingStall->hybridMs.text(1)));
    report.line(QStringLiteral("  reading the playlist     %1").arg(playlist->stallMs.text(1)));
    report.set(QStringLiteral("gui_stall"),
               QJsonObject{{QStringLiteral("probe_interval_ms"), StallProbe::kIntervalMs},
                           {QStringLiteral("tracks"), generatedRanking->tracks},
                           {QStringLiteral("idle_ms"), rankingStall->idleMs.toJson()},
                           {QStringLiteral("ranking_content_ms"), rankingStall->contentMs.toJson()},
                           {QStringLiteral("ranking_hybrid_ms"), rankingStall->hybridMs.toJson()},
                           {QStringLiteral("playlist_read_ms"), playlist->stallMs.toJson()}});
    report.finish();
    return 0;
}
