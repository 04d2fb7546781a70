#include "fakespotifyapi.h"

#include "loopbacklistener.h"

#include <QFile>
#include <QHostAddress>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>
#include <optional>

namespace encore::test {

namespace {

QByteArray toJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray errorBody(int status, const QString &message, const QString &reason = {})
{
    QJsonObject error{{QStringLiteral("status"), status}, {QStringLiteral("message"), message}};
    if (!reason.isEmpty())
        error.insert(QStringLiteral("reason"), reason);
    return toJson(QJsonObject{{QStringLiteral("error"), error}});
}

std::optional<QJsonObject> readObject(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1").arg(path);
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!document.isObject()) {
        *error = QStringLiteral("%1 is not a JSON object: %2").arg(path, parseError.errorString());
        return std::nullopt;
    }
    return document.object();
}

// What Spotify stopped sending in 2026.
QJsonObject stripped(QJsonObject track)
{
    track.remove(QStringLiteral("popularity"));
    track.remove(QStringLiteral("available_markets"));
    track.remove(QStringLiteral("linked_from"));
    QJsonObject album = track.value(QStringLiteral("album")).toObject();
    if (!album.isEmpty()) {
        album.remove(QStringLiteral("available_markets"));
        track.insert(QStringLiteral("album"), album);
    }
    return track;
}

}  // namespace

QByteArray FakeSpotifyApi::Request::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QString FakeSpotifyApi::Request::bearer() const
{
    const QByteArray value = header("Authorization");
    if (!value.startsWith("Bearer "))
        return {};
    return QString::fromUtf8(value.mid(7));
}

FakeSpotifyApi::FakeSpotifyApi(QString dataDir, QObject *parent) : QObject(parent), m_dataDir(std::move(dataDir))
{
    m_server.setMissingHandler([this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        handle(request, std::move(responder));
    });
}

bool FakeSpotifyApi::listen()
{
    if (!load())
        return false;
    m_port = listenOnLoopback(m_server);
    if (m_port == 0)
        m_loadError = QStringLiteral("cannot listen on 127.0.0.1");
    return m_port != 0;
}

QUrl FakeSpotifyApi::baseUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_port);
    url.setPath(QStringLiteral("/v1"));
    return url;
}

bool FakeSpotifyApi::load()
{
    if (!m_playlists.isEmpty())
        return true;
    const auto listing = readObject(m_dataDir + QStringLiteral("/current_users_playlists.txt"), &m_loadError);
    const auto tracks = readObject(m_dataDir + QStringLiteral("/playlist_items_tracks.json"), &m_loadError);
    const auto mixed = readObject(m_dataDir + QStringLiteral("/playlist_items_episodes_and_tracks.json"), &m_loadError);
    if (!listing || !tracks || !mixed)
        return false;
    const QJsonArray trackEntries = tracks->value(QStringLiteral("items")).toArray();
    QJsonArray mixedEntries = mixed->value(QStringLiteral("items")).toArray();
    for (const QJsonValue &entry : std::as_const(mixedEntries)) {
        if (entry.toObject().value(QStringLiteral("track")).toObject().value(QStringLiteral("type"))
            == QLatin1String("episode")) {
            m_episode = entry.toObject();
            break;
        }
    }
    if (trackEntries.isEmpty() || m_episode.isEmpty()) {
        m_loadError = QStringLiteral("the recorded playlist items are empty");
        return false;
    }
    mixedEntries.append(localFileEntry(QStringLiteral("My demo")));
    mixedEntries.append(nullEntry());

    auto add = [this](QJsonObject object, QJsonArray entries, bool hasItems) {
        const QString id = object.value(QStringLiteral("id")).toString();
        QJsonObject count{
            {QStringLiteral("href"), QStringLiteral("https://api.spotify.com/v1/playlists/%1/tracks").arg(id)},
            {QStringLiteral("total"), entries.size()}};
        object.insert(QStringLiteral("tracks"), count);
        if (!m_order.contains(id))
            m_order.append(id);
        m_playlists.insert(id, Playlist{object, entries, hasItems});
    };
    for (const QJsonValue &value : listing->value(QStringLiteral("items")).toArray()) {
        const QJsonObject object = value.toObject();
        add(object, object.value(QStringLiteral("id")).toString() == mixedPlaylistId() ? mixedEntries : trackEntries,
            true);
    }
    auto other = [](const QString &id, const QString &name, const QString &owner, bool collaborative) {
        return QJsonObject{{QStringLiteral("id"), id},
                           {QStringLiteral("name"), name},
                           {QStringLiteral("collaborative"), collaborative},
                           {QStringLiteral("public"), !collaborative},
                           {QStringLiteral("snapshot_id"), QStringLiteral("snapshot-%1").arg(id)},
                           {QStringLiteral("images"), QJsonArray{}},
                           {QStringLiteral("type"), QStringLiteral("playlist")},
                           {QStringLiteral("owner"),
                            QJsonObject{{QStringLiteral("id"), owner}, {QStringLiteral("display_name"), owner}}}};
    };
    add(other(collaborativePlaylistId(), QStringLiteral("Shared"), QStringLiteral("someoneelse"), true), trackEntries,
        true);
    add(other(foreignPlaylistId(), QStringLiteral("Friend's mix"), QStringLiteral("someoneelse"), false), trackEntries,
        true);
    add(other(editorialPlaylistId(), QStringLiteral("Today's Top Hits"), QStringLiteral("spotify"), false),
        QJsonArray{}, false);
    return true;
}

