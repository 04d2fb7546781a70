#include "catalogsnapshot.h"

#include "catalog/columnfile.h"
#include "util/logging.h"

namespace encore::catalogsnapshot {

namespace {

// The format version goes up whenever CatalogColumns or what a column means changes; an older
// file is then rebuilt.
constexpr columnfile::Kind kKind{{'E', 'N', 'C', 'O', 'R', 'E', 'C', 'S'}, 2};

}  // namespace

Status write(const Catalog &catalog, const QString &path, qint64 generation)
{
    return columnfile::write(path, kKind, generation, catalog.columns());
}

std::optional<Catalog> map(const QString &path, qint64 generation)
{
    std::optional<CatalogColumns> columns = columnfile::map<CatalogColumns>(path, kKind, generation);
    if (!columns)
        return std::nullopt;
    if (!columnsFitTogether(*columns)) {
        qCWarning(lcStorage) << "ignoring a damaged catalog snapshot (the library is read from its tables)" << path;
        return std::nullopt;
    }
    return Catalog(std::move(*columns), generation);
}

}  // namespace encore::catalogsnapshot
