#include "spotify/spotifyjson.h"

#include "testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QSet>
#include <QTest>

#include <cmath>

using namespace encore;

Q_DECLARE_METATYPE(encore::ErrorKind)
Q_DECLARE_METATYPE(encore::ReleaseDate)
Q_DECLARE_METATYPE(encore::Feature)

namespace {

// Which answer shape a test feeds the parser: as recorded, or rewritten the way Spotify has
// answered since February 2026.
enum class Shape { Recorded, Shape2026 };

QString apiFile(const QString &name)
{
    return test::sharedDataFile(QStringLiteral("spotify-api/") + name);
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QJsonObject objectOf(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

QByteArray bytesOf(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// Every object below `value` without the fields Spotify dropped in 2026.
QJsonValue without2026Removals(const QJsonValue &value)
{
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue &element : value.toArray())
            out.append(without2026Removals(element));
        return out;
    }
    if (!value.isObject())
        return value;
    QJsonObject out;
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key() == u"popularity" || it.key() == u"available_markets" || it.key() == u"linked_from")
            continue;
        out.insert(it.key(), without2026Removals(it.value()));
    }
    return out;
}

// A playlist entry as of 2026: the track under `item`, with the deprecated `track` copy kept.
QJsonValue entry2026(const QJsonValue &entry)
{
    QJsonObject object = entry.toObject();
    const QJsonValue track = object.value(u"track");
    object.insert(QStringLiteral("item"), track);
    object.insert(QStringLiteral("track"), track);
    return object;
}

// An items page (the top level of /items, or embedded in a playlist) as of 2026.
QJsonObject itemsPage2026(QJsonObject page)
{
    QJsonArray entries;
    for (const QJsonValue &entry : page.value(u"items").toArray())
        entries.append(entry2026(entry));
    page.insert(QStringLiteral("items"), entries);
    return without2026Removals(page).toObject();
}

// A playlist object as of 2026: `tracks` renamed `items`, its page (if embedded) rewritten too.
QJsonObject playlist2026(QJsonObject playlist)
{
    QJsonObject items = playlist.take(QStringLiteral("tracks")).toObject();
    if (items.value(u"items").isArray())
        items = itemsPage2026(items);
    playlist.insert(QStringLiteral("items"), items);
    return without2026Removals(playlist).toObject();
}

QJsonObject playlistsPage2026(QJsonObject page)
{
    QJsonArray playlists;
    for (const QJsonValue &playlist : page.value(u"items").toArray())
        playlists.append(playlist2026(playlist.toObject()));
    page.insert(QStringLiteral("items"), playlists);
    return page;
}

// The body a parser gets for a recorded file in the given shape. `kind` tells how to rewrite it.
enum class Body { Track, Tracks, PlaylistsPage, Playlist, ItemsPage };

QByteArray inShape(const QByteArray &recorded, Body kind, Shape shape)
{
    if (shape == Shape::Recorded)
        return recorded;
    const QJsonObject object = objectOf(recorded);
    switch (kind) {
    case Body::Track:
    case Body::Tracks: return bytesOf(without2026Removals(object).toObject());
    case Body::PlaylistsPage: return bytesOf(playlistsPage2026(object));
    case Body::Playlist: return bytesOf(playlist2026(object));
    case Body::ItemsPage: return bytesOf(itemsPage2026(object));
    }
    return {};
}

// A track as one line, popularity left out (it differs between the shapes by design).
QString describe(const Track &track)
{
    return QStringLiteral("%1|%2|%3|%4|%5|%6/%7|%8|%9")
        .arg(track.id, track.name, track.artists.join(u';'), track.album, track.albumId, track.releaseDate.toString())
        .arg(int(track.releaseDate.precision()))
        .arg(track.durationMs)
        .arg(track.isrc);
}

QStringList describeAll(const std::vector<Track> &tracks)
{
    QStringList lines;
    for (const Track &track : tracks)
        lines << describe(track);
    return lines;
}

int knownPopularities(const std::vector<Track> &tracks)
{
    int known = 0;
    for (const Track &track : tracks)
        known += track.popularity.has_value() ? 1 : 0;
    return known;
}

// A one-entry items page around `entry`, followed by one ordinary track.
QByteArray pageAround(const QJsonValue &entry, const QJsonObject &goodEntry)
{
    QJsonObject page;
    page.insert(QStringLiteral("items"), QJsonArray{entry, goodEntry});
    page.insert(QStringLiteral("total"), 2);
    page.insert(QStringLiteral("limit"), 50);
    page.insert(QStringLiteral("offset"), 0);
    page.insert(QStringLiteral("next"), QJsonValue::Null);
    return bytesOf(page);
}

// A minimal valid track object for building unusual cases.
QJsonObject minimalTrack()
{
    return objectOf(R"({"type":"track","id":"5aFGo8wHEntVxFI8IF7Wuj","name":"Typhoons",
        "uri":"spotify:track:5aFGo8wHEntVxFI8IF7Wuj","artists":[{"name":"Royal Blood"}],
        "album":{"id":"05aqnnpYVOvsX0SIzmIuxi","name":"Typhoons","release_date":"2021-04-30",
                 "release_date_precision":"day"},
        "duration_ms":236933,"external_ids":{"isrc":"GBAHT2001121"}})");
}

QJsonObject withField(QJsonObject object, const QString &key, const QJsonValue &value)
{
    object.insert(key, value);
    return object;
}

QJsonObject withoutField(QJsonObject object, const QString &key)
{
    object.remove(key);
    return object;
}

// Runs the parser named `parser` on `body`: the error, or nothing when it succeeded.
std::optional<Error> parseWith(const QString &parser, const QByteArray &body)
{
    const auto errorOf = [](const auto &result) { return result.ok() ? std::nullopt : std::optional(result.error()); };
    if (parser == u"user")
        return errorOf(parseCurrentUser(body));
    if (parser == u"track")
        return errorOf(parseTrack(body));
    if (parser == u"tracks")
        return errorOf(parseTracks(body));
    if (parser == u"playlists")
        return errorOf(parsePlaylistsPage(body));
    if (parser == u"playlist")
        return errorOf(parsePlaylist(body));
    if (parser == u"items")
        return errorOf(parsePlaylistItemsPage(body));
    if (parser == u"features")
        return errorOf(parseAudioFeatures(body));
    return Error{ErrorKind::Io, QStringLiteral("no parser named %1").arg(parser)};
}

}  // namespace

