#pragma once

#include "libraryjobs.h"

#include <QFuture>
#include <QMainWindow>
#include <QTimer>

#include <memory>

class QAction;
class QLabel;
class QMimeData;
class QSettings;
class QStackedWidget;

namespace encore {

class ImportProgressWidget;
class LibraryView;
class WelcomeView;

// The Encore window: a welcome page for an empty library, a loading page, and otherwise the
// LibraryView; the menus, catalog imports (also by drag and drop) with their progress in the
// status bar, and the window's own state. Imports and library loads run in QtConcurrent workers;
// the window never waits.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    // `libraryPath`: the library database (LibraryDb::defaultPath() in the app, a temporary file
    // in tests). `settings` keeps the window's state and the session; it must outlive the window.
    MainWindow(QString libraryPath, QSettings &settings, QWidget *parent = nullptr);
    ~MainWindow() override;

    const QString &libraryPath() const { return m_libraryPath; }
    const LibrarySnapshot &library() const;
    // True while the library is loaded or a catalog imported.
    bool isBusy() const;
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

signals:
    void importStarted(const QString &filePath);
    void importFinished(bool succeeded);
    // A library was installed, loaded at start or after an import.
    void libraryLoaded();
    // The recommendations show the answer to the latest ranking request.
    void recommendationsChanged();

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

    static QString catalogFileIn(const QMimeData *mime);

    QString m_libraryPath;
    QSettings &m_settings;

    QFuture<LoadOutcome> m_loadFuture;
    bool m_loading = false;
    QFuture<ImportOutcome> m_importFuture;
    std::shared_ptr<ImportProgressState> m_importState;
    QString m_pendingImport;
    QTimer m_importTimer;

    // Actions
    QAction *m_openAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_findPlaylistAction = nullptr;

    // Pages
    QStackedWidget *m_pages = nullptr;
    WelcomeView *m_welcome = nullptr;
    QWidget *m_loadingPage = nullptr;
    LibraryView *m_libraryView = nullptr;

    // Status bar
    QLabel *m_summaryLabel = nullptr;
    ImportProgressWidget *m_importProgress = nullptr;
};

}  // namespace encore
