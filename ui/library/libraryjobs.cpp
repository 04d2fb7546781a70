#include "libraryjobs.h"

namespace encore {

LibrarySnapshot makeSnapshot(std::shared_ptr<const Catalog> catalog, const QString &rankingCachePath)
{
    LibrarySnapshot snapshot;
    snapshot.recommender = std::make_shared<const Recommender>(catalog, rankingCachePath);
    snapshot.scale = FeatureScale::fromSpace(snapshot.recommender->featureSpace());
    snapshot.catalog = std::move(catalog);
    return snapshot;
}

LibrarySnapshot makeSnapshot(Catalog catalog, const QString &rankingCachePath)
{
    return makeSnapshot(std::make_shared<const Catalog>(std::move(catalog)), rankingCachePath);
}

Result<Discoveries> readDiscoveries(const LibraryDb &db, const Catalog &catalog)
{
    const Result<std::vector<Discovered>> found = db.discoveries();
    if (!found)
        return found.error();
    Discoveries discoveries;
    for (const Discovered &each : *found)
        if (const int row = catalog.rowOf(each.trackId); row >= 0)
            discoveries.originsOf[row].push_back(each.origin);
    std::vector<bool> held(std::size_t(catalog.size()), false);
    for (int p = 0; p < catalog.playlistCount(); ++p)
        for (const std::int32_t row : catalog.playlistRows(p))
            held[std::size_t(row)] = true;
    for (auto it = discoveries.originsOf.cbegin(); it != discoveries.originsOf.cend(); ++it)
        if (!held[std::size_t(it.key())])
            discoveries.newRows.push_back(it.key());
    std::sort(discoveries.newRows.begin(), discoveries.newRows.end());
    return discoveries;
}

namespace {

// The catalog, the feedback, the discoveries and the album covers stored in `db`.
Result<LibrarySnapshot> loadSnapshot(const LibraryDb &db)
{
    auto catalog = db.loadCatalog();
    if (!catalog)
        return catalog.error();
    auto feedback = db.feedback();
    if (!feedback)
        return feedback.error();
    LibrarySnapshot snapshot = makeSnapshot(std::move(catalog).value(), db.rankingCachePath());
    snapshot.catalog->playlists();  // made on first use: here, off the window's thread, which lists them next
    snapshot.feedback = FeedbackLog(*feedback);
    auto discoveries = readDiscoveries(db, *snapshot.catalog);
    if (!discoveries)
        return discoveries.error();
    snapshot.discoveries = std::move(discoveries).value();
    auto albumCovers = db.albumCovers();
    if (!albumCovers)
        return albumCovers.error();
    snapshot.albumCovers = std::move(albumCovers).value();
    snapshot.readOnly = db.isReadOnly();
    return snapshot;
}

}  // namespace

LoadOutcome loadLibrary(const QString &libraryPath)
{
    auto db = LibraryDb::open(libraryPath);
    if (!db)
        return {db.error(), {}};
    auto snapshot = loadSnapshot(**db);
    if (!snapshot)
        return {snapshot.error(), {}};
    return {std::nullopt, std::move(snapshot).value()};
}

LoadOutcome changeLibrary(const QString &libraryPath, const std::function<Status(LibraryDb &)> &change)
{
    auto db = LibraryDb::open(libraryPath);
    if (!db)
        return {db.error(), {}};
    if (const Status changed = change(**db); !changed)
        return {changed.error(), {}};
    auto snapshot = loadSnapshot(**db);
    if (!snapshot)
        return {snapshot.error(), {}};
    return {std::nullopt, std::move(snapshot).value()};
}

LoadOutcome storeIntoLibrary(const QString &libraryPath, const ImportBatch &batch)
{
    return changeLibrary(libraryPath, [&batch](LibraryDb &db) { return db.store(batch, {}); });
}

LoadOutcome storeSavedPlaylist(const QString &libraryPath, const SpotifyPlaylistSave &save,
                               const std::vector<Track> &tracks, const SpotifyPlaylist &listed)
{
    auto db = LibraryDb::open(libraryPath);
    if (!db)
        return {db.error(), {}};
    const Result<Playlist> stored = (*db)->playlist(save.playlistId);
    const std::optional<ImportBatch> batch =
        savedPlaylistBatch(save, tracks, listed, stored ? std::optional<Playlist>(*stored) : std::nullopt);
    if (!batch)
        return {};
    return storeIntoLibrary(libraryPath, *batch);
}

Status storeFeedback(const QString &libraryPath, const QString &seedId, const QString &trackId,
                     std::optional<Reaction> reaction)
{
    auto db = LibraryDb::open(libraryPath);
    if (!db)
        return db.error();
    return reaction ? (*db)->recordFeedback({seedId, trackId, *reaction}) : (*db)->clearFeedback(seedId, trackId);
}

Result<SpotifySearchPlan> planSpotifySearches(const QString &libraryPath, const std::vector<Track> &songs,
                                              int dailyBudget)
{
    auto db = LibraryDb::open(libraryPath);
    if (!db)
        return db.error();
    return SpotifySearchPlan::forLibrary(**db, songs, dailyBudget);
}

Status forgetLikes(const QString &libraryPath, const QString &trackId)
{
    auto db = LibraryDb::open(libraryPath);
    if (!db)
        return db.error();
    return (*db)->clearLikes(trackId);
}

ImportOutcome importIntoLibrary(const QString &libraryPath, const QString &filePath, ImportProgressState &progress,
                                const ProvisionalReady &provisional)
{
    using Stage = ImportProgressState::Stage;
    ImportOutcome outcome;
    auto db = LibraryDb::open(libraryPath);
    if (!db) {
        outcome.error = db.error();
        return outcome;
    }

    const ImportProgress report = [&progress](qint64 done, qint64 total) {
        progress.bytesTotal = total;
        progress.bytesDone = done;
        if (total > 0 && done >= total)
            progress.stage = Stage::Saving;
        return !progress.cancelRequested.load();
    };
    const WriterWait waitForWriter = [&progress](qint64, bool acquired) {
        progress.stage = acquired ? Stage::Saving : Stage::WaitingForWriter;
        return !progress.cancelRequested.load();
    };
    // No ranking cache: the library's generation is known only once the store commits.
    const FirstCatalog rankFromFirst = [&provisional](const std::shared_ptr<const Catalog> &catalog,
                                                      const QString &firstPlaylistId) {
        ProvisionalLibrary library{makeSnapshot(catalog), firstPlaylistId};
        library.snapshot.catalog->playlists();  // made here, off the window's thread, as loadSnapshot does
        library.snapshot.readOnly = true;
        provisional(library);
    };
    auto summary =
        importCatalogFile(**db, filePath, report, waitForWriter, provisional ? rankFromFirst : FirstCatalog());
    if (!summary) {
        outcome.error = summary.error();
        return outcome;
    }
    outcome.summary = std::move(summary).value();
    outcome.imported = true;

    progress.stage = Stage::Loading;
    auto snapshot = loadSnapshot(**db);
    if (!snapshot) {
        outcome.error = snapshot.error();
        return outcome;
    }
    outcome.snapshot = std::move(snapshot).value();
    return outcome;
}

RankOutcome rankTracks(const Recommender &recommender, const RankingRequest &request, quint64 generation)
{
    RankOutcome outcome;
    outcome.generation = generation;
    outcome.seedRow = request.method == RankingMethod::Hybrid && request.seedIsPlaylist ? -1 : request.seedRow;
    outcome.method = request.method;
    auto result = recommender.recommend(request);
    if (result)
        outcome.recommendations = std::move(result).value();
    else
        outcome.error = result.error();
    return outcome;
}

}  // namespace encore
