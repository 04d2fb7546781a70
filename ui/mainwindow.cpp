#include "mainwindow.h"

#include "icons.h"
#include "importprogresswidget.h"
#include "libraryview.h"
#include "uitext.h"
#include "welcomeview.h"
#include "whenfinished.h"

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
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QUrl>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace encore {

namespace {

constexpr int kImportPollMs = 100;
constexpr int kStatusMessageMs = 6000;

namespace key {
const QString geometry = QStringLiteral("window/geometry");
const QString state = QStringLiteral("window/state");
const QString lastDirectory = QStringLiteral("window/lastCatalogDirectory");
}  // namespace key

}  // namespace

MainWindow::MainWindow(QString libraryPath, QSettings &settings, QWidget *parent)
    : QMainWindow(parent), m_libraryPath(std::move(libraryPath)), m_settings(settings)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Encore"));
    setWindowIcon(icons::app());
    setAcceptDrops(true);
    setMinimumSize(960, 600);

    m_importTimer.setInterval(kImportPollMs);
    connect(&m_importTimer, &QTimer::timeout, this, &MainWindow::updateImportProgress);

    createActions();

    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(QStringLiteral("pages"));
    m_welcome = new WelcomeView(m_pages);
    connect(m_welcome, &WelcomeView::openCatalogRequested, this, &MainWindow::showOpenCatalogDialog);
    m_loadingPage = createLoadingPage();
    m_libraryView = new LibraryView(m_settings, m_pages);
    connect(m_libraryView, &LibraryView::recommendationsChanged, this,
            &MainWindow::recommendationsChanged);
    m_pages->addWidget(m_welcome);
    m_pages->addWidget(m_loadingPage);
    m_pages->addWidget(m_libraryView);
    setCentralWidget(m_pages);

    m_summaryLabel = new QLabel(this);
    m_summaryLabel->setObjectName(QStringLiteral("librarySummary"));
    m_importProgress = new ImportProgressWidget(this);
    m_importProgress->hide();
    connect(m_importProgress, &ImportProgressWidget::cancelRequested, this, &MainWindow::cancelImport);
    statusBar()->addPermanentWidget(m_importProgress);
    statusBar()->addPermanentWidget(m_summaryLabel);

    restoreWindowState();

    if (QFileInfo::exists(m_libraryPath))
        startLoading();
    else
        showPage(m_welcome);
}

MainWindow::~MainWindow()
{
    // Workers hold their own copies of what they need; an import is asked to stop and, like a
    // library load, awaited, so that no database connection outlives the window's session.
    if (m_importState)
        m_importState->cancelRequested = true;
    m_importFuture.waitForFinished();
    m_loadFuture.waitForFinished();
}

const LibrarySnapshot &MainWindow::library() const
{
    return m_libraryView->library();
}

bool MainWindow::isBusy() const
{
    return m_loading || m_importState != nullptr;
}

int MainWindow::seedRow() const
{
    return m_libraryView->seedRow();
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
    file->addSeparator();
    m_quitAction = file->addAction(tr("&Quit"), this, &QWidget::close);
    m_quitAction->setObjectName(QStringLiteral("quitAction"));
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    m_findAction = edit->addAction(tr("&Find tracks"), this,
                                   [this] { m_libraryView->focusTrackFilter(); });
    m_findAction->setObjectName(QStringLiteral("findTracksAction"));
    m_findAction->setShortcut(QKeySequence::Find);
    m_findPlaylistAction = edit->addAction(tr("Find &playlists"), this,
                                           [this] { m_libraryView->focusPlaylistFilter(); });
    m_findPlaylistAction->setObjectName(QStringLiteral("findPlaylistsAction"));
    m_findPlaylistAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About Encore"), this, [this] {
        QMessageBox::about(
            this, tr("About Encore"),
            tr("<h3>Encore %1</h3><p>Finds what to play next: pick a seed song and Encore ranks "
               "the songs of your library that sound most like it, and shows why.</p>")
                .arg(QApplication::applicationVersion()));
    });
    about->setMenuRole(QAction::AboutRole);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt)->setMenuRole(QAction::AboutQtRole);
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
    if (!restoreGeometry(m_settings.value(key::geometry).toByteArray()))
        resize(1280, 800);
    restoreState(m_settings.value(key::state).toByteArray());
    m_libraryView->restoreState();
}

