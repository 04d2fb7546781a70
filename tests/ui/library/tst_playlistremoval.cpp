#include "library/playlistremoval.h"

#include "ui/uitestcatalog.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace encore;
using namespace encore::test;

namespace {

constexpr int kTimeoutMs = 10000;

// smallCatalog() with "Zed mix" from /music/zed.csv and "Another" from Spotify.
ImportBatch batchWithOrigins()
{
    ImportBatch batch = smallCatalogBatch(QStringLiteral("/music/zed.csv"));
    batch.playlists[1].origin = QStringLiteral("spotify");
    return batch;
}

QStringList playlistNames(const LibrarySnapshot &snapshot)
{
    QStringList names;
    for (const Playlist &playlist : snapshot.catalog->playlists())
        names << playlist.name;
    names.sort();
    return names;
}

}  // namespace

class TestPlaylistRemoval : public QObject {
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("lib-%1.sqlite").arg(++m_counter));
        auto db = LibraryDb::open(m_path);
        QVERIFY(db.ok());
        QVERIFY((*db)->store(batchWithOrigins(), QByteArray("zed-hash")).ok());
    }

    void countsTheSongsThatLeave()
    {
        const LoadOutcome loaded = loadLibrary(m_path);
        QVERIFY(!loaded.error);
        const Catalog &catalog = *loaded.snapshot.catalog;
        const int zed = catalog.playlistIndexOf(QStringLiteral("pl-zed"));
        const int another = catalog.playlistIndexOf(QStringLiteral("pl-another"));

        const std::optional<PlaylistRemoval> playlist = removalOf(catalog, zed, false);
        QVERIFY(playlist.has_value());
        QCOMPARE(playlist->playlistIds, QStringList{QStringLiteral("pl-zed")});
        QCOMPARE(playlist->songsLeaving, 2);  // Beta and Gamma; Alpha is in Another too
        QCOMPARE(playlist->description(), QStringLiteral("“Zed mix”"));

        const std::optional<PlaylistRemoval> file = removalOf(catalog, zed, true);
        QVERIFY(file.has_value());
        QCOMPARE(file->description(), QStringLiteral("the catalog “zed.csv”"));
        QCOMPARE(playlistsFromSameCatalog(catalog, zed), 1);

        // A Spotify playlist came from no file.
        QVERIFY(!removalOf(catalog, another, true).has_value());
        QCOMPARE(playlistsFromSameCatalog(catalog, another), 0);
        QCOMPARE(removalOf(catalog, another, false)->songsLeaving, 2);  // Delta and Epsilon
        QVERIFY(!removalOf(catalog, 7, false).has_value());
    }

    void removesUndoesAndRedoes()
    {
        const LoadOutcome loaded = loadLibrary(m_path);
        const Catalog &catalog = *loaded.snapshot.catalog;
        QUndoStack undo;
        PlaylistRemover remover(m_path, undo);
        QSignalSpy changed(&remover, &PlaylistRemover::libraryChanged);

        remover.remove(*removalOf(catalog, catalog.playlistIndexOf(QStringLiteral("pl-zed")), false));
        QVERIFY(remover.isBusy());
        QVERIFY(!undo.canUndo());  // the step goes on the stack once the removal is made
        QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, kTimeoutMs);
        QVERIFY(!remover.isBusy());
        auto outcome = changed.last().at(0).value<LoadOutcome>();
        QVERIFY(!outcome.error);
        QCOMPARE(playlistNames(outcome.snapshot), QStringList{QStringLiteral("Another")});
        QCOMPARE(outcome.snapshot.catalog->size(), 3);
        QCOMPARE(changed.last().at(1).toString(), QStringLiteral("Removed “Zed mix” and the 2 songs only it held."));
        QCOMPARE(undo.undoText(), QStringLiteral("Remove “Zed mix”"));

        undo.undo();
        QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 2, kTimeoutMs);
        outcome = changed.last().at(0).value<LoadOutcome>();
        QVERIFY(!outcome.error);
        QCOMPARE(playlistNames(outcome.snapshot), (QStringList{QStringLiteral("Another"), QStringLiteral("Zed mix")}));
        QCOMPARE(outcome.snapshot.catalog->size(), 5);
        QCOMPARE(changed.last().at(1).toString(), QStringLiteral("Put back “Zed mix”."));
        QVERIFY(changed.last().at(2).toBool());

        // Redo removes it again, and that removal too can be undone.
        undo.redo();
        QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 3, kTimeoutMs);
        QCOMPARE(changed.last().at(0).value<LoadOutcome>().snapshot.catalog->size(), 3);
        undo.undo();
        QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 4, kTimeoutMs);
        QCOMPARE(changed.last().at(0).value<LoadOutcome>().snapshot.catalog->size(), 5);
    }

    // After the window quits (and forgets removals), an undo left on a stack says so and
    // changes nothing.
    void undoEndsWhenRemovalsAreForgotten()
    {
        const LoadOutcome loaded = loadLibrary(m_path);
        QUndoStack undo;
        PlaylistRemover remover(m_path, undo);
        QSignalSpy changed(&remover, &PlaylistRemover::libraryChanged);
        remover.remove(*removalOf(*loaded.snapshot.catalog, 0, false));
        QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, kTimeoutMs);

        QVERIFY(PlaylistRemover::forgetRemovals(m_path).ok());
        undo.undo();
        QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 2, kTimeoutMs);
        const auto outcome = changed.last().at(0).value<LoadOutcome>();
        QVERIFY(outcome.error.has_value());
        QCOMPARE(outcome.error->kind, ErrorKind::NotFound);
        QCOMPARE(loadLibrary(m_path).snapshot.catalog->playlists().size(), std::size_t(1));
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
    int m_counter = 0;
};

QTEST_MAIN(TestPlaylistRemoval)
#include "tst_playlistremoval.moc"