// Loads a recorded answer, failing the test when the file is missing or empty.
#define LOAD_RECORDED(variable, fileName)                                                                              \
    const QString variable##Path = apiFile(fileName);                                                                  \
    ENCORE_REQUIRE_FILE(variable##Path);                                                                               \
    const QByteArray variable = readFile(variable##Path);                                                              \
    QVERIFY2(!variable.isEmpty(), qPrintable(variable##Path))

Q_DECLARE_METATYPE(Shape)

class TestSpotifyJson : public QObject {
    Q_OBJECT

private slots:
    void currentUser_data();
    void currentUser();
    void playlistsPage_data();
    void playlistsPage();
    void playlistsPageSkipsBadEntries();
    void playlistFields_data();
    void playlistFields();
    void readable_data();
    void readable();
    void playlistWithFirstPage_data();
    void playlistWithFirstPage();
    void itemsPage_data();
    void itemsPage();
    void itemsPageTrackValues_data();
    void itemsPageTrackValues();
    void itemsPageAlbumCovers();
    void itemsPageSameInBothShapes_data();
    void itemsPageSameInBothShapes();
    void playlistEntry_data();
    void playlistEntry();
    void releaseDate_data();
    void releaseDate();
    void singleTrack_data();
    void singleTrack();
    void singleTrackRefusesNonSongs();
    void severalTracks_data();
    void severalTracks();
    void audioFeatures_data();
    void audioFeatures();
    void audioFeaturesEntries_data();
    void audioFeaturesEntries();
    void malformedBodies_data();
    void malformedBodies();
    void doubledAnswers_data();
    void doubledAnswers();
    void errorMapping_data();
    void errorMapping();
    void errorMessagesHoldNoTokens_data();
    void errorMessagesHoldNoTokens();
};

// --- GET /v1/me ---------------------------------------------------------------------------------

void TestSpotifyJson::currentUser_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("displayName");
    QTest::addColumn<QString>("country");  // "-" for unknown
    QTest::addColumn<QString>("product");  // "-" for unknown

    QTest::newRow("full") << QByteArray(R"({"id":"wizzler","display_name":"JM Wizzler","country":"SE",
        "product":"premium","type":"user","uri":"spotify:user:wizzler"})")
                          << "wizzler"
                          << "JM Wizzler"
                          << "SE"
                          << "premium";
    QTest::newRow("display name null") << QByteArray(R"({"id":"1123408718","display_name":null,"country":"FR"})")
                                       << "1123408718"
                                       << "1123408718"
                                       << "FR"
                                       << "-";
    QTest::newRow("display name absent, 2026 fields only")
        << QByteArray(R"({"id":"1123408718","type":"user"})") << "1123408718"
        << "1123408718"
        << "-"
        << "-";
    QTest::newRow("country and product null") << QByteArray(R"({"id":"a","display_name":"A","country":null,
        "product":null})") << "a"
                                              << "A"
                                              << "-"
                                              << "-";
}

void TestSpotifyJson::currentUser()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, id);
    QFETCH(QString, displayName);
    QFETCH(QString, country);
    QFETCH(QString, product);

    const Result<SpotifyUser> user = parseCurrentUser(body);
    QVERIFY2(user.ok(), qPrintable(user.ok() ? QString() : user.error().message));
    QCOMPARE(user->id, id);
    QCOMPARE(user->displayName, displayName);
    QCOMPARE(user->country.value_or(QStringLiteral("-")), country);
    QCOMPARE(user->product.value_or(QStringLiteral("-")), product);
}

// --- GET /v1/me/playlists -----------------------------------------------------------------------

void TestSpotifyJson::playlistsPage_data()
{
    QTest::addColumn<Shape>("shape");
    QTest::newRow("recorded") << Shape::Recorded;
    QTest::newRow("2026 shape") << Shape::Shape2026;
}

void TestSpotifyJson::playlistsPage()
{
    QFETCH(Shape, shape);
    LOAD_RECORDED(recorded, QStringLiteral("current_users_playlists.txt"));
    const QByteArray body = inShape(recorded, Body::PlaylistsPage, shape);
    if (shape == Shape::Shape2026) {  // the rewrite really happened
        QVERIFY(!body.contains("\"tracks\""));
        QVERIFY(body.contains("/tracks\",\"total\":3}"));
    }

    const Result<SpotifyPlaylistPage> page = parsePlaylistsPage(body);
    QVERIFY2(page.ok(), qPrintable(page.ok() ? QString() : page.error().message));
    QCOMPARE(page->paging.total, 42);
    QCOMPARE(page->paging.limit, 5);
    QCOMPARE(page->paging.offset, 20);
    QVERIFY(page->paging.hasNext());
    QCOMPARE(page->paging.next,
             QUrl(QStringLiteral("https://api.spotify.com/v1/users/1123408718/playlists?offset=25&limit=5")));
    QCOMPARE(page->skipped, 0);

    QStringList ids, names;
    QList<int> counts;
    for (const SpotifyPlaylist &playlist : page->playlists) {
        ids << playlist.id;
        names << playlist.name;
        counts << playlist.trackCount;
        QCOMPARE(playlist.ownerId, QStringLiteral("1123408718"));
        QCOMPARE(playlist.ownerName, QStringLiteral("Antoine Egea"));
        QVERIFY(!playlist.collaborative);
        QVERIFY(playlist.isPublic.has_value());
        QVERIFY(!playlist.snapshotId.isEmpty());
        QVERIFY(playlist.imageUrl.isValid());
        QVERIFY(isReadableBy(playlist, QStringLiteral("1123408718")));
        QVERIFY(!isReadableBy(playlist, QStringLiteral("someone-else")));
    }
    QCOMPARE(ids,
             QStringList({"3sPyrAW9PVUMxL9i6QFbaV", "1hronnZ0DOUXcMna7JtgaN", "46TfdmGiWxxX4uZzqohw89",
                          "01ckpilMpZMY54FNOmM6hx", "19DESVha4FbNzqQfcGXMjc"}));
    QCOMPARE(names, QStringList({"Core", "Black/Atmo/Prog ?", "Troll", "Melomiel", "HEAVY MIEL"}));
    QCOMPARE(counts, QList<int>({3, 10, 7, 3, 10}));

    const SpotifyPlaylist &core = page->playlists.front();
    QCOMPARE(core.snapshotId, QStringLiteral("NSw5ZTBhOGQ5M2JkMWM1NDViMWI2YjBiZDcyOTE0NzE0Nzg4MWY0NmNm"));
    QCOMPARE(core.imageUrl, QUrl(QStringLiteral("https://i.scdn.co/image/ab67616d0000b273a72b5360c8941c819162dbb9")));
    QCOMPARE(page->playlists[2].isPublic, std::optional<bool>(false));
    QCOMPARE(page->playlists[0].isPublic, std::optional<bool>(true));
    QVERIFY(page->playlists[1].imageUrl.toString().startsWith(u"https://mosaic.scdn.co/640/"));
}

void TestSpotifyJson::playlistsPageSkipsBadEntries()
{
    LOAD_RECORDED(recorded, QStringLiteral("current_users_playlists.txt"));
    QJsonObject page = objectOf(recorded);
    QJsonArray items = page.value(u"items").toArray();
    const QJsonObject good = items.at(0).toObject();
    items.append(QJsonValue::Null);                                         // null entry
    items.append(42);                                                       // not an object
    items.append(withField(good, QStringLiteral("id"), QJsonValue::Null));  // no id
    items.append(withField(good, QStringLiteral("name"), 7));               // name of wrong type
    items.append(withField(good, QStringLiteral("collaborative"), QStringLiteral("yes")));
    page.insert(QStringLiteral("items"), items);

    const Result<SpotifyPlaylistPage> parsed = parsePlaylistsPage(bytesOf(page));
    QVERIFY(parsed.ok());
    QCOMPARE(int(parsed->playlists.size()), 5);
    QCOMPARE(parsed->skipped, 5);
    QCOMPARE(parsed->playlists.back().id, QStringLiteral("19DESVha4FbNzqQfcGXMjc"));
}

void TestSpotifyJson::playlistFields_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("ownerName");
    QTest::addColumn<int>("trackCount");
    QTest::addColumn<int>("isPublic");  // -1 unknown, 0 false, 1 true
    QTest::addColumn<bool>("collaborative");
    QTest::addColumn<QString>("imageUrl");

    const QByteArray head = R"({"id":"3sPyrAW9PVUMxL9i6QFbaV","name":"Core","snapshot_id":"s",)";
    QTest::newRow("owner without display name") << head + R"("owner":{"id":"u1","display_name":null},
        "items":{"href":"h","total":12},"public":false,"images":[]})"
                                                << "u1" << 12 << 0 << false << "";
    QTest::newRow("items total preferred over tracks total") << head + R"("owner":{"id":"u1"},
        "items":{"total":4},"tracks":{"total":9},"public":null,"images":null})"
                                                             << "u1" << 4 << -1 << false << "";
    QTest::newRow("items without total falls back to tracks") << head + R"("owner":{"id":"u1"},
        "items":{"href":"h"},"tracks":{"total":9}})"
                                                              << "u1" << 9 << -1 << false << "";
    QTest::newRow("no count at all") << head + R"("owner":{"id":"u1","display_name":"Ann"},
        "collaborative":true,"images":[{"url":"https://i.scdn.co/image/x","height":null}]})"
                                     << "Ann" << -1 << -1 << true << "https://i.scdn.co/image/x";
    QTest::newRow("negative total is no count") << head + R"("owner":{"id":"u1"},"items":{"total":-3}})"
                                                << "u1" << -1 << -1 << false << "";
}

