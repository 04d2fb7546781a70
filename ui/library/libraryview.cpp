#include "libraryview.h"

#include "chart/featurechart.h"
#include "common/coverart.h"
#include "common/itemroles.h"
#include "common/paneparts.h"
#include "common/trackclipboard.h"
#include "common/uitext.h"
#include "common/whenfinished.h"
#include "player/previewplayer.h"
#include "playlistlistmodel.h"
#include "playlistpane.h"
#include "ranking/rankingcontrols.h"
#include "ranking/rankingpane.h"
#include "recommendations/recommendationpane.h"
#include "trackpane.h"
#include "tracktablemodel.h"

#include "export/exportfile.h"
#include "discover/candidate.h"
#include "features/previewfinder.h"
#include "spotify/spotifysettings.h"
#include "util/logging.h"
#include "util/settingskeys.h"

#include <QAction>
#include <QClipboard>
#include <QDir>
#include <QFrame>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>
#include <numeric>
#include <tuple>
#include <utility>

namespace encore {

namespace {

namespace key = settingskeys;

// How far down the list a song found only on Deezer is searched for on Spotify after a
// discovery: each search spends the developer app's small daily quota.
constexpr std::size_t kSpotifySearchTop = 10;

}  // namespace

LibraryView::LibraryView(QSettings &settings, QWidget *parent)
    : QWidget(parent), m_settings(settings), m_session(settings),
      m_previewFinder(std::make_unique<PreviewFinder>(m_network)),
      m_covers(std::make_unique<CoverArt>(m_network, CoverArt::defaultDirectory()))
{
    setObjectName(QStringLiteral("mainView"));

    m_mainSplitter = new QSplitter(Qt::Horizontal, this);
    m_mainSplitter->setObjectName(QStringLiteral("mainSplitter"));
    m_mainSplitter->setChildrenCollapsible(false);

    m_centreSplitter = new QSplitter(Qt::Vertical, m_mainSplitter);
    m_centreSplitter->setObjectName(QStringLiteral("centreSplitter"));
    m_centreSplitter->setChildrenCollapsible(false);
    m_tracks = new TrackPane(m_centreSplitter);
    connectTrackPane();
    m_centreSplitter->addWidget(m_tracks);
    m_centreSplitter->addWidget(createRecommendationPane());

    m_sidebarSplitter = new QSplitter(Qt::Vertical, m_mainSplitter);
    m_sidebarSplitter->setObjectName(QStringLiteral("sidebarSplitter"));
    m_sidebarSplitter->setChildrenCollapsible(false);
    m_playlists = new PlaylistPane(m_sidebarSplitter);
    m_sidebarSplitter->addWidget(m_playlists);
    connect(m_playlists, &PlaylistPane::playlistShown, this, &LibraryView::showPlaylist);
    connect(m_playlists, &PlaylistPane::playlistActivated, this, [this] { m_tracks->view()->setFocus(); });
    connect(m_playlists, &PlaylistPane::recommendRequested, this, &LibraryView::chooseSeedPlaylist);
    connect(m_playlists, &PlaylistPane::saveRequested, this, &LibraryView::savePlaylistToSpotify);
    connect(m_playlists, &PlaylistPane::exportRequested, this, &LibraryView::exportPlaylist);
    connect(m_playlists, &PlaylistPane::removeRequested, this, &LibraryView::confirmRemoval);
    m_mainSplitter->addWidget(m_sidebarSplitter);
    m_mainSplitter->addWidget(m_centreSplitter);
    m_rankingPane = new RankingPane(m_settings, m_session.options(), m_mainSplitter);
    connect(m_rankingPane->controls(), &RankingControls::optionsChanged, this,
            [this] { m_session.setOptions(m_rankingPane->controls()->options()); });
    auto *discoverSources = new QMenu(this);
    discoverSources->addActions({m_discoverReccoBeats, m_discoverDeezer});
    discoverSources->addSeparator();
    discoverSources->addAction(m_discoverSpotify);
    m_rankingPane->controls()->setDiscoverAction(m_discoverAction, discoverSources);
    m_mainSplitter->addWidget(m_rankingPane);
    m_mainSplitter->setStretchFactor(0, 0);
    m_mainSplitter->setStretchFactor(1, 1);
    m_mainSplitter->setStretchFactor(2, 0);
    connect(m_mainSplitter, &QSplitter::splitterMoved, this, [this] { m_defaultSplit = false; });

    // The player spans the window's foot, as in a music player, so its titles have room at any
    // width. It plays the selected recommendation (or liked song, or the seed).
    m_player = new PreviewPlayer(m_settings, this);
    m_player->setObjectName(QStringLiteral("previewPlayer"));
    m_player->addPlayPauseShortcut(m_tracks->view());
    m_player->addPlayPauseShortcut(m_recommendations->view());
    connect(m_player, &PreviewPlayer::retryRequested, this, &LibraryView::updatePreview);
    // A song found only on Deezer that the user plays may be one to keep: worth a Spotify search
    // (asked once, within the day's budget; see LibraryController::findOnSpotify).
    connect(&m_player->mediaPlayer(), &QMediaPlayer::playbackStateChanged, this,
            [this](QMediaPlayer::PlaybackState state) {
                const Track &track = m_player->track();
                if (state == QMediaPlayer::PlayingState && m_discoverSpotify->isChecked()
                    && !deezerIdOf(track.id).isEmpty() && !m_playedDeezerSongs.contains(track.id)) {
                    m_playedDeezerSongs.insert(track.id);
                    emit spotifySearchRequested({track});
                }
            });
    m_recommendations->setCoverArt(m_covers.get());
    connect(m_covers.get(), &CoverArt::coverChanged, this, [this] {
        showChartCovers();
        showPlayerCover();
    });
    auto *playerLine = new QFrame(this);
    playerLine->setFrameShape(QFrame::HLine);
    playerLine->setFrameShadow(QFrame::Sunken);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_mainSplitter, 1);
    layout->addWidget(playerLine);
    layout->addWidget(m_player);

