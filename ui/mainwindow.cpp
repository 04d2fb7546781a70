#include "mainwindow.h"

#include "featurechart.h"
#include "icons.h"
#include "importprogresswidget.h"
#include "itemroles.h"
#include "playlistlistmodel.h"
#include "rankingcontrols.h"
#include "recommendationtablemodel.h"
#include "searchproxymodel.h"
#include "tracktablemodel.h"
#include "uitext.h"
#include "welcomeview.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTreeView>
#include <QUrl>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <numeric>

namespace encore {

namespace {

constexpr int kRankDebounceMs = 150;
constexpr int kFilterDebounceMs = 120;  // filtering all 28,000 tracks takes ~0.1 s: not per key
constexpr int kImportPollMs = 100;
constexpr int kStatusMessageMs = 6000;

namespace key {
const QString geometry = QStringLiteral("window/geometry");
const QString state = QStringLiteral("window/state");
const QString mainSplitter = QStringLiteral("window/mainSplitter");
const QString centreSplitter = QStringLiteral("window/centreSplitter");
const QString rightSplitter = QStringLiteral("window/rightSplitter");
const QString playlistHeader = QStringLiteral("window/playlistHeader");
const QString trackHeader = QStringLiteral("window/trackHeader");
const QString recommendationHeader = QStringLiteral("window/recommendationHeader");
const QString lastDirectory = QStringLiteral("window/lastCatalogDirectory");
const QString playlistId = QStringLiteral("session/playlistId");
const QString seedTrackId = QStringLiteral("session/seedTrackId");
const QString seedPlaylistId = QStringLiteral("session/seedPlaylistId");
}  // namespace key

// Calls `handler` with the future's result in `context`'s thread, always from the event loop:
// QFuture::then() runs its continuation at once when the future has already finished, and a
// handler must never run inside the call that started the work.
template <typename T, typename Handler>
void whenFinished(QFuture<T> future, QObject *context, Handler handler)
{
    future.then(context, [context, handler = std::move(handler)](T result) {
        QMetaObject::invokeMethod(
            context, [handler, result = std::move(result)]() mutable { handler(std::move(result)); },
            Qt::QueuedConnection);
    });
}

QTableView *makeTable(QWidget *parent, const QString &objectName)
{
    auto *view = new QTableView(parent);
    view->setObjectName(objectName);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->setShowGrid(false);
    view->setTabKeyNavigation(false);
    view->setContextMenuPolicy(Qt::CustomContextMenu);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setHighlightSections(false);
    view->horizontalHeader()->setSectionsMovable(true);
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    return view;
}

// A context menu on a table's header to show and hide its columns (all but `keep`).
void addColumnChooser(QHeaderView *header, int keep)
{
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    QObject::connect(header, &QWidget::customContextMenuRequested, header, [header, keep](const QPoint &pos) {
        QMenu menu(header);
        const QAbstractItemModel *model = header->model();
        for (int section = 0; section < model->columnCount(); ++section) {
            QString name = model->headerData(section, Qt::Horizontal).toString();
            if (name == QLatin1String("#"))  // "Position in the playlist", "Rank, best first"
                name = model->headerData(section, Qt::Horizontal, Qt::ToolTipRole).toString();
            QAction *action = menu.addAction(name);
            action->setCheckable(true);
            action->setChecked(!header->isSectionHidden(section));
            action->setEnabled(section != keep);
            QObject::connect(action, &QAction::toggled, header,
                             [header, section](bool shown) { header->setSectionHidden(section, !shown); });
        }
        menu.exec(header->mapToGlobal(pos));
    });
}

QLineEdit *makeFilter(QWidget *parent, const QString &objectName, const QString &placeholder)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setPlaceholderText(placeholder);
    edit->setClearButtonEnabled(true);
    edit->setAcceptDrops(false);  // a dropped catalog file goes to the window
    return edit;
}

QLabel *makeHeading(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::RichText);
    label->setTextInteractionFlags(Qt::NoTextInteraction);
    label->setMinimumWidth(40);
    label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    return label;
}

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
    m_rankTimer.setSingleShot(true);
    m_rankTimer.setInterval(kRankDebounceMs);
    connect(&m_rankTimer, &QTimer::timeout, this, &MainWindow::requestRanking);

    createActions();

    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(QStringLiteral("pages"));
    m_welcome = new WelcomeView(m_pages);
    connect(m_welcome, &WelcomeView::openCatalogRequested, this, &MainWindow::showOpenCatalogDialog);
    m_loadingPage = createLoadingPage();
    m_mainView = createMainView();
    m_pages->addWidget(m_welcome);
    m_pages->addWidget(m_loadingPage);
    m_pages->addWidget(m_mainView);
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

