#include "coldopen.h"

#include "catalog/catalog.h"
#include "library/libraryjobs.h"
#include "recommend/recommender.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QProcess>

namespace encore::bench {

QJsonObject ColdOpenFigures::toJson() const
{
    return QJsonObject{{QStringLiteral("tracks"), tracks},
                       {QStringLiteral("store_s"), storeSeconds},
                       {QStringLiteral("first_load_s"), firstLoadSeconds},
                       {QStringLiteral("first_use_s"), firstUseSeconds},
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
        const auto rankFirst = [](const Recommender &recommender) -> Status {
            RankingRequest request;
            request.seedRow = 0;
            request.method = RankingMethod::Hybrid;
            if (const Result<std::vector<Recommendation>> ranked = recommender.recommend(request); !ranked)
                return ranked.error();
            return success();
        };
        QElapsedTimer clock;
        clock.start();
        // As the window does: its import job hands out a provisional library while it stores, and
        // the stored one after (loaded with the snapshot the import left, building the ranking cache).
        std::optional<double> provisionalSeconds;
        Status provisionalRanked = success();
        ImportProgressState progress;
        ImportOutcome imported =
            importIntoLibrary(libraryPath, csvPath, progress, [&](const ProvisionalLibrary &provisional) {
                provisionalRanked = rankFirst(*provisional.snapshot.recommender);
                provisionalSeconds = static_cast<double>(clock.nsecsElapsed()) / 1e9;
            });
        if (imported.error)
            return *imported.error;
        if (!provisionalRanked)
            return provisionalRanked.error();
        if (!provisionalSeconds)
            return Error{ErrorKind::NotFound,
                         QStringLiteral("The import into an empty library handed out nothing to rank.")};
        figures.storeSeconds = static_cast<double>(clock.nsecsElapsed()) / 1e9;
        figures.tracks = imported.snapshot.catalog->size();
        clock.restart();
        if (const Status ranked = rankFirst(*imported.snapshot.recommender); !ranked)
            return ranked.error();
        figures.firstLoadSeconds = static_cast<double>(clock.nsecsElapsed()) / 1e9;
        figures.firstUseSeconds = *provisionalSeconds;
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