    addActions({m_undoAction, m_redoAction, m_backAction, m_forwardAction, m_discoverAction,
                m_rankingPane->foldAction(), m_tracks->searchLibraryAction()});
    connect(&m_session, &SeedSession::seedChanged, this, &LibraryView::onSeedChanged);
    connect(&m_session, &SeedSession::ranked, this, &LibraryView::onRankingFinished);
    connect(&m_session, &SeedSession::historyChanged, this, &LibraryView::updateHistoryActions);
    connect(&m_session, &SeedSession::feedbackChanged, this, &LibraryView::onFeedbackChanged);
    connect(&m_session, &SeedSession::feedbackStored, this,
            [this](const std::optional<Error> &error) { m_recommendations->setStoreError(error); });
    connect(&m_session, &SeedSession::reactionRefused, this,
            [this](const QString &why) { showNotice(why, NoticeLink::None); });

    setTabOrderChain();
    setLibrary({});
}

LibraryView::~LibraryView() = default;

// ---- construction ------------------------------------------------------------------------------

void LibraryView::connectTrackPane()
{
    connect(m_tracks, &TrackPane::seedChosen, this, &LibraryView::chooseSeed);
    connect(m_tracks, &TrackPane::playlistSeedRequested, this, [this] { chooseSeedPlaylist(m_currentPlaylistIndex); });
    connect(m_tracks, &TrackPane::searchLibraryRequested, this, &LibraryView::searchLibrary);
    connect(m_tracks, &TrackPane::contextMenuRequested, this,
            [this](const QPoint &pos) { showTrackContextMenu(m_tracks->view(), pos); });
    // The liked songs play like any list: the player follows the one selected there.
    connect(m_tracks, &TrackPane::currentTrackChanged, this, [this] {
        if (!showsLiked())
            return;
        m_previewFromTracks = true;
        updatePreview();
    });
    connect(m_tracks, &TrackPane::deleteRequested, this, [this](int catalogRow) {
        if (showsLiked())
            m_session.unlikeEverywhere(catalogRow);
    });
}

