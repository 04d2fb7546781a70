#pragma once

#include "catalog/catalog.h"
#include "catalog/catalogimporter.h"
#include "discover/candidate.h"
#include "recommend/feedback.h"
#include "storage/featurecounts.h"
#include "util/result.h"

#include <QDateTime>
#include <QHash>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

namespace encore {

// What an import did to the library.
struct ImportSummary {
    QString sourcePath;
    int tracks = 0;  // distinct tracks in the file
    int playlists = 0;
    QString firstPlaylistId;  // the file's first playlist, to show after the import; empty when known from before
    qint64 rowsRead = 0;
    std::vector<RejectedRow> rejected;
    std::vector<ValueNote> valuesLeftOut;
    bool alreadyImported = false;  // the same content was imported before; counts are from then
    // Stored playlists the import left with fewer entries while the file had rows it could not
    // read: the user must hear of it, since those rows may be what is missing.
    struct ShrunkPlaylist {
        QString name;
        int before = 0;
        int after = 0;
    };
    std::vector<ShrunkPlaylist> shrunk;
    // A collection read in parts (Million Playlist slice files): how many parts it has and how
    // many are in the library now. Fewer when the import was cancelled between parts; importing
    // it again reads only the rest. Both 0 for a CSV file.
    int partsTotal = 0;
    int partsImported = 0;
};

// Called while another connection (another Encore importing) holds the library's write lock,
// about every kWriterPollMs: `waitedMs` so far, and `acquired` true once, when the wait is over.
// Return false to stop waiting (the write then fails as Cancelled).
using WriterWait = std::function<bool(qint64 waitedMs, bool acquired)>;

// What a first import will have stored (see importCatalogFile): its catalog, without a
// generation, and the id of the file's first playlist (empty when it has none).
using FirstCatalog = std::function<void(const std::shared_ptr<const Catalog> &catalog, const QString &firstPlaylistId)>;

// What LibraryDb::store() found and left, read inside its transaction: so an import knows whether
// the tables now hold its batch and nothing else, and as of which generation.
struct StoreReceipt {
    bool intoEmptyLibrary = false;  // no track and no playlist was stored before
    qint64 generation = 0;          // the library's generation once the batch was stored
};

// One place a song was discovered, for one seed (see LibraryDb::storeDiscoveries).
struct Discovered {
    QString trackId;
    QString seedId;  // a track id, or "playlist:<id>" as in FeedbackEntry
    DiscoveryOrigin origin;
    QDateTime discoveredAt;
};

// What Deezer said of a discovered song.
struct DeezerTrack {
    qint64 deezerId = 0;
    int rank = 0;  // Deezer's popularity, 0 when unknown
    QUrl cover;
};

// Spotify's stored answer to a search for a song without a Spotify id.
struct SpotifyMatch {
    QString spotifyId;  // empty when Spotify has no such song
    QDateTime askedAt;
};

// One song searched for on Spotify, and the Spotify track found for it, if any.
struct SpotifySearchAnswer {
    Track song;
    std::optional<Track> found;
};

// A track of the library with the features it has so far.
struct TrackFeatures {
    Track track;
    AudioFeatures features;
};

// Feature values a provider found for one track.
struct FoundFeatures {
    QString trackId;
    AudioFeatures features;
};

// What became of the on-device analysis of a track's preview.
enum class AnalysisOutcome {
    Ok,         // analysed; the features found are stored with source Analysis
    NoPreview,  // no service had a preview
    Failed,     // the preview could not be downloaded, decoded or analysed
};
QString analysisOutcomeName(AnalysisOutcome outcome);  // "ok", "no-preview", "failed"
AnalysisOutcome analysisOutcomeFromName(const QString &name);

// What removing playlists took out of the library, to put back with LibraryDb::restoreRemoval().
struct Removal {
    qint64 id = 0;
    int playlists = 0;  // playlists removed
    int tracks = 0;     // songs that left the library with them (no other playlist held them)
};

struct AnalysisRecord {
    QString trackId;
    QUrl previewUrl;  // the preview analysed (or that failed); empty for NoPreview
    QDateTime analysedAt;
    AnalysisOutcome outcome = AnalysisOutcome::Ok;
    QString reason;  // why it failed, one sentence; empty otherwise
};

// The user's library: tracks, their features with source, playlists and the user's likes and
// dislikes, in one SQLite file.
// One instance per thread (a QSqlDatabase connection may only be used by the thread that made it).
class LibraryDb {
public:
    // <user data dir>/Encore/library.sqlite, e.g. ~/.local/share/Encore/library.sqlite.
    static QString defaultPath();