bool MainWindow::isBusy() const
{
    return m_loading || m_importState != nullptr;
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
    m_findAction = edit->addAction(tr("&Find tracks"), this, [this] {
        m_trackFilter->setFocus(Qt::ShortcutFocusReason);
        m_trackFilter->selectAll();
    });
    m_findAction->setObjectName(QStringLiteral("findTracksAction"));
    m_findAction->setShortcut(QKeySequence::Find);
    m_findPlaylistAction = edit->addAction(tr("Find &playlists"), this, [this] {
        m_playlistFilter->setFocus(Qt::ShortcutFocusReason);
        m_playlistFilter->selectAll();
    });
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

QWidget *MainWindow::createMainView()
{
    m_mainSplitter = new QSplitter(Qt::Horizontal, this);
    m_mainSplitter->setObjectName(QStringLiteral("mainView"));
    m_mainSplitter->setChildrenCollapsible(false);

    m_centreSplitter = new QSplitter(Qt::Vertical, m_mainSplitter);
    m_centreSplitter->setObjectName(QStringLiteral("centreSplitter"));
    m_centreSplitter->setChildrenCollapsible(false);
    m_centreSplitter->addWidget(createTrackPane());
    m_centreSplitter->addWidget(createRecommendationPane());

    m_mainSplitter->addWidget(createPlaylistPane());
    m_mainSplitter->addWidget(m_centreSplitter);
    m_mainSplitter->addWidget(createDetailsPane());
    m_mainSplitter->setStretchFactor(0, 0);
    m_mainSplitter->setStretchFactor(1, 1);
    m_mainSplitter->setStretchFactor(2, 0);

    setTabOrderChain();
    return m_mainSplitter;
}

QWidget *MainWindow::createPlaylistPane()
{
    auto *pane = new QWidget(this);
    pane->setObjectName(QStringLiteral("playlistPane"));
    pane->setMinimumWidth(180);

    m_playlistModel = new PlaylistListModel(this);
    m_playlistProxy = new SearchProxyModel(this);
    m_playlistProxy->setObjectName(QStringLiteral("playlistProxy"));
    m_playlistProxy->setPinnedRows(true);
    m_playlistProxy->setSourceModel(m_playlistModel);

    m_playlistFilter = makeFilter(pane, QStringLiteral("playlistFilter"), tr("Filter playlists"));

    m_playlistView = new QTreeView(pane);
    m_playlistView->setObjectName(QStringLiteral("playlistView"));
    m_playlistView->setModel(m_playlistProxy);
    m_playlistView->setRootIsDecorated(false);
    m_playlistView->setUniformRowHeights(true);
    m_playlistView->setAllColumnsShowFocus(true);
    m_playlistView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_playlistView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_playlistView->setSortingEnabled(true);
    m_playlistView->sortByColumn(static_cast<int>(PlaylistListModel::Column::Name), Qt::AscendingOrder);
    QHeaderView *header = m_playlistView->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(static_cast<int>(PlaylistListModel::Column::Name), QHeaderView::Stretch);
    header->setSectionResizeMode(static_cast<int>(PlaylistListModel::Column::Tracks), QHeaderView::ResizeToContents);

    connect(m_playlistFilter, &QLineEdit::textChanged, m_playlistProxy, &SearchProxyModel::setSearchText);
    connect(m_playlistView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    showPlaylist(current);
            });
    connect(m_playlistView, &QTreeView::activated, this, [this] { m_trackView->setFocus(); });

    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(6, 6, 0, 0);
    layout->addWidget(m_playlistFilter);
    layout->addWidget(m_playlistView);
    return pane;
}

