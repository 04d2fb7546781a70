// Reading catalog files into the library: CSV files in one go, Million Playlist collections slice
// by slice.
#include "librarydb.h"

#include "catalogsnapshot.h"

#include "catalog/millionplaylist.h"
#include "util/logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>

#include <algorithm>
#include <future>

namespace encore {
namespace {

std::optional<Error> readOnlyError(const LibraryDb &db)
{
    if (!db.isReadOnly())
        return std::nullopt;
    return Error{ErrorKind::Io,
                 QCoreApplication::translate("encore::librarydb",
                                             "The library at %1 is read-only, so nothing can be imported into it.")
                     .arg(QDir::toNativeSeparators(db.path()))};
}

// Stores a batch read from a file. An import replaces a playlist's membership: with rows
// skipped, it may lose songs, and the playlists that did are added to `shrunk`.
Status storeBatch(LibraryDb &db, const ImportBatch &batch, const WriterWait &wait,
                  std::vector<ImportSummary::ShrunkPlaylist> &shrunk, StoreReceipt *receipt = nullptr)
{
    if (!batch.rejected.empty()) {
        for (const Playlist &playlist : batch.playlists) {
            const Result<Playlist> before = db.playlist(playlist.id);
            if (before && before->trackIds.size() > playlist.trackIds.size())
                shrunk.push_back({playlist.name, static_cast<int>(before->trackIds.size()),
                                  static_cast<int>(playlist.trackIds.size())});
        }
    }
    return db.store(batch, batch.contentHash, wait, receipt);
}

// The catalog the tables give after the first import into an empty library, where they hold the
// batch and nothing else: made from the batch, the next load need not read them back (15 s at
// 1M tracks) to make the library's snapshot.
Catalog catalogOfFirstImport(const ImportBatch &batch)
{
    // In the tables' order, by id: a batch's playlist ids are distinct and ASCII (Spotify ids,
    // "file:<hash>"), where QString's order is SQLite's.
    std::vector<Playlist> byId = batch.playlists;
    std::sort(byId.begin(), byId.end(), [](const Playlist &a, const Playlist &b) { return a.id < b.id; });
    return Catalog(batch.tracks, batch.features, byId);
}

// How many skipped rows an import keeps reasons for: a hostile collection could skip millions.
constexpr std::size_t kRejectedKept = 10'000;
// From how many slices left to store an import builds the entries' by-track index once, at the
// end (see LibraryDb::beginBulkImport): at 100,000 playlists that took the import from 193 s to
// 115 s, while for a slice or two rebuilding it over a large library would cost more than it
// saves, and a collection imported before is not touched at all.
constexpr qsizetype kBulkSlices = 10;

// Reads every slice of a collection into the library, one transaction each: memory holds one
// slice at a time, what was stored stays stored when a later slice fails or the user cancels,
// and a slice imported before is not read again, so the same import goes on where it stopped.
Result<ImportSummary> importSlices(LibraryDb &db, const QString &absolutePath, const ImportProgress &progress,
                                   const WriterWait &wait)
{
    const Result<QStringList> slices = millionPlaylistSlices(absolutePath);
    if (!slices)
        return slices.error();
    qint64 bytesTotal = 0;
    for (const QString &slice : *slices)
        bytesTotal += QFileInfo(slice).size();
    // On every way out: a failed or cancelled import leaves the index as it found it.
    bool indexed = true;
    const auto indexAgain = qScopeGuard([&] {
        if (!indexed)
            static_cast<void>(db.endBulkImport());
    });

    ImportSummary summary;
    summary.sourcePath = absolutePath;
    summary.partsTotal = static_cast<int>(slices->size());
    summary.alreadyImported = true;
    qint64 bytesDone = 0;
    qint64 rejected = 0;
    // Distinct tracks across slices, as hashes of their ids: eight bytes each, not a QString.
    std::vector<std::size_t> tracksSeen;
    std::size_t tracksDistinct = 0;
    const auto countTracks = [&] {
        std::sort(tracksSeen.begin(), tracksSeen.end());
        tracksSeen.erase(std::unique(tracksSeen.begin(), tracksSeen.end()), tracksSeen.end());
        tracksDistinct = tracksSeen.size();
    };
    for (qsizetype next = 0; next < slices->size(); ++next) {
        const QString &slicePath = slices->at(next);
        if (progress && !progress(bytesDone, bytesTotal)) {
            if (summary.partsImported == 0)
                return Error{ErrorKind::Cancelled,
                             QCoreApplication::translate("encore::librarydb", "The import was cancelled.")};
            break;
        }
        const QString sliceName = QFileInfo(slicePath).fileName();
        QFile file(slicePath);
        if (!file.open(QIODevice::ReadOnly))
            return Error{ErrorKind::Io,
                         QCoreApplication::translate("encore::librarydb", "Could not read %1: %2")
                             .arg(QDir::toNativeSeparators(slicePath), file.errorString())};
        const QByteArray bytes = file.readAll();
        file.close();
        const QByteArray hash = contentHashOf(bytes);
        if (std::optional<ImportSummary> previous = db.findImport(hash)) {
            summary.playlists += previous->playlists;
            summary.rowsRead += previous->rowsRead;
        } else {
            Result<ImportBatch> batch = readMillionPlaylistSlice(bytes, slicePath);
            if (!batch)
                return batch.error();
            batch->contentHash = hash;
            if (indexed && slices->size() - next >= kBulkSlices) {
                if (const Status begun = db.beginBulkImport(wait); !begun)
                    return begun.error();
                indexed = false;
            }
            if (const Status stored = storeBatch(db, *batch, wait, summary.shrunk); !stored)
                return stored.error();
            summary.alreadyImported = false;
            if (summary.firstPlaylistId.isEmpty() && !batch->playlists.empty())
                summary.firstPlaylistId = batch->playlists.front().id;
            summary.playlists += static_cast<int>(batch->playlists.size());
            summary.rowsRead += batch->rowsRead;
            for (const Track &track : batch->tracks)
                tracksSeen.push_back(qHash(track.id));
            if (tracksSeen.size() > 2 * tracksDistinct + 1'000'000)
                countTracks();
            for (RejectedRow &row : batch->rejected) {
                if (++rejected <= qint64(kRejectedKept))
                    summary.rejected.push_back({0, sliceName + QStringLiteral(": ") + row.reason});
            }
            for (ValueNote &note : batch->valuesLeftOut) {
                if (summary.valuesLeftOut.size() < kRejectedKept)
                    summary.valuesLeftOut.push_back({0, sliceName + QStringLiteral(": ") + note.reason});
            }
        }
        ++summary.partsImported;
        bytesDone += bytes.size();
    }
    if (progress && summary.partsImported == summary.partsTotal)
        progress(bytesTotal, bytesTotal);
    if (!indexed) {
        indexed = true;
        if (const Status ended = db.endBulkImport(); !ended)
            return ended.error();
    }
    if (rejected > qint64(kRejectedKept))
        summary.rejected.push_back({0,
                                    QCoreApplication::translate("encore::librarydb", "… and %1 more skipped")
                                        .arg(rejected - qint64(kRejectedKept))});
    countTracks();
    summary.tracks = static_cast<int>(tracksDistinct);  // in the slices read this time
    return summary;
}

}  // namespace

Result<ImportSummary> importCatalogFile(LibraryDb &db, const QString &path, const ImportProgress &progress,
                                        const WriterWait &wait, const FirstCatalog &firstCatalog)
{
    const QString absolutePath = QFileInfo(path).absoluteFilePath();
    if (const std::optional<Error> readOnly = readOnlyError(db))
        return *readOnly;
    if (isMillionPlaylistSource(absolutePath))
        return importSlices(db, absolutePath, progress, wait);
    Result<CreditSplitter> known = db.knownArtists();
    if (!known)
        return known.error();
    // The file is hashed while it is read: a pipe can be read only once.
    Result<ImportBatch> batch = CatalogImporter(std::move(*known)).importFile(absolutePath, progress);
    if (!batch)
        return batch.error();
    if (std::optional<ImportSummary> previous = db.findImport(batch->contentHash)) {
        previous->sourcePath = absolutePath;
        return *previous;
    }
    // Into an empty library that catalog is made on another core while the store runs (each takes
    // seconds at 1M tracks). Declared after `batch`, the future waits for it before `batch` goes.
    std::future<std::shared_ptr<const Catalog>> madeFirst;
    if (db.isEmpty())
        madeFirst = std::async(std::launch::async, [&batch, &firstCatalog] {
            auto catalog = std::make_shared<const Catalog>(catalogOfFirstImport(*batch));
            if (firstCatalog)
                firstCatalog(catalog, batch->playlists.empty() ? QString() : batch->playlists.front().id);
            return catalog;
        });
    std::vector<ImportSummary::ShrunkPlaylist> shrunk;
    StoreReceipt receipt;
    if (const Status stored = storeBatch(db, *batch, wait, shrunk, &receipt); !stored)
        return stored.error();
    // The file may show that credits stored before it are lists, whatever the order of imports.
    known = db.knownArtists();
    if (!known)
        return known.error();
    const Result<int> split = db.splitStoredCredits(*known);
    if (!split)
        return split.error();

    ImportSummary summary;
    summary.sourcePath = absolutePath;
    summary.tracks = static_cast<int>(batch->tracks.size());
    summary.playlists = static_cast<int>(batch->playlists.size());
    if (!batch->playlists.empty())
        summary.firstPlaylistId = batch->playlists.front().id;
    summary.rowsRead = batch->rowsRead;
    summary.rejected = std::move(batch->rejected);
    summary.valuesLeftOut = std::move(batch->valuesLeftOut);
    summary.shrunk = std::move(shrunk);
    if (madeFirst.valid() && receipt.intoEmptyLibrary && *split == 0) {
        const std::shared_ptr<const Catalog> catalog = madeFirst.get();
        if (const Status written = catalogsnapshot::write(*catalog, db.snapshotPath(), receipt.generation); !written)
            qCWarning(lcStorage) << written.error().message;  // the next load reads the tables
    }
    return summary;
}

}  // namespace encore
