#pragma once

#include <QWidget>

#include <memory>

class QLineEdit;
class QTreeView;

namespace encore {

class Catalog;
class PlaylistListModel;
class SearchProxyModel;

// The sidebar's list of the library's playlists, All tracks and Liked in Encore first, with its
// filter and each playlist's context menu. It says which one the user shows and what they ask of
// one; the view that owns it decides what that means.
class PlaylistPane : public QWidget {
    Q_OBJECT

public:
    explicit PlaylistPane(QWidget *parent = nullptr);

    // The library's playlists (none: nullptr) and how many songs are liked.
    void setCatalog(std::shared_ptr<const Catalog> catalog);
    void setLikedCount(int count);
    const PlaylistListModel &model() const { return *m_model; }

    // Shows the playlist with this id ("" for All tracks, PlaylistListModel::likedId() for the
    // liked songs), clearing the filter if it hides it; `centred` scrolls it to the middle.
    void selectPlaylist(const QString &playlistId, bool centred = false);
    void focusFilter();

    QLineEdit *filter() const { return m_filter; }
    QTreeView *view() const { return m_view; }

signals:
    // The user moved to a row of model() (also when selectPlaylist() did).
    void playlistShown(int row);
    // Enter or a double-click on a playlist: on to its tracks.
    void playlistActivated();
    // From a playlist's context menu: the library playlist's index, or -1 for the liked songs.
    void recommendRequested(int playlistIndex);
    void saveRequested(int playlistIndex);
    void exportRequested(int playlistIndex);
    // Remove (Delete) on a playlist, or on its whole catalog file (Shift+Delete).
    void removeRequested(int playlistIndex, bool wholeCatalog);

private:
    void showContextMenu(const QPoint &pos);
    // The library playlist of the current row, or -1 (All tracks, Liked in Encore).
    int currentPlaylistIndex() const;

    PlaylistListModel *m_model;
    SearchProxyModel *m_proxy;
    QLineEdit *m_filter;
    QTreeView *m_view;
};

}  // namespace encore
