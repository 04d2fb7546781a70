#include "discovercommand.h"

#include "textoutput.h"

#include "discover/discovery.h"
#include "export/jsonexport.h"
#include "export/tracklist.h"
#include "features/featurefiller.h"
#include "recommend/recommender.h"
#include "storage/librarydb.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QHash>
#include <QLoggingCategory>
#include <QNetworkAccessManager>

#include <cstdio>

#include <unistd.h>

namespace encore::cli {

namespace {

// The sources --sources names; nullopt, with the reason on stderr, for an unknown one.
std::optional<DiscoveryOptions> sourcesOrReport(const QString &names, Streams io)
{
    DiscoveryOptions options;
    options.reccoBeats = options.deezer = false;
    for (const QString &name : names.split(u',', Qt::SkipEmptyParts)) {
        const QString source = name.trimmed().toLower();
        if (source == QLatin1String("reccobeats")) {
            options.reccoBeats = true;
        } else if (source == QLatin1String("deezer")) {
            options.deezer = true;
        } else {
            io.err << "--sources takes reccobeats and deezer, separated by commas, not \"" << name << "\".\n";
            return std::nullopt;
        }
    }
    if (!options.reccoBeats && !options.deezer) {
        io.err << "--sources names no source.\n";
        return std::nullopt;
    }
    return options;
}

// Runs the discovery to its end, with progress on a terminal.
DiscoveryOutcome discover(Discovery &discovery, const Track &seed, const DiscoveryOptions &options, Streams io)
{
    const bool tty = isatty(fileno(stderr)) != 0;
    if (tty)
        QObject::connect(&discovery, &Discovery::progress, &discovery, [io](int done, int total) {
            restartLine(io.err);
            io.err << "Asking ReccoBeats and Deezer: " << done << " of " << total << Qt::flush;
        });
    DiscoveryOutcome outcome;
    QEventLoop loop;
    QObject::connect(&discovery, &Discovery::finished, &loop, [&](const DiscoveryOutcome &ended) {
        outcome = ended;
        loop.quit();
    });
    discovery.start(seed, options);
    loop.exec();
    if (tty)
        restartLine(io.err);
    return outcome;
}

// Fills the features of `trackIds` through the providers chain; the services it could not ask.
FeatureFillSummary fillFeatures(const QString &libraryPath, const QStringList &trackIds,
                                QNetworkAccessManager &network)
{
    FeatureFiller filler(libraryPath, nullptr, network);
    QEventLoop loop;
    QObject::connect(&filler, &FeatureFiller::finished, &loop, &QEventLoop::quit);
    filler.start(trackIds);
    loop.exec();
    return filler.summary();
}

}  // namespace

int runDiscover(const QStringList &arguments, Streams io)
{
    QLoggingCategory::setFilterRules(QStringLiteral(
        "encore.*.debug=false\nencore.*.info=false\nencore.*.warning=false"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Find songs like the seed from beyond the library (ReccoBeats' recommendations, and on\n"
        "Deezer the top songs of the seed's artist and of related artists), keep them in the\n"
        "library as discovered songs, and list them ranked against the seed, with where each\n"
        "came from."));
    const QCommandLineOption seedOption = cli::seedOption();
    const QCommandLineOption playlistOption(
        QStringLiteral("playlist"), QStringLiteral("A playlist of the library (id or name): rank in its spirit."),
        QStringLiteral("PLAYLIST"));
    const QCommandLineOption countOption(QStringLiteral("k"), QStringLiteral("How many songs to list (default 10)."),
                                         QStringLiteral("N"), QStringLiteral("10"));
    const QCommandLineOption sourcesOption(
        QStringLiteral("sources"), QStringLiteral("The services to ask (default reccobeats,deezer)."),
        QStringLiteral("LIST"), QStringLiteral("reccobeats,deezer"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Print a JSON array instead of a table."));
    parser.addOptions({seedOption, playlistOption, countOption, sourcesOption, jsonOption});
    if (const auto exit = parseOrExit(parser, arguments, io, Positionals::Refused))
        return *exit;
    if (!parser.isSet(seedOption)) {
        io.err << "Name the seed song with --seed.\n";
        return ExitFailure;
    }
    const std::optional<int> k = songCountOrReport(parser, countOption, io);
    if (!k)
        return ExitFailure;
    const std::optional<DiscoveryOptions> options = sourcesOrReport(parser.value(sourcesOption), io);
    if (!options)
        return ExitFailure;
    const Result<FeatureEndpoints> endpoints = FeatureEndpoints::fromEnvironment();
    if (!endpoints) {
        io.err << endpoints.error().message << '\n';
        return ExitFailure;
    }

    const std::unique_ptr<LibraryDb> db = openLibrary(io);
    if (!db)
        return ExitFailure;
    std::shared_ptr<const Catalog> before = loadCatalogOrReport(*db, io);
    if (!before)
        return ExitFailure;
    const std::optional<int> seedRow = findSeedOrReport(*before, parser.value(seedOption), io);
    if (!seedRow)
        return ExitBadSeed;
    const Track seed = before->track(*seedRow);

    QNetworkAccessManager network;
    Discovery discovery(network, *endpoints);
    const DiscoveryOutcome outcome = discover(discovery, seed, *options, io);
    std::vector<Candidate> found = discovery.pool().candidates();
    if (found.empty()) {
        io.err << (outcome.complete() ? QStringLiteral("The services know no songs like this seed.") : outcome.message())
               << '\n';
        return outcome.complete() ? ExitOk : ExitFailure;
    }
    matchToLibrary(*before, found);
    before.reset();
    if (const Status stored = db->storeDiscoveries(seed.id, found); !stored) {
        io.err << stored.error().message << '\n';
        return ExitFailure;
    }
    QStringList foundIds;
    for (const Candidate &candidate : found)
        if (const QString id = discoveredTrackId(candidate); !id.isEmpty())
            foundIds << id;
    const FeatureFillSummary filled = fillFeatures(db->path(), foundIds, network);

    std::shared_ptr<const Catalog> loaded = loadCatalogOrReport(*db, io);
    if (!loaded)
        return ExitFailure;
    const Recommender recommender(std::move(loaded), db->rankingCachePath());
    const Catalog &catalog = recommender.catalog();
    RankingRequest request;
    request.method = RankingMethod::Hybrid;
    request.k = *k;
    request.seedRow = catalog.rowOf(seed.id);
    if (parser.isSet(playlistOption)) {
        const std::optional<int> playlist = findPlaylistOrReport(catalog, parser.value(playlistOption), io);
        if (!playlist)
            return ExitBadSeed;
        request.playlistIndex = *playlist;
    }
    // Only the songs found now: what the services said of them explains where they came from.
    QHash<int, QStringList> originsOf;
    for (const Candidate &candidate : found) {
        const int row = catalog.rowOf(discoveredTrackId(candidate));
        for (const DiscoveryOrigin &origin : candidate.origins)
            if (row >= 0)
                originsOf[row] << origin.describe();
    }
    for (int row = 0; row < catalog.size(); ++row)
        if (!originsOf.contains(row))
            request.excludedRows.push_back(row);
    const Result<std::vector<Recommendation>> ranked = recommender.recommend(request);
    if (!ranked) {
        io.err << ranked.error().message << '\n';
        return ranked.error().kind == ErrorKind::Unavailable ? ExitBadSeed : ExitFailure;
    }

    TrackList list = recommendationList(recommender.catalogPtr(), request.seedRow, *ranked);
    for (TrackListEntry &entry : list.entries) {
        const QString origins = originsOf.value(entry.row).join(QStringLiteral("; "));
        entry.why = entry.why.isEmpty() ? origins : entry.why + QStringLiteral("; ") + origins;
    }
    if (parser.isSet(jsonOption)) {
        io.out << exportJson(list);
    } else {
        io.out << "Seed: " << oneLine(seed.name + QStringLiteral(" by ") + seed.artistsText()) << '\n';
        io.out << trackListTable(list);
        const qsizetype unranked = originsOf.size() - qsizetype(ranked->size());
        if (unranked > 0 && qsizetype(ranked->size()) < *k)
            io.out << countOf(unranked, QStringLiteral("more song was"), QStringLiteral("more songs were"))
                   << " found with no audio features yet.\n";
    }
    if (!outcome.complete())
        io.err << outcome.message() << '\n';
    if (!filled.unreachable.isEmpty() || !filled.limited.isEmpty())
        io.err << unansweredMessage(filled.unreachable, filled.limited) << '\n';
    return ExitOk;
}

}  // namespace encore::cli
