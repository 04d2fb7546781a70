#include "catalog/columnmap.h"

#include <QTest>

using namespace encore;

Q_DECLARE_METATYPE(encore::ArtistFormat)

class TestColumnMap : public QObject {
    Q_OBJECT

private slots:
    void normalizedHeader_data();
    void normalizedHeader();
    void idColumn_data();
    void idColumn();
    void tidyTuesday();
    void exportify();
    void olderExportify();
    void kaggle();
    void noFeatures();
    void repeatedColumnKeepsFirst();
};

void TestColumnMap::normalizedHeader_data()
{
    QTest::addColumn<QString>("header");
    QTest::addColumn<QString>("key");

    QTest::newRow("spaces") << "Track URI"
                            << "trackuri";
    QTest::newRow("underscore") << "track_uri"
                                << "trackuri";
    QTest::newRow("parentheses") << "Artist Name(s)"
                                 << "artistnames";
    QTest::newRow("unit") << "Track Duration (ms)"
                          << "trackdurationms";
    QTest::newRow("padded") << "  danceability "
                            << "danceability";
    QTest::newRow("upper case") << "TEMPO"
                                << "tempo";
}

void TestColumnMap::normalizedHeader()
{
    QFETCH(QString, header);
    QFETCH(QString, key);
    QCOMPARE(encore::normalizedHeader(header), key);
}

void TestColumnMap::idColumn_data()
{
    QTest::addColumn<QStringList>("header");
    QTest::addColumn<int>("column");  // the preferred id column, -1 for none

    QTest::newRow("track_id") << QStringList{"track_name", "track_id"} << 1;
    QTest::newRow("uri") << QStringList{"name", "uri"} << 1;
    QTest::newRow("id") << QStringList{"id", "name"} << 0;
    QTest::newRow("track_uri") << QStringList{"track_uri"} << 0;
    QTest::newRow("Track URI") << QStringList{"Track Name", "Track URI"} << 1;
    QTest::newRow("Track ID") << QStringList{"Track ID"} << 0;
    QTest::newRow("track_id before uri") << QStringList{"uri", "track_id"} << 1;
    QTest::newRow("album and artist uris are not track ids")
        << QStringList{"Track Name", "Album URI", "Artist URI(s)"} << -1;
    QTest::newRow("id_artists is not a track id") << QStringList{"name", "id_artists"} << -1;
    QTest::newRow("empty header") << QStringList{} << -1;
}

void TestColumnMap::idColumn()
{
    QFETCH(QStringList, header);
    QFETCH(int, column);

    const ColumnMap map = ColumnMap::fromHeader(header);
    QCOMPARE(map.hasIdColumn(), column >= 0);
    if (column >= 0)
        QCOMPARE(map.idColumns.front(), column);
}

void TestColumnMap::tidyTuesday()
{
    const QStringList header =
        QString("track_id,track_name,track_artist,track_popularity,track_album_id,track_album_name,"
                "track_album_release_date,playlist_name,playlist_id,playlist_genre,playlist_subgenre,"
                "danceability,energy,key,loudness,mode,speechiness,acousticness,instrumentalness,liveness,"
                "valence,tempo,duration_ms")
            .split(',');
    const ColumnMap map = ColumnMap::fromHeader(header);
    QCOMPARE(map.idColumns, std::vector<int>{0});
    QCOMPARE(map.name, 1);
    QCOMPARE(map.artists, 2);
    QCOMPARE(map.artistFormat, ArtistFormat::Credits);
    QCOMPARE(map.popularity, 3);
    QCOMPARE(map.albumId, 4);
    QCOMPARE(map.album, 5);
    QCOMPARE(map.releaseDate, 6);
    QCOMPARE(map.playlistName, 7);
    QCOMPARE(map.playlistId, 8);
    QCOMPARE(map.genre, 9);
    QVERIFY(!map.genreIsList);
    QCOMPARE(map.durationMs, 22);
    QCOMPARE(map.isrc, -1);
    for (Feature feature : kAllFeatures)
        QCOMPARE(map.featureColumn(feature), 11 + index(feature));
    QVERIFY(map.hasPlaylistColumns());
    QVERIFY(map.hasFeatureColumns());
}