void TestSpotifyJson::playlistFields()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, ownerName);
    QFETCH(int, trackCount);
    QFETCH(int, isPublic);
    QFETCH(bool, collaborative);
    QFETCH(QString, imageUrl);

    const QJsonObject object = objectOf(json);
    QVERIFY(!object.isEmpty());
    const Result<SpotifyPlaylist> playlist = playlistFromJson(object);
    QVERIFY2(playlist.ok(), qPrintable(playlist.ok() ? QString() : playlist.error().message));
    QCOMPARE(playlist->ownerId, QStringLiteral("u1"));
    QCOMPARE(playlist->ownerName, ownerName);
    QCOMPARE(playlist->trackCount, trackCount);
    QCOMPARE(playlist->isPublic.has_value() ? int(*playlist->isPublic) : -1, isPublic);
    QCOMPARE(playlist->collaborative, collaborative);
    QCOMPARE(playlist->imageUrl.toString(), imageUrl);
}

void TestSpotifyJson::readable_data()
{
    QTest::addColumn<QString>("ownerId");
    QTest::addColumn<bool>("collaborative");
    QTest::addColumn<QString>("userId");
    QTest::addColumn<bool>("readable");

    QTest::newRow("own") << "me" << false << "me" << true;
    QTest::newRow("someone else's") << "spotify" << false << "me" << false;
    QTest::newRow("collaborative, someone else's") << "friend" << true << "me" << true;
    QTest::newRow("unknown owner") << "" << false << "" << false;
    QTest::newRow("user not known yet") << "me" << false << "" << false;
}

void TestSpotifyJson::readable()
{
    QFETCH(QString, ownerId);
    QFETCH(bool, collaborative);
    QFETCH(QString, userId);
    QFETCH(bool, readable);

    SpotifyPlaylist playlist;
    playlist.ownerId = ownerId;
    playlist.collaborative = collaborative;
    QCOMPARE(isReadableBy(playlist, userId), readable);
    QCOMPARE(playlistNotReadableReason(),
             QStringLiteral("Spotify only gives apps the tracks of playlists you own or collaborate on."));
}

// --- GET /v1/playlists/{id} ---------------------------------------------------------------------

void TestSpotifyJson::playlistWithFirstPage_data()
{
    playlistsPage_data();
}

void TestSpotifyJson::playlistWithFirstPage()
{
    QFETCH(Shape, shape);
    LOAD_RECORDED(recorded, QStringLiteral("get_playlist.txt"));
    const QByteArray body = inShape(recorded, Body::Playlist, shape);

    const Result<SpotifyPlaylistDetail> detail = parsePlaylist(body);
    QVERIFY2(detail.ok(), qPrintable(detail.ok() ? QString() : detail.error().message));
    QCOMPARE(detail->playlist.id, QStringLiteral("1h9q8vXXDl2vHOmwdsuXms"));
    QCOMPARE(detail->playlist.name, QStringLiteral("Rap RU"));
    QCOMPARE(detail->playlist.ownerName, QStringLiteral("Antoine Egea"));
    QCOMPARE(detail->playlist.snapshotId, QStringLiteral("OCw3NGQ1M2Y5NjFiNGE5NmJmYjUxNmJlM2QzMzk2ZDNhYWZmY2NlNTJh"));
    QCOMPARE(detail->playlist.trackCount, 4);

    QVERIFY(detail->firstItems.has_value());
    const SpotifyItemsPage &items = *detail->firstItems;
    QCOMPARE(items.paging.total, 4);
    QCOMPARE(items.paging.limit, 100);
    QVERIFY(!items.paging.hasNext());
    QCOMPARE(items.skipped(), 0);
    QCOMPARE(int(items.tracks.size()), 4);

    const Track &arigato = items.tracks[1];
    QCOMPARE(arigato.id, QStringLiteral("4Z9Yokp1zpmlJhjrjzQpSz"));
    QCOMPARE(arigato.name, QString::fromUtf8("Аригато"));
    QCOMPARE(arigato.album, QStringLiteral("Antisocial"));
    QCOMPARE(arigato.albumId, QStringLiteral("4b7Qq8uzf3m9GnhITQ2KAF"));
    QCOMPARE(arigato.releaseDate, ReleaseDate::day(2020, 3, 15));
    QCOMPARE(arigato.durationMs, 130000);
    QCOMPARE(arigato.isrc, QStringLiteral("QZGLM2075725"));
    const Track &gta = items.tracks[3];
    QCOMPARE(gta.artists, QStringList({"Hugo Loud", "OFFMi"}));
    QCOMPARE(gta.isrc, QStringLiteral("FRX282016101"));

    if (shape == Shape::Recorded) {
        QCOMPARE(arigato.popularity, std::optional<int>(46));
        QCOMPARE(knownPopularities(items.tracks), 4);
    } else {
        QCOMPARE(knownPopularities(items.tracks), 0);
    }
}

// --- GET /v1/playlists/{id}/items ---------------------------------------------------------------

void TestSpotifyJson::itemsPage_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<Shape>("shape");
    QTest::addColumn<int>("tracks");
    QTest::addColumn<int>("episodes");
    QTest::addColumn<int>("total");
    QTest::addColumn<QString>("firstId");
    QTest::addColumn<QString>("lastId");

    for (Shape shape : {Shape::Recorded, Shape::Shape2026}) {
        const char *suffix = shape == Shape::Recorded ? "" : ", 2026 shape";
        QTest::addRow("tracks only%s", suffix)
            << "playlist_items_tracks.json" << shape << 2 << 0 << 2 << "5aFGo8wHEntVxFI8IF7Wuj"
            << "0j4FFgyRleA5IbWP4BmlIC";
        QTest::addRow("episodes and tracks%s", suffix)
            << "playlist_items_episodes_and_tracks.json" << shape << 2 << 2 << 4 << "5aFGo8wHEntVxFI8IF7Wuj"
            << "0j4FFgyRleA5IbWP4BmlIC";
        QTest::addRow("episodes only%s", suffix) << "playlist_items_episodes.json" << shape << 0 << 4 << 4 << ""
                                                 << "";
        // 40 songs; its entries carry the old "episode": false / "track": true flags.
        QTest::addRow("forty tracks%s", suffix)
            << "playlist_tracks.txt" << shape << 40 << 0 << 40 << "6hgoYQDUcPyCz7LcTUHKxa"
            << "013PVeWEFQio3XHFH9rIC6";
    }
}

void TestSpotifyJson::itemsPage()
{
    QFETCH(QString, file);
    QFETCH(Shape, shape);
    QFETCH(int, tracks);
    QFETCH(int, episodes);
    QFETCH(int, total);
    QFETCH(QString, firstId);
    QFETCH(QString, lastId);

    LOAD_RECORDED(recorded, file);
    const QByteArray body = inShape(recorded, Body::ItemsPage, shape);
    if (shape == Shape::Shape2026)
        QVERIFY(body.contains("\"item\":{") && !body.contains("\"popularity\""));

    const Result<SpotifyItemsPage> page = parsePlaylistItemsPage(body);
    QVERIFY2(page.ok(), qPrintable(page.ok() ? QString() : page.error().message));
    QCOMPARE(int(page->tracks.size()), tracks);
    QCOMPARE(page->episodes, episodes);
    QCOMPARE(page->localFiles, 0);
    QCOMPARE(page->nullEntries, 0);
    QCOMPARE(page->missingId, 0);
    QCOMPARE(page->malformed, 0);
    QCOMPARE(page->skipped(), episodes);
    QCOMPARE(page->paging.total, total);
    QCOMPARE(page->paging.offset, 0);
    QCOMPARE(page->paging.limit, 100);
    QVERIFY(!page->paging.hasNext());
    if (tracks > 0) {
        QCOMPARE(page->tracks.front().id, firstId);
        QCOMPARE(page->tracks.back().id, lastId);
    }
    QCOMPARE(knownPopularities(page->tracks), shape == Shape::Recorded ? tracks : 0);
}

