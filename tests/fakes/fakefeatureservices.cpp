#include "fakefeatureservices.h"

#include <QBuffer>
#include <QColor>
#include <QCryptographicHash>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace encore::test {

namespace {

FakeHttpService::Answer notFound()
{
    return {404, QByteArrayLiteral("{\"error\":\"Not found\"}"), {}};
}

}  // namespace

void FakeReccoBeats::addTrack(const QString &spotifyId, const QJsonObject &features)
{
    m_tracks.insert(spotifyId, features);
}

void FakeReccoBeats::addRecommendation(const QString &seedSpotifyId, const QString &spotifyId, const QString &title,
                                       const QStringList &artists, const QString &isrc)
{
    QJsonArray credits;
    for (const QString &artist : artists)
        credits.append(QJsonObject{{QStringLiteral("id"), QString::number(qHash(artist), 16)},
                                   {QStringLiteral("name"), artist},
                                   {QStringLiteral("href"), QStringLiteral("https://open.spotify.com/artist/x")}});
    m_recommendations[seedSpotifyId].append(
        QJsonObject{{QStringLiteral("id"), QString::number(qHash(spotifyId), 16)},
                    {QStringLiteral("trackTitle"), title},
                    {QStringLiteral("artists"), credits},
                    {QStringLiteral("durationMs"), 201000},
                    {QStringLiteral("isrc"), isrc},
                    {QStringLiteral("href"), QStringLiteral("https://open.spotify.com/track/%1").arg(spotifyId)},
                    {QStringLiteral("popularity"), 50}});
}

FakeHttpService::Answer FakeReccoBeats::recommendation(const Request &request) const
{
    const QStringList seeds = request.query.queryItemValue(QStringLiteral("seeds")).split(u',', Qt::SkipEmptyParts);
    bool sized = false;
    const int size = request.query.queryItemValue(QStringLiteral("size")).toInt(&sized);
    if (seeds.isEmpty() || seeds.size() > 5 || !sized || size < 1 || size > 100)
        return {400, json(QJsonObject{{QStringLiteral("error"), QStringLiteral("Bad Request")}}), {}};
    QJsonArray content;
    QSet<QString> listed;
    for (const QString &seed : seeds)
        for (const QJsonValue &track : m_recommendations.value(seed))
            if (content.size() < size && !listed.contains(track[QStringLiteral("href")].toString())) {
                listed.insert(track[QStringLiteral("href")].toString());
                content.append(track);
            }
    return {200, json(QJsonObject{{QStringLiteral("content"), content}}), {}};
}

FakeHttpService::Answer FakeReccoBeats::answer(const Request &request)
{
    if (request.path == QLatin1String("/v1/track/recommendation"))
        return recommendation(request);
    if (request.path != QLatin1String("/v1/audio-features"))
        return notFound();
    const QStringList ids = request.query.queryItemValue(QStringLiteral("ids")).split(u',', Qt::SkipEmptyParts);
    if (ids.isEmpty() || ids.size() > kMaxIds)
        return {400, json(QJsonObject{{QStringLiteral("error"), QStringLiteral("Bad Request")}}), {}};
    QJsonArray content;
    for (auto id = ids.crbegin(); id != ids.crend(); ++id) {
        const auto known = m_tracks.constFind(*id);
        if (known == m_tracks.constEnd())
            continue;
        QJsonObject entry = *known;
        const QByteArray hash = QCryptographicHash::hash(id->toUtf8(), QCryptographicHash::Md5).toHex();
        entry.insert(QStringLiteral("id"),
                     QString::fromLatin1(hash.left(8) + '-' + hash.mid(8, 4) + '-' + hash.mid(12, 4) + '-'
                                         + hash.mid(16, 4) + '-' + hash.mid(20, 12)));
        entry.insert(QStringLiteral("href"), QStringLiteral("https://open.spotify.com/track/%1").arg(*id));
        content.append(entry);
    }
    return {200, json(QJsonObject{{QStringLiteral("content"), content}}), {}};
}

void FakeDeezer::addTrack(const QString &isrc, const QUrl &preview)
{
    m_previews.insert(isrc, preview);
}

void FakeDeezer::addArtist(qint64 id, const QString &name, const QList<qint64> &related)
{
    m_artists.insert(id, Artist{name, related});
}

