#pragma once

#include "catalog/catalog.h"
#include "util/result.h"

#include <QString>

#include <optional>

namespace encore {

// The library's Catalog as one file beside the database, laid out as the columns are in memory,
// so that opening a large library maps the file instead of reading and rebuilding every track:
// pages the first ranking does not touch are never read. The file is a cache (a columnfile, with
// the columns in forEachColumn() order): it names the library generation it was made from and is
// ignored when the library has changed since.
namespace catalogsnapshot {

// Writes the catalog atomically (a reader sees the old file or the new one, never half of one).
Status write(const Catalog &catalog, const QString &path, qint64 generation);

// The catalog in the file, mapped into memory; std::nullopt when there is no file, it was made
// from another generation, or it is not a whole, well-formed snapshot of this format.
std::optional<Catalog> map(const QString &path, qint64 generation);

}  // namespace catalogsnapshot

}  // namespace encore
