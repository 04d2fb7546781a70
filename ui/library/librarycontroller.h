#pragma once

#include "libraryjobs.h"

#include "discover/discovery.h"
#include "spotify/spotifyjson.h"

#include <QFuture>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>
#include <optional>

class QUndoStack;

namespace encore {

class Discovery;
class FeatureFiller;
class PlaylistRemover;
class SpotifyAccount;
class SpotifyPlaylistTracksJob;
class SpotifyTrackLookupJob;
class StarterCatalogDownload;
struct PlaylistRemoval;

// The long tasks whose progress the window shows, each with its own Cancel.
enum class LibraryTask { Import, SpotifyRead, FeatureSearch, Discover };

// The library's long work, without widgets: the load at start, catalog imports (files and the
// starter catalog), playlists read from Spotify and stored, playlists saved to Spotify kept,
// playlist removals, and the search for missing audio features with what waits for it. One
// writer at a time: what is asked meanwhile waits and goes on afterwards. Every task runs in a
// QtConcurrent worker or on the network; nothing here waits, except the destructor.
//
// The window asks through the slots and shows what the signals report; it installs each library
// libraryChanged() hands it.
class LibraryController : public QObject {
    Q_OBJECT

public:
    // `account` gives the network and the Spotify client; `undoStack` receives the removals. Both
    // must outlive the controller.
    LibraryController(QString libraryPath, SpotifyAccount &account, QUndoStack &undoStack, QObject *parent = nullptr);
    ~LibraryController() override;

    const QString &libraryPath() const { return m_libraryPath; }
    // The library last handed out by libraryChanged().
    const LibrarySnapshot &library() const { return m_library; }

    bool isLoading() const { return m_loading; }
    bool isImporting() const { return m_importState != nullptr; }
    // True while the library is loaded, a catalog downloaded or imported, a Spotify playlist read
    // or stored, or a removal written.
    bool isBusy() const;
    bool isFindingFeatures() const;
    bool isDiscovering() const { return m_discovering; }
    // The last import that skipped rows: its rows and why.
    const ImportSummary &skippedRows() const { return m_skippedRows; }

    // Keeps what Spotify said of songs searched for elsewhere (saving to Spotify) and the
    // `searches` it cost, as findOnSpotify does with its own; `then` gets whether they were
    // stored and the ids of the Spotify tracks found.
    void keepSpotifyAnswers(const std::vector<encore::SpotifySearchAnswer> &answers, int searches,
                            const std::function<void(bool stored, const QStringList &foundIds)> &then = {});

public slots:
    // Loads the library, or hands out an empty one when there is no library file yet. What an
    // earlier session removed is forgotten first: it quit, or it crashed.
    void start();
    // Imports a catalog file (after the load, if the library is loading; after the feature
    // search, which stops and goes on afterwards).
    void openCatalog(const QString &filePath);
    // Downloads the starter catalog, then imports it as openCatalog does.
    void getStarterCatalog();
    // Reads a Spotify playlist into the library; a new choice replaces one being read.
    void readSpotifyPlaylist(const encore::SpotifyPlaylist &playlist);
    // Keeps a playlist a save to Spotify made or added to (see storeSavedPlaylist).
    void keepSavedPlaylist(const encore::SpotifyPlaylistSave &save, const std::vector<encore::Track> &tracks,
                           const encore::SpotifyPlaylist &listed);
    void removePlaylists(const encore::PlaylistRemoval &removal);
    // Looks for the features of `trackIds` (the whole library: std::nullopt), or queues the
    // search when it cannot run yet.
    void findFeatures(std::optional<QStringList> trackIds = std::nullopt);
    // Asks ReccoBeats and Deezer for songs like `seed` from beyond the library (Discovery). What
    // they find is stored as it comes, a batch about every second (LibraryDb::storeDiscoveries),
    // handed out with the library, and its features are looked for. A new seed replaces one being
    // discovered; cancelling keeps what was found.
    void discover(const encore::DiscoverySeed &seed, const encore::DiscoveryOptions &options = {});
    // Searches Spotify (when signed in, within the day's budget) for these songs found only on
    // Deezer; those it knows become its tracks (LibraryDb::storeSpotifyMatches) and their
    // features are looked for. One search at a time: a request during one is dropped.
    void findOnSpotify(const std::vector<encore::Track> &songs);
    void cancel(encore::LibraryTask task);
    // Waits for the removals being written and forgets them: undo ends with the session.
    void finish();

signals:
    void loadingStarted();
    // The library to show: after the load, an import, a read, a removal or a feature search.
    void libraryChanged(const encore::LibrarySnapshot &snapshot);
    // isBusy(), isLoading(), isImporting() or isFindingFeatures() may have changed.
    void busyChanged();

