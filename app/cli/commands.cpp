#include "commands.h"

#include "spotifycommands.h"
#include "textoutput.h"

#include "catalog/startercatalog.h"
#include "export/exportfile.h"
#include "export/jsonexport.h"
#include "recommend/recommender.h"
#include "recommend/seedlookup.h"
#include "storage/librarydb.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QNetworkAccessManager>

#include <cstdio>
#include <memory>

#include <unistd.h>

namespace encore::cli {

namespace {

// Says on stderr that another Encore holds the library, then every few seconds how long this one
// has waited; Ctrl+C stops waiting, and nothing is lost then since nothing was written yet.
WriterWait reportWaiting(Streams io)
{
    constexpr qint64 kReportEveryMs = 5000;
    return [io, reported = qint64(-1)](qint64 waitedMs, bool acquired) mutable {
        if (acquired) {
            io.err << "The other import is done; saving.\n";
        } else if (reported < 0) {
            io.err << "Another Encore is importing into the library; waiting for it to finish (Ctrl+C stops).\n";
            reported = 0;
        } else if (waitedMs - reported >= kReportEveryMs) {
            reported = waitedMs;
            io.err << "Still waiting for the other Encore (" << waitedMs / 1000 << " s)…\n";
        }
        io.err.flush();
        return true;
    };
}

// False, with the reason on stderr, when the suffix of `path` names no format Encore writes.
bool exportableOrReport(const QString &path, Streams io)
{
    const Result<ExportFormat> format = exportFormatOf(path);
    if (!format)
        io.err << format.error().message << '\n';
    return format.ok();
}

QString tracks(qint64 count)
{
    return countOf(count, QStringLiteral("track"), QStringLiteral("tracks"));
}

QString playlists(qint64 count)
{
    return countOf(count, QStringLiteral("playlist"), QStringLiteral("playlists"));
}

// Imports one file and reports it; false when the file could not be imported at all.
bool importAndReport(LibraryDb &db, const QString &path, Streams io, bool quiet)
{
    const bool standardInput = path == QLatin1String("-");
    // A big catalog or a collection of slices takes minutes: on a terminal, show how far it is.
    ImportProgress showProgress;
    int shownPercent = -1;
    if (!quiet && isatty(fileno(stderr)) != 0) {
        showProgress = [&](qint64 done, qint64 total) {
            const int percent = total > 0 ? int(done * 100 / total) : 0;
            if (percent != shownPercent) {
                shownPercent = percent;
                restartLine(io.err);
                io.err << "Importing " << QDir::toNativeSeparators(path) << ": " << percent << '%' << Qt::flush;
            }
            return true;
        };
    }
    Result<ImportSummary> summary =
        importCatalogFile(db, standardInput ? QStringLiteral("/dev/stdin") : path, showProgress, reportWaiting(io));
    if (showProgress)
        restartLine(io.err);
    if (!summary) {
        io.err << summary.error().message << '\n';
        return false;
    }
    const QString name = standardInput ? QStringLiteral("stdin") : QDir::toNativeSeparators(path);
    // A JSON collection has no lines to point at: its reasons name the place.
    const auto where = [&name](qint64 line) { return line > 0 ? name + u':' + QString::number(line) : name; };
    for (const RejectedRow &row : summary->rejected)
        io.err << where(row.line) << ": skipped: " << row.reason << '\n';
    for (const ValueNote &note : summary->valuesLeftOut)
        io.err << where(note.line) << ": left unknown: " << note.reason << '\n';
    if (quiet)
        return true;
    if (summary->alreadyImported && summary->partsTotal > 0) {
        io.out << name << ": already in the library (" << playlists(summary->playlists) << " in "
               << countOf(summary->partsTotal, QStringLiteral("slice file"), QStringLiteral("slice files")) << ")\n";
    } else if (summary->alreadyImported) {
        io.out << name << ": already in the library (" << tracks(summary->tracks) << ", "
               << playlists(summary->playlists) << ")\n";
    } else {
        io.out << name << ": " << tracks(summary->tracks) << ", " << playlists(summary->playlists) << ", "
               << countOf(summary->rowsRead, QStringLiteral("row"), QStringLiteral("rows")) << " read, "
               << formatCount(qint64(summary->rejected.size())) << " skipped";
        if (!summary->valuesLeftOut.empty())
            io.out << ", "
                   << countOf(qint64(summary->valuesLeftOut.size()), QStringLiteral("row"), QStringLiteral("rows"))
                   << " with values out of range left unknown";
        io.out << '\n';
    }
    for (const ImportSummary::ShrunkPlaylist &playlist : summary->shrunk)
        io.out << name << ": playlist \"" << playlist.name << "\" now has " << tracks(playlist.after) << " instead of "
               << formatCount(playlist.before) << ": the skipped rows are not in it\n";
    return true;
}

// Downloads the starter catalog, with progress on stderr, and imports it; false when it could
// not be had.
bool importStarterCatalog(LibraryDb &db, Streams io)
{
    const Result<QUrl> url = StarterCatalog::url();
    if (!url) {
        io.err << url.error().message << '\n';
        return false;
    }
    QNetworkAccessManager network;
    StarterCatalogDownload download(network, *url);
    QEventLoop loop;
    bool finished = false;
    qint64 shownMegabytes = -1;
    QObject::connect(&download, &StarterCatalogDownload::progress, [&](qint64 received, qint64 total) {
        if (received / 1'000'000 == shownMegabytes)
            return;
        shownMegabytes = received / 1'000'000;
        io.err << "Downloading the starter catalog: " << shownMegabytes << " MB";
        if (total > 0)
            io.err << " of " << (total + 500'000) / 1'000'000 << " MB";
        io.err << Qt::endl;
    });
    QObject::connect(&download, &StarterCatalogDownload::finished, &loop, [&] {
        finished = true;
        loop.quit();
    });
    download.start();
    if (!finished)
        loop.exec();
    if (download.error()) {
        io.err << download.error()->message
               << "\nencore-cli import FILE imports a catalog file you "
                  "already have.\n";
        return false;
    }
    return importAndReport(db, download.filePath(), io, false);
}

// "Title - Artists (id)"; with `withAlbum`, the album and year too, to tell copies apart.
QString describeTrack(const Track &track, bool withAlbum = false)
{
    QString text = track.name + QStringLiteral(" - ") + track.artistsText();
    if (withAlbum && !track.album.isEmpty()) {
        text += QStringLiteral(", on ") + track.album;
        if (track.releaseDate.isValid())
            text += QStringLiteral(" (%1)").arg(track.releaseDate.yearValue());
    }
    return oneLine(text + QStringLiteral(" [") + track.id + u']');
}

// Writes `list` to `path` (the format from its suffix) and says so; the exit status.
int writeOrReport(const QString &path, const TrackList &list, Streams io)
{
    if (const Status written = writeTrackList(path, list); !written) {
        io.err << written.error().message << '\n';
        return ExitFailure;
    }
    io.out << "Wrote " << countOf(qint64(list.entries.size()), QStringLiteral("song"), QStringLiteral("songs"))
           << " to " << QDir::toNativeSeparators(path) << '\n';
    return ExitOk;
}

// Prints the ranking as a table or JSON, or writes it to `outputPath` when there is one.
int printRecommendations(const Recommender &recommender, const RankingRequest &request,
                         const std::vector<Recommendation> &ranked, bool json, const QString &outputPath, Streams io)
{
    const Catalog &catalog = recommender.catalog();
    const int seedRow = request.seedIsPlaylist ? -1 : request.seedRow;
    if (!outputPath.isEmpty())
        return writeOrReport(outputPath, recommendationList(recommender.catalogPtr(), seedRow, ranked), io);
    if (json) {
        io.out << exportJson(recommendationList(recommender.catalogPtr(), seedRow, ranked));
        return ExitOk;
    }
    if (request.seedIsPlaylist) {
        const Playlist &playlist = catalog.playlists()[static_cast<std::size_t>(request.playlistIndex)];
        io.out << "Seed: the playlist " << playlist.name << " [" << playlist.id << "]\n";
    } else {
        io.out << "Seed: " << describeTrack(catalog.track(seedRow)) << '\n';
    }
    io.out << trackListTable(recommendationList(recommender.catalogPtr(), seedRow, ranked));
    return ExitOk;
}

// The seed of `request` as a saved playlist describes it.
SaveSeed saveSeedOf(const Catalog &catalog, const RankingRequest &request, const QString &methodName)
{
    SaveSeed seed;
    seed.methodName = methodName;
    seed.isPlaylist = request.seedIsPlaylist;
    if (request.seedIsPlaylist) {
        seed.title = catalog.playlists()[static_cast<std::size_t>(request.playlistIndex)].name;
    } else {
        const Track track = catalog.track(request.seedRow);
        seed.title = track.name;
        seed.artists = track.artistsText();
    }
    return seed;
}

// The help, its usage line naming the command as main() put it first in `arguments`
// ("encore-cli import") where QCommandLineParser puts the program's path.
QString helpFor(const QCommandLineParser &parser, const QStringList &arguments)
{
    const QString usage = QStringLiteral("Usage: ");
    QString text = parser.helpText();
    if (text.startsWith(usage + QCoreApplication::arguments().constFirst()))
        text.replace(usage.size(), QCoreApplication::arguments().constFirst().size(), arguments.constFirst());
    return text;
}

}  // namespace

QCommandLineOption seedOption()
{
    return QCommandLineOption(
        QStringLiteral("seed"),
        QStringLiteral("Track id, spotify:track: URI, open.spotify.com link, or \"Title - Artist\"."),
        QStringLiteral("SEED"));
}

void quietLogging()
{
    QLoggingCategory::setFilterRules(
        QStringLiteral("encore.*.debug=false\nencore.*.info=false\nencore.*.warning=false"));
}

std::optional<int> songCountOrReport(const QCommandLineParser &parser, const QCommandLineOption &count, Streams io)
{
    bool ok = false;
    const int k = parser.value(count).toInt(&ok);
    if (ok && k >= 1)
        return k;
    io.err << "-k takes a whole number of songs, 1 or more.\n";
    return std::nullopt;
}

std::unique_ptr<LibraryDb> openLibrary(Streams io)
{
    Result<std::unique_ptr<LibraryDb>> db = LibraryDb::open(LibraryDb::defaultPath());
    if (!db) {
        io.err << db.error().message << '\n';
        return nullptr;
    }
    if ((*db)->isReadOnly())
        io.err << (*db)->readOnlyNotice() << '\n';
    return std::move(db).value();
}

std::shared_ptr<const Catalog> loadCatalogOrReport(const LibraryDb &db, Streams io)
{
    Result<Catalog> loaded = db.loadCatalog();
    if (!loaded) {
        io.err << loaded.error().message << '\n';
        return nullptr;
    }
    if (loaded->isEmpty()) {
        io.err << "The library is empty: import a catalog first (encore-cli import FILE).\n";
        return nullptr;
    }
    return std::make_shared<const Catalog>(std::move(loaded).value());
}

std::optional<int> findPlaylistOrReport(const Catalog &catalog, const QString &text, Streams io)
{
    const QString wanted = text.trimmed();
    const int byId = catalog.playlistIndexOf(wanted);
    if (byId >= 0)
        return byId;
    std::vector<int> byName;
    for (int p = 0; p < catalog.playlistCount(); ++p)
        if (normalizedText(catalog.playlists()[static_cast<std::size_t>(p)].name) == normalizedText(wanted))
            byName.push_back(p);
    if (byName.size() == 1)
        return byName.front();
    if (byName.empty()) {
        io.err << "No playlist in the library is called \"" << text << "\".\n";
    } else {
        io.err << "\"" << text << "\" names " << byName.size() << " playlists; name one by its id:\n";
        for (int p : byName) {
            const Playlist &playlist = catalog.playlists()[static_cast<std::size_t>(p)];
            io.err << "  " << playlist.name << " [" << playlist.id << "]\n";
        }
    }
    return std::nullopt;
}

std::optional<int> findSeedOrReport(const Catalog &catalog, const QString &seedText, Streams io)
{
    const SeedLookup seed = findSeed(catalog, seedText);
    if (seed.outcome == SeedLookup::Outcome::NotFound) {
        io.err << "No song in the library matches \"" << seedText << "\".\n";
        return std::nullopt;
    }
    if (seed.outcome == SeedLookup::Outcome::Ambiguous) {
        io.err << "\"" << seedText << "\" matches " << seed.rows.size() << " songs; name one by its track id:\n";
        for (int row : seed.rows)
            io.err << "  " << describeTrack(catalog.track(row), true) << '\n';
        return std::nullopt;
    }
    return seed.rows.front();
}

std::optional<int> parseOrExit(QCommandLineParser &parser, const QStringList &arguments, Streams io,
                               Positionals positionals)
{
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help."));
    parser.addOption(help);
    if (!parser.parse(arguments)) {
        io.err << parser.errorText() << "\n\n" << helpFor(parser, arguments);
        return ExitFailure;
    }
    if (parser.isSet(help)) {
        io.out << helpFor(parser, arguments);
        return ExitOk;
    }
    if (positionals == Positionals::Refused && !parser.positionalArguments().isEmpty()) {
        io.err << "Unexpected argument \"" << parser.positionalArguments().constFirst() << "\".\n\n"
               << helpFor(parser, arguments);
        return ExitFailure;
    }
    return std::nullopt;
}

int runImport(const QStringList &arguments, Streams io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Add catalog files to the library."));
    parser.addPositionalArgument(
        QStringLiteral("FILE"),
        QStringLiteral("A catalog: .csv or .csv.gz with a header row; a pipe, or - for standard input; a Million "
                       "Playlist collection: its folder of mpd.slice.*.json files, or one slice."),
        QStringLiteral("[FILE...]"));
    const QCommandLineOption starterOption(
        QStringLiteral("starter"),
        QStringLiteral("Download the starter catalog (TidyTuesday's 28,356 songs from 471 Spotify "
                       "playlists, about 8 MB) and import it."));
    parser.addOption(starterOption);
    if (const auto exit = parseOrExit(parser, arguments, io))
        return *exit;
    if (parser.positionalArguments().isEmpty() && !parser.isSet(starterOption)) {
        io.err << "Name at least one catalog file to import, or --starter.\n";
        return ExitFailure;
    }

    const std::unique_ptr<LibraryDb> db = openLibrary(io);
    if (!db)
        return ExitFailure;
    bool allImported = !parser.isSet(starterOption) || importStarterCatalog(*db, io);
    for (const QString &path : parser.positionalArguments())
        allImported = importAndReport(*db, path, io, false) && allImported;
    io.out << "Library: " << tracks(db->trackCount()) << " in " << QDir::toNativeSeparators(db->path()) << '\n';
    return allImported ? ExitOk : ExitFailure;
}

int runRecommend(const QStringList &arguments, Streams io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Rank the library's songs against a seed."));
    const QCommandLineOption seedOption = cli::seedOption();
    const QCommandLineOption catalogOption(
        QStringLiteral("catalog"),
        QStringLiteral("Import this catalog first (nothing happens if it is already there)."), QStringLiteral("FILE"));
    const QCommandLineOption countOption(QStringLiteral("k"), QStringLiteral("How many songs to list (default 10)."),
                                         QStringLiteral("N"), QStringLiteral("10"));
    const QCommandLineOption playlistOption(
        QStringLiteral("playlist"),
        QStringLiteral("A playlist of the library (id or name): with --seed, rank in its spirit; "
                       "alone, rank against the whole playlist (hybrid only)."),
        QStringLiteral("PLAYLIST"));
    const QCommandLineOption methodOption(QStringLiteral("method"),
                                          QStringLiteral("hybrid, content or tutorial (default hybrid)."),
                                          QStringLiteral("METHOD"), QStringLiteral("hybrid"));
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        QStringLiteral("Print a JSON array instead of a table."));
    const QCommandLineOption outputOption(
        QStringLiteral("output"),
        QStringLiteral("Write the songs to FILE instead: .csv (Exportify's layout), .m3u8 or .json."),
        QStringLiteral("FILE"));
    const QCommandLineOption saveOption(
        QStringLiteral("save-to-spotify"),
        QStringLiteral("Save the list as a new playlist of this name in your Spotify account (private "
                       "unless --public)."),
        QStringLiteral("NAME"));
    const QCommandLineOption publicOption(QStringLiteral("public"),
                                          QStringLiteral("Make the new Spotify playlist public."));
    const QCommandLineOption addToOption(
        QStringLiteral("add-to"),
        QStringLiteral("Add the list to one of your Spotify playlists (id, URI, link or name)."),
        QStringLiteral("PLAYLIST"));
    parser.addOptions({seedOption, playlistOption, catalogOption, countOption, methodOption, jsonOption, outputOption,
                       saveOption, publicOption, addToOption});
    if (const auto exit = parseOrExit(parser, arguments, io))
        return *exit;