void TestColumnMap::exportify()
{
    const QStringList header =
        QString("Track URI,Track Name,Artist URI(s),Artist Name(s),Album URI,Album Name,Album Artist URI(s),"
                "Album Artist Name(s),Album Release Date,Album Image URL,Disc Number,Track Number,"
                "Track Duration (ms),Track Preview URL,Explicit,Popularity,ISRC,Added By,Added At,Genres,"
                "Record Label,Danceability,Energy,Key,Loudness,Mode,Speechiness,Acousticness,"
                "Instrumentalness,Liveness,Valence,Tempo,Time Signature")
            .split(',');
    const ColumnMap map = ColumnMap::fromHeader(header);
    QCOMPARE(map.idColumns, std::vector<int>{0});
    QCOMPARE(map.name, 1);
    QCOMPARE(map.artists, 3);
    QCOMPARE(map.artistFormat, ArtistFormat::EscapedCommas);
    QCOMPARE(map.albumId, 4);
    QCOMPARE(map.album, 5);
    QCOMPARE(map.releaseDate, 8);
    QCOMPARE(map.durationMs, 12);
    QCOMPARE(map.popularity, 15);
    QCOMPARE(map.isrc, 16);
    QCOMPARE(map.genre, 19);
    QVERIFY(map.genreIsList);
    QCOMPARE(map.featureColumn(Feature::Danceability), 21);
    QCOMPARE(map.featureColumn(Feature::Tempo), 31);
    QVERIFY(!map.hasPlaylistColumns());
    QCOMPARE(map.headerName(21), QStringLiteral("Danceability"));
}

void TestColumnMap::olderExportify()
{
    const QStringList header{"Spotify ID",  "Artist IDs",           "Track Name",   "Album Name",
                             "Artist Name", "Album Artist Name(s)", "Duration (ms)"};
    const ColumnMap map = ColumnMap::fromHeader(header);
    QCOMPARE(map.idColumns, std::vector<int>{0});
    QCOMPARE(map.artists, 4);  // the track's artists, not the album's
    QCOMPARE(map.artistFormat, ArtistFormat::EscapedCommas);
    QCOMPARE(map.durationMs, 6);

    const ColumnMap albumArtistsOnly = ColumnMap::fromHeader({"Track URI", "Album Artist Name(s)"});
    QCOMPARE(albumArtistsOnly.artists, 1);
}

void TestColumnMap::kaggle()
{
    const QStringList header =
        QString("acousticness,artists,danceability,duration_ms,energy,explicit,id,instrumentalness,key,"
                "liveness,loudness,mode,name,popularity,release_date,speechiness,tempo,valence,year")
            .split(',');
    const ColumnMap map = ColumnMap::fromHeader(header);
    QCOMPARE(map.idColumns, std::vector<int>{6});
    QCOMPARE(map.artists, 1);
    QCOMPARE(map.artistFormat, ArtistFormat::List);
    QCOMPARE(map.name, 12);
    QCOMPARE(map.releaseDate, 14);  // release_date is more precise than year
    QCOMPARE(map.featureColumn(Feature::Acousticness), 0);
    QCOMPARE(map.featureColumn(Feature::Valence), 17);
}

void TestColumnMap::noFeatures()
{
    const ColumnMap map = ColumnMap::fromHeader({"uri", "name"});
    QVERIFY(!map.hasFeatureColumns());
    for (Feature feature : kAllFeatures)
        QCOMPARE(map.featureColumn(feature), -1);
}

void TestColumnMap::repeatedColumnKeepsFirst()
{
    const ColumnMap map = ColumnMap::fromHeader({"id", "energy", "Energy"});
    QCOMPARE(map.featureColumn(Feature::Energy), 1);
}

QTEST_GUILESS_MAIN(TestColumnMap)
#include "tst_columnmap.moc"
