#include "catalog/millionplaylist.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace encore;

namespace {

QString fixturePath()
{
    return QStringLiteral(ENCORE_TEST_DATA "/mpd/mpd.slice.0-2.json");
}

QByteArray fixture()
{
    QFile file(fixturePath());
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// A slice holding the given playlists (JSON objects written out).
QByteArray slice(const QByteArray &playlists)
{
    return R"({"info": {"slice": "0-999", "version": "v1"}, "playlists": [)" + playlists + "]}";
}

QByteArray entry(const QByteArray &uri)
{
    return R"({"pos": 0, "artist_name": "Survivor", "track_uri": ")" + uri
        + R"(", "track_name": "Eye of the Tiger", "album_uri": "spotify:album:4PNqHt3fFfCGRpmZI7XRMf",)"
          R"( "duration_ms": 243773, "album_name": "Eye of the Tiger"})";
}

const QByteArray kGoodUri = "spotify:track:2HHtWyy5CgaQbC7XSoOb0e";

const Track *trackById(const ImportBatch &batch, const QString &id)
{
    for (const Track &track : batch.tracks) {
        if (track.id == id)
            return &track;
    }
    return nullptr;
}

bool mentions(const std::vector<RejectedRow> &rows, const QString &text)
{
    return std::any_of(rows.begin(), rows.end(), [&](const RejectedRow &row) { return row.reason.contains(text); });
}

}  // namespace

class TestMillionPlaylist : public QObject {
    Q_OBJECT

private slots:
    void readsPlaylistsAndTheirTracks();
    void skipsWhatCannotBeReadAndSaysWhere();
    void leavesAnImpossibleDurationUnknown();
    void rejectsTextThatIsNoSlice_data();
    void rejectsTextThatIsNoSlice();
    void findsTheSlicesOfAFolderInNumberOrder();
    void tellsWhichPathsAreCollections();
};

void TestMillionPlaylist::readsPlaylistsAndTheirTracks()
{
    const QByteArray json = fixture();
    QVERIFY2(!json.isEmpty(), qPrintable(fixturePath()));
    const Result<ImportBatch> batch = readMillionPlaylistSlice(json, fixturePath());
    QVERIFY2(batch.ok(), batch ? "" : qPrintable(batch.error().message));

    QCOMPARE(batch->playlists.size(), std::size_t(3));
    const Playlist &throwbacks = batch->playlists[0];
    QCOMPARE(throwbacks.id, QStringLiteral("mpd:0"));
    QCOMPARE(throwbacks.name, QStringLiteral("Throwbacks"));
    QCOMPARE(throwbacks.origin, fixturePath());
    // "Toxic" is in it twice; a playlist holds each track once, where it first came.
    QCOMPARE(throwbacks.trackIds,
             (QStringList{QStringLiteral("0UaMYEvWZi0ZqiDOoHU3YI"), QStringLiteral("6I9VzXrHxO9rA9A5euc8Ak"),
                          QStringLiteral("0WqIKmW4BTrj3eJFmnCKMv")}));
    QCOMPARE(batch->playlists[1].id, QStringLiteral("mpd:1"));
    QCOMPARE(batch->playlists[2].name, QStringLiteral("korean"));

    QCOMPARE(batch->tracks.size(), std::size_t(4));
    QCOMPARE(batch->features.size(), batch->tracks.size());
    QVERIFY(std::all_of(batch->features.begin(), batch->features.end(),
                        [](const AudioFeatures &features) { return features.isEmpty(); }));
    const Track *crazy = trackById(*batch, QStringLiteral("0WqIKmW4BTrj3eJFmnCKMv"));
    QVERIFY(crazy);
    QCOMPARE(crazy->name, QStringLiteral("Crazy In Love"));
    QCOMPARE(crazy->artists, QStringList{QStringLiteral("Beyoncé")});
    QCOMPARE(crazy->album, QStringLiteral("Dangerously In Love (Alben für die Ewigkeit)"));
    QCOMPARE(crazy->albumId, QStringLiteral("25hVFAxTlDvXbx2X2QkUkE"));
    QCOMPARE(crazy->durationMs, 235933);
    QCOMPARE(batch->rowsRead, qint64(7));
    QVERIFY(batch->rejected.empty());
    QVERIFY(batch->valuesLeftOut.empty());
}

