#include "catalog/catalogimporter.h"
#include "catalogfixtures.h"
#include "testsupport.h"

#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QMap>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <memory>

using namespace encore;

Q_DECLARE_METATYPE(encore::ReleaseDate)

namespace {

const QByteArray kTidyHeader =
    "track_id,track_name,track_artist,track_popularity,track_album_id,track_album_name,"
    "track_album_release_date,playlist_name,playlist_id,playlist_genre,playlist_subgenre,"
    "danceability,energy,key,loudness,mode,speechiness,acousticness,instrumentalness,liveness,"
    "valence,tempo,duration_ms";
const QByteArray kFeatures = "0.748,0.916,6,-2.634,1,0.0583,0.102,0,0.0653,0.518,122.036";

// A valid, recognisable Spotify id: "t" and 21 digits.
QByteArray trackId(int n)
{
    return "t" + QByteArray::number(n).rightJustified(21, '0');
}

QByteArray playlistId(int n)
{
    return "p" + QByteArray::number(n).rightJustified(21, '0');
}

// One TidyTuesday-style line (no line end).
QByteArray tidyRow(const QByteArray &id, const QByteArray &name = "Song", const QByteArray &playlist = "Mix",
                   const QByteArray &playlistIdCell = playlistId(1), const QByteArray &features = kFeatures,
                   const QByteArray &date = "2019-06-14")
{
    return id + "," + name + ",Artist,66,a000000000000000000001,Album," + date + "," + playlist + "," + playlistIdCell
        + ",pop,dance pop," + features + ",194754";
}

using Lines = QList<qint64>;

QByteArray lines(const QList<QByteArray> &rows, const QByteArray &end = "\n")
{
    QByteArray text;
    for (const QByteArray &row : rows)
        text += row + end;
    return text;
}

const Track *findTrack(const ImportBatch &batch, const QString &id)
{
    for (const Track &track : batch.tracks)
        if (track.id == id)
            return &track;
    return nullptr;
}

const AudioFeatures *findFeatures(const ImportBatch &batch, const QString &id)
{
    for (std::size_t i = 0; i < batch.tracks.size(); ++i)
        if (batch.tracks[i].id == id)
            return &batch.features[i];
    return nullptr;
}

const Playlist *findPlaylist(const ImportBatch &batch, const QString &id)
{
    for (const Playlist &playlist : batch.playlists)
        if (playlist.id == id)
            return &playlist;
    return nullptr;
}

QStringList ids(std::initializer_list<int> numbers)
{
    QStringList list;
    for (int n : numbers)
        list.push_back(QString::fromLatin1(trackId(n)));
    return list;
}

}  // namespace

