#pragma once

#include "catalog/catalog.h"
#include "catalog/catalogimporter.h"
#include "util/result.h"

#include <QString>

#include <memory>
#include <optional>

namespace encore {

// What an import did to the library.
struct ImportSummary {
    QString sourcePath;
    int tracks = 0;        // distinct tracks in the file
    int playlists = 0;
    qint64 rowsRead = 0;
    std::vector<RejectedRow> rejected;
    bool alreadyImported = false;  // the same content was imported before; counts are from then
};

// The user's library: tracks, their features with source, and playlists, in one SQLite file.
// One instance per thread (a QSqlDatabase connection may only be used by the thread that made it).
class LibraryDb {
public:
    // <user data dir>/Encore/library.sqlite, e.g. ~/.local/share/Encore/library.sqlite.
    static QString defaultPath();

    // Opens or creates the database and brings its schema up to date.
    static Result<std::unique_ptr<LibraryDb>> open(const QString &path);
    ~LibraryDb();
    LibraryDb(const LibraryDb &) = delete;
    LibraryDb &operator=(const LibraryDb &) = delete;

    QString path() const;

    // Stores a batch in one transaction: tracks and features are upserted, each playlist's
    // membership and snapshot id are replaced. Storing the same batch twice changes nothing.
    // An empty contentHash records no import (e.g. a playlist read from Spotify).
    Status store(const ImportBatch &batch, const QByteArray &contentHash);
    // The earlier import of a file with this content, if there was one.
    std::optional<ImportSummary> findImport(const QByteArray &contentHash) const;

    // The stored playlist with its entries and snapshot id; NotFound when there is none.
    Result<Playlist> playlist(const QString &id) const;

    Result<Catalog> loadCatalog() const;
    int trackCount() const;

private:
    explicit LibraryDb(QString connectionName, QString path);
    QString m_connectionName;
    QString m_path;
};

// Reads a catalog file into the library. A file whose content was imported before is not
// read again (alreadyImported is set). Progress and cancel as in CatalogImporter.
Result<ImportSummary> importCatalogFile(LibraryDb &db, const QString &path,
                                        const ImportProgress &progress = {});

}  // namespace encore