QWidget *LibraryView::createRecommendationPane()
{
    m_undoAction = new QAction(tr("&Undo"), this);
    m_undoAction->setObjectName(QStringLiteral("undoAction"));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_undoAction->setEnabled(false);
    connect(m_undoAction, &QAction::triggered, this, [this] { m_session.undo(); });
    m_redoAction = new QAction(tr("&Redo"), this);
    m_redoAction->setObjectName(QStringLiteral("redoAction"));
    m_redoAction->setShortcuts(QKeySequence::Redo);
    m_redoAction->setEnabled(false);
    connect(m_redoAction, &QAction::triggered, this, [this] { m_session.redo(); });
    connect(&m_session.undoStack(), &QUndoStack::indexChanged, this, &LibraryView::updateUndoActions);
    m_backAction = new QAction(tr("&Back"), this);
    m_backAction->setObjectName(QStringLiteral("backAction"));
    m_backAction->setIconText(QStringLiteral("◀"));
    m_backAction->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Left));
    m_backAction->setToolTip(tr("Back to the previous seed (Alt+Left)"));
    connect(m_backAction, &QAction::triggered, this, [this] { m_session.goBack(); });
    m_forwardAction = new QAction(tr("&Forward"), this);
    m_forwardAction->setObjectName(QStringLiteral("forwardAction"));
    m_forwardAction->setIconText(QStringLiteral("▶"));
    m_forwardAction->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Right));
    m_forwardAction->setToolTip(tr("Forward to the next seed (Alt+Right)"));
    connect(m_forwardAction, &QAction::triggered, this, [this] { m_session.goForward(); });
    m_backAction->setEnabled(false);
    m_forwardAction->setEnabled(false);
    m_discoverAction = new QAction(tr("Discover &New Songs"), this);
    m_discoverAction->setObjectName(QStringLiteral("discoverAction"));
    m_discoverAction->setIconText(tr("Discover"));
    m_discoverAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_N));
    m_discoverAction->setToolTip(tr("Ask ReccoBeats and Deezer for songs like the seed that your library "
                                    "does not hold (Ctrl+N)"));
    m_discoverAction->setEnabled(false);
    connect(m_discoverAction, &QAction::triggered, this, [this] { discoverLike(-1); });
    // Each service can be left out, e.g. for one that answers badly; at least one stays on.
    m_discoverReccoBeats = new QAction(tr("Ask &ReccoBeats"), this);
    m_discoverDeezer = new QAction(tr("Ask &Deezer"), this);
    for (auto [action, key, name] :
         {std::tuple{m_discoverReccoBeats, settingskeys::discoverReccoBeats, "discoverReccoBeatsAction"},
          std::tuple{m_discoverDeezer, settingskeys::discoverDeezer, "discoverDeezerAction"}}) {
        action->setObjectName(QLatin1String(name));
        action->setCheckable(true);
        action->setChecked(m_settings.value(key, true).toBool());
        connect(action, &QAction::toggled, this, [this, key](bool on) {
            m_settings.setValue(key, on);
            if (!m_discoverReccoBeats->isChecked() && !m_discoverDeezer->isChecked())
                (key == settingskeys::discoverReccoBeats ? m_discoverDeezer : m_discoverReccoBeats)->setChecked(true);
        });
    }
    m_discoverSpotify = new QAction(tr("Find the Top Songs on &Spotify"), this);
    m_discoverSpotify->setObjectName(QStringLiteral("discoverSpotifyAction"));
    m_discoverSpotify->setToolTip(tr("When signed in, look up the best new songs that only Deezer knows on Spotify, "
                                     "so that they get audio features and can be saved there (at most %1 searches "
                                     "a day)")
                                      .arg(SpotifySettings::dailySearchBudget(m_settings)));
    m_discoverSpotify->setCheckable(true);
    m_discoverSpotify->setChecked(m_settings.value(settingskeys::discoverSpotify, true).toBool());
    connect(m_discoverSpotify, &QAction::toggled, this,
            [this](bool on) { m_settings.setValue(settingskeys::discoverSpotify, on); });

    m_recommendations = new RecommendationPane({m_backAction, m_forwardAction}, this);
    connect(m_recommendations, &RecommendationPane::noticeLinkActivated, this, [this](const QString &link) {
        (link == QLatin1String("redo") ? m_redoAction : m_undoAction)->trigger();  // nothing when off
    });
    connect(m_recommendations, &RecommendationPane::currentChanged, this, [this] {
        m_previewFromTracks = false;
        updateChart();
    });
    connect(m_recommendations, &RecommendationPane::contextMenuRequested, this,
            [this](const QPoint &pos) { showTrackContextMenu(m_recommendations->view(), pos); });
    connect(m_recommendations->likeAction(), &QAction::triggered, this, [this] { reactToCurrent(Reaction::Like); });
    connect(m_recommendations->dislikeAction(), &QAction::triggered, this,
            [this] { reactToCurrent(Reaction::Dislike); });
    connect(m_recommendations->clearReactionAction(), &QAction::triggered, this,
            [this] { reactToCurrent(std::nullopt); });
    connect(m_recommendations->exportAction(), &QAction::triggered, this, &LibraryView::exportRecommendations);
    connect(m_recommendations->saveToSpotifyAction(), &QAction::triggered, this,
            &LibraryView::saveRecommendationsToSpotify);
    connect(m_recommendations->copyAction(), &QAction::triggered, this, &LibraryView::copyRecommendations);
    connect(m_recommendations->copyTextAction(), &QAction::triggered, this, &LibraryView::copyRecommendationsAsText);
    return m_recommendations;
}

void LibraryView::setTabOrderChain()
{
    QList<QWidget *> chain = {m_playlists->filter(), m_playlists->view(), m_tracks->playlistSeedButton(),
                              m_tracks->filter(),    m_tracks->view(),    m_recommendations->view()};
    chain << m_recommendations->reactionButtons();
    chain << m_player << m_rankingPane->controls();
    for (qsizetype i = 1; i < chain.size(); ++i)
        setTabOrder(chain[i - 1], chain[i]);
}

void LibraryView::setSpotifyPane(QWidget *pane, QWidget *focusTarget)
{
    m_sidebarSplitter->addWidget(pane);
    m_sidebarSplitter->setStretchFactor(0, 3);
    m_sidebarSplitter->setStretchFactor(1, 2);
    setTabOrder(m_playlists->view(), focusTarget);
    setTabOrder(focusTarget, m_tracks->playlistSeedButton());
}

// ---- state kept between sessions ---------------------------------------------------------------

void LibraryView::restoreState()
{
    m_defaultSplit = !m_mainSplitter->restoreState(m_settings.value(key::mainSplitter).toByteArray());
    if (m_defaultSplit)
        splitByWidth();
    if (!m_sidebarSplitter->restoreState(m_settings.value(key::sidebarSplitter).toByteArray()))
        m_sidebarSplitter->setSizes({440, 300});
    m_rankingPane->restoreState();
    if (!m_centreSplitter->restoreState(m_settings.value(key::centreSplitter).toByteArray()))
        m_centreSplitter->setSizes({400, 320});

    // Header states carry the column widths, order and the sort the user chose.
    auto restoreHeader = [this](auto *view, QHeaderView *header, const QString &settingsKey) {
        if (header->restoreState(m_settings.value(settingsKey).toByteArray()))
            view->sortByColumn(header->sortIndicatorSection(), header->sortIndicatorOrder());
    };
    restoreHeader(m_playlists->view(), m_playlists->view()->header(), key::playlistHeader);
    restoreHeader(m_tracks->view(), m_tracks->view()->horizontalHeader(), key::trackHeader);
    // A ranked list opens in rank order, whatever it was sorted by when Encore closed.
    m_recommendations->view()->horizontalHeader()->restoreState(
        m_settings.value(key::recommendationHeader).toByteArray());
    m_recommendations->sortByRank();
}