void FakeSpotifyApi::addPlaylist(const QString &id, const QString &name, const QJsonArray &entries)
{
    load();
    QJsonObject object{
        {QStringLiteral("id"), id},
        {QStringLiteral("name"), name},
        {QStringLiteral("collaborative"), false},
        {QStringLiteral("public"), true},
        {QStringLiteral("snapshot_id"), QStringLiteral("snapshot-%1").arg(id)},
        {QStringLiteral("images"), QJsonArray{}},
        {QStringLiteral("type"), QStringLiteral("playlist")},
        {QStringLiteral("owner"),
         QJsonObject{{QStringLiteral("id"), userId()},
                     {QStringLiteral("display_name"), QStringLiteral("Antoine Egea")}}},
        {QStringLiteral("tracks"),
         QJsonObject{{QStringLiteral("href"), QStringLiteral("https://api.spotify.com/v1/playlists/%1/tracks").arg(id)},
                     {QStringLiteral("total"), entries.size()}}}};
    if (!m_order.contains(id))
        m_order.append(id);
    m_playlists.insert(id, Playlist{object, entries, true});
}

void FakeSpotifyApi::addSyntheticPlaylist(const QString &id, int count)
{
    QJsonArray entries;
    for (int i = 0; i < count; ++i)
        entries.append(syntheticTrackEntry(i));
    addPlaylist(id, QStringLiteral("Synthetic %1").arg(count), entries);
}

QString FakeSpotifyApi::syntheticTrackId(int index)
{
    return QStringLiteral("S%1").arg(index, 21, 10, QLatin1Char('0'));
}

QUrl FakeSpotifyApi::syntheticAlbumCover(int album, int width)
{
    return QUrl(QStringLiteral("https://images.invalid/album/%1/%2.jpg").arg(album).arg(width));
}

// As Spotify lists an album's images: widest first.
QJsonArray FakeSpotifyApi::syntheticAlbumImages(int album)
{
    QJsonArray images;
    for (int width : {640, 300, 64})
        images.append(QJsonObject{{QStringLiteral("url"), syntheticAlbumCover(album, width).toString()},
                                  {QStringLiteral("width"), width},
                                  {QStringLiteral("height"), width}});
    return images;
}

