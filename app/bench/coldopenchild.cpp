// encore-bench-coldopen LIBRARY: the child process of encore-bench's cold open. It opens a stored
// library, builds what ranking needs, ranks once and prints one JSON object (ms since its own
// start, peak resident memory, the phases); exit status 0 on success. A program of its own, linked
// as encore-cli is (the core alone), so that its start costs what a CLI run's does and not what
// the window's libraries add to encore-bench's.
#include "catalog/catalog.h"
#include "machine.h"
#include "queries.h"
#include "recommend/recommender.h"
#include "storage/librarydb.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

using namespace encore;
using namespace encore::bench;

namespace {

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

}  // namespace

int main(int argc, char *argv[])
{
    const QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() != 2) {
        QTextStream(stderr) << "Usage: encore-bench-coldopen LIBRARY\n";
        return 2;
    }
    return runColdOpenChild(arguments.at(1));
}