void LibraryView::saveState()
{
    m_settings.setValue(key::mainSplitter, m_mainSplitter->saveState());
    m_settings.setValue(key::sidebarSplitter, m_sidebarSplitter->saveState());
    m_settings.setValue(key::centreSplitter, m_centreSplitter->saveState());
    m_rankingPane->saveState();
    m_settings.setValue(key::playlistHeader, m_playlists->view()->header()->saveState());
    m_settings.setValue(key::trackHeader, m_tracks->view()->horizontalHeader()->saveState());
    m_settings.setValue(key::recommendationHeader, m_recommendations->view()->horizontalHeader()->saveState());
}

// Until the user moves the splitter, the sidebar and the chart take a share of the width that
// suits it, and the lists get the rest: most of a laptop's width.
void LibraryView::splitByWidth()
{
    const int width = std::max(m_mainSplitter->width(), 960);
    const int sidebar = std::clamp(width / 6, 170, 300);
    const int details = std::clamp(width * 2 / 7, 260, 520);
    m_mainSplitter->setSizes({sidebar, width - sidebar - details, details});
}

void LibraryView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (m_defaultSplit)
        splitByWidth();
}

void LibraryView::focusTrackFilter()
{
    m_tracks->focusFilter();
}

QAction *LibraryView::searchLibraryAction() const
{
    return m_tracks->searchLibraryAction();
}

void LibraryView::searchLibrary(const QString &words)
{
    if (!m_currentPlaylistId.isEmpty())
        selectPlaylist(QString());  // All tracks
    m_tracks->setFilterText(words);
    m_tracks->focusFilter();
}

QAction *LibraryView::rankingPanelAction() const
{
    return m_rankingPane->foldAction();
}

void LibraryView::focusPlaylistFilter()
{
    m_playlists->focusFilter();
}

void LibraryView::selectPlaylist(const QString &playlistId)
{
    m_playlists->selectPlaylist(playlistId);
}

// ---- the library and the session ---------------------------------------------------------------

void LibraryView::setLibrary(const LibrarySnapshot &library)
{
    m_covers->setAlbumCovers(library.albumCovers);
    // A library that replaces this one (a discovery or a feature search changed it) keeps the
    // recommendation selected, by its id: rows differ between catalogs.
    const int current = m_recommendations->currentCatalogRow();
    const QString currentId =
        current >= 0 && m_session.hasLibrary() ? this->library().catalog->trackId(current) : QString();
    m_session.setLibrary(library);
    m_recommendations->clear();
    m_recommendations->setDiscoveries(library.discoveries);
    m_preferredSelection = currentId.isEmpty() || library.isEmpty() ? -1 : library.catalog->rowOf(currentId);
    updateDiscoverAction();
    m_tracks->clear();
    m_tracks->setCatalog(library.catalog);

    if (library.isEmpty()) {
        m_playlists->setCatalog(nullptr);
        showNoSeed(tr("Your library is empty. Choose one of your Spotify playlists on the left to "
                      "read it into the library, or open a catalog (Ctrl+O)."));
        return;
    }
    m_playlists->setCatalog(library.catalog);
    m_playlists->setLikedCount(int(library.feedback.likedSongs(*library.catalog).size()));
    restoreSession();
}

void LibraryView::restoreSession()
{
    m_playlists->selectPlaylist(m_settings.value(key::playlistId).toString(), true);

    if (!m_session.restore())
        showNoSeed(tr("Double-click a track, or select it and press Enter, to find songs like it."));
    m_tracks->view()->setFocus();
}

// ---- playlists and tracks ----------------------------------------------------------------------

void LibraryView::showPlaylist(int row)
{
    if (library().isEmpty())
        return;
    const int playlist = m_playlists->model().playlistIndex(row);
    if (row == PlaylistListModel::kLikedRow) {
        m_currentPlaylistIndex = -1;
        m_currentPlaylistId = PlaylistListModel::likedId();
    } else {
        m_currentPlaylistIndex = playlist;
        m_currentPlaylistId = playlist < 0 ? QString() : library().catalog->playlists()[playlist].id;
    }
    m_settings.setValue(key::playlistId, m_currentPlaylistId);
    if (showsLiked()) {
        updateLiked();
    } else {
        TrackPane::List list{currentListName(), {}, playlist >= 0, playlist < 0, {}};
        if (playlist < 0) {
            list.rows.resize(static_cast<std::size_t>(library().catalog->size()));
            std::iota(list.rows.begin(), list.rows.end(), 0);
        } else {
            const auto members = library().catalog->playlistRows(playlist);
            list.rows.assign(members.begin(), members.end());
        }
        m_tracks->showList(library().catalog, std::move(list));
        m_tracks->setSeedRow(m_session.seed().row);
    }
    if (m_session.seed().row >= 0)
        m_tracks->selectCatalogRow(m_session.seed().row);
}

QString LibraryView::currentListName() const
{
    return m_playlists->model().name(m_playlists->model().rowForPlaylistId(m_currentPlaylistId));
}

void LibraryView::chooseSeed(int catalogRow)
{
    m_session.chooseTrack(catalogRow, m_currentPlaylistIndex);
}

