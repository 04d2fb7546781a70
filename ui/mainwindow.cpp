#include "mainwindow.h"

#include "catalog/millionplaylist.h"
#include "common/icons.h"
#include "common/taskprogresswidget.h"
#include "common/uitext.h"
#include "help/helpmenu.h"
#include "library/libraryview.h"
#include "library/welcomeview.h"
#include "spotify/savetospotifydialog.h"
#include "spotify/spotifypane.h"
#include "spotify/spotifyplaylistmodel.h"
#include "spotify/spotifysignindialog.h"
#include "windowstatusbar.h"

#include "spotify/spotifyaccount.h"
#include "util/settingskeys.h"

#include <QAction>
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
#include <QTreeView>
#include <QStandardPaths>
#include <QScreen>
#include <QUrl>
#include <QVBoxLayout>

namespace encore {

namespace key = settingskeys;

MainWindow::MainWindow(QString libraryPath, QSettings &settings, SpotifyAccount &account, QWidget *parent)
    : QMainWindow(parent), m_settings(settings), m_account(account)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Encore"));
    setWindowIcon(icons::app());
    setAcceptDrops(true);
    setMinimumSize(960, 600);

    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(QStringLiteral("pages"));
    m_welcome = new WelcomeView(m_pages);
    connect(m_welcome, &WelcomeView::openCatalogRequested, this, &MainWindow::showOpenCatalogDialog);
    connect(m_welcome, &WelcomeView::starterCatalogRequested, this, &MainWindow::getStarterCatalog);
    connect(m_welcome, &WelcomeView::signInRequested, this, &MainWindow::showSignInDialog);
    m_loadingPage = createLoadingPage();
    m_libraryView = new LibraryView(m_settings, m_pages);
    m_libraryView->setLibraryPath(libraryPath);
    m_controller = new LibraryController(std::move(libraryPath), m_account, m_libraryView->session().undoStack(), this);
    connect(m_libraryView, &LibraryView::recommendationsChanged, this, &MainWindow::recommendationsChanged);
    connect(m_libraryView, &LibraryView::notice, this, [this](const QString &text) { m_status->notice(text); });
    connect(m_libraryView, &LibraryView::saveToSpotifyRequested, this, &MainWindow::saveToSpotify);
    connect(m_libraryView, &LibraryView::removeRequested, m_controller, &LibraryController::removePlaylists);
    connect(m_libraryView, &LibraryView::discoverRequested, m_controller, &LibraryController::discover);
    connect(m_controller, &LibraryController::discoveryFinished, m_libraryView, &LibraryView::onDiscoveryFinished);
    connect(m_libraryView, &LibraryView::spotifySearchRequested, m_controller, &LibraryController::findOnSpotify);
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
    for (LibraryTask task :
         {LibraryTask::Import, LibraryTask::SpotifyRead, LibraryTask::FeatureSearch, LibraryTask::Discover})
        connect(progressOf(task), &TaskProgressWidget::cancelRequested, m_controller,
                [this, task] { m_controller->cancel(task); });
    connect(m_status, &WindowStatusBar::skippedRowsRequested, this, &MainWindow::showSkippedRows);

    restoreWindowState();
    connectController();
    connectAccount();

    m_controller->start();
    // The saved sign-in is renewed quietly; the window says so only when it fails.
    if (!m_account.clientId().isEmpty() && m_account.state() == SpotifyAccount::State::SignedOut)
        m_account.restore();
}

MainWindow::~MainWindow() = default;

const LibrarySnapshot &MainWindow::library() const
{
    return m_libraryView->library();
}

bool MainWindow::isBusy() const
{
    return m_controller->isBusy();
}