void TestSpotifyJson::itemsPageTrackValues_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("position");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QStringList>("artists");
    QTest::addColumn<QString>("album");
    QTest::addColumn<QString>("albumId");
    QTest::addColumn<ReleaseDate>("released");
    QTest::addColumn<int>("durationMs");
    QTest::addColumn<QString>("isrc");
    QTest::addColumn<int>("popularity");  // as recorded; the 2026 shape has none

    QTest::newRow("Typhoons") << "playlist_items_tracks.json" << 0 << "5aFGo8wHEntVxFI8IF7Wuj"
                              << "Typhoons" << QStringList{"Royal Blood"} << "Typhoons"
                              << "05aqnnpYVOvsX0SIzmIuxi" << ReleaseDate::day(2021, 4, 30) << 236933 << "GBAHT2001121"
                              << 58;
    QTest::newRow("Beauty, after two episodes")
        << "playlist_items_episodes_and_tracks.json" << 1 << "0j4FFgyRleA5IbWP4BmlIC"
        << "Beauty" << QStringList{"Tigercub"} << "Beauty"
        << "2xe0gTFgZok8BDgUlkpRQ6" << ReleaseDate::day(2021, 1, 29) << 220324 << "QMFMF2010623" << 38;
    QTest::newRow("four artists in order")
        << "playlist_tracks.txt" << 10 << "3rb0tMq42WfggucPm0HHkA"
        << "Bad Memories (feat. Elley Duhé & FAST BOY)"
        << QStringList{"MEDUZA", "James Carter", "Elley Duhé", "FAST BOY"}
        << "Bad Memories (feat. Elley Duhé & FAST BOY)"
        << "44aG7QLYLGotCTlu5Fc2J7" << ReleaseDate::day(2022, 7, 22) << 148629 << "GBUM72203666" << 83;
    QTest::newRow("album differs from title")
        << "playlist_tracks.txt" << 38 << "23BO6YozrAXUta1buxFZ80"
        << "Humankind" << QStringList{"Coldplay"} << "Music Of The Spheres"
        << "06mXfvDsRZNfnsGZvX2zpb" << ReleaseDate::day(2021, 10, 15) << 266704 << "GBAYE2100945" << 68;
}

void TestSpotifyJson::itemsPageTrackValues()
{
    QFETCH(QString, file);
    QFETCH(int, position);
    QFETCH(QString, id);
    QFETCH(QString, name);
    QFETCH(QStringList, artists);
    QFETCH(QString, album);
    QFETCH(QString, albumId);
    QFETCH(ReleaseDate, released);
    QFETCH(int, durationMs);
    QFETCH(QString, isrc);
    QFETCH(int, popularity);

    LOAD_RECORDED(recorded, file);
    for (Shape shape : {Shape::Recorded, Shape::Shape2026}) {
        const Result<SpotifyItemsPage> page = parsePlaylistItemsPage(inShape(recorded, Body::ItemsPage, shape));
        QVERIFY(page.ok());
        QVERIFY(position < int(page->tracks.size()));
        const Track &track = page->tracks[std::size_t(position)];
        QCOMPARE(track.id, id);
        QCOMPARE(track.name, name);
        QCOMPARE(track.artists, artists);
        QCOMPARE(track.album, album);
        QCOMPARE(track.albumId, albumId);
        QCOMPARE(track.releaseDate, released);
        QCOMPARE(track.releaseDate.precision(), ReleaseDate::Precision::Day);
        QCOMPARE(track.durationMs, durationMs);
        QCOMPARE(track.isrc, isrc);
        if (shape == Shape::Recorded)
            QCOMPARE(track.popularity, std::optional<int>(popularity));
        else
            QVERIFY(!track.popularity.has_value());
    }
}

void TestSpotifyJson::itemsPageAlbumCovers()
{
    LOAD_RECORDED(recorded, "playlist_tracks.txt");
    for (Shape shape : {Shape::Recorded, Shape::Shape2026}) {
        const Result<SpotifyItemsPage> page = parsePlaylistItemsPage(inShape(recorded, Body::ItemsPage, shape));
        QVERIFY(page.ok());
        // Of 640, 300 and 64 pixels, the one that fits a 300-pixel square.
        QCOMPARE(page->albumCovers.value(QStringLiteral("06mXfvDsRZNfnsGZvX2zpb")),
                 QUrl(QStringLiteral("https://i.scdn.co/image/ab67616d00001e02ec10f247b100da1ce0d80b6d")));
        QSet<QString> albums;
        for (const Track &track : page->tracks)
            albums.insert(track.albumId);
        QCOMPARE(page->albumCovers.size(), albums.size());
    }

    // Only small images: the widest. A link that is no web address is none.
    QJsonObject page = objectOf(recorded);
    QJsonArray items = page.value(u"items").toArray();
    QJsonObject entry = items.at(0).toObject();
    QJsonObject track = entry.value(u"track").toObject();
    QJsonObject album = track.value(u"album").toObject();
    const auto image = [](const char *url, int width) {
        return QJsonObject{{QStringLiteral("url"), QLatin1String(url)},
                           {QStringLiteral("width"), width},
                           {QStringLiteral("height"), width}};
    };
    album.insert(QStringLiteral("images"),
                 QJsonArray{image("javascript:alert(1)", 640), image("https://img.test/64", 64),
                            image("https://img.test/120", 120)});
    track.insert(QStringLiteral("album"), album);
    entry.insert(QStringLiteral("track"), track);
    items.replace(0, entry);
    page.insert(QStringLiteral("items"), items);
    const Result<SpotifyItemsPage> parsed = parsePlaylistItemsPage(QJsonDocument(page).toJson());
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->albumCovers.value(album.value(u"id").toString()), QUrl(QStringLiteral("https://img.test/120")));
}

void TestSpotifyJson::itemsPageSameInBothShapes_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("playlist_items_tracks.json") << "playlist_items_tracks.json";
    QTest::newRow("playlist_items_episodes_and_tracks.json") << "playlist_items_episodes_and_tracks.json";
    QTest::newRow("playlist_tracks.txt") << "playlist_tracks.txt";
}

void TestSpotifyJson::itemsPageSameInBothShapes()
{
    QFETCH(QString, file);
    LOAD_RECORDED(recorded, file);

    const Result<SpotifyItemsPage> old = parsePlaylistItemsPage(recorded);
    const Result<SpotifyItemsPage> modern =
        parsePlaylistItemsPage(inShape(recorded, Body::ItemsPage, Shape::Shape2026));
    QVERIFY(old.ok() && modern.ok());
    QVERIFY(!old->tracks.empty());
    QCOMPARE(describeAll(modern->tracks), describeAll(old->tracks));
    QCOMPARE(modern->episodes, old->episodes);

    // With only `item` (no deprecated copy) the result is the same again.
    QJsonObject itemOnly = objectOf(inShape(recorded, Body::ItemsPage, Shape::Shape2026));
    QJsonArray entries;
    for (const QJsonValue &entry : itemOnly.value(u"items").toArray())
        entries.append(withoutField(entry.toObject(), QStringLiteral("track")));
    itemOnly.insert(QStringLiteral("items"), entries);
    const Result<SpotifyItemsPage> onlyItem = parsePlaylistItemsPage(bytesOf(itemOnly));
    QVERIFY(onlyItem.ok());
    QCOMPARE(describeAll(onlyItem->tracks), describeAll(old->tracks));
}

