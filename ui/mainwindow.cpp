#include "mainwindow.h"

#include "common/icons.h"
#include "common/taskprogresswidget.h"
#include "common/uitext.h"
#include "common/whenfinished.h"
#include "help/helpmenu.h"
#include "library/libraryview.h"
#include "library/welcomeview.h"
#include "spotify/savetospotifydialog.h"
#include "spotify/spotifypane.h"
#include "spotify/spotifyplaylistmodel.h"
#include "spotify/spotifysignindialog.h"
#include "windowstatusbar.h"

#include "catalog/startercatalog.h"
#include "features/featurefiller.h"
#include "spotify/spotifyaccount.h"
#include "spotify/spotifyclient.h"
#include "spotify/spotifyplaylistimport.h"
#include "util/logging.h"
#include "util/settingskeys.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QScreen>
#include <QStatusBar>
#include <QTreeView>
#include <QUrl>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace encore {

namespace {

constexpr int kImportPollMs = 100;

namespace key = settingskeys;

}  // namespace

MainWindow::MainWindow(QString libraryPath, QSettings &settings, SpotifyAccount &account,
                       QWidget *parent)
    : QMainWindow(parent),
      m_libraryPath(std::move(libraryPath)),
      m_settings(settings),
      m_account(account)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Encore"));
    setWindowIcon(icons::app());
    setAcceptDrops(true);
    setMinimumSize(960, 600);

    m_importTimer.setInterval(kImportPollMs);
    connect(&m_importTimer, &QTimer::timeout, this, &MainWindow::updateImportProgress);

    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(QStringLiteral("pages"));
    m_welcome = new WelcomeView(m_pages);
    connect(m_welcome, &WelcomeView::openCatalogRequested, this, &MainWindow::showOpenCatalogDialog);
    connect(m_welcome, &WelcomeView::starterCatalogRequested, this, &MainWindow::getStarterCatalog);
    connect(m_welcome, &WelcomeView::signInRequested, this, &MainWindow::showSignInDialog);
    m_loadingPage = createLoadingPage();
    m_libraryView = new LibraryView(m_settings, m_pages);
    m_libraryView->setLibraryPath(m_libraryPath);
    connect(m_libraryView, &LibraryView::recommendationsChanged, this,
            &MainWindow::recommendationsChanged);
    connect(m_libraryView, &LibraryView::notice, this,
            [this](const QString &text) { m_status->notice(text); });
    connect(m_libraryView, &LibraryView::saveToSpotifyRequested, this, &MainWindow::saveToSpotify);
    m_remover = new PlaylistRemover(m_libraryPath, m_libraryView->session().undoStack(), this);
    connect(m_libraryView, &LibraryView::removeRequested, this, [this](const PlaylistRemoval &removal) {
        m_remover->remove(removal);
        updateActions();
    });
    connect(m_remover, &PlaylistRemover::libraryChanged, this, &MainWindow::onPlaylistsRemoved);
    m_spotifyPane = new SpotifyPane(m_account, m_libraryView);
    connect(m_spotifyPane, &SpotifyPane::signInRequested, this, &MainWindow::showSignInDialog);
    connect(m_spotifyPane, &SpotifyPane::playlistChosen, this, &MainWindow::readSpotifyPlaylist);
    m_libraryView->setSpotifyPane(m_spotifyPane, m_spotifyPane->view());
    createActions();  // the menus hold the view's Export… and Save to Spotify…
    m_pages->addWidget(m_welcome);
    m_pages->addWidget(m_loadingPage);
    m_pages->addWidget(m_libraryView);
    setCentralWidget(m_pages);

    m_status = new WindowStatusBar(this);
    setStatusBar(m_status);
    connect(m_status->importProgress(), &TaskProgressWidget::cancelRequested, this, &MainWindow::cancelImport);
    connect(m_status->readProgress(), &TaskProgressWidget::cancelRequested, this, [this] {
        if (m_readJob)
            m_readJob->cancel();
    });
    connect(m_status->featureProgress(), &TaskProgressWidget::cancelRequested, this, [this] {
        m_queuedWholeLibrary = false;
        m_queuedTrackIds.clear();
        if (m_filler)
            m_filler->cancel();
    });
    connect(m_status, &WindowStatusBar::skippedRowsRequested, this, &MainWindow::showSkippedRows);

    restoreWindowState();
    connectAccount();

    if (QFileInfo::exists(m_libraryPath))
        startLoading();
    else
        showLibraryOrWelcome();
    // The saved sign-in is renewed quietly; the window says so only when it fails.
    if (!m_account.clientId().isEmpty() && m_account.state() == SpotifyAccount::State::SignedOut)
        m_account.restore();
}

