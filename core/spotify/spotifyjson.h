#pragma once

#include "model/audiofeatures.h"
#include "model/track.h"
#include "util/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QHash>
#include <QString>
#include <QUrl>

#include <optional>
#include <vector>

// Parsers for the Spotify Web API answers Encore uses. Pure functions, no networking.
//
// Each accepts both the shapes Spotify sent before February 2026 and the current ones:
// playlists carry `items:{href,total}` (formerly `tracks:{...}`), playlist entries carry the
// track in `item` (with a deprecated `track` copy, which is all older answers have), and track
// objects no longer have `popularity`, `available_markets` or `linked_from`.
//
// Strictness: a body that is not JSON, has trailing garbage, or whose top level is not the
// expected object is an Error of kind Parse, and nothing else is returned. Inside a valid page,
// an entry that cannot be used (null, episode, local file, no usable id, a field of the wrong
// type) is skipped and counted, so one odd entry never costs the whole page. A field that is
// absent or null is simply unknown; a field that is present with the wrong JSON type makes its
// entry unusable.
namespace encore {

// The signed-in user (GET /v1/me).
struct SpotifyUser {
    QString id;
    QString displayName;             // display_name, or the id when Spotify sends none
    std::optional<QString> country;  // ISO 3166-1 alpha-2; not sent to every app
    std::optional<QString> product;  // "premium", "free", ...; not sent to every app
};

// Where a page sits in a paged list.
struct SpotifyPaging {
    int total = 0;   // entries in the whole list
    int limit = 0;   // entries asked for per page
    int offset = 0;  // index of this page's first entry in the whole list
    QUrl next;       // the next page; empty on the last one

    bool hasNext() const { return !next.isEmpty(); }
};

// One of the user's playlists, as listed by GET /v1/me/playlists.
struct SpotifyPlaylist {
    QString id;
    QString name;
    QString ownerId;
    QString ownerName;   // owner.display_name, or owner.id when it has none
    QString snapshotId;  // changes whenever the playlist's contents change
    bool collaborative = false;
    std::optional<bool> isPublic;  // unknown when Spotify sends null
    int trackCount = -1;           // items.total, else tracks.total; -1 when neither is sent
    QUrl imageUrl;                 // the first (largest) image; empty when there is none
};

// A Spotify id of a track, album or playlist: exactly 22 characters from [0-9A-Za-z], the rule
// the catalog importer uses too, so ids from both sources join.
bool isSpotifyId(QStringView text);

// Spotify gives an app the items of a playlist only when the user owns it or collaborates on it.
bool isReadableBy(const SpotifyPlaylist &playlist, const QString &userId);
// Why a playlist that is not readable cannot be opened: one sentence, for a tooltip.
QString playlistNotReadableReason();

// A page of GET /v1/me/playlists.
struct SpotifyPlaylistPage {
    std::vector<SpotifyPlaylist> playlists;
    SpotifyPaging paging;
    int skipped = 0;  // entries that were null, had no usable id or had a field of the wrong type
};

// A page of GET /v1/playlists/{id}/items (or the older /tracks). Only songs become tracks;
// everything else is counted by what it was.
struct SpotifyItemsPage {
    std::vector<Track> tracks;         // in playlist order
    QHash<QString, QUrl> albumCovers;  // the tracks' album ids → a cover about 300 pixels wide
    SpotifyPaging paging;
    int episodes = 0;     // podcast episodes (type "episode", or a `show`)
    int localFiles = 0;   // the user's own files (is_local, or a spotify:local: uri)
    int nullEntries = 0;  // entries whose item and track are both null or missing
    int missingId = 0;    // tracks without a usable Spotify id (22 characters of [0-9A-Za-z])
    int malformed = 0;    // entries with a field of the wrong type, or of an unknown type

    int skipped() const { return episodes + localFiles + nullEntries + missingId + malformed; }
};

// GET /v1/playlists/{id}: the playlist and, when Spotify embeds it, the first page of its items
// (under `items` since 2026, under `tracks` before).
struct SpotifyPlaylistDetail {
    SpotifyPlaylist playlist;
    std::optional<SpotifyItemsPage> firstItems;
};

// One track's audio features, as GET /v1/audio-features answers them.
struct SpotifyAudioFeatures {
    QString trackId;
    AudioFeatures features;  // each value present in the answer has source Spotify; key may be -1
};

Result<SpotifyUser> parseCurrentUser(const QByteArray &body);
Result<SpotifyPlaylistPage> parsePlaylistsPage(const QByteArray &body);
Result<SpotifyPlaylistDetail> parsePlaylist(const QByteArray &body);
Result<SpotifyItemsPage> parsePlaylistItemsPage(const QByteArray &body);

// GET /v1/tracks/{id}. An episode, a local file or a track without a usable id is Parse.
Result<Track> parseTrack(const QByteArray &body);
// GET /v1/tracks?ids=...: one element per requested id, in request order; std::nullopt where
// Spotify answered null (an unknown id) or sent an entry that cannot be used.
Result<std::vector<std::optional<Track>>> parseTracks(const QByteArray &body);
// GET /v1/search?type=track: the usable tracks of tracks.items, in Spotify's order.
Result<std::vector<Track>> parseTrackSearch(const QByteArray &body);
// The snapshot_id of an answer that changed a playlist (POST /v1/playlists/{id}/items).
Result<QString> parseSnapshotId(const QByteArray &body);
// GET /v1/audio-features?ids=...: one element per requested id, in request order; std::nullopt
// where Spotify answered null or sent an entry that cannot be used.
Result<std::vector<std::optional<SpotifyAudioFeatures>>> parseAudioFeatures(const QByteArray &body);

// The eleven features named as Spotify names them ("danceability", ..., "tempo") in `object`,
// with `source`; values outside Spotify's ranges stay missing. std::nullopt when none is usable
// or one has the wrong JSON type. Other services (ReccoBeats) answer in the same shape.
std::optional<AudioFeatures> featuresFromJson(const QJsonObject &object, FeatureSource source);

// The same, on an already parsed object: a track object, a playlist object (as listed).
Result<Track> trackFromJson(const QJsonObject &object);
Result<SpotifyPlaylist> playlistFromJson(const QJsonObject &object);

// The error a failed Spotify call stands for, with one sentence a user can act on. Reads both
// the Web API form {"error":{"status":429,"message":"...","reason":"QUOTA_EXCEEDED"}} and the
// accounts (token endpoint) form {"error":"invalid_grant","error_description":"..."}.
// 401 is Auth, 403 Api, 404 NotFound, 429 Quota when the reason is QUOTA_EXCEEDED and
// Unavailable otherwise, 5xx Unavailable, invalid_grant Auth, status 0 (no answer) Network.
// Any other status is Api when the body is a readable error and Parse when it is not.
// Server text is quoted only when it is short and cannot hold a token.
Error errorFromResponse(int httpStatus, const QByteArray &body);

}  // namespace encore