void LibraryView::chooseSeedPlaylist(int playlistIndex)
{
    m_session.choosePlaylist(playlistIndex);
}

// Discover for a track, made the seed first, or with -1 for the seed as it is (a playlist too).
void LibraryView::discoverLike(int catalogRow)
{
    if (library().isEmpty())
        return;
    if (catalogRow >= 0 && (catalogRow != m_session.seed().row || m_session.seed().isPlaylist))
        chooseSeed(catalogRow);
    const Seed &seed = m_session.seed();
    if (!seed.isSet())
        return;
    // The user asked for songs they do not have: the list shows those as they come.
    if (!m_session.options().onlyNewSongs) {
        RankingOptions options = m_session.options();
        options.onlyNewSongs = true;
        m_rankingPane->setOptions(options);
        m_session.setOptions(options);
    }
    DiscoveryOptions options;
    options.reccoBeats = m_discoverReccoBeats->isChecked();
    options.deezer = m_discoverDeezer->isChecked();
    options.spotify = m_discoverSpotify->isChecked();
    const Catalog &catalog = *library().catalog;
    emit discoverRequested(seed.isPlaylist ? DiscoverySeed::ofPlaylist(catalog, seed.playlistIndex)
                                           : DiscoverySeed::ofTrack(catalog.track(seed.row)),
                           options);
}

void LibraryView::onDiscoveryFinished(const QString &seedId)
{
    // The list that shows what was found is on its way: its top is searched for.
    if (m_discoverSpotify->isChecked() && seedId == m_session.seedId())
        m_spotifySearchSeed = seedId;
}

void LibraryView::searchTopOnSpotify(const Catalog &catalog, const std::vector<Recommendation> &recommendations)
{
    if (std::exchange(m_spotifySearchSeed, QString()) != m_session.seedId())
        return;
    std::vector<Track> songs;
    for (std::size_t i = 0; i < std::min(recommendations.size(), kSpotifySearchTop); ++i)
        if (const Track &track = catalog.track(recommendations[i].row); !deezerIdOf(track.id).isEmpty())
            songs.push_back(track);
    if (!songs.empty())
        emit spotifySearchRequested(songs);
}

void LibraryView::updateDiscoverAction()
{
    const Seed &seed = m_session.seed();
    m_discoverAction->setEnabled(m_session.hasLibrary() && seed.isSet());
}

void LibraryView::onSeedChanged()
{
    updateDiscoverAction();
    const Seed &seed = m_session.seed();
    if (!seed.isSet()) {
        showNoSeed(tr("Double-click a track, or select it and press Enter, to find songs like it."));
        return;
    }
    m_tracks->setSeedRow(seed.row);
    updateSeedHeading();
    showSeedInTracks(seed);
    // A new seed's list reads best first: a sort the user chose for the last list is not kept.
    m_recommendations->sortByRank();
    if (m_recommendations->currentCatalogRow() < 0)
        m_recommendations->showMessage(
            seed.isPlaylist
                ? tr("Finding songs for %1…").arg(library().catalog->playlists()[seed.playlistIndex].name)
                : tr("Finding songs like %1…").arg(uitext::titleByArtist(library().catalog->track(seed.row))));
    // The recommendations shown belong to the previous seed until the ranking answers.
    if (seed.isPlaylist)
        m_rankingPane->chart()->showPlaylistComparison(library().catalog, library().scale, seed.playlistIndex, nullptr);
    else
        m_rankingPane->chart()->showComparison(library().catalog, library().scale, seed.row, nullptr);
    updatePreview();
}

// The track table follows the seed: a seed from another list (Back, Forward) brings its list back.
void LibraryView::showSeedInTracks(const Seed &seed)
{
    if (seed.isPlaylist) {
        if (seed.playlistIndex != m_currentPlaylistIndex)
            selectPlaylist(library().catalog->playlists()[seed.playlistIndex].id);
        return;
    }
    if (!m_tracks->containsCatalogRow(seed.row) && seed.playlistIndex >= 0
        && seed.playlistIndex != m_currentPlaylistIndex)
        selectPlaylist(library().catalog->playlists()[seed.playlistIndex].id);  // selects the seed
    else
        m_tracks->selectCatalogRow(seed.row);
}

void LibraryView::showNoSeed(const QString &message)
{
    m_tracks->setSeedRow(-1);
    m_recommendations->clear();
    updateSeedHeading();
    m_recommendations->showMessage(message);
    m_rankingPane->chart()->showMessage(tr("The chart compares the seed with the selected recommendation."));
    updatePreview();
}

void LibraryView::updateSeedHeading()
{
    if (m_session.seed().isPlaylist) {
        const QString &name = library().catalog->playlists()[m_session.seed().playlistIndex].name;
        m_recommendations->setHeading(tr("Recommendations for the whole playlist %1").arg(name));
        return;
    }
    if (m_session.seed().row < 0) {
        m_recommendations->setHeading(tr("Recommendations"));
        return;
    }
    const QString song = uitext::titleByArtist(library().catalog->track(m_session.seed().row));
    m_recommendations->setHeading(
        m_session.seed().playlistIndex < 0
            ? tr("Recommendations for %1").arg(song)
            : tr("Recommendations for %1 — from %2", "song — the playlist it was picked from")
                  .arg(song, library().catalog->playlists()[m_session.seed().playlistIndex].name));
}