    void taskStarted(encore::LibraryTask task, const QString &text);
    // `done` of `total`; a total of 0 or less has no measure.
    void taskProgress(encore::LibraryTask task, const QString &text, qint64 done, qint64 total);
    // A step that has no measure and cannot be cancelled (saving, loading).
    void taskBusy(encore::LibraryTask task, const QString &text);
    void taskEnded(encore::LibraryTask task);

    // A short sentence for the status bar.
    void notice(const QString &text);
    // Something failed: `title` says what was being done, `hint` what to do instead.
    void failed(const QString &title, const encore::Error &error, const QString &hint);

    void importStarted(const QString &filePath);
    // Also (false) when the starter catalog's download failed or was cancelled.
    void importFinished(bool succeeded);
    // How many rows the last import skipped (see skippedRows()).
    void skippedRowsChanged(int count);
    // A playlist arrived (the first of an import, or one read from Spotify): worth showing.
    void playlistArrived(const QString &playlistId);
    void spotifyReadFinished(bool succeeded);
    // Playlists were removed, or put back (`undone`); `notice` says which.
    void playlistsRemoved(const QString &notice, bool undone);
    // A feature search ended, and the library it found was handed out.
    void featureSearchFinished();
    // A discovery ended and what it found is stored (`found` songs, for the seed with this id).
    void discoveryFinished(const QString &seedId, int found);

private:
    void install(const LibrarySnapshot &snapshot);

    void onLoadFinished(const LoadOutcome &outcome);
    void reportImportProgress();
    void onProvisionalLibrary(const std::shared_ptr<ImportProgressState> &import, const ProvisionalLibrary &library);
    void onImportFinished(const ImportOutcome &outcome);
    void onStarterCatalogDownloaded();
    void dropStarterDownload();

    void onPlaylistRead();
    void onPlaylistStored(const LoadOutcome &outcome, const SpotifyItemsPage &items);
    void onSignInChanged();
    void onRemoved(const LoadOutcome &outcome, const QString &notice, bool undone);

    void queueFeatureSearch(const std::optional<QStringList> &trackIds);
    void startQueuedFeatureSearch();
    void onFeatureSearchFinished();
    // Hands out the library reloaded after a search (`outcome` empty: nothing to hand out)
    // unless another was handed out since, says `summaryText` and goes on with what waits.
    void onFeaturesReloaded(const LoadOutcome &outcome, const QString &summaryText, quint64 installsBefore);

    void storeDiscoveries();
    void onDiscoveriesStored(const LoadOutcome &outcome, const QStringList &storedIds, quint64 installsBefore);
    void concludeDiscovery();
    void onSpotifyLookupFinished(const SpotifySearchPlan &plan, int dailyBudget);

    QString m_libraryPath;
    SpotifyAccount &m_account;
    LibrarySnapshot m_library;
    quint64 m_installs = 0;  // libraries handed out so far: tells a stale reload

    QFuture<LoadOutcome> m_loadFuture;
    bool m_loading = false;
    QFuture<ImportOutcome> m_importFuture;
    std::shared_ptr<ImportProgressState> m_importState;
    QString m_pendingImport;
    QString m_importFileName;
    QTimer m_importTimer;
    // The library before the running import handed out its provisional one, to go back to if the
    // import fails; empty when none was handed out.
    std::optional<LibrarySnapshot> m_beforeProvisional;
    // The starter catalog's download; kept until its file has been imported.
    QPointer<StarterCatalogDownload> m_starterDownload;
    ImportSummary m_skippedRows;

    // The Spotify playlist being read, then stored.
    SpotifyPlaylist m_readPlaylist;
    QPointer<SpotifyPlaylistTracksJob> m_readJob;
    bool m_reading = false;  // from the read's start until its outcome is known
    QFuture<LoadOutcome> m_storeFuture;
    bool m_storing = false;
    QFuture<LoadOutcome> m_keepSavedFuture;

    PlaylistRemover *m_remover = nullptr;

    // The search for missing features, and what was asked for while it ran.
    QPointer<FeatureFiller> m_filler;
    std::optional<QStringList> m_fillScope;  // what it looks at; std::nullopt = the whole library
    bool m_queuedWholeLibrary = false;
    QStringList m_queuedTrackIds;
    QFuture<LoadOutcome> m_reloadFuture;
    bool m_reloading = false;

    // Discover: the songs found so far are stored in batches, one at a time.
    Discovery *m_discovery = nullptr;  // made on the first use
    DiscoverySeed m_discoverSeed;
    bool m_discovering = false;                          // from start until what was found is stored
    bool m_discoveryStored = false;                      // a batch of this discovery was stored
    std::optional<DiscoveryOutcome> m_discoveryOutcome;  // once the services are done
    QTimer m_discoverBatch;
    QFuture<LoadOutcome> m_discoverStoreFuture;
    bool m_storingDiscoveries = false;
    // Spotify searches for songs found only on Deezer.
    bool m_searchingSpotify = false;
    QPointer<SpotifyTrackLookupJob> m_spotifyLookup;
};

}  // namespace encore