MainWindow::~MainWindow()
{
    // Workers hold their own copies of what they need; an import is asked to stop and, like a
    // library load, awaited, so that no database connection outlives the window's session.
    if (m_importState)
        m_importState->cancelRequested = true;
    m_importFuture.waitForFinished();
    m_loadFuture.waitForFinished();
    m_storeFuture.waitForFinished();
    m_keepSavedFuture.waitForFinished();
    m_reloadFuture.waitForFinished();
}

const LibrarySnapshot &MainWindow::library() const
{
    return m_libraryView->library();
}

bool MainWindow::isBusy() const
{
    return m_loading || m_importState != nullptr || m_readJob || m_storing || m_starterDownload
           || m_remover->isBusy();
}

bool MainWindow::isFindingFeatures() const
{
    return m_filler || m_reloading;
}

int MainWindow::seedRow() const
{
    return m_libraryView->session().seed().row;
}

QString MainWindow::currentPlaylistId() const
{
    return m_libraryView->currentPlaylistId();
}

void MainWindow::chooseSeed(int catalogRow)
{
    m_libraryView->chooseSeed(catalogRow);
}

// ---- construction ------------------------------------------------------------------------------

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    m_openAction = file->addAction(tr("&Open catalog…"), this, &MainWindow::showOpenCatalogDialog);
    m_openAction->setObjectName(QStringLiteral("openCatalogAction"));
    m_openAction->setShortcut(QKeySequence::Open);
    m_openAction->setStatusTip(tr("Import a catalog file (.csv or .csv.gz) into your library"));
    m_starterAction = file->addAction(tr("Get the &starter catalog"), this, &MainWindow::getStarterCatalog);
    m_starterAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    m_starterAction->setObjectName(QStringLiteral("starterCatalogAction"));
    m_starterAction->setStatusTip(tr("Download TidyTuesday's catalog of 28,356 songs from 471 Spotify "
                                     "playlists (about 8 MB) and import it"));
    file->addAction(m_libraryView->exportAction());
    m_findFeaturesAction = file->addAction(tr("Find missing audio &features"), this,
                                           &MainWindow::findMissingFeatures);
    m_findFeaturesAction->setObjectName(QStringLiteral("findFeaturesAction"));
    m_findFeaturesAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    m_findFeaturesAction->setStatusTip(tr("Ask Spotify, ReccoBeats and your catalogs for the features "
                                          "your tracks lack, and analyse the previews of the rest"));
    file->addSeparator();
    m_quitAction = file->addAction(tr("&Quit"), this, &QWidget::close);
    m_quitAction->setObjectName(QStringLiteral("quitAction"));
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_libraryView->undoAction());
    edit->addAction(m_libraryView->redoAction());
    edit->addSeparator();
    m_findAction = edit->addAction(tr("&Find tracks"), this,
                                   [this] { m_libraryView->focusTrackFilter(); });
    m_findAction->setObjectName(QStringLiteral("findTracksAction"));
    m_findAction->setShortcut(QKeySequence::Find);
    edit->addAction(m_libraryView->searchLibraryAction());
    m_findPlaylistAction = edit->addAction(tr("Find &playlists"), this,
                                           [this] { m_libraryView->focusPlaylistFilter(); });
    m_findPlaylistAction->setObjectName(QStringLiteral("findPlaylistsAction"));
    m_findPlaylistAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_libraryView->backAction());
    view->addAction(m_libraryView->forwardAction());
    view->addSeparator();
    view->addAction(m_libraryView->rankingPanelAction());

    QMenu *spotify = menuBar()->addMenu(tr("&Spotify"));
    m_signInAction = spotify->addAction(tr("Sign &in…"), this, &MainWindow::showSignInDialog);
    m_signInAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    m_signInAction->setObjectName(QStringLiteral("signInAction"));
    m_signInAction->setStatusTip(tr("Sign in with your own Spotify app to read your playlists"));
    m_refreshSpotifyAction = spotify->addAction(tr("&Refresh playlists"), this,
                                                [this] { m_spotifyPane->reloadPlaylists(); });
    m_refreshSpotifyAction->setObjectName(QStringLiteral("refreshSpotifyAction"));
    m_refreshSpotifyAction->setShortcut(QKeySequence::Refresh);
    spotify->addAction(m_libraryView->saveToSpotifyAction());
    spotify->addSeparator();
    m_signOutAction = spotify->addAction(tr("Sign &out"), &m_account, &SpotifyAccount::signOut);
    m_signOutAction->setObjectName(QStringLiteral("signOutAction"));
    m_signOutAction->setStatusTip(tr("Forget your Spotify sign-in on this computer; your library keeps its playlists"));

    addHelpMenu(*this);
}

