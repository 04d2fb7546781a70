#pragma once

#include "library/libraryjobs.h"

#include "spotify/spotifyjson.h"

#include <QFuture>
#include <QMainWindow>
#include <QPointer>
#include <QTimer>

#include <memory>
#include <optional>

class QAction;
class QMimeData;
class QSettings;
class QStackedWidget;

namespace encore {

class FeatureFiller;
class StarterCatalogDownload;
class LibraryView;
class PlaylistRemover;
class SpotifyAccount;
class SpotifyPane;
class SpotifyPlaylistTracksJob;
class WelcomeView;
class WindowStatusBar;

// The Encore window: a welcome page for an empty library and no Spotify account, a loading page,
// and otherwise the LibraryView; the menus, catalog imports (also by drag and drop) and playlists
// read from Spotify, the search for missing audio features (by itself after a playlist is read,
// or when asked), with their progress in the status bar, and the window's own state. The saved
// Spotify sign-in is restored silently at start. Imports, stores and library loads run in
// QtConcurrent workers and the network is asynchronous; the window never waits.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    // `libraryPath`: the library database (LibraryDb::defaultPath() in the app, a temporary file
    // in tests). `settings` keeps the window's state and the session, `account` the Spotify
    // sign-in; both must outlive the window.
    MainWindow(QString libraryPath, QSettings &settings, SpotifyAccount &account,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    const QString &libraryPath() const { return m_libraryPath; }
    const LibrarySnapshot &library() const;
    // True while the library is loaded, a catalog imported or a Spotify playlist read.
    bool isBusy() const;
    // True while missing audio features are searched for.
    bool isFindingFeatures() const;
    SpotifyPane *spotifyPane() const { return m_spotifyPane; }
    // The catalog row of the current seed, or -1.
    int seedRow() const;
    // The id of the playlist shown ("" for All tracks).
    QString currentPlaylistId() const;

public slots:
    // Imports a catalog file into the library (after the library has loaded, if it is loading).
    void openCatalog(const QString &filePath);
    void showOpenCatalogDialog();
    // Downloads the starter catalog (StarterCatalogDownload), with progress and Cancel in the
    // status bar, and imports it as openCatalog does.
    void getStarterCatalog();
    // Makes a catalog row the seed and ranks: what Enter or a double-click on a track does.
    void chooseSeed(int catalogRow);
    void showSignInDialog();
    // Brings a Spotify playlist into the library (unless it is there, unchanged) and shows it.
    void readSpotifyPlaylist(const encore::SpotifyPlaylist &playlist);
    // Offers to save `tracks`, in order, to a Spotify playlist (SaveToSpotifyDialog); a playlist
    // saved is then listed in the sidebar and kept in the library.
    void saveToSpotify(const std::vector<encore::Track> &tracks, const encore::SaveSeed &seed);
    // Looks for the audio features the library's tracks lack (FeatureFiller), with progress and
    // Cancel in the status bar, then shows the library with what was found.
    void findMissingFeatures();

signals:
    void importStarted(const QString &filePath);
    // Also (false) when the starter catalog's download failed or was cancelled.
    void importFinished(bool succeeded);
    // A library was installed, loaded at start or after an import.
    void libraryLoaded();
    // The recommendations show the answer to the latest ranking request.
    void recommendationsChanged();
    // A Spotify playlist was read into the library (succeeded) or not.
    void spotifyReadFinished(bool succeeded);
    // A search for audio features ended, and the library shows what it found.
    void featureSearchFinished();

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    QWidget *createLoadingPage();
    void restoreWindowState();
    void saveWindowState();

    void showPage(QWidget *page);
    void updateActions();
    void startLoading();
    void onLoadFinished(const LoadOutcome &outcome);
    void updateImportProgress();
    void onImportFinished(const ImportOutcome &outcome);
    void cancelImport();
    void onStarterCatalogDownloaded();
    // A warning with the error's sentence, and `hint` (what to do instead) under it.
    // The rows the last import skipped, with the reasons (from the status bar's button).
    void showSkippedRows();
    void showError(const QString &title, const Error &error, const QString &hint = {});
    void installLibrary(const LibrarySnapshot &snapshot);
    // The library after playlists were removed, or put back by undo or redo.
    void onPlaylistsRemoved(const LoadOutcome &outcome, const QString &notice, bool undone);
    void showLibraryOrWelcome();

    void connectAccount();
    void updateAccountStatus();
    void onPlaylistRead();
    void onPlaylistStored(const LoadOutcome &outcome, const SpotifyItemsPage &items);
    void keepSavedPlaylist(const SpotifyPlaylistSave &save, const std::vector<Track> &tracks,
                           const SpotifyPlaylist &listed);

    // Searches for the features of `trackIds` (the whole library: std::nullopt), or queues the
    // search when one is running.
    void startFeatureSearch(std::optional<QStringList> trackIds);
    void queueFeatureSearch(const std::optional<QStringList> &trackIds);
    void startQueuedFeatureSearch();
    void onFeatureSearchFinished();
    // Installs the library reloaded after a search (`outcome` empty: nothing to install) unless
    // another was installed since, says `summaryText` and goes on with what waits.
    void onFeaturesReloaded(const LoadOutcome &outcome, const QString &summaryText,
                            quint64 installsBefore);

    static QString catalogFileIn(const QMimeData *mime);

    QString m_libraryPath;
    QSettings &m_settings;
    SpotifyAccount &m_account;

    QFuture<LoadOutcome> m_loadFuture;
    bool m_loading = false;
    QFuture<ImportOutcome> m_importFuture;
    std::shared_ptr<ImportProgressState> m_importState;
    QString m_pendingImport;
    QString m_importFileName;
    QTimer m_importTimer;
    // The starter catalog's download; kept until its file has been imported.
    QPointer<StarterCatalogDownload> m_starterDownload;

    // The Spotify playlist being read, then stored.
    SpotifyPlaylist m_readPlaylist;
    QPointer<SpotifyPlaylistTracksJob> m_readJob;
    QFuture<LoadOutcome> m_storeFuture;
    bool m_storing = false;
    QFuture<LoadOutcome> m_keepSavedFuture;  // a playlist saved to Spotify, into the library

    // The search for missing features, and what was asked for while it ran.
    QPointer<FeatureFiller> m_filler;
    std::optional<QStringList> m_fillScope;  // what it looks at; std::nullopt = the whole library
    bool m_queuedWholeLibrary = false;
    QStringList m_queuedTrackIds;
    QFuture<LoadOutcome> m_reloadFuture;
    bool m_reloading = false;
    quint64 m_installs = 0;  // libraries installed so far: tells a stale reload

    // Actions
    QAction *m_openAction = nullptr;
    QAction *m_starterAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_findPlaylistAction = nullptr;
    QAction *m_signInAction = nullptr;
    QAction *m_signOutAction = nullptr;
    QAction *m_refreshSpotifyAction = nullptr;
    QAction *m_findFeaturesAction = nullptr;

    // Pages
    QStackedWidget *m_pages = nullptr;
    WelcomeView *m_welcome = nullptr;
    QWidget *m_loadingPage = nullptr;
    LibraryView *m_libraryView = nullptr;
    SpotifyPane *m_spotifyPane = nullptr;

    PlaylistRemover *m_remover = nullptr;
    WindowStatusBar *m_status = nullptr;
    ImportSummary m_skippedRows;  // of the last import that skipped rows
};

}  // namespace encore
