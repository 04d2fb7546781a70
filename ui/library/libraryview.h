#pragma once

#include "libraryjobs.h"
#include "playlistremoval.h"
#include "seedsession.h"

#include "discover/discovery.h"
#include "export/tracklist.h"
#include "spotify/playlistsaving.h"

#include <QNetworkAccessManager>
#include <QSet>
#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

class QAction;
class QSettings;
class QSplitter;
class QTableView;

namespace encore {

class CoverArt;
class PlaylistPane;
class PreviewFinder;
class PreviewPlayer;
class RankingPane;
class RecommendationPane;
class TrackPane;

// The library in three panes: the playlists; the tracks of the chosen one with where their
// features came from, the recommendations for the seed and a player for the preview of the
// selected recommendation (or of the seed); the ranking controls and a chart comparing seed and
// recommendation. The seed, its history, the ranking and the likes and dislikes live in a
// SeedSession that the panes follow. Remembers the playlist shown, its splitters, columns and
// volume in `settings`.
class LibraryView : public QWidget {
    Q_OBJECT

public:
    // `settings` must outlive the view.
    explicit LibraryView(QSettings &settings, QWidget *parent = nullptr);
    ~LibraryView() override;

    const LibrarySnapshot &library() const { return m_session.library(); }
    SeedSession &session() { return m_session; }
    // Where likes and dislikes are stored; with none they last for the session only.
    void setLibraryPath(const QString &path) { m_session.setLibraryPath(path); }
    // Shows `library` (nothing for an empty one) and, for a library with tracks, the playlist and
    // the seed of the last session. Scrolls to them, so the view should be visible by then.
    void setLibrary(const LibrarySnapshot &library);

    // The id of the playlist shown ("" for All tracks).
    QString currentPlaylistId() const { return m_currentPlaylistId; }

    // The recommendations the user means to keep: the selected ones in the list's order (by
    // rank, however the table is sorted), or the whole list when none is selected, each with
    // its rank, score and why. Empty while no recommendations are shown. What Export… writes
    // and Copy copies.
    TrackList recommendationsToKeep() const;
    // Export… (Ctrl+E), for the window's File menu too.
    QAction *exportAction() const;
    // Save to Spotify… (Ctrl+S), for the window's Spotify menu too.
    QAction *saveToSpotifyAction() const;
    // Every song liked, for any seed, the latest first (what Liked in Encore shows).
    TrackList likedSongsToKeep() const;
    // Undo (Ctrl+Z) and Redo (Ctrl+Shift+Z) of the session's changes (see SeedSession), and
    // Back and Forward through the seeds (Alt+Left, Alt+Right), for the window's menus too.
    QAction *undoAction() const { return m_undoAction; }
    QAction *redoAction() const { return m_redoAction; }
    // While an import saves the library it holds the library's writes: undo and redo, which
    // write, are off until it is done rather than fail after a wait, and removing a playlist or
    // reacting to a song is refused at once with a notice.
    void setLibraryBeingSaved(bool saving);
    QAction *backAction() const { return m_backAction; }
    QAction *forwardAction() const { return m_forwardAction; }
    // Shows or folds the ranking settings (F9), for the window's View menu.
    QAction *rankingPanelAction() const;
    // Discover New Songs (Ctrl+N) for the seed, for the window's menus too.
    QAction *discoverAction() const { return m_discoverAction; }
    QAction *searchLibraryAction() const;

    // "Disliked “Hello” by Adele. Undo" for a few seconds under the heading; the link undoes
    // (or, after an undo, redoes) the session's last step.
    enum class NoticeLink { None, Undo, Redo };
    void showNotice(const QString &text, NoticeLink link);

    // Puts `pane` (the Spotify playlists) under the library's playlists in the sidebar.
    void setSpotifyPane(QWidget *pane, QWidget *focusTarget);

