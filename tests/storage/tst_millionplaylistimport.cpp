// Importing a Million Playlist collection into the library: slice by slice, resumable, with
// progress and cancel.
#include "storage/librarydb.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace encore;

namespace {

const QString kFixture = QStringLiteral(ENCORE_TEST_DATA "/mpd/mpd.slice.0-2.json");

// A slice of `count` playlists numbered from `firstPid`, playlist p holding tracks p .. p + 2.
QByteArray sliceOf(int firstPid, int count)
{
    QByteArray playlists;
    for (int pid = firstPid; pid < firstPid + count; ++pid) {
        QByteArray tracks;
        for (int t = pid; t < pid + 3; ++t) {
            const QByteArray id = QByteArray::number(t).rightJustified(22, '0');
            tracks += QByteArray(tracks.isEmpty() ? "" : ",") + R"({"pos": 0, "artist_name": "Artist )"
                + QByteArray::number(t % 7) + R"(", "track_uri": "spotify:track:)" + id + R"(", "track_name": "Song )"
                + QByteArray::number(t) + R"(", "album_uri": "", "duration_ms": 200000, "album_name": "Album"})";
        }
        playlists += QByteArray(playlists.isEmpty() ? "" : ",") + R"({"name": "Mix )" + QByteArray::number(pid)
            + R"(", "pid": )" + QByteArray::number(pid) + R"(, "tracks": [)" + tracks + "]}";
    }
    return R"({"info": {"version": "v1"}, "playlists": [)" + playlists + "]}";
}

}  // namespace

