#pragma once

#include "catalog/catalog.h"

#include <QAbstractTableModel>

#include <memory>

namespace encore {

// The playlists of a catalog, with "All tracks" as row 0 and "Liked in Encore" (every song the
// user liked, for any seed) as row 1, both pinned (see SearchProxyModel), then the playlists in
// catalog order. Sort and filter through a SearchProxyModel.
class PlaylistListModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum class Column { Name, Tracks };
    static constexpr int kColumnCount = 2;
    static constexpr int kAllTracksRow = 0;
    static constexpr int kLikedRow = 1;
    // What stands for the liked songs where a playlist id is kept (the last playlist shown).
    static QString likedId() { return QStringLiteral("encore:liked"); }

    explicit PlaylistListModel(QObject *parent = nullptr);

    void setCatalog(std::shared_ptr<const Catalog> catalog);
    // How many songs are liked, for the Liked in Encore row.
    void setLikedCount(int count);
    const std::shared_ptr<const Catalog> &catalog() const { return m_catalog; }

    // The catalog's playlist index for a row, or -1 for "All tracks", the liked songs (and for no
    // catalog).
    int playlistIndex(int row) const;
    // The row showing a playlist id (or likedId()); "All tracks" for an empty or unknown id.
    int rowForPlaylistId(const QString &playlistId) const;
    // The display name of a row ("All tracks", "Liked in Encore" or the playlist's name).
    QString name(int row) const;
    // The number of tracks a row stands for.
    int trackCount(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The header of a playlist list with these columns (the Spotify playlists share it):
    // "Playlist", and "Tracks" aligned right; null where the default header applies.
    static QVariant horizontalHeader(int section, Qt::Orientation orientation, int role);

private:
    std::shared_ptr<const Catalog> m_catalog;
    int m_likedCount = 0;
};

}  // namespace encore
