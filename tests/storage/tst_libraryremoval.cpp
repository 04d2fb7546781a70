#include "libraryfixtures.h"
#include "storage/librarydb.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

using namespace encore;
using namespace encore::testing;

namespace {

// A second catalog file: its own playlist, holding track 1 (shared with sampleBatch) and track 3.
ImportBatch otherFileBatch()
{
    ImportBatch batch;
    batch.sourcePath = QStringLiteral("/music/other.csv");
    batch.tracks = {makeTrack(trackId(1), QStringLiteral("Alpha"), QStringLiteral("Ann")),
                    makeTrack(trackId(3), QStringLiteral("Gamma"), QStringLiteral("Cy"))};
    batch.features = {AudioFeatures{}, fullFeatures(0.3f)};
    batch.playlists = {
        Playlist{QStringLiteral("pl3"), QStringLiteral("Evening"), {}, batch.sourcePath, {trackId(3), trackId(1)}, {}}};
    return batch;
}

const QByteArray kSampleHash("sample-hash");
const QByteArray kOtherHash("other-hash");

// Everything the library at `path` holds, as text, read through a connection of its own, to
// compare before a removal and after its undo.
QString contentsOf(const QString &path)
{
    const QString connection = QStringLiteral("inspect");
    QString contents;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(path);
        if (!db.open())
            return QStringLiteral("cannot open");
        QSqlQuery query(db);
        for (const char *table : {"tracks", "features", "analyses", "playlists", "playlist_tracks", "imports"}) {
            if (!query.exec(QStringLiteral("SELECT * FROM %1").arg(QLatin1String(table))))
                return QStringLiteral("cannot read ") + QLatin1String(table);
            QStringList rows;
            while (query.next()) {
                QStringList values;
                for (int i = 0; i < query.record().count(); ++i)
                    values << query.value(i).toString();
                rows << values.join(u'|');
            }
            rows.sort();
            contents += QLatin1String(table) + u'\n' + rows.join(u'\n') + u'\n';
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return contents;
}

// Runs one statement on the library at `path` behind LibraryDb's back.
bool execute(const QString &path, const QString &sql)
{
    const QString connection = QStringLiteral("tamper");
    bool done = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(path);
        done = db.open() && QSqlQuery(db).exec(sql);
    }
    QSqlDatabase::removeDatabase(connection);
    return done;
}

QStringList playlistIds(const Catalog &catalog)
{
    QStringList ids;
    for (const Playlist &playlist : catalog.playlists())
        ids << playlist.id;
    ids.sort();
    return ids;
}

}  // namespace

