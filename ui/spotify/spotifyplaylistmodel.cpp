#include "spotifyplaylistmodel.h"

#include "common/icons.h"
#include "common/itemroles.h"
#include "library/playlistlistmodel.h"

#include <QLocale>

namespace encore {

namespace {

const QString kSpotifyOrigin = QStringLiteral("spotify");

// Both playlist lists show the same columns under the same header.
static_assert(SpotifyPlaylistModel::kColumnCount == PlaylistListModel::kColumnCount);
static_assert(int(SpotifyPlaylistModel::Column::Tracks) == int(PlaylistListModel::Column::Tracks));

}  // namespace

SpotifyPlaylistModel::SpotifyPlaylistModel(QObject *parent) : QAbstractTableModel(parent) {}

void SpotifyPlaylistModel::setPlaylists(std::vector<SpotifyPlaylist> playlists, const QString &userId)
{
    beginResetModel();
    m_playlists = std::move(playlists);
    m_userId = userId;
    endResetModel();
}

void SpotifyPlaylistModel::setLibraryPlaylists(const std::vector<Playlist> &libraryPlaylists)
{
    m_librarySnapshots.clear();
    for (const Playlist &playlist : libraryPlaylists) {
        if (playlist.origin == kSpotifyOrigin)
            m_librarySnapshots.insert(playlist.id, playlist.snapshotId);
    }
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, kColumnCount - 1), {Qt::DecorationRole, Qt::ToolTipRole});
}

// The library stays as it is: it does not depend on who is signed in.
void SpotifyPlaylistModel::clear()
{
    setPlaylists({}, {});
}

const SpotifyPlaylist &SpotifyPlaylistModel::playlist(int row) const
{
    Q_ASSERT(row >= 0 && row < rowCount());
    return m_playlists[static_cast<size_t>(row)];
}

bool SpotifyPlaylistModel::isReadable(int row) const
{
    return isReadableBy(playlist(row), m_userId);
}

SpotifyPlaylistModel::LibraryState SpotifyPlaylistModel::libraryState(int row) const
{
    const SpotifyPlaylist &listed = playlist(row);
    const auto stored = m_librarySnapshots.constFind(listed.id);
    if (stored == m_librarySnapshots.cend())
        return LibraryState::NotRead;
    return *stored == listed.snapshotId ? LibraryState::UpToDate : LibraryState::Changed;
}

int SpotifyPlaylistModel::rowForId(const QString &playlistId) const
{
    for (int row = 0; row < rowCount(); ++row) {
        if (playlist(row).id == playlistId)
            return row;
    }
    return -1;
}

int SpotifyPlaylistModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_playlists.size());
}

int SpotifyPlaylistModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : kColumnCount;
}

QString SpotifyPlaylistModel::name(int row) const
{
    const QString &playlistName = playlist(row).name;
    return playlistName.isEmpty() ? tr("(untitled playlist)") : playlistName;
}

QString SpotifyPlaylistModel::toolTip(int row) const
{
    if (!isReadable(row))
        return playlistNotReadableReason();
    const SpotifyPlaylist &listed = playlist(row);
    const QString owner =
        listed.collaborative ? tr("Collaborative, by %1").arg(listed.ownerName) : tr("By %1").arg(listed.ownerName);
    return QStringLiteral("%1\n%2\n%3").arg(name(row), owner, stateText(libraryState(row)));
}

QString SpotifyPlaylistModel::stateText(LibraryState state)
{
    switch (state) {
    case LibraryState::UpToDate: return tr("In your library");
    case LibraryState::Changed: return tr("Changed on Spotify since it was read");
    case LibraryState::NotRead: break;
    }
    return tr("Not read yet: select it to read its tracks");
}

QIcon SpotifyPlaylistModel::stateIcon(LibraryState state)
{
    switch (state) {
    case LibraryState::UpToDate: return icons::inLibrary();
    case LibraryState::Changed: return icons::changedOnSpotify();
    case LibraryState::NotRead: break;
    }
    return icons::notReadYet();
}

QVariant SpotifyPlaylistModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const auto column = static_cast<Column>(index.column());
    const int trackCount = playlist(row).trackCount;
    switch (role) {
    case Qt::DisplayRole:
        if (column == Column::Name)
            return name(row);
        return trackCount < 0 ? QString() : QLocale().toString(trackCount);
    case Qt::DecorationRole:
        if (column == Column::Name)
            return stateIcon(libraryState(row));
        return {};
    case Qt::ToolTipRole: return toolTip(row);
    case Qt::TextAlignmentRole:
        if (column == Column::Tracks)
            return (Qt::AlignRight | Qt::AlignVCenter).toInt();
        return {};
    case roles::Sort: return column == Column::Name ? QVariant(name(row)) : QVariant(trackCount);
    case roles::Search: return QStringLiteral("%1 %2").arg(name(row), playlist(row).ownerName);
    case roles::Id: return playlist(row).id;
    default: return {};
    }
}

QVariant SpotifyPlaylistModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    const QVariant header = PlaylistListModel::horizontalHeader(section, orientation, role);
    return header.isValid() ? header : QAbstractTableModel::headerData(section, orientation, role);
}

Qt::ItemFlags SpotifyPlaylistModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())  // the root, which views and proxies ask about too
        return QAbstractTableModel::flags(index);
    // Without ItemIsEnabled a view greys the row and will not select it.
    if (!isReadable(index.row()))
        return Qt::ItemNeverHasChildren;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

}  // namespace encore
