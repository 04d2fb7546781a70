#pragma once

#include "catalog/catalog.h"
#include "catalog/catalogimporter.h"
#include "discover/discovery.h"
#include "features/featurefiller.h"
#include "model/audiofeatures.h"
#include "model/track.h"
#include "recommend/recommender.h"
#include "spotify/spotifyjson.h"
#include "storage/librarydb.h"

#include <QLocale>
#include <QString>

#include <chrono>
#include <vector>

// The sentences and small pieces of text the interface shows, kept in one place so that they
// read the same everywhere and can be tested without a window.
namespace encore::uitext {

// "3:07", "1:02:03"; empty when the duration is unknown (0).
QString duration(int durationMs);

// "1 track", "28,356 tracks": a count with the noun in singular or plural.
QString count(const QLocale &locale, qint64 n, const QString &singular, const QString &plural);

// "28,356 tracks, 471 playlists, 28,352 with features".
QString librarySummary(const Catalog &catalog, const QLocale &locale);

// "Imported 28,356 tracks in 471 playlists; 0 rows skipped."
QString importSummary(const ImportSummary &summary, const QLocale &locale);

// One line per rejected row, "Line 12: no track id"; at most maxLines, then "… and N more".
QString rejectedRows(const std::vector<RejectedRow> &rejected, const QLocale &locale, int maxLines = 500);

// The track's title, or "(untitled)" when the catalog has none.
QString title(const Track &track);
// The track's artists, or "(unknown artist)".
QString artists(const Track &track);
// "“Title” by Artist".
QString titleByArtist(const Track &track);

// "Danceability, energy, valence": why a recommendation matches, from its closest features.
QString matchingFeatures(const FeatureSpace::FeatureList &features);

// Where a track's features came from, for a table cell: "ReccoBeats", "ReccoBeats + Analysis"
// (most values first), "ReccoBeats (7 of 11)" when some are missing, "None".
QString featureSources(const AudioFeatures &features);
// The same as a sentence: "Features from ReccoBeats", "Features from ReccoBeats (9) and on-device
// analysis of the preview (2)"; for a track without all eleven features, that it is left out of
// ranking.
QString featureSourcesToolTip(const AudioFeatures &features);
// "1,180 of 1,200 tracks have features: 900 ReccoBeats, 250 catalog, 30 analysed", counted over
// `rows` of `catalog`; a track whose values came from several sources counts as "mixed". Empty
// for no rows.
QString featureSummary(const Catalog &catalog, const std::vector<int> &rows, const QLocale &locale);
// "20 tracks without audio features were left out." (the tutorial method: "… missing some audio
// features …"); empty when there are none.
QString leftOutOfRanking(qint64 tracks, RankingMethod method, const QLocale &locale);

// "0:12 / 0:30": how far a preview has played.
QString playbackPosition(qint64 positionMs, qint64 durationMs);
// "This preview can't be played: Resource not found." One sentence whatever the player said.
QString playbackError(const QString &errorString);

// Why a playlist cannot be removed now: an import is saving the library.
QString removalWaitsForImport();
// Why a like or dislike was not kept: an import is saving the library.
QString reactionWaitsForImport();
// "Importing songs.csv: 1.2 MB of 8.3 MB"; "Importing songs.csv…" while the size is unknown.
QString importingFile(const QString &fileName, qint64 bytesDone, qint64 bytesTotal, const QLocale &locale);
// "Downloading the starter catalog: 1.2 MB of 8.0 MB" ("…" while the size is unknown).
QString downloadingStarterCatalog(qint64 bytesDone, qint64 bytesTotal, const QLocale &locale);
// "Reading “Roadtrip”: 350 of 1,200 tracks" (the total left out while unknown, i.e. < 0).
QString readingPlaylist(const QString &name, int done, int total, const QLocale &locale);
// "Read 1,180 tracks from “Roadtrip”. Skipped 3 episodes, 2 local files." The second sentence
// only when entries were skipped.
QString playlistReadSummary(const QString &name, const SpotifyItemsPage &items, const QLocale &locale);

// "Audio features: Asking ReccoBeats, 40 of 120 tracks" (`stage` as the providers name it).
QString findingFeatures(const QString &stage, int done, int total, const QLocale &locale);
// What a search for missing features did: "Found audio features for 110 of 120 tracks; 10 still
// have none.", "No audio features found for the 12 tracks without them.", "Every track already
// has audio features."
QString featureFillSummary(const FeatureFillSummary &summary, const QLocale &locale);

// "Discovering songs like “Hello”: ReccoBeats done, Deezer 5 of 1,200" ("Discovering songs like
// “Hello”…" before the first request).
QString discovering(const DiscoverySeed &seed, const std::vector<DiscoverySourceProgress> &sources,
                    const QLocale &locale);
// "Waiting 4 s for Deezer's rate limit…"
QString waitingForRateLimit(const QString &service, std::chrono::milliseconds wait);
// What a discovery did: "Found 23 songs like “Hello”.", "No service knows songs like “Hello”.",
// "Stopped discovering; the 5 songs found are kept.", or why services did not answer ("Can't
// reach Deezer — are you offline?"), after the songs found.
QString discoverySummary(const DiscoverySeed &seed, int found, const DiscoveryOutcome &outcome, const QLocale &locale);
// After a Spotify search for songs found only on Deezer: "Spotify knows 3 of 5 new songs. 12 of
// 300 Spotify searches used today." `asked` 0 when the budget left none to ask.
QString spotifySearchSummary(int found, int asked, int overBudget, int searchesToday, int dailyBudget,
                             const QLocale &locale);

}  // namespace encore::uitext