class TestLibraryRemoval : public QObject {
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        auto db = LibraryDb::open(m_dir.filePath(QStringLiteral("lib-%1.sqlite").arg(++m_counter)));
        QVERIFY(db.ok());
        m_db = std::move(*db);
        QVERIFY(m_db->store(sampleBatch(), kSampleHash).ok());
        QVERIFY(m_db->store(otherFileBatch(), kOtherHash).ok());
        const QDateTime when(QDate(2026, 11, 2), QTime(10, 30), Qt::UTC);
        QVERIFY(m_db->recordAnalysis(
                        {trackId(2), QUrl(QStringLiteral("https://cdn.example/p.mp3")), when, AnalysisOutcome::Ok, {}})
                    .ok());
    }
    void cleanup() { m_db.reset(); }

    void aPlaylistTakesOnlyTheSongsNoOtherHolds()
    {
        const Result<Removal> removal = m_db->removePlaylists({QStringLiteral("pl1")});
        QVERIFY(removal.ok());
        QCOMPARE(removal->playlists, 1);
        QCOMPARE(removal->tracks, 1);  // track 2; track 1 is also in pl2 and pl3

        const Result<Catalog> catalog = m_db->loadCatalog();
        QVERIFY(catalog.ok());
        QCOMPARE(playlistIds(*catalog), (QStringList{QStringLiteral("pl2"), QStringLiteral("pl3")}));
        QCOMPARE(m_db->trackCount(), 2);
        QCOMPARE(catalog->rowOf(trackId(2)), -1);
        const Result<std::vector<TrackFeatures>> kept = m_db->tracks(QStringList{trackId(1)});
        QVERIFY(kept.ok());
        QCOMPARE(kept->size(), std::size_t(1));
        QVERIFY(kept->front().features.isComplete());
        QVERIFY(m_db->analysisRecords({trackId(2)})->isEmpty());
    }

    // The file a removed playlist came from is read again by its next import, so that importing
    // it brings the playlist back; other files stay imported.
    void forgetsTheImportOfItsFile()
    {
        QVERIFY(m_db->removePlaylists({QStringLiteral("pl2")}).ok());
        QVERIFY(!m_db->findImport(kSampleHash).has_value());
        QVERIFY(m_db->findImport(kOtherHash).has_value());
    }

    void aWholeCatalogLeavesTheOthersAlone()
    {
        const Result<Removal> removal = m_db->removePlaylists({QStringLiteral("pl1"), QStringLiteral("pl2")});
        QVERIFY(removal.ok());
        QCOMPARE(removal->playlists, 2);
        QCOMPARE(removal->tracks, 1);
        const Result<Catalog> catalog = m_db->loadCatalog();
        QCOMPARE(playlistIds(*catalog), QStringList{QStringLiteral("pl3")});
        QCOMPARE(catalog->playlistTrackIds(0), (QStringList{trackId(3), trackId(1)}));
    }

    void undoPutsBackEveryRowExactly()
    {
        const QString before = contentsOf(m_db->path());
        const Result<Catalog> catalogBefore = m_db->loadCatalog();  // leaves a snapshot behind
        const Result<Removal> removal = m_db->removePlaylists({QStringLiteral("pl1"), QStringLiteral("pl2")});
        QVERIFY(removal.ok());
        QVERIFY(contentsOf(m_db->path()) != before);

        QVERIFY(m_db->restoreRemoval(removal->id).ok());
        QCOMPARE(contentsOf(m_db->path()), before);
        // The snapshot left before the removal shows the library as it is again, but the one
        // read now must come from the restored tables.
        const Result<Catalog> catalogAfter = m_db->loadCatalog();
        QVERIFY(catalogAfter.ok());
        QCOMPARE(playlistIds(*catalogAfter), playlistIds(*catalogBefore));
        QCOMPARE(catalogAfter->size(), catalogBefore->size());
        QVERIFY(m_db->findImport(kSampleHash).has_value());

        // Done once: a second undo of the same removal has nothing left to put back.
        QCOMPARE(m_db->restoreRemoval(removal->id).error().kind, ErrorKind::NotFound);
    }

    void undoLeavesWhatWasImportedAgain()
    {
        const Result<Removal> removal = m_db->removePlaylists({QStringLiteral("pl1")});
        QVERIFY(removal.ok());
        ImportBatch again = sampleBatch();
        again.playlists.front().trackIds = {trackId(1)};  // the file changed meanwhile
        QVERIFY(m_db->store(again, kSampleHash).ok());

        QVERIFY(m_db->restoreRemoval(removal->id).ok());
        const Result<Playlist> playlist = m_db->playlist(QStringLiteral("pl1"));
        QVERIFY(playlist.ok());
        QCOMPARE(playlist->trackIds, QStringList{trackId(1)});
        QCOMPARE(m_db->trackCount(), 3);
    }

    void removalsUndoInAnyOrder()
    {
        const Result<Removal> first = m_db->removePlaylists({QStringLiteral("pl3")});
        const Result<Removal> second = m_db->removePlaylists({QStringLiteral("pl1")});
        QVERIFY(first.ok() && second.ok());
        QVERIFY(first->id != second->id);
        QVERIFY(m_db->restoreRemoval(first->id).ok());
        QCOMPARE(playlistIds(*m_db->loadCatalog()), (QStringList{QStringLiteral("pl2"), QStringLiteral("pl3")}));
        QVERIFY(m_db->restoreRemoval(second->id).ok());
        QCOMPARE(m_db->trackCount(), 3);
    }

    void purgingEndsUndo()
    {
        const Result<Removal> removal = m_db->removePlaylists({QStringLiteral("pl1")});
        QVERIFY(removal.ok());
        QVERIFY(m_db->purgeRemovals().ok());
        const Status restored = m_db->restoreRemoval(removal->id);
        QVERIFY(!restored.ok());
        QCOMPARE(restored.error().kind, ErrorKind::NotFound);
        QCOMPARE(m_db->trackCount(), 2);
        QVERIFY(m_db->purgeRemovals().ok());  // nothing kept: still fine
    }

    void unknownPlaylistsAreNotFound()
    {
        const Result<Removal> removal = m_db->removePlaylists({QStringLiteral("nope")});
        QVERIFY(!removal.ok());
        QCOMPARE(removal.error().kind, ErrorKind::NotFound);
        QCOMPARE(m_db->trackCount(), 3);
    }

    // A failure part way through changes nothing: here the table that keeps removed songs has
    // been made with the wrong shape, so keeping them fails after the playlists were taken.
    void aFailureChangesNothing()
    {
        const QString before = contentsOf(m_db->path());
        QVERIFY(execute(m_db->path(), QStringLiteral("CREATE TABLE removed_tracks (removal INTEGER)")));
        const Result<Removal> removal = m_db->removePlaylists({QStringLiteral("pl1")});
        QVERIFY(!removal.ok());
        QCOMPARE(removal.error().kind, ErrorKind::Database);
        QCOMPARE(contentsOf(m_db->path()), before);
    }

private:
    QTemporaryDir m_dir;
    int m_counter = 0;
    std::unique_ptr<LibraryDb> m_db;
};

QTEST_GUILESS_MAIN(TestLibraryRemoval)
#include "tst_libraryremoval.moc"