// ---- ranking -----------------------------------------------------------------------------------

// Why an answer was empty, and what the user can do about it.
QString LibraryView::nothingToRecommend() const
{
    const RankingRequest request = m_session.rankingRequest();
    if (m_session.options().onlyNewSongs)
        return tr("No song new to your library fits this seed yet. Discover new songs (Ctrl+N), or turn "
                  "off “Only songs new to my library” in the ranking settings.");
    if (request.seedIsPlaylist)
        return tr("Every song in your library with audio features is in this playlist or left out, so "
                  "there is nothing to recommend for it. Import another catalog or read more playlists "
                  "from Spotify.");
    if (request.excludePlaylistTracks && request.playlistIndex >= 0)
        return tr("No other track is similar enough to show. Try another seed or include this "
                  "playlist's tracks.");
    return tr("No other track is similar enough to show. Try another seed.");
}

void LibraryView::onRankingFinished(const std::shared_ptr<const Catalog> &catalog, const RankOutcome &outcome)
{
    if (outcome.error || outcome.recommendations.empty()) {
        m_recommendations->clear();
        m_recommendations->showMessage(outcome.error ? outcome.error->message : nothingToRecommend());
    } else {
        searchTopOnSpotify(*catalog, outcome.recommendations);
        m_recommendations->showRecommendations(catalog, outcome.seedRow, outcome.recommendations, outcome.method,
                                               library().feedback.forSeed(*catalog, m_session.seedId()).likedRows,
                                               std::exchange(m_preferredSelection, -1),
                                               tracksLeftOut(library().recommender->featureSpace(), outcome.method));
        // Once a run, for encore-bench's window-start figure.
        static bool firstShown = false;
        if (!std::exchange(firstShown, true))
            qCDebug(lcUi) << "first recommendations shown";
    }
    updateChart();
    emit recommendationsChanged();
}

void LibraryView::updateChart()
{
    updatePreview();
    showChartCovers();
    if (library().isEmpty() || !m_session.seed().isSet()) {
        m_rankingPane->chart()->showMessage(tr("The chart compares the seed with the selected recommendation."));
        return;
    }
    const Recommendation *recommendation = m_recommendations->currentRecommendation(library().catalog);
    if (m_session.seed().isPlaylist)
        m_rankingPane->chart()->showPlaylistComparison(library().catalog, library().scale,
                                                       m_session.seed().playlistIndex, recommendation,
                                                       m_recommendations->method());
    else
        m_rankingPane->chart()->showComparison(library().catalog, library().scale, m_session.seed().row, recommendation,
                                               m_recommendations->method());
}

// The covers of the seed (a track) and the selected recommendation, beside the chart's legend.
void LibraryView::showChartCovers()
{
    FeatureChart *chart = m_rankingPane->chart();
    const auto coverOf = [&](int row) {
        return row >= 0 && !library().isEmpty()
            ? m_covers->cover(library().catalog->track(row), chart->coverSize(), devicePixelRatioF())
            : QPixmap();
    };
    chart->setCovers(coverOf(m_session.seed().isPlaylist ? -1 : m_session.seed().row),
                     coverOf(m_recommendations->currentCatalogRow()));
}

void LibraryView::showPlayerCover()
{
    m_player->setCover(m_player->state() == PreviewPlayer::State::NoTrack
                           ? QPixmap()
                           : m_covers->cover(m_player->track(), m_player->coverSize(), devicePixelRatioF()));
}

void LibraryView::updatePreview()
{
    int row = m_session.seed().row;
    if (const int liked = m_tracks->currentCatalogRow(); m_previewFromTracks && showsLiked() && liked >= 0)
        row = liked;
    else if (const int recommended = m_recommendations->currentCatalogRow(); recommended >= 0)
        row = recommended;
    if (library().isEmpty() || row < 0) {
        ++m_previewRequest;
        m_player->clear();
        showPlayerCover();
        return;
    }
    const Track &track = library().catalog->track(row);
    const PreviewPlayer::State shown = m_player->state();
    if (shown != PreviewPlayer::State::NoTrack && shown != PreviewPlayer::State::Unreachable
        && m_player->track().id == track.id)
        return;  // a new ranking kept the same track selected: let it play on
    const quint64 request = ++m_previewRequest;
    m_player->setSearching(track);
    showPlayerCover();
    m_previewFinder->find(track, [this, request, track](const PreviewSearch &search) {
        if (request != m_previewRequest)
            return;
        if (search.answered())
            m_player->setPreview(track, search.preview);
        else
            m_player->setUnanswered(track, search.unreachable, search.limited);
    });
}