// Imports `path` into `batch` (a const ImportBatch &), failing the test with the error message.
#define IMPORT_OK(batch, path)                                                                                         \
    Result<ImportBatch> batch##Result = CatalogImporter().importFile(path);                                            \
    QVERIFY2(batch##Result.ok(), batch##Result.ok() ? "" : qPrintable(batch##Result.error().message));                 \
    const ImportBatch &batch = *batch##Result

class TestCatalogImporter : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void tidyTuesdayRow();
    void idColumns_data();
    void idColumns();
    void crlfWithoutFinalNewline();
    void quotedFieldsKeepLineNumbers();
    void byteOrderMark();
    void exportify_data();
    void exportify();
    void kaggleArtistList();
    void credits_data();
    void credits();
    void creditsKnownToTheLibrary();
    void missingFeatureStaysMissing_data();
    void missingFeatureStaysMissing();
    void noFeatureColumns();
    void naText();
    void releaseDatePrecision_data();
    void releaseDatePrecision();
    void keepsUnusualValues();
    void outOfRangeValuesLeftUnknown();
    void gzipInput_data();
    void gzipInput();
    void rejectedRows_data();
    void rejectedRows();
    void rejectedRowsKeepOrderAndLines();
    void runawayQuote_data();
    void runawayQuote();
    void extraEmptyFieldsAreFine();
    void filePlaylist();
    void filePlaylistIdDependsOnPath();
    void playlistColumns_data();
    void playlistColumns();
    void trackInTwoPlaylists();
    void rowsWithoutPlaylistGoToFilePlaylist();
    void firstOccurrenceWins();
    void playlistMembership_data();
    void playlistMembership();
    void manyRows();
    void progressReachesTotal();
    void cancel_data();
    void cancel();
    void unreadableFile_data();
    void unreadableFile();
    void missingIdColumn();
    void emptyFile();
    void unusableFilesSayWhatTheyAre_data();
    void unusableFilesSayWhatTheyAre();
    void realCatalog();

private:
    QString write(const QString &name, const QByteArray &bytes)
    {
        return test::writeFixture(QDir(m_dir->path()), name, bytes);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestCatalogImporter::initTestCase()
{
    // The importer logs a summary line per file; keep test output to results.
    QLoggingCategory::setFilterRules(QStringLiteral("encore.catalog.debug=false"));
}

void TestCatalogImporter::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestCatalogImporter::tidyTuesdayRow()
{
    const QString path =
        write("tidy.csv",
              lines({
                  kTidyHeader,
                  "7KA4W4McWYRpgf0fWsJZWB,EARFQUAKE,\"Tyler, The Creator\",85,5zi7WsKlIiUXv09tbGLKsE,IGOR,"
                  "2019-05-17,Hip Hop Hits,37i9dQZF1DX0XUsuxWHRQd,rap,hip hop,"
                  "0.554,0.498,8,-8.866,1,0.0685,0.23,5.84e-06,0.795,0.413,79.635,190067",
              }));
    IMPORT_OK(batch, path);

    QCOMPARE(batch.rowsRead, 1);
    QVERIFY(batch.rejected.empty());
    QCOMPARE(batch.tracks.size(), std::size_t(1));
    QCOMPARE(batch.features.size(), std::size_t(1));
    const Track &track = batch.tracks.front();
    QCOMPARE(track.id, QStringLiteral("7KA4W4McWYRpgf0fWsJZWB"));
    QCOMPARE(track.name, QStringLiteral("EARFQUAKE"));
    QCOMPARE(track.artists, QStringList{"Tyler, The Creator"});  // track_artist is one name
    QCOMPARE(track.album, QStringLiteral("IGOR"));
    QCOMPARE(track.albumId, QStringLiteral("5zi7WsKlIiUXv09tbGLKsE"));
    QCOMPARE(track.releaseDate, ReleaseDate::day(2019, 5, 17));
    QCOMPARE(track.durationMs, 190067);
    QCOMPARE(track.popularity, std::optional<int>(85));
    QCOMPARE(track.genre, QStringLiteral("rap"));
    QVERIFY(track.isrc.isEmpty());

    const AudioFeatures &f = batch.features.front();
    QVERIFY(f.isComplete());
    QCOMPARE(f.value(Feature::Danceability), 0.554f);
    QCOMPARE(f.value(Feature::Key), 8.0f);
    QCOMPARE(f.value(Feature::Loudness), -8.866f);
    QCOMPARE(f.value(Feature::Instrumentalness), 5.84e-06f);
    QCOMPARE(f.value(Feature::Tempo), 79.635f);
    for (Feature feature : kAllFeatures)
        QCOMPARE(f.source(feature), FeatureSource::Catalog);

    QCOMPARE(batch.sourcePath, QFileInfo(path).canonicalFilePath());
    QCOMPARE(batch.playlists.size(), std::size_t(1));
    QCOMPARE(batch.playlists.front().id, QStringLiteral("37i9dQZF1DX0XUsuxWHRQd"));
    QCOMPARE(batch.playlists.front().name, QStringLiteral("Hip Hop Hits"));
    QCOMPARE(batch.playlists.front().trackIds, QStringList{"7KA4W4McWYRpgf0fWsJZWB"});
}

void TestCatalogImporter::idColumns_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QByteArray>("cell");

    const QByteArray id = "6f807x0ima9a1j3VPbc7VN";
    QTest::newRow("uri") << QByteArray("uri") << "spotify:track:" + id;
    QTest::newRow("id") << QByteArray("id") << id;
    QTest::newRow("track_uri") << QByteArray("track_uri") << "spotify:track:" + id;
    QTest::newRow("Track URI") << QByteArray("Track URI") << "spotify:track:" + id;
    QTest::newRow("Track ID") << QByteArray("Track ID") << id;
    QTest::newRow("TRACK_ID") << QByteArray("TRACK_ID") << id;
    QTest::newRow("link in id column") << QByteArray("id")
                                       << "https://open.spotify.com/track/" + id + "?si=4e1c6b0e1fa94b2b";
    QTest::newRow("quoted link") << QByteArray("Track URI") << "\"https://open.spotify.com/intl-fr/track/" + id + "\"";
}

void TestCatalogImporter::idColumns()
{
    QFETCH(QByteArray, header);
    QFETCH(QByteArray, cell);

    const QString path = write("ids.csv", "name," + header + ",energy\nSong," + cell + ",0.5\n");
    IMPORT_OK(batch, path);
    QVERIFY(batch.rejected.empty());
    QCOMPARE(batch.tracks.size(), std::size_t(1));
    QCOMPARE(batch.tracks.front().id, QStringLiteral("6f807x0ima9a1j3VPbc7VN"));
    QCOMPARE(batch.tracks.front().name, QStringLiteral("Song"));
    QCOMPARE(batch.features.front().value(Feature::Energy), 0.5f);
}

void TestCatalogImporter::crlfWithoutFinalNewline()
{
    QByteArray text =
        lines({kTidyHeader, tidyRow(trackId(1), "First"), tidyRow("bad", "Bad"), tidyRow(trackId(2), "Last")}, "\r\n");
    text.chop(2);  // no line end after the last row
    IMPORT_OK(batch, write("crlf.csv", text));

    QCOMPARE(batch.rowsRead, 3);
    QCOMPARE(batch.tracks.size(), std::size_t(2));
    QCOMPARE(batch.tracks[1].name, QStringLiteral("Last"));
    QCOMPARE(batch.tracks[1].durationMs, 194754);  // the last field has no stray \r
    QCOMPARE(batch.features[1].value(Feature::Tempo), 122.036f);
    QCOMPARE(batch.rejected.size(), std::size_t(1));
    QCOMPARE(batch.rejected.front().line, 3);
}

void TestCatalogImporter::quotedFieldsKeepLineNumbers()
{
    const QString path = write("quoted.csv",
                               lines({
                                   kTidyHeader,                                                        // line 1
                                   tidyRow(trackId(1), "\"Hello, \"\"World\"\"\""),                    // line 2
                                   tidyRow(trackId(2), "\"Two\nLines\""),                              // lines 3-4
                                   tidyRow(trackId(3), "\"Three\r\nLine\nName\""),                     // lines 5-7
                                   tidyRow("", "No id"),                                               // line 8
                                   tidyRow(trackId(4), "\"Quoted, \"\"last\"\"\""),                    // line 9
                                   tidyRow(trackId(5), "Bad", "Mix", playlistId(1), "x" + kFeatures),  // line 10
                               }));
    IMPORT_OK(batch, path);

    QCOMPARE(batch.rowsRead, 6);
    QCOMPARE(batch.tracks.size(), std::size_t(4));
    QCOMPARE(batch.tracks[0].name, QStringLiteral("Hello, \"World\""));
    QCOMPARE(batch.tracks[1].name, QStringLiteral("Two\nLines"));
    QCOMPARE(batch.tracks[2].name, QStringLiteral("Three\r\nLine\nName"));
    QCOMPARE(batch.tracks[3].name, QStringLiteral("Quoted, \"last\""));
    QCOMPARE(batch.tracks[3].artists, QStringList{"Artist"});
    QCOMPARE(batch.rejected.size(), std::size_t(2));
    QCOMPARE(batch.rejected[0].line, 8);
    QCOMPARE(batch.rejected[0].reason, QStringLiteral("no track id"));
    QCOMPARE(batch.rejected[1].line, 10);
    QCOMPARE(batch.rejected[1].reason, QStringLiteral("danceability is not a number: \"x0.748\""));
}

void TestCatalogImporter::byteOrderMark()
{
    const QString path = write("bom.csv", "\xEF\xBB\xBF" + lines({kTidyHeader, tidyRow(trackId(1))}));
    IMPORT_OK(batch, path);
    QVERIFY(batch.rejected.empty());
    QCOMPARE(batch.tracks.size(), std::size_t(1));
    QCOMPARE(batch.tracks.front().id, QString::fromLatin1(trackId(1)));
}

void TestCatalogImporter::exportify_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QByteArray>("row");

    QTest::newRow("current order")
        << QByteArray("Track URI,Track Name,Artist Name(s),Album Name,Album Release Date,Track Duration (ms),"
                      "Popularity,Danceability,Energy,Key,Loudness,Mode,Speechiness,Acousticness,"
                      "Instrumentalness,Liveness,Valence,Tempo,Time Signature,ISRC,Album URI,Artist URI(s),"
                      "Added By,Added At,Genres,Record Label,Explicit")
        << QByteArray("spotify:track:0VjIjW4GlUZAMYd2vXMi3b,See You Again,\"Tyler\\, The Creator,Kali Uchis\","
                      "Flower Boy,2017-07-21,180386,82,0.558,0.559,6,-9.222,1,0.0959,0.371,7.1e-06,0.109,0.62,"
                      "78.558,4,USQX91701278,spotify:album:2nkto6YNI4rUYTLqEwWJ3o,"
                      "\"spotify:artist:4V8LLVI7PbaPR0K2TGSxFF,spotify:artist:1U1el3k54VvEUzo3ybLPlM\",,"
                      "2024-01-01T10:00:00Z,\"hip hop,rap\",Columbia,true");
    QTest::newRow("shuffled")
        << QByteArray("Tempo,Genres,Album Name,Explicit,Artist Name(s),Energy,ISRC,Track Name,Key,Added At,"
                      "Valence,Album URI,Danceability,Mode,Track URI,Loudness,Record Label,Speechiness,"
                      "Popularity,Acousticness,Time Signature,Instrumentalness,Added By,Liveness,"
                      "Track Duration (ms),Artist URI(s),Album Release Date")
        << QByteArray("78.558,\"hip hop,rap\",Flower Boy,true,\"Tyler\\, The Creator,Kali Uchis\",0.559,"
                      "USQX91701278,See You Again,6,2024-01-01T10:00:00Z,0.62,"
                      "spotify:album:2nkto6YNI4rUYTLqEwWJ3o,0.558,1,spotify:track:0VjIjW4GlUZAMYd2vXMi3b,"
                      "-9.222,Columbia,0.0959,82,0.371,4,7.1e-06,,0.109,180386,"
                      "\"spotify:artist:4V8LLVI7PbaPR0K2TGSxFF,spotify:artist:1U1el3k54VvEUzo3ybLPlM\","
                      "2017-07-21");
    QTest::newRow("older export")
        << QByteArray("Spotify ID,Artist IDs,Track Name,Album Name,Artist Name,Album Artist Name(s),"
                      "Release Date,Duration (ms),Popularity,Added By,Added At,Genres,Danceability,Energy,Key,"
                      "Loudness,Mode,Speechiness,Acousticness,Instrumentalness,Liveness,Valence,Tempo,"
                      "Time Signature,ISRC,Album URI")
        << QByteArray("0VjIjW4GlUZAMYd2vXMi3b,\"4V8LLVI7PbaPR0K2TGSxFF,1U1el3k54VvEUzo3ybLPlM\",See You Again,"
                      "Flower Boy,\"Tyler\\, The Creator,Kali Uchis\",\"Tyler\\, The Creator\",2017-07-21,"
                      "180386,82,,,\"hip hop,rap\",0.558,0.559,6,-9.222,1,0.0959,0.371,7.1e-06,0.109,0.62,"
                      "78.558,4,USQX91701278,spotify:album:2nkto6YNI4rUYTLqEwWJ3o");
}