QWidget *MainWindow::createLoadingPage()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("loadingView"));
    auto *label = new QLabel(tr("Loading library…"), page);
    label->setObjectName(QStringLiteral("loadingLabel"));
    label->setAlignment(Qt::AlignHCenter);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 1.3);
    label->setFont(font);
    auto *bar = new QProgressBar(page);
    bar->setRange(0, 0);
    bar->setTextVisible(false);
    bar->setFixedWidth(260);
    auto *layout = new QVBoxLayout(page);
    layout->addStretch();
    layout->addWidget(label);
    layout->addWidget(bar, 0, Qt::AlignHCenter);
    layout->addStretch();
    return page;
}

void MainWindow::restoreWindowState()
{
    if (!restoreGeometry(m_settings.value(key::windowGeometry).toByteArray())) {
        const QSize screen = this->screen() ? this->screen()->availableSize() : QSize(1280, 800);
        resize(std::min(1280, screen.width()), std::min(800, screen.height()));
    }
    restoreState(m_settings.value(key::windowState).toByteArray());
    m_libraryView->restoreState();
}

void MainWindow::saveWindowState()
{
    m_settings.setValue(key::windowGeometry, saveGeometry());
    m_settings.setValue(key::windowState, saveState());
    m_libraryView->saveState();
    m_settings.sync();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveWindowState();
    // Undo ends with the session: what removals kept aside goes.
    m_remover->finish();
    QMainWindow::closeEvent(event);
}

void MainWindow::showPage(QWidget *page)
{
    m_pages->setCurrentWidget(page);
    updateActions();
    if (page == m_welcome)
        m_welcome->setFocus();
}

void MainWindow::updateActions()
{
    const bool mainView = m_pages->currentWidget() == m_libraryView;
    m_openAction->setEnabled(!isBusy());
    m_starterAction->setEnabled(!isBusy());
    m_findFeaturesAction->setEnabled(!library().isEmpty() && !isFindingFeatures() && !m_loading
                                     && !m_importState);
    m_findAction->setEnabled(mainView);
    m_findPlaylistAction->setEnabled(mainView);
    const bool signedOut = m_account.state() == SpotifyAccount::State::SignedOut;
    m_signInAction->setEnabled(signedOut);
    m_signOutAction->setEnabled(!signedOut);
    m_refreshSpotifyAction->setEnabled(m_account.isSignedIn());
}

// ---- loading and importing ---------------------------------------------------------------------

void MainWindow::startLoading()
{
    m_loading = true;
    showPage(m_loadingPage);
    m_loadFuture = QtConcurrent::run([path = m_libraryPath] {
        // What an earlier session removed can no longer be undone: it quit, or it crashed.
        if (const Status forgotten = PlaylistRemover::forgetRemovals(path); !forgotten)
            qCWarning(lcUi) << "removed playlists not forgotten:" << forgotten.error().message;
        return loadLibrary(path);
    });
    whenFinished(m_loadFuture, this, [this](const LoadOutcome &outcome) { onLoadFinished(outcome); });
}