QJsonObject FakeSpotifyApi::syntheticTrackEntry(int index)
{
    const QString id = syntheticTrackId(index);
    const QJsonObject track{
        {QStringLiteral("type"), QStringLiteral("track")},
        {QStringLiteral("id"), id},
        {QStringLiteral("uri"), QStringLiteral("spotify:track:%1").arg(id)},
        {QStringLiteral("name"), QStringLiteral("Song %1").arg(index)},
        {QStringLiteral("duration_ms"), 180000 + index},
        {QStringLiteral("popularity"), index % 100},
        {QStringLiteral("is_local"), false},
        {QStringLiteral("available_markets"), QJsonArray{QStringLiteral("DE")}},
        {QStringLiteral("external_ids"),
         QJsonObject{{QStringLiteral("isrc"), QStringLiteral("QZ%1").arg(index, 10, 10, QLatin1Char('0'))}}},
        {QStringLiteral("artists"),
         QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("A%1").arg(index % 7, 21, 10, QLatin1Char('0'))},
                                {QStringLiteral("name"), QStringLiteral("Artist %1").arg(index % 7)}}}},
        {QStringLiteral("album"),
         QJsonObject{{QStringLiteral("id"), QStringLiteral("B%1").arg(index % 11, 21, 10, QLatin1Char('0'))},
                     {QStringLiteral("name"), QStringLiteral("Album %1").arg(index % 11)},
                     {QStringLiteral("release_date"), QStringLiteral("2020-01-01")},
                     {QStringLiteral("release_date_precision"), QStringLiteral("day")},
                     {QStringLiteral("images"), syntheticAlbumImages(index % 11)}}}};
    return QJsonObject{{QStringLiteral("added_at"), QStringLiteral("2024-01-01T00:00:00Z")},
                       {QStringLiteral("is_local"), false},
                       {QStringLiteral("track"), track}};
}

QJsonObject FakeSpotifyApi::localFileEntry(const QString &name)
{
    const QJsonObject track{{QStringLiteral("type"), QStringLiteral("track")},
                            {QStringLiteral("id"), QJsonValue::Null},
                            {QStringLiteral("uri"), QStringLiteral("spotify:local:::%1:200").arg(name)},
                            {QStringLiteral("name"), name},
                            {QStringLiteral("is_local"), true},
                            {QStringLiteral("duration_ms"), 200000}};
    return QJsonObject{{QStringLiteral("is_local"), true}, {QStringLiteral("track"), track}};
}

QJsonObject FakeSpotifyApi::nullEntry()
{
    return QJsonObject{{QStringLiteral("is_local"), false}, {QStringLiteral("track"), QJsonValue::Null}};
}

QJsonObject FakeSpotifyApi::episodeEntry() const
{
    return m_episode;
}

void FakeSpotifyApi::setValidToken(const QString &token)
{
    m_validator = [token](const QString &candidate) { return candidate == token; };
}

void FakeSpotifyApi::setTokenValidator(std::function<bool(const QString &)> validator)
{
    m_validator = std::move(validator);
}

void FakeSpotifyApi::failRequests(int status, int times, const QString &pathPrefix, int retryAfterSeconds,
                                  const QString &reason)
{
    m_failures.append(Failure{status, times, pathPrefix, retryAfterSeconds, reason, false});
}

void FakeSpotifyApi::malformRequests(int times, const QString &pathPrefix)
{
    m_failures.append(Failure{200, times, pathPrefix, -1, {}, true});
}

void FakeSpotifyApi::failRequestsAfterApplying(int status, int times, const QString &pathPrefix)
{
    m_failures.append(Failure{status, times, pathPrefix, -1, {}, false, true});
}

QList<FakeSpotifyApi::Request> FakeSpotifyApi::requestsTo(const QString &pathPrefix) const
{
    QList<Request> found;
    for (const Request &request : m_requests) {
        if (request.path.startsWith(pathPrefix))
            found.append(request);
    }
    return found;
}

void FakeSpotifyApi::resetRecord()
{
    m_requests.clear();
    m_maxInFlight = m_inFlight;
}

void FakeSpotifyApi::handle(const QHttpServerRequest &httpRequest, QHttpServerResponder &&responder)
{
    Request request;
    request.method =
        httpRequest.method() == QHttpServerRequest::Method::Post ? QByteArrayLiteral("POST") : QByteArrayLiteral("GET");
    request.body = httpRequest.body();
    request.path = httpRequest.url().path();
    request.query = httpRequest.query();
    request.headers = httpRequest.headers();
    m_requests.append(request);
    ++m_inFlight;
    m_maxInFlight = std::max(m_maxInFlight, m_inFlight);
    FakeDelivery delivery{m_latency};
    const Answer answered = answer(request, delivery);
    sendFakeAnswer(std::move(responder), answered, delivery, this, [this] { --m_inFlight; });
}