void FakeDeezer::addSong(qint64 id, qint64 artistId, const QString &title, const QString &isrc, int rank, double bpm)
{
    const QString artist = m_artists.value(artistId).name;
    m_songs.append(QJsonObject{
        {QStringLiteral("id"), id},
        {QStringLiteral("readable"), true},
        {QStringLiteral("title"), title},
        {QStringLiteral("isrc"), isrc},
        {QStringLiteral("duration"), 200},
        {QStringLiteral("rank"), rank},
        {QStringLiteral("bpm"), bpm},
        {QStringLiteral("gain"), -9.5},
        {QStringLiteral("preview"), QStringLiteral("https://cdns-preview.invalid/%1.mp3?hdnea=exp").arg(id)},
        {QStringLiteral("contributors"),
         QJsonArray{QJsonObject{{QStringLiteral("id"), artistId},
                                {QStringLiteral("name"), artist},
                                {QStringLiteral("role"), QStringLiteral("Main")}}}},
        {QStringLiteral("artist"), QJsonObject{{QStringLiteral("id"), artistId}, {QStringLiteral("name"), artist}}},
        {QStringLiteral("album"),
         QJsonObject{{QStringLiteral("id"), id * 10},
                     {QStringLiteral("title"), QStringLiteral("%1 (Single)").arg(title)},
                     {QStringLiteral("cover_medium"), coverPath(id)}}},
        {QStringLiteral("type"), QStringLiteral("track")}});
}

FakeHttpService::Answer FakeDeezer::error(const QString &type, const QString &message, int code) const
{
    return {200,
            json(QJsonObject{{QStringLiteral("error"),
                              QJsonObject{{QStringLiteral("type"), type},
                                          {QStringLiteral("message"), message},
                                          {QStringLiteral("code"), code}}}}),
            {}};
}

QString FakeDeezer::coverPath(qint64 songId)
{
    return QStringLiteral("/images/cover/%1/250x250-000000-80-0-0.jpg").arg(songId);
}

// The cover's link as Deezer gives it: absolute, on the images' host (here the fake itself).
QJsonObject FakeDeezer::withCoverUrl(QJsonObject song) const
{
    QJsonObject album = song.value(u"album").toObject();
    album.insert(QStringLiteral("cover_medium"), urlOf(album.value(u"cover_medium").toString()).toString());
    song.insert(QStringLiteral("album"), album);
    return song;
}

// A 250×250 JPEG in a colour of its own, as Deezer's covers are.
FakeHttpService::Answer FakeDeezer::cover(qint64 songId) const
{
    if (!std::any_of(m_songs.begin(), m_songs.end(),
                     [songId](const QJsonObject &song) { return song.value(u"id").toInteger() == songId; }))
        return notFound();
    QImage image(250, 250, QImage::Format_RGB32);
    image.fill(QColor::fromHsv(int(songId * 47 % 360), 160, 200));
    QByteArray jpeg;
    QBuffer buffer(&jpeg);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPG");
    return {200, jpeg, {}, "image/jpeg"};
}

FakeHttpService::Answer FakeDeezer::track(const QJsonObject &song) const
{
    return {200, json(withCoverUrl(song)), {}};
}

QJsonObject FakeDeezer::listEntry(const QJsonObject &song) const
{
    QJsonObject entry = withCoverUrl(song);
    for (const char *key : {"isrc", "bpm", "gain", "contributors"})
        entry.remove(QLatin1String(key));
    return entry;
}

FakeHttpService::Answer FakeDeezer::list(const QJsonArray &entries) const
{
    return {200, json(QJsonObject{{QStringLiteral("data"), entries}, {QStringLiteral("total"), entries.size()}}), {}};
}

QJsonArray FakeDeezer::topOf(qint64 artistId, int limit) const
{
    QList<QJsonObject> songs;
    for (const QJsonObject &song : m_songs)
        if (song.value(u"artist").toObject().value(u"id").toInteger() == artistId)
            songs << song;
    std::stable_sort(songs.begin(), songs.end(), [](const QJsonObject &a, const QJsonObject &b) {
        return a.value(u"rank").toInt() > b.value(u"rank").toInt();
    });
    QJsonArray top;
    for (const QJsonObject &song : songs.mid(0, limit))
        top.append(listEntry(song));
    return top;
}

FakeHttpService::Answer FakeDeezer::previewTrack(const QString &isrc) const
{
    return {200,
            json(QJsonObject{{QStringLiteral("id"), 3135556},
                             {QStringLiteral("readable"), true},
                             {QStringLiteral("title"), QStringLiteral("Track %1").arg(isrc)},
                             {QStringLiteral("isrc"), isrc},
                             {QStringLiteral("duration"), 30},
                             {QStringLiteral("preview"), m_previews.value(isrc).toString()},
                             {QStringLiteral("type"), QStringLiteral("track")}}),
            {}};
}