void TestCatalogImporter::exportify()
{
    QFETCH(QByteArray, header);
    QFETCH(QByteArray, row);

    IMPORT_OK(batch, write("Liked Songs.csv", header + "\n" + row + "\n"));
    QVERIFY2(batch.rejected.empty(), batch.rejected.empty() ? "" : qPrintable(batch.rejected.front().reason));
    QCOMPARE(batch.tracks.size(), std::size_t(1));
    const Track &track = batch.tracks.front();
    QCOMPARE(track.id, QStringLiteral("0VjIjW4GlUZAMYd2vXMi3b"));
    QCOMPARE(track.name, QStringLiteral("See You Again"));
    QCOMPARE(track.artists, (QStringList{"Tyler, The Creator", "Kali Uchis"}));
    QCOMPARE(track.album, QStringLiteral("Flower Boy"));
    QCOMPARE(track.albumId, QStringLiteral("2nkto6YNI4rUYTLqEwWJ3o"));
    QCOMPARE(track.releaseDate, ReleaseDate::day(2017, 7, 21));
    QCOMPARE(track.durationMs, 180386);
    QCOMPARE(track.popularity, std::optional<int>(82));
    QCOMPARE(track.isrc, QStringLiteral("USQX91701278"));
    QCOMPARE(track.genre, QStringLiteral("hip hop"));

    const AudioFeatures &f = batch.features.front();
    QVERIFY(f.isComplete());
    QCOMPARE(f.value(Feature::Danceability), 0.558f);
    QCOMPARE(f.value(Feature::Energy), 0.559f);
    QCOMPARE(f.value(Feature::Key), 6.0f);
    QCOMPARE(f.value(Feature::Loudness), -9.222f);
    QCOMPARE(f.value(Feature::Mode), 1.0f);
    QCOMPARE(f.value(Feature::Speechiness), 0.0959f);
    QCOMPARE(f.value(Feature::Acousticness), 0.371f);
    QCOMPARE(f.value(Feature::Instrumentalness), 7.1e-06f);
    QCOMPARE(f.value(Feature::Liveness), 0.109f);
    QCOMPARE(f.value(Feature::Valence), 0.62f);
    QCOMPARE(f.value(Feature::Tempo), 78.558f);

    QCOMPARE(batch.playlists.size(), std::size_t(1));
    QCOMPARE(batch.playlists.front().name, QStringLiteral("Liked Songs"));
}

void TestCatalogImporter::kaggleArtistList()
{
    const QString path =
        write("data.csv",
              lines({
                  "acousticness,artists,danceability,duration_ms,energy,explicit,id,instrumentalness,key,liveness,"
                  "loudness,mode,name,popularity,release_date,speechiness,tempo,valence,year",
                  "0.991,\"['Mamie Smith', \"\"Guns N' Roses\"\"]\",0.598,168333,0.224,0,0cS0A1fUEUd1EW3FcF8AEI,"
                  "0.000522,5,0.379,-12.628,0,Keep A Song In Your Soul,12,1920,0.0936,149.976,0.634,1920",
              }));
    IMPORT_OK(batch, path);
    QVERIFY(batch.rejected.empty());
    QCOMPARE(batch.tracks.size(), std::size_t(1));
    const Track &track = batch.tracks.front();
    QCOMPARE(track.artists, (QStringList{"Mamie Smith", "Guns N' Roses"}));
    QCOMPARE(track.name, QStringLiteral("Keep A Song In Your Soul"));
    QCOMPARE(track.releaseDate, ReleaseDate::year(1920));
    QCOMPARE(track.popularity, std::optional<int>(12));
    QVERIFY(batch.features.front().isComplete());
    QCOMPARE(batch.features.front().value(Feature::Acousticness), 0.991f);
}

void TestCatalogImporter::credits_data()
{
    QTest::addColumn<QByteArray>("artistColumn");
    QTest::addColumn<QList<QByteArray>>("cells");     // one row each, CSV-quoted
    QTest::addColumn<QList<QStringList>>("artists");  // each row's track's artists

    const QList<QByteArray> duet{"\"Ana Ruiz, Ben Cole\"", "Ana Ruiz"};
    const QStringList both{"Ana Ruiz", "Ben Cole"};
    QTest::newRow("kaggle artists, a comma list split")
        << QByteArray("artists") << duet << QList<QStringList>{both, {"Ana Ruiz"}};
    QTest::newRow("track_artist, a comma list split")
        << QByteArray("track_artist") << duet << QList<QStringList>{both, {"Ana Ruiz"}};
    QTest::newRow("artist, evidence after the list")
        << QByteArray("artist") << QList<QByteArray>{"\"Ana Ruiz, Ben Cole\"", "Ben Cole"}
        << QList<QStringList>{both, {"Ben Cole"}};
    QTest::newRow("evidence in another case and spacing")
        << QByteArray("artist") << QList<QByteArray>{"\"Ana Ruiz, Ben Cole\"", "ANA  RUIZ"}
        << QList<QStringList>{both, {"ANA  RUIZ"}};
    QTest::newRow("tyler kept whole") << QByteArray("track_artist")
                                      << QList<QByteArray>{"\"Tyler, The Creator\"", "Kali Uchis"}
                                      << QList<QStringList>{{"Tyler, The Creator"}, {"Kali Uchis"}};
    QTest::newRow("earth wind and fire kept whole")
        << QByteArray("artists") << QList<QByteArray>{"\"Earth, Wind & Fire\"", "Wind"}
        << QList<QStringList>{{"Earth, Wind & Fire"}, {"Wind"}};
    QTest::newRow("no evidence, one name") << QByteArray("track_artist") << QList<QByteArray>{"\"Ana Ruiz, Ben Cole\""}
                                           << QList<QStringList>{{"Ana Ruiz, Ben Cole"}};
    QTest::newRow("python list") << QByteArray("artists") << QList<QByteArray>{"\"['Ana Ruiz', 'Ben Cole']\""}
                                 << QList<QStringList>{both};
    QTest::newRow("python list, apostrophe in a name")
        << QByteArray("artists") << QList<QByteArray>{"\"[\"\"Guns N' Roses\"\", 'Slash']\""}
        << QList<QStringList>{{"Guns N' Roses", "Slash"}};
    QTest::newRow("semicolons") << QByteArray("artists") << QList<QByteArray>{"Ana Ruiz;Ben Cole"}
                                << QList<QStringList>{both};
    QTest::newRow("exportify escaped comma")
        << QByteArray("Artist Name(s)") << QList<QByteArray>{"\"Tyler\\, The Creator,Kali Uchis\""}
        << QList<QStringList>{{"Tyler, The Creator", "Kali Uchis"}};
    QTest::newRow("a name known whole is not cut")
        << QByteArray("artists")
        << QList<QByteArray>{"\"['Tyler, The Creator']\"", "\"Tyler, The Creator, Kali Uchis\"", "Tyler"}
        << QList<QStringList>{{"Tyler, The Creator"}, {"Tyler, The Creator", "Kali Uchis"}, {"Tyler"}};
}

void TestCatalogImporter::credits()
{
    QFETCH(QByteArray, artistColumn);
    QFETCH(QList<QByteArray>, cells);
    QFETCH(QList<QStringList>, artists);

    QList<QByteArray> rows{"id,name," + artistColumn};
    for (int i = 0; i < cells.size(); ++i)
        rows.push_back(trackId(i + 1) + ",Song " + QByteArray::number(i + 1) + "," + cells[i]);
    IMPORT_OK(batch, write("credits.csv", lines(rows)));
    QVERIFY(batch.rejected.empty());
    QCOMPARE(batch.tracks.size(), std::size_t(cells.size()));
    for (int i = 0; i < cells.size(); ++i)
        QCOMPARE(batch.tracks[static_cast<std::size_t>(i)].artists, artists[i]);
}

void TestCatalogImporter::creditsKnownToTheLibrary()
{
    const QString path =
        write("duets.csv", lines({"id,name,track_artist", trackId(1) + ",Duet,\"Ana Ruiz, Ben Cole\""}));
    CreditSplitter library;
    library.addKnownArtist(QStringLiteral("Ben Cole"));
    Result<ImportBatch> batch = CatalogImporter(library).importFile(path);
    QVERIFY(batch.ok());
    QCOMPARE(batch->tracks.front().artists, (QStringList{"Ana Ruiz", "Ben Cole"}));
}

void TestCatalogImporter::missingFeatureStaysMissing_data()
{
    QTest::addColumn<QByteArray>("energy");
    QTest::newRow("blank") << QByteArray("");
    QTest::newRow("NA") << QByteArray("NA");
    QTest::newRow("NaN") << QByteArray("NaN");
    QTest::newRow("quoted blank") << QByteArray("\"\"");
    QTest::newRow("spaces") << QByteArray("  ");
}