FakeSpotifyApi::Answer FakeSpotifyApi::answer(const Request &request, FakeDelivery &delivery)
{
    const QString token = request.bearer();
    if (token.isEmpty() || !m_validator || !m_validator(token))
        return {401, errorBody(401, QStringLiteral("Invalid access token")), {}};

    for (auto it = m_failures.begin(); it != m_failures.end(); ++it) {
        const QString target = it->pathPrefix.startsWith(QLatin1Char('/')) || it->pathPrefix.isEmpty()
            ? request.path
            : QString::fromLatin1(request.method) + u' ' + request.path;
        if (it->times <= 0 || !target.startsWith(it->pathPrefix))
            continue;
        const Failure failure = *it;
        if (--it->times <= 0)
            m_failures.erase(it);
        if (failure.malformed)
            return {200, QByteArrayLiteral("{\"items\": [ {\"track\": oops"), {}};
        if (failure.afterApplying)
            route(request);
        Answer answer{
            failure.status, errorBody(failure.status, QStringLiteral("Injected failure"), failure.reason), {}};
        if (failure.retryAfter >= 0)
            answer.headers.append({"Retry-After", QByteArray::number(failure.retryAfter)});
        return answer;
    }
    return answerWithFault(
        m_randomFaults, [&] { return route(request); },
        [](int status, const QString &message) { return errorBody(status, message); }, delivery);
}

FakeSpotifyApi::Answer FakeSpotifyApi::route(const Request &request)
{
    const QString &path = request.path;
    if (request.method == "POST") {
        if (path == QLatin1String("/v1/me/playlists"))
            return createPlaylist(request);
        static const QString playlists = QStringLiteral("/v1/playlists/");
        if (path.startsWith(playlists) && path.endsWith(QLatin1String("/items")))
            return addItems(request, path.mid(playlists.size()).section(QLatin1Char('/'), 0, 0));
        if (path.startsWith(QLatin1String("/v1/users/")) || path.endsWith(QLatin1String("/tracks")))
            return {403, errorBody(403, QStringLiteral("Forbidden")), {}};
        return {405, errorBody(405, QStringLiteral("Method not allowed")), {}};
    }
    if (path == QLatin1String("/v1/search"))
        return search(request);
    if (path == QLatin1String("/v1/me")) {
        return {200,
                toJson(QJsonObject{{QStringLiteral("id"), userId()},
                                   {QStringLiteral("display_name"), QStringLiteral("Antoine Egea")},
                                   {QStringLiteral("country"), QStringLiteral("DE")},
                                   {QStringLiteral("product"), QStringLiteral("premium")},
                                   {QStringLiteral("type"), QStringLiteral("user")},
                                   {QStringLiteral("uri"), QStringLiteral("spotify:user:%1").arg(userId())}}),
                {}};
    }
    if (path == QLatin1String("/v1/me/playlists"))
        return playlistsPage(request);
    if (path == QLatin1String("/v1/audio-features"))
        return audioFeatures(request);

    static const QString prefix = QStringLiteral("/v1/playlists/");
    if (path.startsWith(prefix)) {
        const QStringList parts = path.mid(prefix.size()).split(QLatin1Char('/'));
        const auto found = m_playlists.constFind(parts.value(0));
        if (parts.size() == 2 && found != m_playlists.constEnd() && found->hasItems) {
            if (parts[1] == QLatin1String("tracks"))
                return {403, errorBody(403, QStringLiteral("Forbidden")), {}};
            if (parts[1] == QLatin1String("items"))
                return itemsPage(request, *found, parts[0]);
        }
        return {404, errorBody(404, QStringLiteral("Resource not found")), {}};
    }
    return {404, errorBody(404, QStringLiteral("Service not found")), {}};
}

// limit and offset as Spotify reads them; an Answer when they are not acceptable.
// Spotify's `fields` filter, "next,items(is_local,track(id,artists(name)))": only the members
// named are kept, a filter on an array applies to each element, and a member named without a
// sub-filter is kept whole.
struct FieldFilter {
    QHash<QString, FieldFilter> members;
};

