#include "exportfixtures.h"

#include "export/exportfile.h"
#include "export/jsonexport.h"
#include "export/m3uexport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace encore;
using namespace encore::test;

// The M3U8 and JSON writers, the format a file name asks for, and writing a file whole or not
// at all.
class TestTrackExport : public QObject {
    Q_OBJECT

private slots:
    void m3u8()
    {
        TrackList list = exportRecommendations();
        list.entries.erase(list.entries.begin() + 2);  // a selection: ranks 1, 2 and 4
        QCOMPARE(exportM3u8(list),
                 QByteArray("#EXTM3U\n"
                            "#EXTINF:180,Tyler, The Creator, Kali Uchis - See You Again\n"
                            "https://open.spotify.com/track/0000000000000000000001\n"
                            "#EXTINF:201,Zoë - Café, Olé\n"
                            "https://open.spotify.com/track/0000000000000000000002\n"
                            "#EXTINF:-1,A, B - The \"Quoted\" Song\n"
                            "https://open.spotify.com/track/0000000000000000000004\n"));
    }

    void jsonOfRecommendations()
    {
        const QJsonArray array = QJsonDocument::fromJson(exportJson(exportRecommendations())).array();
        QCOMPARE(array.size(), 4);
        const QJsonObject first = array[0].toObject();
        QCOMPARE(first.keys(),
                 (QStringList{QStringLiteral("artists"), QStringLiteral("name"), QStringLiteral("rank"),
                              QStringLiteral("score"), QStringLiteral("track_id"), QStringLiteral("why")}));
        QCOMPARE(first[QStringLiteral("rank")].toInt(), 1);
        QCOMPARE(first[QStringLiteral("score")].toDouble(), 0.9);
        QCOMPARE(first[QStringLiteral("track_id")].toString(), exportTrackId(1));
        QCOMPARE(first[QStringLiteral("artists")].toArray().size(), 2);
        QCOMPARE(first[QStringLiteral("artists")][0].toString(), QStringLiteral("Tyler, The Creator"));
        QCOMPARE(first[QStringLiteral("why")].toString(), QStringLiteral("same key, tempo 0 vs 120 BPM"));
    }

    void jsonOfPlaylist()
    {
        const QJsonArray array = QJsonDocument::fromJson(exportJson(playlistList(exportCatalog(), 0))).array();
        QCOMPARE(array.size(), 2);
        const QJsonObject second = array[1].toObject();
        QCOMPARE(second.keys(),
                 (QStringList{QStringLiteral("artists"), QStringLiteral("name"), QStringLiteral("rank"),
                              QStringLiteral("track_id")}));
        QCOMPARE(second[QStringLiteral("rank")].toInt(), 2);
        QCOMPARE(second[QStringLiteral("track_id")].toString(), exportTrackId(1));
    }

    void formatFromSuffix_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("format");  // -1: refused
        QTest::newRow("csv") << QStringLiteral("a.csv") << int(ExportFormat::Csv);
        QTest::newRow("CSV") << QStringLiteral("/x/KEPT.CSV") << int(ExportFormat::Csv);
        QTest::newRow("m3u8") << QStringLiteral("a.m3u8") << int(ExportFormat::M3u8);
        QTest::newRow("m3u") << QStringLiteral("a.m3u") << int(ExportFormat::M3u8);
        QTest::newRow("json") << QStringLiteral("a.json") << int(ExportFormat::Json);
        QTest::newRow("txt") << QStringLiteral("a.txt") << -1;
        QTest::newRow("none") << QStringLiteral("kept") << -1;
    }

    void formatFromSuffix()
    {
        QFETCH(QString, name);
        QFETCH(int, format);
        const Result<ExportFormat> found = exportFormatOf(name);
        QCOMPARE(found.ok(), format >= 0);
        if (found.ok()) {
            QCOMPARE(int(*found), format);
        } else {
            QCOMPARE(found.error().kind, ErrorKind::Parse);
            QVERIFY2(found.error().message.contains(QStringLiteral(".csv, .m3u8 or .json")),
                     qPrintable(found.error().message));
        }
    }

    void writesTheFormatTheNameAsks_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("start");
        QTest::newRow("csv") << QStringLiteral("kept.csv") << QByteArray("Track URI,");
        QTest::newRow("m3u8") << QStringLiteral("kept.m3u8") << QByteArray("#EXTM3U\n");
        QTest::newRow("json") << QStringLiteral("kept.json") << QByteArray("[\n");
    }

    void writesTheFormatTheNameAsks()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, start);
        QTemporaryDir dir;
        const QString path = dir.filePath(name);
        QVERIFY(writeTrackList(path, exportRecommendations()).ok());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().startsWith(start));
    }

    void failureLeavesTheOldFileAndSaysWhere()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("missing-folder/kept.csv"));
        const Status written = writeTrackList(path, exportRecommendations());
        QVERIFY(!written.ok());
        QCOMPARE(written.error().kind, ErrorKind::Io);
        QVERIFY2(written.error().message.startsWith(QStringLiteral("Encore could not write ")),
                 qPrintable(written.error().message));
        QVERIFY(!QFile::exists(path));
    }
};

QTEST_GUILESS_MAIN(TestTrackExport)
#include "tst_trackexport.moc"