void TestCatalogImporter::missingFeatureStaysMissing()
{
    QFETCH(QByteArray, energy);

    const QString path = write("missing.csv",
                               lines({
                                   "id,danceability,energy,tempo",
                                   trackId(1) + ",0.5," + energy + ",120",
                               }));
    IMPORT_OK(batch, path);
    QVERIFY(batch.rejected.empty());
    QCOMPARE(batch.features.size(), std::size_t(1));
    const AudioFeatures &f = batch.features.front();
    QVERIFY(!f.has(Feature::Energy));
    QVERIFY(std::isnan(f.value(Feature::Energy)));
    QCOMPARE(f.source(Feature::Energy), FeatureSource::Missing);
    QCOMPARE(f.value(Feature::Danceability), 0.5f);
    QCOMPARE(f.source(Feature::Danceability), FeatureSource::Catalog);
    QCOMPARE(f.value(Feature::Tempo), 120.0f);
    // Columns the file does not have are missing too.
    QCOMPARE(f.source(Feature::Valence), FeatureSource::Missing);
    QVERIFY(!f.isComplete());
}

void TestCatalogImporter::noFeatureColumns()
{
    const QString path = write("plain list.csv",
                               lines({
                                   "Track URI,Track Name,Artist Name(s)",
                                   "spotify:track:" + trackId(1) + ",One,A",
                                   "spotify:track:" + trackId(2) + ",Two,B",
                               }));
    IMPORT_OK(batch, path);
    QVERIFY(batch.rejected.empty());
    QCOMPARE(batch.tracks.size(), std::size_t(2));
    for (const AudioFeatures &f : batch.features)
        QVERIFY(f.isEmpty());
    QCOMPARE(batch.tracks[1].name, QStringLiteral("Two"));
    QVERIFY(!batch.tracks[1].popularity.has_value());
}

void TestCatalogImporter::naText()
{
    const QString path = write("na.csv",
                               lines({
                                   kTidyHeader,
                                   "69gRFGOWY9OMpFJgFol1u0,NA,NA,0,0RcI5RxFKgVIxpzfiYOdbA,NA,2012-01-05,Mix,"
                                       + playlistId(1) + ",rap,trap," + kFeatures + ",282707",
                               }));
    IMPORT_OK(batch, path);
    QVERIFY(batch.rejected.empty());
    QCOMPARE(batch.tracks.size(), std::size_t(1));
    const Track &track = batch.tracks.front();
    QCOMPARE(track.id, QStringLiteral("69gRFGOWY9OMpFJgFol1u0"));
    QVERIFY(track.name.isEmpty());
    QVERIFY(track.artists.isEmpty());
    QVERIFY(track.album.isEmpty());
    QCOMPARE(track.popularity, std::optional<int>(0));  // 0 is a value, not a missing one
    QCOMPARE(track.durationMs, 282707);
    QVERIFY(batch.features.front().isComplete());
    QCOMPARE(batch.playlists.front().trackIds, QStringList{"69gRFGOWY9OMpFJgFol1u0"});
}

void TestCatalogImporter::releaseDatePrecision_data()
{
    QTest::addColumn<QByteArray>("date");
    QTest::addColumn<ReleaseDate>("expected");

    QTest::newRow("year") << QByteArray("2012") << ReleaseDate::year(2012);
    QTest::newRow("year and month") << QByteArray("2012-06") << ReleaseDate::month(2012, 6);
    QTest::newRow("day") << QByteArray("2012-06-14") << ReleaseDate::day(2012, 6, 14);
    QTest::newRow("day with time") << QByteArray("2012-06-14T00:00:00Z") << ReleaseDate::day(2012, 6, 14);
    QTest::newRow("blank") << QByteArray("") << ReleaseDate();
    QTest::newRow("NA") << QByteArray("NA") << ReleaseDate();
    QTest::newRow("words") << QByteArray("June 2012") << ReleaseDate();
    QTest::newRow("impossible day") << QByteArray("2012-02-30") << ReleaseDate();
}

void TestCatalogImporter::releaseDatePrecision()
{
    QFETCH(QByteArray, date);
    QFETCH(ReleaseDate, expected);

    const QString path =
        write("dates.csv", lines({kTidyHeader, tidyRow(trackId(1), "Song", "Mix", playlistId(1), kFeatures, date)}));
    IMPORT_OK(batch, path);
    QVERIFY(batch.rejected.empty());  // an unusable date is unknown, not a reason to drop the row
    QCOMPARE(batch.tracks.size(), std::size_t(1));
    QCOMPARE(batch.tracks.front().releaseDate, expected);
    QCOMPARE(batch.tracks.front().releaseDate.precision(), expected.precision());
}

void TestCatalogImporter::keepsUnusualValues()
{
    const QString path =
        write("unusual.csv",
              lines({
                  kTidyHeader,
                  tidyRow(trackId(1), "Zero tempo", "Mix", playlistId(1), "0.5,0.5,1,-5,1,0.1,0.1,0,0.1,0.5,0"),
                  tidyRow(trackId(2), "Loud", "Mix", playlistId(1), "0.5,0.9,1,1.275,1,0.1,0.1,0,0.1,0.5,128"),
              }));
    IMPORT_OK(batch, path);
    QVERIFY(batch.rejected.empty());
    QCOMPARE(batch.tracks.size(), std::size_t(2));
    QVERIFY(batch.features[0].has(Feature::Tempo));
    QCOMPARE(batch.features[0].value(Feature::Tempo), 0.0f);
    QCOMPARE(batch.features[1].value(Feature::Loudness), 1.275f);
}

// The probe's values: each is left unknown with a note for its row, the row and its other values kept.
void TestCatalogImporter::outOfRangeValuesLeftUnknown()
{
    const QString path =
        write("outofrange.csv",
              lines({
                  kTidyHeader,
                  tidyRow(trackId(1)),
                  tidyRow(trackId(2), "Backwards", "Mix", playlistId(1), "-5,0.9,1,-5,1,0.1,0.1,0,0.1,0.5,-120"),
                  tidyRow(trackId(3), "Wild", "Mix", playlistId(1), "0.5,7,99,500,3,0.1,0.1,0,0.1,0.5,128"),
              }));
    IMPORT_OK(batch, path);
    QVERIFY(batch.rejected.empty());
    QCOMPARE(batch.tracks.size(), std::size_t(3));
    QCOMPARE(findPlaylist(batch, QString::fromLatin1(playlistId(1)))->trackIds.size(), qsizetype(3));

    QVERIFY(batch.features[0].isComplete());
    const AudioFeatures &backwards = batch.features[1];
    QVERIFY(!backwards.has(Feature::Danceability));
    QVERIFY(!backwards.has(Feature::Tempo));
    QCOMPARE(backwards.value(Feature::Energy), 0.9f);
    const AudioFeatures &wild = batch.features[2];
    for (Feature feature : {Feature::Energy, Feature::Key, Feature::Loudness, Feature::Mode})
        QVERIFY2(!wild.has(feature) && std::isnan(wild.value(feature)), qPrintable(featureKey(feature)));
    QCOMPARE(wild.value(Feature::Tempo), 128.0f);
    QCOMPARE(wild.source(Feature::Tempo), FeatureSource::Catalog);

    QCOMPARE(batch.valuesLeftOut.size(), std::size_t(2));
    QCOMPARE(batch.valuesLeftOut[0].line, 3);
    QCOMPARE(
        batch.valuesLeftOut[0].reason,
        QStringLiteral("danceability is out of range (0 to 1): \"-5\"; tempo is out of range (0 to 300): \"-120\""));
    QCOMPARE(batch.valuesLeftOut[1].line, 4);
    for (const char *named : {"energy", "key", "loudness", "mode"})
        QVERIFY2(batch.valuesLeftOut[1].reason.contains(QLatin1String(named) + QLatin1String(" is out of range")),
                 qPrintable(batch.valuesLeftOut[1].reason));
}

void TestCatalogImporter::gzipInput_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QString>("playlistName");
    QTest::newRow(".csv.gz") << "Road Trip.csv.gz"
                             << "Road Trip";
    QTest::newRow("gzip content named .csv") << "Road Trip.csv"
                                             << "Road Trip";
}