bool MainWindow::isFindingFeatures() const
{
    return m_controller->isFindingFeatures();
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
    m_openCollectionAction =
        file->addAction(tr("Open playlist &collection…"), this, &MainWindow::showOpenCollectionDialog);
    m_openCollectionAction->setObjectName(QStringLiteral("openCollectionAction"));
    m_openCollectionAction->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_O));
    m_openCollectionAction->setStatusTip(
        tr("Import a folder of Million Playlist slice files (mpd.slice.*.json) into your library"));
    m_starterAction = file->addAction(tr("Get the &starter catalog"), this, &MainWindow::getStarterCatalog);
    m_starterAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    m_starterAction->setObjectName(QStringLiteral("starterCatalogAction"));
    m_starterAction->setStatusTip(tr("Download TidyTuesday's catalog of 28,356 songs from 471 Spotify "
                                     "playlists (about 8 MB) and import it"));
    file->addAction(m_libraryView->exportAction());
    m_findFeaturesAction = file->addAction(tr("Find missing audio &features"), this, &MainWindow::findMissingFeatures);
    m_findFeaturesAction->setObjectName(QStringLiteral("findFeaturesAction"));
    m_findFeaturesAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    m_findFeaturesAction->setStatusTip(tr("Ask Spotify, ReccoBeats and your catalogs for the features "
                                          "your tracks lack, and analyse the previews of the rest"));
    file->addAction(m_libraryView->discoverAction());
    file->addSeparator();
    m_quitAction = file->addAction(tr("&Quit"), this, &QWidget::close);
    m_quitAction->setObjectName(QStringLiteral("quitAction"));
    // Desktops without a Quit binding (Windows-style key schemes, bare X servers) still get Ctrl+Q.
    const QList<QKeySequence> quitKeys = QKeySequence::keyBindings(QKeySequence::Quit);
    m_quitAction->setShortcuts(quitKeys.isEmpty() ? QList{QKeySequence(Qt::CTRL | Qt::Key_Q)} : quitKeys);
    m_quitAction->setMenuRole(QAction::QuitRole);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_libraryView->undoAction());
    edit->addAction(m_libraryView->redoAction());
    edit->addSeparator();
    m_findAction = edit->addAction(tr("&Find tracks"), this, [this] { m_libraryView->focusTrackFilter(); });
    m_findAction->setObjectName(QStringLiteral("findTracksAction"));
    m_findAction->setShortcut(QKeySequence::Find);
    edit->addAction(m_libraryView->searchLibraryAction());
    m_findPlaylistAction =
        edit->addAction(tr("Find &playlists"), this, [this] { m_libraryView->focusPlaylistFilter(); });
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
    m_refreshSpotifyAction =
        spotify->addAction(tr("&Refresh playlists"), this, [this] { m_spotifyPane->reloadPlaylists(); });
    m_refreshSpotifyAction->setObjectName(QStringLiteral("refreshSpotifyAction"));
    m_refreshSpotifyAction->setShortcut(QKeySequence::Refresh);
    spotify->addAction(m_libraryView->saveToSpotifyAction());
    spotify->addSeparator();
    m_signOutAction = spotify->addAction(tr("Sign &out"), &m_account, &SpotifyAccount::signOut);
    m_signOutAction->setObjectName(QStringLiteral("signOutAction"));
    m_signOutAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_X));
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
    if (m_controller->isImporting() && !m_quitDuringImport) {
        event->ignore();
        askToStopImport();
        return;
    }
    saveWindowState();
    m_controller->finish();  // undo ends with the session
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
    m_openCollectionAction->setEnabled(!isBusy());
    m_starterAction->setEnabled(!isBusy());
    m_findFeaturesAction->setEnabled(!library().isEmpty() && !isFindingFeatures() && !m_controller->isLoading()
                                     && !m_controller->isImporting());
    m_libraryView->setLibraryBeingSaved(m_controller->isImporting());
    m_findAction->setEnabled(mainView);
    m_findPlaylistAction->setEnabled(mainView);
    const bool signedOut = m_account.state() == SpotifyAccount::State::SignedOut;
    m_signInAction->setEnabled(signedOut);
    m_signOutAction->setEnabled(!signedOut);
    m_refreshSpotifyAction->setEnabled(m_account.isSignedIn());
}

TaskProgressWidget *MainWindow::progressOf(LibraryTask task) const
{
    switch (task) {
    case LibraryTask::Import: return m_status->importProgress();
    case LibraryTask::SpotifyRead: return m_status->readProgress();
    case LibraryTask::Discover: return m_status->discoverProgress();
    case LibraryTask::FeatureSearch: break;
    }
    return m_status->featureProgress();
}