FakeHttpService::Answer FakeDeezer::answer(const Request &request)
{
    if (m_quotaErrors > 0) {
        --m_quotaErrors;
        return error(QStringLiteral("Exception"), QStringLiteral("Quota limit exceeded"), 4);
    }
    const Answer noData = error(QStringLiteral("DataException"), QStringLiteral("no data"), 800);
    const int limit = std::clamp(request.query.queryItemValue(QStringLiteral("limit")).toInt(), 0, 100);
    static const QRegularExpression trackPath(QStringLiteral("^/track/(isrc:)?(.+)$"));
    static const QRegularExpression artistPath(QStringLiteral("^/artist/(\\d+)/(top|related)$"));
    static const QRegularExpression coverPath(QStringLiteral("^/images/cover/(\\d+)/"));
    if (const QRegularExpressionMatch match = coverPath.match(request.path); match.hasMatch())
        return cover(match.captured(1).toLongLong());
    if (const QRegularExpressionMatch match = trackPath.match(request.path); match.hasMatch()) {
        const bool byIsrc = match.hasCaptured(1);
        const QString key = match.captured(2);
        if (byIsrc && m_previews.contains(key))
            return previewTrack(key);
        for (const QJsonObject &song : m_songs)
            if (byIsrc ? song.value(u"isrc").toString() == key : song.value(u"id").toInteger() == key.toLongLong())
                return track(song);
        return noData;
    }
    if (const QRegularExpressionMatch match = artistPath.match(request.path); match.hasMatch()) {
        const qint64 id = match.captured(1).toLongLong();
        if (!m_artists.contains(id))
            return noData;
        if (match.captured(2) == QLatin1String("top"))
            return list(topOf(id, limit > 0 ? limit : 5));
        QJsonArray related;
        for (qint64 other : m_artists.value(id).related.mid(0, limit > 0 ? limit : 20))
            related.append(QJsonObject{{QStringLiteral("id"), other},
                                       {QStringLiteral("name"), m_artists.value(other).name},
                                       {QStringLiteral("nb_fan"), 1000},
                                       {QStringLiteral("type"), QStringLiteral("artist")}});
        return list(related);
    }
    if (request.path == QLatin1String("/search/track")) {
        static const QRegularExpression field(QStringLiteral("(artist|track):\"([^\"]*)\""));
        const QString q = request.query.queryItemValue(QStringLiteral("q"), QUrl::FullyDecoded);
        QString artist, title;
        for (const QRegularExpressionMatch &match : field.globalMatch(q))
            (match.captured(1) == QLatin1String("artist") ? artist : title) = match.captured(2).toLower();
        QJsonArray found;
        for (const QJsonObject &song : m_songs) {
            const QString songArtist = song.value(u"artist").toObject().value(u"name").toString().toLower();
            if (songArtist.contains(artist) && song.value(u"title").toString().toLower().contains(title))
                found.append(listEntry(song));
        }
        return list(found);
    }
    return notFound();
}

void FakeITunes::addSong(const QString &title, const QString &artist, const QUrl &preview)
{
    m_songs.append(Song{title, artist, preview});
}

FakeHttpService::Answer FakeITunes::answer(const Request &request)
{
    if (request.path != QLatin1String("/search"))
        return notFound();
    static const QRegularExpression separators(QStringLiteral("[\\s+]+"));
    const QStringList words = request.query.queryItemValue(QStringLiteral("term"), QUrl::FullyDecoded)
                                  .toLower()
                                  .split(separators, Qt::SkipEmptyParts);
    const int limit = std::clamp(request.query.queryItemValue(QStringLiteral("limit")).toInt(), 1, 200);
    QJsonArray results;
    for (const Song &song : std::as_const(m_songs)) {
        const QString haystack = (song.artist + u' ' + song.title).toLower();
        if (results.size() >= limit
            || !std::all_of(words.begin(), words.end(), [&](const QString &word) { return haystack.contains(word); }))
            continue;
        results.append(QJsonObject{{QStringLiteral("wrapperType"), QStringLiteral("track")},
                                   {QStringLiteral("kind"), QStringLiteral("song")},
                                   {QStringLiteral("trackName"), song.title},
                                   {QStringLiteral("artistName"), song.artist},
                                   {QStringLiteral("previewUrl"), song.preview.toString()}});
    }
    return {200,
            json(QJsonObject{{QStringLiteral("resultCount"), results.size()}, {QStringLiteral("results"), results}}),
            {},
            "text/javascript; charset=utf-8"};
}

}  // namespace encore::test