QWidget *MainWindow::createTrackPane()
{
    auto *pane = new QWidget(this);
    pane->setObjectName(QStringLiteral("trackPane"));
    pane->setMinimumSize(420, 200);

    m_trackModel = new TrackTableModel(this);
    m_trackProxy = new SearchProxyModel(this);
    m_trackProxy->setObjectName(QStringLiteral("trackProxy"));
    m_trackProxy->setSourceModel(m_trackModel);

    m_trackHeading = makeHeading(pane, QStringLiteral("trackHeading"));
    m_trackFilter = makeFilter(pane, QStringLiteral("trackFilter"),
                               tr("Filter by title, artist or album (Ctrl+F)"));
    m_trackFilter->setMinimumWidth(220);

    m_trackView = makeTable(pane, QStringLiteral("trackView"));
    m_trackView->setModel(m_trackProxy);
    m_trackView->setSortingEnabled(true);
    m_trackView->sortByColumn(static_cast<int>(TrackTableModel::Column::Position), Qt::AscendingOrder);
    m_trackView->setToolTip(QString());
    // Sized so that every column shows in the default window; Genre is there on demand.
    const std::pair<TrackTableModel::Column, int> widths[] = {
        {TrackTableModel::Column::Position, 40}, {TrackTableModel::Column::Title, 180},
        {TrackTableModel::Column::Artists, 120}, {TrackTableModel::Column::Album, 130},
        {TrackTableModel::Column::Year, 48},     {TrackTableModel::Column::Popularity, 76},
        {TrackTableModel::Column::Duration, 64}, {TrackTableModel::Column::Genre, 80},
    };
    for (const auto &[column, width] : widths)
        m_trackView->setColumnWidth(static_cast<int>(column), width);
    m_trackView->setColumnHidden(static_cast<int>(TrackTableModel::Column::Genre), true);
    addColumnChooser(m_trackView->horizontalHeader(), static_cast<int>(TrackTableModel::Column::Title));

    m_trackFilterTimer.setSingleShot(true);
    m_trackFilterTimer.setInterval(kFilterDebounceMs);
    connect(&m_trackFilterTimer, &QTimer::timeout, this,
            [this] { m_trackProxy->setSearchText(m_trackFilter->text()); });
    connect(m_trackFilter, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.isEmpty()) {  // clearing is quick and should feel instant
            m_trackFilterTimer.stop();
            m_trackProxy->setSearchText(text);
        } else {
            m_trackFilterTimer.start();
        }
    });
    connect(m_trackFilter, &QLineEdit::returnPressed, this, [this] {
        m_trackFilterTimer.stop();
        m_trackProxy->setSearchText(m_trackFilter->text());
        if (!m_trackView->currentIndex().isValid() && m_trackProxy->rowCount() > 0)
            m_trackView->setCurrentIndex(m_trackProxy->index(0, static_cast<int>(TrackTableModel::Column::Title)));
        m_trackView->setFocus(Qt::TabFocusReason);
    });
    connect(m_trackView, &QTableView::activated, this, [this](const QModelIndex &index) {
        chooseSeed(index.data(roles::CatalogRow).toInt());
    });
    connect(m_trackView, &QWidget::customContextMenuRequested, this,
            [this](const QPoint &pos) { showTrackContextMenu(m_trackView, pos); });
    connect(m_trackProxy, &QAbstractItemModel::modelReset, this, &MainWindow::updateTrackHeading);
    connect(m_trackProxy, &QAbstractItemModel::layoutChanged, this, &MainWindow::updateTrackHeading);
    connect(m_trackProxy, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateTrackHeading);
    connect(m_trackProxy, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateTrackHeading);

    auto *top = new QHBoxLayout;
    top->addWidget(m_trackHeading, 1);
    top->addWidget(m_trackFilter);
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_trackView);
    return pane;
}