// Parses `text` from `at` up to the closing parenthesis of this level (or the end at the top);
// nothing when it is malformed.
static std::optional<FieldFilter> parseFields(QStringView text, qsizetype &at, bool nested)
{
    FieldFilter filter;
    while (at < text.size()) {
        qsizetype end = at;
        while (end < text.size() && text[end] != u',' && text[end] != u'(' && text[end] != u')')
            ++end;
        const QString name = text.mid(at, end - at).trimmed().toString();
        if (name.isEmpty())
            return std::nullopt;
        at = end;
        FieldFilter &member = filter.members[name];
        if (at < text.size() && text[at] == u'(') {
            ++at;
            auto inner = parseFields(text, at, true);
            if (!inner || inner->members.isEmpty())
                return std::nullopt;
            member = std::move(*inner);
        }
        if (at < text.size() && text[at] == u')') {
            if (!nested)
                return std::nullopt;
            ++at;
            return filter;
        }
        if (at < text.size())
            ++at;  // the comma
    }
    return nested ? std::nullopt : std::optional(filter);
}

static QJsonValue applyFields(const QJsonValue &value, const FieldFilter &filter)
{
    if (filter.members.isEmpty())
        return value;
    if (value.isArray()) {
        QJsonArray result;
        for (const QJsonValue &element : value.toArray())
            result.append(applyFields(element, filter));
        return result;
    }
    if (!value.isObject())
        return value;
    const QJsonObject object = value.toObject();
    QJsonObject result;
    for (auto member = filter.members.cbegin(); member != filter.members.cend(); ++member) {
        if (object.contains(member.key()))
            result.insert(member.key(), applyFields(object.value(member.key()), member.value()));
    }
    return result;
}

static std::optional<std::pair<int, int>> readWindow(const QUrlQuery &query, QByteArray *error)
{
    bool ok = true;
    int limit = 20;
    if (query.hasQueryItem(QStringLiteral("limit")))
        limit = query.queryItemValue(QStringLiteral("limit")).toInt(&ok);
    if (!ok || limit < 1 || limit > 50) {
        *error = errorBody(400, QStringLiteral("Invalid limit"));
        return std::nullopt;
    }
    int offset = 0;
    if (query.hasQueryItem(QStringLiteral("offset")))
        offset = query.queryItemValue(QStringLiteral("offset")).toInt(&ok);
    if (!ok || offset < 0) {
        *error = errorBody(400, QStringLiteral("Invalid offset"));
        return std::nullopt;
    }
    return std::pair{limit, offset};
}

QUrl FakeSpotifyApi::nextUrl(const QString &path, int offset, int limit, const QUrlQuery &keep) const
{
    QUrl url = m_nextBase.isEmpty() ? baseUrl() : m_nextBase;
    url.setPath(url.path() + path);
    QUrlQuery query = keep;
    query.removeAllQueryItems(QStringLiteral("offset"));
    query.removeAllQueryItems(QStringLiteral("limit"));
    query.addQueryItem(QStringLiteral("offset"), QString::number(offset));
    query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    url.setQuery(query);
    return url;
}

FakeSpotifyApi::Answer FakeSpotifyApi::playlistsPage(const Request &request)
{
    QByteArray error;
    const auto window = readWindow(request.query, &error);
    if (!window)
        return {400, error, {}};
    const auto [limit, offset] = *window;
    const int served = m_maxPageSize > 0 ? std::min(limit, m_maxPageSize) : limit;
    QJsonArray items;
    for (int i = offset; i < std::min<int>(offset + served, int(m_order.size())); ++i)
        items.append(shaped(m_playlists.value(m_order[i]).object, false));
    const int total = int(m_order.size());
    const bool more = offset + served < total;
    QJsonObject page{{QStringLiteral("href"), nextUrl(QStringLiteral("/me/playlists"), offset, limit, {}).toString()},
                     {QStringLiteral("items"), items},
                     {QStringLiteral("limit"), served},
                     {QStringLiteral("offset"), offset},
                     {QStringLiteral("total"), total},
                     {QStringLiteral("previous"), QJsonValue::Null},
                     {QStringLiteral("next"),
                      more
                          ? QJsonValue(nextUrl(QStringLiteral("/me/playlists"), offset + served, served, {}).toString())
                          : QJsonValue(QJsonValue::Null)}};
    return {200, toJson(page), {}};
}