void TestCatalogImporter::gzipInput()
{
    QFETCH(QString, fileName);
    QFETCH(QString, playlistName);

    const QByteArray text = lines({"uri,name,Danceability", "spotify:track:" + trackId(1) + ",One,0.1",
                                   "spotify:track:" + trackId(2) + ",Two,0.2"});
    const QString path = test::writeGzipFixture(QDir(m_dir->path()), fileName, text);
    QVERIFY(!path.isEmpty());

    qint64 lastDone = -1;
    qint64 lastTotal = -1;
    Result<ImportBatch> result = CatalogImporter().importFile(path, [&](qint64 done, qint64 total) {
        lastDone = done;
        lastTotal = total;
        return true;
    });
    QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().message));
    const ImportBatch &batch = *result;
    QCOMPARE(batch.tracks.size(), std::size_t(2));
    QCOMPARE(batch.tracks[1].name, QStringLiteral("Two"));
    QCOMPARE(batch.features[1].value(Feature::Danceability), 0.2f);
    QCOMPARE(batch.playlists.front().name, playlistName);
    // Progress counts compressed bytes, so it ends at the size of the file on disk.
    QCOMPARE(lastTotal, QFileInfo(path).size());
    QCOMPARE(lastDone, lastTotal);
}

void TestCatalogImporter::rejectedRows_data()
{
    QTest::addColumn<QByteArray>("row");
    QTest::addColumn<QString>("reason");

    QTest::newRow("no id") << QByteArray(",Song,0.5,120") << "no track id";
    QTest::newRow("blank id") << QByteArray("  ,Song,0.5,120") << "no track id";
    QTest::newRow("short id") << QByteArray("abc123,Song,0.5,120") << "not a Spotify track id: \"abc123\"";
    QTest::newRow("album uri") << QByteArray("spotify:album:2nkto6YNI4rUYTLqEwWJ3o,Song,0.5,120")
                               << "not a Spotify track id: \"spotify:album:2nkto6YNI4rUYTLqEwWJ3o\"";
    QTest::newRow("local file") << QByteArray("spotify:local:Artist:Album:Demo:215,Song,0.5,120")
                                << "local file, not on Spotify";
    QTest::newRow("feature not a number") << trackId(1) + ",Song,abc,120"
                                          << "Danceability is not a number: \"abc\"";
    QTest::newRow("decimal comma") << trackId(1) + ",Song,\"0,5\",120"
                                   << "Danceability is not a number: \"0,5\"";
    QTest::newRow("second feature") << trackId(1) + ",Song,0.5,fast"
                                    << "tempo is not a number: \"fast\"";
    QTest::newRow("too few fields") << trackId(1) + ",Song,0.5"
                                    << "row has 3 fields, header has 4";
    QTest::newRow("too many fields") << trackId(1) + ",Hello, World,0.5,120"
                                     << "row has 5 fields, header has 4";
    QTest::newRow("quote not closed") << trackId(1) + ",\"Song,0.5,120"
                                      << "a quoted field is not closed";
}

void TestCatalogImporter::rejectedRows()
{
    QFETCH(QByteArray, row);
    QFETCH(QString, reason);

    // After a good row: a file of which no row is usable is an error of its own.
    const QString path =
        write("rejects.csv", lines({"uri,name,Danceability,tempo", trackId(9) + ",Fine,0.5,120", row}));
    IMPORT_OK(batch, path);
    QCOMPARE(batch.rowsRead, 2);
    QCOMPARE(batch.tracks.size(), std::size_t(1));
    QCOMPARE(batch.features.size(), std::size_t(1));
    QCOMPARE(batch.rejected.size(), std::size_t(1));
    QCOMPARE(batch.rejected.front().line, 3);
    QCOMPARE(batch.rejected.front().reason, reason);
}

void TestCatalogImporter::rejectedRowsKeepOrderAndLines()
{
    const QString path = write("mixed.csv",
                               lines({
                                   "id,name,energy",                     // 1
                                   trackId(1) + ",Good,0.1",             // 2
                                   ",No id,0.2",                         // 3
                                   "",                                   // 4: an empty line is not a row
                                   trackId(2) + ",\"Multi\nline\",0.3",  // 5-6
                                   "nope,Bad id,0.4",                    // 7
                                   ",,",                                 // 8: an empty row is not a row either
                                   trackId(3) + ",Bad energy,high",      // 9
                                   trackId(4) + ",Good,0.5",             // 10
                               }));
    IMPORT_OK(batch, path);
    QCOMPARE(batch.rowsRead, 6);
    QCOMPARE(batch.tracks.size(), std::size_t(3));
    QCOMPARE(batch.rejected.size(), std::size_t(3));
    QCOMPARE(batch.rejected[0].line, 3);
    QCOMPARE(batch.rejected[0].reason, QStringLiteral("no track id"));
    QCOMPARE(batch.rejected[1].line, 7);
    QCOMPARE(batch.rejected[1].reason, QStringLiteral("not a Spotify track id: \"nope\""));
    QCOMPARE(batch.rejected[2].line, 9);
    QCOMPARE(batch.rejected[2].reason, QStringLiteral("energy is not a number: \"high\""));
}

// A stray quote costs its own row, not the rows it ran over: they are read again, and a line that
// is no row on its own is reported with its number.
void TestCatalogImporter::runawayQuote_data()
{
    QTest::addColumn<QList<QByteArray>>("rows");  // after the header, from line 2
    QTest::addColumn<int>("tracks");
    QTest::addColumn<Lines>("rejectedLines");

    QList<QByteArray> twenty;
    for (int n = 1; n <= 20; ++n)
        twenty.push_back(
            tidyRow(trackId(n), n == 3 ? QByteArray("\"Song 3") : QByteArray("Song " + QByteArray::number(n))));
    QTest::newRow("never closed") << twenty << 19 << Lines{4};

    QList<QByteArray> closedLater = twenty;
    closedLater[9] = tidyRow(trackId(10), "Say \"hi\"");
    QTest::newRow("closed rows later") << closedLater << 19 << Lines{4};

    QList<QByteArray> withText = twenty;
    withText.insert(5, "text that is no row");
    QTest::newRow("a line that is no row") << withText << 19 << Lines{4, 7};
}

void TestCatalogImporter::runawayQuote()
{
    QFETCH(QList<QByteArray>, rows);
    QFETCH(int, tracks);
    QFETCH(Lines, rejectedLines);

    rows.prepend(kTidyHeader);
    IMPORT_OK(batch, write("runaway.csv", lines(rows)));
    QCOMPARE(batch.tracks.size(), std::size_t(tracks));
    QCOMPARE(batch.playlists.front().trackIds.size(), tracks);
    Lines rejectedAt;
    for (const RejectedRow &row : batch.rejected)
        rejectedAt.push_back(row.line);
    QCOMPARE(rejectedAt, rejectedLines);
    QVERIFY2(batch.rejected.front().reason.contains(QStringLiteral("quote")),
             qPrintable(batch.rejected.front().reason));
    QVERIFY(!findTrack(batch, QString::fromLatin1(trackId(3))));
}

void TestCatalogImporter::extraEmptyFieldsAreFine()
{
    const QString path = write("trailing.csv", lines({"id,name", trackId(1) + ",Song,,", trackId(2) + ",Other,"}));
    IMPORT_OK(batch, path);
    QVERIFY(batch.rejected.empty());
    QCOMPARE(batch.tracks.size(), std::size_t(2));
}

void TestCatalogImporter::filePlaylist()
{
    const QString path = write("My Mix.csv",
                               lines({
                                   "uri,name",
                                   "spotify:track:" + trackId(3) + ",Three",
                                   "spotify:track:" + trackId(1) + ",One",
                                   "spotify:track:" + trackId(3) + ",Three again",
                                   "spotify:track:" + trackId(2) + ",Two",
                               }));
    IMPORT_OK(batch, path);
    const QString canonical = QFileInfo(path).canonicalFilePath();
    QCOMPARE(batch.sourcePath, canonical);
    QCOMPARE(batch.rowsRead, 4);
    QCOMPARE(batch.tracks.size(), std::size_t(3));
    QCOMPARE(batch.playlists.size(), std::size_t(1));
    const Playlist &playlist = batch.playlists.front();
    QCOMPARE(playlist.name, QStringLiteral("My Mix"));
    QCOMPARE(playlist.origin, canonical);
    QVERIFY(playlist.owner.isEmpty());
    QVERIFY2(QRegularExpression("^file:[0-9a-f]{12}$").match(playlist.id).hasMatch(), qPrintable(playlist.id));
    QCOMPARE(playlist.trackIds, ids({3, 1, 2}));  // file order, each track once
}