    if (!parser.isSet(seedOption) && !parser.isSet(playlistOption)) {
        io.err << "Name a seed song with --seed, or a playlist with --playlist.\n";
        return ExitFailure;
    }
    const std::optional<int> k = songCountOrReport(parser, countOption, io);
    if (!k)
        return ExitFailure;
    const std::optional<RankingMethod> method = rankingMethodFromName(parser.value(methodOption));
    if (!method) {
        io.err << "--method is hybrid, content or tutorial, not \"" << parser.value(methodOption) << "\".\n";
        return ExitFailure;
    }
    if (parser.isSet(saveOption) && parser.isSet(addToOption)) {
        io.err << "Give either --save-to-spotify NAME or --add-to PLAYLIST, not both.\n";
        return ExitFailure;
    }
    if (parser.isSet(saveOption) && parser.value(saveOption).trimmed().isEmpty()) {
        io.err << "--save-to-spotify takes the new playlist's name.\n";
        return ExitFailure;
    }
    if (parser.isSet(publicOption) && !parser.isSet(saveOption)) {
        io.err << "--public goes with --save-to-spotify: it is for a new playlist.\n";
        return ExitFailure;
    }
    if (!parser.isSet(seedOption) && *method != RankingMethod::Hybrid) {
        io.err << "Only --method hybrid takes a whole playlist as the seed; name a song with --seed.\n";
        return ExitFailure;
    }
    const QString outputPath = parser.value(outputOption);
    if (parser.isSet(outputOption) && parser.isSet(jsonOption)) {
        io.err << "Give --json or --output, not both (--output FILE.json writes JSON).\n";
        return ExitFailure;
    }
    if (parser.isSet(outputOption) && !exportableOrReport(outputPath, io))
        return ExitFailure;