FakeSpotifyApi::Answer FakeSpotifyApi::itemsPage(const Request &request, const Playlist &playlist, const QString &id)
{
    const QJsonObject owner = playlist.object.value(QStringLiteral("owner")).toObject();
    if (owner.value(QStringLiteral("id")).toString() != userId()
        && !playlist.object.value(QStringLiteral("collaborative")).toBool())
        return {403, errorBody(403, QStringLiteral("Forbidden")), {}};
    QByteArray error;
    const auto window = readWindow(request.query, &error);
    if (!window)
        return {400, error, {}};
    const auto [limit, offset] = *window;
    const int served = m_maxPageSize > 0 ? std::min(limit, m_maxPageSize) : limit;
    const int total = int(playlist.entries.size());
    QJsonArray items;
    for (int i = offset; i < std::min(offset + served, total); ++i)
        items.append(shaped(playlist.entries.at(i).toObject(), true));
    const QString path = QStringLiteral("/playlists/%1/items").arg(id);
    QUrlQuery keep;
    if (request.query.hasQueryItem(QStringLiteral("fields")))
        keep.addQueryItem(QStringLiteral("fields"), request.query.queryItemValue(QStringLiteral("fields")));
    const bool more = offset + served < total;
    QJsonObject page{
        {QStringLiteral("href"), nextUrl(path, offset, limit, keep).toString()},
        {QStringLiteral("items"), items},
        {QStringLiteral("limit"), served},
        {QStringLiteral("offset"), offset},
        {QStringLiteral("total"), total},
        {QStringLiteral("previous"), QJsonValue::Null},
        {QStringLiteral("next"),
         more ? QJsonValue(nextUrl(path, offset + served, served, keep).toString()) : QJsonValue(QJsonValue::Null)}};
    if (keep.hasQueryItem(QStringLiteral("fields"))) {
        const QString fields = keep.queryItemValue(QStringLiteral("fields"), QUrl::FullyDecoded);
        qsizetype at = 0;
        const auto filter = parseFields(fields, at, false);
        if (!filter)
            return {400, errorBody(400, QStringLiteral("Invalid fields")), {}};
        page = applyFields(page, *filter).toObject();
    }
    return {200, toJson(page), {}};
}

void FakeSpotifyApi::setAudioFeatures(const QString &trackId, const QJsonObject &features)
{
    m_audioFeatures.insert(trackId, features);
}

FakeSpotifyApi::Answer FakeSpotifyApi::audioFeatures(const Request &request) const
{
    if (!m_audioFeaturesAccess)
        return {403, errorBody(403, QStringLiteral("Forbidden")), {}};
    const QStringList ids =
        request.query.queryItemValue(QStringLiteral("ids")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (ids.isEmpty() || ids.size() > 100)
        return {400, errorBody(400, QStringLiteral("Invalid ids")), {}};
    QJsonArray entries;
    for (const QString &id : ids) {
        const auto known = m_audioFeatures.constFind(id);
        if (known == m_audioFeatures.constEnd()) {
            entries.append(QJsonValue::Null);
            continue;
        }
        QJsonObject entry = *known;
        entry.insert(QStringLiteral("id"), id);
        entry.insert(QStringLiteral("type"), QStringLiteral("audio_features"));
        entries.append(entry);
    }
    return {200, toJson(QJsonObject{{QStringLiteral("audio_features"), entries}}), {}};
}

bool FakeSpotifyApi::mayWrite(const Request &request) const
{
    if (!m_scopeOf)
        return true;
    const QStringList scopes = m_scopeOf(request.bearer()).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    return scopes.contains(QLatin1String("playlist-modify-private"))
        && scopes.contains(QLatin1String("playlist-modify-public"));
}

FakeSpotifyApi::Answer FakeSpotifyApi::createPlaylist(const Request &request)
{
    if (!mayWrite(request))
        return {403, errorBody(403, QStringLiteral("Insufficient client scope")), {}};
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    const QString name = body.value(QStringLiteral("name")).toString();
    if (name.isEmpty())
        return {400, errorBody(400, QStringLiteral("Missing required field: name")), {}};
    const QString id = QStringLiteral("NewPlaylist%1").arg(++m_created, 11, 10, QLatin1Char('0'));
    QJsonObject object{
        {QStringLiteral("id"), id},
        {QStringLiteral("name"), name},
        {QStringLiteral("description"), body.value(QStringLiteral("description")).toString()},
        {QStringLiteral("collaborative"), false},
        {QStringLiteral("public"), body.value(QStringLiteral("public")).toBool(true)},
        {QStringLiteral("snapshot_id"), QStringLiteral("snapshot-%1-0").arg(id)},
        {QStringLiteral("images"), QJsonArray{}},
        {QStringLiteral("type"), QStringLiteral("playlist")},
        {QStringLiteral("uri"), QStringLiteral("spotify:playlist:%1").arg(id)},
        {QStringLiteral("external_urls"),
         QJsonObject{{QStringLiteral("spotify"), QStringLiteral("https://open.spotify.com/playlist/%1").arg(id)}}},
        {QStringLiteral("owner"),
         QJsonObject{{QStringLiteral("id"), userId()},
                     {QStringLiteral("display_name"), QStringLiteral("Antoine Egea")}}},
        {QStringLiteral("tracks"),
         QJsonObject{{QStringLiteral("href"), QStringLiteral("https://api.spotify.com/v1/playlists/%1/tracks").arg(id)},
                     {QStringLiteral("total"), 0}}}};
    m_order.prepend(id);  // Spotify lists a new playlist first
    m_playlists.insert(id, Playlist{object, QJsonArray{}, true});
    return {201, toJson(shaped(object, false)), {}};
}

QJsonObject FakeSpotifyApi::trackFor(const QString &uri) const
{
    const QString id = uri.section(QLatin1Char(':'), 2);
    if (const auto known = m_knownTracks.constFind(id); known != m_knownTracks.constEnd())
        return *known;
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("track")},
                       {QStringLiteral("id"), id},
                       {QStringLiteral("uri"), uri},
                       {QStringLiteral("name"), QStringLiteral("Track %1").arg(id)},
                       {QStringLiteral("is_local"), false},
                       {QStringLiteral("artists"), QJsonArray{}}};
}