void LibraryView::showTrackContextMenu(QTableView *view, const QPoint &pos)
{
    const QModelIndex index = view->indexAt(pos);
    if (!index.isValid() || library().isEmpty())
        return;
    const int catalogRow = index.data(roles::CatalogRow).toInt();
    const Track &track = library().catalog->track(catalogRow);
    QMenu menu(this);
    if (view == m_recommendations->view()) {
        // The reactions work on the current recommendation; a right-click inside a selection
        // keeps it for Copy and Export.
        if (view->selectionModel()->isSelected(index))
            view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::NoUpdate);
        else
            view->setCurrentIndex(index);
        menu.addAction(m_recommendations->likeAction());
        menu.addAction(m_recommendations->dislikeAction());
        if (m_recommendations->clearReactionAction()->isEnabled())
            menu.addAction(m_recommendations->clearReactionAction());
        // Disliked songs are gone from the list; this is how they come back.
        const SeedFeedback feedback = library().feedback.forSeed(*library().catalog, m_session.seedId());
        if (!feedback.dislikedRows.empty()) {
            QMenu *undo = menu.addMenu(tr("&Undo a dislike"));
            for (int row : feedback.dislikedRows)
                undo->addAction(uitext::titleByArtist(library().catalog->track(row)), this,
                                [this, row] { m_session.react(row, std::nullopt); });
        }
        menu.addSeparator();
    }
    if (view == m_tracks->view() && showsLiked()) {
        menu.addAction(tr("&Remove from Liked"), QKeySequence::Delete, this,
                       [this, catalogRow] { m_session.unlikeEverywhere(catalogRow); });
        menu.addSeparator();
    }
    QAction *seed = menu.addAction(tr("Find songs like this"), this, [this, catalogRow] { chooseSeed(catalogRow); });
    if (view == m_tracks->view())
        seed->setShortcut(QKeySequence(Qt::Key_Return));  // what Return does in the track list
    seed->setEnabled(catalogRow != m_session.seed().row);
    menu.addAction(tr("Discover new songs like this"), this, [this, catalogRow] { discoverLike(catalogRow); });
    if (view == m_recommendations->view()) {
        menu.addSeparator();
        menu.addAction(m_recommendations->copyAction());
        menu.addAction(m_recommendations->copyTextAction());
        menu.addAction(m_recommendations->saveToSpotifyAction());
        menu.addAction(m_recommendations->exportAction());
    } else {
        menu.addAction(tr("Copy Spotify link"), this,
                       [id = track.id] { QGuiApplication::clipboard()->setText(trackWebLink(id)); });
    }
    menu.exec(view->viewport()->mapToGlobal(pos));
}

// ---- likes and dislikes ------------------------------------------------------------------------

void LibraryView::reactToCurrent(std::optional<Reaction> reaction)
{
    const int row = m_recommendations->currentCatalogRow();
    if (row < 0)
        return;
    // A disliked row goes; the one after it (or before, at the end) takes the selection.
    if (reaction == Reaction::Dislike)
        m_preferredSelection = m_recommendations->rowAfterCurrent();
    m_session.react(row, reaction);
}

// ---- keeping the good ones ---------------------------------------------------------------------

QAction *LibraryView::exportAction() const
{
    return m_recommendations->exportAction();
}

QAction *LibraryView::saveToSpotifyAction() const
{
    return m_recommendations->saveToSpotifyAction();
}

TrackList LibraryView::recommendationsToKeep() const
{
    return m_recommendations->toKeep();
}

void LibraryView::exportRecommendations()
{
    if (library().isEmpty() || !m_session.seed().isSet())
        return;
    exportList(recommendationsToKeep(),
               m_session.seed().isPlaylist
                   ? tr("Songs for %1").arg(library().catalog->playlists()[m_session.seed().playlistIndex].name)
                   : tr("Songs like %1").arg(uitext::title(library().catalog->track(m_session.seed().row))));
}