void TestSpotifyJson::playlistEntry_data()
{
    QTest::addColumn<QJsonValue>("entry");
    QTest::addColumn<QString>("kind");  // track, episode, local, null, missingId, malformed

    const QJsonObject track = minimalTrack();
    const auto entry = [](const QJsonValue &item, const QJsonValue &copy) {
        QJsonObject object{{QStringLiteral("added_at"), QStringLiteral("2021-09-09T06:43:33Z")},
                           {QStringLiteral("is_local"), false}};
        if (!item.isUndefined())
            object.insert(QStringLiteral("item"), item);
        if (!copy.isUndefined())
            object.insert(QStringLiteral("track"), copy);
        return QJsonValue(object);
    };
    const QJsonValue none = QJsonValue(QJsonValue::Undefined);
    const QJsonValue null = QJsonValue(QJsonValue::Null);

    QTest::newRow("item and track copy") << entry(track, track) << "track";
    QTest::newRow("item only") << entry(track, none) << "track";
    QTest::newRow("track only (before 2026)") << entry(none, track) << "track";
    QTest::newRow("item null, track given") << entry(null, track) << "track";
    QTest::newRow("item given, track null") << entry(track, null) << "track";
    QTest::newRow("both null") << entry(null, null) << "null";
    QTest::newRow("neither key") << entry(none, none) << "null";
    QTest::newRow("entry null") << null << "null";
    QTest::newRow("entry is a number") << QJsonValue(3) << "malformed";
    QTest::newRow("item is a string") << entry(QStringLiteral("spotify:track:x"), none) << "malformed";

    QTest::newRow("episode by type") << entry(withField(track, QStringLiteral("type"), QStringLiteral("episode")), none)
                                     << "episode";
    const QJsonObject showEpisode = withField(withoutField(track, QStringLiteral("type")), QStringLiteral("show"),
                                              QJsonObject{{QStringLiteral("name"), QStringLiteral("A show")}});
    QTest::newRow("episode by show") << entry(showEpisode, none) << "episode";

    QTest::newRow("local file, flagged on the entry only")
        << QJsonValue(withField(entry(track, none).toObject(), QStringLiteral("is_local"), true)) << "local";
    QTest::newRow("local file, as Spotify sends it") << QJsonValue(withField(
        entry(withField(withField(withField(track, QStringLiteral("id"), null), QStringLiteral("is_local"), true),
                        QStringLiteral("uri"), QStringLiteral("spotify:local:Artist:Album:Song:215")),
              none)
            .toObject(),
        QStringLiteral("is_local"), true)) << "local";
    QTest::newRow("local file, flagged on the track")
        << entry(withField(track, QStringLiteral("is_local"), true), none) << "local";
    QTest::newRow("local file, by uri only")
        << entry(withField(withField(track, QStringLiteral("id"), null), QStringLiteral("uri"),
                           QStringLiteral("spotify:local:::Voice+memo:12")),
                 none)
        << "local";

    QTest::newRow("id null") << entry(withField(track, QStringLiteral("id"), null), none) << "missingId";
    QTest::newRow("id absent") << entry(withoutField(track, QStringLiteral("id")), none) << "missingId";
    QTest::newRow("id too short") << entry(withField(track, QStringLiteral("id"), QStringLiteral("abc")), none)
                                  << "missingId";
    QTest::newRow("id with a slash")
        << entry(withField(track, QStringLiteral("id"), QStringLiteral("5aFGo8wHEntVxFI8IF7Wu/")), none) << "missingId";

    QTest::newRow("id is a number") << entry(withField(track, QStringLiteral("id"), 12), none) << "malformed";
    QTest::newRow("name is a number") << entry(withField(track, QStringLiteral("name"), 12), none) << "malformed";
    QTest::newRow("artists is an object")
        << entry(withField(track, QStringLiteral("artists"), QJsonObject{}), none) << "malformed";
    QTest::newRow("artist is a string")
        << entry(withField(track, QStringLiteral("artists"), QJsonArray{QStringLiteral("Royal Blood")}), none)
        << "malformed";
    QTest::newRow("album is a string")
        << entry(withField(track, QStringLiteral("album"), QStringLiteral("Typhoons")), none) << "malformed";
    QTest::newRow("duration is text")
        << entry(withField(track, QStringLiteral("duration_ms"), QStringLiteral("236933")), none) << "malformed";
    QTest::newRow("is_local is text")
        << QJsonValue(withField(entry(track, none).toObject(), QStringLiteral("is_local"), QStringLiteral("no")))
        << "malformed";
    QTest::newRow("unknown item type")
        << entry(withField(track, QStringLiteral("type"), QStringLiteral("audiobook")), none) << "malformed";
}

void TestSpotifyJson::playlistEntry()
{
    QFETCH(QJsonValue, entry);
    QFETCH(QString, kind);

    const QJsonObject good{{QStringLiteral("item"),
                            withField(minimalTrack(), QStringLiteral("id"), QStringLiteral("0j4FFgyRleA5IbWP4BmlIC"))}};

    const Result<SpotifyItemsPage> page = parsePlaylistItemsPage(pageAround(entry, good));
    QVERIFY2(page.ok(), qPrintable(page.ok() ? QString() : page.error().message));
    const bool isTrack = kind == u"track";
    QCOMPARE(int(page->tracks.size()), isTrack ? 2 : 1);
    QCOMPARE(page->tracks.back().id, QStringLiteral("0j4FFgyRleA5IbWP4BmlIC"));  // the page goes on
    QCOMPARE(page->episodes, kind == u"episode" ? 1 : 0);
    QCOMPARE(page->localFiles, kind == u"local" ? 1 : 0);
    QCOMPARE(page->nullEntries, kind == u"null" ? 1 : 0);
    QCOMPARE(page->missingId, kind == u"missingId" ? 1 : 0);
    QCOMPARE(page->malformed, kind == u"malformed" ? 1 : 0);
    QCOMPARE(page->skipped(), isTrack ? 0 : 1);
    if (isTrack) {
        const Track &first = page->tracks.front();
        QCOMPARE(first.id, QStringLiteral("5aFGo8wHEntVxFI8IF7Wuj"));
        QCOMPARE(first.artists, QStringList{QStringLiteral("Royal Blood")});
        QCOMPARE(first.isrc, QStringLiteral("GBAHT2001121"));
        QVERIFY(!first.popularity.has_value());
    }
}

void TestSpotifyJson::releaseDate_data()
{
    QTest::addColumn<QJsonValue>("date");
    QTest::addColumn<QJsonValue>("precision");
    QTest::addColumn<ReleaseDate>("expected");

    const QJsonValue none = QJsonValue(QJsonValue::Undefined);
    QTest::newRow("day") << QJsonValue("2021-04-30") << QJsonValue("day") << ReleaseDate::day(2021, 4, 30);
    QTest::newRow("month") << QJsonValue("1981-12") << QJsonValue("month") << ReleaseDate::month(1981, 12);
    QTest::newRow("year") << QJsonValue("1981") << QJsonValue("year") << ReleaseDate::year(1981);
    QTest::newRow("year precision over a full date")
        << QJsonValue("1981-01-01") << QJsonValue("year") << ReleaseDate::year(1981);
    QTest::newRow("month precision over a full date")
        << QJsonValue("1999-06-01") << QJsonValue("month") << ReleaseDate::month(1999, 6);
    QTest::newRow("day precision, text only a year")
        << QJsonValue("2012") << QJsonValue("day") << ReleaseDate::year(2012);
    QTest::newRow("no precision, inferred day") << QJsonValue("2012-06-14") << none << ReleaseDate::day(2012, 6, 14);
    QTest::newRow("no precision, inferred month") << QJsonValue("2012-06") << none << ReleaseDate::month(2012, 6);
    QTest::newRow("null precision, inferred year")
        << QJsonValue("2012") << QJsonValue(QJsonValue::Null) << ReleaseDate::year(2012);
    QTest::newRow("unknown precision word")
        << QJsonValue("2012-06") << QJsonValue("week") << ReleaseDate::month(2012, 6);
    QTest::newRow("year zero") << QJsonValue("0000") << QJsonValue("year") << ReleaseDate();
    QTest::newRow("no date") << none << none << ReleaseDate();
    QTest::newRow("not a date") << QJsonValue("soon") << QJsonValue("day") << ReleaseDate();
    QTest::newRow("impossible day") << QJsonValue("2021-02-30") << QJsonValue("day") << ReleaseDate();
}