void MainWindow::onLoadFinished(const LoadOutcome &outcome)
{
    m_loading = false;
    if (outcome.error) {
        installLibrary({});
        showError(tr("Loading the library"), *outcome.error);
    } else {
        installLibrary(outcome.snapshot);
    }
    if (!m_pendingImport.isEmpty())
        openCatalog(std::exchange(m_pendingImport, QString()));
}

QString MainWindow::catalogFileIn(const QMimeData *mime)
{
    if (!mime || !mime->hasUrls())
        return {};
    for (const QUrl &url : mime->urls()) {
        if (!url.isLocalFile())
            continue;
        const QString path = url.toLocalFile();
        if (path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive)
            || path.endsWith(QLatin1String(".csv.gz"), Qt::CaseInsensitive))
            return path;
    }
    return {};
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!isBusy() && !catalogFileIn(event->mimeData()).isEmpty())
        event->acceptProposedAction();
    else
        event->ignore();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QString path = catalogFileIn(event->mimeData());
    if (path.isEmpty() || isBusy()) {
        event->ignore();
        return;
    }
    event->acceptProposedAction();
    openCatalog(path);
}

void MainWindow::showOpenCatalogDialog()
{
    if (isBusy())
        return;
    QString directory = m_settings.value(key::lastCatalogDirectory).toString();
    if (directory.isEmpty() || !QFileInfo(directory).isDir())
        directory = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
    const QString path = QFileDialog::getOpenFileName(this, tr("Open catalog"), directory,
                                                      tr("Catalogs (*.csv *.csv.gz)"));
    if (path.isEmpty())
        return;
    m_settings.setValue(key::lastCatalogDirectory, QFileInfo(path).absolutePath());
    openCatalog(path);
}

void MainWindow::openCatalog(const QString &filePath)
{
    if (m_loading) {
        m_pendingImport = filePath;
        return;
    }
    if (m_importState) {
        m_status->notice(tr("An import is already running."));
        return;
    }
    if (isFindingFeatures()) {
        // One long writer at a time: the search stops (what it found is kept) and goes on after
        // the import.
        const bool stopSearch = m_filler && m_pendingImport.isEmpty();
        m_pendingImport = filePath;  // first: the search may end within cancel()
        if (stopSearch) {
            queueFeatureSearch(m_fillScope);
            m_filler->cancel();
        }
        return;
    }
    auto state = std::make_shared<ImportProgressState>();
    m_importState = state;
    m_importFileName = QFileInfo(filePath).fileName();
    m_status->importProgress()->start(uitext::importingFile(m_importFileName, 0, 0, QLocale()));
    m_status->importProgress()->show();
    m_importTimer.start();
    updateActions();
    emit importStarted(filePath);

    m_importFuture = QtConcurrent::run([libraryPath = m_libraryPath, filePath, state] {
        return importIntoLibrary(libraryPath, filePath, *state);
    });
    whenFinished(m_importFuture, this, [this](const ImportOutcome &outcome) { onImportFinished(outcome); });
}

void MainWindow::updateImportProgress()
{
    if (!m_importState)
        return;
    using Stage = ImportProgressState::Stage;
    switch (m_importState->stage.load()) {
    case Stage::Reading:
        m_status->importProgress()->setProgress(uitext::importingFile(m_importFileName,
                                                            m_importState->bytesDone,
                                                            m_importState->bytesTotal, QLocale()),
                                      m_importState->bytesDone, m_importState->bytesTotal);
        break;
    case Stage::Saving:
        m_status->importProgress()->setBusy(tr("Saving to your library…"));
        break;
    case Stage::Loading:
        m_status->importProgress()->setBusy(tr("Loading library…"));
        break;
    }
}

void MainWindow::cancelImport()
{
    if (m_importState)
        m_importState->cancelRequested = true;
    if (m_starterDownload && m_starterDownload->filePath().isEmpty())
        m_starterDownload->cancel();
}