void LibraryView::saveRecommendationsToSpotify()
{
    if (library().isEmpty() || !m_session.seed().isSet())
        return;
    SaveSeed seed;
    seed.isPlaylist = m_session.seed().isPlaylist;
    seed.methodName = rankingMethodName(m_session.options().method);
    if (m_session.seed().isPlaylist) {
        seed.title = library().catalog->playlists()[m_session.seed().playlistIndex].name;
    } else {
        const Track track = library().catalog->track(m_session.seed().row);
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
    if (library().isEmpty())
        return list;
    list.catalog = library().catalog;
    for (const LikedSong &song : library().feedback.likedSongs(*library().catalog))
        list.entries.push_back({song.row, int(list.entries.size()) + 1, std::nullopt,
                                tr("liked for %1").arg(m_session.seedDescription(song.seedIds.front()))});
    return list;
}

void LibraryView::savePlaylistToSpotify(int playlistIndex)
{
    if (library().isEmpty())
        return;
    SaveSeed seed;
    if (playlistIndex < 0) {
        seed.listName = tr("Liked in Encore");
        requestSave(likedSongsToKeep(), seed);
    } else {
        seed.listName = library().catalog->playlists()[playlistIndex].name;
        requestSave(playlistList(library().catalog, playlistIndex), seed);
    }
}

void LibraryView::exportPlaylist(int playlistIndex)
{
    if (playlistIndex < 0 && !library().isEmpty()) {
        exportList(likedSongsToKeep(), tr("Liked in Encore"));
        return;
    }
    if (library().isEmpty() || playlistIndex < 0
        || playlistIndex >= static_cast<int>(library().catalog->playlists().size()))
        return;
    exportList(playlistList(library().catalog, playlistIndex), library().catalog->playlists()[playlistIndex].name);
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

    auto *dialog =
        new QFileDialog(this, tr("Export"), QDir(folder).filePath(name.simplified() + QStringLiteral(".csv")));
    dialog->setObjectName(QStringLiteral("exportDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setNameFilters({tr("CSV, Exportify's layout (*.csv)"), tr("M3U8 playlist (*.m3u8)"), tr("JSON (*.json)")});
    dialog->setDefaultSuffix(QStringLiteral("csv"));
    // A name typed without a suffix gets the chosen format's; a typed suffix decides the format.
    connect(dialog, &QFileDialog::filterSelected, dialog, [dialog](const QString &filter) {
        const qsizetype star = filter.lastIndexOf(QStringLiteral("*."));
        dialog->setDefaultSuffix(filter.mid(star + 2).chopped(1));
    });
    connect(dialog, &QFileDialog::fileSelected, this, [this, list](const QString &path) {
        m_settings.setValue(key::exportDirectory, QFileInfo(path).absolutePath());
        if (const Status written = writeTrackList(path, list); !written) {
            auto *box =
                new QMessageBox(QMessageBox::Warning, tr("Export"), written.error().message, QMessageBox::Ok, this);
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

void LibraryView::updateHistoryActions()
{
    m_backAction->setEnabled(m_session.canGoBack());
    m_forwardAction->setEnabled(m_session.canGoForward());
}

void LibraryView::confirmRemoval(int playlistIndex, bool wholeCatalog)
{
    if (!m_session.hasLibrary())
        return;
    if (m_session.isLibraryBeingSaved()) {  // said where a removal's notice goes, before asking anything
        showNotice(uitext::removalWaitsForImport(), NoticeLink::None);
        return;
    }
    // A catalog of one playlist is that playlist.
    wholeCatalog = wholeCatalog && playlistsFromSameCatalog(*library().catalog, playlistIndex) > 1;
    const std::optional<PlaylistRemoval> removal = removalOf(*library().catalog, playlistIndex, wholeCatalog);
    if (!removal)
        return;
    auto *box = new QMessageBox(QMessageBox::Question, wholeCatalog ? tr("Remove Catalog") : tr("Remove Playlist"),
                                wholeCatalog ? tr("Remove %1 and its %n playlists from your library?", nullptr,
                                                  int(removal->playlistIds.size()))
                                                   .arg(removal->description())
                                             : tr("Remove %1 from your library?").arg(removal->description()),
                                QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("removeConfirmation"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QString details = removal->songsLeaving == 0 ? tr("Its songs stay: other playlists hold them.")
        : removal->songsLeaving == 1
        ? tr("One song that no other playlist holds leaves the library with it.")
        : tr("%n songs that no other playlist holds leave the library with it.", nullptr, removal->songsLeaving);
    details += u' ' + tr("Edit ▸ Undo puts everything back until you quit Encore.");
    box->setInformativeText(details);
    QPushButton *remove = box->addButton(tr("&Remove"), QMessageBox::DestructiveRole);
    box->setDefaultButton(remove);
    connect(box, &QMessageBox::buttonClicked, this, [this, remove, removal = *removal](QAbstractButton *clicked) {
        if (clicked == remove)
            emit removeRequested(removal);
    });
    box->open();
}

void LibraryView::showNotice(const QString &text, NoticeLink link)
{
    if (link == NoticeLink::Undo && m_session.canUndo())
        m_recommendations->showNotice(text, QStringLiteral("undo"), tr("Undo"));
    else if (link == NoticeLink::Redo && m_session.canRedo())
        m_recommendations->showNotice(text, QStringLiteral("redo"), tr("Redo"));
    else
        m_recommendations->showNotice(text, {}, {});
}

void LibraryView::onFeedbackChanged(const QString &notice, bool undone)
{
    m_recommendations->setLikedRows(library().feedback.forSeed(*library().catalog, m_session.seedId()).likedRows);
    updateLiked();
    showNotice(notice, undone ? NoticeLink::Redo : NoticeLink::Undo);
}

void LibraryView::setLibraryBeingSaved(bool saving)
{
    m_session.setLibraryBeingSaved(saving);
    updateUndoActions();
}

void LibraryView::updateUndoActions()
{
    m_undoAction->setEnabled(m_session.canUndo() && !m_session.isLibraryBeingSaved());
    m_undoAction->setText(m_session.canUndo() ? m_session.undoText() : tr("&Undo"));
    m_redoAction->setEnabled(m_session.canRedo() && !m_session.isLibraryBeingSaved());
    m_redoAction->setText(m_session.canRedo() ? m_session.redoText() : tr("&Redo"));
}

bool LibraryView::showsLiked() const
{
    return m_currentPlaylistId == PlaylistListModel::likedId();
}

void LibraryView::updateLiked()
{
    if (library().isEmpty())
        return;
    const std::vector<LikedSong> liked = library().feedback.likedSongs(*library().catalog);
    m_playlists->setLikedCount(int(liked.size()));
    if (!showsLiked())
        return;
    std::vector<int> rows;
    std::vector<QString> likedFor;
    for (const LikedSong &song : liked) {
        rows.push_back(song.row);
        QString text = m_session.seedDescription(song.seedIds.front());
        if (song.seedIds.size() > 1)
            text = tr("%1 and %n more", nullptr, int(song.seedIds.size() - 1)).arg(text);
        likedFor.push_back(text);
    }
    m_tracks->showList(library().catalog, {currentListName(), std::move(rows), false, false, std::move(likedFor)});
    m_tracks->setSeedRow(m_session.seed().row);
}

}  // namespace encore
