#pragma once

#include "libraryjobs.h"
#include "rankingrunner.h"

#include <QNetworkAccessManager>
#include <QTimer>
#include <QWidget>

#include <memory>

class QLabel;
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
class TrackTableModel;

// The library in three panes: the playlists; the tracks of the chosen one with where their
// features came from, the recommendations for the seed and a player for the preview of the
// selected recommendation (or of the seed); the ranking controls and a chart comparing seed and
// recommendation. Remembers the playlist and the seed between sessions, and its splitters,
// columns, ranking options and volume in `settings`.
class LibraryView : public QWidget {
    Q_OBJECT

public:
    // `settings` must outlive the view.
    explicit LibraryView(QSettings &settings, QWidget *parent = nullptr);
    ~LibraryView() override;

    const LibrarySnapshot &library() const { return m_library; }
    // Shows `library` (nothing for an empty one) and, for a library with tracks, the playlist and
    // the seed of the last session. Scrolls to them, so the view should be visible by then.
    void setLibrary(const LibrarySnapshot &library);

    // The catalog row of the current seed, or -1.
    int seedRow() const { return m_seedRow; }
    // The id of the playlist shown ("" for All tracks).
    QString currentPlaylistId() const { return m_currentPlaylistId; }

    // Puts `pane` (the Spotify playlists) under the library's playlists in the sidebar.
    void setSpotifyPane(QWidget *pane, QWidget *focusTarget);

    // The splitters and the tables' headers; the ranking options are read at construction.
    void restoreState();
    void saveState();

public slots:
    // Makes a catalog row the seed and ranks: what Enter or a double-click on a track does.
    void chooseSeed(int catalogRow);
    void focusTrackFilter();
    void focusPlaylistFilter();
    // Shows the library playlist with this id (clearing the playlist filter if it hides it).
    void selectPlaylist(const QString &playlistId);

signals:
    // The recommendations show the answer to the latest ranking request.
    void recommendationsChanged();

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
    void setSeed(int catalogRow, int playlistIndex);
    void clearSeed(const QString &message);
    void updateSeedHeading();
    void requestRanking();
    void onRankingFinished(const std::shared_ptr<const Catalog> &catalog,
                           const RankOutcome &outcome);
    void showRecommendationMessage(const QString &text);
    void updateChart();
    void updatePreview();
    void showTrackContextMenu(QTableView *view, const QPoint &pos);

    QSettings &m_settings;
    // Previews are looked up on the view's own connection; declared before the finder, which
    // must go first.
    QNetworkAccessManager m_network;
    std::unique_ptr<PreviewFinder> m_previewFinder;
    quint64 m_previewRequest = 0;  // answers to older requests are dropped

    LibrarySnapshot m_library;
    int m_currentPlaylistIndex = -1;
    QString m_currentPlaylistId;
    int m_seedRow = -1;
    int m_seedPlaylistIndex = -1;

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
    QTableView *m_trackView = nullptr;
    RecommendationTableModel *m_recommendationModel = nullptr;
    SearchProxyModel *m_recommendationProxy = nullptr;
    QLabel *m_seedHeading = nullptr;
    QLabel *m_rankingNote = nullptr;
    QStackedWidget *m_recommendationStack = nullptr;
    QLabel *m_recommendationMessage = nullptr;
    QTableView *m_recommendationView = nullptr;
    RankingControls *m_controls = nullptr;
    FeatureChart *m_chart = nullptr;
    PreviewPlayer *m_player = nullptr;
};

}  // namespace encore
