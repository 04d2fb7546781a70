#pragma once

#include "catalog/catalog.h"
#include "recommend/recommender.h"

#include <QString>

#include <vector>

namespace encore::cli {

// 28356 → "28,356", whatever the machine's locale, so output is stable for scripts.
QString formatCount(qint64 count);
// formatCount plus the noun: "1 track", "28,356 tracks".
QString countOf(qint64 count, const QString &singular, const QString &plural);

// An aligned table: rank, score, title, artists, track id, and why (against the seed at
// `seedRow`; none for -1).
QString recommendationTable(const Catalog &catalog, int seedRow, const std::vector<Recommendation> &list);

}  // namespace encore::cli