FakeSpotifyApi::Answer FakeSpotifyApi::addItems(const Request &request, const QString &id)
{
    const auto found = m_playlists.find(id);
    if (found == m_playlists.end() || !found->hasItems)
        return {404, errorBody(404, QStringLiteral("Resource not found")), {}};
    const QJsonObject owner = found->object.value(QStringLiteral("owner")).toObject();
    if (!mayWrite(request))
        return {403, errorBody(403, QStringLiteral("Insufficient client scope")), {}};
    if (owner.value(QStringLiteral("id")).toString() != userId()
        && !found->object.value(QStringLiteral("collaborative")).toBool())
        return {403, errorBody(403, QStringLiteral("Forbidden")), {}};
    const QJsonArray uris = QJsonDocument::fromJson(request.body).object().value(QStringLiteral("uris")).toArray();
    if (uris.isEmpty() || uris.size() > 100)
        return {400, errorBody(400, QStringLiteral("You can add a maximum of 100 tracks per request.")), {}};
    QJsonArray added;
    for (const QJsonValue &uri : uris) {
        const QString text = uri.toString();
        if (!text.startsWith(QLatin1String("spotify:track:")) || text.size() != 36)
            return {400, errorBody(400, QStringLiteral("Invalid track uri: ") + text), {}};
        added.append(QJsonObject{{QStringLiteral("added_at"), QStringLiteral("2026-12-04T00:00:00Z")},
                                 {QStringLiteral("is_local"), false},
                                 {QStringLiteral("track"), trackFor(text)}});
    }
    for (const QJsonValue &entry : std::as_const(added))
        found->entries.append(entry);
    const QString snapshot = QStringLiteral("snapshot-%1-%2").arg(id).arg(found->entries.size());
    found->object.insert(QStringLiteral("snapshot_id"), snapshot);
    QJsonObject count = found->object.value(QStringLiteral("tracks")).toObject();
    count.insert(QStringLiteral("total"), found->entries.size());
    found->object.insert(QStringLiteral("tracks"), count);
    return {201, toJson(QJsonObject{{QStringLiteral("snapshot_id"), snapshot}}), {}};
}

