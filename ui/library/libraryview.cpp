#include "libraryview.h"

#include "chart/featurechart.h"
#include "common/itemroles.h"
#include "common/searchproxymodel.h"
#include "common/trackclipboard.h"
#include "common/uitext.h"
#include "common/whenfinished.h"
#include "player/previewplayer.h"
#include "playlistlistmodel.h"
#include "ranking/rankingcontrols.h"
#include "recommendations/recommendationtablemodel.h"
#include "seedcompleter.h"
#include "tracktablemodel.h"

#include "export/exportfile.h"
#include "features/previewfinder.h"

#include <QAction>
#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <algorithm>
#include <numeric>
#include <utility>

namespace encore {

namespace {

constexpr int kRankDebounceMs = 150;
constexpr int kMaxControlsHeight = 300;  // of the 720 or so the right-hand pane has at first
constexpr int kFilterDebounceMs = 120;  // filtering all 28,000 tracks takes ~0.1 s: not per key

// Under "window/" since they were the window's: renaming them would lose the users' saved state.
namespace key {
const QString mainSplitter = QStringLiteral("window/mainSplitter");
const QString sidebarSplitter = QStringLiteral("window/sidebarSplitter");
const QString centreSplitter = QStringLiteral("window/centreSplitter");
const QString rightSplitter = QStringLiteral("window/rightSplitter");
const QString playlistHeader = QStringLiteral("window/playlistHeader");
const QString trackHeader = QStringLiteral("window/trackHeader");
const QString recommendationHeader = QStringLiteral("window/recommendationHeader");
const QString weightsShown = QStringLiteral("window/weightsShown");
const QString playlistId = QStringLiteral("session/playlistId");
const QString seedTrackId = QStringLiteral("session/seedTrackId");
const QString seedPlaylistId = QStringLiteral("session/seedPlaylistId");
const QString seedIsPlaylist = QStringLiteral("session/seedIsPlaylist");
const QString exportDirectory = QStringLiteral("export/lastDirectory");
}  // namespace key

// Feedback for a playlist seed is recorded against this prefix and the playlist's id.
const QString kPlaylistSeedPrefix = QStringLiteral("playlist:");

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

// Down in a filter box goes on into the list it filters, at its first row when none is current.
void goDownInto(QLineEdit *filter, QAbstractItemView *view)
{
    auto *down = new QShortcut(QKeySequence(Qt::Key_Down), filter, nullptr, nullptr, Qt::WidgetShortcut);
    QObject::connect(down, &QShortcut::activated, view, [view] {
        if (!view->currentIndex().isValid() && view->model()->rowCount() > 0)
            view->setCurrentIndex(view->model()->index(0, 0));
        view->setFocus(Qt::TabFocusReason);
    });
}

// Shift+F10 opens a list's context menu at its current row, as the Menu key does.
void openMenuOnShiftF10(QAbstractItemView *view)
{
    auto *menuKey = new QShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F10), view, nullptr, nullptr, Qt::WidgetShortcut);
    QObject::connect(menuKey, &QShortcut::activated, view, [view] {
        const QRect row = view->visualRect(view->currentIndex());
        emit view->customContextMenuRequested(row.isValid() ? row.center() : QPoint(0, 0));
    });
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

LibraryView::LibraryView(QSettings &settings, QWidget *parent)
    : QWidget(parent), m_settings(settings), m_previewFinder(std::make_unique<PreviewFinder>(m_network))
{
    setObjectName(QStringLiteral("mainView"));
    m_feedbackWriter.setMaxThreadCount(1);

    m_rankTimer.setSingleShot(true);
    m_rankTimer.setInterval(kRankDebounceMs);
    connect(&m_rankTimer, &QTimer::timeout, this, &LibraryView::requestRanking);
    connect(&m_ranking, &RankingRunner::finished, this, &LibraryView::onRankingFinished);

    m_mainSplitter = new QSplitter(Qt::Horizontal, this);
    m_mainSplitter->setObjectName(QStringLiteral("mainSplitter"));
    m_mainSplitter->setChildrenCollapsible(false);

    m_centreSplitter = new QSplitter(Qt::Vertical, m_mainSplitter);
    m_centreSplitter->setObjectName(QStringLiteral("centreSplitter"));
    m_centreSplitter->setChildrenCollapsible(false);
    m_centreSplitter->addWidget(createTrackPane());
    m_centreSplitter->addWidget(createRecommendationPane());

    m_sidebarSplitter = new QSplitter(Qt::Vertical, m_mainSplitter);
    m_sidebarSplitter->setObjectName(QStringLiteral("sidebarSplitter"));
    m_sidebarSplitter->setChildrenCollapsible(false);
    m_sidebarSplitter->addWidget(createPlaylistPane());
    m_mainSplitter->addWidget(m_sidebarSplitter);
    m_mainSplitter->addWidget(m_centreSplitter);
    m_mainSplitter->addWidget(createDetailsPane());
    m_mainSplitter->setStretchFactor(0, 0);
    m_mainSplitter->setStretchFactor(1, 1);
    m_mainSplitter->setStretchFactor(2, 0);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_mainSplitter);

    setTabOrderChain();
    setLibrary({});
}

LibraryView::~LibraryView()
{
    m_feedbackWriter.waitForDone();  // a reaction the user made is not dropped on closing
}

// ---- construction ------------------------------------------------------------------------------

QWidget *LibraryView::createPlaylistPane()
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
    m_playlistView->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_playlistView, &QWidget::customContextMenuRequested, this, &LibraryView::showPlaylistContextMenu);

    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(6, 6, 0, 0);
    layout->addWidget(m_playlistFilter);
    layout->addWidget(m_playlistView);
    return pane;
}