void TestCatalogImporter::filePlaylistIdDependsOnPath()
{
    const QByteArray text = lines({"id", trackId(1)});
    IMPORT_OK(first, write("a.csv", text));
    IMPORT_OK(again, write("a.csv", text));
    IMPORT_OK(other, write("b.csv", text));
    QCOMPARE(first.playlists.front().id, again.playlists.front().id);
    QVERIFY(first.playlists.front().id != other.playlists.front().id);
}

void TestCatalogImporter::playlistColumns_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QList<QByteArray>>("playlistCells");  // per row: the playlist cells
    QTest::addColumn<QStringList>("expectedIds");          // "file:" stands for a derived id
    QTest::addColumn<QStringList>("expectedNames");

    const QByteArray p1 = playlistId(1);
    const QByteArray p2 = playlistId(2);
    const QString id1 = QString::fromLatin1(p1);
    const QString id2 = QString::fromLatin1(p2);
    QTest::newRow("id and name") << QByteArray("playlist_id,playlist_name")
                                 << QList<QByteArray>{p1 + ",Chill", p2 + ",Party", p1 + ",Chill", p1 + ",Chill"}
                                 << QStringList{id1, id2} << QStringList{"Chill", "Party"};
    QTest::newRow("same name, two ids")
        << QByteArray("playlist_id,playlist_name")
        << QList<QByteArray>{p1 + ",Dance Pop", p2 + ",Dance Pop", p1 + ",Dance Pop", p1 + ",Dance Pop"}
        << QStringList{id1, id2} << QStringList{"Dance Pop", "Dance Pop"};
    QTest::newRow("playlist uri")
        << QByteArray("playlist_id,playlist_name")
        << QList<QByteArray>{"spotify:playlist:" + p1 + ",Chill", "spotify:playlist:" + p2 + ",Party", p1 + ",Chill",
                             "spotify:playlist:" + p1 + ",Chill"}
        << QStringList{id1, id2} << QStringList{"Chill", "Party"};
    QTest::newRow("id only") << QByteArray("playlist_id") << QList<QByteArray>{p1, p2, p1, p1} << QStringList{id1, id2}
                             << QStringList{id1, id2};
    QTest::newRow("name only") << QByteArray("playlist_name") << QList<QByteArray>{"Chill", "Party", "Chill", "Chill"}
                               << QStringList{"file:", "file:"} << QStringList{"Chill", "Party"};
    QTest::newRow("ids that are not spotify ids")
        << QByteArray("playlist_id,playlist_name") << QList<QByteArray>{"17,Chill", "42,Party", "17,Chill", "17,Chill"}
        << QStringList{"file:", "file:"} << QStringList{"Chill", "Party"};
}

void TestCatalogImporter::playlistColumns()
{
    QFETCH(QByteArray, header);
    QFETCH(QList<QByteArray>, playlistCells);
    QFETCH(QStringList, expectedIds);
    QFETCH(QStringList, expectedNames);

    // Rows: t1 in the first, t2 in the second, t3 then t1 again in the first.
    const QList<int> tracks{1, 2, 3, 1};
    QByteArray text = "id," + header + ",energy\n";
    for (int i = 0; i < tracks.size(); ++i)
        text += trackId(tracks[i]) + "," + playlistCells[i] + ",0.5\n";
    IMPORT_OK(batch, write("lists.csv", text));

    QVERIFY(batch.rejected.empty());
    QCOMPARE(batch.rowsRead, 4);
    QCOMPARE(batch.tracks.size(), std::size_t(3));
    QCOMPARE(batch.playlists.size(), std::size_t(2));
    for (int i = 0; i < 2; ++i) {
        const Playlist &playlist = batch.playlists[static_cast<std::size_t>(i)];
        if (expectedIds[i] == QLatin1String("file:"))
            QVERIFY2(QRegularExpression("^file:[0-9a-f]{12}$").match(playlist.id).hasMatch(), qPrintable(playlist.id));
        else
            QCOMPARE(playlist.id, expectedIds[i]);
        QCOMPARE(playlist.name, expectedNames[i]);
        QCOMPARE(playlist.origin, batch.sourcePath);
    }
    QVERIFY(batch.playlists[0].id != batch.playlists[1].id);
    QCOMPARE(batch.playlists[0].trackIds, ids({1, 3}));  // t1 once, in order
    QCOMPARE(batch.playlists[1].trackIds, ids({2}));
}

void TestCatalogImporter::trackInTwoPlaylists()
{
    const QString path = write("two.csv",
                               lines({
                                   kTidyHeader,
                                   tidyRow(trackId(1), "Shared", "Chill", playlistId(1)),
                                   tidyRow(trackId(2), "Only chill", "Chill", playlistId(1)),
                                   tidyRow(trackId(1), "Shared", "Party", playlistId(2)),
                                   tidyRow(trackId(3), "Only party", "Party", playlistId(2)),
                               }));
    IMPORT_OK(batch, path);
    QCOMPARE(batch.rowsRead, 4);
    QCOMPARE(batch.tracks.size(), std::size_t(3));
    QCOMPARE(batch.features.size(), std::size_t(3));
    int shared = 0;
    for (const Track &track : batch.tracks)
        shared += track.id == QString::fromLatin1(trackId(1)) ? 1 : 0;
    QCOMPARE(shared, 1);

    const Playlist *chill = findPlaylist(batch, QString::fromLatin1(playlistId(1)));
    const Playlist *party = findPlaylist(batch, QString::fromLatin1(playlistId(2)));
    QVERIFY(chill && party);
    QCOMPARE(chill->trackIds, ids({1, 2}));
    QCOMPARE(party->trackIds, ids({1, 3}));
}

using Listing = std::pair<int, int>;  // track number, playlist number

void TestCatalogImporter::playlistMembership_data()
{
    QTest::addColumn<QList<Listing>>("listings");
    QTest::newRow("back to the first playlist") << QList<Listing>{{1, 1}, {1, 2}, {1, 1}, {2, 2}, {1, 2}};
    QTest::newRow("repeat in place") << QList<Listing>{{1, 1}, {1, 1}, {2, 1}, {1, 1}};
    QTest::newRow("three playlists") << QList<Listing>{{1, 3}, {2, 1}, {1, 1}, {2, 3}, {1, 2}, {2, 1}, {1, 3}};
    QTest::newRow("second playlist repeats") << QList<Listing>{{1, 1}, {1, 2}, {2, 2}, {1, 2}, {2, 1}, {2, 2}};
}

// A track lists once per playlist, in the order of its first row there, however rows interleave.
void TestCatalogImporter::playlistMembership()
{
    QFETCH(QList<Listing>, listings);
    QList<QByteArray> rows{kTidyHeader};
    QMap<int, QStringList> expected;
    for (const auto &[track, playlist] : listings) {
        rows.push_back(tidyRow(trackId(track), "Song", "List " + QByteArray::number(playlist), playlistId(playlist)));
        QStringList &members = expected[playlist];
        if (!members.contains(QString::fromLatin1(trackId(track))))
            members.push_back(QString::fromLatin1(trackId(track)));
    }
    IMPORT_OK(batch, write("membership.csv", lines(rows)));
    QCOMPARE(batch.playlists.size(), std::size_t(expected.size()));
    for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
        const Playlist *playlist = findPlaylist(batch, QString::fromLatin1(playlistId(it.key())));
        QVERIFY(playlist);
        QCOMPARE(playlist->trackIds, it.value());
    }
}

