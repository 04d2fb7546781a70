#include "libraryjobs.h"

namespace encore {

LibrarySnapshot makeSnapshot(Catalog catalog)
{
    LibrarySnapshot snapshot;
    auto shared = std::make_shared<const Catalog>(std::move(catalog));
    snapshot.scale = FeatureScale::fromCatalog(*shared);
    snapshot.recommender = std::make_shared<const Recommender>(shared);
    snapshot.catalog = std::move(shared);
    return snapshot;
}

LoadOutcome loadLibrary(const QString &libraryPath)
{
    LoadOutcome outcome;
    auto db = LibraryDb::open(libraryPath);
    if (!db) {
        outcome.error = db.error();
        return outcome;
    }
    auto catalog = (*db)->loadCatalog();
    if (!catalog) {
        outcome.error = catalog.error();
        return outcome;
    }
    outcome.snapshot = makeSnapshot(std::move(catalog).value());
    return outcome;
}

LoadOutcome storeIntoLibrary(const QString &libraryPath, const ImportBatch &batch)
{
    auto db = LibraryDb::open(libraryPath);
    if (!db)
        return {db.error(), {}};
    if (const Status stored = (*db)->store(batch, {}); !stored)
        return {stored.error(), {}};
    auto catalog = (*db)->loadCatalog();
    if (!catalog)
        return {catalog.error(), {}};
    return {std::nullopt, makeSnapshot(std::move(catalog).value())};
}

ImportOutcome importIntoLibrary(const QString &libraryPath, const QString &filePath,
                                ImportProgressState &progress)
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
    auto summary = importCatalogFile(**db, filePath, report);
    if (!summary) {
        outcome.error = summary.error();
        return outcome;
    }
    outcome.summary = std::move(summary).value();
    outcome.imported = true;

    progress.stage = Stage::Loading;
    auto catalog = (*db)->loadCatalog();
    if (!catalog) {
        outcome.error = catalog.error();
        return outcome;
    }
    outcome.snapshot = makeSnapshot(std::move(catalog).value());
    return outcome;
}

RankOutcome rankTracks(const Recommender &recommender, const RankingRequest &request,
                       quint64 generation)
{
    RankOutcome outcome;
    outcome.generation = generation;
    outcome.seedRow = request.seedRow;
    auto result = recommender.recommend(request);
    if (result)
        outcome.recommendations = std::move(result).value();
    else
        outcome.error = result.error();
    return outcome;
}

}  // namespace encore
