#pragma once

#include "libraryjobs.h"
#include "recommendations/rankingrunner.h"

#include "export/tracklist.h"
#include "spotify/playlistsaving.h"

#include <QNetworkAccessManager>
#include <QThreadPool>
#include <QTimer>
#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

class QAction;
class QLabel;
class QPushButton;
class QLineEdit;
class QModelIndex;
class QSettings;
class QSplitter;
class QStackedWidget;
class QTableView;
class QTreeView;

namespace encore {

class FeatureChart;
class PlaylistListModel;
class PreviewFinder;
class PreviewPlayer;
class RankingControls;
class RecommendationTableModel;
class SearchProxyModel;
class SeedCompleter;
class TrackTableModel;

// The library in three panes: the playlists; the tracks of the chosen one with where their
// features came from, the recommendations for the seed and a player for the preview of the
// selected recommendation (or of the seed); the ranking controls and a chart comparing seed and
// recommendation. The seed is a track or a whole playlist. The user likes or dislikes
// recommendations, which re-ranks at once and is stored in the library. Remembers the playlist
// and the seed between sessions, and its splitters, columns, ranking options and volume in
// `settings`.
class LibraryView : public QWidget {
    Q_OBJECT

public:
    // `settings` must outlive the view.
    explicit LibraryView(QSettings &settings, QWidget *parent = nullptr);
    ~LibraryView() override;

    const LibrarySnapshot &library() const { return m_library; }
    // Where likes and dislikes are stored; with none they last for the session only.
    void setLibraryPath(const QString &path) { m_libraryPath = path; }
    // Shows `library` (nothing for an empty one) and, for a library with tracks, the playlist and
    // the seed of the last session. Scrolls to them, so the view should be visible by then.
    void setLibrary(const LibrarySnapshot &library);

    // The catalog row of the current seed, or -1 (also when a whole playlist is the seed).
    int seedRow() const { return m_seedRow; }
    bool seedIsPlaylist() const { return m_seedIsPlaylist; }
    // What feedback is recorded against: the seed track's id, or "playlist:<id>" for a
    // playlist seed (so the two cannot collide); empty without a seed.
    QString seedId() const;
    // What the view asks the recommender for the current seed and options (a default request
    // without a seed).
    RankingRequest rankingRequest() const;
    // The id of the playlist shown ("" for All tracks).
    QString currentPlaylistId() const { return m_currentPlaylistId; }

    // The recommendations the user means to keep: the selected ones in the list's order (by
    // rank, however the table is sorted), or the whole list when none is selected, each with
    // its rank, score and why. Empty while no recommendations are shown. What Export… writes
    // and Copy copies.
    TrackList recommendationsToKeep() const;
    // Export… (Ctrl+E), for the window's File menu too.
    QAction *exportAction() const { return m_exportAction; }
    // Save to Spotify… (Ctrl+S), for the window's Spotify menu too.
    QAction *saveToSpotifyAction() const { return m_saveToSpotifyAction; }
    // Every song liked, for any seed, the latest first (what Liked in Encore shows).
    TrackList likedSongsToKeep() const;

    // Puts `pane` (the Spotify playlists) under the library's playlists in the sidebar.
    void setSpotifyPane(QWidget *pane, QWidget *focusTarget);

    // The splitters and the tables' headers; the ranking options are read at construction.
    void restoreState();
    void saveState();

public slots:
    // Makes a catalog row the seed and ranks: what Enter or a double-click on a track does.
    void chooseSeed(int catalogRow);
    // Makes the whole library playlist at this index the seed and ranks.
    void chooseSeedPlaylist(int playlistIndex);
    // Records the user's reaction to a recommendation for the current seed (none: forgets it),
    // re-ranks and stores it in the library in the background.
    void react(int catalogRow, std::optional<Reaction> reaction);
    // Forgets every like of the song, for every seed (what an unlike in the liked list does).
    void unlikeEverywhere(int catalogRow);
    void focusTrackFilter();
    void focusPlaylistFilter();
    // Shows the library playlist with this id (clearing the playlist filter if it hides it).
    void selectPlaylist(const QString &playlistId);
    // Asks for a file (.csv, .m3u8 or .json) and writes recommendationsToKeep() there.
    void exportRecommendations();
    // Asks for a file and writes the library playlist at this index there.
    void exportPlaylist(int playlistIndex);
    // Asks to save recommendationsToKeep() to Spotify (saveToSpotifyRequested).
    void saveRecommendationsToSpotify();
    // Puts recommendationsToKeep() on the clipboard as links (see trackclipboard.h).
    void copyRecommendations();
    void copyRecommendationsAsText();

signals:
    // The recommendations show the answer to the latest ranking request.
    void recommendationsChanged();
    // A short sentence for the status bar ("Exported 10 songs to kept.csv.").
    void notice(const QString &text);
    // The user wants `tracks`, in order, in a Spotify playlist; `seed` says what they came from.
    void saveToSpotifyRequested(const std::vector<encore::Track> &tracks, const encore::SaveSeed &seed);

private:
    QWidget *createPlaylistPane();
    QWidget *createTrackPane();
    QWidget *createRecommendationPane();
    QWidget *createDetailsPane();
    void setTabOrderChain();
    void restoreSession();