// Enough rows to grow the id index, to reserve from the file size and to stop caching a column
// whose cells never repeat; every value must still come from its own row.
void TestCatalogImporter::manyRows()
{
    constexpr int kTracks = 70000;
    const QList<QByteArray> artists{"Solo", "\"Tyler, The Creator\"", "NA", ""};
    const QList<QByteArray> dates{"2019-06-14", "2012", "June 2012", "2012-02-30", "1999-01"};
    QList<QByteArray> rows{kTidyHeader};
    QList<int> order;
    for (int n = 0; n < kTracks; ++n) {
        order.push_back(n);
        if (n % 7 == 3)
            order.push_back(n / 2);  // a repeat, after its first row
    }
    for (int n : order) {
        const QByteArray number = QByteArray::number(n);
        rows.push_back(trackId(n) + ",Song " + number + "," + artists[n % artists.size()] + ",66,a"
                       + QByteArray::number(n % 50).rightJustified(21, '0') + ",Album " + number + ","
                       + dates[n % dates.size()] + ",Mix " + QByteArray::number(n / 1000) + "," + playlistId(n / 1000)
                       + ",genre " + QByteArray::number(n % 3) + ",sub," + kFeatures + ","
                       + QByteArray::number(1000 + n));
    }
    IMPORT_OK(batch, write("many.csv", lines(rows)));
    QCOMPARE(batch.rowsRead, qint64(order.size()));
    QCOMPARE(batch.tracks.size(), std::size_t(kTracks));
    QCOMPARE(batch.features.size(), std::size_t(kTracks));
    for (int n = 0; n < kTracks; ++n) {
        const Track &track = batch.tracks[std::size_t(n)];
        const QString number = QString::number(n);
        QCOMPARE(track.id, QString::fromLatin1(trackId(n)));
        QCOMPARE(track.name, QStringLiteral("Song ") + number);
        const QByteArray artist = artists[n % artists.size()];
        const QStringList expectedArtists = artist == "Solo" ? QStringList{"Solo"}
            : artist.startsWith('"')                         ? QStringList{"Tyler, The Creator"}
                                                             : QStringList{};
        QCOMPARE(track.artists, expectedArtists);
        QCOMPARE(track.album, QStringLiteral("Album ") + number);
        QCOMPARE(track.albumId, QStringLiteral("a") + QString::number(n % 50).rightJustified(21, u'0'));
        QCOMPARE(track.releaseDate, ReleaseDate::parse(QString::fromLatin1(dates[n % dates.size()])));
        QCOMPARE(track.genre, QStringLiteral("genre ") + QString::number(n % 3));
        QCOMPARE(track.durationMs, 1000 + n);
    }
    for (int p = 0; p * 1000 < kTracks; ++p) {
        const Playlist *playlist = findPlaylist(batch, QString::fromLatin1(playlistId(p)));
        QVERIFY(playlist);
        QStringList expected;
        for (int n : order)
            if (n / 1000 == p && !expected.contains(QString::fromLatin1(trackId(n))))
                expected.push_back(QString::fromLatin1(trackId(n)));
        QCOMPARE(playlist->trackIds, expected);
    }
}

void TestCatalogImporter::rowsWithoutPlaylistGoToFilePlaylist()
{
    const QString path = write("partly.csv",
                               lines({
                                   "id,playlist_id,playlist_name",
                                   trackId(1) + "," + playlistId(1) + ",Chill",
                                   trackId(2) + ",,",
                                   trackId(3) + ",NA,NA",
                               }));
    IMPORT_OK(batch, path);
    QCOMPARE(batch.tracks.size(), std::size_t(3));
    QCOMPARE(batch.playlists.size(), std::size_t(2));
    QCOMPARE(batch.playlists[0].trackIds, ids({1}));
    QCOMPARE(batch.playlists[1].name, QStringLiteral("partly"));
    QVERIFY(batch.playlists[1].id.startsWith(QLatin1String("file:")));
    QCOMPARE(batch.playlists[1].trackIds, ids({2, 3}));
}

void TestCatalogImporter::firstOccurrenceWins()
{
    const QString path = write("dupes.csv",
                               lines({
                                   "id,name,energy,tempo",
                                   trackId(1) + ",First,0.1,100",
                                   trackId(1) + ",Second,0.9,",
                                   trackId(1) + ",Broken,oops,1",
                               }));
    IMPORT_OK(batch, path);
    QCOMPARE(batch.rowsRead, 3);
    QCOMPARE(batch.tracks.size(), std::size_t(1));
    QCOMPARE(batch.tracks.front().name, QStringLiteral("First"));
    QCOMPARE(batch.features.front().value(Feature::Energy), 0.1f);
    QCOMPARE(batch.features.front().value(Feature::Tempo), 100.0f);
    // A repeated row is still checked: its bad value is reported.
    QCOMPARE(batch.rejected.size(), std::size_t(1));
    QCOMPARE(batch.rejected.front().line, 4);
    QVERIFY(findTrack(batch, QString::fromLatin1(trackId(1))));
    QVERIFY(findFeatures(batch, QString::fromLatin1(trackId(1))));
}

void TestCatalogImporter::progressReachesTotal()
{
    QByteArray text = "id,name,energy\n";
    for (int i = 0; i < 20000; ++i)
        text += trackId(i) + ",Song " + QByteArray::number(i) + ",0.5\n";
    const QString path = write("many.csv", text);

    QList<qint64> done;
    qint64 total = -1;
    Result<ImportBatch> result = CatalogImporter().importFile(path, [&](qint64 bytesDone, qint64 bytesTotal) {
        done.push_back(bytesDone);
        total = bytesTotal;
        return true;
    });
    QVERIFY(result.ok());
    QCOMPARE(result->tracks.size(), std::size_t(20000));
    QCOMPARE(total, text.size());
    QVERIFY(done.size() >= 4);  // several calls on the way, not only start and end
    QCOMPARE(done.front(), 0);
    QCOMPARE(done.back(), total);
    for (int i = 1; i < done.size(); ++i)
        QVERIFY(done[i] >= done[i - 1]);
}

void TestCatalogImporter::cancel_data()
{
    QTest::addColumn<int>("allowedCalls");
    QTest::newRow("at once") << 0;
    QTest::newRow("on the way") << 2;
}

void TestCatalogImporter::cancel()
{
    QFETCH(int, allowedCalls);

    QByteArray text = "id,name\n";
    for (int i = 0; i < 20000; ++i)
        text += trackId(i) + ",Song\n";
    const QString path = write("long.csv", text);

    int calls = 0;
    qint64 lastDone = -1;
    Result<ImportBatch> result = CatalogImporter().importFile(path, [&](qint64 done, qint64) {
        lastDone = done;
        return calls++ < allowedCalls;
    });
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, ErrorKind::Cancelled);
    QCOMPARE(calls, allowedCalls + 1);  // nothing more after the answer "stop"
    QVERIFY(lastDone < text.size());
}

void TestCatalogImporter::unreadableFile_data()
{
    QTest::addColumn<QString>("name");        // relative to the test's folder; "" is the folder itself
    QTest::addColumn<QByteArray>("content");  // not written when empty
    QTest::newRow("missing") << "absent.csv" << QByteArray();
    QTest::newRow("folder") << "" << QByteArray();
    QTest::newRow("damaged gzip") << "broken.csv.gz" << test::gzipBytes(lines({"id", trackId(1)})).left(15);
}

void TestCatalogImporter::unreadableFile()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, content);

    const QString path = name.isEmpty() ? m_dir->path() : m_dir->filePath(name);
    if (!content.isEmpty())
        QVERIFY(!write(name, content).isEmpty());
    const Result<ImportBatch> result = CatalogImporter().importFile(path);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, ErrorKind::Io);
    QVERIFY2(result.error().message.contains(QFileInfo(path).fileName()), qPrintable(result.error().message));
}

void TestCatalogImporter::missingIdColumn()
{
    const QString path = write("noid.csv", lines({"name,artist,Album URI,danceability", "Song,A,spotify:album:x,0.5"}));
    const Result<ImportBatch> result = CatalogImporter().importFile(path);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, ErrorKind::Parse);
    const QString message = result.error().message;
    QVERIFY2(message.contains("noid.csv"), qPrintable(message));
    for (const char *accepted : {"track_id", "uri", "id", "Track URI"})
        QVERIFY2(message.contains(QLatin1String(accepted)), qPrintable(message));
}

