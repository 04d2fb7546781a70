#include "discover/discoveryjson.h"

#include "features/reccobeatsprovider.h"
#include "features/serviceclient.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace encore {

namespace {

constexpr int kDeezerQuotaError = 4;
constexpr int kDeezerNoData = 800;

Error unreadable(const QString &service)
{
    return {ErrorKind::Parse,
            QCoreApplication::translate("encore::discoveryjson", "%1 sent an answer Encore cannot read.").arg(service)};
}

std::optional<QJsonObject> jsonObject(const QByteArray &body)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}

// Deezer answers its errors with a 200 and {"error":{"type","message","code"}}.
std::optional<Error> deezerError(const QJsonObject &object)
{
    const QJsonValue error = object.value(u"error");
    if (error.isUndefined())
        return std::nullopt;
    switch (error.toObject().value(u"code").toInt()) {
    case kDeezerQuotaError:
        return Error{ErrorKind::Quota,
                     QCoreApplication::translate("encore::discoveryjson",
                                                 "Deezer is limiting requests; try again in a few minutes.")};
    case kDeezerNoData:
        return Error{ErrorKind::NotFound,
                     QCoreApplication::translate("encore::discoveryjson", "Deezer does not know this song.")};
    default:
        return Error{ErrorKind::Api,
                     QCoreApplication::translate("encore::discoveryjson", "Deezer refused the request: %1")
                         .arg(error.toObject().value(u"message").toString())};
    }
}

std::optional<Candidate> reccoBeatsTrack(const QJsonObject &object)
{
    Candidate candidate;
    Track &track = candidate.track;
    track.name = object.value(u"trackTitle").toString().trimmed();
    for (const QJsonValue &artist : object.value(u"artists").toArray())
        if (const QString name = artist.toObject().value(u"name").toString().trimmed(); !name.isEmpty())
            track.artists << name;
    if (track.name.isEmpty() || track.artists.isEmpty())
        return std::nullopt;
    track.id = spotifyTrackIdOfHref(object.value(u"href").toString());
    track.isrc = object.value(u"isrc").toString().trimmed().toUpper();
    track.durationMs = std::max(0, object.value(u"durationMs").toInt());
    if (const QJsonValue popularity = object.value(u"popularity"); popularity.isDouble())
        track.popularity = std::clamp(popularity.toInt(), 0, 100);
    return candidate;
}

std::optional<Candidate> deezerTrack(const QJsonObject &object)
{
    Candidate candidate;
    Track &track = candidate.track;
    candidate.deezerId = object.value(u"id").toInteger();
    candidate.deezerArtistId = std::max<qint64>(0, object.value(u"artist").toObject().value(u"id").toInteger());
    track.name = object.value(u"title").toString().trimmed();
    // The full credit when Deezer gives it (single tracks), else the main artist (lists).
    for (const QJsonValue &contributor : object.value(u"contributors").toArray())
        if (const QString name = contributor.toObject().value(u"name").toString().trimmed(); !name.isEmpty())
            track.artists << name;
    if (track.artists.isEmpty())
        if (const QString name = object.value(u"artist").toObject().value(u"name").toString().trimmed();
            !name.isEmpty())
            track.artists << name;
    if (candidate.deezerId <= 0 || track.name.isEmpty() || track.artists.isEmpty())
        return std::nullopt;
    const QJsonObject album = object.value(u"album").toObject();
    track.album = album.value(u"title").toString().trimmed();
    track.isrc = object.value(u"isrc").toString().trimmed().toUpper();
    // Seconds; a day or more is no song's length (and would overflow in milliseconds): unknown.
    if (const int seconds = object.value(u"duration").toInt(); seconds > 0 && seconds < 24 * 3600)
        track.durationMs = seconds * 1000;
    if (const double bpm = object.value(u"bpm").toDouble(); bpm > 0 && bpm < 400)
        candidate.deezerBpm = bpm;
    candidate.deezerRank = std::max(0, object.value(u"rank").toInt());
    candidate.cover = webUrl(album.value(u"cover_medium").toString());
    return candidate;
}

// A Deezer list, {"data":[...],"total":n}: the entries `read` makes sense of.
template <typename T, typename Reader>
Result<std::vector<T>> deezerList(const QByteArray &body, Reader read)
{
    const std::optional<QJsonObject> object = jsonObject(body);
    if (!object)
        return unreadable(QStringLiteral("Deezer"));
    if (std::optional<Error> error = deezerError(*object))
        return *error;
    if (!object->value(u"data").isArray())
        return unreadable(QStringLiteral("Deezer"));
    std::vector<T> entries;
    for (const QJsonValue &entry : object->value(u"data").toArray())
        if (std::optional<T> found = read(entry.toObject()))
            entries.push_back(std::move(*found));
    return entries;
}

}  // namespace

Result<std::vector<Candidate>> parseReccoBeatsRecommendation(const QByteArray &body)
{
    const std::optional<QJsonObject> object = jsonObject(body);
    if (!object || !object->value(u"content").isArray())
        return unreadable(QStringLiteral("ReccoBeats"));
    std::vector<Candidate> candidates;
    for (const QJsonValue &entry : object->value(u"content").toArray())
        if (std::optional<Candidate> candidate = reccoBeatsTrack(entry.toObject()))
            candidates.push_back(std::move(*candidate));
    return candidates;
}

Result<Candidate> parseDeezerTrack(const QByteArray &body)
{
    const std::optional<QJsonObject> object = jsonObject(body);
    if (!object)
        return unreadable(QStringLiteral("Deezer"));
    if (std::optional<Error> error = deezerError(*object))
        return *error;
    if (std::optional<Candidate> candidate = deezerTrack(*object))
        return *candidate;
    return unreadable(QStringLiteral("Deezer"));
}

Result<std::vector<Candidate>> parseDeezerTracks(const QByteArray &body)
{
    return deezerList<Candidate>(body, deezerTrack);
}

Result<std::vector<DeezerArtist>> parseDeezerArtists(const QByteArray &body)
{
    return deezerList<DeezerArtist>(body, [](const QJsonObject &artist) -> std::optional<DeezerArtist> {
        DeezerArtist found{artist.value(u"id").toInteger(), artist.value(u"name").toString().trimmed()};
        return found.id > 0 && !found.name.isEmpty() ? std::optional(found) : std::nullopt;
    });
}

}  // namespace encore
