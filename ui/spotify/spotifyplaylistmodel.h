#pragma once

#include "model/playlist.h"
#include "spotify/spotifyjson.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QIcon>

#include <vector>

namespace encore {

// The signed-in user's Spotify playlists, for the sidebar: name and track count, and whether the
// library already holds the current version of each. Playlists Spotify does not give to apps
// (neither owned nor collaborative) are listed disabled, so they show greyed, with a tooltip that
// says why.
class SpotifyPlaylistModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum class Column { Name, Tracks };
    static constexpr int kColumnCount = 2;
    enum class LibraryState {
        NotRead,   // not in the library yet
        UpToDate,  // in the library at Spotify's current snapshot
        Changed,   // in the library, but changed on Spotify since it was read
    };

    explicit SpotifyPlaylistModel(QObject *parent = nullptr);

    // The playlists as /me/playlists listed them, for the user `userId`.
    void setPlaylists(std::vector<SpotifyPlaylist> playlists, const QString &userId);
    // What the library holds (its playlists with origin "spotify" matter), for libraryState().
    void setLibraryPlaylists(const std::vector<Playlist> &libraryPlaylists);
    void clear();

    const SpotifyPlaylist &playlist(int row) const;
    bool isReadable(int row) const;
    LibraryState libraryState(int row) const;
    int rowForId(const QString &playlistId) const;  // -1 when not listed

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    QString name(int row) const;  // the playlist's name, or "(untitled playlist)"
    QString toolTip(int row) const;
    static QString stateText(LibraryState state);
    static QIcon stateIcon(LibraryState state);

    std::vector<SpotifyPlaylist> m_playlists;
    QString m_userId;
    QHash<QString, QString> m_librarySnapshots;  // Spotify playlist id -> snapshot id the library holds
};

}  // namespace encore
