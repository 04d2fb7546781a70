#include "spotifyjson.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>

#include <climits>
#include <cmath>
#include <utility>

namespace encore {

namespace {

// Reads the fields of one JSON object. An absent or null field is unknown; a field present with
// another JSON type than asked for sets the shared `wrongType` flag, which makes the whole
// object unusable.
class Fields {
public:
    Fields(QJsonObject object, bool &wrongType) : m_object(std::move(object)), m_wrongType(wrongType) {}

    bool has(QStringView key) const { return !isAbsent(m_object.value(key)); }

    QString string(QStringView key) const { return optionalString(key).value_or(QString()); }

    std::optional<QString> optionalString(QStringView key) const
    {
        const QJsonValue value = m_object.value(key);
        if (isAbsent(value))
            return std::nullopt;
        if (!value.isString())
            return flagged<QString>();
        return value.toString();
    }

    std::optional<bool> boolean(QStringView key) const
    {
        const QJsonValue value = m_object.value(key);
        if (isAbsent(value))
            return std::nullopt;
        if (!value.isBool())
            return flagged<bool>();
        return value.toBool();
    }

    std::optional<double> number(QStringView key) const
    {
        const QJsonValue value = m_object.value(key);
        if (isAbsent(value))
            return std::nullopt;
        if (!value.isDouble())
            return flagged<double>();
        return value.toDouble();
    }

    QJsonArray array(QStringView key) const
    {
        const QJsonValue value = m_object.value(key);
        if (isAbsent(value))
            return {};
        if (!value.isArray())
            return flagged<QJsonArray>().value_or(QJsonArray());
        return value.toArray();
    }

    // The object under `key`, read with the same flag; empty when absent or null.
    Fields child(QStringView key) const
    {
        const QJsonValue value = m_object.value(key);
        if (!isAbsent(value) && !value.isObject())
            m_wrongType = true;
        return Fields(value.toObject(), m_wrongType);
    }

    static bool isAbsent(const QJsonValue &value) { return value.isNull() || value.isUndefined(); }

private:
    template <typename T>
    std::optional<T> flagged() const
    {
        m_wrongType = true;
        return std::nullopt;
    }

