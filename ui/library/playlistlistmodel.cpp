#include "playlistlistmodel.h"

#include "common/itemroles.h"
#include "common/uitext.h"

#include <QFont>
#include <QLocale>

namespace encore {

PlaylistListModel::PlaylistListModel(QObject *parent) : QAbstractTableModel(parent) {}

void PlaylistListModel::setCatalog(std::shared_ptr<const Catalog> catalog)
{
    beginResetModel();
    m_catalog = std::move(catalog);
    endResetModel();
}

void PlaylistListModel::setLikedCount(int count)
{
    if (count == m_likedCount)
        return;
    m_likedCount = count;
    if (m_catalog)
        emit dataChanged(index(kLikedRow, 0), index(kLikedRow, kColumnCount - 1));
}

// Playlists start after the two pinned rows.
constexpr int kFirstPlaylistRow = PlaylistListModel::kLikedRow + 1;

int PlaylistListModel::playlistIndex(int row) const
{
    if (!m_catalog || row < kFirstPlaylistRow || row >= rowCount())
        return -1;
    return row - kFirstPlaylistRow;
}

int PlaylistListModel::rowForPlaylistId(const QString &playlistId) const
{
    if (!m_catalog || playlistId.isEmpty())
        return kAllTracksRow;
    if (playlistId == likedId())
        return kLikedRow;
    const int playlist = m_catalog->playlistIndexOf(playlistId);
    return playlist < 0 ? kAllTracksRow : playlist + kFirstPlaylistRow;
}

QString PlaylistListModel::name(int row) const
{
    if (row == kLikedRow)
        return tr("♥ Liked in Encore");
    const int playlist = playlistIndex(row);
    if (playlist < 0)
        return tr("All tracks");
    const QString &playlistName = m_catalog->playlists()[playlist].name;
    return playlistName.isEmpty() ? tr("(untitled playlist)") : playlistName;
}

int PlaylistListModel::trackCount(int row) const
{
    if (!m_catalog)
        return 0;
    if (row == kLikedRow)
        return m_likedCount;
    const int playlist = playlistIndex(row);
    return playlist < 0 ? m_catalog->size() : static_cast<int>(m_catalog->playlistRows(playlist).size());
}

int PlaylistListModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() || !m_catalog)
        return 0;
    return static_cast<int>(m_catalog->playlists().size()) + kFirstPlaylistRow;
}

int PlaylistListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : kColumnCount;
}

QVariant PlaylistListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const auto column = static_cast<Column>(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return column == Column::Name ? QVariant(name(row)) : QVariant(QLocale().toString(trackCount(row)));
    case Qt::ToolTipRole: {
        const int playlist = playlistIndex(row);
        QString tip = QStringLiteral("%1\n%2").arg(
            name(row), uitext::count(QLocale(), trackCount(row), tr("track"), tr("tracks")));
        if (row == kLikedRow)
            tip += QLatin1Char('\n') + tr("Every song you liked, for any seed, the latest first");
        if (playlist >= 0 && !m_catalog->playlists()[playlist].owner.isEmpty())
            tip += QLatin1Char('\n') + tr("by %1").arg(m_catalog->playlists()[playlist].owner);
        return tip;
    }
    case Qt::TextAlignmentRole:
        if (column == Column::Tracks)
            return (Qt::AlignRight | Qt::AlignVCenter).toInt();
        return {};
    case Qt::FontRole:
        if (row == kAllTracksRow || row == kLikedRow) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case roles::Sort: return column == Column::Name ? QVariant(name(row)) : QVariant(trackCount(row));
    case roles::Search: return name(row);
    case roles::Pinned: return row == kAllTracksRow || row == kLikedRow;
    case roles::Id: {
        if (row == kLikedRow)
            return likedId();
        const int playlist = playlistIndex(row);
        return playlist < 0 ? QString() : m_catalog->playlists()[playlist].id;
    }
    default: return {};
    }
}

QVariant PlaylistListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    const QVariant header = horizontalHeader(section, orientation, role);
    return header.isValid() ? header : QAbstractTableModel::headerData(section, orientation, role);
}

QVariant PlaylistListModel::horizontalHeader(int section, Qt::Orientation orientation, int role)
{
    if (orientation != Qt::Horizontal || section < 0 || section >= kColumnCount)
        return {};
    const auto column = static_cast<Column>(section);
    if (role == Qt::DisplayRole)
        return column == Column::Name ? tr("Playlist") : tr("Tracks");
    if (role == Qt::TextAlignmentRole && column == Column::Tracks)
        return (Qt::AlignRight | Qt::AlignVCenter).toInt();
    return {};
}

}  // namespace encore