QWidget *LibraryView::createTrackPane()
{
    auto *pane = new QWidget(this);
    pane->setObjectName(QStringLiteral("trackPane"));
    pane->setMinimumSize(420, 200);

    m_trackModel = new TrackTableModel(this);
    m_trackProxy = new SearchProxyModel(this);
    m_trackProxy->setObjectName(QStringLiteral("trackProxy"));
    m_trackProxy->setSourceModel(m_trackModel);

    m_trackHeading = makeHeading(pane, QStringLiteral("trackHeading"));
    m_featureSummary = makeHeading(pane, QStringLiteral("featureSummary"));
    m_featureSummary->setTextFormat(Qt::PlainText);
    m_featureSummary->setEnabled(false);  // secondary to the heading
    m_trackFilter = makeFilter(pane, QStringLiteral("trackFilter"),
                               tr("Filter by title, artist or album (Ctrl+F)"));
    m_trackFilter->setMinimumWidth(220);
    m_seedCompleter = new SeedCompleter(m_trackFilter);
    m_playlistSeedButton = new QPushButton(tr("Recomme&nd for this playlist"), pane);
    m_playlistSeedButton->setObjectName(QStringLiteral("playlistSeedButton"));
    m_playlistSeedButton->setToolTip(tr("Find songs for the whole playlist shown, as if all its "
                                        "tracks were the seed (Hybrid method)"));
    m_playlistSeedButton->setEnabled(false);
    connect(m_playlistSeedButton, &QPushButton::clicked, this,
            [this] { chooseSeedPlaylist(m_currentPlaylistIndex); });

    m_trackView = makeTable(pane, QStringLiteral("trackView"));
    m_trackView->setModel(m_trackProxy);
    m_trackView->setSortingEnabled(true);
    m_trackView->sortByColumn(static_cast<int>(TrackTableModel::Column::Position), Qt::AscendingOrder);
    m_trackView->setToolTip(QString());
    // Sized so that every column shows in the default window, Features taking what is left;
    // Genre is there on demand.
    const std::pair<TrackTableModel::Column, int> widths[] = {
        {TrackTableModel::Column::Position, 36}, {TrackTableModel::Column::Title, 150},
        {TrackTableModel::Column::Artists, 100}, {TrackTableModel::Column::Album, 100},
        {TrackTableModel::Column::Year, 44},     {TrackTableModel::Column::Popularity, 72},
        {TrackTableModel::Column::Duration, 58}, {TrackTableModel::Column::Genre, 80},
        {TrackTableModel::Column::Features, 80},
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
    // The liked songs play like any list: the player follows the one selected there.
    connect(m_trackView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        if (!showsLiked())
            return;
        m_previewFromTracks = true;
        updatePreview();
    });
    auto *unlike = new QShortcut(QKeySequence::Delete, m_trackView, nullptr, nullptr, Qt::WidgetShortcut);
    connect(unlike, &QShortcut::activated, this, [this] {
        if (showsLiked() && m_trackView->currentIndex().isValid())
            unlikeEverywhere(m_trackView->currentIndex().data(roles::CatalogRow).toInt());
    });
    connect(m_trackProxy, &QAbstractItemModel::modelReset, this, &LibraryView::updateTrackHeading);
    connect(m_trackProxy, &QAbstractItemModel::layoutChanged, this, &LibraryView::updateTrackHeading);
    connect(m_trackProxy, &QAbstractItemModel::rowsInserted, this, &LibraryView::updateTrackHeading);
    connect(m_trackProxy, &QAbstractItemModel::rowsRemoved, this, &LibraryView::updateTrackHeading);

    auto *top = new QHBoxLayout;
    top->addWidget(m_trackHeading, 1);
    top->addWidget(m_playlistSeedButton);
    top->addWidget(m_trackFilter);
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_featureSummary);
    layout->addWidget(m_trackView);
    return pane;
}

