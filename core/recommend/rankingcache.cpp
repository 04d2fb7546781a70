#include "rankingcache.h"

#include "catalog/columnfile.h"
#include "util/logging.h"

namespace encore::rankingcache {

namespace {

// The format version goes up whenever RankingColumns, or how any of its columns is worked out
// of a catalog, changes: an older file is then built again.
constexpr columnfile::Kind kKind{{'E', 'N', 'C', 'O', 'R', 'E', 'R', 'K'}, 9};

}  // namespace

Status write(const RankingColumns &columns, const QString &path, qint64 generation)
{
    return columnfile::write(path, kKind, generation, columns);
}

std::optional<RankingColumns> map(const QString &path, qint64 generation, const Catalog &catalog)
{
    // The first rankings read nearly every page of it (the content scan all packed vectors).
    std::optional<RankingColumns> columns =
        columnfile::map<RankingColumns>(path, kKind, generation, columnfile::Residency::AtOpen);
    if (!columns)
        return std::nullopt;
    if (!FeatureSpace::fits(columns->space, catalog) || !Cooccurrence::fits(columns->cooccurrence, catalog)
        || columns->popularity.size() != static_cast<std::size_t>(catalog.size())
        || !std::all_of(columns->popularity.begin(), columns->popularity.end(),
                        [](float prior) { return prior >= 0.0f && prior <= 1.0f; })) {
        qCWarning(lcRecommend) << "ignoring a ranking cache that does not fit its library (it will be rebuilt)" << path;
        return std::nullopt;
    }
    return columns;
}

}  // namespace encore::rankingcache
