// encore-bench-collection: the child processes of encore-bench's playlist-collection figures, one
// step each, so that each step's peak memory is its own. Prints one JSON object; exit status 0 on
// success.
//   import LIBRARY SOURCE   imports a catalog or a collection into the library
//   build LIBRARY           the first start after an import: reads the tables, builds what
//                           ranking needs and leaves both caches behind
//   rank LIBRARY QUERIES    a later start: from the caches to the first hybrid top-50, then
//                           QUERIES hybrid top-50 rankings for seeds with all features and as
//                           many for seeds without any
#include "catalog/catalog.h"
#include "machine.h"
#include "queries.h"
#include "recommend/recommender.h"
#include "storage/librarydb.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <random>

using namespace encore;
using namespace encore::bench;

namespace {

int print(const QJsonObject &report)
{
    QTextStream(stdout) << QJsonDocument(report).toJson(QJsonDocument::Compact) << '\n';
    return 0;
}

int failWith(const Error &error)
{
    QTextStream(stderr) << error.message << '\n';
    return 1;
}

int runImport(LibraryDb &db, const QString &source)
{
    QElapsedTimer clock;
    clock.start();
    const Result<ImportSummary> summary = importCatalogFile(db, source);
    if (!summary)
        return failWith(summary.error());
    return print({{QStringLiteral("ms"), msSince(clock)},
                  {QStringLiteral("peak_rss_mb"), peakResidentMb()},
                  {QStringLiteral("tracks"), summary->tracks},
                  {QStringLiteral("playlists"), summary->playlists}});
}

int runBuild(LibraryDb &db)
{
    QElapsedTimer clock;
    clock.start();
    Result<Catalog> catalog = db.loadCatalog();
    if (!catalog)
        return failWith(catalog.error());
    const double loadMs = msSince(clock);
    const double loadPeakRssMb = peakResidentMb();
    clock.restart();
    const auto shared = std::make_shared<const Catalog>(std::move(catalog).value());
    const Recommender recommender(shared, db.rankingCachePath());
    return print({{QStringLiteral("load_ms"), loadMs},
                  {QStringLiteral("load_peak_rss_mb"), loadPeakRssMb},
                  {QStringLiteral("build_ms"), msSince(clock)},
                  {QStringLiteral("peak_rss_mb"), peakResidentMb()},
                  {QStringLiteral("tracks"), shared->size()},
                  {QStringLiteral("playlists"), shared->playlistCount()}});
}

// `count` rows drawn with a fixed seed among those `wanted` accepts.
template <typename Wanted>
std::vector<int> seedsWhere(const Catalog &catalog, int count, Wanted wanted)
{
    std::vector<int> seeds;
    std::mt19937 random(7);
    std::uniform_int_distribution<int> pick(0, catalog.size() - 1);
    for (int tries = 0; static_cast<int>(seeds.size()) < count && tries < 1000 * count; ++tries) {
        const int row = pick(random);
        if (wanted(row))
            seeds.push_back(row);
    }
    return seeds;
}

int runRank(LibraryDb &db, int queries)
{
    Result<Catalog> catalog = db.loadCatalog();
    if (!catalog)
        return failWith(catalog.error());
    const auto shared = std::make_shared<const Catalog>(std::move(catalog).value());
    const Recommender recommender(shared, db.rankingCachePath());
    const auto &complete = shared->columns().complete;
    const std::vector<int> withFeatures =
        seedsWhere(*shared, queries + 1, [&](int row) { return complete[static_cast<std::size_t>(row)] != 0; });
    const std::vector<int> withoutFeatures =
        seedsWhere(*shared, queries, [&](int row) { return shared->features(row).isEmpty(); });
    if (withFeatures.empty() || !recommender.recommend(hybridRequest(withFeatures.front())))
        return failWith(Error{ErrorKind::NotFound, QStringLiteral("The library has no track with features.")});
    const double coldOpenMs = msSinceProcessStart();

    const auto timeEach = [&](std::span<const int> seeds) {
        QJsonArray ms;
        for (int seed : seeds) {
            QElapsedTimer clock;
            clock.start();
            if (!recommender.recommend(hybridRequest(seed)))
                return QJsonArray();
            ms.push_back(msSince(clock));
        }
        return ms;
    };
    const QJsonArray withMs = timeEach(std::span(withFeatures).subspan(1));
    const QJsonArray withoutMs = timeEach(withoutFeatures);
    return print({{QStringLiteral("cold_open_ms"), coldOpenMs},
                  {QStringLiteral("peak_rss_mb"), peakResidentMb()},
                  {QStringLiteral("with_features_ms"), withMs},
                  {QStringLiteral("without_features_ms"), withoutMs}});
}

}  // namespace

int main(int argc, char *argv[])
{
    const QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    const QString step = arguments.value(1);
    const bool known = (step == QLatin1String("import") && arguments.size() == 4)
        || (step == QLatin1String("build") && arguments.size() == 3)
        || (step == QLatin1String("rank") && arguments.size() == 4);
    if (!known) {
        QTextStream(stderr) << "Usage: encore-bench-collection import LIBRARY SOURCE | build LIBRARY"
                               " | rank LIBRARY QUERIES\n";
        return 2;
    }
    Result<std::unique_ptr<LibraryDb>> db = LibraryDb::open(arguments.at(2));
    if (!db)
        return failWith(db.error());
    if (step == QLatin1String("import"))
        return runImport(**db, arguments.at(3));
    if (step == QLatin1String("build"))
        return runBuild(**db);
    return runRank(**db, arguments.at(3).toInt());
}
