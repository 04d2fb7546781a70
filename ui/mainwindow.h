#pragma once

#include "libraryjobs.h"

#include <QFuture>
#include <QMainWindow>
#include <QTimer>

#include <memory>

class QAction;
class QLabel;
class QLineEdit;
class QMimeData;
class QSettings;
class QSplitter;
class QStackedWidget;
class QTableView;
class QTreeView;

namespace encore {

class FeatureChart;
class ImportProgressWidget;
class PlaylistListModel;
class RankingControls;
class RecommendationTableModel;
class SearchProxyModel;
class TrackTableModel;
class WelcomeView;

// The Encore window. Shows a welcome page for an empty library; otherwise playlists, their
// tracks, the recommendations for the chosen seed and a chart comparing seed and recommendation.
// Imports, library loads and rankings run in QtConcurrent workers; the window never waits.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    // `libraryPath`: the library database (LibraryDb::defaultPath() in the app, a temporary file
    // in tests). `settings` keeps the window's state and the session; it must outlive the window.
    MainWindow(QString libraryPath, QSettings &settings, QWidget *parent = nullptr);
    ~MainWindow() override;

    const QString &libraryPath() const { return m_libraryPath; }
    const LibrarySnapshot &library() const { return m_library; }
    // True while the library is loaded or a catalog imported.
    bool isBusy() const;
    // The catalog row of the current seed, or -1.
    int seedRow() const { return m_seedRow; }
    // The id of the playlist shown ("" for All tracks).
    QString currentPlaylistId() const { return m_currentPlaylistId; }

public slots:
    // Imports a catalog file into the library (after the library has loaded, if it is loading).
    void openCatalog(const QString &filePath);
    void showOpenCatalogDialog();
    // Makes a catalog row the seed and ranks: what Enter or a double-click on a track does.
    void chooseSeed(int catalogRow);

signals:
    void importStarted(const QString &filePath);
    void importFinished(bool succeeded);
    // A library was installed, loaded at start or after an import.
    void libraryLoaded();
    // The recommendations view shows the result of the latest ranking request.
    void recommendationsChanged();

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    QWidget *createLoadingPage();
    QWidget *createMainView();
    QWidget *createPlaylistPane();
    QWidget *createTrackPane();
    QWidget *createRecommendationPane();
    QWidget *createDetailsPane();
    void setTabOrderChain();
    void restoreWindowState();
    void saveWindowState();

    void showPage(QWidget *page);
    void updateActions();
    void startLoading();
    void onLoadFinished(const LoadOutcome &outcome);
    void updateImportProgress();
    void onImportFinished(const ImportOutcome &outcome);
    void cancelImport();
    void showError(const QString &title, const Error &error);
    void installLibrary(const LibrarySnapshot &snapshot);
    void restoreSession();

    void showPlaylist(const QModelIndex &proxyIndex);
    void updateTrackHeading();
    void selectTrackRow(int catalogRow);
    void setSeed(int catalogRow, int playlistIndex);
    void clearSeed(const QString &message);
    void updateSeedHeading();
    void requestRanking();
    void onRankingFinished(const std::shared_ptr<const Catalog> &catalog, RankOutcome outcome);
    void showRecommendationMessage(const QString &text);
    void updateChart();
    void showTrackContextMenu(QTableView *view, const QPoint &pos);

    static QString catalogFileIn(const QMimeData *mime);

    QString m_libraryPath;
    QSettings &m_settings;

    LibrarySnapshot m_library;
    int m_currentPlaylistIndex = -1;
    QString m_currentPlaylistId;
    int m_seedRow = -1;
    int m_seedPlaylistIndex = -1;
    quint64 m_generation = 0;

    QFuture<LoadOutcome> m_loadFuture;
    bool m_loading = false;
    QFuture<ImportOutcome> m_importFuture;
    std::shared_ptr<ImportProgressState> m_importState;
    QString m_pendingImport;
    QTimer m_importTimer;
    QTimer m_rankTimer;
    QTimer m_trackFilterTimer;

    // Actions
    QAction *m_openAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_findPlaylistAction = nullptr;

    // Pages
    QStackedWidget *m_pages = nullptr;
    WelcomeView *m_welcome = nullptr;
    QWidget *m_loadingPage = nullptr;
    QWidget *m_mainView = nullptr;

    // Main view
    QSplitter *m_mainSplitter = nullptr;
    QSplitter *m_centreSplitter = nullptr;
    QSplitter *m_rightSplitter = nullptr;
    PlaylistListModel *m_playlistModel = nullptr;
    SearchProxyModel *m_playlistProxy = nullptr;
    QLineEdit *m_playlistFilter = nullptr;
    QTreeView *m_playlistView = nullptr;
    TrackTableModel *m_trackModel = nullptr;
    SearchProxyModel *m_trackProxy = nullptr;
    QLabel *m_trackHeading = nullptr;
    QLineEdit *m_trackFilter = nullptr;
    QTableView *m_trackView = nullptr;
    RecommendationTableModel *m_recommendationModel = nullptr;
    SearchProxyModel *m_recommendationProxy = nullptr;
    QLabel *m_seedHeading = nullptr;
    QStackedWidget *m_recommendationStack = nullptr;
    QLabel *m_recommendationMessage = nullptr;
    QTableView *m_recommendationView = nullptr;
    RankingControls *m_controls = nullptr;
    FeatureChart *m_chart = nullptr;

    // Status bar
    QLabel *m_summaryLabel = nullptr;
    ImportProgressWidget *m_importProgress = nullptr;
};

}  // namespace encore
