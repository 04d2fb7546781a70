#pragma once

#include "catalog/catalog.h"

#include <QAbstractTableModel>
#include <QIcon>

#include <memory>
#include <vector>

namespace encore {

// The tracks of one playlist (or of the whole catalog), in playlist order, with where each
// track's features came from. Tracks without features stay visible, dimmed and marked, since they
// are left out of ranking. Sort and filter through a SearchProxyModel (roles::Sort,
// roles::Search).
class TrackTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    // New columns go last so that header states saved before they existed still restore.
    // LikedFor is shown for the liked songs only.
    enum class Column { Position, Title, Artists, Album, Year, Popularity, Duration, Genre, Features, LikedFor };
    static constexpr int kColumnCount = 10;

    explicit TrackTableModel(QObject *parent = nullptr);

    // Shows `rows` of `catalog`, in that order; `likedFor` (one per row, or none) says what each
    // song was liked for.
    void setTracks(std::shared_ptr<const Catalog> catalog, std::vector<int> rows, std::vector<QString> likedFor = {});
    void clear();
    const std::shared_ptr<const Catalog> &catalog() const { return m_catalog; }

    // The catalog row shown in bold as the current seed; -1 for none.
    void setSeedRow(int catalogRow);
    int seedRow() const { return m_seedRow; }

    int catalogRow(int row) const { return m_rows[static_cast<std::size_t>(row)]; }
    // The model row showing a catalog row, or -1.
    int rowOfCatalogRow(int catalogRow) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant display(const Track &track, int row, Column column) const;
    QVariant sortKey(const Track &track, int row, Column column) const;

    std::shared_ptr<const Catalog> m_catalog;
    std::vector<int> m_rows;
    std::vector<QString> m_likedFor;
    int m_seedRow = -1;
    QIcon m_noFeaturesIcon;
};

}  // namespace encore