void TestMillionPlaylist::skipsWhatCannotBeReadAndSaysWhere()
{
    const QByteArray json =
        slice(R"({"name": "Mixed", "pid": 10, "tracks": [)" + entry("spotify:local:Artist:Album:Song:200") + ","
              + entry("spotify:album:4PNqHt3fFfCGRpmZI7XRMf") + "," + entry("") + R"(, 7, )" + entry(kGoodUri) + "]},"
              + R"({"name": "No number", "tracks": [)" + entry(kGoodUri) + "]},"
              + R"({"name": "Text number", "pid": "11", "tracks": [)" + entry(kGoodUri) + "]},"
              + R"({"name": "Half", "pid": 2.5, "tracks": [)" + entry(kGoodUri) + "]},"
              + R"({"name": "Again", "pid": 10, "tracks": [)" + entry(kGoodUri) + "]},"
              + R"({"name": "Empty", "pid": 12, "tracks": []},)" + R"("not a playlist")");
    const Result<ImportBatch> batch = readMillionPlaylistSlice(json, QStringLiteral("/data/mpd.slice.0-999.json"));
    QVERIFY(batch.ok());

    // What could be read is kept: one playlist with its one good track.
    QCOMPARE(batch->playlists.size(), std::size_t(1));
    QCOMPARE(batch->playlists[0].id, QStringLiteral("mpd:10"));
    QCOMPARE(batch->playlists[0].trackIds, QStringList{QStringLiteral("2HHtWyy5CgaQbC7XSoOb0e")});
    QCOMPARE(batch->tracks.size(), std::size_t(1));
    QCOMPARE(batch->rowsRead, qint64(9));

    QCOMPARE(batch->rejected.size(), std::size_t(10));
    QVERIFY(mentions(batch->rejected,
                     QStringLiteral("Playlist 1 (\"Mixed\"), track 1: not a Spotify track: \"spotify:local")));
    QVERIFY(mentions(batch->rejected, QStringLiteral("track 2: not a Spotify track: \"spotify:album:")));
    QVERIFY(mentions(batch->rejected, QStringLiteral("track 4: not a Spotify track: 7")));
    QVERIFY(mentions(batch->rejected, QStringLiteral("Playlist 2 (\"No number\") has no pid")));
    QVERIFY(mentions(batch->rejected, QStringLiteral("Playlist 3 (\"Text number\") has no pid")));
    QVERIFY(mentions(batch->rejected, QStringLiteral("Playlist 4 (\"Half\") has no pid")));
    QVERIFY(mentions(batch->rejected, QStringLiteral("Playlist 5 (\"Again\") repeats pid 10")));
    QVERIFY(mentions(batch->rejected, QStringLiteral("Playlist 6 (\"Empty\") has no tracks")));
    QVERIFY(mentions(batch->rejected, QStringLiteral("Playlist 7 is not a playlist")));
    for (const RejectedRow &row : batch->rejected)
        QCOMPARE(row.line, qint64(0));
}

void TestMillionPlaylist::leavesAnImpossibleDurationUnknown()
{
    QByteArray bad = entry(kGoodUri);
    bad.replace("243773", "-5");
    const Result<ImportBatch> batch = readMillionPlaylistSlice(
        slice(R"({"name": "A", "pid": 1, "tracks": [)" + bad + "]}"), QStringLiteral("s.json"));
    QVERIFY(batch.ok());
    QCOMPARE(batch->tracks.size(), std::size_t(1));
    QCOMPARE(batch->tracks[0].durationMs, 0);
    QCOMPARE(batch->valuesLeftOut.size(), std::size_t(1));
    QVERIFY2(batch->valuesLeftOut[0].reason.contains(QStringLiteral("duration_ms is not a length: -5")),
             qPrintable(batch->valuesLeftOut[0].reason));
}