QWidget *LibraryView::createRecommendationPane()
{
    auto *pane = new QWidget(this);
    pane->setObjectName(QStringLiteral("recommendationPane"));
    pane->setMinimumSize(420, 160);

    m_recommendationModel = new RecommendationTableModel(this);
    m_recommendationProxy = new SearchProxyModel(this);
    m_recommendationProxy->setObjectName(QStringLiteral("recommendationProxy"));
    m_recommendationProxy->setSourceModel(m_recommendationModel);

    m_seedHeading = makeHeading(pane, QStringLiteral("recommendationsHeading"));
    m_rankingNote = makeHeading(pane, QStringLiteral("rankingNote"));
    m_rankingNote->setTextFormat(Qt::PlainText);
    m_rankingNote->setEnabled(false);  // secondary to the heading
    m_rankingNote->setToolTip(tr("Tracks need all eleven audio features to be ranked. The "
                                 "Features column of the track table says which have them."));

    m_feedbackError = new QLabel(pane);
    m_feedbackError->setObjectName(QStringLiteral("feedbackError"));
    m_feedbackError->setWordWrap(true);
    m_feedbackError->setText(tr("Your like or dislike could not be saved in the library, so it "
                                "only lasts until Encore closes."));
    m_feedbackError->hide();

    m_recommendationMessage = new QLabel(pane);
    m_recommendationMessage->setObjectName(QStringLiteral("recommendationsMessage"));
    m_recommendationMessage->setAlignment(Qt::AlignCenter);
    m_recommendationMessage->setWordWrap(true);
    m_recommendationMessage->setEnabled(false);
    m_recommendationMessage->setMargin(12);

    m_recommendationView = makeTable(pane, QStringLiteral("recommendationView"));
    m_recommendationView->setModel(m_recommendationProxy);
    // Several songs can be kept at once; the chart, preview and reactions follow the current row.
    m_recommendationView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_recommendationView->setSortingEnabled(true);
    m_recommendationView->sortByColumn(static_cast<int>(RecommendationTableModel::Column::Rank), Qt::AscendingOrder);
    const std::pair<RecommendationTableModel::Column, int> widths[] = {
        {RecommendationTableModel::Column::Rank, 36}, {RecommendationTableModel::Column::Score, 72},
        {RecommendationTableModel::Column::Title, 190}, {RecommendationTableModel::Column::Artists, 120},
    };
    for (const auto &[column, width] : widths)
        m_recommendationView->setColumnWidth(static_cast<int>(column), width);
    addColumnChooser(m_recommendationView->horizontalHeader(),
                     static_cast<int>(RecommendationTableModel::Column::Title));

    connect(m_recommendationView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        m_previewFromTracks = false;
        updateChart();
        updateRecommendationActions();
    });

    // The reactions work on the selected recommendation, from the buttons, the context menu and
    // their shortcuts anywhere in this pane.
    m_likeAction = new QAction(tr("&Like"), pane);
    m_likeAction->setObjectName(QStringLiteral("likeAction"));
    m_likeAction->setIconText(tr("♥ Like"));
    m_likeAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_likeAction->setToolTip(tr("Like this recommendation (Ctrl+L): songs like it rank higher for this seed"));
    m_dislikeAction = new QAction(tr("&Dislike"), pane);
    m_dislikeAction->setObjectName(QStringLiteral("dislikeAction"));
    m_dislikeAction->setIconText(tr("✕ Dislike"));
    m_dislikeAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    m_dislikeAction->setToolTip(tr("Dislike this recommendation (Ctrl+D): it never comes back for this seed"));
    m_clearReactionAction = new QAction(tr("&Clear your like"), pane);
    m_clearReactionAction->setObjectName(QStringLiteral("clearReactionAction"));
    for (QAction *action : {m_likeAction, m_dislikeAction, m_clearReactionAction}) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        action->setEnabled(false);
        pane->addAction(action);
    }
    connect(m_likeAction, &QAction::triggered, this, [this] { reactToCurrent(Reaction::Like); });
    connect(m_dislikeAction, &QAction::triggered, this, [this] { reactToCurrent(Reaction::Dislike); });
    connect(m_clearReactionAction, &QAction::triggered, this, [this] { reactToCurrent(std::nullopt); });
    m_reactionButtons = new QWidget(pane);
    auto *buttons = new QHBoxLayout(m_reactionButtons);
    buttons->setContentsMargins(0, 0, 0, 0);
    for (QAction *action : {m_likeAction, m_dislikeAction}) {
        auto *button = new QToolButton(m_reactionButtons);
        button->setObjectName(action->objectName() + QStringLiteral("Button"));
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        button->setAutoRaise(true);
        buttons->addWidget(button);
    }
    connect(m_recommendationView, &QWidget::customContextMenuRequested, this,
            [this](const QPoint &pos) { showTrackContextMenu(m_recommendationView, pos); });

    // Keeping the good ones: the selection, or the whole list, to a file or the clipboard.
    m_exportAction = new QAction(tr("&Export…"), pane);
    m_exportAction->setObjectName(QStringLiteral("exportAction"));
    m_exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_exportAction->setToolTip(tr("Write the selected recommendations, or all of them, to a CSV, "
                                  "M3U8 or JSON file (Ctrl+E)"));
    connect(m_exportAction, &QAction::triggered, this, &LibraryView::exportRecommendations);
    m_saveToSpotifyAction = new QAction(tr("Save to &Spotify…"), pane);
    m_saveToSpotifyAction->setObjectName(QStringLiteral("saveToSpotifyAction"));
    m_saveToSpotifyAction->setShortcut(QKeySequence::Save);
    m_saveToSpotifyAction->setToolTip(tr("Save the selected recommendations, or all of them, as a Spotify "
                                         "playlist, in this order (Ctrl+S)"));
    connect(m_saveToSpotifyAction, &QAction::triggered, this, &LibraryView::saveRecommendationsToSpotify);
    m_copyAction = new QAction(tr("&Copy"), pane);
    m_copyAction->setObjectName(QStringLiteral("copyAction"));
    m_copyAction->setShortcut(QKeySequence::Copy);
    m_copyAction->setShortcutContext(Qt::WidgetShortcut);
    m_copyAction->setToolTip(tr("Copy the Spotify links of the selected recommendations"));
    m_recommendationView->addAction(m_copyAction);
    connect(m_copyAction, &QAction::triggered, this, &LibraryView::copyRecommendations);
    m_copyTextAction = new QAction(tr("Copy as &text"), pane);
    m_copyTextAction->setObjectName(QStringLiteral("copyTextAction"));
    connect(m_copyTextAction, &QAction::triggered, this, &LibraryView::copyRecommendationsAsText);
    for (QAction *action : {m_exportAction, m_saveToSpotifyAction, m_copyAction, m_copyTextAction})
        action->setEnabled(false);
    auto *keepButtons = new QWidget(pane);
    auto *keepLayout = new QHBoxLayout(keepButtons);
    keepLayout->setContentsMargins(0, 0, 0, 0);
    keepLayout->setSpacing(0);
    for (auto [action, name] : {std::pair{m_saveToSpotifyAction, "saveToSpotifyButton"},
                                std::pair{m_exportAction, "exportButton"}}) {
        auto *button = new QToolButton(keepButtons);
        button->setObjectName(QString::fromLatin1(name));
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        button->setAutoRaise(true);
        keepLayout->addWidget(button);
    }

    m_recommendationStack = new QStackedWidget(pane);
    m_recommendationStack->setObjectName(QStringLiteral("recommendationStack"));
    m_recommendationStack->addWidget(m_recommendationMessage);
    m_recommendationStack->addWidget(m_recommendationView);

    // The player sits under the recommendations, whose selected track it plays.
    m_player = new PreviewPlayer(m_settings, pane);
    m_player->setObjectName(QStringLiteral("previewPlayer"));
    m_player->addPlayPauseShortcut(m_trackView);
    m_player->addPlayPauseShortcut(m_recommendationView);

    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 4, 0, 4);
    // The heading has a line of its own, so that it stays readable beside the buttons at any width.
    layout->addWidget(m_seedHeading);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_rankingNote, 1);
    actions->addStretch();  // keeps the buttons on the right while the note is hidden
    actions->addWidget(keepButtons);
    actions->addWidget(m_reactionButtons);
    layout->addLayout(actions);
    layout->addWidget(m_feedbackError);
    layout->addWidget(m_recommendationStack, 1);
    layout->addWidget(m_player);
    return pane;
}

QWidget *LibraryView::createDetailsPane()
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
    connect(m_controls, &RankingControls::weightsUnfolded, scroll, [this, scroll] {
        // Once the layout has made room for them.
        QTimer::singleShot(0, scroll, [this, scroll] { scroll->ensureWidgetVisible(m_controls->weightsGroup()); });
    });

    m_chart = new FeatureChart(this);
    m_chart->setObjectName(QStringLiteral("featureChart"));

    m_rightSplitter->addWidget(scroll);
    m_rightSplitter->addWidget(m_chart);
    m_rightSplitter->setStretchFactor(0, 0);
    m_rightSplitter->setStretchFactor(1, 1);
    return m_rightSplitter;
}

