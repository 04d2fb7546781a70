#pragma once

#include "catalog/catalog.h"
#include "chart/featurescale.h"
#include "common/discoveries.h"
#include "discover/spotifysearchbudget.h"
#include "recommend/recommender.h"
#include "spotify/playlistsaving.h"
#include "storage/librarydb.h"
#include "util/result.h"

#include <QHash>
#include <QString>
#include <QUrl>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

// The work the window hands to QtConcurrent workers. Each function runs in a worker thread, opens
// its own LibraryDb there when it needs one, and returns plain values the window installs.
namespace encore {

// The Discoveries of `catalog`, from what `db` recorded of them.
Result<Discoveries> readDiscoveries(const LibraryDb &db, const Catalog &catalog);

// What the interface works on: an immutable catalog, its recommender and its feature scale, the
// user's likes and dislikes as stored in the library, and the songs Discover found.
// Copies share the data; a worker can keep one alive while the window installs another.
struct LibrarySnapshot {
    std::shared_ptr<const Catalog> catalog;
    std::shared_ptr<const Recommender> recommender;
    FeatureScale scale;
    FeedbackLog feedback;
    Discoveries discoveries;
    QHash<QString, QUrl> albumCovers;  // album id → cover link (LibraryDb::albumCovers)
    bool readOnly = false;             // the library it was read from cannot be written (LibraryDb::isReadOnly)

    bool isEmpty() const { return !catalog || catalog->isEmpty(); }
};

// Builds the recommender (which normalises the features; see Recommender for the cache) and the
// feature scale.
LibrarySnapshot makeSnapshot(std::shared_ptr<const Catalog> catalog, const QString &rankingCachePath = {});
LibrarySnapshot makeSnapshot(Catalog catalog, const QString &rankingCachePath = {});

// How far a running import has got, written by the worker and read by the window's timer.
struct ImportProgressState {
    enum class Stage { Reading, WaitingForWriter, Saving, Loading };

    std::atomic<qint64> bytesDone{0};
    std::atomic<qint64> bytesTotal{0};
    std::atomic<Stage> stage{Stage::Reading};
    std::atomic<bool> cancelRequested{false};
};

struct LoadOutcome {
    std::optional<Error> error;
    LibrarySnapshot snapshot;  // empty when the library holds no tracks
};

// Opens the library at `libraryPath` and loads its catalog and feedback.
LoadOutcome loadLibrary(const QString &libraryPath);

struct ImportOutcome {
    std::optional<Error> error;  // Cancelled when the user stopped the import
    ImportSummary summary;       // valid when the file was imported (even if loading then failed)
    bool imported = false;
    LibrarySnapshot snapshot;  // the library after the import
};

// What a first import into an empty library will have stored, to rank from while it stores: read
// only, it becomes the library once the import succeeds (see importCatalogFile).
struct ProvisionalLibrary {
    LibrarySnapshot snapshot;
    QString firstPlaylistId;
};
using ProvisionalReady = std::function<void(const ProvisionalLibrary &)>;

// Imports `filePath` into the library at `libraryPath` (created when absent), then loads the
// library. Reports progress into `progress` and stops early when cancelRequested is set. Into an
// empty library, hands `provisional` (from another thread) the library to rank from meanwhile.
ImportOutcome importIntoLibrary(const QString &libraryPath, const QString &filePath, ImportProgressState &progress,
                                const ProvisionalReady &provisional = {});

// Opens the library at `libraryPath`, makes `change` to it, then loads the library. An error
// while changing it leaves the library as it was (each change is one transaction).
LoadOutcome changeLibrary(const QString &libraryPath, const std::function<Status(LibraryDb &)> &change);

// Stores a batch (a playlist read from Spotify) in the library at `libraryPath`, then loads the
// library. An error while storing leaves the library as it was.
LoadOutcome storeIntoLibrary(const QString &libraryPath, const ImportBatch &batch);

// Keeps the playlist a save to Spotify made or added to in the library at `libraryPath` (see
// savedPlaylistBatch), then loads the library. An empty outcome when there was nothing to keep
// (the library's copy was not current: it is read from Spotify when opened).
LoadOutcome storeSavedPlaylist(const QString &libraryPath, const SpotifyPlaylistSave &save,
                               const std::vector<Track> &tracks, const SpotifyPlaylist &listed);

// Stores the user's reaction to a recommendation in the library at `libraryPath`, or forgets it
// when `reaction` is empty.
Status storeFeedback(const QString &libraryPath, const QString &seedId, const QString &trackId,
                     std::optional<Reaction> reaction);

// What the library at `libraryPath` knows of Spotify searches for `songs`, as the plan for
// searching the rest within `dailyBudget` (SpotifySearchPlan::forLibrary).
Result<SpotifySearchPlan> planSpotifySearches(const QString &libraryPath, const std::vector<Track> &songs,
                                              int dailyBudget);

// Forgets every like of `trackId` in the library at `libraryPath`, whatever it was liked for.
Status forgetLikes(const QString &libraryPath, const QString &trackId);

struct RankOutcome {
    quint64 generation = 0;
    int seedRow = -1;  // -1 when a playlist was the seed
    RankingMethod method = RankingMethod::Content;
    std::optional<Error> error;
    std::vector<Recommendation> recommendations;
};

RankOutcome rankTracks(const Recommender &recommender, const RankingRequest &request, quint64 generation);

}  // namespace encore
