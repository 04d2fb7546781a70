#pragma once

#include "library/librarycontroller.h"

#include "spotify/spotifyjson.h"

#include <QMainWindow>

class QAction;
class QMimeData;
class QSettings;
class QStackedWidget;

namespace encore {

class LibraryView;
class SpotifyAccount;
class SpotifyPane;
class TaskProgressWidget;
class WelcomeView;
class WindowStatusBar;

// The Encore window: a welcome page for an empty library and no Spotify account, a loading page,
// and otherwise the LibraryView; the menus, drag and drop, the dialogs, the status bar and the
// window's own state. The library's long work (loads, imports, playlists read from Spotify, the
// search for missing audio features) is the LibraryController's; the window asks and shows its
// progress. The saved Spotify sign-in is restored silently at start.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    // `libraryPath`: the library database (LibraryDb::defaultPath() in the app, a temporary file
    // in tests). `settings` keeps the window's state and the session, `account` the Spotify
    // sign-in; both must outlive the window.
    MainWindow(QString libraryPath, QSettings &settings, SpotifyAccount &account, QWidget *parent = nullptr);
    ~MainWindow() override;

    const QString &libraryPath() const { return m_controller->libraryPath(); }
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
    void showOpenCollectionDialog();
    // Where the open dialogs start: the folder of the last catalog opened, else Downloads.
    QString catalogDirectory() const;
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
    void connectController();
    void connectAccount();

    void showPage(QWidget *page);
    void updateActions();
    TaskProgressWidget *progressOf(LibraryTask task) const;
    // The rows the last import skipped, with the reasons (from the status bar's button).
    void showSkippedRows();
    // A warning with the error's sentence, and `hint` (what to do instead) under it.
    void showError(const QString &title, const Error &error, const QString &hint = {});
    void installLibrary(const LibrarySnapshot &snapshot);
    void showLibraryOrWelcome();
    void askToStopImport();
    void updateAccountStatus();

    static QString catalogFileIn(const QMimeData *mime);

    QSettings &m_settings;
    SpotifyAccount &m_account;
    LibraryController *m_controller = nullptr;

    // Actions
    QAction *m_openAction = nullptr;
    QAction *m_openCollectionAction = nullptr;
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

    WindowStatusBar *m_status = nullptr;
    bool m_quitDuringImport = false;  // the user chose to quit although an import runs
};

}  // namespace encore