    // How often a write waiting for another writer tries again and reports.
    static constexpr int kWriterPollMs = 100;

    // Opens or creates the database and brings its schema up to date. A library that cannot be
    // written (the file or its folder is read-only) is opened read-only: it can be read and
    // ranked from, every write fails, and no cache is kept beside it.
    static Result<std::unique_ptr<LibraryDb>> open(const QString &path);
    ~LibraryDb();
    LibraryDb(const LibraryDb &) = delete;
    LibraryDb &operator=(const LibraryDb &) = delete;

    QString path() const;
    bool isReadOnly() const { return m_readOnly; }
    // "The library at PATH is read-only: …", the one sentence that says so.
    QString readOnlyNotice() const;

    // Stores a batch in one transaction: tracks and features are upserted, each playlist's
    // membership and snapshot id are replaced. Storing the same batch twice changes nothing.
    // An empty contentHash records no import (e.g. a playlist read from Spotify). While another
    // Encore writes to the library, waits for it as long as `wait` allows; without `wait`, for
    // SQLite's busy timeout. `receipt`, when given, learns what the store found and left.
    Status store(const ImportBatch &batch, const QByteArray &contentHash, const WriterWait &wait = {},
                 StoreReceipt *receipt = nullptr);
    // For an import of many batches: the index of playlist entries by track is left out from
    // beginBulkImport() to endBulkImport(), which builds it again, sorted. Keeping it up entry
    // by entry took half of a large collection's import. Nothing needs it meanwhile but
    // removals; a library opened without it (the import was killed) gets it back at open.
    Status beginBulkImport(const WriterWait &wait = {});
    Status endBulkImport(const WriterWait &wait = {});
    // The album covers stored with imports (ImportBatch::albumCovers), by album id.
    Result<QHash<QString, QUrl>> albumCovers() const;
    // The earlier import of a file with this content, if there was one.
    std::optional<ImportSummary> findImport(const QByteArray &contentHash) const;

    // What the stored tracks say about artist names, for splitting "A, B" credits (see
    // CreditSplitter): every name without a comma that is some track's only artist.
    Result<CreditSplitter> knownArtists() const;
    // Splits the stored one-artist credits "A, B" that `known` shows to be lists (a later file
    // brought the evidence), in one transaction; how many tracks changed.
    Result<int> splitStoredCredits(const CreditSplitter &known);

    // ---- removal. Removing playlists takes out, in one transaction, the playlists, the songs no
    // other playlist holds (with their features and analyses), and the imports of the files they
    // came from (so that importing such a file again reads it). What was taken is kept aside in
    // the database until purgeRemovals(), so that restoreRemoval() can put it back exactly.

    // NotFound when none of the ids is stored.
    Result<Removal> removePlaylists(const QStringList &playlistIds);
    // Puts back what a removal took, leaving alone what the library holds again since (a song or
    // playlist imported anew). NotFound when the removal was purged.
    Status restoreRemoval(qint64 removalId);
    // Forgets everything kept aside: no removal can be restored after this.
    Status purgeRemovals();

    // The stored playlist with its entries and snapshot id; NotFound when there is none.
    Result<Playlist> playlist(const QString &id) const;

    // The whole library. Read from a snapshot beside the database (see catalogsnapshot) when one
    // shows the library as it is; otherwise from the tables, leaving a new snapshot behind.
    Result<Catalog> loadCatalog() const;
    // Where that snapshot lives: the database's path with ".catalog" added.
    QString snapshotPath() const;
    // Where the recommender keeps what it builds from the loaded catalog (see Recommender):
    // the database's path with ".ranking" added.
    QString rankingCachePath() const;
    int trackCount() const;
    // True when no track and no playlist is stored.
    bool isEmpty() const;

    // ---- audio features found by the feature providers. A scope is a list of track ids, or
    // std::nullopt for the whole library; ids the library does not hold are left out.