// Files of which no row can be used are an error that says why, never an empty import.
void TestCatalogImporter::unusableFilesSayWhatTheyAre_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("expected");  // in the message
    const QByteArray csv = "track_id,track_name\n" + trackId(1) + ",Song\n";
    const auto utf16 = [&csv](bool littleEndian) {
        QByteArray bytes = littleEndian ? QByteArray("\xFF\xFE") : QByteArray("\xFE\xFF");
        for (char c : csv)
            bytes.append(littleEndian ? c : '\0').append(littleEndian ? '\0' : c);
        return bytes;
    };
    QTest::newRow("UTF-16 LE") << utf16(true) << "it is UTF-16 text";
    QTest::newRow("UTF-16 BE") << utf16(false) << "it is UTF-16 text";
    QTest::newRow("UTF-32 LE") << QByteArray("\xFF\xFE\0\0t\0\0\0", 8) << "it is UTF-32 text";
    QTest::newRow("UTF-32 BE") << QByteArray("\0\0\xFE\xFF\0\0\0t", 8) << "it is UTF-32 text";
    QTest::newRow("semicolons") << QByteArray("track_id;track_name\nabc;Song\n")
                                << "separates its columns with semicolons";
    QTest::newRow("tabs") << QByteArray("track_id\ttrack_name\nabc\tSong\n") << "separates its columns with tabs";
    QTest::newRow("a header name twice") << lines({"track_id,Energy,track_name,energy", trackId(1) + ",0.5,A,0.7"})
                                         << "\"unusable.csv\" has two columns named \"energy\" (columns 2 and 4)";
    QTest::newRow("every row skipped")
        << lines({"track_id,track_name,danceability", trackId(1) + ",A", trackId(2) + ",B,0.5,9"})
        << "No row of \"unusable.csv\" could be used, so nothing was imported (2 skipped; "
           "the first, on line 2: row has 2 fields, header has 3)";
}

void TestCatalogImporter::unusableFilesSayWhatTheyAre()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, expected);
    const Result<ImportBatch> result = CatalogImporter().importFile(write("unusable.csv", content));
    QVERIFY(!result.ok());
    QVERIFY2(result.error().message.contains(expected), qPrintable(result.error().message));
    QVERIFY2(result.error().message.contains(QStringLiteral("unusable.csv")), qPrintable(result.error().message));
}

void TestCatalogImporter::emptyFile()
{
    const Result<ImportBatch> result = CatalogImporter().importFile(write("empty.csv", "\n\n"));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, ErrorKind::Parse);
    QVERIFY(result.error().message.contains("empty.csv"));

    // A header alone is a valid, empty catalog.
    IMPORT_OK(batch, write("header only.csv", "track_id,track_name\n"));
    QCOMPARE(batch.rowsRead, 0);
    QVERIFY(batch.tracks.empty());
    QCOMPARE(batch.playlists.size(), std::size_t(1));
    QVERIFY(batch.playlists.front().trackIds.isEmpty());
}

void TestCatalogImporter::realCatalog()
{
    const QString path = test::realCatalogPath();
    ENCORE_REQUIRE_FILE(path);

    qint64 lastDone = -1;
    qint64 lastTotal = -1;
    Result<ImportBatch> result = CatalogImporter().importFile(path, [&](qint64 done, qint64 total) {
        lastDone = done;
        lastTotal = total;
        return true;
    });
    QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().message));
    const ImportBatch &batch = *result;

    // Numbers checked independently with Python's csv module.
    QCOMPARE(batch.rowsRead, 32833);
    QVERIFY(batch.rejected.empty());
    QCOMPARE(batch.tracks.size(), std::size_t(28356));
    QCOMPARE(batch.features.size(), batch.tracks.size());
    // playlist_id is the identity: 471 ids, though only 449 distinct names.
    QCOMPARE(batch.playlists.size(), std::size_t(471));
    QSet<QString> names;
    qsizetype memberships = 0;
    QHash<QString, int> playlistsPerTrack;
    for (const Playlist &playlist : batch.playlists) {
        names.insert(playlist.name);
        memberships += playlist.trackIds.size();
        QCOMPARE(QSet<QString>(playlist.trackIds.begin(), playlist.trackIds.end()).size(), playlist.trackIds.size());
        QCOMPARE(playlist.origin, batch.sourcePath);
        for (const QString &id : playlist.trackIds)
            ++playlistsPerTrack[id];
    }
    QCOMPARE(names.size(), 449);
    QCOMPARE(memberships, 32251);  // 582 rows repeat a track within its playlist
    int inSeveral = 0;
    for (int count : std::as_const(playlistsPerTrack))
        inSeveral += count >= 2 ? 1 : 0;
    QCOMPARE(inSeveral, 2818);
    QCOMPARE(playlistsPerTrack.value("7BKLCZ1jbUBVqRi2FVlTVw"), 8);  // Closer (feat. Halsey)

    const Playlist &first = batch.playlists.front();
    QCOMPARE(first.id, QStringLiteral("37i9dQZF1DXcZDD7cfEKhW"));
    QCOMPARE(first.name, QStringLiteral("Pop Remix"));
    QCOMPARE(first.trackIds.size(), 70);
    QCOMPARE(first.trackIds.front(), QStringLiteral("6f807x0ima9a1j3VPbc7VN"));

    // Five NA rows: four tracks (one is listed twice), kept with their features, without text.
    const QStringList naIds{"69gRFGOWY9OMpFJgFol1u0", "5cjecvX0CmC9gK0Laf5EMQ", "5TTzhRSWQS4Yu8xTgAuq6D",
                            "3VKFip3OdAvv4OfNTgFWeQ"};
    int unnamed = 0;
    int complete = 0;
    int yearOnly = 0;
    int monthOnly = 0;
    int loudAboveZero = 0;
    for (std::size_t i = 0; i < batch.tracks.size(); ++i) {
        const Track &track = batch.tracks[i];
        if (track.name.isEmpty()) {
            ++unnamed;
            QVERIFY2(naIds.contains(track.id), qPrintable(track.id));
            QVERIFY(track.artists.isEmpty());
            QVERIFY(track.album.isEmpty());
        }
        complete += batch.features[i].isComplete() ? 1 : 0;
        yearOnly += track.releaseDate.precision() == ReleaseDate::Precision::Year ? 1 : 0;
        monthOnly += track.releaseDate.precision() == ReleaseDate::Precision::Month ? 1 : 0;
        loudAboveZero += batch.features[i].value(Feature::Loudness) > 0 ? 1 : 0;
    }
    QCOMPARE(unnamed, 4);
    QCOMPARE(complete, 28356);
    QCOMPARE(yearOnly, 1656);
    QCOMPARE(monthOnly, 25);
    QCOMPARE(loudAboveZero, 6);
    QVERIFY(findFeatures(batch, "69gRFGOWY9OMpFJgFol1u0")->isComplete());

    const AudioFeatures *zeroTempo = findFeatures(batch, "51w6nRCU68klqNfYaaVP2j");
    QVERIFY(zeroTempo);
    QVERIFY(zeroTempo->has(Feature::Tempo));
    QCOMPARE(zeroTempo->value(Feature::Tempo), 0.0f);

    const Track *yearTrack = findTrack(batch, "2QtJA4gbwe1AcanB2p21aP");
    QVERIFY(yearTrack);
    QCOMPARE(yearTrack->releaseDate, ReleaseDate::year(2012));
    QCOMPARE(yearTrack->releaseDate.precision(), ReleaseDate::Precision::Year);
    const Track *monthTrack = findTrack(batch, "6ZMda6mscE8eRkuwlw8yFB");
    QVERIFY(monthTrack);
    QCOMPARE(monthTrack->releaseDate, ReleaseDate::month(1981, 12));

    const Track *tyler = findTrack(batch, "7KA4W4McWYRpgf0fWsJZWB");
    QVERIFY(tyler);
    QCOMPARE(tyler->artists, QStringList{"Tyler, The Creator"});

    const Track *firstTrack = findTrack(batch, "6f807x0ima9a1j3VPbc7VN");
    QVERIFY(firstTrack);
    QCOMPARE(firstTrack->name, QStringLiteral("I Don't Care (with Justin Bieber) - Loud Luxury Remix"));
    QCOMPARE(firstTrack->artists, QStringList{"Ed Sheeran"});
    QCOMPARE(firstTrack->popularity, std::optional<int>(66));
    QCOMPARE(firstTrack->releaseDate, ReleaseDate::day(2019, 6, 14));
    QCOMPARE(firstTrack->genre, QStringLiteral("pop"));

    QCOMPARE(lastTotal, QFileInfo(path).size());
    QCOMPARE(lastDone, lastTotal);
}

QTEST_GUILESS_MAIN(TestCatalogImporter)
#include "tst_catalogimporter.moc"