void LibraryView::setTabOrderChain()
{
    goDownInto(m_playlistFilter, m_playlistView);
    goDownInto(m_trackFilter, m_trackView);
    for (QAbstractItemView *view : std::initializer_list<QAbstractItemView *>{m_playlistView, m_trackView,
                                                                              m_recommendationView})
        openMenuOnShiftF10(view);
    QList<QWidget *> chain = {m_playlistFilter, m_playlistView, m_playlistSeedButton, m_trackFilter,
                              m_trackView, m_recommendationView};
    for (QToolButton *button : m_reactionButtons->findChildren<QToolButton *>())
        chain << button;
    chain << m_player << m_controls;
    for (qsizetype i = 1; i < chain.size(); ++i)
        setTabOrder(chain[i - 1], chain[i]);
}

void LibraryView::setSpotifyPane(QWidget *pane, QWidget *focusTarget)
{
    m_sidebarSplitter->addWidget(pane);
    m_sidebarSplitter->setStretchFactor(0, 3);
    m_sidebarSplitter->setStretchFactor(1, 2);
    setTabOrder(m_playlistView, focusTarget);
    setTabOrder(focusTarget, m_playlistSeedButton);
}

// ---- state kept between sessions ---------------------------------------------------------------

void LibraryView::restoreState()
{
    if (!m_mainSplitter->restoreState(m_settings.value(key::mainSplitter).toByteArray()))
        m_mainSplitter->setSizes({230, 680, 370});
    if (!m_sidebarSplitter->restoreState(m_settings.value(key::sidebarSplitter).toByteArray()))
        m_sidebarSplitter->setSizes({440, 300});
    m_controls->setWeightsShown(m_settings.value(key::weightsShown, false).toBool());
    if (!m_centreSplitter->restoreState(m_settings.value(key::centreSplitter).toByteArray()))
        m_centreSplitter->setSizes({400, 320});
    if (!m_rightSplitter->restoreState(m_settings.value(key::rightSplitter).toByteArray())) {
        // All controls without a scroll bar, unless the chart would get too little room for
        // its bars, legend and caption (with the feature weights unfolded, say).
        const int controls = std::min(m_controls->sizeHint().height() + 12, kMaxControlsHeight);
        m_rightSplitter->setSizes({controls, 720 - controls});
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

void LibraryView::saveState()
{
    m_settings.setValue(key::mainSplitter, m_mainSplitter->saveState());
    m_settings.setValue(key::sidebarSplitter, m_sidebarSplitter->saveState());
    m_settings.setValue(key::centreSplitter, m_centreSplitter->saveState());
    m_settings.setValue(key::rightSplitter, m_rightSplitter->saveState());
    m_settings.setValue(key::weightsShown, m_controls->weightsShown());
    m_settings.setValue(key::playlistHeader, m_playlistView->header()->saveState());
    m_settings.setValue(key::trackHeader, m_trackView->horizontalHeader()->saveState());
    m_settings.setValue(key::recommendationHeader, m_recommendationView->horizontalHeader()->saveState());
    saveRankingOptions(m_settings, m_controls->options());
}

void LibraryView::focusTrackFilter()
{
    m_trackFilter->setFocus(Qt::ShortcutFocusReason);
    m_trackFilter->selectAll();
}

void LibraryView::focusPlaylistFilter()
{
    m_playlistFilter->setFocus(Qt::ShortcutFocusReason);
    m_playlistFilter->selectAll();
}

void LibraryView::selectPlaylist(const QString &playlistId)
{
    const int row = m_playlistModel->rowForPlaylistId(playlistId);
    QModelIndex index = m_playlistProxy->mapFromSource(m_playlistModel->index(row, 0));
    if (!index.isValid()) {  // filtered out
        m_playlistFilter->clear();  // which clears the proxy's search
        index = m_playlistProxy->mapFromSource(m_playlistModel->index(row, 0));
    }
    m_playlistView->setCurrentIndex(index);
    m_playlistView->scrollTo(index);
}

// ---- the library and the session ---------------------------------------------------------------

void LibraryView::setLibrary(const LibrarySnapshot &library)
{
    // Reactions made here are all in memory, while a library loaded meanwhile may have been read
    // before the last of them was written.
    FeedbackLog feedback = m_library.feedback;
    m_library = library;
    if (m_feedbackChanged)
        m_library.feedback = std::move(feedback);
    m_ranking.cancel();  // rankings under way refer to the old catalog
    m_seedRow = -1;
    m_seedPlaylistIndex = -1;
    m_seedIsPlaylist = false;
    m_recommendationModel->clear();
    m_trackModel->clear();
    m_seedCompleter->setCatalog(m_library.catalog);

    if (m_library.isEmpty()) {
        m_playlistModel->setCatalog(nullptr);
        updateTrackHeading();
        clearSeed(tr("Your library is empty. Choose one of your Spotify playlists on the left to "
                     "read it into the library, or open a catalog (Ctrl+O)."));
        return;
    }
    m_playlistModel->setCatalog(m_library.catalog);
    m_playlistModel->setLikedCount(int(m_library.feedback.likedSongs(*m_library.catalog).size()));
    restoreSession();
}

void LibraryView::restoreSession()
{
    const Catalog &catalog = *m_library.catalog;
    const int playlistRow = m_playlistModel->rowForPlaylistId(m_settings.value(key::playlistId).toString());
    const QModelIndex playlistIndex = m_playlistProxy->mapFromSource(m_playlistModel->index(playlistRow, 0));
    m_playlistView->setCurrentIndex(playlistIndex.isValid() ? playlistIndex : m_playlistProxy->index(0, 0));
    m_playlistView->scrollTo(m_playlistView->currentIndex(), QAbstractItemView::PositionAtCenter);

    const int seedRow = catalog.rowOf(m_settings.value(key::seedTrackId).toString());
    const int seedPlaylist = catalog.playlistIndexOf(m_settings.value(key::seedPlaylistId).toString());
    if (m_settings.value(key::seedIsPlaylist).toBool() && seedPlaylist >= 0) {
        setPlaylistSeed(seedPlaylist);
    } else if (seedRow >= 0 && catalog.hasFeatures(seedRow)) {
        setSeed(seedRow, seedPlaylist);
        selectTrackRow(seedRow);
    } else {
        clearSeed(tr("Double-click a track, or select it and press Enter, to find songs like it."));
    }
    m_trackView->setFocus();
}

// ---- playlists and tracks ----------------------------------------------------------------------

void LibraryView::showPlaylist(const QModelIndex &proxyIndex)
{
    if (m_library.isEmpty())
        return;
    const int row = m_playlistProxy->mapToSource(proxyIndex).row();
    const int playlist = m_playlistModel->playlistIndex(row);
    const bool liked = row == PlaylistListModel::kLikedRow;
    m_trackView->setColumnHidden(int(TrackTableModel::Column::LikedFor), !liked);
    if (liked) {
        m_currentPlaylistIndex = -1;
        m_currentPlaylistId = PlaylistListModel::likedId();
        m_playlistSeedButton->setEnabled(false);
        m_settings.setValue(key::playlistId, m_currentPlaylistId);
        updateLiked();
        if (m_seedRow >= 0)
            selectTrackRow(m_seedRow);
        return;
    }
    std::vector<int> rows;
    if (playlist < 0) {
        rows.resize(static_cast<std::size_t>(m_library.catalog->size()));
        std::iota(rows.begin(), rows.end(), 0);
    } else {
        const auto members = m_library.catalog->playlistRows(playlist);
        rows.assign(members.begin(), members.end());
    }
    m_currentPlaylistIndex = playlist;
    m_currentPlaylistId = playlist < 0 ? QString() : m_library.catalog->playlists()[playlist].id;
    m_featureSummary->setText(uitext::featureSummary(*m_library.catalog, rows, QLocale()));
    m_featureSummary->setToolTip(m_featureSummary->text());
    m_trackModel->setTracks(m_library.catalog, std::move(rows));
    m_playlistSeedButton->setEnabled(playlist >= 0);
    m_trackModel->setSeedRow(m_seedRow);
    m_settings.setValue(key::playlistId, m_currentPlaylistId);
    updateTrackHeading();
    if (m_seedRow >= 0)
        selectTrackRow(m_seedRow);
}

void LibraryView::updateTrackHeading()
{
    if (m_library.isEmpty()) {
        m_trackHeading->clear();
        m_featureSummary->clear();
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

void LibraryView::selectTrackRow(int catalogRow)
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

void LibraryView::chooseSeed(int catalogRow)
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
    m_settings.setValue(key::seedIsPlaylist, false);
}

void LibraryView::chooseSeedPlaylist(int playlistIndex)
{
    if (m_library.isEmpty() || playlistIndex < 0
        || playlistIndex >= static_cast<int>(m_library.catalog->playlists().size()))
        return;
    setPlaylistSeed(playlistIndex);
    m_settings.setValue(key::seedTrackId, QString());
    m_settings.setValue(key::seedPlaylistId, m_library.catalog->playlists()[playlistIndex].id);
    m_settings.setValue(key::seedIsPlaylist, true);
}

QString LibraryView::seedId() const
{
    if (m_library.isEmpty())
        return {};
    if (m_seedIsPlaylist)
        return kPlaylistSeedPrefix + m_library.catalog->playlists()[m_seedPlaylistIndex].id;
    return m_seedRow >= 0 ? m_library.catalog->track(m_seedRow).id : QString();
}

void LibraryView::setPlaylistSeed(int playlistIndex)
{
    m_seedRow = -1;
    m_seedPlaylistIndex = playlistIndex;
    m_seedIsPlaylist = true;
    m_trackModel->setSeedRow(-1);
    updateSeedHeading();
    if (m_recommendationModel->rowCount() == 0)
        showRecommendationMessage(tr("Finding songs for %1…")
                                      .arg(m_library.catalog->playlists()[playlistIndex].name));
    // The recommendations shown belong to the previous seed until the ranking answers.
    m_chart->showPlaylistComparison(m_library.catalog, m_library.scale, playlistIndex, nullptr);
    updatePreview();
    requestRanking();
}

void LibraryView::setSeed(int catalogRow, int playlistIndex)
{
    m_seedRow = catalogRow;
    m_seedPlaylistIndex = playlistIndex;
    m_seedIsPlaylist = false;
    m_trackModel->setSeedRow(catalogRow);
    updateSeedHeading();
    if (m_recommendationModel->rowCount() == 0)
        showRecommendationMessage(tr("Finding songs like %1…")
                                      .arg(uitext::titleByArtist(m_library.catalog->track(catalogRow))));
    // The recommendations shown belong to the previous seed until the ranking answers.
    m_chart->showComparison(m_library.catalog, m_library.scale, m_seedRow, nullptr);
    updatePreview();
    requestRanking();
}

void LibraryView::clearSeed(const QString &message)
{
    m_ranking.cancel();
    m_seedRow = -1;
    m_seedPlaylistIndex = -1;
    m_seedIsPlaylist = false;
    m_trackModel->setSeedRow(-1);
    m_recommendationModel->clear();
    updateSeedHeading();
    showRecommendationMessage(message);
    m_chart->showMessage(tr("The chart compares the seed with the selected recommendation."));
    updatePreview();
}

void LibraryView::updateSeedHeading()
{
    if (m_seedIsPlaylist) {
        const QString &name = m_library.catalog->playlists()[m_seedPlaylistIndex].name;
        m_seedHeading->setText(tr("<b>Recommendations for the whole playlist %1</b>").arg(name.toHtmlEscaped()));
        return;
    }
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

RankingRequest LibraryView::rankingRequest() const
{
    if (m_library.isEmpty() || !hasSeed())
        return {};
    const RankingOptions options = m_controls->options();
    RankingRequest request;
    request.seedRow = m_seedRow;
    request.k = options.k;
    request.method = options.method;
    request.weights = options.weights;
    request.playlistIndex = m_seedPlaylistIndex;
    request.excludePlaylistTracks = options.excludePlaylistTracks;
    request.hybrid = options.hybrid;
    request.playlistContext = options.playlistContext;
    request.seedIsPlaylist = m_seedIsPlaylist;
    request.feedback = m_library.feedback.forSeed(*m_library.catalog, seedId());
    return request;
}

void LibraryView::requestRanking()
{
    m_rankTimer.stop();
    if (m_library.isEmpty() || !hasSeed())
        return;
    const RankingOptions options = m_controls->options();
    if (m_seedIsPlaylist && options.method != RankingMethod::Hybrid) {
        m_ranking.cancel();
        m_recommendationModel->clear();
        showRecommendationMessage(tr("Only the Hybrid method takes a whole playlist as the seed: "
                                     "choose it under Method, or pick one track as the seed."));
        updateChart();
        emit recommendationsChanged();
        return;
    }
    m_ranking.run(m_library, rankingRequest());
}

void LibraryView::onRankingFinished(const std::shared_ptr<const Catalog> &catalog,
                                    const RankOutcome &outcome)
{
    if (outcome.error) {
        m_recommendationModel->clear();
        showRecommendationMessage(outcome.error->message);
        updateChart();
        emit recommendationsChanged();
        return;
    }

    // Keep the selected recommendation selected when it is still among the results (or, after a
    // dislike, the one that followed it).
    int selectedRow = std::exchange(m_preferredSelection, -1);
    const QModelIndex current = m_recommendationView->currentIndex();
    // A fresh list has a current row (the chart's) but no selection, so that Export… and Save to
    // Spotify… take the whole list until the user picks songs.
    const bool keepSelection = selectedRow >= 0 || m_recommendationView->selectionModel()->hasSelection();
    if (selectedRow < 0 && current.isValid())
        selectedRow = current.data(roles::CatalogRow).toInt();

    const bool empty = outcome.recommendations.empty();
    m_recommendationModel->setRecommendations(catalog, outcome.seedRow, outcome.recommendations, outcome.method);
    m_recommendationModel->setLikedRows(m_library.feedback.forSeed(*catalog, seedId()).likedRows);
    if (empty) {
        showRecommendationMessage(tr("No other track is similar enough to show. Try another seed "
                                     "or include this playlist's tracks."));
    } else {
        m_recommendationStack->setCurrentWidget(m_recommendationView);
        m_rankingNote->setText(uitext::leftOutOfRanking(catalog->size() - catalog->tracksWithFeatures(), QLocale()));
        m_rankingNote->setVisible(!m_rankingNote->text().isEmpty());
        int row = m_recommendationModel->rowOfCatalogRow(selectedRow);
        const QModelIndex index = m_recommendationProxy->mapFromSource(
            m_recommendationModel->index(std::max(row, 0), static_cast<int>(RecommendationTableModel::Column::Title)));
        m_recommendationView->selectionModel()->setCurrentIndex(
            index, keepSelection ? QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows
                                 : QItemSelectionModel::NoUpdate);
        m_recommendationView->scrollTo(index);
    }
    updateChart();
    updateRecommendationActions();
    emit recommendationsChanged();
}

void LibraryView::showRecommendationMessage(const QString &text)
{
    m_recommendationMessage->setText(text);
    m_recommendationStack->setCurrentWidget(m_recommendationMessage);
    m_rankingNote->hide();
    updateRecommendationActions();
}

void LibraryView::updateChart()
{
    updatePreview();
    if (m_library.isEmpty() || !hasSeed()) {
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
    if (m_seedIsPlaylist)
        m_chart->showPlaylistComparison(m_library.catalog, m_library.scale, m_seedPlaylistIndex,
                                        recommendation, m_recommendationModel->method());
    else
        m_chart->showComparison(m_library.catalog, m_library.scale, m_seedRow, recommendation,
                                m_recommendationModel->method());
}

void LibraryView::updatePreview()
{
    int row = m_seedRow;
    const QModelIndex current = m_recommendationView->currentIndex();
    const QModelIndex liked = m_trackView->currentIndex();
    if (m_previewFromTracks && showsLiked() && liked.isValid())
        row = liked.data(roles::CatalogRow).toInt();
    else if (current.isValid() && m_recommendationStack->currentWidget() == m_recommendationView)
        row = current.data(roles::CatalogRow).toInt();
    if (m_library.isEmpty() || row < 0) {
        ++m_previewRequest;
        m_player->clear();
        return;
    }
    const Track &track = m_library.catalog->track(row);
    if (m_player->state() != PreviewPlayer::State::NoTrack && m_player->track().id == track.id)
        return;  // a new ranking kept the same track selected: let it play on
    const quint64 request = ++m_previewRequest;
    m_player->setSearching(track);
    m_previewFinder->find(track, [this, request, track](const QUrl &preview) {
        if (request == m_previewRequest)
            m_player->setPreview(track, preview);
    });
}

void LibraryView::showTrackContextMenu(QTableView *view, const QPoint &pos)
{
    const QModelIndex index = view->indexAt(pos);
    if (!index.isValid() || m_library.isEmpty())
        return;
    const int catalogRow = index.data(roles::CatalogRow).toInt();
    const Track &track = m_library.catalog->track(catalogRow);
    QMenu menu(this);
    if (view == m_recommendationView) {
        // The reactions work on the current recommendation; a right-click inside a selection
        // keeps it for Copy and Export.
        if (view->selectionModel()->isSelected(index))
            view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::NoUpdate);
        else
            view->setCurrentIndex(index);
        menu.addAction(m_likeAction);
        menu.addAction(m_dislikeAction);
        if (m_clearReactionAction->isEnabled())
            menu.addAction(m_clearReactionAction);
        // Disliked songs are gone from the list; this is how they come back.
        const SeedFeedback feedback = m_library.feedback.forSeed(*m_library.catalog, seedId());
        if (!feedback.dislikedRows.empty()) {
            QMenu *undo = menu.addMenu(tr("&Undo a dislike"));
            for (int row : feedback.dislikedRows)
                undo->addAction(uitext::titleByArtist(m_library.catalog->track(row)), this,
                                [this, row] { react(row, std::nullopt); });
        }
        menu.addSeparator();
    }
    if (view == m_trackView && showsLiked()) {
        menu.addAction(tr("&Remove from Liked"), this, [this, catalogRow] { unlikeEverywhere(catalogRow); });
        menu.addSeparator();
    }
    QAction *seed = menu.addAction(tr("Find songs like this"), this, [this, catalogRow] { chooseSeed(catalogRow); });
    seed->setEnabled(m_library.catalog->hasFeatures(catalogRow) && catalogRow != m_seedRow);
    if (view == m_recommendationView) {
        menu.addSeparator();
        menu.addAction(m_copyAction);
        menu.addAction(m_copyTextAction);
        menu.addAction(m_saveToSpotifyAction);
        menu.addAction(m_exportAction);
    } else {
        menu.addAction(tr("Copy Spotify link"), this, [id = track.id] {
            QGuiApplication::clipboard()->setText(spotifyTrackLink(id));
        });
    }
    menu.exec(view->viewport()->mapToGlobal(pos));
}

void LibraryView::showPlaylistContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_playlistView->indexAt(pos);
    if (!index.isValid() || m_library.isEmpty())
        return;
    const int row = m_playlistProxy->mapToSource(index).row();
    const int playlist = m_playlistModel->playlistIndex(row);
    QMenu menu(this);
    if (row == PlaylistListModel::kLikedRow) {
        const TrackList liked = likedSongsToKeep();
        SaveSeed seed;
        seed.listName = tr("Liked in Encore");
        menu.addAction(tr("Save to &Spotify…"), this, [this, liked, seed] { requestSave(liked, seed); })
            ->setEnabled(!liked.isEmpty());
        menu.addAction(tr("&Export liked songs…"), this, [this, liked] { exportList(liked, tr("Liked in Encore")); })
            ->setEnabled(!liked.isEmpty());
    } else if (playlist >= 0) {
        const QString name = m_library.catalog->playlists()[playlist].name;
        menu.addAction(tr("Recommend for this playlist"), this, [this, playlist] { chooseSeedPlaylist(playlist); });
        menu.addAction(tr("Save to &Spotify…"), this, [this, playlist, name] {
            SaveSeed seed;
            seed.listName = name;
            requestSave(playlistList(m_library.catalog, playlist), seed);
        });
        menu.addAction(tr("&Export playlist…"), this, [this, playlist] { exportPlaylist(playlist); });
    } else {
        return;  // All tracks
    }
    menu.exec(m_playlistView->viewport()->mapToGlobal(pos));
}

// ---- likes and dislikes ------------------------------------------------------------------------

int LibraryView::currentRecommendationRow() const
{
    const QModelIndex current = m_recommendationView->currentIndex();
    if (!current.isValid() || m_recommendationStack->currentWidget() != m_recommendationView)
        return -1;
    return current.data(roles::CatalogRow).toInt();
}

void LibraryView::reactToCurrent(std::optional<Reaction> reaction)
{
    const int row = currentRecommendationRow();
    if (row < 0)
        return;
    if (reaction == Reaction::Dislike) {
        // The disliked row goes; the one after it (or before, at the end) takes the selection.
        const QModelIndex current = m_recommendationView->currentIndex();
        QModelIndex next = current.siblingAtRow(current.row() + 1);
        if (!next.isValid())
            next = current.siblingAtRow(current.row() - 1);
        m_preferredSelection = next.isValid() ? next.data(roles::CatalogRow).toInt() : -1;
    }
    react(row, reaction);
}

void LibraryView::react(int catalogRow, std::optional<Reaction> reaction)
{
    if (m_library.isEmpty() || !hasSeed() || catalogRow < 0 || catalogRow >= m_library.catalog->size())
        return;
    const QString seed = seedId();
    const QString track = m_library.catalog->track(catalogRow).id;
    if (reaction)
        m_library.feedback.record(seed, track, *reaction);
    else
        m_library.feedback.clear(seed, track);
    m_feedbackChanged = true;
    m_recommendationModel->setLikedRows(m_library.feedback.forSeed(*m_library.catalog, seed).likedRows);
    updateRecommendationActions();
    saveFeedback([seed, track, reaction](const QString &path) { return storeFeedback(path, seed, track, reaction); });
    updateLiked();
    requestRanking();
}

void LibraryView::updateRecommendationActions()
{
    const int row = currentRecommendationRow();
    const bool liked = row >= 0 && m_recommendationModel->isLiked(m_recommendationModel->rowOfCatalogRow(row));
    m_likeAction->setEnabled(row >= 0 && !liked);
    m_dislikeAction->setEnabled(row >= 0);
    m_clearReactionAction->setEnabled(liked);
    const bool listed = m_recommendationStack->currentWidget() == m_recommendationView
                        && m_recommendationModel->rowCount() > 0;
    for (QAction *action : {m_exportAction, m_saveToSpotifyAction, m_copyAction, m_copyTextAction})
        action->setEnabled(listed);
}

// ---- keeping the good ones ---------------------------------------------------------------------

TrackList LibraryView::recommendationsToKeep() const
{
    TrackList list;
    if (m_recommendationStack->currentWidget() != m_recommendationView || !m_recommendationModel->catalog())
        return list;
    std::vector<int> rows;  // of the model, which keeps the list's order
    for (const QModelIndex &index : m_recommendationView->selectionModel()->selectedIndexes())
        rows.push_back(m_recommendationProxy->mapToSource(index).row());
    if (rows.empty()) {
        rows.resize(static_cast<std::size_t>(m_recommendationModel->rowCount()));
        std::iota(rows.begin(), rows.end(), 0);
    }
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    list.catalog = m_recommendationModel->catalog();
    for (int row : rows)
        list.entries.push_back(recommendationEntry(*list.catalog, m_recommendationModel->seedRow(),
                                                   m_recommendationModel->recommendation(row), row + 1));
    return list;
}

void LibraryView::exportRecommendations()
{
    if (m_library.isEmpty() || !hasSeed())
        return;
    exportList(recommendationsToKeep(),
               m_seedIsPlaylist ? tr("Songs for %1").arg(m_library.catalog->playlists()[m_seedPlaylistIndex].name)
                                : tr("Songs like %1").arg(uitext::title(m_library.catalog->track(m_seedRow))));
}

void LibraryView::saveRecommendationsToSpotify()
{
    if (m_library.isEmpty() || !hasSeed())
        return;
    SaveSeed seed;
    seed.isPlaylist = m_seedIsPlaylist;
    seed.methodName = rankingMethodName(rankingRequest().method);
    if (m_seedIsPlaylist) {
        seed.title = m_library.catalog->playlists()[m_seedPlaylistIndex].name;
    } else {
        const Track track = m_library.catalog->track(m_seedRow);
        seed.title = uitext::title(track);
        seed.artists = track.artistsText();
    }
    requestSave(recommendationsToKeep(), seed);
}

void LibraryView::requestSave(const TrackList &list, const SaveSeed &seed)
{
    if (list.isEmpty())
        return;
    std::vector<Track> tracks;
    for (const TrackListEntry &entry : list.entries)
        tracks.push_back(list.catalog->track(entry.row));
    emit saveToSpotifyRequested(tracks, seed);
}

TrackList LibraryView::likedSongsToKeep() const
{
    TrackList list;
    if (m_library.isEmpty())
        return list;
    list.catalog = m_library.catalog;
    for (const LikedSong &song : m_library.feedback.likedSongs(*m_library.catalog))
        list.entries.push_back({song.row, int(list.entries.size()) + 1, std::nullopt,
                                tr("liked for %1").arg(seedDescription(song.seedIds.front()))});
    return list;
}

void LibraryView::exportPlaylist(int playlistIndex)
{
    if (m_library.isEmpty() || playlistIndex < 0
        || playlistIndex >= static_cast<int>(m_library.catalog->playlists().size()))
        return;
    exportList(playlistList(m_library.catalog, playlistIndex),
               m_library.catalog->playlists()[playlistIndex].name);
}

void LibraryView::exportList(const TrackList &list, const QString &suggestedName)
{
    if (list.isEmpty())
        return;
    QString folder = m_settings.value(key::exportDirectory).toString();
    if (folder.isEmpty() || !QFileInfo(folder).isDir())
        folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    QString name = suggestedName;
    for (const QChar c : QStringLiteral("/\\:*?\"<>|"))
        name.replace(c, u' ');

    auto *dialog = new QFileDialog(this, tr("Export"), QDir(folder).filePath(name.simplified() + QStringLiteral(".csv")));
    dialog->setObjectName(QStringLiteral("exportDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setNameFilters({tr("CSV, Exportify's layout (*.csv)"), tr("M3U8 playlist (*.m3u8)"),
                            tr("JSON (*.json)")});
    dialog->setDefaultSuffix(QStringLiteral("csv"));
    // A name typed without a suffix gets the chosen format's; a typed suffix decides the format.
    connect(dialog, &QFileDialog::filterSelected, dialog, [dialog](const QString &filter) {
        const qsizetype star = filter.lastIndexOf(QStringLiteral("*."));
        dialog->setDefaultSuffix(filter.mid(star + 2).chopped(1));
    });
    connect(dialog, &QFileDialog::fileSelected, this, [this, list](const QString &path) {
        m_settings.setValue(key::exportDirectory, QFileInfo(path).absolutePath());
        if (const Status written = writeTrackList(path, list); !written) {
            auto *box = new QMessageBox(QMessageBox::Warning, tr("Export"), written.error().message,
                                        QMessageBox::Ok, this);
            box->setObjectName(QStringLiteral("exportErrorBox"));
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
            return;
        }
        emit notice(tr("Exported %1 to %2.")
                        .arg(uitext::count(QLocale(), qint64(list.entries.size()), tr("song"), tr("songs")),
                             QFileInfo(path).fileName()));
    });
    dialog->open();
}

void LibraryView::copyRecommendations()
{
    if (const TrackList list = recommendationsToKeep(); !list.isEmpty())
        QGuiApplication::clipboard()->setMimeData(trackLinksMimeData(list));
}

void LibraryView::copyRecommendationsAsText()
{
    if (const TrackList list = recommendationsToKeep(); !list.isEmpty())
        QGuiApplication::clipboard()->setMimeData(trackTextMimeData(list));
}

void LibraryView::saveFeedback(std::function<Status(const QString &libraryPath)> change)
{
    if (m_libraryPath.isEmpty())
        return;
    whenFinished(QtConcurrent::run(&m_feedbackWriter,
                                   [path = m_libraryPath, change = std::move(change)] {
                                       const Status stored = change(path);
                                       return stored ? std::optional<Error>() : std::optional<Error>(stored.error());
                                   }),
                 this, [this](const std::optional<Error> &error) {
                     // Never silent: the user believes the reaction is kept.
                     m_feedbackError->setVisible(error.has_value());
                     m_feedbackError->setToolTip(error ? error->message : QString());
                 });
}

void LibraryView::unlikeEverywhere(int catalogRow)
{
    if (m_library.isEmpty() || catalogRow < 0 || catalogRow >= m_library.catalog->size())
        return;
    const QString track = m_library.catalog->track(catalogRow).id;
    m_library.feedback.clearLikes(track);
    m_feedbackChanged = true;
    saveFeedback([track](const QString &path) { return forgetLikes(path, track); });
    updateLiked();
    if (hasSeed()) {
        m_recommendationModel->setLikedRows(m_library.feedback.forSeed(*m_library.catalog, seedId()).likedRows);
        updateRecommendationActions();
        requestRanking();
    }
}

bool LibraryView::showsLiked() const
{
    return m_currentPlaylistId == PlaylistListModel::likedId();
}

QString LibraryView::seedDescription(const QString &seedId) const
{
    static const QString playlistPrefix = QStringLiteral("playlist:");
    if (seedId.startsWith(playlistPrefix)) {
        const int playlist = m_library.catalog->playlistIndexOf(seedId.mid(playlistPrefix.size()));
        return playlist < 0 ? tr("a playlist no longer in the library")
                            : tr("the playlist “%1”").arg(m_library.catalog->playlists()[playlist].name);
    }
    const int row = m_library.catalog->rowOf(seedId);
    return row < 0 ? tr("a song no longer in the library") : uitext::titleByArtist(m_library.catalog->track(row));
}

void LibraryView::updateLiked()
{
    if (m_library.isEmpty())
        return;
    const std::vector<LikedSong> liked = m_library.feedback.likedSongs(*m_library.catalog);
    m_playlistModel->setLikedCount(int(liked.size()));
    if (!showsLiked())
        return;
    std::vector<int> rows;
    std::vector<QString> likedFor;
    for (const LikedSong &song : liked) {
        rows.push_back(song.row);
        QString text = seedDescription(song.seedIds.front());
        if (song.seedIds.size() > 1)
            text = tr("%1 and %n more", nullptr, int(song.seedIds.size() - 1)).arg(text);
        likedFor.push_back(text);
    }
    m_featureSummary->setText(uitext::featureSummary(*m_library.catalog, rows, QLocale()));
    m_featureSummary->setToolTip(m_featureSummary->text());
    m_trackModel->setTracks(m_library.catalog, std::move(rows), std::move(likedFor));
    m_trackModel->setSeedRow(m_seedRow);
    updateTrackHeading();
}

}  // namespace encore