    // Stores the values a provider found, in one transaction. A value is stored only where the
    // track has none yet: the first known value stays, whoever finds another later (providers
    // are asked in order of trust, so the first is the better one); a missing value changes
    // nothing. Finds for tracks the library does not hold are dropped.
    Status storeFoundFeatures(const std::vector<FoundFeatures> &found);
    // The tracks in scope with their features.
    Result<std::vector<TrackFeatures>> tracks(const std::optional<QStringList> &scope) const;
    // The tracks in scope that lack at least one of the eleven features.
    Result<std::vector<TrackFeatures>> tracksMissingFeatures(const std::optional<QStringList> &scope) const;
    // Every track with at least one value from an imported catalog: what catalog matching copies.
    Result<std::vector<TrackFeatures>> catalogReferenceTracks() const;
    // The tracks in scope counted by the source of their features (see FeatureSourceCounts).
    Result<FeatureSourceCounts> featureSourceCounts(const std::optional<QStringList> &scope) const;

    // ---- the analysis cache: one record per track whose preview was looked for and analysed.
    Result<QHash<QString, AnalysisRecord>> analysisRecords(const QStringList &trackIds) const;
    // Replaces the track's record; a track the library does not hold is ignored.
    Status recordAnalysis(const AnalysisRecord &record);

    // ---- the user's likes and dislikes of recommendations (see FeedbackLog).
    // Every reaction, in the order it was made.
    Result<std::vector<FeedbackEntry>> feedback() const;
    // Stores a reaction, replacing an earlier one to the same track for the same seed.
    Status recordFeedback(const FeedbackEntry &entry);
    // Forgets the reaction to `trackId` for `seedId`, if there is one.
    Status clearFeedback(const QString &seedId, const QString &trackId);
    // Forgets every like of the track, whatever seed it was liked for.
    Status clearLikes(const QString &trackId);

    // ---- songs Discover found beyond the library (core/discover). They are tracks of the library
    // like any other, held by no playlist until the user adds them to one.

    // Stores what Discover found for `seedId`, in one transaction: each candidate's track under
    // its id (discoveredTrackId(): a song the library holds keeps its stored data), Deezer's id,
    // rank and cover, every origin with the time, and Deezer's bpm as the tempo of a track that
    // has none. Candidates without an id are left out. Finding a song again for the same seed
    // and origin only renews its time.
    Status storeDiscoveries(const QString &seedId, const std::vector<Candidate> &candidates);
    // The discoveries for `seedId` (every seed's when empty), newest first.
    Result<std::vector<Discovered>> discoveries(const QString &seedId = {}) const;
    // What Deezer said of these tracks, for those it named.
    Result<QHash<QString, DeezerTrack>> deezerTracks(const QStringList &trackIds) const;

    // ---- Spotify searches for songs without a Spotify id, kept because the quota is small.
    // The stored answers for these track ids.
    Result<QHash<QString, SpotifyMatch>> spotifyMatches(const QStringList &songIds) const;
    // The searches made today (UTC day).
    Result<int> spotifySearchesToday() const;
    // Records the answers and the `searches` they cost, in one transaction. A song Discover found
    // only on Deezer that Spotify knows becomes that Spotify track: its discoveries, Deezer data,
    // features and reactions move to the Spotify id (onto the library's copy when it has one).
    Status storeSpotifyMatches(const std::vector<SpotifySearchAnswer> &answers, int searches);

private:
    explicit LibraryDb(QString connectionName, QString path);
    Result<Catalog> readCatalogTables() const;
    // The tracks (with features) that meet the SQL `condition` on t (tracks) and f (features).
    Result<std::vector<TrackFeatures>> selectTracks(const QString &condition,
                                                    const std::optional<QStringList> &scope) const;
    // Begins a write transaction, waiting for another writer as `wait` allows.
    Status beginWrite(const WriterWait &wait);
    QString m_connectionName;
    QString m_path;
    bool m_readOnly = false;
};

// Reads a catalog into the library: a CSV file, or a Million Playlist collection (a folder of
// slice files or one slice, see millionplaylist.h) one slice per transaction. A file whose
// content was imported before is not read again (alreadyImported is set when every file was).
// Progress and cancel as in CatalogImporter; waiting for another writer as in LibraryDb::store.
// Cancelling a collection after some of its slices were stored keeps them and returns the
// summary (partsImported < partsTotal); cancelling before that fails as Cancelled.
// A first import into an empty library also hands `firstCatalog` the catalog the library will
// hold once the store succeeds, as soon as it is made (from another thread, while the store
// runs; seconds before it ends at 1M tracks), so that it can be ranked from meanwhile.
Result<ImportSummary> importCatalogFile(LibraryDb &db, const QString &path, const ImportProgress &progress = {},
                                        const WriterWait &wait = {}, const FirstCatalog &firstCatalog = {});

}  // namespace encore