QWidget *MainWindow::createRecommendationPane()
{
    auto *pane = new QWidget(this);
    pane->setObjectName(QStringLiteral("recommendationPane"));
    pane->setMinimumSize(420, 160);

    m_recommendationModel = new RecommendationTableModel(this);
    m_recommendationProxy = new SearchProxyModel(this);
    m_recommendationProxy->setObjectName(QStringLiteral("recommendationProxy"));
    m_recommendationProxy->setSourceModel(m_recommendationModel);

    m_seedHeading = makeHeading(pane, QStringLiteral("recommendationsHeading"));

    m_recommendationMessage = new QLabel(pane);
    m_recommendationMessage->setObjectName(QStringLiteral("recommendationsMessage"));
    m_recommendationMessage->setAlignment(Qt::AlignCenter);
    m_recommendationMessage->setWordWrap(true);
    m_recommendationMessage->setEnabled(false);
    m_recommendationMessage->setMargin(12);

    m_recommendationView = makeTable(pane, QStringLiteral("recommendationView"));
    m_recommendationView->setModel(m_recommendationProxy);
    m_recommendationView->setSortingEnabled(true);
    m_recommendationView->sortByColumn(static_cast<int>(RecommendationTableModel::Column::Rank), Qt::AscendingOrder);
    const std::pair<RecommendationTableModel::Column, int> widths[] = {
        {RecommendationTableModel::Column::Rank, 36}, {RecommendationTableModel::Column::Score, 56},
        {RecommendationTableModel::Column::Title, 190}, {RecommendationTableModel::Column::Artists, 120},
    };
    for (const auto &[column, width] : widths)
        m_recommendationView->setColumnWidth(static_cast<int>(column), width);
    addColumnChooser(m_recommendationView->horizontalHeader(),
                     static_cast<int>(RecommendationTableModel::Column::Title));

    connect(m_recommendationView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::updateChart);
    connect(m_recommendationView, &QWidget::customContextMenuRequested, this,
            [this](const QPoint &pos) { showTrackContextMenu(m_recommendationView, pos); });

    m_recommendationStack = new QStackedWidget(pane);
    m_recommendationStack->setObjectName(QStringLiteral("recommendationStack"));
    m_recommendationStack->addWidget(m_recommendationMessage);
    m_recommendationStack->addWidget(m_recommendationView);

    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(m_seedHeading);
    layout->addWidget(m_recommendationStack);
    return pane;
}

QWidget *MainWindow::createDetailsPane()
{
    m_rightSplitter = new QSplitter(Qt::Vertical, this);
    m_rightSplitter->setObjectName(QStringLiteral("detailsPane"));
    m_rightSplitter->setChildrenCollapsible(false);
    m_rightSplitter->setMinimumWidth(340);

    m_controls = new RankingControls(this);
    m_controls->setObjectName(QStringLiteral("rankingControls"));
    m_controls->setOptions(loadRankingOptions(m_settings));
    connect(m_controls, &RankingControls::optionsChanged, this, [this] {
        saveRankingOptions(m_settings, m_controls->options());
        m_rankTimer.start();
    });

    auto *controlsHolder = new QWidget(this);
    auto *controlsLayout = new QVBoxLayout(controlsHolder);
    controlsLayout->setContentsMargins(6, 6, 6, 0);
    controlsLayout->addWidget(m_controls);

    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("rankingControlsScroll"));
    scroll->setWidget(controlsHolder);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setMinimumHeight(120);

    m_chart = new FeatureChart(this);
    m_chart->setObjectName(QStringLiteral("featureChart"));

    m_rightSplitter->addWidget(scroll);
    m_rightSplitter->addWidget(m_chart);
    m_rightSplitter->setStretchFactor(0, 0);
    m_rightSplitter->setStretchFactor(1, 1);
    return m_rightSplitter;
}

void MainWindow::setTabOrderChain()
{
    const QList<QWidget *> chain = {m_playlistFilter, m_playlistView, m_trackFilter, m_trackView,
                                    m_recommendationView, m_controls};
    for (qsizetype i = 1; i < chain.size(); ++i)
        setTabOrder(chain[i - 1], chain[i]);
}

