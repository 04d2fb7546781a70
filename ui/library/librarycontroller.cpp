#include "librarycontroller.h"

#include "playlistremoval.h"

#include "common/uitext.h"
#include "common/whenfinished.h"

#include "catalog/startercatalog.h"
#include "features/featurefiller.h"
#include "spotify/spotifyaccount.h"
#include "spotify/spotifyclient.h"
#include "spotify/spotifyplaylistimport.h"
#include "spotify/spotifysettings.h"
#include "spotify/spotifytracklookup.h"
#include "util/logging.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QtConcurrent>

namespace encore {

namespace {

constexpr int kImportPollMs = 100;
// How long the songs Discover finds gather before they are stored and shown together.
constexpr int kDiscoverBatchMs = 1000;

}  // namespace

LibraryController::LibraryController(QString libraryPath, SpotifyAccount &account, QUndoStack &undoStack,
                                     QObject *parent)
    : QObject(parent), m_libraryPath(std::move(libraryPath)), m_account(account),
      m_remover(new PlaylistRemover(m_libraryPath, undoStack, this))
{
    m_importTimer.setInterval(kImportPollMs);
    connect(&m_importTimer, &QTimer::timeout, this, &LibraryController::reportImportProgress);
    connect(m_remover, &PlaylistRemover::libraryChanged, this, &LibraryController::onRemoved);
    m_discoverBatch.setSingleShot(true);
    connect(&m_discoverBatch, &QTimer::timeout, this, &LibraryController::storeDiscoveries);
    connect(&m_account, &SpotifyAccount::stateChanged, this, &LibraryController::onSignInChanged);
    connect(&m_account, &SpotifyAccount::signedOut, this, [this] {
        if (m_readJob)
            m_readJob->cancel();
    });
}

LibraryController::~LibraryController()
{
    // Workers hold their own copies of what they need; an import is asked to stop and, like a
    // library load, awaited, so that no database connection outlives the session.
    if (m_importState)
        m_importState->cancelRequested = true;
    m_importFuture.waitForFinished();
    m_loadFuture.waitForFinished();
    m_storeFuture.waitForFinished();
    m_keepSavedFuture.waitForFinished();
    m_reloadFuture.waitForFinished();
    m_discoverStoreFuture.waitForFinished();
}

bool LibraryController::isBusy() const
{
    return m_loading || m_importState != nullptr || m_readJob || m_storing || m_starterDownload || m_remover->isBusy();
}

bool LibraryController::isFindingFeatures() const
{
    return m_filler || m_reloading;
}

void LibraryController::install(const LibrarySnapshot &snapshot)
{
    ++m_installs;
    m_library = snapshot;
    emit libraryChanged(snapshot);
}

void LibraryController::finish()
{
    m_remover->finish();
}

void LibraryController::cancel(LibraryTask task)
{
    switch (task) {
    case LibraryTask::Import:
        if (m_importState)
            m_importState->cancelRequested = true;
        if (m_starterDownload && m_starterDownload->filePath().isEmpty())
            m_starterDownload->cancel();
        break;
    case LibraryTask::SpotifyRead:
        if (m_readJob)
            m_readJob->cancel();
        break;
    case LibraryTask::FeatureSearch:
        m_queuedWholeLibrary = false;
        m_queuedTrackIds.clear();
        if (m_filler)
            m_filler->cancel();
        break;
    case LibraryTask::Discover:
        if (m_discovery)
            m_discovery->cancel();
        break;
    }
}

// ---- loading and importing ---------------------------------------------------------------------

void LibraryController::start()
{
    if (!QFileInfo::exists(m_libraryPath)) {
        install({});
        return;
    }
    m_loading = true;
    emit loadingStarted();
    emit busyChanged();
    m_loadFuture = QtConcurrent::run([path = m_libraryPath] {
        if (const Status forgotten = PlaylistRemover::forgetRemovals(path); !forgotten)
            qCWarning(lcUi) << "removed playlists not forgotten:" << forgotten.error().message;
        return loadLibrary(path);
    });
    whenFinished(m_loadFuture, this, [this](const LoadOutcome &outcome) { onLoadFinished(outcome); });
}

void LibraryController::onLoadFinished(const LoadOutcome &outcome)
{
    m_loading = false;
    install(outcome.error ? LibrarySnapshot{} : outcome.snapshot);
    if (outcome.error)
        emit failed(tr("Loading the library"), *outcome.error, {});
    else if (outcome.snapshot.readOnly)
        emit notice(tr("Your library at %1 is read-only: Encore can rank from it, but cannot save any change to it.")
                        .arg(QDir::toNativeSeparators(m_libraryPath)));
    emit busyChanged();
    if (!m_pendingImport.isEmpty())
        openCatalog(std::exchange(m_pendingImport, QString()));
}

void LibraryController::openCatalog(const QString &filePath)
{
    if (m_loading) {
        m_pendingImport = filePath;
        return;
    }
    if (m_importState) {
        emit notice(tr("An import is already running."));
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
    emit taskStarted(LibraryTask::Import, uitext::importingFile(m_importFileName, 0, 0, QLocale()));
    m_importTimer.start();
    emit busyChanged();
    emit importStarted(filePath);

    // Posted from the import's worker, which the destructor awaits: `this` outlives the post.
    const ProvisionalReady provisional = [this, state](const ProvisionalLibrary &library) {
        QMetaObject::invokeMethod(
            this, [this, state, library] { onProvisionalLibrary(state, library); }, Qt::QueuedConnection);
    };
    m_importFuture = QtConcurrent::run([libraryPath = m_libraryPath, filePath, state, provisional] {
        return importIntoLibrary(libraryPath, filePath, *state, provisional);
    });
    whenFinished(m_importFuture, this, [this](const ImportOutcome &outcome) { onImportFinished(outcome); });
}

void LibraryController::reportImportProgress()
{
    if (!m_importState)
        return;
    using Stage = ImportProgressState::Stage;
    switch (m_importState->stage.load()) {
    case Stage::Reading: {
        const qint64 done = m_importState->bytesDone;
        const qint64 total = m_importState->bytesTotal;
        emit taskProgress(LibraryTask::Import, uitext::importingFile(m_importFileName, done, total, QLocale()), done,
                          total);
        break;
    }
    case Stage::WaitingForWriter:
        emit taskBusy(LibraryTask::Import, tr("Another Encore is importing into your library; waiting for it…"));
        break;
    case Stage::Saving: emit taskBusy(LibraryTask::Import, tr("Saving to your library…")); break;
    case Stage::Loading: emit taskBusy(LibraryTask::Import, tr("Loading library…")); break;
    }
}

void LibraryController::getStarterCatalog()
{
    if (isBusy())
        return;
    const Result<QUrl> url = StarterCatalog::url();
    if (!url) {
        emit failed(tr("Getting the starter catalog"), url.error(), {});
        return;
    }
    auto *download = new StarterCatalogDownload(m_account.network(), *url, this);
    m_starterDownload = download;
    emit taskStarted(LibraryTask::Import, uitext::downloadingStarterCatalog(0, 0, QLocale()));
    connect(download, &StarterCatalogDownload::progress, this, [this](qint64 received, qint64 total) {
        emit taskProgress(LibraryTask::Import, uitext::downloadingStarterCatalog(received, total, QLocale()), received,
                          total);
    });
    connect(download, &StarterCatalogDownload::finished, this, &LibraryController::onStarterCatalogDownloaded);
    emit busyChanged();
    download->start();
}

void LibraryController::onStarterCatalogDownloaded()
{
    const std::optional<Error> error = m_starterDownload->error();
    if (!error) {
        openCatalog(m_starterDownload->filePath());  // the download stays until the import ends
        return;
    }
    dropStarterDownload();
    emit taskEnded(LibraryTask::Import);
    emit busyChanged();
    if (error->kind == ErrorKind::Cancelled) {
        emit notice(tr("Download cancelled; your library is unchanged."));
    } else {
        emit failed(tr("Getting the starter catalog"), *error,
                    tr("Open catalog… imports a catalog file you already have."));
    }
    emit importFinished(false);
}

// Its file has been read, or never will be: the temporary folder can go.
void LibraryController::dropStarterDownload()
{
    if (!m_starterDownload)
        return;
    m_starterDownload->deleteLater();
    m_starterDownload.clear();
}

// A first import's library, to rank from while the import stores it.
void LibraryController::onProvisionalLibrary(const std::shared_ptr<ImportProgressState> &import,
                                             const ProvisionalLibrary &library)
{
    if (import != m_importState || import->cancelRequested)
        return;
    m_beforeProvisional = m_library;
    install(library.snapshot);
    if (!library.firstPlaylistId.isEmpty())
        emit playlistArrived(library.firstPlaylistId);
}

void LibraryController::onImportFinished(const ImportOutcome &outcome)
{
    m_importTimer.stop();
    m_importState.reset();
    // What was ranked from meanwhile is what the import stored, or it goes.
    const std::optional<LibrarySnapshot> beforeProvisional = std::exchange(m_beforeProvisional, std::nullopt);
    if (beforeProvisional && outcome.error && !outcome.imported)
        install(*beforeProvisional);
    dropStarterDownload();
    emit taskEnded(LibraryTask::Import);
    emit busyChanged();
    // A search for features paused by the import goes on once it has shown its outcome.
    QTimer::singleShot(0, this, &LibraryController::startQueuedFeatureSearch);

    if (outcome.error && outcome.error->kind == ErrorKind::Cancelled) {
        emit notice(tr("Import cancelled; your library is unchanged."));
        emit importFinished(false);
        return;
    }
    if (outcome.error) {
        if (outcome.imported)  // stored, but the library could not be read back
            install({});
        emit failed(tr("Opening the catalog"), *outcome.error, {});
        emit importFinished(false);
        return;
    }

    if (!(outcome.summary.alreadyImported && !m_library.isEmpty()))
        install(outcome.snapshot);
    if (!outcome.summary.firstPlaylistId.isEmpty() && !beforeProvisional)
        emit playlistArrived(outcome.summary.firstPlaylistId);
    if (!outcome.summary.rejected.empty())
        m_skippedRows = outcome.summary;
    emit skippedRowsChanged(int(outcome.summary.rejected.size()));
    emit notice(uitext::importSummary(outcome.summary, QLocale()));
    emit importFinished(true);
}

// ---- Spotify -----------------------------------------------------------------------------------

void LibraryController::readSpotifyPlaylist(const SpotifyPlaylist &playlist)
{
    if ((m_readJob || m_storing) && m_readPlaylist.id == playlist.id)
        return;  // already on its way (a click can also activate)
    SpotifyClient *client = m_account.client();
    if (!client)
        return;
    if (m_loading || m_importState || m_storing) {
        emit notice(tr("Encore is busy with your library; try again in a moment."));
        return;
    }
    if (m_readJob)  // the user changed their mind: the new choice wins
        delete m_readJob.data();

    m_readPlaylist = playlist;
    m_readJob = client->playlistTracks(playlist.id);
    m_reading = true;
    emit taskStarted(LibraryTask::SpotifyRead,
                     uitext::readingPlaylist(playlist.name, 0, playlist.trackCount, QLocale()));
    connect(m_readJob, &SpotifyJob::progress, this, [this](int done, int total) {
        emit taskProgress(LibraryTask::SpotifyRead,
                          uitext::readingPlaylist(m_readPlaylist.name, done, total, QLocale()), done, total);
    });
    connect(m_readJob, &SpotifyJob::finished, this, &LibraryController::onPlaylistRead);
    emit busyChanged();
}

void LibraryController::onPlaylistRead()
{
    SpotifyPlaylistTracksJob *job = m_readJob;
    m_readJob.clear();
    job->deleteLater();
    if (job->error()) {
        m_reading = false;
        emit taskEnded(LibraryTask::SpotifyRead);
        emit busyChanged();
        if (job->error()->kind == ErrorKind::Cancelled)
            emit notice(tr("Stopped reading “%1”; your library is unchanged.").arg(m_readPlaylist.name));
        else
            emit failed(tr("Reading “%1”").arg(m_readPlaylist.name), *job->error(), {});
        emit spotifyReadFinished(false);
        return;
    }

    m_storing = true;
    emit taskBusy(LibraryTask::SpotifyRead, tr("Saving “%1” to your library…").arg(m_readPlaylist.name));
    const SpotifyItemsPage items = job->result();
    m_storeFuture =
        QtConcurrent::run([libraryPath = m_libraryPath, batch = spotifyPlaylistBatch(m_readPlaylist, items)] {
            return storeIntoLibrary(libraryPath, batch);
        });
    whenFinished(m_storeFuture, this, [this, items](const LoadOutcome &outcome) { onPlaylistStored(outcome, items); });
}

void LibraryController::onPlaylistStored(const LoadOutcome &outcome, const SpotifyItemsPage &items)
{
    m_storing = false;
    m_reading = false;
    emit taskEnded(LibraryTask::SpotifyRead);
    emit busyChanged();
    if (outcome.error) {
        emit failed(tr("Saving “%1”").arg(m_readPlaylist.name), *outcome.error, {});
        emit spotifyReadFinished(false);
        return;
    }
    install(outcome.snapshot);
    emit playlistArrived(m_readPlaylist.id);
    emit notice(uitext::playlistReadSummary(m_readPlaylist.name, items, QLocale()));
    emit spotifyReadFinished(true);

    // Spotify gives a new app no audio features: look for them at once.
    QStringList trackIds;
    trackIds.reserve(qsizetype(items.tracks.size()));
    for (const Track &track : items.tracks)
        trackIds.push_back(track.id);
    findFeatures(std::move(trackIds));
}

// A read whose client went away with the sign-in never finishes: it has ended.
void LibraryController::onSignInChanged()
{
    if (!m_reading || m_readJob || m_storing)
        return;
    m_reading = false;
    emit taskEnded(LibraryTask::SpotifyRead);
    emit busyChanged();
}

void LibraryController::keepSavedPlaylist(const SpotifyPlaylistSave &save, const std::vector<Track> &tracks,
                                          const SpotifyPlaylist &listed)
{
    const quint64 installs = m_installs;
    m_keepSavedFuture = QtConcurrent::run(
        [path = m_libraryPath, save, tracks, listed] { return storeSavedPlaylist(path, save, tracks, listed); });
    whenFinished(m_keepSavedFuture, this, [this, installs](const LoadOutcome &outcome) {
        if (outcome.error)
            emit failed(tr("Keeping the playlist in your library"), *outcome.error, {});
        else if (!outcome.snapshot.isEmpty() && installs == m_installs && !isBusy())
            install(outcome.snapshot);  // unless a newer library was handed out meanwhile
    });
}

// ---- removals ----------------------------------------------------------------------------------

void LibraryController::removePlaylists(const PlaylistRemoval &removal)
{
    // The import holds the library's writes until it is saved (a first import's playlists are
    // not even stored yet): the removal would wait and then fail.
    if (m_importState) {
        emit notice(uitext::removalWaitsForImport());
        return;
    }
    m_remover->remove(removal);
    emit busyChanged();
}

void LibraryController::onRemoved(const LoadOutcome &outcome, const QString &notice, bool undone)
{
    emit busyChanged();
    if (outcome.error) {
        emit failed(undone ? tr("Undoing the removal") : tr("Removing playlists"), *outcome.error, {});
        return;
    }
    install(outcome.snapshot);
    emit playlistsRemoved(notice, undone);
}

// ---- audio features ----------------------------------------------------------------------------

void LibraryController::queueFeatureSearch(const std::optional<QStringList> &trackIds)
{
    if (trackIds)
        m_queuedTrackIds += *trackIds;
    else
        m_queuedWholeLibrary = true;
}

void LibraryController::startQueuedFeatureSearch()
{
    if (isFindingFeatures() || m_loading || m_importState)
        return;
    if (std::exchange(m_queuedWholeLibrary, false)) {
        m_queuedTrackIds.clear();
        findFeatures(std::nullopt);
    } else if (!m_queuedTrackIds.isEmpty()) {
        m_queuedTrackIds.removeDuplicates();
        findFeatures(std::exchange(m_queuedTrackIds, {}));
    }
}

void LibraryController::findFeatures(std::optional<QStringList> trackIds)
{
    if (isFindingFeatures() || m_loading || m_importState) {
        queueFeatureSearch(trackIds);
        return;
    }
    auto *filler = new FeatureFiller(m_libraryPath, m_account.client(), m_account.network(), this);
    m_filler = filler;
    m_fillScope = trackIds;
    emit taskStarted(LibraryTask::FeatureSearch, tr("Looking for audio features…"));
    connect(filler, &FeatureFiller::progress, this, [this](int done, int total, const QString &stage) {
        emit taskProgress(LibraryTask::FeatureSearch, uitext::findingFeatures(stage, done, total, QLocale()), done,
                          total);
    });
    connect(filler, &FeatureFiller::waitingForRateLimit, this,
            [this](const QString &service, std::chrono::milliseconds wait) {
                emit taskProgress(LibraryTask::FeatureSearch, uitext::waitingForRateLimit(service, wait), 0, 0);
            });
    connect(filler, &FeatureFiller::finished, this, &LibraryController::onFeatureSearchFinished);
    filler->start(std::move(trackIds));
    emit busyChanged();
}

void LibraryController::onFeatureSearchFinished()
{
    FeatureFiller *filler = m_filler;
    m_filler.clear();
    filler->deleteLater();
    const FeatureFillSummary summary = filler->summary();
    emit taskEnded(LibraryTask::FeatureSearch);

    const bool stopped = summary.error && summary.error->kind == ErrorKind::Cancelled;
    QString outcome;
    if (!m_pendingImport.isEmpty())
        outcome = tr("Stopped looking for audio features for the import; it goes on afterwards.");
    else if (stopped)
        outcome = tr("Stopped looking for audio features; the ones found are kept.");
    else if (!summary.error)
        outcome = uitext::featureFillSummary(summary, QLocale());
    if (summary.error && !stopped)
        emit failed(tr("Finding audio features"), *summary.error, {});

    // The library handed out is as it was loaded: reload it when something may have been found
    // (an import about to run reloads it anyway).
    const bool foundSome = summary.error || summary.gainedValues;
    if (foundSome && m_pendingImport.isEmpty()) {
        m_reloading = true;
        const quint64 installs = m_installs;
        m_reloadFuture = QtConcurrent::run([path = m_libraryPath] { return loadLibrary(path); });
        whenFinished(m_reloadFuture, this, [this, outcome, installs](const LoadOutcome &loaded) {
            onFeaturesReloaded(loaded, outcome, installs);
        });
        emit busyChanged();
        return;
    }
    onFeaturesReloaded({}, outcome, m_installs);
}

void LibraryController::onFeaturesReloaded(const LoadOutcome &outcome, const QString &summaryText,
                                           quint64 installsBefore)
{
    m_reloading = false;
    if (outcome.error)
        emit failed(tr("Loading the library"), *outcome.error, {});
    else if (!outcome.snapshot.isEmpty() && installsBefore == m_installs && !isBusy())
        install(outcome.snapshot);  // unless a newer library was handed out meanwhile
    if (!summaryText.isEmpty())
        emit notice(summaryText);
    emit busyChanged();
    emit featureSearchFinished();

    if (!m_pendingImport.isEmpty())
        openCatalog(std::exchange(m_pendingImport, QString()));
    else
        startQueuedFeatureSearch();
}

// ---- Discover ----------------------------------------------------------------------------------

void LibraryController::discover(const DiscoverySeed &seed, const DiscoveryOptions &options)
{
    if (!m_discovery) {
        const Result<FeatureEndpoints> endpoints = FeatureEndpoints::fromEnvironment();
        if (!endpoints) {
            emit failed(tr("Discovering new songs"), endpoints.error(), {});
            return;
        }
        m_discovery = new Discovery(m_account.network(), *endpoints, this);
        connect(m_discovery, &Discovery::progress, this, [this](int done, int total) {
            emit taskProgress(LibraryTask::Discover,
                              uitext::discovering(m_discoverSeed, m_discovery->sourceProgress(), QLocale()), done,
                              total);
        });
        // The first songs are shown at once; later ones gather for a while, so that the library
        // is not reloaded for every answer.
        const auto gather = [this] {
            if (!m_discoverBatch.isActive())
                m_discoverBatch.start(m_discoveryStored ? kDiscoverBatchMs : 0);
        };
        connect(m_discovery, &Discovery::candidatesAdded, this, gather);
        connect(m_discovery, &Discovery::candidateUpdated, this, gather);
        connect(m_discovery, &Discovery::finished, this, [this](const DiscoveryOutcome &outcome) {
            m_discoveryOutcome = outcome;
            m_discoverBatch.stop();
            storeDiscoveries();
        });
        for (ServiceClient *client : {&m_discovery->reccoBeatsClient(), &m_discovery->deezerClient()})
            connect(client, &ServiceClient::waitingForRateLimit, this,
                    [this, service = client->serviceName()](std::chrono::milliseconds wait) {
                        emit taskProgress(LibraryTask::Discover, uitext::waitingForRateLimit(service, wait), 0, 0);
                    });
    }
    m_discoverSeed = seed;
    m_discovering = true;
    m_discoveryStored = false;
    m_discoveryOutcome.reset();
    emit taskStarted(LibraryTask::Discover, uitext::discovering(seed, {}, QLocale()));
    emit busyChanged();
    m_discovery->start(seed, options);
}

// Stores every song found so far (a song stored before only has its time renewed), then hands
// out the library and looks for the new songs' features.
void LibraryController::storeDiscoveries()
{
    if (m_storingDiscoveries || m_importState) {  // one write at a time: try again shortly
        m_discoverBatch.start(kDiscoverBatchMs);
        return;
    }
    std::vector<Candidate> found = m_discovery->pool().candidates();
    if (found.empty()) {
        if (m_discoveryOutcome)
            concludeDiscovery();
        return;
    }
    m_storingDiscoveries = true;
    m_discoveryStored = true;
    const quint64 installs = m_installs;
    auto storedIds = std::make_shared<QStringList>();
    m_discoverStoreFuture = QtConcurrent::run(
        [path = m_libraryPath, catalog = m_library.catalog, seedId = m_discoverSeed.id, found, storedIds]() mutable {
            if (catalog)
                matchToLibrary(*catalog, found);
            for (const Candidate &candidate : found)
                if (const QString id = discoveredTrackId(candidate); !id.isEmpty())
                    storedIds->append(id);
            return changeLibrary(path, [&](LibraryDb &db) { return db.storeDiscoveries(seedId, found); });
        });
    whenFinished(m_discoverStoreFuture, this, [this, storedIds, installs](const LoadOutcome &outcome) {
        onDiscoveriesStored(outcome, *storedIds, installs);
    });
}

void LibraryController::onDiscoveriesStored(const LoadOutcome &outcome, const QStringList &storedIds,
                                            quint64 installsBefore)
{
    m_storingDiscoveries = false;
    if (outcome.error) {
        m_discovery->cancel();
        m_discoveryOutcome.reset();
        m_discovering = false;
        emit taskEnded(LibraryTask::Discover);
        emit busyChanged();
        emit failed(tr("Keeping the discovered songs"), *outcome.error, {});
        return;
    }
    if (!outcome.snapshot.isEmpty() && installsBefore == m_installs && !isBusy())
        install(outcome.snapshot);  // unless a newer library was handed out meanwhile
    findFeatures(storedIds);
    if (m_discoveryOutcome && !m_discoverBatch.isActive())
        concludeDiscovery();
}

void LibraryController::concludeDiscovery()
{
    const DiscoveryOutcome outcome = *std::exchange(m_discoveryOutcome, std::nullopt);
    m_discovering = false;
    const int found = m_discovery->pool().size();
    emit taskEnded(LibraryTask::Discover);
    emit busyChanged();
    emit notice(uitext::discoverySummary(m_discoverSeed, found, outcome, QLocale()));
    emit discoveryFinished(m_discoverSeed.id, found);
}

// ---- Spotify searches for songs found only on Deezer -------------------------------------------

void LibraryController::findOnSpotify(const std::vector<Track> &songs)
{
    if (songs.empty() || !m_account.isSignedIn() || m_searchingSpotify)
        return;
    m_searchingSpotify = true;
    const int budget = SpotifySettings::dailySearchBudget(SpotifySettings::openDefault());
    QFuture<Result<SpotifySearchPlan>> planned = QtConcurrent::run(planSpotifySearches, m_libraryPath, songs, budget);
    whenFinished(planned, this, [this, budget](const Result<SpotifySearchPlan> &plan) {
        SpotifyClient *client = m_account.client();
        if (!plan || plan->toAsk.empty() || !client) {
            m_searchingSpotify = false;
            if (!plan)
                emit failed(tr("Finding the new songs on Spotify"), plan.error(), {});
            else if (plan->overBudget > 0)
                emit notice(
                    uitext::spotifySearchSummary(0, 0, plan->overBudget, plan->searchesToday, budget, QLocale()));
            return;
        }
        m_spotifyLookup = client->lookUpTracks(plan->toAsk);
        connect(m_spotifyLookup, &SpotifyJob::finished, this,
                [this, plan = *plan, budget] { onSpotifyLookupFinished(plan, budget); });
    });
}

// Stores what Spotify said (only the searches' count when it failed: an unanswered search says
// nothing about the song), then says how many it knows.
void LibraryController::onSpotifyLookupFinished(const SpotifySearchPlan &plan, int dailyBudget)
{
    SpotifyTrackLookupJob *job = m_spotifyLookup;
    m_spotifyLookup.clear();
    job->deleteLater();
    const int searches = job->searchesMade();
    const std::optional<Error> lookupError = job->error();
    const std::vector<SpotifySearchAnswer> answers =
        plan.answersTo(lookupError ? std::vector<std::optional<Track>>{} : job->result());
    keepSpotifyAnswers(answers, searches, [=, this](bool stored, const QStringList &foundIds) {
        m_searchingSpotify = false;
        if (!stored)
            return;
        if (lookupError) {
            if (lookupError->kind != ErrorKind::Cancelled)
                emit failed(tr("Finding the new songs on Spotify"), *lookupError, {});
            return;
        }
        emit notice(uitext::spotifySearchSummary(int(foundIds.size()), int(answers.size()), plan.overBudget,
                                                 plan.searchesToday + searches, dailyBudget, QLocale()));
    });
}

// The songs Spotify knows become its tracks: the library is handed out again (unless it changed
// meanwhile) and their features are looked for.
void LibraryController::keepSpotifyAnswers(const std::vector<SpotifySearchAnswer> &answers, int searches,
                                           const std::function<void(bool stored, const QStringList &foundIds)> &then)
{
    QStringList foundIds;
    for (const SpotifySearchAnswer &answer : answers)
        if (answer.found)
            foundIds << answer.found->id;
    const quint64 installs = m_installs;
    QFuture<LoadOutcome> stored = QtConcurrent::run([path = m_libraryPath, answers, searches] {
        return changeLibrary(path, [&](LibraryDb &db) { return db.storeSpotifyMatches(answers, searches); });
    });
    whenFinished(stored, this, [=, this](const LoadOutcome &outcome) {
        if (outcome.error) {
            emit failed(tr("Keeping what Spotify said of the new songs"), *outcome.error, {});
        } else if (!foundIds.isEmpty()) {
            if (!outcome.snapshot.isEmpty() && installs == m_installs && !isBusy())
                install(outcome.snapshot);
            findFeatures(foundIds);
        }
        if (then)
            then(!outcome.error, foundIds);
    });
}

}  // namespace encore