    const std::unique_ptr<LibraryDb> db = openLibrary(io);
    if (!db)
        return ExitFailure;
    if (parser.isSet(catalogOption) && !importAndReport(*db, parser.value(catalogOption), io, true))
        return ExitFailure;

    std::shared_ptr<const Catalog> loaded = loadCatalogOrReport(*db, io);
    if (!loaded)
        return ExitFailure;
    const Recommender recommender(std::move(loaded), db->rankingCachePath());
    const Catalog &catalog = recommender.catalog();

    RankingRequest request;
    request.k = *k;
    request.method = *method;
    if (parser.isSet(playlistOption)) {
        const std::optional<int> playlist = findPlaylistOrReport(catalog, parser.value(playlistOption), io);
        if (!playlist)
            return ExitBadSeed;
        request.playlistIndex = *playlist;
        request.seedIsPlaylist = !parser.isSet(seedOption);
    }
    if (!request.seedIsPlaylist) {
        const std::optional<int> seedRow = findSeedOrReport(catalog, parser.value(seedOption), io);
        if (!seedRow)
            return ExitBadSeed;
        request.seedRow = *seedRow;
    }

    const Result<std::vector<Recommendation>> ranked = recommender.recommend(request);
    if (!ranked) {
        io.err << ranked.error().message << '\n';
        return ranked.error().kind == ErrorKind::Unavailable ? ExitBadSeed : ExitFailure;
    }
    const bool json = parser.isSet(jsonOption);
    if (const int printed = printRecommendations(recommender, request, *ranked, json, outputPath, io);
        printed != ExitOk || (!parser.isSet(saveOption) && !parser.isSet(addToOption)))
        return printed;
    SpotifySaveRequest save;
    save.seed = saveSeedOf(catalog, request, parser.value(methodOption));
    save.newName = parser.value(saveOption).trimmed();
    save.isPublic = parser.isSet(publicOption);
    save.addTo = parser.value(addToOption).trimmed();
    std::vector<Track> tracks;
    for (const Recommendation &recommendation : *ranked)
        tracks.push_back(catalog.track(recommendation.row));
    return saveToSpotify(tracks, save, *db, json ? Streams{io.err, io.err} : io);
}

int runExport(const QStringList &arguments, Streams io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Write a playlist of the library to a file."));
    parser.addPositionalArgument(QStringLiteral("PLAYLIST"),
                                 QStringLiteral("A playlist of the library: its id or its name."));
    const QCommandLineOption outputOption(
        QStringLiteral("output"), QStringLiteral("The file to write: .csv (Exportify's layout), .m3u8 or .json."),
        QStringLiteral("FILE"));
    parser.addOption(outputOption);
    if (const auto exit = parseOrExit(parser, arguments, io))
        return *exit;
    if (parser.positionalArguments().size() != 1 || !parser.isSet(outputOption)) {
        io.err << "Name one playlist and the file to write: encore-cli export PLAYLIST --output FILE\n";
        return ExitFailure;
    }
    const QString outputPath = parser.value(outputOption);
    if (!exportableOrReport(outputPath, io))
        return ExitFailure;

    const std::unique_ptr<LibraryDb> db = openLibrary(io);
    if (!db)
        return ExitFailure;
    const std::shared_ptr<const Catalog> catalog = loadCatalogOrReport(*db, io);
    if (!catalog)
        return ExitFailure;
    const std::optional<int> playlist = findPlaylistOrReport(*catalog, parser.positionalArguments().constFirst(), io);
    if (!playlist)
        return ExitFailure;
    return writeOrReport(outputPath, playlistList(catalog, *playlist), io);
}

}  // namespace encore::cli