    // The splitters and the tables' headers; the ranking options are read at construction.
    void restoreState();
    void saveState();

protected:
    void resizeEvent(QResizeEvent *event) override;

public slots:
    // Makes a catalog row the seed and ranks: what Enter or a double-click on a track does.
    void chooseSeed(int catalogRow);
    // Makes the whole library playlist at this index the seed and ranks.
    void chooseSeedPlaylist(int playlistIndex);
    void focusTrackFilter();
    // All tracks, filtered by `words`, with the focus in the track filter (Ctrl+K).
    void searchLibrary(const QString &words);
    void focusPlaylistFilter();
    // Shows the library playlist with this id (clearing the playlist filter if it hides it).
    void selectPlaylist(const QString &playlistId);
    // Asks for a file (.csv, .m3u8 or .json) and writes recommendationsToKeep() there.
    void exportRecommendations();
    // Asks for a file and writes the library playlist at this index there (-1: the liked songs).
    void exportPlaylist(int playlistIndex);
    // Asks to save the library playlist at this index (-1: the liked songs) to Spotify.
    void savePlaylistToSpotify(int playlistIndex);
    // Asks to save recommendationsToKeep() to Spotify (saveToSpotifyRequested).
    void saveRecommendationsToSpotify();
    // Puts recommendationsToKeep() on the clipboard as links (see trackclipboard.h).
    void copyRecommendations();
    void copyRecommendationsAsText();
    // A discovery for the seed with this id ended: with Spotify among its sources, the songs
    // found only on Deezer at the top of the next list are searched for there
    // (spotifySearchRequested).
    void onDiscoveryFinished(const QString &seedId);

signals:
    // The recommendations show the answer to the latest ranking request.
    void recommendationsChanged();
    // A short sentence for the status bar ("Exported 10 songs to kept.csv.").
    void notice(const QString &text);
    // The user wants `tracks`, in order, in a Spotify playlist; `seed` says what they came from.
    void saveToSpotifyRequested(const std::vector<encore::Track> &tracks, const encore::SaveSeed &seed);
    // The user confirmed that these playlists leave the library.
    void removeRequested(const encore::PlaylistRemoval &removal);
    // The user wants songs like `seed` from beyond the library (it is the seed by now), from the
    // services `options` names.
    void discoverRequested(const encore::DiscoverySeed &seed, const encore::DiscoveryOptions &options);
    // These songs, found only on Deezer, are worth finding on Spotify: the top of the list after
    // a discovery, or one the user played.
    void spotifySearchRequested(const std::vector<encore::Track> &songs);

private:
    void connectTrackPane();
    QWidget *createRecommendationPane();
    void setTabOrderChain();
    // Asks whether the playlist (or its whole catalog) should go, saying what goes with it.
    void confirmRemoval(int playlistIndex, bool wholeCatalog);
    void restoreSession();

    // Shows the row of the playlist list (All tracks, the liked songs or a playlist).
    void showPlaylist(int row);
    void searchTopOnSpotify(const Catalog &catalog, const std::vector<Recommendation> &recommendations);
    // The name the sidebar gives the list shown.
    QString currentListName() const;
    void onSeedChanged();
    // Makes the track at `catalogRow` the seed (-1: the seed as it is, a playlist too) and asks
    // for songs like it; the list then shows only songs new to the library.
    void discoverLike(int catalogRow);
    void updateDiscoverAction();
    void showSeedInTracks(const Seed &seed);
    void showNoSeed(const QString &message);
    void updateSeedHeading();
    void updateHistoryActions();
    void splitByWidth();
    QString nothingToRecommend() const;
    void onRankingFinished(const std::shared_ptr<const Catalog> &catalog, const RankOutcome &outcome);
    void updateChart();
    void showChartCovers();
    void showPlayerCover();
    void updatePreview();
    void showTrackContextMenu(QTableView *view, const QPoint &pos);
    void reactToCurrent(std::optional<Reaction> reaction);
    void onFeedbackChanged(const QString &notice, bool undone);
    void updateUndoActions();
    void exportList(const TrackList &list, const QString &suggestedName);
    void requestSave(const TrackList &list, const SaveSeed &seed);
    bool showsLiked() const;
    // The liked songs' count in the sidebar, and the list itself when it is shown.
    void updateLiked();
    QSettings &m_settings;
    SeedSession m_session;
    // Previews are looked up on the view's own connection; declared before the finder, which
    // must go first.
    QNetworkAccessManager m_network;
    std::unique_ptr<PreviewFinder> m_previewFinder;
    quint64 m_previewRequest = 0;        // answers to older requests are dropped
    std::unique_ptr<CoverArt> m_covers;  // looked up on the view's connection too
    QSet<QString> m_playedDeezerSongs;   // searched for on Spotify once played

    int m_currentPlaylistIndex = -1;
    QString m_currentPlaylistId;
    int m_preferredSelection = -1;     // the catalog row to select after the next ranking, or -1
    bool m_previewFromTracks = false;  // the player follows the tracks, not the recommendations

    QSplitter *m_mainSplitter = nullptr;
    bool m_defaultSplit = false;  // the main splitter has not been set by the user
    QSplitter *m_sidebarSplitter = nullptr;
    QSplitter *m_centreSplitter = nullptr;
    PlaylistPane *m_playlists = nullptr;
    TrackPane *m_tracks = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QAction *m_backAction = nullptr;
    QAction *m_discoverAction = nullptr;
    QAction *m_discoverReccoBeats = nullptr;  // which services Discover asks, remembered
    QAction *m_discoverDeezer = nullptr;
    QAction *m_discoverSpotify = nullptr;
    // A discovery for this seed ended: the next list's top is searched for on Spotify.
    QString m_spotifySearchSeed;
    QAction *m_forwardAction = nullptr;
    RecommendationPane *m_recommendations = nullptr;
    RankingPane *m_rankingPane = nullptr;
    PreviewPlayer *m_player = nullptr;
};

}  // namespace encore
