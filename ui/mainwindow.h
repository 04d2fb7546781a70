#pragma once

#include "libraryjobs.h"

#include "spotify/spotifyjson.h"

#include <QFuture>
#include <QMainWindow>
#include <QPointer>
#include <QTimer>

#include <memory>

class QAction;
class QLabel;
class QMimeData;
class QSettings;
class QStackedWidget;

namespace encore {

class LibraryView;
class SpotifyAccount;
class SpotifyPane;
class SpotifyPlaylistTracksJob;
class TaskProgressWidget;
class WelcomeView;

// The Encore window: a welcome page for an empty library and no Spotify account, a loading page,
// and otherwise the LibraryView; the menus, catalog imports (also by drag and drop) and playlists
// read from Spotify, with their progress in the status bar, and the window's own state. The
// saved Spotify sign-in is restored silently at start. Imports, stores and library loads run in
// QtConcurrent workers and Spotify is read asynchronously; the window never waits.
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
    SpotifyPane *spotifyPane() const { return m_spotifyPane; }
    // The catalog row of the current seed, or -1.
    int seedRow() const;
    // The id of the playlist shown ("" for All tracks).
    QString currentPlaylistId() const;

public slots:
    // Imports a catalog file into the library (after the library has loaded, if it is loading).
    void openCatalog(const QString &filePath);
    void showOpenCatalogDialog();
    // Makes a catalog row the seed and ranks: what Enter or a double-click on a track does.
    void chooseSeed(int catalogRow);
    void showSignInDialog();
    // Brings a Spotify playlist into the library (unless it is there, unchanged) and shows it.
    void readSpotifyPlaylist(const encore::SpotifyPlaylist &playlist);

signals:
    void importStarted(const QString &filePath);
    void importFinished(bool succeeded);
    // A library was installed, loaded at start or after an import.
    void libraryLoaded();
    // The recommendations show the answer to the latest ranking request.
    void recommendationsChanged();
    // A Spotify playlist was read into the library (succeeded) or not.
    void spotifyReadFinished(bool succeeded);

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
    void showError(const QString &title, const Error &error);
    void installLibrary(const LibrarySnapshot &snapshot);
    void showLibraryOrWelcome();

    void connectAccount();
    void updateAccountStatus();
    void onPlaylistRead();
    void onPlaylistStored(const LoadOutcome &outcome, const SpotifyItemsPage &items);

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

    // The Spotify playlist being read, then stored.
    SpotifyPlaylist m_readPlaylist;
    QPointer<SpotifyPlaylistTracksJob> m_readJob;
    QFuture<LoadOutcome> m_storeFuture;
    bool m_storing = false;

    // Actions
    QAction *m_openAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_findPlaylistAction = nullptr;
    QAction *m_signInAction = nullptr;
    QAction *m_signOutAction = nullptr;
    QAction *m_refreshSpotifyAction = nullptr;

    // Pages
    QStackedWidget *m_pages = nullptr;
    WelcomeView *m_welcome = nullptr;
    QWidget *m_loadingPage = nullptr;
    LibraryView *m_libraryView = nullptr;
    SpotifyPane *m_spotifyPane = nullptr;

    // Status bar
    QLabel *m_summaryLabel = nullptr;
    QLabel *m_accountLabel = nullptr;
    TaskProgressWidget *m_importProgress = nullptr;
    TaskProgressWidget *m_readProgress = nullptr;
};

}  // namespace encore
