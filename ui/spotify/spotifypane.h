#pragma once

#include "model/playlist.h"
#include "spotify/spotifyjson.h"

#include <QPointer>
#include <QWidget>

#include <vector>

class QLabel;
class QPushButton;
class QStackedWidget;
class QToolButton;
class QTreeView;

namespace encore {

class SpotifyAccount;
class SpotifyPlaylistModel;
class SpotifyPlaylistsJob;

// The Spotify part of the sidebar. Signed out, it offers to sign in; signed in, it lists the
// user's playlists (read again on Refresh), each marked with whether the library holds its
// current version. Choosing a readable playlist (click, Enter) asks the window to bring it into
// the library; the ones Spotify keeps from apps are greyed, with the reason as their tooltip.
class SpotifyPane : public QWidget {
    Q_OBJECT

public:
    explicit SpotifyPane(SpotifyAccount &account, QWidget *parent = nullptr);

    const SpotifyPlaylistModel &model() const { return *m_model; }
    QTreeView *view() const { return m_view; }
    bool isReadingPlaylists() const { return !m_playlistsJob.isNull(); }

    // What the library holds, so that each playlist shows whether it is in the library.
    void setLibraryPlaylists(const std::vector<Playlist> &playlists);
    // A sentence shown under the heading until the next sign-in (an expired sign-in, a keychain
    // that will not remember it); empty clears it.
    void setNote(const QString &text);

public slots:
    // Reads the list of playlists from Spotify again.
    void reloadPlaylists();

signals:
    void signInRequested();
    void playlistChosen(const encore::SpotifyPlaylist &playlist);
    // The list of playlists was read (or reading it failed).
    void playlistsLoaded();

private:
    QWidget *createSignedOutPage();
    QWidget *createBusyPage();
    void updateForAccount();
    void onPlaylistsRead();
    void choose(const QModelIndex &index);

    SpotifyAccount &m_account;
    SpotifyPlaylistModel *m_model;
    QPointer<SpotifyPlaylistsJob> m_playlistsJob;
    std::vector<Playlist> m_libraryPlaylists;

    QLabel *m_heading = nullptr;
    QToolButton *m_refresh = nullptr;
    QLabel *m_note = nullptr;
    QStackedWidget *m_pages = nullptr;
    QWidget *m_signedOutPage = nullptr;
    QWidget *m_busyPage = nullptr;
    QLabel *m_busyLabel = nullptr;
    QTreeView *m_view = nullptr;
    QLabel *m_listError = nullptr;
    QWidget *m_listPage = nullptr;
};

}  // namespace encore