void MainWindow::restoreWindowState()
{
    if (!restoreGeometry(m_settings.value(key::geometry).toByteArray()))
        resize(1280, 800);
    restoreState(m_settings.value(key::state).toByteArray());
    if (!m_mainSplitter->restoreState(m_settings.value(key::mainSplitter).toByteArray()))
        m_mainSplitter->setSizes({250, 660, 370});
    if (!m_centreSplitter->restoreState(m_settings.value(key::centreSplitter).toByteArray()))
        m_centreSplitter->setSizes({400, 320});
    if (!m_rightSplitter->restoreState(m_settings.value(key::rightSplitter).toByteArray())) {
        const int controls = m_controls->sizeHint().height() + 12;  // all controls, no scroll bar
        m_rightSplitter->setSizes({controls, std::max(720 - controls, 300)});
    }

    // Header states carry the column widths, order and the sort the user chose.
    auto restoreHeader = [this](auto *view, QHeaderView *header, const QString &settingsKey) {
        if (header->restoreState(m_settings.value(settingsKey).toByteArray()))
            view->sortByColumn(header->sortIndicatorSection(), header->sortIndicatorOrder());
    };
    restoreHeader(m_playlistView, m_playlistView->header(), key::playlistHeader);
    restoreHeader(m_trackView, m_trackView->horizontalHeader(), key::trackHeader);
    restoreHeader(m_recommendationView, m_recommendationView->horizontalHeader(), key::recommendationHeader);
}

void MainWindow::saveWindowState()
{
    m_settings.setValue(key::geometry, saveGeometry());
    m_settings.setValue(key::state, saveState());
    m_settings.setValue(key::mainSplitter, m_mainSplitter->saveState());
    m_settings.setValue(key::centreSplitter, m_centreSplitter->saveState());
    m_settings.setValue(key::rightSplitter, m_rightSplitter->saveState());
    m_settings.setValue(key::playlistHeader, m_playlistView->header()->saveState());
    m_settings.setValue(key::trackHeader, m_trackView->horizontalHeader()->saveState());
    m_settings.setValue(key::recommendationHeader, m_recommendationView->horizontalHeader()->saveState());
    saveRankingOptions(m_settings, m_controls->options());
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
    const bool mainView = m_pages->currentWidget() == m_mainView;
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

    if (!(outcome.summary.alreadyImported && !m_library.isEmpty()))
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
    m_library = snapshot;
    ++m_generation;  // rankings under way refer to the old catalog
    m_seedRow = -1;
    m_seedPlaylistIndex = -1;
    m_recommendationModel->clear();
    m_trackModel->clear();

    if (m_library.isEmpty()) {
        m_playlistModel->setCatalog(nullptr);
        m_summaryLabel->clear();
        m_chart->showMessage(QString());
        showPage(m_welcome);
        return;
    }

    m_summaryLabel->setText(uitext::librarySummary(*m_library.catalog, QLocale()));
    m_playlistModel->setCatalog(m_library.catalog);
    showPage(m_mainView);
    restoreSession();
    emit libraryLoaded();
}

void MainWindow::restoreSession()
{
    const Catalog &catalog = *m_library.catalog;
    const int playlistRow = m_playlistModel->rowForPlaylistId(m_settings.value(key::playlistId).toString());
    const QModelIndex playlistIndex = m_playlistProxy->mapFromSource(m_playlistModel->index(playlistRow, 0));
    m_playlistView->setCurrentIndex(playlistIndex.isValid() ? playlistIndex : m_playlistProxy->index(0, 0));
    m_playlistView->scrollTo(m_playlistView->currentIndex(), QAbstractItemView::PositionAtCenter);

    const int seedRow = catalog.rowOf(m_settings.value(key::seedTrackId).toString());
    if (seedRow >= 0 && catalog.hasFeatures(seedRow)) {
        setSeed(seedRow, catalog.playlistIndexOf(m_settings.value(key::seedPlaylistId).toString()));
        selectTrackRow(seedRow);
    } else {
        clearSeed(tr("Double-click a track, or select it and press Enter, to find songs like it."));
    }
    m_trackView->setFocus();
}

// ---- playlists and tracks ----------------------------------------------------------------------

void MainWindow::showPlaylist(const QModelIndex &proxyIndex)
{
    if (m_library.isEmpty())
        return;
    const int row = m_playlistProxy->mapToSource(proxyIndex).row();
    const int playlist = m_playlistModel->playlistIndex(row);
    std::vector<int> rows;
    if (playlist < 0) {
        rows.resize(static_cast<std::size_t>(m_library.catalog->size()));
        std::iota(rows.begin(), rows.end(), 0);
    } else {
        rows = m_library.catalog->playlistRows(playlist);
    }
    m_currentPlaylistIndex = playlist;
    m_currentPlaylistId = playlist < 0 ? QString() : m_library.catalog->playlists()[playlist].id;
    m_trackModel->setTracks(m_library.catalog, std::move(rows));
    m_trackModel->setSeedRow(m_seedRow);
    m_settings.setValue(key::playlistId, m_currentPlaylistId);
    updateTrackHeading();
    if (m_seedRow >= 0)
        selectTrackRow(m_seedRow);
}