void MainWindow::saveWindowState()
{
    m_settings.setValue(key::geometry, saveGeometry());
    m_settings.setValue(key::state, saveState());
    m_libraryView->saveState();
    m_settings.sync();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveWindowState();
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
    m_findAction->setEnabled(mainView);
    m_findPlaylistAction->setEnabled(mainView);
}

// ---- loading and importing ---------------------------------------------------------------------

void MainWindow::startLoading()
{
    m_loading = true;
    showPage(m_loadingPage);
    m_loadFuture = QtConcurrent::run([path = m_libraryPath] { return loadLibrary(path); });
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
    QString directory = m_settings.value(key::lastDirectory).toString();
    if (directory.isEmpty() || !QFileInfo(directory).isDir())
        directory = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
    const QString path = QFileDialog::getOpenFileName(this, tr("Open catalog"), directory,
                                                      tr("Catalogs (*.csv *.csv.gz)"));
    if (path.isEmpty())
        return;
    m_settings.setValue(key::lastDirectory, QFileInfo(path).absolutePath());
    openCatalog(path);
}

void MainWindow::openCatalog(const QString &filePath)
{
    if (m_loading) {
        m_pendingImport = filePath;
        return;
    }
    if (m_importState) {
        statusBar()->showMessage(tr("An import is already running."), kStatusMessageMs);
        return;
    }
    auto state = std::make_shared<ImportProgressState>();
    m_importState = state;
    m_importProgress->start(QFileInfo(filePath).fileName());
    m_importProgress->show();
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
        m_importProgress->setBytes(m_importState->bytesDone, m_importState->bytesTotal);
        break;
    case Stage::Saving:
        m_importProgress->setBusy(tr("Saving to your library…"));
        break;
    case Stage::Loading:
        m_importProgress->setBusy(tr("Loading library…"));
        break;
    }
}

void MainWindow::cancelImport()
{
    if (m_importState)
        m_importState->cancelRequested = true;
}

void MainWindow::onImportFinished(const ImportOutcome &outcome)
{
    m_importTimer.stop();
    m_importProgress->hide();
    m_importState.reset();
    updateActions();

    if (outcome.error && outcome.error->kind == ErrorKind::Cancelled) {
        statusBar()->showMessage(tr("Import cancelled; your library is unchanged."), kStatusMessageMs);
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

    auto *box = new QMessageBox(QMessageBox::Information, tr("Catalog imported"),
                                uitext::importSummary(outcome.summary, QLocale()),
                                QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("importSummaryBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    if (!outcome.summary.rejected.empty()) {
        box->setInformativeText(tr("Show Details lists each skipped row and why."));
        box->setDetailedText(uitext::rejectedRows(outcome.summary.rejected, QLocale()));
    }
    box->open();
    statusBar()->showMessage(uitext::importSummary(outcome.summary, QLocale()), kStatusMessageMs);
    emit importFinished(true);
}

void MainWindow::showError(const QString &title, const Error &error)
{
    const QString text = error.message.isEmpty()
                             ? tr("Something went wrong (%1).").arg(errorKindName(error.kind))
                             : error.message;
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("errorBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::installLibrary(const LibrarySnapshot &snapshot)
{
    if (snapshot.isEmpty()) {
        m_libraryView->setLibrary(snapshot);
        m_summaryLabel->clear();
        showPage(m_welcome);
        return;
    }
    m_summaryLabel->setText(uitext::librarySummary(*snapshot.catalog, QLocale()));
    showPage(m_libraryView);
    m_libraryView->setLibrary(snapshot);  // once shown, as it scrolls to the session's seed
    emit libraryLoaded();
}

}  // namespace encore