void TestMillionPlaylist::rejectsTextThatIsNoSlice_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("is not valid JSON");
    QTest::newRow("cut short") << fixture().left(2000) << QStringLiteral("is not valid JSON");
    QTest::newRow("two objects") << QByteArray(R"({"playlists": []}{"playlists": []})")
                                 << QStringLiteral("is not valid JSON");
    QTest::newRow("CSV") << QByteArray("track_id,track_name\n") << QStringLiteral("is not valid JSON");
    QTest::newRow("an array") << QByteArray("[1, 2]") << QStringLiteral("has no \"playlists\" list");
    QTest::newRow("a Spotify answer") << QByteArray(R"({"items": [], "total": 0})")
                                      << QStringLiteral("has no \"playlists\" list");
    QTest::newRow("playlists not a list")
        << QByteArray(R"({"playlists": {"pid": 1}})") << QStringLiteral("has no \"playlists\" list");
}

void TestMillionPlaylist::rejectsTextThatIsNoSlice()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, message);
    const Result<ImportBatch> batch = readMillionPlaylistSlice(json, QStringLiteral("/data/odd.json"));
    QVERIFY(!batch.ok());
    QCOMPARE(batch.error().kind, ErrorKind::Parse);
    QVERIFY2(batch.error().message.contains(message), qPrintable(batch.error().message));
    QVERIFY2(batch.error().message.startsWith(QDir::toNativeSeparators(QStringLiteral("/data/odd.json"))),
             qPrintable(batch.error().message));
}

void TestMillionPlaylist::findsTheSlicesOfAFolderInNumberOrder()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QStringList names = {QStringLiteral("mpd.slice.10000-10999.json"), QStringLiteral("mpd.slice.0-999.json"),
                               QStringLiteral("mpd.slice.2000-2999.json"), QStringLiteral("README.md"),
                               QStringLiteral("md5sums")};
    for (const QString &name : names) {
        QFile file(dir.filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
    }
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("sub.json")));  // a folder is not a slice

    const Result<QStringList> slices = millionPlaylistSlices(dir.path());
    QVERIFY(slices.ok());
    QCOMPARE(*slices,
             (QStringList{dir.filePath(QStringLiteral("mpd.slice.0-999.json")),
                          dir.filePath(QStringLiteral("mpd.slice.2000-2999.json")),
                          dir.filePath(QStringLiteral("mpd.slice.10000-10999.json"))}));

    const Result<QStringList> one = millionPlaylistSlices(fixturePath());
    QVERIFY(one.ok());
    QCOMPARE(*one, QStringList{fixturePath()});

    QTemporaryDir empty;
    const Result<QStringList> none = millionPlaylistSlices(empty.path());
    QVERIFY(!none.ok());
    QCOMPARE(none.error().kind, ErrorKind::NotFound);
    QVERIFY(none.error().message.contains(QStringLiteral("no playlist slice files")));
}

void TestMillionPlaylist::tellsWhichPathsAreCollections()
{
    QTemporaryDir dir;
    QVERIFY(isMillionPlaylistSource(dir.path()));
    QVERIFY(isMillionPlaylistSource(fixturePath()));
    QVERIFY(isMillionPlaylistSource(QStringLiteral("/nowhere/MPD.SLICE.0-999.JSON")));
    QVERIFY(!isMillionPlaylistSource(QStringLiteral("/nowhere/songs.csv")));
    QVERIFY(!isMillionPlaylistSource(QStringLiteral("/nowhere/songs.csv.gz")));
    QVERIFY(!isMillionPlaylistSource(QStringLiteral("/nowhere/json")));
}

QTEST_GUILESS_MAIN(TestMillionPlaylist)
#include "tst_millionplaylist.moc"