void TestSpotifyJson::releaseDate()
{
    QFETCH(QJsonValue, date);
    QFETCH(QJsonValue, precision);
    QFETCH(ReleaseDate, expected);

    QJsonObject track = minimalTrack();
    QJsonObject album{{QStringLiteral("id"), QStringLiteral("05aqnnpYVOvsX0SIzmIuxi")},
                      {QStringLiteral("name"), QStringLiteral("Typhoons")}};
    if (!date.isUndefined())
        album.insert(QStringLiteral("release_date"), date);
    if (!precision.isUndefined())
        album.insert(QStringLiteral("release_date_precision"), precision);
    track.insert(QStringLiteral("album"), album);

    const Result<Track> parsed = trackFromJson(track);
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->releaseDate, expected);
    QCOMPARE(parsed->releaseDate.precision(), expected.precision());
}

// --- GET /v1/tracks -----------------------------------------------------------------------------

void TestSpotifyJson::singleTrack_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<Shape>("shape");
    QTest::newRow("find_track.txt") << "find_track.txt" << Shape::Recorded;
    QTest::newRow("find_track.txt, 2026 shape") << "find_track.txt" << Shape::Shape2026;
    QTest::newRow("integers written as floats") << "find_track_with_floats.txt" << Shape::Recorded;
}

void TestSpotifyJson::singleTrack()
{
    QFETCH(QString, file);
    QFETCH(Shape, shape);
    LOAD_RECORDED(recorded, file);

    const Result<Track> track = parseTrack(inShape(recorded, Body::Track, shape));
    QVERIFY2(track.ok(), qPrintable(track.ok() ? QString() : track.error().message));
    QCOMPARE(track->id, QStringLiteral("1zHlj4dQ8ZAtrayhuDDmkY"));
    QCOMPARE(track->name, QStringLiteral("Timber"));
    QCOMPARE(track->artists, QStringList({"Pitbull", "Ke$ha"}));
    QCOMPARE(track->primaryArtist(), QStringLiteral("Pitbull"));
    QCOMPARE(track->album, QStringLiteral("Timber"));
    QCOMPARE(track->albumId, QStringLiteral("3X33e7UII5loqrEgauOKEC"));
    QVERIFY(!track->releaseDate.isValid());  // this old answer's album has no release_date
    QCOMPARE(track->durationMs, 204053);
    QCOMPARE(track->isrc, QStringLiteral("USRC11301695"));
    QCOMPARE(track->popularity, shape == Shape::Recorded ? std::optional<int>(85) : std::nullopt);
}

void TestSpotifyJson::singleTrackRefusesNonSongs()
{
    LOAD_RECORDED(episode, QStringLiteral("get_episode.txt"));
    const Result<Track> fromEpisode = parseTrack(episode);
    QVERIFY(!fromEpisode.ok());
    QCOMPARE(fromEpisode.error().kind, ErrorKind::Parse);
    QVERIFY(fromEpisode.error().message.contains(u"episode"));

    const Result<Track> noId = trackFromJson(withField(minimalTrack(), QStringLiteral("id"), QJsonValue::Null));
    QVERIFY(!noId.ok());
    QCOMPARE(noId.error().kind, ErrorKind::Parse);

    const Result<Track> local = trackFromJson(withField(minimalTrack(), QStringLiteral("is_local"), true));
    QVERIFY(!local.ok());
    QCOMPARE(local.error().kind, ErrorKind::Parse);

    // ISRCs are normalised and anything that is not one is dropped, never passed on.
    const Result<Track> hyphens =
        trackFromJson(withField(minimalTrack(), QStringLiteral("external_ids"),
                                QJsonObject{{QStringLiteral("isrc"), QStringLiteral("gb-aht-20-01121")}}));
    QVERIFY(hyphens.ok());
    QCOMPARE(hyphens->isrc, QStringLiteral("GBAHT2001121"));
    const Result<Track> notIsrc = trackFromJson(withField(
        minimalTrack(), QStringLiteral("external_ids"), QJsonObject{{QStringLiteral("isrc"), QStringLiteral("n/a")}}));
    QVERIFY(notIsrc.ok());
    QVERIFY(notIsrc->isrc.isEmpty());
    // Popularity is kept only when it is a real 0..100 value.
    QCOMPARE(trackFromJson(withField(minimalTrack(), QStringLiteral("popularity"), 0))->popularity,
             std::optional<int>(0));
    QVERIFY(!trackFromJson(withField(minimalTrack(), QStringLiteral("popularity"), 250))->popularity.has_value());
}

void TestSpotifyJson::severalTracks_data()
{
    playlistsPage_data();
}

void TestSpotifyJson::severalTracks()
{
    QFETCH(Shape, shape);
    LOAD_RECORDED(recorded, QStringLiteral("find_tracks_notfound.txt"));

    const Result<std::vector<std::optional<Track>>> tracks = parseTracks(inShape(recorded, Body::Tracks, shape));
    QVERIFY2(tracks.ok(), qPrintable(tracks.ok() ? QString() : tracks.error().message));
    QCOMPARE(int(tracks->size()), 2);  // one per requested id
    QVERIFY(tracks->at(0).has_value());
    QVERIFY(!tracks->at(1).has_value());  // Spotify answered null: no such track
    const Track &brightside = *tracks->at(0);
    QCOMPARE(brightside.id, QStringLiteral("0eGsygTp906u18L0Oimnem"));
    QCOMPARE(brightside.name, QStringLiteral("Mr. Brightside"));
    QCOMPARE(brightside.artists, QStringList{QStringLiteral("The Killers")});
    QCOMPARE(brightside.album, QStringLiteral("Hot Fuss"));
    QCOMPARE(brightside.durationMs, 222075);
    QCOMPARE(brightside.isrc, QStringLiteral("USIR20400274"));
    QCOMPARE(brightside.popularity, shape == Shape::Recorded ? std::optional<int>(76) : std::nullopt);
}

// --- GET /v1/audio-features ---------------------------------------------------------------------

void TestSpotifyJson::audioFeatures_data()
{
    QTest::addColumn<int>("position");
    QTest::addColumn<Feature>("feature");
    QTest::addColumn<double>("value");

    QTest::newRow("first danceability") << 0 << Feature::Danceability << 0.808;
    QTest::newRow("first key") << 0 << Feature::Key << 7.0;
    QTest::newRow("first loudness") << 0 << Feature::Loudness << -12.733;
    QTest::newRow("first acousticness") << 0 << Feature::Acousticness << 0.00187;
    QTest::newRow("first tempo") << 0 << Feature::Tempo << 123.99;
    QTest::newRow("second key") << 1 << Feature::Key << 1.0;
    QTest::newRow("second speechiness") << 1 << Feature::Speechiness << 0.034;
    QTest::newRow("fourth instrumentalness") << 3 << Feature::Instrumentalness << 0.83;
    QTest::newRow("fourth valence") << 3 << Feature::Valence << 0.0748;
    QTest::newRow("fourth mode") << 3 << Feature::Mode << 1.0;
}