// ---- the library's work ------------------------------------------------------------------------

void MainWindow::connectController()
{
    LibraryController *c = m_controller;
    connect(c, &LibraryController::loadingStarted, this, [this] { showPage(m_loadingPage); });
    connect(c, &LibraryController::libraryChanged, this, &MainWindow::installLibrary);
    connect(c, &LibraryController::busyChanged, this, &MainWindow::updateActions);
    connect(c, &LibraryController::taskStarted, this, [this](LibraryTask task, const QString &text) {
        progressOf(task)->start(text);
        progressOf(task)->show();
    });
    connect(c, &LibraryController::taskProgress, this,
            [this](LibraryTask task, const QString &text, qint64 done, qint64 total) {
                progressOf(task)->setProgress(text, done, total);
            });
    connect(c, &LibraryController::taskBusy, this,
            [this](LibraryTask task, const QString &text) { progressOf(task)->setBusy(text); });
    connect(c, &LibraryController::taskEnded, this, [this](LibraryTask task) { progressOf(task)->hide(); });
    connect(c, &LibraryController::notice, m_status, &WindowStatusBar::notice);
    connect(c, &LibraryController::failed, this,
            [this](const QString &title, const Error &error, const QString &hint) { showError(title, error, hint); });
    connect(c, &LibraryController::skippedRowsChanged, m_status, &WindowStatusBar::setSkippedRows);
    connect(c, &LibraryController::playlistArrived, m_libraryView, &LibraryView::selectPlaylist);
    connect(c, &LibraryController::playlistsRemoved, this, [this](const QString &notice, bool undone) {
        m_status->notice(notice);
        m_libraryView->showNotice(notice, undone ? LibraryView::NoticeLink::Redo : LibraryView::NoticeLink::Undo);
    });
    connect(c, &LibraryController::importStarted, this, &MainWindow::importStarted);
    connect(c, &LibraryController::importFinished, this, &MainWindow::importFinished);
    connect(c, &LibraryController::spotifyReadFinished, this, &MainWindow::spotifyReadFinished);
    connect(c, &LibraryController::featureSearchFinished, this, &MainWindow::featureSearchFinished);
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
            || path.endsWith(QLatin1String(".csv.gz"), Qt::CaseInsensitive) || isMillionPlaylistSource(path))
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

QString MainWindow::catalogDirectory() const
{
    const QString directory = m_settings.value(key::lastCatalogDirectory).toString();
    if (directory.isEmpty() || !QFileInfo(directory).isDir())
        return QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
    return directory;
}

void MainWindow::showOpenCatalogDialog()
{
    if (isBusy())
        return;
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open catalog"), catalogDirectory(),
                                     tr("Catalogs (*.csv *.csv.gz);;Million Playlist slices (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    m_settings.setValue(key::lastCatalogDirectory, QFileInfo(path).absolutePath());
    openCatalog(path);
}

void MainWindow::showOpenCollectionDialog()
{
    if (isBusy())
        return;
    const QString path = QFileDialog::getExistingDirectory(this, tr("Open playlist collection"), catalogDirectory());
    if (path.isEmpty())
        return;
    m_settings.setValue(key::lastCatalogDirectory, path);
    openCatalog(path);
}

void MainWindow::openCatalog(const QString &filePath)
{
    m_controller->openCatalog(filePath);
}

void MainWindow::getStarterCatalog()
{
    m_controller->getStarterCatalog();
}

void MainWindow::findMissingFeatures()
{
    if (!library().isEmpty())
        m_controller->findFeatures();
}

void MainWindow::showSkippedRows()
{
    const ImportSummary &skipped = m_controller->skippedRows();
    auto *box = new QMessageBox(QMessageBox::Information, tr("Rows skipped"), uitext::importSummary(skipped, QLocale()),
                                QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("importSummaryBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(tr("Show Details lists each skipped row and why."));
    box->setDetailedText(uitext::rejectedRows(skipped.rejected, QLocale()));
    box->open();
}

// Quitting stops a running import, and what it has not stored yet is lost, though the library a
// first import is storing is already on screen: asked first, keeping the import the default.
void MainWindow::askToStopImport()
{
    if (findChild<QMessageBox *>(QStringLiteral("stopImportBox")))
        return;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Quit Encore?"),
                                tr("Encore is still importing into your library."), QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("stopImportBox"));
    box->setInformativeText(tr("If you quit now, the import stops and what it has not saved yet is not kept."));
    QPushButton *quit = box->addButton(tr("Stop Import and Quit"), QMessageBox::DestructiveRole);
    box->setDefaultButton(box->addButton(tr("Keep Importing"), QMessageBox::RejectRole));
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, quit] {
        if (box->clickedButton() != quit)
            return;
        m_quitDuringImport = true;
        close();
    });
    box->open();
}

