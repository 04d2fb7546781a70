#pragma once

#include <Qt>

// Item data roles shared by the models of this layer and their proxies.
namespace encore::roles {

inline constexpr int Sort = Qt::UserRole + 1;         // a value that sorts as the column should (numbers as numbers)
inline constexpr int Search = Qt::UserRole + 2;       // the text a filter field matches against
inline constexpr int CatalogRow = Qt::UserRole + 3;   // the catalog row a track or recommendation row shows
inline constexpr int Pinned = Qt::UserRole + 4;       // true for a row that stays first and is never filtered out
inline constexpr int Id = Qt::UserRole + 5;           // the playlist or track id of the row
inline constexpr int HasFeatures = Qt::UserRole + 6;  // true when the track has all eleven features
inline constexpr int ColumnName = Qt::UserRole + 7;   // a header's full name where it shows short ("Pop.")

}  // namespace encore::roles