void MainWindow::updateTrackHeading()
{
    if (m_library.isEmpty()) {
        m_trackHeading->clear();
        return;
    }
    const int row = m_playlistModel->rowForPlaylistId(m_currentPlaylistId);
    const QLocale locale;
    const int total = m_trackModel->rowCount();
    const int shown = m_trackProxy->rowCount();
    QString counts = uitext::count(locale, total, tr("track"), tr("tracks"));
    if (shown != total)
        counts = tr("%1 of %2 shown").arg(locale.toString(shown), counts);
    m_trackHeading->setText(QStringLiteral("<b>%1</b>&nbsp;&nbsp;<span>%2</span>")
                                .arg(m_playlistModel->name(row).toHtmlEscaped(), counts.toHtmlEscaped()));
}

void MainWindow::selectTrackRow(int catalogRow)
{
    const int row = m_trackModel->rowOfCatalogRow(catalogRow);
    if (row < 0)
        return;
    const QModelIndex index = m_trackProxy->mapFromSource(m_trackModel->index(row, static_cast<int>(TrackTableModel::Column::Title)));
    if (!index.isValid())
        return;
    m_trackView->setCurrentIndex(index);
    m_trackView->scrollTo(index, QAbstractItemView::PositionAtCenter);
}

void MainWindow::chooseSeed(int catalogRow)
{
    if (m_library.isEmpty() || catalogRow < 0 || catalogRow >= m_library.catalog->size())
        return;
    if (!m_library.catalog->hasFeatures(catalogRow)) {
        clearSeed(tr("%1 has no audio features, so it can't be compared with other songs. "
                     "Pick another track.")
                      .arg(uitext::titleByArtist(m_library.catalog->track(catalogRow))));
        return;
    }
    setSeed(catalogRow, m_currentPlaylistIndex);
    m_settings.setValue(key::seedTrackId, m_library.catalog->track(catalogRow).id);
    m_settings.setValue(key::seedPlaylistId, m_currentPlaylistId);
}

void MainWindow::setSeed(int catalogRow, int playlistIndex)
{
    m_seedRow = catalogRow;
    m_seedPlaylistIndex = playlistIndex;
    m_trackModel->setSeedRow(catalogRow);
    updateSeedHeading();
    if (m_recommendationModel->rowCount() == 0)
        showRecommendationMessage(tr("Finding songs like %1…")
                                      .arg(uitext::titleByArtist(m_library.catalog->track(catalogRow))));
    // The recommendations shown belong to the previous seed until the ranking answers.
    m_chart->showComparison(m_library.catalog, m_library.scale, m_seedRow, nullptr);
    requestRanking();
}

void MainWindow::clearSeed(const QString &message)
{
    ++m_generation;
    m_seedRow = -1;
    m_seedPlaylistIndex = -1;
    m_trackModel->setSeedRow(-1);
    m_recommendationModel->clear();
    updateSeedHeading();
    showRecommendationMessage(message);
    m_chart->showMessage(tr("The chart compares the seed with the selected recommendation."));
}

void MainWindow::updateSeedHeading()
{
    if (m_seedRow < 0) {
        m_seedHeading->setText(QStringLiteral("<b>%1</b>").arg(tr("Recommendations")));
        return;
    }
    QString text = tr("<b>Recommendations for %1</b>")
                       .arg(uitext::titleByArtist(m_library.catalog->track(m_seedRow)).toHtmlEscaped());
    if (m_seedPlaylistIndex >= 0)
        text += QStringLiteral("&nbsp;&nbsp;")
                + tr("from %1").arg(m_library.catalog->playlists()[m_seedPlaylistIndex].name.toHtmlEscaped());
    m_seedHeading->setText(text);
}

// ---- ranking -----------------------------------------------------------------------------------