    QJsonObject m_object;
    bool &m_wrongType;
};

// A count or offset: a whole, non-negative number that fits an int.
std::optional<int> countFrom(std::optional<double> number)
{
    if (!number || !std::isfinite(*number) || *number < 0 || *number > INT_MAX || std::floor(*number) != *number)
        return std::nullopt;
    return static_cast<int>(*number);
}

// An ISRC as lookups need it: twelve upper-case letters and digits, hyphens and spaces dropped.
// Anything else is not an ISRC and is left out rather than passed on.
QString normalizedIsrc(const QString &text)
{
    QString isrc;
    for (QChar c : text) {
        if (c == u'-' || c.isSpace())
            continue;
        const char16_t u = c.toUpper().unicode();
        if (!((u >= u'0' && u <= u'9') || (u >= u'A' && u <= u'Z')))
            return {};
        isrc += QChar(u);
    }
    return isrc.size() == 12 ? isrc : QString();
}

// album.release_date at the precision album.release_date_precision states, never finer than the
// text itself holds; inferred from the text when the precision is absent or unknown.
ReleaseDate releaseDateFrom(const QString &date, const QString &precision)
{
    const QString text = date.trimmed();
    qsizetype keep = 0;
    if (precision == u"year")
        keep = 4;
    else if (precision == u"month")
        keep = 7;
    else if (precision == u"day")
        keep = 10;
    if (keep > 0 && text.size() > keep) {
        const ReleaseDate cut = ReleaseDate::parse(QStringView(text).left(keep));
        if (cut.isValid())
            return cut;
    }
    return ReleaseDate::parse(text);
}

Error parseError(const QString &what)
{
    return Error{
        ErrorKind::Parse,
        QCoreApplication::translate("encore::spotifyjson", "Spotify sent %1 that Encore could not read.").arg(what)};
}

// The body as a JSON object: no trailing bytes, no other top-level type.
std::optional<QJsonObject> topLevelObject(const QByteArray &body)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}

bool readPaging(const QJsonObject &page, SpotifyPaging &paging)
{
    bool wrongType = false;
    const Fields fields(page, wrongType);
    const std::optional<int> total = countFrom(fields.number(u"total"));
    const std::optional<int> limit = countFrom(fields.number(u"limit"));
    const std::optional<int> offset = countFrom(fields.number(u"offset"));
    const QString next = fields.string(u"next");
    if (wrongType || !total || !limit || !offset)
        return false;
    paging.total = *total;
    paging.limit = *limit;
    paging.offset = *offset;
    paging.next = QUrl();
    if (!next.isEmpty()) {
        const QUrl url(next, QUrl::StrictMode);
        if (!url.isValid() || url.isRelative() || (url.scheme() != u"https" && url.scheme() != u"http"))
            return false;
        paging.next = url;
    }
    return true;
}

enum class EntryKind { Track, Episode, LocalFile, Null, MissingId, Malformed };

// A track object (the value of `item`/`track` in a playlist entry, or an answer of /v1/tracks).
EntryKind readTrackObject(const QJsonObject &object, bool entryIsLocal, Track &track)
{
    bool wrongType = false;
    const Fields fields(object, wrongType);

    const QString type = fields.string(u"type");
    const bool episodeFlag = fields.boolean(u"episode").value_or(false);  // older playlist answers
    const bool isLocal = fields.boolean(u"is_local").value_or(false);
    const QString uri = fields.string(u"uri");
    if (wrongType)
        return EntryKind::Malformed;
    if (type == u"episode" || episodeFlag || fields.has(u"show"))
        return EntryKind::Episode;
    if (entryIsLocal || isLocal || uri.startsWith(u"spotify:local:"))
        return EntryKind::LocalFile;
    if (!type.isEmpty() && type != u"track")
        return EntryKind::Malformed;

    Track result;
    result.id = fields.string(u"id");
    result.name = fields.string(u"name");
    const QJsonArray artists = fields.array(u"artists");
    for (const QJsonValue &artist : artists) {
        if (Fields::isAbsent(artist))
            continue;
        if (!artist.isObject()) {
            wrongType = true;
            break;
        }
        const QString name = Fields(artist.toObject(), wrongType).string(u"name").trimmed();
        if (!name.isEmpty())
            result.artists.append(name);
    }
    const Fields album = fields.child(u"album");
    result.album = album.string(u"name");
    const QString albumId = album.string(u"id");
    if (isSpotifyId(albumId))
        result.albumId = albumId;
    result.releaseDate = releaseDateFrom(album.string(u"release_date"), album.string(u"release_date_precision"));
    const std::optional<double> duration = fields.number(u"duration_ms");
    if (duration && std::isfinite(*duration) && *duration >= 0 && *duration <= INT_MAX)
        result.durationMs = static_cast<int>(std::lround(*duration));
    result.isrc = normalizedIsrc(fields.child(u"external_ids").string(u"isrc"));
    // null for new apps since 2024; only an absolute web address is kept.
    const QUrl preview(fields.string(u"preview_url"), QUrl::StrictMode);
    if (preview.isValid() && (preview.scheme() == u"https" || preview.scheme() == u"http"))
        result.previewUrl = preview;
    // Absent since 2026: unknown then, never 0.
    const std::optional<double> popularity = fields.number(u"popularity");
    if (popularity && *popularity >= 0 && *popularity <= 100)
        result.popularity = static_cast<int>(std::lround(*popularity));

    if (wrongType)
        return EntryKind::Malformed;
    if (!isSpotifyId(result.id))
        return EntryKind::MissingId;
    track = std::move(result);
    return EntryKind::Track;
}

// The cover among an album's "images" ([{"url","width","height"}], widest first) that fits a
// 300-pixel square best: the narrowest at least 250 wide, else the widest. Empty when none is an
// absolute web address.
QUrl albumCoverOf(const QJsonObject &album)
{
    QUrl best;
    int bestWidth = 0;
    for (const QJsonValue &value : album.value(u"images").toArray()) {
        const QJsonObject image = value.toObject();
        const QUrl url(image.value(u"url").toString(), QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty() || (url.scheme() != u"https" && url.scheme() != u"http"))
            continue;
        const int width = image.value(u"width").toInt();
        const bool fitsBetter = best.isEmpty() || (width >= 250 && (bestWidth < 250 || width < bestWidth))
            || (bestWidth < 250 && width > bestWidth);
        if (fitsBetter) {
            best = url;
            bestWidth = width;
        }
    }
    return best;
}

// One entry of a playlist items page: the track in `item` (2026), else in `track` (before), and
// its album's cover.
EntryKind readPlaylistEntry(const QJsonValue &entry, Track &track, QUrl &albumCover)
{
    if (Fields::isAbsent(entry))
        return EntryKind::Null;
    if (!entry.isObject())
        return EntryKind::Malformed;
    const QJsonObject object = entry.toObject();
    QJsonValue item = object.value(u"item");
    if (Fields::isAbsent(item))
        item = object.value(u"track");
    if (Fields::isAbsent(item))
        return EntryKind::Null;
    if (!item.isObject())
        return EntryKind::Malformed;
    bool wrongType = false;
    const bool isLocal = Fields(object, wrongType).boolean(u"is_local").value_or(false);
    if (wrongType)
        return EntryKind::Malformed;
    albumCover = albumCoverOf(item.toObject().value(u"album").toObject());
    return readTrackObject(item.toObject(), isLocal, track);
}

std::optional<SpotifyItemsPage> itemsPageFromJson(const QJsonObject &page)
{
    const QJsonValue items = page.value(u"items");
    if (!items.isArray())
        return std::nullopt;
    SpotifyItemsPage result;
    if (!readPaging(page, result.paging))
        return std::nullopt;
    for (const QJsonValue &entry : items.toArray()) {
        Track track;
        QUrl albumCover;
        switch (readPlaylistEntry(entry, track, albumCover)) {
        case EntryKind::Track:
            if (!track.albumId.isEmpty() && !albumCover.isEmpty())
                result.albumCovers.insert(track.albumId, albumCover);
            result.tracks.push_back(std::move(track));
            break;
        case EntryKind::Episode: ++result.episodes; break;
        case EntryKind::LocalFile: ++result.localFiles; break;
        case EntryKind::Null: ++result.nullEntries; break;
        case EntryKind::MissingId: ++result.missingId; break;
        case EntryKind::Malformed: ++result.malformed; break;
        }
    }
    return result;
}

std::optional<SpotifyAudioFeatures> audioFeaturesFromJson(const QJsonValue &entry)
{
    if (!entry.isObject())
        return std::nullopt;
    const QJsonObject object = entry.toObject();
    bool wrongType = false;
    SpotifyAudioFeatures result;
    result.trackId = Fields(object, wrongType).string(u"id");
    std::optional<AudioFeatures> features = featuresFromJson(object, FeatureSource::Spotify);
    if (wrongType || !features || !isSpotifyId(result.trackId))
        return std::nullopt;
    result.features = *features;
    return result;
}

// Server text worth quoting to a user: a short phrase of more than one word that cannot carry a
// credential (no long run of token characters). Empty otherwise.
QString quotable(const QString &serverText)
{
    QString text = serverText.simplified();
    while (text.endsWith(u'.'))
        text.chop(1);
    if (text.isEmpty() || text.size() > 160 || !text.contains(u' '))
        return {};
    int run = 0;
    for (QChar c : text) {
        const bool tokenChar = c.isLetterOrNumber() || c == u'-' || c == u'_' || c == u'.' || c == u'~' || c == u'+'
            || c == u'/' || c == u'=';
        run = tokenChar ? run + 1 : 0;
        if (run >= 32)
            return {};
    }
    return text;
}

struct ErrorBody {
    bool readable = false;
    bool accounts = false;  // {"error":"code","error_description":"..."} from the token endpoint
    QString code;           // accounts error code
    QString reason;         // Web API error.reason, e.g. QUOTA_EXCEEDED
    QString message;        // error.message or error_description
};

ErrorBody readErrorBody(const QByteArray &body)
{
    ErrorBody result;
    const std::optional<QJsonObject> object = topLevelObject(body);
    if (!object)
        return result;
    const QJsonValue error = object->value(u"error");
    bool wrongType = false;
    if (error.isObject()) {
        const Fields fields(error.toObject(), wrongType);
        result.message = fields.string(u"message");
        result.reason = fields.string(u"reason");
        result.readable = !wrongType;
    } else if (error.isString()) {
        const Fields fields(*object, wrongType);
        result.accounts = true;
        result.code = error.toString();
        result.message = fields.string(u"error_description");
        result.readable = !wrongType;
    }
    return result;
}

QString withServerText(const QString &lead, const QString &serverText, const QString &otherwise)
{
    const QString quoted = quotable(serverText);
    return quoted.isEmpty() ? otherwise : QStringLiteral("%1: %2.").arg(lead, quoted);
}

}  // namespace