FakeSpotifyApi::Answer FakeSpotifyApi::search(const Request &request) const
{
    bool ok = true;
    const int limit = request.query.hasQueryItem(QStringLiteral("limit"))
        ? request.query.queryItemValue(QStringLiteral("limit")).toInt(&ok)
        : 20;
    if (!ok || limit < 1 || limit > 10)  // the limit new apps get since 2026
        return {400, errorBody(400, QStringLiteral("Invalid limit")), {}};
    if (request.query.queryItemValue(QStringLiteral("type")) != QLatin1String("track"))
        return {400, errorBody(400, QStringLiteral("Unsupported type")), {}};
    const QString q = request.query.queryItemValue(QStringLiteral("q"), QUrl::FullyDecoded);
    static const QRegularExpression field(QStringLiteral("(\\w+):(\"[^\"]*\"|\\S+)"));
    QHash<QString, QString> filters;
    for (auto match = field.globalMatch(q); match.hasNext();) {
        const auto part = match.next();
        QString value = part.captured(2);
        if (value.startsWith(QLatin1Char('"')))
            value = value.mid(1, value.size() - 2);
        filters.insert(part.captured(1), value);
    }
    auto matches = [&filters](const QJsonObject &track) {
        if (filters.contains(QStringLiteral("isrc")))
            return track.value(QStringLiteral("external_ids"))
                       .toObject()
                       .value(QStringLiteral("isrc"))
                       .toString()
                       .compare(filters.value(QStringLiteral("isrc")), Qt::CaseInsensitive)
                == 0;
        if (!track.value(QStringLiteral("name"))
                 .toString()
                 .contains(filters.value(QStringLiteral("track")), Qt::CaseInsensitive))
            return false;
        for (const QJsonValue &artist : track.value(QStringLiteral("artists")).toArray()) {
            if (artist.toObject()
                    .value(QStringLiteral("name"))
                    .toString()
                    .contains(filters.value(QStringLiteral("artist")), Qt::CaseInsensitive))
                return true;
        }
        return false;
    };
    QJsonArray items;
    QStringList ids = m_knownTracks.keys();
    ids.sort();
    for (const QString &id : std::as_const(ids)) {
        if (items.size() < limit && !filters.isEmpty() && matches(m_knownTracks.value(id)))
            items.append(m_shape == Shape::Current ? stripped(m_knownTracks.value(id)) : m_knownTracks.value(id));
    }
    const QJsonObject page{{QStringLiteral("href"), QStringLiteral("%1/search").arg(baseUrl().toString())},
                           {QStringLiteral("items"), items},
                           {QStringLiteral("limit"), limit},
                           {QStringLiteral("offset"), 0},
                           {QStringLiteral("total"), items.size()},
                           {QStringLiteral("previous"), QJsonValue::Null},
                           {QStringLiteral("next"), QJsonValue::Null}};
    return {200, toJson(QJsonObject{{QStringLiteral("tracks"), page}}), {}};
}

void FakeSpotifyApi::addKnownTrack(const QJsonObject &track)
{
    m_knownTracks.insert(track.value(QStringLiteral("id")).toString(), track);
}

QStringList FakeSpotifyApi::playlistUris(const QString &id) const
{
    QStringList uris;
    for (const QJsonValue &entry : m_playlists.value(id).entries)
        uris.append(entry.toObject().value(QStringLiteral("track")).toObject().value(QStringLiteral("uri")).toString());
    return uris;
}

QJsonObject FakeSpotifyApi::playlistObject(const QString &id) const
{
    return m_playlists.value(id).object;
}

QJsonObject FakeSpotifyApi::shaped(const QJsonObject &object, bool entry) const
{
    if (m_shape == Shape::Before2026)
        return object;
    QJsonObject result = object;
    if (entry) {
        const QJsonValue track = object.value(QStringLiteral("track"));
        const QJsonValue modern = track.isObject() ? QJsonValue(stripped(track.toObject())) : track;
        result.insert(QStringLiteral("item"), modern);
        result.insert(QStringLiteral("track"), modern);  // the deprecated copy
        return result;
    }
    QJsonObject count = result.take(QStringLiteral("tracks")).toObject();
    count.insert(
        QStringLiteral("href"),
        count.value(QStringLiteral("href")).toString().replace(QStringLiteral("/tracks"), QStringLiteral("/items")));
    result.insert(QStringLiteral("items"), count);
    return result;
}

}  // namespace encore::test
