#include "exportfixtures.h"

#include "export/csvexport.h"
#include "export/exportfile.h"
#include "storage/librarydb.h"

#include <QTemporaryDir>
#include <QTest>

using namespace encore;
using namespace encore::test;

// An export in Exportify's layout, imported by Encore's own importer into an empty library,
// gives back the songs it was written from.
class TestCsvExport : public QObject {
    Q_OBJECT

private slots:
    void headerIsExportifysThenEncores()
    {
        const QByteArray csv = exportCsv(exportRecommendations());
        QCOMPARE(csv.left(csv.indexOf('\n')),
                 QByteArray("Track URI,Track Name,Artist Name(s),Album Name,Album Release Date,"
                            "Track Duration (ms),Popularity,ISRC,Danceability,Energy,Key,Loudness,"
                            "Mode,Speechiness,Acousticness,Instrumentalness,Liveness,Valence,Tempo,"
                            "Rank,Score,Why,Features Source"));
    }

    void cells_data()
    {
        QTest::addColumn<int>("row");
        QTest::addColumn<QByteArray>("line");
        QTest::newRow("comma in an artist, full date")
            << 0
            << QByteArray("spotify:track:0000000000000000000001,See You Again,\"Tyler\\, The Creator,"
                          "Kali Uchis\",Flower Boy,2017-07-21,180387,81,USQX91701278,0.512,0.734,5,"
                          "-6.25,1,0.0451,0.1234567,1.2e-05,0.118,0.6,118.023,1,0.9,"
                          "\"same key, tempo 0 vs 120 BPM\",catalog");
        QTest::newRow("month, unknown popularity")
            << 1 << QByteArray("spotify:track:0000000000000000000002,\"Café, Olé\",Zoë,Été,2012-06,201499,,,");
        QTest::newRow("year, missing tempo")
            << 2 << QByteArray("spotify:track:0000000000000000000003,Old One,Band,,1999,,0,,");
        QTest::newRow("quotes doubled, no date")
            << 3 << QByteArray("spotify:track:0000000000000000000004,\"The \"\"Quoted\"\" Song\",\"A,B\",,,,,,");
    }

    void cells()
    {
        QFETCH(int, row);
        QFETCH(QByteArray, line);
        const QList<QByteArray> lines = exportCsv(exportRecommendations()).split('\n');
        QCOMPARE(lines.size(), 6);  // header, four songs, the final line end
        QVERIFY2(lines[row + 1].startsWith(line), lines[row + 1].constData());
    }

    void missingValuesAreEmptyCells()
    {
        const QList<QByteArray> lines = exportCsv(exportRecommendations()).split('\n');
        QVERIFY2(lines[3].contains(",0.61,,3,"), lines[3].constData());  // valence, no tempo, rank
        QVERIFY2(lines[3].endsWith(",missing"), lines[3].constData());
    }

    void playlistHasNoScoreOrWhy()
    {
        const QList<QByteArray> lines = exportCsv(playlistList(exportCatalog(), 0)).split('\n');
        QCOMPARE(lines.size(), 4);
        QVERIFY2(lines[1].startsWith("spotify:track:0000000000000000000003,"), lines[1].constData());
        QVERIFY2(lines[1].endsWith(",1,,,missing"), lines[1].constData());
        QVERIFY2(lines[2].endsWith(",2,,,catalog"), lines[2].constData());
    }

    void importsBackIntoAnEmptyLibrary_data()
    {
        QTest::addColumn<int>("row");
        QTest::newRow("comma in an artist, full date, popularity") << 0;
        QTest::newRow("month precision, no popularity") << 1;
        QTest::newRow("year precision, missing tempo") << 2;
        QTest::newRow("quotes, no date") << 3;
    }

    void importsBackIntoAnEmptyLibrary()
    {
        QFETCH(int, row);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const TrackList list = exportRecommendations();
        const QString path = dir.filePath(QStringLiteral("kept.csv"));
        const Status written = writeTrackList(path, list);
        QVERIFY2(written.ok(), written.ok() ? "" : qPrintable(written.error().message));

        auto db = LibraryDb::open(dir.filePath(QStringLiteral("library.sqlite")));
        QVERIFY(db.ok());
        const Result<ImportSummary> summary = importCatalogFile(**db, path);
        QVERIFY2(summary.ok(), summary.ok() ? "" : qPrintable(summary.error().message));
        QVERIFY(summary->rejected.empty());
        const Result<Catalog> imported = (*db)->loadCatalog();
        QVERIFY(imported.ok());
        QCOMPARE(imported->size(), list.catalog->size());

        const Track expected = list.catalog->track(row);
        const int back = imported->rowOf(expected.id);
        QVERIFY(back >= 0);
        const Track actual = imported->track(back);
        QCOMPARE(actual.name, expected.name);
        QCOMPARE(actual.artists, expected.artists);
        QCOMPARE(actual.album, expected.album);
        QCOMPARE(actual.releaseDate, expected.releaseDate);
        QCOMPARE(actual.releaseDate.precision(), expected.releaseDate.precision());
        QCOMPARE(actual.durationMs, expected.durationMs);
        QCOMPARE(actual.popularity, expected.popularity);
        QCOMPARE(actual.isrc, expected.isrc);
        const AudioFeatures want = list.catalog->features(row);
        const AudioFeatures got = imported->features(back);
        for (Feature f : kAllFeatures) {
            QCOMPARE(got.has(f), want.has(f));
            if (want.has(f))
                QCOMPARE(got.value(f), want.value(f));
        }
    }
};

QTEST_GUILESS_MAIN(TestCsvExport)
#include "tst_csvexport.moc"