void MainWindow::requestRanking()
{
    m_rankTimer.stop();
    if (m_library.isEmpty() || m_seedRow < 0)
        return;
    const RankingOptions options = m_controls->options();
    RankingRequest request;
    request.seedRow = m_seedRow;
    request.k = options.k;
    request.method = options.method;
    request.weights = options.weights;
    request.playlistIndex = m_seedPlaylistIndex;
    request.excludePlaylistTracks = options.excludePlaylistTracks;

    const quint64 generation = ++m_generation;
    std::shared_ptr<const Recommender> recommender = m_library.recommender;
    std::shared_ptr<const Catalog> catalog = m_library.catalog;
    whenFinished(QtConcurrent::run([recommender, request, generation] {
                     return rankTracks(*recommender, request, generation);
                 }),
                 this, [this, catalog](RankOutcome outcome) {
                     onRankingFinished(catalog, std::move(outcome));
                 });
}

void MainWindow::onRankingFinished(const std::shared_ptr<const Catalog> &catalog, RankOutcome outcome)
{
    if (outcome.generation != m_generation)
        return;  // the user asked for something else meanwhile
    if (outcome.error) {
        m_recommendationModel->clear();
        showRecommendationMessage(outcome.error->message);
        updateChart();
        emit recommendationsChanged();
        return;
    }

    // Keep the selected recommendation selected when it is still among the results.
    int selectedRow = -1;
    const QModelIndex current = m_recommendationView->currentIndex();
    if (current.isValid())
        selectedRow = current.data(roles::CatalogRow).toInt();

    const bool empty = outcome.recommendations.empty();
    m_recommendationModel->setRecommendations(catalog, outcome.seedRow, std::move(outcome.recommendations));
    if (empty) {
        showRecommendationMessage(tr("No other track is similar enough to show. Try another seed "
                                     "or include this playlist's tracks."));
    } else {
        m_recommendationStack->setCurrentWidget(m_recommendationView);
        int row = m_recommendationModel->rowOfCatalogRow(selectedRow);
        const QModelIndex index = m_recommendationProxy->mapFromSource(
            m_recommendationModel->index(std::max(row, 0), static_cast<int>(RecommendationTableModel::Column::Title)));
        m_recommendationView->setCurrentIndex(index);
        m_recommendationView->scrollTo(index);
    }
    updateChart();
    emit recommendationsChanged();
}

void MainWindow::showRecommendationMessage(const QString &text)
{
    m_recommendationMessage->setText(text);
    m_recommendationStack->setCurrentWidget(m_recommendationMessage);
}

void MainWindow::updateChart()
{
    if (m_library.isEmpty() || m_seedRow < 0) {
        m_chart->showMessage(tr("The chart compares the seed with the selected recommendation."));
        return;
    }
    const QModelIndex current = m_recommendationView->currentIndex();
    const Recommendation *recommendation = nullptr;
    if (current.isValid() && m_recommendationModel->catalog() == m_library.catalog) {
        const int row = m_recommendationProxy->mapToSource(current).row();
        if (row >= 0 && row < m_recommendationModel->rowCount())
            recommendation = &m_recommendationModel->recommendation(row);
    }
    m_chart->showComparison(m_library.catalog, m_library.scale, m_seedRow, recommendation);
}

void MainWindow::showTrackContextMenu(QTableView *view, const QPoint &pos)
{
    const QModelIndex index = view->indexAt(pos);
    if (!index.isValid() || m_library.isEmpty())
        return;
    const int catalogRow = index.data(roles::CatalogRow).toInt();
    const Track &track = m_library.catalog->track(catalogRow);
    QMenu menu(this);
    QAction *seed = menu.addAction(tr("Find songs like this"), this, [this, catalogRow] { chooseSeed(catalogRow); });
    seed->setEnabled(m_library.catalog->hasFeatures(catalogRow) && catalogRow != m_seedRow);
    menu.addAction(tr("Copy Spotify link"), this, [id = track.id] {
        QGuiApplication::clipboard()->setText(QStringLiteral("https://open.spotify.com/track/%1").arg(id));
    });
    menu.exec(view->viewport()->mapToGlobal(pos));
}

}  // namespace encore