    void showPlaylist(const QModelIndex &proxyIndex);
    void updateTrackHeading();
    void selectTrackRow(int catalogRow);
    bool hasSeed() const { return m_seedRow >= 0 || m_seedIsPlaylist; }
    void setSeed(int catalogRow, int playlistIndex);
    void setPlaylistSeed(int playlistIndex);
    void clearSeed(const QString &message);
    void updateSeedHeading();
    void requestRanking();
    void onRankingFinished(const std::shared_ptr<const Catalog> &catalog,
                           const RankOutcome &outcome);
    void showRecommendationMessage(const QString &text);
    void updateChart();
    void updatePreview();
    void showTrackContextMenu(QTableView *view, const QPoint &pos);
    void showPlaylistContextMenu(const QPoint &pos);
    int currentRecommendationRow() const;  // the catalog row, or -1
    void reactToCurrent(std::optional<Reaction> reaction);
    void updateRecommendationActions();
    void exportList(const TrackList &list, const QString &suggestedName);
    void requestSave(const TrackList &list, const SaveSeed &seed);
    // Stores a change of the feedback in the library in the background, in the order made.
    void saveFeedback(std::function<Status(const QString &libraryPath)> change);
    bool showsLiked() const;
    // The liked songs' count in the sidebar, and the list itself when it is shown.
    void updateLiked();
    // "“Title” by Artist", "the playlist “Name”": what a seed id stands for.
    QString seedDescription(const QString &seedId) const;

    QSettings &m_settings;
    // Previews are looked up on the view's own connection; declared before the finder, which
    // must go first.
    QNetworkAccessManager m_network;
    std::unique_ptr<PreviewFinder> m_previewFinder;
    quint64 m_previewRequest = 0;  // answers to older requests are dropped

    LibrarySnapshot m_library;
    QString m_libraryPath;
    bool m_feedbackChanged = false;  // reactions made here: a library loaded meanwhile may miss them
    QThreadPool m_feedbackWriter;    // one thread, so that writes land in the order made
    int m_currentPlaylistIndex = -1;
    QString m_currentPlaylistId;
    int m_seedRow = -1;
    int m_seedPlaylistIndex = -1;
    bool m_seedIsPlaylist = false;
    int m_preferredSelection = -1;  // the catalog row to select after the next ranking, or -1
    bool m_previewFromTracks = false;  // the player follows the tracks, not the recommendations

    RankingRunner m_ranking;
    QTimer m_rankTimer;
    QTimer m_trackFilterTimer;

    QSplitter *m_mainSplitter = nullptr;
    QSplitter *m_sidebarSplitter = nullptr;
    QSplitter *m_centreSplitter = nullptr;
    QSplitter *m_rightSplitter = nullptr;
    PlaylistListModel *m_playlistModel = nullptr;
    SearchProxyModel *m_playlistProxy = nullptr;
    QLineEdit *m_playlistFilter = nullptr;
    QTreeView *m_playlistView = nullptr;
    TrackTableModel *m_trackModel = nullptr;
    SearchProxyModel *m_trackProxy = nullptr;
    QLabel *m_trackHeading = nullptr;
    QLabel *m_featureSummary = nullptr;
    QLineEdit *m_trackFilter = nullptr;
    SeedCompleter *m_seedCompleter = nullptr;
    QPushButton *m_playlistSeedButton = nullptr;
    QTableView *m_trackView = nullptr;
    RecommendationTableModel *m_recommendationModel = nullptr;
    SearchProxyModel *m_recommendationProxy = nullptr;
    QLabel *m_seedHeading = nullptr;
    QLabel *m_rankingNote = nullptr;
    QLabel *m_feedbackError = nullptr;
    QAction *m_likeAction = nullptr;
    QAction *m_dislikeAction = nullptr;
    QAction *m_clearReactionAction = nullptr;
    QWidget *m_reactionButtons = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_saveToSpotifyAction = nullptr;
    QAction *m_copyAction = nullptr;
    QAction *m_copyTextAction = nullptr;
    QStackedWidget *m_recommendationStack = nullptr;
    QLabel *m_recommendationMessage = nullptr;
    QTableView *m_recommendationView = nullptr;
    RankingControls *m_controls = nullptr;
    FeatureChart *m_chart = nullptr;
    PreviewPlayer *m_player = nullptr;
};

}  // namespace encore