void MainWindow::showError(const QString &title, const Error &error, const QString &hint)
{
    const QString text =
        error.message.isEmpty() ? tr("Something went wrong (%1).").arg(errorKindName(error.kind)) : error.message;
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("errorBox"));
    box->setInformativeText(hint);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::installLibrary(const LibrarySnapshot &snapshot)
{
    m_spotifyPane->setLibraryPlaylists(snapshot.isEmpty() ? std::vector<Playlist>{} : snapshot.catalog->playlists());
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

// An empty library still has a window's worth to show once a Spotify account is there: its
// playlists, in the sidebar.
void MainWindow::showLibraryOrWelcome()
{
    if (m_controller->isLoading())
        return;
    const bool accountToShow = m_account.state() != SpotifyAccount::State::SignedOut;
    showPage(library().isEmpty() && !accountToShow ? static_cast<QWidget *>(m_welcome) : m_libraryView);
}

// ---- Spotify -----------------------------------------------------------------------------------

void MainWindow::connectAccount()
{
    connect(&m_account, &SpotifyAccount::stateChanged, this, [this](SpotifyAccount::State state) {
        if (state == SpotifyAccount::State::SigningIn)
            m_welcome->setSignInNote(QString());
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
    connect(&m_account, &SpotifyAccount::signedOut, this, [this] { m_status->notice(tr("Signed out of Spotify.")); });
    updateAccountStatus();
}

void MainWindow::updateAccountStatus()
{
    using State = SpotifyAccount::State;
    switch (m_account.state()) {
    case State::SignedOut: m_status->setAccount({}); break;
    case State::Restoring:
    case State::SigningIn: m_status->setAccount(tr("Signing in to Spotify…")); break;
    case State::SignedIn: m_status->setAccount(tr("Spotify: %1").arg(m_account.user().displayName)); break;
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
    const int row = m_spotifyPane->model().rowForId(playlist.id);
    if (row >= 0 && m_spotifyPane->model().libraryState(row) == SpotifyPlaylistModel::LibraryState::UpToDate) {
        m_libraryView->selectPlaylist(playlist.id);
        return;
    }
    m_controller->readSpotifyPlaylist(playlist);
}

void MainWindow::saveToSpotify(const std::vector<Track> &tracks, const SaveSeed &seed)
{
    if (tracks.empty())
        return;
    auto *dialog = new SaveToSpotifyDialog(m_account, m_spotifyPane->model(), tracks, seed, libraryPath(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SaveToSpotifyDialog::spotifyAnswered, m_controller,
            [this](const std::vector<SpotifySearchAnswer> &answers, int searches) {
                m_controller->keepSpotifyAnswers(answers, searches);
            });
    connect(dialog, &SaveToSpotifyDialog::signInRequested, this, &MainWindow::showSignInDialog);
    connect(dialog, &SaveToSpotifyDialog::saved, this,
            [this](const SpotifyPlaylistSave &save, const std::vector<Track> &saved, const SpotifyPlaylist &listed) {
                m_spotifyPane->reloadPlaylists();
                m_controller->keepSavedPlaylist(save, saved, listed);
            });
    dialog->open();
}

}  // namespace encore
