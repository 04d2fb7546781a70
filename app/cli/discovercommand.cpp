#include "discovercommand.h"

#include "savedsignin.h"
#include "textoutput.h"

#include "discover/discovery.h"
#include "discover/spotifysearchbudget.h"
#include "export/jsonexport.h"
#include "export/tracklist.h"
#include "features/featurefiller.h"
#include "recommend/recommender.h"
#include "spotify/spotifytracklookup.h"
#include "storage/librarydb.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QHash>
#include <QNetworkAccessManager>

#include <cstdio>

#include <unistd.h>

namespace encore::cli {

namespace {

// The sources --sources names; nullopt, with the reason on stderr, for an unknown one.
std::optional<DiscoveryOptions> sourcesOrReport(const QString &names, Streams io)
{
    DiscoveryOptions options;
    options.reccoBeats = options.deezer = options.spotify = false;
    for (const QString &name : names.split(u',', Qt::SkipEmptyParts)) {
        const QString source = name.trimmed().toLower();
        if (source == QLatin1String("reccobeats")) {
            options.reccoBeats = true;
        } else if (source == QLatin1String("deezer")) {
            options.deezer = true;
        } else if (source == QLatin1String("spotify")) {
            options.spotify = true;
        } else {
            io.err << "--sources takes reccobeats, deezer and spotify, separated by commas, not \"" << name << "\".\n";
            return std::nullopt;
        }
    }
    if (!options.reccoBeats && !options.deezer) {
        io.err << "--sources names neither reccobeats nor deezer, which find the songs.\n";
        return std::nullopt;
    }
    return options;
}

// Runs the discovery to its end, with progress on a terminal.
DiscoveryOutcome discover(Discovery &discovery, const DiscoverySeed &seed, const DiscoveryOptions &options, Streams io)
{
    const bool tty = isatty(fileno(stderr)) != 0;
    if (tty)
        QObject::connect(&discovery, &Discovery::progress, &discovery, [io, &discovery] {
            QStringList each;
            for (const DiscoverySourceProgress &source : discovery.sourceProgress())
                each << QStringLiteral("%1 %2 of %3").arg(source.service).arg(source.done).arg(source.planned);
            restartLine(io.err);
            io.err << "Asking " << each.join(QStringLiteral(", ")) << Qt::flush;
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
FeatureFillSummary fillFeatures(const QString &libraryPath, const QStringList &trackIds, QNetworkAccessManager &network)
{
    FeatureFiller filler(libraryPath, nullptr, network);
    QEventLoop loop;
    QObject::connect(&filler, &FeatureFiller::finished, &loop, &QEventLoop::quit);
    filler.start(trackIds);
    loop.exec();
    return filler.summary();
}

// The songs `originsById` names, ranked against the seed by the hybrid method (in the spirit of
// `playlist` when given; against the whole playlist when the seed is one), each with where it
// came from added to why. Nothing, with the reason printed and `exitCode` set, when they could
// not be ranked.
std::optional<TrackList> rankFound(const LibraryDb &db, const DiscoverySeed &seed, const QString &playlist, int k,
                                   const QHash<QString, QStringList> &originsById, Streams io, int &exitCode)
{
    exitCode = ExitFailure;
    std::shared_ptr<const Catalog> loaded = loadCatalogOrReport(db, io);
    if (!loaded)
        return std::nullopt;
    const Recommender recommender(std::move(loaded), db.rankingCachePath());
    const Catalog &catalog = recommender.catalog();
    RankingRequest request;
    request.method = RankingMethod::Hybrid;
    request.k = k;
    request.seedRow = seed.isPlaylist() ? -1 : catalog.rowOf(seed.id);
    request.seedIsPlaylist = seed.isPlaylist();
    if (!playlist.isEmpty()) {
        const std::optional<int> index = findPlaylistOrReport(catalog, playlist, io);
        if (!index) {
            exitCode = ExitBadSeed;
            return std::nullopt;
        }
        request.playlistIndex = *index;
    }
    // Only the songs found now: what the services said of them explains where they came from.
    QHash<int, QStringList> originsOf;
    for (auto found = originsById.cbegin(); found != originsById.cend(); ++found)
        if (const int row = catalog.rowOf(found.key()); row >= 0)
            originsOf.insert(row, found.value());
    for (int row = 0; row < catalog.size(); ++row)
        if (!originsOf.contains(row))
            request.excludedRows.push_back(row);
    const Result<std::vector<Recommendation>> ranked = recommender.recommend(request);
    if (!ranked) {
        io.err << ranked.error().message << '\n';
        if (ranked.error().kind == ErrorKind::Unavailable)
            exitCode = ExitBadSeed;
        return std::nullopt;
    }
    TrackList list = recommendationList(recommender.catalogPtr(), request.seedRow, *ranked);
    for (TrackListEntry &entry : list.entries) {
        const QString origins = originsOf.value(entry.row).join(QStringLiteral("; "));
        entry.why = entry.why.isEmpty() ? origins : entry.why + QStringLiteral("; ") + origins;
    }
    return list;
}

// Searches Spotify, within the day's budget, for the songs of `list` found only on Deezer, and
// stores every answer: a song Spotify knows becomes its Spotify track. The Spotify id of each
// song found, by its former id; what happened goes to stderr.
QHash<QString, QString> findOnSpotify(SavedSignIn &signIn, LibraryDb &db, const TrackList &list, Streams io)
{
    std::vector<Track> deezerOnly;
    for (const TrackListEntry &entry : list.entries)
        if (const Track &track = list.catalog->track(entry.row); !deezerIdOf(track.id).isEmpty())
            deezerOnly.push_back(track);
    const int budget = SpotifySettings::dailySearchBudget(SpotifySettings::openDefault());
    const Result<SpotifySearchPlan> planned = SpotifySearchPlan::forLibrary(db, deezerOnly, budget);
    if (!planned) {
        io.err << planned.error().message << '\n';
        return {};
    }
    const SpotifySearchPlan &plan = *planned;

    QHash<QString, QString> found;
    int searches = 0;
    if (!plan.toAsk.empty()) {
        SpotifyTrackLookupJob *lookup = signIn.client().lookUpTracks(plan.toAsk);
        const bool failed = signIn.run(lookup).has_value();  // the reason is printed
        searches = lookup->searchesMade();
        const std::vector<SpotifySearchAnswer> answers =
            plan.answersTo(failed ? std::vector<std::optional<Track>>{} : lookup->result());
        for (const SpotifySearchAnswer &answer : answers)
            if (answer.found)
                found.insert(answer.song.id, answer.found->id);
        if (const Status stored = db.storeSpotifyMatches(answers, searches); !stored) {
            io.err << stored.error().message << '\n';
            return {};
        }
        if (!failed)
            io.err << "Spotify knows " << found.size() << " of the "
                   << countOf(qsizetype(plan.toAsk.size()), QStringLiteral("song"), QStringLiteral("songs"))
                   << " found only on Deezer that it was asked about.\n";
    }
    if (plan.overBudget > 0)
        io.err << countOf(plan.overBudget, QStringLiteral("song was"), QStringLiteral("songs were"))
               << " not searched for on Spotify: today's budget of searches is spent.\n";
    io.err << spotifyBudgetText(plan.searchesToday + searches, budget) << '\n';
    return found;
}

}  // namespace

int runDiscover(const QStringList &arguments, Streams io)
{
    quietLogging();
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Find songs like the seed from beyond the library (ReccoBeats' recommendations, and on\n"
                       "Deezer the top songs of the seed's artist and of related artists), keep them in the\n"
                       "library as discovered songs, and list them ranked against the seed, with where each\n"
                       "came from."));
    const QCommandLineOption seedOption = cli::seedOption();
    const QCommandLineOption playlistOption(
        QStringLiteral("playlist"),
        QStringLiteral("A playlist of the library (id or name): rank in its spirit; without --seed,\n"
                       "find songs like the whole playlist."),
        QStringLiteral("PLAYLIST"));
    const QCommandLineOption countOption(QStringLiteral("k"), QStringLiteral("How many songs to list (default 10)."),
                                         QStringLiteral("N"), QStringLiteral("10"));
    const QCommandLineOption sourcesOption(
        QStringLiteral("sources"),
        QStringLiteral("The services to ask (default reccobeats,deezer); add spotify to search there,\n"
                       "within a daily budget, for the listed songs found only on Deezer."),
        QStringLiteral("LIST"), QStringLiteral("reccobeats,deezer"));
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        QStringLiteral("Print a JSON array instead of a table."));
    parser.addOptions({seedOption, playlistOption, countOption, sourcesOption, jsonOption});
    if (const auto exit = parseOrExit(parser, arguments, io, Positionals::Refused))
        return *exit;
    if (!parser.isSet(seedOption) && !parser.isSet(playlistOption)) {
        io.err << "Name the seed song with --seed, or a playlist with --playlist.\n";
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
    const QString playlist = parser.value(playlistOption);
    const std::optional<int> playlistIndex =
        playlist.isEmpty() ? std::optional<int>(-1) : findPlaylistOrReport(*before, playlist, io);
    if (!playlistIndex)
        return ExitBadSeed;
    DiscoverySeed seed;
    if (parser.isSet(seedOption)) {
        const std::optional<int> seedRow = findSeedOrReport(*before, parser.value(seedOption), io);
        if (!seedRow)
            return ExitBadSeed;
        seed = DiscoverySeed::ofTrack(before->track(*seedRow));
    } else {
        seed = DiscoverySeed::ofPlaylist(*before, *playlistIndex);
        if (seed.tracks.empty()) {
            io.err << "The playlist \"" << seed.name << "\" holds no song to ask about.\n";
            return ExitBadSeed;
        }
    }
    std::optional<SavedSignIn> signIn;
    if (options->spotify) {
        signIn.emplace(io);
        if (const auto exit = signIn->restore())
            return *exit;
    }

    QNetworkAccessManager network;
    Discovery discovery(network, *endpoints);
    const DiscoveryOutcome outcome = discover(discovery, seed, *options, io);
    std::vector<Candidate> found = discovery.pool().candidates();
    if (found.empty()) {
        io.err
            << (outcome.complete() ? QStringLiteral("The services know no songs like this seed.") : outcome.message())
            << '\n';
        return outcome.complete() ? ExitOk : ExitFailure;
    }
    matchToLibrary(*before, found);
    before.reset();
    if (const Status stored = db->storeDiscoveries(seed.id, found); !stored) {
        io.err << stored.error().message << '\n';
        return ExitFailure;
    }
    QHash<QString, QStringList> originsById;
    for (const Candidate &candidate : found)
        if (const QString id = discoveredTrackId(candidate); !id.isEmpty())
            for (const DiscoveryOrigin &origin : candidate.origins)
                originsById[id] << origin.describe();
    FeatureFillSummary filled = fillFeatures(db->path(), originsById.keys(), network);

    int exitCode = ExitOk;
    std::optional<TrackList> list = rankFound(*db, seed, playlist, *k, originsById, io, exitCode);
    if (!list)
        return exitCode;
    if (signIn) {
        // The songs Spotify knows are now its tracks: ReccoBeats can give their features.
        const QHash<QString, QString> onSpotify = findOnSpotify(*signIn, *db, *list, io);
        QStringList spotifyIds;
        for (auto match = onSpotify.cbegin(); match != onSpotify.cend(); ++match) {
            originsById.insert(match.value(), originsById.take(match.key()));
            spotifyIds << match.value();
        }
        if (!spotifyIds.isEmpty()) {
            filled = fillFeatures(db->path(), spotifyIds, network);
            list = rankFound(*db, seed, playlist, *k, originsById, io, exitCode);
            if (!list)
                return exitCode;
        }
    }

    if (parser.isSet(jsonOption)) {
        io.out << exportJson(*list);
    } else {
        const Track &first = seed.tracks.front();
        io.out << "Seed: "
               << oneLine(seed.isPlaylist() ? QStringLiteral("the playlist %1").arg(seed.name)
                                            : QStringLiteral("%1 by %2").arg(first.name, first.artistsText()))
               << '\n';
        io.out << trackListTable(*list);
        const qsizetype ranked = qsizetype(list->entries.size());
        const qsizetype unranked = originsById.size() - ranked;
        if (unranked > 0 && ranked < *k)
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