void MainWindow::getStarterCatalog()
{
    if (isBusy())
        return;
    const Result<QUrl> url = StarterCatalog::url();
    if (!url) {
        showError(tr("Getting the starter catalog"), url.error());
        return;
    }
    auto *download = new StarterCatalogDownload(m_account.network(), *url, this);
    m_starterDownload = download;
    m_status->importProgress()->start(uitext::downloadingStarterCatalog(0, 0, QLocale()));
    m_status->importProgress()->show();
    connect(download, &StarterCatalogDownload::progress, this, [this](qint64 received, qint64 total) {
        m_status->importProgress()->setProgress(uitext::downloadingStarterCatalog(received, total, QLocale()),
                                      received, total);
    });
    connect(download, &StarterCatalogDownload::finished, this, &MainWindow::onStarterCatalogDownloaded);
    updateActions();
    download->start();
}

void MainWindow::onStarterCatalogDownloaded()
{
    const std::optional<Error> error = m_starterDownload->error();
    if (!error) {
        openCatalog(m_starterDownload->filePath());  // the download stays until the import ends
        return;
    }
    m_starterDownload->deleteLater();
    m_starterDownload.clear();
    m_status->importProgress()->hide();
    updateActions();
    if (error->kind == ErrorKind::Cancelled) {
        m_status->notice(tr("Download cancelled; your library is unchanged."));
    } else {
        showError(tr("Getting the starter catalog"), *error,
                  tr("Open catalog… imports a catalog file you already have."));
    }
    emit importFinished(false);
}

void MainWindow::onImportFinished(const ImportOutcome &outcome)
{
    m_importTimer.stop();
    m_status->importProgress()->hide();
    m_importState.reset();
    if (m_starterDownload) {  // its file has been read: the temporary folder can go
        m_starterDownload->deleteLater();
        m_starterDownload.clear();
    }
    updateActions();
    // A search for features paused by the import goes on once it has shown its outcome.
    QTimer::singleShot(0, this, &MainWindow::startQueuedFeatureSearch);

    if (outcome.error && outcome.error->kind == ErrorKind::Cancelled) {
        m_status->notice(tr("Import cancelled; your library is unchanged."));
        emit importFinished(false);
        return;
    }
    if (outcome.error) {
        if (outcome.imported)  // stored, but the library could not be read back
            installLibrary({});
        showError(tr("Opening the catalog"), *outcome.error);
        emit importFinished(false);
        return;
    }

    if (!(outcome.summary.alreadyImported && !library().isEmpty()))
        installLibrary(outcome.snapshot);

    if (!outcome.summary.firstPlaylistId.isEmpty())
        m_libraryView->selectPlaylist(outcome.summary.firstPlaylistId);
    // No box to dismiss: the status bar says it, and the skipped rows are one click away.
    m_status->setSkippedRows(int(outcome.summary.rejected.size()));
    if (!outcome.summary.rejected.empty())
        m_skippedRows = outcome.summary;
    m_status->notice(uitext::importSummary(outcome.summary, QLocale()));
    emit importFinished(true);
}

