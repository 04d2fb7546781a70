#include "fakefeatureservices.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QRegularExpression>

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

FakeHttpService::Answer FakeReccoBeats::answer(const Request &request)
{
    if (request.path != QLatin1String("/v1/audio-features"))
        return notFound();
    const QStringList ids = request.query.queryItemValue(QStringLiteral("ids"))
                                .split(u',', Qt::SkipEmptyParts);
    if (ids.isEmpty() || ids.size() > kMaxIds)
        return {400, json(QJsonObject{{QStringLiteral("error"), QStringLiteral("Bad Request")}}),
                {}};
    QJsonArray content;
    for (auto id = ids.crbegin(); id != ids.crend(); ++id) {
        const auto known = m_tracks.constFind(*id);
        if (known == m_tracks.constEnd())
            continue;
        QJsonObject entry = *known;
        const QByteArray hash = QCryptographicHash::hash(id->toUtf8(), QCryptographicHash::Md5).toHex();
        entry.insert(QStringLiteral("id"), QString::fromLatin1(hash.left(8) + '-' + hash.mid(8, 4) + '-'
                                                               + hash.mid(12, 4) + '-' + hash.mid(16, 4)
                                                               + '-' + hash.mid(20, 12)));
        entry.insert(QStringLiteral("href"), QStringLiteral("https://open.spotify.com/track/") + *id);
        content.append(entry);
    }
    return {200, json(QJsonObject{{QStringLiteral("content"), content}}), {}};
}

void FakeDeezer::addTrack(const QString &isrc, const QUrl &preview)
{
    m_previews.insert(isrc, preview);
}

FakeHttpService::Answer FakeDeezer::answer(const Request &request)
{
    static const QString prefix = QStringLiteral("/track/isrc:");
    if (!request.path.startsWith(prefix))
        return notFound();
    auto error = [this](const QString &type, const QString &message, int code) {
        return Answer{200, json(QJsonObject{{QStringLiteral("error"),
                                             QJsonObject{{QStringLiteral("type"), type},
                                                         {QStringLiteral("message"), message},
                                                         {QStringLiteral("code"), code}}}}),
                      {}};
    };
    if (m_quotaErrors > 0) {
        --m_quotaErrors;
        return error(QStringLiteral("Exception"), QStringLiteral("Quota limit exceeded"), 4);
    }
    const QString isrc = request.path.mid(prefix.size());
    const auto known = m_previews.constFind(isrc);
    if (known == m_previews.constEnd())
        return error(QStringLiteral("DataException"), QStringLiteral("no data"), 800);
    return {200,
            json(QJsonObject{{QStringLiteral("id"), 3135556},
                             {QStringLiteral("readable"), true},
                             {QStringLiteral("title"), QStringLiteral("Track ") + isrc},
                             {QStringLiteral("isrc"), isrc},
                             {QStringLiteral("duration"), 30},
                             {QStringLiteral("preview"), known->toString()},
                             {QStringLiteral("type"), QStringLiteral("track")}}),
            {}};
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
            || !std::all_of(words.begin(), words.end(),
                            [&](const QString &word) { return haystack.contains(word); }))
            continue;
        results.append(QJsonObject{{QStringLiteral("wrapperType"), QStringLiteral("track")},
                                   {QStringLiteral("kind"), QStringLiteral("song")},
                                   {QStringLiteral("trackName"), song.title},
                                   {QStringLiteral("artistName"), song.artist},
                                   {QStringLiteral("previewUrl"), song.preview.toString()}});
    }
    return {200,
            json(QJsonObject{{QStringLiteral("resultCount"), results.size()},
                             {QStringLiteral("results"), results}}),
            {}, "text/javascript; charset=utf-8"};
}

}  // namespace encore::test