void TestSpotifyJson::audioFeatures()
{
    QFETCH(int, position);
    QFETCH(Feature, feature);
    QFETCH(double, value);
    LOAD_RECORDED(recorded, QStringLiteral("audio_features_from_audio_features_test_go.json"));

    const auto features = parseAudioFeatures(recorded);
    QVERIFY2(features.ok(), qPrintable(features.ok() ? QString() : features.error().message));
    QCOMPARE(int(features->size()), 4);
    QVERIFY(!features->at(2).has_value());  // null in the answer
    QCOMPARE(features->at(0)->trackId, QStringLiteral("4JpKVNYnVcJ8tuMKjAj50A"));
    QCOMPARE(features->at(1)->trackId, QStringLiteral("2NRANZE9UCmPAS5XVbXL40"));
    QCOMPARE(features->at(3)->trackId, QStringLiteral("24JygzOLM0EmRQeGtFcIcG"));

    const std::optional<SpotifyAudioFeatures> &entry = features->at(std::size_t(position));
    QVERIFY(entry.has_value());
    QVERIFY(entry->features.isComplete());
    for (Feature f : kAllFeatures)
        QCOMPARE(entry->features.source(f), FeatureSource::Spotify);
    QCOMPARE(entry->features.value(feature), float(value));
}

void TestSpotifyJson::audioFeaturesEntries_data()
{
    QTest::addColumn<QByteArray>("entry");
    QTest::addColumn<bool>("usable");
    QTest::addColumn<int>("known");  // features with a value
    QTest::addColumn<float>("key");  // NaN when unknown

    const float nan = std::nanf("");
    const QByteArray all = R"("danceability":0.5,"energy":0.5,"loudness":-6,"mode":0,"speechiness":0.1,
        "acousticness":0.2,"instrumentalness":0,"liveness":0.1,"valence":0.9,"tempo":120)";
    QTest::newRow("key -1: no key detected")
        << R"({"id":"4JpKVNYnVcJ8tuMKjAj50A","key":-1,)" + all + "}" << true << 11 << -1.0f;
    QTest::newRow("key absent") << R"({"id":"4JpKVNYnVcJ8tuMKjAj50A",)" + all + "}" << true << 10 << nan;
    QTest::newRow("key out of range") << R"({"id":"4JpKVNYnVcJ8tuMKjAj50A","key":12,)" + all + "}" << true << 10 << nan;
    QTest::newRow("loudness +500 dB, tempo -120")
        << QByteArray(R"({"id":"4JpKVNYnVcJ8tuMKjAj50A","key":3,"loudness":500,"tempo":-120,"energy":0.5})") << true
        << 2 << 3.0f;
    QTest::newRow("danceability above 1") << QByteArray(R"({"id":"4JpKVNYnVcJ8tuMKjAj50A","key":3,
        "danceability":1.5})") << true << 1
                                          << 3.0f;
    QTest::newRow("key as text") << R"({"id":"4JpKVNYnVcJ8tuMKjAj50A","key":"7",)" + all + "}" << false << 0 << nan;
    QTest::newRow("no id") << R"({"key":7,)" + all + "}" << false << 0 << nan;
    QTest::newRow("no features") << QByteArray(R"({"id":"4JpKVNYnVcJ8tuMKjAj50A","type":"audio_features"})") << false
                                 << 0 << nan;
    QTest::newRow("not an object") << QByteArray("[1,2]") << false << 0 << nan;
}

void TestSpotifyJson::audioFeaturesEntries()
{
    QFETCH(QByteArray, entry);
    QFETCH(bool, usable);
    QFETCH(int, known);
    QFETCH(float, key);

    const auto parsed = parseAudioFeatures(R"({"audio_features":[)" + entry + "]}");
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
    QCOMPARE(int(parsed->size()), 1);
    QCOMPARE(parsed->front().has_value(), usable);
    if (!usable)
        return;
    const AudioFeatures &features = parsed->front()->features;
    int count = 0;
    for (Feature f : kAllFeatures)
        count += features.has(f) ? 1 : 0;
    QCOMPARE(count, known);
    if (std::isnan(key)) {
        QVERIFY(!features.has(Feature::Key));
        QVERIFY(std::isnan(features.value(Feature::Key)));
    } else {
        QCOMPARE(features.value(Feature::Key), key);
        QCOMPARE(features.source(Feature::Key), FeatureSource::Spotify);
    }
}

// --- strictness ---------------------------------------------------------------------------------

void TestSpotifyJson::malformedBodies_data()
{
    QTest::addColumn<QString>("parser");  // "track" for parseTrack, "tracks" for parseTracks, ...
    QTest::addColumn<QByteArray>("body");

    const QString albumPath = apiFile(QStringLiteral("find_album.txt"));
    const QByteArray twice = readFile(albumPath);  // the album object twice, back to back
    const QByteArray playlists = readFile(apiFile(QStringLiteral("current_users_playlists.txt")));
    const QByteArray items = readFile(apiFile(QStringLiteral("playlist_items_tracks.json")));
    const QByteArray track = readFile(apiFile(QStringLiteral("find_track.txt")));

    for (const char *tag : {"user", "track", "tracks", "playlists", "playlist", "items", "features"}) {
        const QString name = QString::fromLatin1(tag);
        QTest::addRow("%s: find_album.txt, two objects", tag) << name << twice;
        QTest::addRow("%s: empty", tag) << name << QByteArray();
        QTest::addRow("%s: not JSON", tag) << name << QByteArray("<html>Bad gateway</html>");
        QTest::addRow("%s: top-level array", tag) << name << QByteArray("[{}]");
        QTest::addRow("%s: top-level string", tag) << name << QByteArray("\"items\"");
        QTest::addRow("%s: empty object", tag) << name << QByteArray("{}");
    }
    QTest::newRow("user: id is a number") << "user" << QByteArray(R"({"id":12})");
    QTest::newRow("user: no id") << "user" << QByteArray(R"({"display_name":"A"})");
    QTest::newRow("features: array not in object") << "features" << QByteArray("[null]");
    QTest::newRow("features: wrong type") << "features" << QByteArray(R"({"audio_features":{}})");

    QTest::newRow("track: garbage after the object") << "track" << track + "}";
    QTest::newRow("track: cut short") << "track" << track.left(track.size() / 2);
    QTest::newRow("playlists: page twice") << "playlists" << playlists + playlists;
    QTest::newRow("playlists: total is text")
        << "playlists" << QByteArray(playlists).replace("\"total\" : 42", "\"total\" : \"42\"");
    QTest::newRow("playlists: items is an object")
        << "playlists" << QByteArray(R"({"items":{},"total":0,"limit":50,"offset":0})");
    QTest::newRow("playlists: next is not a URL")
        << "playlists" << QByteArray(playlists).replace("\"next\" : \"https://api.spotify.com", "\"next\" : \"//");
    QTest::newRow("playlists: next is a number")
        << "playlists" << QByteArray(R"({"items":[],"total":0,"limit":50,"offset":0,"next":5})");
    QTest::newRow("items: no paging") << "items" << QByteArray(R"({"items":[]})");
    QTest::newRow("items: fractional offset")
        << "items" << QByteArray(R"({"items":[],"total":0,"limit":50,"offset":0.5})");
    QTest::newRow("items: cut short") << "items" << items.left(items.size() - 3);
    QTest::newRow("items: deeply nested") << "items" << QByteArray(5000, '[') + QByteArray(5000, ']');
    QTest::newRow("playlist: embedded page broken")
        << "playlist"
        << QByteArray(
               R"({"id":"1h9q8vXXDl2vHOmwdsuXms","name":"x","tracks":{"items":[],"total":"four","limit":100,"offset":0}})");
    QTest::newRow("playlist: id not a Spotify id") << "playlist" << QByteArray(R"({"id":"../me","name":"x"})");
}

void TestSpotifyJson::malformedBodies()
{
    QFETCH(QString, parser);
    QFETCH(QByteArray, body);
    for (const char *file :
         {"find_album.txt", "current_users_playlists.txt", "playlist_items_tracks.json", "find_track.txt"})
        ENCORE_REQUIRE_FILE(apiFile(QString::fromLatin1(file)));

    const std::optional<Error> error = parseWith(parser, body);
    QVERIFY2(error.has_value(), qPrintable(parser));
    QCOMPARE(error->kind, ErrorKind::Parse);
    QVERIFY(error->message.startsWith(u"Spotify sent "));
    QVERIFY(error->message.endsWith(u'.'));
}