void MainWindow::showSkippedRows()
{
    auto *box = new QMessageBox(QMessageBox::Information, tr("Rows skipped"),
                                uitext::importSummary(m_skippedRows, QLocale()), QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("importSummaryBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(tr("Show Details lists each skipped row and why."));
    box->setDetailedText(uitext::rejectedRows(m_skippedRows.rejected, QLocale()));
    box->open();
}

void MainWindow::showError(const QString &title, const Error &error, const QString &hint)
{
    const QString text = error.message.isEmpty()
                             ? tr("Something went wrong (%1).").arg(errorKindName(error.kind))
                             : error.message;
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("errorBox"));
    box->setInformativeText(hint);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::installLibrary(const LibrarySnapshot &snapshot)
{
    ++m_installs;
    m_spotifyPane->setLibraryPlaylists(snapshot.isEmpty() ? std::vector<Playlist>{}
                                                          : snapshot.catalog->playlists());
    if (snapshot.isEmpty()) {
        m_libraryView->setLibrary(snapshot);
        m_status->setLibrarySummary({});
        showLibraryOrWelcome();
        return;
    }
    m_status->setLibrarySummary(uitext::librarySummary(*snapshot.catalog, QLocale()));
    showPage(m_libraryView);
    m_libraryView->setLibrary(snapshot);  // once shown, as it scrolls to the session's seed
    updateActions();
    emit libraryLoaded();
}

void MainWindow::onPlaylistsRemoved(const LoadOutcome &outcome, const QString &notice, bool undone)
{
    updateActions();
    if (outcome.error) {
        showError(undone ? tr("Undoing the removal") : tr("Removing playlists"), *outcome.error);
        return;
    }
    installLibrary(outcome.snapshot);
    m_status->notice(notice);
    m_libraryView->showNotice(notice, undone ? LibraryView::NoticeLink::Redo : LibraryView::NoticeLink::Undo);
}

// An empty library still has a window's worth to show once a Spotify account is there: its
// playlists, in the sidebar.
void MainWindow::showLibraryOrWelcome()
{
    if (m_loading)
        return;
    const bool accountToShow = m_account.state() != SpotifyAccount::State::SignedOut;
    showPage(library().isEmpty() && !accountToShow ? static_cast<QWidget *>(m_welcome)
                                                   : m_libraryView);
}

// ---- Spotify -----------------------------------------------------------------------------------

void MainWindow::connectAccount()
{
    connect(&m_account, &SpotifyAccount::stateChanged, this, [this](SpotifyAccount::State state) {
        if (state == SpotifyAccount::State::SigningIn)
            m_welcome->setSignInNote(QString());
        if (!m_readJob && !m_storing)  // a read whose client went away with the sign-in
            m_status->readProgress()->hide();
        updateAccountStatus();
        updateActions();
        showLibraryOrWelcome();
    });
    connect(&m_account, &SpotifyAccount::signedIn, this, [this](const SpotifyUser &user) {
        m_status->notice(tr("Signed in to Spotify as %1.").arg(user.displayName));
    });
    connect(&m_account, &SpotifyAccount::restoreFailed, this, [this](const Error &error) {
        if (error.kind == ErrorKind::NotFound)
            return;  // nothing was saved: nothing to say
        m_spotifyPane->setNote(error.message);
        m_welcome->setSignInNote(error.message);
        m_status->notice(error.message);
    });
    connect(&m_account, &SpotifyAccount::notice, this, [this](const QString &text) {
        m_spotifyPane->setNote(text);
        m_status->notice(text);
    });
    connect(&m_account, &SpotifyAccount::signedOut, this, [this] {
        if (m_readJob)
            m_readJob->cancel();
        m_status->notice(tr("Signed out of Spotify."));
    });
    updateAccountStatus();
}

void MainWindow::updateAccountStatus()
{
    using State = SpotifyAccount::State;
    switch (m_account.state()) {
    case State::SignedOut:
        m_status->setAccount({});
        break;
    case State::Restoring:
    case State::SigningIn:
        m_status->setAccount(tr("Signing in to Spotify…"));
        break;
    case State::SignedIn:
        m_status->setAccount(tr("Spotify: %1").arg(m_account.user().displayName));
        break;
    }
}

void MainWindow::showSignInDialog()
{
    if (m_account.state() != SpotifyAccount::State::SignedOut)
        return;
    auto *dialog = new SpotifySignInDialog(m_account, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::readSpotifyPlaylist(const SpotifyPlaylist &playlist)
{
    if ((m_readJob || m_storing) && m_readPlaylist.id == playlist.id)
        return;  // already on its way (a click can also activate)
    const int row = m_spotifyPane->model().rowForId(playlist.id);
    if (row >= 0 && m_spotifyPane->model().libraryState(row)
                        == SpotifyPlaylistModel::LibraryState::UpToDate) {
        m_libraryView->selectPlaylist(playlist.id);
        return;
    }
    SpotifyClient *client = m_account.client();
    if (!client)
        return;
    if (m_loading || m_importState || m_storing) {
        m_status->notice(tr("Encore is busy with your library; try again in a moment."));
        return;
    }
    if (m_readJob)  // the user changed their mind: the new choice wins
        delete m_readJob.data();

    m_readPlaylist = playlist;
    m_readJob = client->playlistTracks(playlist.id);
    m_status->readProgress()->start(uitext::readingPlaylist(playlist.name, 0, playlist.trackCount, QLocale()));
    m_status->readProgress()->show();
    connect(m_readJob, &SpotifyJob::progress, this, [this](int done, int total) {
        m_status->readProgress()->setProgress(uitext::readingPlaylist(m_readPlaylist.name, done, total, QLocale()),
                                    done, total);
    });
    connect(m_readJob, &SpotifyJob::finished, this, &MainWindow::onPlaylistRead);
    updateActions();
}

void MainWindow::onPlaylistRead()
{
    SpotifyPlaylistTracksJob *job = m_readJob;
    m_readJob.clear();
    job->deleteLater();
    if (job->error()) {
        m_status->readProgress()->hide();
        updateActions();
        if (job->error()->kind == ErrorKind::Cancelled)
            m_status->notice(tr("Stopped reading “%1”; your library is unchanged.")
                                         .arg(m_readPlaylist.name));
        else
            showError(tr("Reading “%1”").arg(m_readPlaylist.name), *job->error());
        emit spotifyReadFinished(false);
        return;
    }

    m_storing = true;
    m_status->readProgress()->setBusy(tr("Saving “%1” to your library…").arg(m_readPlaylist.name));
    const SpotifyItemsPage items = job->result();
    m_storeFuture = QtConcurrent::run([libraryPath = m_libraryPath,
                                       batch = spotifyPlaylistBatch(m_readPlaylist, items)] {
        return storeIntoLibrary(libraryPath, batch);
    });
    whenFinished(m_storeFuture, this, [this, items](const LoadOutcome &outcome) {
        onPlaylistStored(outcome, items);
    });
}

void MainWindow::onPlaylistStored(const LoadOutcome &outcome, const SpotifyItemsPage &items)
{
    m_storing = false;
    m_status->readProgress()->hide();
    updateActions();
    if (outcome.error) {
        showError(tr("Saving “%1”").arg(m_readPlaylist.name), *outcome.error);
        emit spotifyReadFinished(false);
        return;
    }
    installLibrary(outcome.snapshot);
    m_libraryView->selectPlaylist(m_readPlaylist.id);
    m_status->notice(uitext::playlistReadSummary(m_readPlaylist.name, items, QLocale()));
    emit spotifyReadFinished(true);

    // Spotify gives a new app no audio features: look for them at once.
    QStringList trackIds;
    trackIds.reserve(qsizetype(items.tracks.size()));
    for (const Track &track : items.tracks)
        trackIds.push_back(track.id);
    startFeatureSearch(std::move(trackIds));
}

void MainWindow::saveToSpotify(const std::vector<Track> &tracks, const SaveSeed &seed)
{
    if (tracks.empty())
        return;
    auto *dialog = new SaveToSpotifyDialog(m_account, m_spotifyPane->model(), tracks, seed, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SaveToSpotifyDialog::signInRequested, this, &MainWindow::showSignInDialog);
    connect(dialog, &SaveToSpotifyDialog::saved, this, &MainWindow::keepSavedPlaylist);
    dialog->open();
}

void MainWindow::keepSavedPlaylist(const SpotifyPlaylistSave &save, const std::vector<Track> &tracks,
                                   const SpotifyPlaylist &listed)
{
    m_spotifyPane->reloadPlaylists();
    const quint64 installs = m_installs;
    m_keepSavedFuture = QtConcurrent::run([path = m_libraryPath, save, tracks, listed] {
        return storeSavedPlaylist(path, save, tracks, listed);
    });
    whenFinished(m_keepSavedFuture, this, [this, installs](const LoadOutcome &outcome) {
        if (outcome.error)
            showError(tr("Keeping the playlist in your library"), *outcome.error);
        else if (!outcome.snapshot.isEmpty() && installs == m_installs && !isBusy())
            installLibrary(outcome.snapshot);  // unless a newer library was installed meanwhile
    });
}

// ---- audio features ----------------------------------------------------------------------------

void MainWindow::findMissingFeatures()
{
    if (library().isEmpty())
        return;
    startFeatureSearch(std::nullopt);
}

void MainWindow::queueFeatureSearch(const std::optional<QStringList> &trackIds)
{
    if (trackIds)
        m_queuedTrackIds += *trackIds;
    else
        m_queuedWholeLibrary = true;
}

void MainWindow::startQueuedFeatureSearch()
{
    if (isFindingFeatures() || m_loading || m_importState)
        return;
    if (std::exchange(m_queuedWholeLibrary, false)) {
        m_queuedTrackIds.clear();
        startFeatureSearch(std::nullopt);
    } else if (!m_queuedTrackIds.isEmpty()) {
        m_queuedTrackIds.removeDuplicates();
        startFeatureSearch(std::exchange(m_queuedTrackIds, {}));
    }
}

void MainWindow::startFeatureSearch(std::optional<QStringList> trackIds)
{
    if (isFindingFeatures() || m_loading || m_importState) {
        queueFeatureSearch(trackIds);
        return;
    }
    auto *filler = new FeatureFiller(m_libraryPath, m_account.client(), m_account.network(), this);
    m_filler = filler;
    m_fillScope = trackIds;
    m_status->featureProgress()->start(tr("Looking for audio features…"));
    m_status->featureProgress()->show();
    connect(filler, &FeatureFiller::progress, this, [this](int done, int total, const QString &stage) {
        m_status->featureProgress()->setProgress(uitext::findingFeatures(stage, done, total, QLocale()), done,
                                       total);
    });
    connect(filler, &FeatureFiller::finished, this, &MainWindow::onFeatureSearchFinished);
    filler->start(std::move(trackIds));
    updateActions();
}

void MainWindow::onFeatureSearchFinished()
{
    FeatureFiller *filler = m_filler;
    m_filler.clear();
    filler->deleteLater();
    const FeatureFillSummary summary = filler->summary();
    m_status->featureProgress()->hide();

    const bool stopped = summary.error && summary.error->kind == ErrorKind::Cancelled;
    QString outcome;
    if (!m_pendingImport.isEmpty())
        outcome = tr("Stopped looking for audio features for the import; it goes on afterwards.");
    else if (stopped)
        outcome = tr("Stopped looking for audio features; the ones found are kept.");
    else if (!summary.error)
        outcome = uitext::featureFillSummary(summary, QLocale());
    if (summary.error && !stopped)
        showError(tr("Finding audio features"), *summary.error);

    // The window shows the library as it was loaded: reload it when something may have been
    // found (an import about to run reloads it anyway).
    const bool foundSome = summary.error || summary.counts.missing < summary.looked;
    if (foundSome && m_pendingImport.isEmpty()) {
        m_reloading = true;
        const quint64 installs = m_installs;
        m_reloadFuture = QtConcurrent::run([path = m_libraryPath] { return loadLibrary(path); });
        whenFinished(m_reloadFuture, this, [this, outcome, installs](const LoadOutcome &loaded) {
            onFeaturesReloaded(loaded, outcome, installs);
        });
        updateActions();
        return;
    }
    onFeaturesReloaded({}, outcome, m_installs);
}

void MainWindow::onFeaturesReloaded(const LoadOutcome &outcome, const QString &summaryText,
                                    quint64 installsBefore)
{
    m_reloading = false;
    if (outcome.error)
        showError(tr("Loading the library"), *outcome.error);
    else if (!outcome.snapshot.isEmpty() && installsBefore == m_installs && !isBusy())
        installLibrary(outcome.snapshot);  // unless a newer library was installed meanwhile
    if (!summaryText.isEmpty())
        m_status->notice(summaryText);
    updateActions();
    emit featureSearchFinished();

    if (!m_pendingImport.isEmpty())
        openCatalog(std::exchange(m_pendingImport, QString()));
    else
        startQueuedFeatureSearch();
}

}  // namespace encore