class TestMillionPlaylistImport : public QObject {
    Q_OBJECT

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        QVERIFY(QDir(m_dir->path()).mkdir(QStringLiteral("mpd")));
        m_folder = m_dir->filePath(QStringLiteral("mpd"));
        m_slices.clear();
    }

    void importsAFolderSliceBySlice()
    {
        writeSlice(QStringLiteral("mpd.slice.0-9.json"), sliceOf(0, 10));
        writeSlice(QStringLiteral("mpd.slice.10-19.json"), sliceOf(10, 10));
        auto db = LibraryDb::open(libraryPath());
        QVERIFY(db.ok());

        QList<qint64> reported;
        qint64 reportedTotal = 0;
        const Result<ImportSummary> summary = importCatalogFile(**db, m_folder, [&](qint64 done, qint64 total) {
            reported.push_back(done);
            reportedTotal = total;
            return true;
        });
        QVERIFY2(summary.ok(), summary ? "" : qPrintable(summary.error().message));
        QCOMPARE(summary->playlists, 20);
        QCOMPARE(summary->tracks, 22);  // tracks 0 .. 21, each counted once across the slices
        QCOMPARE(summary->rowsRead, qint64(60));
        QCOMPARE(summary->partsTotal, 2);
        QCOMPARE(summary->partsImported, 2);
        QCOMPARE(summary->firstPlaylistId, QStringLiteral("mpd:0"));
        QVERIFY(!summary->alreadyImported);
        QVERIFY(summary->rejected.empty());

        const qint64 bytes = QFileInfo(sliceAt(0)).size() + QFileInfo(sliceAt(1)).size();
        QCOMPARE(reportedTotal, bytes);
        QCOMPARE(reported.front(), qint64(0));
        QCOMPARE(reported.back(), bytes);
        QVERIFY(std::is_sorted(reported.begin(), reported.end()));

        QCOMPARE((*db)->trackCount(), 22);
        const Result<Playlist> last = (*db)->playlist(QStringLiteral("mpd:19"));
        QVERIFY(last.ok());
        QCOMPARE(last->name, QStringLiteral("Mix 19"));
        QCOMPARE(last->trackIds.size(), 3);
        QCOMPARE(last->origin, sliceAt(1));
        const Result<Catalog> catalog = (*db)->loadCatalog();
        QVERIFY(catalog.ok());
        QCOMPARE(catalog->size(), 22);

        const Result<ImportSummary> again = importCatalogFile(**db, m_folder);
        QVERIFY(again.ok());
        QVERIFY(again->alreadyImported);
        QCOMPARE(again->playlists, 20);
    }

    // Cancelling between slices keeps the slices stored; the same import then reads only the rest.
    void goesOnWhereACancelledImportStopped()
    {
        writeSlice(QStringLiteral("mpd.slice.0-9.json"), sliceOf(0, 10));
        writeSlice(QStringLiteral("mpd.slice.10-19.json"), sliceOf(10, 10));
        writeSlice(QStringLiteral("mpd.slice.20-29.json"), sliceOf(20, 10));
        auto db = LibraryDb::open(libraryPath());
        QVERIFY(db.ok());

        const qint64 firstSlice = QFileInfo(sliceAt(0)).size();
        const Result<ImportSummary> stopped =
            importCatalogFile(**db, m_folder, [&](qint64 done, qint64) { return done < firstSlice; });
        QVERIFY2(stopped.ok(), stopped ? "" : qPrintable(stopped.error().message));
        QCOMPARE(stopped->partsImported, 1);
        QCOMPARE(stopped->partsTotal, 3);
        QCOMPARE(stopped->playlists, 10);
        QCOMPARE((*db)->trackCount(), 12);
        QVERIFY(!(*db)->playlist(QStringLiteral("mpd:10")).ok());

        const Result<ImportSummary> rest = importCatalogFile(**db, m_folder);
        QVERIFY(rest.ok());
        QVERIFY(!rest->alreadyImported);
        QCOMPARE(rest->partsImported, 3);
        QCOMPARE(rest->playlists, 30);
        QCOMPARE(rest->firstPlaylistId, QStringLiteral("mpd:10"));  // the first one new to the library
        QCOMPARE((*db)->trackCount(), 32);
    }

    void cancellingBeforeAnySliceChangesNothing()
    {
        writeSlice(QStringLiteral("mpd.slice.0-9.json"), sliceOf(0, 10));
        auto db = LibraryDb::open(libraryPath());
        QVERIFY(db.ok());
        const Result<ImportSummary> summary = importCatalogFile(**db, m_folder, [](qint64, qint64) { return false; });
        QVERIFY(!summary.ok());
        QCOMPARE(summary.error().kind, ErrorKind::Cancelled);
        QCOMPARE((*db)->trackCount(), 0);
    }

    // A damaged slice stops the import with its name; the slices before it stay.
    void namesTheSliceThatCouldNotBeRead()
    {
        writeSlice(QStringLiteral("mpd.slice.0-9.json"), sliceOf(0, 10));
        writeSlice(QStringLiteral("mpd.slice.10-19.json"), sliceOf(10, 10).left(300));
        auto db = LibraryDb::open(libraryPath());
        QVERIFY(db.ok());
        const Result<ImportSummary> summary = importCatalogFile(**db, m_folder);
        QVERIFY(!summary.ok());
        QCOMPARE(summary.error().kind, ErrorKind::Parse);
        QVERIFY2(summary.error().message.contains(QStringLiteral("mpd.slice.10-19.json")),
                 qPrintable(summary.error().message));
        QVERIFY((*db)->playlist(QStringLiteral("mpd:9")).ok());
    }

    void importsOneSliceFileAndKeepsWhatOthersKnow()
    {
        const QString csv = m_dir->filePath(QStringLiteral("features.csv"));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("track_id,track_name,track_artist,track_album_release_date,danceability,energy,key,loudness,mode,"
                   "speechiness,acousticness,instrumentalness,liveness,valence,tempo\n"
                   "6I9VzXrHxO9rA9A5euc8Ak,Toxic,Britney Spears,2003-11-12,0.77,0.84,5,-3.5,0,0.12,0.03,0.02,0.24,"
                   "0.92,143.0\n");
        file.close();
        auto db = LibraryDb::open(libraryPath());
        QVERIFY(db.ok());
        QVERIFY(importCatalogFile(**db, csv).ok());

        const Result<ImportSummary> summary = importCatalogFile(**db, kFixture);
        QVERIFY2(summary.ok(), summary ? "" : qPrintable(summary.error().message));
        QCOMPARE(summary->playlists, 3);
        QCOMPARE(summary->tracks, 4);
        QCOMPARE(summary->partsTotal, 1);

        const Result<Catalog> catalog = (*db)->loadCatalog();
        QVERIFY(catalog.ok());
        const int toxic = catalog->rowOf(u"6I9VzXrHxO9rA9A5euc8Ak");
        QVERIFY(toxic >= 0);
        // The collection has no features and no release dates: what the CSV gave stays.
        QCOMPARE(catalog->features(toxic).value(Feature::Tempo), 143.0f);
        QCOMPARE(catalog->track(toxic).releaseDate.yearValue(), 2003);
        QCOMPARE(catalog->track(toxic).album, QStringLiteral("In The Zone"));
        const int crazy = catalog->rowOf(u"0WqIKmW4BTrj3eJFmnCKMv");
        QVERIFY(crazy >= 0);
        QVERIFY(std::isnan(catalog->features(crazy).value(Feature::Energy)));
    }

    void saysWhereEntriesWereSkipped()
    {
        QByteArray slice = sliceOf(0, 2);
        const QByteArray one = QByteArray::number(1).rightJustified(22, '0');
        slice.replace(QByteArray("spotify:track:" + one), QByteArray("spotify:episode:" + one));
        writeSlice(QStringLiteral("mpd.slice.0-1.json"), slice);
        auto db = LibraryDb::open(libraryPath());
        QVERIFY(db.ok());
        const Result<ImportSummary> summary = importCatalogFile(**db, m_folder);
        QVERIFY(summary.ok());
        QCOMPARE(summary->rejected.size(), std::size_t(2));  // track 1 is in both playlists
        QCOMPARE(summary->rejected[0].reason,
                 QStringLiteral("mpd.slice.0-1.json: Playlist 1 (\"Mix 0\"), track 2: not a Spotify track: "
                                "\"spotify:episode:%1\"")
                     .arg(QString::fromLatin1(one)));
    }

    // A collection of many slices is imported without the entries' by-track index, which is
    // built once at the end: also when the import is cancelled half-way.
    void aLongImportLeavesTheIndexAsItFoundIt()
    {
        for (int slice = 0; slice < 12; ++slice)
            writeSlice(QStringLiteral("mpd.slice.%1-%2.json").arg(slice * 10).arg(slice * 10 + 9),
                       sliceOf(slice * 10, 10));
        auto db = LibraryDb::open(libraryPath());
        QVERIFY(db.ok());
        bool indexedMidway = true;
        const Result<ImportSummary> stopped = importCatalogFile(**db, m_folder, [&](qint64 done, qint64) {
            if (done > 0)
                indexedMidway = indexedMidway && hasTrackIndex();
            return done < 4 * QFileInfo(sliceAt(0)).size();
        });
        QVERIFY(stopped.ok());
        QVERIFY(stopped->partsImported < stopped->partsTotal);
        QVERIFY(!indexedMidway);
        QVERIFY(hasTrackIndex());

        const Result<ImportSummary> rest = importCatalogFile(**db, m_folder);
        QVERIFY(rest.ok());
        QCOMPARE(rest->partsImported, 12);
        QVERIFY(hasTrackIndex());
        QCOMPARE((*db)->trackCount(), 122);

        // Nothing left to store: the index is left alone.
        bool indexedThroughout = true;
        const Result<ImportSummary> again = importCatalogFile(**db, m_folder, [&](qint64, qint64) {
            indexedThroughout = indexedThroughout && hasTrackIndex();
            return true;
        });
        QVERIFY(again.ok());
        QVERIFY(again->alreadyImported);
        QVERIFY(indexedThroughout);
    }

    void refusesAFolderWithoutSlices()
    {
        auto db = LibraryDb::open(libraryPath());
        QVERIFY(db.ok());
        const Result<ImportSummary> summary = importCatalogFile(**db, m_folder);
        QVERIFY(!summary.ok());
        QCOMPARE(summary.error().kind, ErrorKind::NotFound);
    }

private:
    bool hasTrackIndex() const
    {
        bool found = false;
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
            raw.setDatabaseName(libraryPath());
            if (raw.open()) {
                QSqlQuery query(raw);
                found = query.exec(QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'index'"
                                                  " AND name = 'playlist_tracks_by_track'"))
                    && query.next();
            }
        }
        QSqlDatabase::removeDatabase(QStringLiteral("raw"));
        return found;
    }
    QString libraryPath() const { return m_dir->filePath(QStringLiteral("library.sqlite")); }
    QString sliceAt(int index) const { return m_slices.at(index); }

    void writeSlice(const QString &name, const QByteArray &bytes)
    {
        QFile file(QDir(m_folder).filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(bytes), bytes.size());
        m_slices.push_back(file.fileName());
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_folder;
    QStringList m_slices;
};

QTEST_GUILESS_MAIN(TestMillionPlaylistImport)
#include "tst_millionplaylistimport.moc"
