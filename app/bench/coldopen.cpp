#include "coldopen.h"

#include "catalog/catalog.h"
#include "library/libraryjobs.h"
#include "recommend/recommender.h"
#include "storage/librarydb.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QProcess>

namespace encore::bench {

QJsonObject ColdOpenFigures::toJson() const
{
    return QJsonObject{{QStringLiteral("tracks"), tracks},
                       {QStringLiteral("store_s"), storeSeconds},
                       {QStringLiteral("first_load_s"), firstLoadSeconds},
                       {QStringLiteral("first_use_s"), storeSeconds + firstLoadSeconds},
                       {QStringLiteral("ms"), ms.toJson()},
                       {QStringLiteral("peak_rss_mb"), peakRssMb.toJson()},
                       {QStringLiteral("open_ms"), openMs.toJson()},
                       {QStringLiteral("load_ms"), loadMs.toJson()},
                       {QStringLiteral("build_ms"), buildMs.toJson()},
                       {QStringLiteral("rank_ms"), rankMs.toJson()},
                       {QStringLiteral("hybrid_rank_ms"), hybridRankMs.toJson()}};
}

Result<ColdOpenFigures> measureColdOpen(const QString &child, const QString &csvPath, const QString &libraryPath,
                                        int runs)
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
        // The first start after the import: it maps the snapshot the import left (or reads the
        // tables), builds the ranking cache and ranks as the window does by default.
        const Recommender first(std::make_shared<const Catalog>(std::move(loaded).value()), (*db)->rankingCachePath());
        RankingRequest request;
        request.seedRow = 0;
        request.method = RankingMethod::Hybrid;
        if (const Result<std::vector<Recommendation>> ranked = first.recommend(request); !ranked)
            return ranked.error();
        figures.firstLoadSeconds = static_cast<double>(clock.nsecsElapsed()) / 1e9;
    }
    for (int run = 0; run < runs; ++run) {
        QProcess process;
        process.start(child, {libraryPath});
        if (!process.waitForFinished(300000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
            return Error{ErrorKind::Io,
                         QStringLiteral("The cold-open child failed: %1")
                             .arg(QString::fromUtf8(process.readAllStandardError()).trimmed())};
        const QJsonObject report = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
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

}  // namespace encore::bench