bool isSpotifyId(QStringView text)
{
    if (text.size() != 22)
        return false;
    for (QChar c : text) {
        const char16_t u = c.unicode();
        const bool base62 = (u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z');
        if (!base62)
            return false;
    }
    return true;
}

bool isReadableBy(const SpotifyPlaylist &playlist, const QString &userId)
{
    return playlist.collaborative || (!userId.isEmpty() && playlist.ownerId == userId);
}

QString playlistNotReadableReason()
{
    return QCoreApplication::translate("encore::spotifyjson",
                                       "Spotify only gives apps the tracks of playlists you own or collaborate on.");
}

Result<SpotifyUser> parseCurrentUser(const QByteArray &body)
{
    const Error error = parseError(QCoreApplication::translate("encore::spotifyjson", "an account description"));
    const std::optional<QJsonObject> object = topLevelObject(body);
    if (!object)
        return error;
    bool wrongType = false;
    const Fields fields(*object, wrongType);
    SpotifyUser user;
    user.id = fields.string(u"id").trimmed();
    user.displayName = fields.string(u"display_name").trimmed();
    user.country = fields.optionalString(u"country");
    user.product = fields.optionalString(u"product");
    if (wrongType || user.id.isEmpty())
        return error;
    if (user.displayName.isEmpty())
        user.displayName = user.id;
    if (user.country && user.country->isEmpty())
        user.country.reset();
    if (user.product && user.product->isEmpty())
        user.product.reset();
    return user;
}

Result<SpotifyPlaylist> playlistFromJson(const QJsonObject &object)
{
    bool wrongType = false;
    const Fields fields(object, wrongType);
    SpotifyPlaylist playlist;
    playlist.id = fields.string(u"id");
    playlist.name = fields.string(u"name");
    playlist.snapshotId = fields.string(u"snapshot_id");
    playlist.collaborative = fields.boolean(u"collaborative").value_or(false);
    playlist.isPublic = fields.boolean(u"public");
    const Fields owner = fields.child(u"owner");
    playlist.ownerId = owner.string(u"id");
    playlist.ownerName = owner.string(u"display_name");
    if (playlist.ownerName.isEmpty())
        playlist.ownerName = playlist.ownerId;
    // 2026: items:{href,total}; before: tracks:{href,total}.
    for (const QStringView key : {QStringView(u"items"), QStringView(u"tracks")}) {
        const std::optional<int> total = countFrom(fields.child(key).number(u"total"));
        if (total) {
            playlist.trackCount = *total;
            break;
        }
    }
    const QJsonArray images = fields.array(u"images");
    for (const QJsonValue &image : images) {
        if (Fields::isAbsent(image))
            continue;
        if (!image.isObject()) {
            wrongType = true;
            break;
        }
        const QUrl url(Fields(image.toObject(), wrongType).string(u"url"), QUrl::StrictMode);
        if (url.isValid() && !url.isRelative())
            playlist.imageUrl = url;
        break;
    }
    if (wrongType || !isSpotifyId(playlist.id))
        return parseError(QCoreApplication::translate("encore::spotifyjson", "a playlist"));
    return playlist;
}

Result<SpotifyPlaylistPage> parsePlaylistsPage(const QByteArray &body)
{
    const Error error = parseError(QCoreApplication::translate("encore::spotifyjson", "a list of playlists"));
    const std::optional<QJsonObject> object = topLevelObject(body);
    if (!object)
        return error;
    const QJsonValue items = object->value(u"items");
    if (!items.isArray())
        return error;
    SpotifyPlaylistPage page;
    if (!readPaging(*object, page.paging))
        return error;
    for (const QJsonValue &entry : items.toArray()) {
        Result<SpotifyPlaylist> playlist =
            entry.isObject() ? playlistFromJson(entry.toObject()) : Result<SpotifyPlaylist>(error);
        if (playlist)
            page.playlists.push_back(std::move(playlist).value());
        else
            ++page.skipped;
    }
    return page;
}

Result<SpotifyPlaylistDetail> parsePlaylist(const QByteArray &body)
{
    const Error error = parseError(QCoreApplication::translate("encore::spotifyjson", "a playlist"));
    const std::optional<QJsonObject> object = topLevelObject(body);
    if (!object)
        return error;
    Result<SpotifyPlaylist> playlist = playlistFromJson(*object);
    if (!playlist)
        return error;
    SpotifyPlaylistDetail detail;
    detail.playlist = std::move(playlist).value();
    for (const QStringView key : {QStringView(u"items"), QStringView(u"tracks")}) {
        const QJsonObject embedded = object->value(key).toObject();
        if (!embedded.contains(u"items"))
            continue;
        std::optional<SpotifyItemsPage> page = itemsPageFromJson(embedded);
        if (!page)
            return error;
        detail.firstItems = std::move(page);
        break;
    }
    return detail;
}

Result<SpotifyItemsPage> parsePlaylistItemsPage(const QByteArray &body)
{
    const Error error = parseError(QCoreApplication::translate("encore::spotifyjson", "a page of playlist items"));
    const std::optional<QJsonObject> object = topLevelObject(body);
    if (!object)
        return error;
    std::optional<SpotifyItemsPage> page = itemsPageFromJson(*object);
    if (!page)
        return error;
    return std::move(*page);
}

Result<Track> trackFromJson(const QJsonObject &object)
{
    Track track;
    switch (readTrackObject(object, false, track)) {
    case EntryKind::Track: return track;
    case EntryKind::Episode:
        return Error{ErrorKind::Parse,
                     QCoreApplication::translate("encore::spotifyjson",
                                                 "Spotify sent a podcast episode where a song was expected.")};
    case EntryKind::LocalFile:
        return Error{
            ErrorKind::Parse,
            QCoreApplication::translate("encore::spotifyjson", "Spotify sent a local file where a song was expected.")};
    case EntryKind::Null:
    case EntryKind::MissingId:
    case EntryKind::Malformed: break;
    }
    return parseError(QCoreApplication::translate("encore::spotifyjson", "a track"));
}

Result<Track> parseTrack(const QByteArray &body)
{
    const std::optional<QJsonObject> object = topLevelObject(body);
    if (!object)
        return parseError(QCoreApplication::translate("encore::spotifyjson", "a track"));
    return trackFromJson(*object);
}

Result<std::vector<std::optional<Track>>> parseTracks(const QByteArray &body)
{
    const std::optional<QJsonObject> object = topLevelObject(body);
    const QJsonValue tracks = object ? object->value(u"tracks") : QJsonValue();
    if (!tracks.isArray())
        return parseError(QCoreApplication::translate("encore::spotifyjson", "a list of tracks"));
    std::vector<std::optional<Track>> result;
    for (const QJsonValue &entry : tracks.toArray()) {
        Track track;
        if (entry.isObject() && readTrackObject(entry.toObject(), false, track) == EntryKind::Track)
            result.emplace_back(std::move(track));
        else
            result.emplace_back(std::nullopt);
    }
    return result;
}

Result<std::vector<Track>> parseTrackSearch(const QByteArray &body)
{
    const std::optional<QJsonObject> object = topLevelObject(body);
    const QJsonValue items = object ? object->value(u"tracks").toObject().value(u"items") : QJsonValue();
    if (!items.isArray())
        return parseError(QCoreApplication::translate("encore::spotifyjson", "search results"));
    std::vector<Track> result;
    for (const QJsonValue &entry : items.toArray()) {
        Track track;
        if (entry.isObject() && readTrackObject(entry.toObject(), false, track) == EntryKind::Track)
            result.push_back(std::move(track));
    }
    return result;
}

Result<QString> parseSnapshotId(const QByteArray &body)
{
    const std::optional<QJsonObject> object = topLevelObject(body);
    const QJsonValue snapshot = object ? object->value(u"snapshot_id") : QJsonValue();
    if (!snapshot.isString() || snapshot.toString().isEmpty())
        return parseError(QCoreApplication::translate("encore::spotifyjson", "the playlist's new version"));
    return snapshot.toString();
}

Result<std::vector<std::optional<SpotifyAudioFeatures>>> parseAudioFeatures(const QByteArray &body)
{
    const std::optional<QJsonObject> object = topLevelObject(body);
    const QJsonValue entries = object ? object->value(u"audio_features") : QJsonValue();
    if (!entries.isArray())
        return parseError(QCoreApplication::translate("encore::spotifyjson", "audio features"));
    std::vector<std::optional<SpotifyAudioFeatures>> result;
    for (const QJsonValue &entry : entries.toArray())
        result.push_back(audioFeaturesFromJson(entry));
    return result;
}

std::optional<AudioFeatures> featuresFromJson(const QJsonObject &object, FeatureSource source)
{
    bool wrongType = false;
    const Fields fields(object, wrongType);
    AudioFeatures features;
    for (Feature feature : kAllFeatures) {
        const std::optional<double> value = fields.number(featureKey(feature));
        if (value && isInRange(feature, *value))
            features.set(feature, static_cast<float>(*value), source);
    }
    if (wrongType || features.isEmpty())
        return std::nullopt;
    return features;
}

Error errorFromResponse(int httpStatus, const QByteArray &body)
{
    const ErrorBody error = readErrorBody(body);

    if (error.accounts) {
        if (error.code == u"invalid_grant")
            return {ErrorKind::Auth,
                    QCoreApplication::translate("encore::spotifyjson",
                                                "Your Spotify sign-in is no longer valid; please sign in again.")};
        if (error.code == u"invalid_client" || error.code == u"unauthorized_client")
            return {ErrorKind::Auth,
                    QCoreApplication::translate(
                        "encore::spotifyjson",
                        "Spotify does not accept this app's client ID; check it in the Spotify settings.")};
        if (httpStatus < 500 && httpStatus != 429)
            return {ErrorKind::Auth,
                    withServerText(
                        QCoreApplication::translate("encore::spotifyjson", "Spotify refused the sign-in"),
                        error.message,
                        QCoreApplication::translate("encore::spotifyjson",
                                                    "Spotify refused the sign-in; please try signing in again."))};
    }

    if (httpStatus == 0)
        return {ErrorKind::Network,
                QCoreApplication::translate("encore::spotifyjson",
                                            "Encore could not reach Spotify; check your internet connection.")};
    if (httpStatus == 401)
        return {ErrorKind::Auth,
                QCoreApplication::translate("encore::spotifyjson",
                                            "Your Spotify sign-in has expired; please sign in again.")};
    if (httpStatus == 403)
        return {ErrorKind::Api,
                withServerText(
                    QCoreApplication::translate("encore::spotifyjson", "Spotify refused this request"), error.message,
                    QCoreApplication::translate("encore::spotifyjson",
                                                "Spotify refused this request; this app is not allowed to read it."))};
    if (httpStatus == 404)
        return {
            ErrorKind::NotFound,
            QCoreApplication::translate("encore::spotifyjson",
                                        "Spotify could not find this; it may have been removed, or be one of Spotify's "
                                        "own playlists, which apps cannot read.")};
    if (httpStatus == 429) {
        if (error.reason.compare(u"QUOTA_EXCEEDED", Qt::CaseInsensitive) == 0)
            return {ErrorKind::Quota,
                    QCoreApplication::translate("encore::spotifyjson",
                                                "This Spotify app has used up its daily developer quota; try "
                                                "again tomorrow or use another app.")};
        return {ErrorKind::Unavailable,
                QCoreApplication::translate("encore::spotifyjson",
                                            "Spotify is limiting how often this app may ask; try again in a minute.")};
    }
    if (httpStatus >= 500 && httpStatus <= 599)
        return {ErrorKind::Unavailable,
                QCoreApplication::translate("encore::spotifyjson",
                                            "Spotify is not answering properly at the moment; try again later.")};
    if (error.readable)
        return {ErrorKind::Api,
                withServerText(QCoreApplication::translate("encore::spotifyjson", "Spotify refused this request"),
                               error.message,
                               QCoreApplication::translate("encore::spotifyjson", "Spotify refused this request."))};
    return parseError(QCoreApplication::translate("encore::spotifyjson", "an answer"));
}

}  // namespace encore