void TestSpotifyJson::doubledAnswers_data()
{
    QTest::addColumn<QString>("parser");
    QTest::addColumn<QString>("file");

    QTest::newRow("track") << "track"
                           << "find_track.txt";
    QTest::newRow("tracks") << "tracks"
                            << "find_tracks_notfound.txt";
    QTest::newRow("playlists") << "playlists"
                               << "current_users_playlists.txt";
    QTest::newRow("playlist") << "playlist"
                              << "get_playlist.txt";
    QTest::newRow("items") << "items"
                           << "playlist_tracks.txt";
    QTest::newRow("features") << "features"
                              << "audio_features_from_audio_features_test_go.json";
}

// The fault find_album.txt has (one answer twice, back to back), on answers each parser accepts.
void TestSpotifyJson::doubledAnswers()
{
    QFETCH(QString, parser);
    QFETCH(QString, file);
    LOAD_RECORDED(once, file);

    QVERIFY(!parseWith(parser, once).has_value());
    QVERIFY(!parseWith(parser, once + "\n\n").has_value());  // trailing white space is fine
    const std::optional<Error> twice = parseWith(parser, once + once);
    QVERIFY(twice.has_value());
    QCOMPARE(twice->kind, ErrorKind::Parse);
}

// --- errors -------------------------------------------------------------------------------------

void TestSpotifyJson::errorMapping_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<ErrorKind>("kind");
    QTest::addColumn<QString>("message");

    QTest::newRow("401 expired token") << 401
                                       << QByteArray(R"({"error":{"status":401,"message":"The access token expired"}})")
                                       << ErrorKind::Auth << "Your Spotify sign-in has expired; please sign in again.";
    QTest::newRow("401 without body") << 401 << QByteArray() << ErrorKind::Auth
                                      << "Your Spotify sign-in has expired; please sign in again.";
    QTest::newRow("403 on /tracks, generic")
        << 403 << QByteArray(R"({"error":{"status":403,"message":"Forbidden"}})") << ErrorKind::Api
        << "Spotify refused this request; this app is not allowed to read it.";
    QTest::newRow("403 user not in the app's allowlist")
        << 403 << QByteArray(R"({"error":{"status":403,"message":"User not registered in the Developer Dashboard"}})")
        << ErrorKind::Api << "Spotify refused this request: User not registered in the Developer Dashboard.";
    QTest::newRow("404 editorial playlist")
        << 404 << QByteArray(R"({"error":{"status":404,"message":"Resource not found"}})") << ErrorKind::NotFound
        << "Spotify could not find this; it may have been removed, or be one of Spotify's own playlists, which "
           "apps cannot read.";
    QTest::newRow("429 quota")
        << 429 << QByteArray(R"({"error":{"status":429,"message":"Quota exceeded","reason":"QUOTA_EXCEEDED"}})")
        << ErrorKind::Quota
        << "This Spotify app has used up its daily developer quota; try again tomorrow or use another app.";
    QTest::newRow("429 rate limited")
        << 429 << QByteArray(R"({"error":{"status":429,"message":"API rate limit exceeded"}})")
        << ErrorKind::Unavailable << "Spotify is limiting how often this app may ask; try again in a minute.";
    QTest::newRow("429 no body") << 429 << QByteArray() << ErrorKind::Unavailable
                                 << "Spotify is limiting how often this app may ask; try again in a minute.";
    QTest::newRow("500") << 500 << QByteArray(R"({"error":{"status":500,"message":"Server error"}})")
                         << ErrorKind::Unavailable
                         << "Spotify is not answering properly at the moment; try again later.";
    QTest::newRow("502 with an HTML page")
        << 502 << QByteArray("<html><body>Bad Gateway</body></html>") << ErrorKind::Unavailable
        << "Spotify is not answering properly at the moment; try again later.";
    QTest::newRow("503") << 503 << QByteArray() << ErrorKind::Unavailable
                         << "Spotify is not answering properly at the moment; try again later.";
    QTest::newRow("invalid_grant, revoked")
        << 400 << QByteArray(R"({"error":"invalid_grant","error_description":"Refresh token revoked"})")
        << ErrorKind::Auth << "Your Spotify sign-in is no longer valid; please sign in again.";
    QTest::newRow("invalid_grant, bad code verifier")
        << 400 << QByteArray(R"({"error":"invalid_grant","error_description":"code_verifier was incorrect"})")
        << ErrorKind::Auth << "Your Spotify sign-in is no longer valid; please sign in again.";
    QTest::newRow("invalid_client")
        << 400 << QByteArray(R"({"error":"invalid_client","error_description":"Invalid client"})") << ErrorKind::Auth
        << "Spotify does not accept this app's client ID; check it in the Spotify settings.";
    QTest::newRow("invalid_request, redirect")
        << 400 << QByteArray(R"({"error":"invalid_request","error_description":"Invalid redirect URI"})")
        << ErrorKind::Auth << "Spotify refused the sign-in: Invalid redirect URI.";
    QTest::newRow("400 with a message") << 400 << QByteArray(R"({"error":{"status":400,"message":"Invalid limit"}})")
                                        << ErrorKind::Api << "Spotify refused this request: Invalid limit.";
    QTest::newRow("400 malformed") << 400 << QByteArray("{\"error\":") << ErrorKind::Parse
                                   << "Spotify sent an answer that Encore could not read.";
    QTest::newRow("400 error of wrong type") << 400 << QByteArray(R"({"error":42})") << ErrorKind::Parse
                                             << "Spotify sent an answer that Encore could not read.";
    QTest::newRow("418 not JSON") << 418 << QByteArray("teapot") << ErrorKind::Parse
                                  << "Spotify sent an answer that Encore could not read.";
    QTest::newRow("no answer at all") << 0 << QByteArray() << ErrorKind::Network
                                      << "Encore could not reach Spotify; check your internet connection.";
}

void TestSpotifyJson::errorMapping()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(ErrorKind, kind);
    QFETCH(QString, message);

    const Error error = errorFromResponse(status, body);
    QCOMPARE(errorKindName(error.kind), errorKindName(kind));
    QCOMPARE(error.message, message);
}

void TestSpotifyJson::errorMessagesHoldNoTokens_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("secret");

    const QString access = QStringLiteral("BQDxz2v4Ybc9mN0pQrStUvWxYz0123456789abcdefGHIJKLmnopQRSTuv-_");
    const QString refresh = QStringLiteral("AQC7s9Zk3xWq2Lm8Np4Rt6Vy0Bc1De5Fg9Hi3Jk7Lm2No6Pq0Rs4Tu8Vw");
    QTest::newRow("API message quoting a token")
        << 400 << QStringLiteral(R"({"error":{"status":400,"message":"Invalid access token %1"}})").arg(access).toUtf8()
        << access;
    QTest::newRow("403 quoting a token")
        << 403 << QStringLiteral(R"({"error":{"status":403,"message":"Token %1 lacks scope"}})").arg(access).toUtf8()
        << access;
    QTest::newRow("accounts description quoting a refresh token")
        << 400
        << QStringLiteral(R"({"error":"invalid_request","error_description":"Bad refresh_token %1"})")
               .arg(refresh)
               .toUtf8()
        << refresh;
    QTest::newRow("invalid_grant quoting a refresh token")
        << 400
        << QStringLiteral(R"({"error":"invalid_grant","error_description":"Refresh token %1 revoked"})")
               .arg(refresh)
               .toUtf8()
        << refresh;
}

void TestSpotifyJson::errorMessagesHoldNoTokens()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QString, secret);

    const Error error = errorFromResponse(status, body);
    QVERIFY(!error.message.isEmpty());
    QVERIFY(!error.message.contains(secret));
    QVERIFY(!error.message.contains(secret.left(16)));
    QVERIFY(error.message.endsWith(u'.'));
}

QTEST_GUILESS_MAIN(TestSpotifyJson)
#include "tst_spotifyjson.moc"
