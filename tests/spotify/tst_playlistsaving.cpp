#include "spotify/playlistsaving.h"

#include <QTest>

using namespace encore;

namespace {

Track track(const QString &id, const QString &name = QStringLiteral("Song"))
{
    Track result;
    result.id = id;
    result.name = name;
    result.artists = {QStringLiteral("Artist")};
    return result;
}

QString idOf(int i)
{
    return QStringLiteral("T%1").arg(i, 21, 10, QLatin1Char('0'));
}

// A save of `count` songs that is complete, to a new playlist or an existing one.
SpotifyPlaylistSave completeSave(bool created, int count, QStringList snapshots)
{
    SpotifyPlaylistSave save;
    save.playlistId = QStringLiteral("P000000000000000000000");
    save.createdHere = created;
    save.playlist.id = save.playlistId;
    save.playlist.name = QStringLiteral("Encore: like “Song”");
    for (int i = 0; i < count; ++i)
        save.uris.append(QStringLiteral("spotify:track:") + idOf(i));
    save.added = count;
    save.snapshotIds = std::move(snapshots);
    return save;
}

}  // namespace

// What saving to Spotify decides without Spotify: the name and description offered, which songs
// can be saved as they are, and the library's copy of the playlist afterwards.
class TestPlaylistSaving : public QObject {
    Q_OBJECT

private slots:
    void namesSayTheSeed_data()
    {
        QTest::addColumn<QString>("title");
        QTest::addColumn<bool>("isPlaylist");
        QTest::addColumn<QString>("name");
        QTest::newRow("song") << QStringLiteral("Rolling In The Deep") << false
                              << QStringLiteral("Encore: like “Rolling In The Deep”");
        QTest::newRow("playlist") << QStringLiteral("Roadtrip") << true
                                  << QStringLiteral("Encore: more like “Roadtrip”");
        QTest::newRow("long title")
            << QString(120, QLatin1Char('a')) << false
            << QStringLiteral("Encore: like “") + QString(79, QLatin1Char('a')) + QChar(0x2026) + QChar(0x201D);
    }
    void namesSayTheSeed()
    {
        QFETCH(QString, title);
        QFETCH(bool, isPlaylist);
        QFETCH(QString, name);
        const SaveSeed seed{title, QStringLiteral("Adele"), isPlaylist, QStringLiteral("hybrid"), {}};
        QCOMPARE(savedPlaylistName(seed), name);
        QVERIFY(savedPlaylistName(seed).size() <= 100);
        const QString description = savedPlaylistDescription(seed);
        QVERIFY(description.contains(QLatin1String("(hybrid)")));
        QCOMPARE(description.contains(QLatin1String("Adele")), !isPlaylist);
    }

    void aKeptListKeepsItsName()
    {
        SaveSeed seed;
        seed.listName = QStringLiteral("Liked in Encore");
        QCOMPARE(savedPlaylistName(seed), QStringLiteral("Liked in Encore"));
        QCOMPARE(savedPlaylistDescription(seed), QStringLiteral("“Liked in Encore”, saved from Encore."));
    }

    void onlySpotifyIdsAreSavedAsTheyAre()
    {
        const std::vector<Track> tracks{track(idOf(1)), track(QString()), track(QStringLiteral("not-an-id")),
                                        track(idOf(2))};
        const SpotifyUriSplit split = splitBySpotifyId(tracks);
        QCOMPARE(split.uris,
                 (QStringList{QStringLiteral("spotify:track:") + idOf(1), QStringLiteral("spotify:track:") + idOf(2)}));
        QCOMPARE(int(split.withoutId.size()), 2);

        std::vector<Track> notFound;
        const SpotifyUriSplit merged =
            withFoundTracks(tracks, {std::nullopt, track(idOf(9), QStringLiteral("Found"))}, notFound);
        QCOMPARE(merged.uris,
                 (QStringList{QStringLiteral("spotify:track:") + idOf(1), QStringLiteral("spotify:track:") + idOf(9),
                              QStringLiteral("spotify:track:") + idOf(2)}));
        QCOMPARE(int(notFound.size()), 1);
        QVERIFY(notFound.front().id.isEmpty());
    }

    void aNewPlaylistIsKeptWithItsLastVersion()
    {
        const SpotifyPlaylistSave save = completeSave(true, 3, {QStringLiteral("v1")});
        const std::vector<Track> saved{track(idOf(0)), track(idOf(1)), track(idOf(2))};
        const std::optional<ImportBatch> batch = savedPlaylistBatch(save, saved, {}, std::nullopt);
        QVERIFY(batch.has_value());
        QCOMPARE(int(batch->playlists.size()), 1);
        const Playlist &playlist = batch->playlists.front();
        QCOMPARE(playlist.id, save.playlistId);
        QCOMPARE(playlist.name, save.playlist.name);
        QCOMPARE(playlist.origin, QStringLiteral("spotify"));
        QCOMPARE(playlist.snapshotId, QStringLiteral("v1"));
        QCOMPARE(playlist.trackIds, (QStringList{idOf(0), idOf(1), idOf(2)}));
    }

    void anExistingPlaylistIsKeptOnlyWhenTheLibraryHadItsVersion_data()
    {
        QTest::addColumn<QString>("storedSnapshot");
        QTest::addColumn<bool>("kept");
        QTest::newRow("the version listed") << QStringLiteral("before") << true;
        QTest::newRow("an older version") << QStringLiteral("older") << false;
    }
    void anExistingPlaylistIsKeptOnlyWhenTheLibraryHadItsVersion()
    {
        QFETCH(QString, storedSnapshot);
        QFETCH(bool, kept);
        const SpotifyPlaylistSave save = completeSave(false, 2, {QStringLiteral("after")});
        SpotifyPlaylist listed;
        listed.id = save.playlistId;
        listed.name = QStringLiteral("Mine");
        listed.snapshotId = QStringLiteral("before");
        Playlist stored;
        stored.id = save.playlistId;
        stored.name = listed.name;
        stored.snapshotId = storedSnapshot;
        stored.origin = QStringLiteral("spotify");
        stored.trackIds = {idOf(7), idOf(8)};
        const std::optional<ImportBatch> batch =
            savedPlaylistBatch(save, {track(idOf(0)), track(idOf(1))}, listed, stored);
        QCOMPARE(batch.has_value(), kept);
        if (!kept)
            return;
        QCOMPARE(batch->playlists.front().trackIds, (QStringList{idOf(7), idOf(8), idOf(0), idOf(1)}));
        QCOMPARE(batch->playlists.front().snapshotId, QStringLiteral("after"));
        QCOMPARE(batch->playlists.front().name, QStringLiteral("Mine"));
    }

    void nothingIsKeptWithoutTheLastVersion_data()
    {
        QTest::addColumn<int>("added");
        QTest::addColumn<QStringList>("snapshots");
        QTest::newRow("half-way") << 1 << QStringList{QStringLiteral("v1")};
        QTest::newRow("last answer lost") << 2 << QStringList{QStringLiteral("v1"), QString()};
    }
    void nothingIsKeptWithoutTheLastVersion()
    {
        QFETCH(int, added);
        QFETCH(QStringList, snapshots);
        SpotifyPlaylistSave save = completeSave(true, 2, snapshots);
        save.added = added;
        QVERIFY(!savedPlaylistBatch(save, {track(idOf(0)), track(idOf(1))}, {}, std::nullopt).has_value());
    }
};

QTEST_GUILESS_MAIN(TestPlaylistSaving)
#include "tst_playlistsaving.moc"
