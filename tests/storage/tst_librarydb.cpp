#include "libraryfixtures.h"
#include "storage/librarydb.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace encore;
using namespace encore::testing;

class TestLibraryDb : public QObject {
    Q_OBJECT

    // Marks the library at `path` as being at schema `version`, as an older or newer Encore left it.
    static bool setSchemaVersion(const QString &path, int version)
    {
        bool done = false;
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
            raw.setDatabaseName(path);
            done = raw.open() && QSqlQuery(raw).exec(QStringLiteral("PRAGMA user_version = %1").arg(version));
            raw.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("raw"));
        return done;
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("lib-%1.sqlite").arg(++m_counter));
    }

    void roundTripKeepsEveryField()
    {
        auto db = LibraryDb::open(m_path);
        QVERIFY2(db, qPrintable(db ? QString() : db.error().message));
        QVERIFY((*db)->store(sampleBatch(), QByteArray("hash-1")).ok());

        const Result<Catalog> catalog = (*db)->loadCatalog();
        QVERIFY(catalog.ok());
        QCOMPARE(catalog->size(), 2);
        const Track &first = catalog->track(catalog->rowOf(trackId(1)));
        QCOMPARE(first.name, QStringLiteral("Alpha"));
        QCOMPARE(first.artists, QStringList({QStringLiteral("Ann"), QStringLiteral("Tyler, The Creator")}));
        QCOMPARE(first.album, QStringLiteral("First Album"));
        QCOMPARE(first.albumId, QStringLiteral("album1"));
        QCOMPARE(first.releaseDate.precision(), ReleaseDate::Precision::Month);
        QCOMPARE(first.releaseDate.toString(), QStringLiteral("2012-06"));
        QCOMPARE(first.durationMs, 201000);
        QCOMPARE(first.isrc, QStringLiteral("USUM71200001"));
        QVERIFY(first.popularity.has_value());
        QCOMPARE(*first.popularity, 0);
        QCOMPARE(first.genre, QStringLiteral("pop"));

        const int secondRow = catalog->rowOf(trackId(2));
        QVERIFY(!catalog->track(secondRow).popularity.has_value());
        QCOMPARE(catalog->track(secondRow).releaseDate.precision(), ReleaseDate::Precision::Year);
        QVERIFY(catalog->hasFeatures(catalog->rowOf(trackId(1))));
        QVERIFY(!catalog->hasFeatures(secondRow));
        QVERIFY(std::isnan(catalog->featureMatrix()(secondRow, index(Feature::Tempo))));
        QCOMPARE(catalog->featureSource(secondRow, Feature::Tempo), FeatureSource::Missing);
        QCOMPARE(catalog->featureSource(secondRow, Feature::Energy), FeatureSource::Catalog);
        QCOMPARE(catalog->featureMatrix()(secondRow, index(Feature::Energy)), 1.5f);

        const int roadtrip = catalog->playlistIndexOf(QStringLiteral("pl1"));
        QVERIFY(roadtrip >= 0);
        QCOMPARE(catalog->playlists()[roadtrip].name, QStringLiteral("Roadtrip"));
        QCOMPARE(catalog->playlistTrackIds(roadtrip), QStringList({trackId(2), trackId(1)}));
        QCOMPARE(catalog->playlistRows(roadtrip).size(), std::size_t(2));
    }

    // The snapshot beside the database is a cache: every load shows the tables as they are now.
    void theSnapshotFollowsEveryChange()
    {
        auto db = LibraryDb::open(m_path);
        QVERIFY(db);
        QVERIFY((*db)->loadCatalog()->isEmpty());
        QVERIFY((*db)->store(sampleBatch(), QByteArray("hash-1")).ok());
        const Result<Catalog> fromTables = (*db)->loadCatalog();
        QCOMPARE(fromTables->size(), 2);
        QVERIFY(QFile::exists((*db)->snapshotPath()));
        const Result<Catalog> fromSnapshot = (*db)->loadCatalog();
        QCOMPARE(fromSnapshot->size(), 2);
        QVERIFY(fromSnapshot->columns().ids.chars.isMapped());
        // Both name the generation they show, which the ranking cache is keyed to.
        QVERIFY(fromTables->generation().has_value());
        QCOMPARE(fromSnapshot->generation(), fromTables->generation());

        ImportBatch more = sampleBatch();
        more.tracks = {makeTrack(trackId(3), QStringLiteral("Gamma"), QStringLiteral("Cy"))};
        more.features = {fullFeatures(0.3f)};
        more.playlists = {
            Playlist{QStringLiteral("pl1"), QStringLiteral("Roadtrip"), {}, more.sourcePath, {trackId(3)}, {}}};
        QVERIFY((*db)->store(more, QByteArray("hash-2")).ok());
        Result<Catalog> afterStore = (*db)->loadCatalog();
        QCOMPARE(afterStore->size(), 3);
        QVERIFY(afterStore->generation() != fromTables->generation());
        QCOMPARE(afterStore->playlistTrackIds(0), QStringList({trackId(3)}));
        QVERIFY(!afterStore->hasFeatures(afterStore->rowOf(trackId(2))));

        AudioFeatures tempo;
        tempo.set(Feature::Tempo, 120.0f, FeatureSource::ReccoBeats);
        QVERIFY((*db)->storeFoundFeatures({FoundFeatures{trackId(2), tempo}}).ok());
        const Result<Catalog> afterFind = (*db)->loadCatalog();
        QVERIFY(afterFind->hasFeatures(afterFind->rowOf(trackId(2))));
        QVERIFY(afterFind->generation() != afterStore->generation());
        QCOMPARE(afterFind->featureSource(afterFind->rowOf(trackId(2)), Feature::Tempo), FeatureSource::ReccoBeats);

        // Another connection's change counts too, and so does a library made anew at the same path.
        QVERIFY((*LibraryDb::open(m_path))->store(sampleBatch(), QByteArray("hash-3")).ok());
        QCOMPARE((*db)->loadCatalog()->size(), 3);
        db->reset();
        QSqlDatabase::removeDatabase(QString());
        QVERIFY(QFile::remove(m_path));
        QFile::remove(m_path + QStringLiteral("-wal"));
        QFile::remove(m_path + QStringLiteral("-shm"));
        auto fresh = LibraryDb::open(m_path);
        QVERIFY(fresh);
        QVERIFY((*fresh)->loadCatalog()->isEmpty());
    }

    void storingTwiceDuplicatesNothing()
    {
        auto db = LibraryDb::open(m_path);
        QVERIFY(db.ok());
        QVERIFY((*db)->store(sampleBatch(), QByteArray("hash-1")).ok());
        QVERIFY((*db)->store(sampleBatch(), QByteArray("hash-1")).ok());
        QCOMPARE((*db)->trackCount(), 2);
        const Result<Catalog> catalog = (*db)->loadCatalog();
        QVERIFY(catalog.ok());
        QCOMPARE(catalog->playlists().size(), std::size_t(2));
        QCOMPARE(catalog->playlistTrackIds(catalog->playlistIndexOf(QStringLiteral("pl1"))).size(), 2);
    }

    // A row SQLite refuses (an entry naming a track nowhere) fails the whole store, in words, and
    // leaves the library as it was; also after a store whose entries all name its own tracks,
    // which SQLite was let off checking.
    void aRefusedRowStoresNothing()
    {
        auto db = LibraryDb::open(m_path);
        QVERIFY(db.ok());
        QVERIFY((*db)->store(sampleBatch(), {}).ok());
        ImportBatch batch = sampleBatch();
        batch.tracks.push_back(makeTrack(trackId(3), QStringLiteral("Gamma"), QStringLiteral("Cy")));
        batch.features.resize(batch.tracks.size());
        batch.playlists.back().trackIds = {trackId(3), trackId(99)};
        const Status stored = (*db)->store(batch, QByteArray("refused"));
        QVERIFY(!stored.ok());
        QCOMPARE(stored.error().kind, ErrorKind::Database);
        QVERIFY2(
            stored.error().message.contains(QStringLiteral("store a playlist entry (FOREIGN KEY constraint failed)")),
            qPrintable(stored.error().message));
        QCOMPARE((*db)->trackCount(), 2);
        QCOMPARE((*db)->playlist(QStringLiteral("pl2"))->trackIds, QStringList{trackId(1)});
        QVERIFY(!(*db)->findImport(QByteArray("refused")));
    }

    void aRepeatedIdInOneBatchMergesInFileOrder()
    {
        auto db = LibraryDb::open(m_path);
        QVERIFY(db.ok());
        ImportBatch batch;
        Track first = makeTrack(trackId(5), QStringLiteral("First"), QStringLiteral("Ann"));
        first.album = QStringLiteral("Only in the first");
        Track later = makeTrack(trackId(5), QStringLiteral("Later"), QStringLiteral("Ann"));
        batch.tracks = {makeTrack(trackId(9), QStringLiteral("Nine"), QStringLiteral("Bo")), first,
                        makeTrack(trackId(1), QStringLiteral("One"), QStringLiteral("Cy")), later};
        batch.features = {fullFeatures(0.1f), fullFeatures(0.2f), fullFeatures(0.3f), fullFeatures(0.4f)};
        QVERIFY((*db)->store(batch, {}).ok());

        const Result<Catalog> catalog = (*db)->loadCatalog();
        QCOMPARE(catalog->size(), 3);
        const Track merged = catalog->track(catalog->rowOf(trackId(5)));
        QCOMPARE(merged.name, QStringLiteral("Later"));               // the later non-empty value wins
        QCOMPARE(merged.album, QStringLiteral("Only in the first"));  // an empty one erases nothing
        QCOMPARE(catalog->featureMatrix()(catalog->rowOf(trackId(5)), 0), 0.4f);
    }

    void missingValuesNeverEraseKnownOnes()
    {
        auto db = LibraryDb::open(m_path);
        QVERIFY(db.ok());
        QVERIFY((*db)->store(sampleBatch(), {}).ok());

        ImportBatch later;
        Track sparse = makeTrack(trackId(1), QString(), QString());
        sparse.artists.clear();
        later.tracks = {sparse};
        AudioFeatures onlyTempo;
        onlyTempo.set(Feature::Tempo, 99.0f, FeatureSource::Catalog);
        later.features = {onlyTempo};
        QVERIFY((*db)->store(later, {}).ok());

        const Result<Catalog> catalog = (*db)->loadCatalog();
        QVERIFY(catalog.ok());
        const int row = catalog->rowOf(trackId(1));
        QCOMPARE(catalog->track(row).name, QStringLiteral("Alpha"));
        QCOMPARE(catalog->track(row).artists.size(), 2);
        QVERIFY(catalog->track(row).popularity.has_value());
        QCOMPARE(catalog->featureMatrix()(row, index(Feature::Tempo)), 99.0f);
        QCOMPARE(catalog->featureMatrix()(row, index(Feature::Energy)), 1.1f);
    }

    void remembersImportsByContent()
    {
        auto db = LibraryDb::open(m_path);
        QVERIFY(db.ok());
        QVERIFY(!(*db)->findImport(QByteArray("hash-1")).has_value());
        QVERIFY((*db)->store(sampleBatch(), QByteArray("hash-1")).ok());
        const std::optional<ImportSummary> previous = (*db)->findImport(QByteArray("hash-1"));
        QVERIFY(previous.has_value());
        QVERIFY(previous->alreadyImported);
        QCOMPARE(previous->tracks, 2);
        QCOMPARE(previous->playlists, 2);
    }

    void reopensWithoutReimporting()
    {
        {
            auto db = LibraryDb::open(m_path);
            QVERIFY(db.ok());
            QVERIFY((*db)->store(sampleBatch(), {}).ok());
        }
        auto reopened = LibraryDb::open(m_path);
        QVERIFY(reopened.ok());
        QCOMPARE((*reopened)->trackCount(), 2);
    }

    void refusesNewerSchema()
    {
        QVERIFY(setSchemaVersion(m_path, 999));
        const auto db = LibraryDb::open(m_path);
        QVERIFY(!db.ok());
        QCOMPARE(db.error().kind, ErrorKind::Database);
        QVERIFY(db.error().message.contains(QStringLiteral("newer version")));
    }

    void upgradesVersion1AndKeepsItsData()
    {
        {
            // The part of the version 1 schema this test needs, with some data in it.
            QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v1"));
            raw.setDatabaseName(m_path);
            QVERIFY(raw.open());
            QSqlQuery query(raw);
            for (const char *sql :
                 {"CREATE TABLE tracks (id TEXT PRIMARY KEY, name TEXT NOT NULL, artists TEXT NOT NULL,"
                  " album TEXT NOT NULL, album_id TEXT NOT NULL, release_date TEXT NOT NULL,"
                  " duration_ms INTEGER NOT NULL, isrc TEXT NOT NULL, popularity INTEGER,"
                  " genre TEXT NOT NULL)",
                  "CREATE TABLE playlists (id TEXT PRIMARY KEY, name TEXT NOT NULL,"
                  " owner TEXT NOT NULL, origin TEXT NOT NULL)",
                  "CREATE TABLE playlist_tracks (playlist_id TEXT NOT NULL, position INTEGER NOT NULL,"
                  " track_id TEXT NOT NULL, PRIMARY KEY (playlist_id, position))",
                  "INSERT INTO tracks VALUES ('1111111111111111111111', 'Alpha', '[\"Ann\"]', '', '',"
                  " '', 0, '', NULL, '')",
                  "INSERT INTO playlists VALUES ('pl1', 'Roadtrip', 'Ann', 'spotify')",
                  "INSERT INTO playlist_tracks VALUES ('pl1', 0, '1111111111111111111111')",
                  "PRAGMA user_version = 1"}) {
                QVERIFY2(query.exec(QString::fromLatin1(sql)), sql);
            }
            QString featureColumns;
            for (Feature f : kAllFeatures)
                featureColumns += QStringLiteral(", %1 REAL, %1_source INTEGER NOT NULL DEFAULT 0").arg(featureKey(f));
            QVERIFY(
                query.exec(QStringLiteral("CREATE TABLE features (track_id TEXT PRIMARY KEY%1)").arg(featureColumns)));
            raw.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("v1"));

        auto db = LibraryDb::open(m_path);
        QVERIFY2(db, qPrintable(db ? QString() : db.error().message));
        QCOMPARE((*db)->trackCount(), 1);
        const Result<Playlist> kept = (*db)->playlist(QStringLiteral("pl1"));
        QVERIFY2(kept, qPrintable(kept ? QString() : kept.error().message));
        QCOMPARE(kept->name, QStringLiteral("Roadtrip"));
        QCOMPARE(kept->owner, QStringLiteral("Ann"));
        QCOMPARE(kept->trackIds, QStringList{QStringLiteral("1111111111111111111111")});
        QCOMPARE(kept->snapshotId, QString(""));

        // The snapshot id is stored and replaced with the playlist.
        ImportBatch batch;
        batch.tracks = {makeTrack(trackId(1), QStringLiteral("Alpha"), QStringLiteral("Ann"))};
        batch.features.resize(1);
        Playlist fetched{QStringLiteral("pl1"), QStringLiteral("Roadtrip"),
                         QStringLiteral("Ann"), QStringLiteral("spotify"),
                         {trackId(1)},          QStringLiteral("snap-2")};
        batch.playlists = {fetched};
        QVERIFY((*db)->store(batch, {}).ok());
        QCOMPARE((*db)->playlist(QStringLiteral("pl1"))->snapshotId, QStringLiteral("snap-2"));
        QCOMPARE((*db)->playlist(QStringLiteral("pl1"))->trackIds, QStringList{trackId(1)});
        QCOMPARE((*db)->playlist(QStringLiteral("nope")).error().kind, ErrorKind::NotFound);
        db->reset();

        // Reopening finds the current version and does not upgrade again.
        auto again = LibraryDb::open(m_path);
        QVERIFY(again.ok());
        QCOMPARE((*again)->playlist(QStringLiteral("pl1"))->snapshotId, QStringLiteral("snap-2"));
    }

    void upgradesVersion2AndKeepsItsData()
    {
        {
            // The whole version 2 schema, with a track, its features and a playlist.
            QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v2"));
            raw.setDatabaseName(m_path);
            QVERIFY(raw.open());
            QSqlQuery query(raw);
            QString featureColumns;
            QString featureValues;
            for (Feature f : kAllFeatures) {
                featureColumns += QStringLiteral(", %1 REAL, %1_source INTEGER NOT NULL DEFAULT 0").arg(featureKey(f));
                featureValues += QStringLiteral(", 0.5, 1");
            }
            const QStringList statements = {
                QStringLiteral("CREATE TABLE tracks (id TEXT PRIMARY KEY, name TEXT NOT NULL,"
                               " artists TEXT NOT NULL, album TEXT NOT NULL, album_id TEXT NOT NULL,"
                               " release_date TEXT NOT NULL, duration_ms INTEGER NOT NULL,"
                               " isrc TEXT NOT NULL, popularity INTEGER, genre TEXT NOT NULL)"),
                QStringLiteral("CREATE TABLE features (track_id TEXT PRIMARY KEY%1)").arg(featureColumns),
                QStringLiteral("CREATE TABLE playlists (id TEXT PRIMARY KEY, name TEXT NOT NULL,"
                               " owner TEXT NOT NULL, origin TEXT NOT NULL,"
                               " snapshot_id TEXT NOT NULL DEFAULT '')"),
                QStringLiteral("CREATE TABLE playlist_tracks (playlist_id TEXT NOT NULL,"
                               " position INTEGER NOT NULL, track_id TEXT NOT NULL,"
                               " PRIMARY KEY (playlist_id, position))"),
                QStringLiteral("INSERT INTO tracks VALUES ('%1', 'Alpha', '[\"Ann\"]', '', '', '',"
                               " 0, 'USUM71200001', 40, '')")
                    .arg(trackId(1)),
                QStringLiteral("INSERT INTO features VALUES ('%1'%2)").arg(trackId(1), featureValues),
                QStringLiteral("INSERT INTO playlists VALUES ('pl1', 'Roadtrip', 'Ann', 'spotify', 'snap-1')"),
                QStringLiteral("INSERT INTO playlist_tracks VALUES ('pl1', 0, '%1')").arg(trackId(1)),
                QStringLiteral("PRAGMA user_version = 2")};
            for (const QString &sql : statements)
                QVERIFY2(query.exec(sql), qPrintable(sql + query.lastError().text()));
            raw.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("v2"));

        auto db = LibraryDb::open(m_path);
        QVERIFY2(db, qPrintable(db ? QString() : db.error().message));
        const Result<Catalog> catalog = (*db)->loadCatalog();
        QVERIFY(catalog.ok());
        QCOMPARE(catalog->size(), 1);
        QCOMPARE(catalog->track(0).isrc, QStringLiteral("USUM71200001"));
        QCOMPARE(*catalog->track(0).popularity, 40);
        QVERIFY(catalog->track(0).previewUrl.isEmpty());
        QVERIFY(catalog->hasFeatures(0));
        QCOMPARE(catalog->featureSource(0, Feature::Tempo), FeatureSource::Catalog);
        QCOMPARE((*db)->playlist(QStringLiteral("pl1"))->snapshotId, QStringLiteral("snap-1"));
        const auto records = (*db)->analysisRecords({trackId(1)});
        QVERIFY(records.ok());
        QVERIFY(records->isEmpty());
    }

    void keepsSpotifyPreviewUrl()
    {
        auto db = LibraryDb::open(m_path);
        QVERIFY(db.ok());
        ImportBatch batch;
        Track track = makeTrack(trackId(1), QStringLiteral("Alpha"), QStringLiteral("Ann"));
        track.previewUrl = QUrl(QStringLiteral("https://p.scdn.co/mp3-preview/abc?cid=1"));
        batch.tracks = {track};
        batch.features.resize(1);
        QVERIFY((*db)->store(batch, {}).ok());
        // A later read without a preview keeps the known one.
        batch.tracks[0].previewUrl = QUrl();
        QVERIFY((*db)->store(batch, {}).ok());
        const auto stored = (*db)->tracks(QStringList{trackId(1)});
        QVERIFY(stored.ok());
        QCOMPARE(stored->size(), std::size_t(1));
        QCOMPARE(stored->front().track.previewUrl, track.previewUrl);
    }

    void keepsAlbumCovers()
    {
        auto db = LibraryDb::open(m_path);
        QVERIFY(db.ok());
        QVERIFY((*db)->albumCovers()->isEmpty());
        ImportBatch batch;
        const QString album = QStringLiteral("05aqnnpYVOvsX0SIzmIuxi");
        batch.albumCovers.insert(album, QUrl(QStringLiteral("https://i.scdn.co/image/old")));
        QVERIFY((*db)->store(batch, {}).ok());
        // A later read of the album brings its current link.
        batch.albumCovers.insert(album, QUrl(QStringLiteral("https://i.scdn.co/image/ab67616d00001e02")));
        QVERIFY((*db)->store(batch, {}).ok());
        db->reset();
        db = LibraryDb::open(m_path);
        QVERIFY(db.ok());
        const auto covers = (*db)->albumCovers();
        QVERIFY(covers.ok());
        QCOMPARE(*covers,
                 (QHash<QString, QUrl>{{album, QUrl(QStringLiteral("https://i.scdn.co/image/ab67616d00001e02"))}}));
    }

    void foundFeaturesFillOnlyGaps()
    {
        auto db = LibraryDb::open(m_path);
        QVERIFY(db.ok());
        QVERIFY((*db)->store(sampleBatch(), {}).ok());  // track 2 misses its tempo

        AudioFeatures reccoBeats;
        for (Feature f : kAllFeatures)
            reccoBeats.set(f, 100.0f + float(index(f)), FeatureSource::ReccoBeats);
        AudioFeatures analysisTempoOnly;
        analysisTempoOnly.set(Feature::Tempo, 200.0f, FeatureSource::Analysis);
        const std::vector<FoundFeatures> found = {
            {trackId(2), reccoBeats},
            {trackId(2), analysisTempoOnly},  // later: the first known value stays
            {trackId(9), reccoBeats},         // not in the library: dropped
            {trackId(1), AudioFeatures()}};   // nothing found: changes nothing
        QVERIFY((*db)->storeFoundFeatures(found).ok());

        const auto rows = (*db)->tracks(QStringList{trackId(1), trackId(2), trackId(9)});
        QVERIFY(rows.ok());
        QCOMPARE(rows->size(), std::size_t(2));
        for (const TrackFeatures &row : *rows) {
            if (row.track.id == trackId(1)) {
                QCOMPARE(row.features.source(Feature::Tempo), FeatureSource::Catalog);
                QCOMPARE(row.features.value(Feature::Tempo), 0.1f + float(index(Feature::Tempo)));
                continue;
            }
            QCOMPARE(row.features.source(Feature::Energy), FeatureSource::Catalog);
            QCOMPARE(row.features.value(Feature::Energy), 1.5f);
            QCOMPARE(row.features.source(Feature::Tempo), FeatureSource::ReccoBeats);
            QCOMPARE(row.features.value(Feature::Tempo), 110.0f);
        }
    }

    void missingFeaturesByScope()
    {
        auto db = LibraryDb::open(m_path);
        QVERIFY(db.ok());
        ImportBatch batch = sampleBatch();
        batch.tracks.push_back(makeTrack(trackId(3), QStringLiteral("Gamma"), QStringLiteral("Cy")));
        batch.features.emplace_back();  // no features row at all
        QVERIFY((*db)->store(batch, {}).ok());

        auto ids = [](const Result<std::vector<TrackFeatures>> &rows) {
            QStringList list;
            for (const TrackFeatures &row : *rows)
                list << row.track.id;
            list.sort();
            return list;
        };
        QCOMPARE(ids((*db)->tracksMissingFeatures(std::nullopt)), QStringList({trackId(2), trackId(3)}));
        QCOMPARE(ids((*db)->tracksMissingFeatures(QStringList{trackId(1), trackId(3)})), QStringList{trackId(3)});
        QCOMPARE(ids((*db)->catalogReferenceTracks()), QStringList({trackId(1), trackId(2)}));

        // More ids than one statement takes.
        QStringList many;
        for (int i = 0; i < 1200; ++i)
            many << trackId(1000 + i);
        many << trackId(2);
        QCOMPARE(ids((*db)->tracksMissingFeatures(many)), QStringList{trackId(2)});
    }

    void countsTracksBySource()
    {
        auto db = LibraryDb::open(m_path);
        QVERIFY(db.ok());
        ImportBatch batch = sampleBatch();
        for (int n = 3; n <= 5; ++n) {
            batch.tracks.push_back(makeTrack(trackId(n), QStringLiteral("T%1").arg(n), QStringLiteral("A")));
            batch.features.emplace_back();
        }
        QVERIFY((*db)->store(batch, {}).ok());
        AudioFeatures mostlyReccoBeats;
        AudioFeatures mostlyAnalysis;
        for (Feature f : kAllFeatures) {
            mostlyReccoBeats.set(f, 0.5f, index(f) < 6 ? FeatureSource::ReccoBeats : FeatureSource::Analysis);
            mostlyAnalysis.set(f, 0.5f, index(f) < 5 ? FeatureSource::Spotify : FeatureSource::Analysis);
        }
        QVERIFY((*db)->storeFoundFeatures({{trackId(3), mostlyReccoBeats}, {trackId(4), mostlyAnalysis}}).ok());

        const Result<FeatureSourceCounts> all = (*db)->featureSourceCounts(std::nullopt);
        QVERIFY(all.ok());
        QCOMPARE(all->catalog, 1);     // track 1
        QCOMPARE(all->reccoBeats, 1);  // track 3
        QCOMPARE(all->analysis, 1);    // track 4
        QCOMPARE(all->spotify, 0);
        QCOMPARE(all->missing, 2);  // track 2 lacks its tempo, track 5 has nothing
        QCOMPARE(all->total(), 5);

        const Result<FeatureSourceCounts> some = (*db)->featureSourceCounts(QStringList{trackId(1), trackId(5)});
        QVERIFY(some.ok());
        QCOMPARE(some->catalog, 1);
        QCOMPARE(some->missing, 1);
        QCOMPARE(some->total(), 2);
    }

    void countedSourceBreaksTiesByTrust()
    {
        AudioFeatures tied;
        for (Feature f : kAllFeatures)
            tied.set(f, 0.5f,
                     index(f) < 5        ? FeatureSource::Analysis
                         : index(f) < 10 ? FeatureSource::Catalog
                                         : FeatureSource::Spotify);
        QCOMPARE(countedSource(tied), FeatureSource::Catalog);
        tied.set(Feature::Tempo, std::nanf(""), FeatureSource::Missing);
        QCOMPARE(countedSource(tied), FeatureSource::Missing);
    }

    void remembersAnalyses()
    {
        auto db = LibraryDb::open(m_path);
        QVERIFY(db.ok());
        QVERIFY((*db)->store(sampleBatch(), {}).ok());
        const QDateTime when = QDateTime(QDate(2026, 11, 2), QTime(10, 30), Qt::UTC);
        const AnalysisRecord failed{trackId(2), QUrl(QStringLiteral("https://cdn.example/p.mp3")), when,
                                    AnalysisOutcome::Failed, QStringLiteral("The preview could not be decoded.")};
        QVERIFY((*db)->recordAnalysis(failed).ok());
        QVERIFY((*db)->recordAnalysis({trackId(9), {}, when, AnalysisOutcome::NoPreview, {}}).ok());
        auto records = (*db)->analysisRecords({trackId(1), trackId(2), trackId(9)});
        QVERIFY(records.ok());
        QCOMPARE(records->size(), 1);
        const AnalysisRecord read = records->value(trackId(2));
        QCOMPARE(read.previewUrl, failed.previewUrl);
        QCOMPARE(read.analysedAt, when);
        QCOMPARE(read.outcome, AnalysisOutcome::Failed);
        QCOMPARE(read.reason, failed.reason);

        // A later analysis replaces the record.
        QVERIFY((*db)->recordAnalysis({trackId(2), failed.previewUrl, when.addDays(40), AnalysisOutcome::Ok, {}}).ok());
        records = (*db)->analysisRecords({trackId(2)});
        QCOMPARE(records->value(trackId(2)).outcome, AnalysisOutcome::Ok);
        QVERIFY(records->value(trackId(2)).reason.isEmpty());
    }

    // Each row: reactions made in order (seed, track, '+' like / '-' dislike / '0' clear), and
    // what feedback() reads back, in order.
    void remembersFeedback_data()
    {
        QTest::addColumn<QStringList>("made");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("none") << QStringList{} << QStringList{};
        QTest::newRow("in the order made") << QStringList{"s1 t2 +", "s1 t1 -", "playlist:pl1 t1 +"}
                                           << QStringList{"s1 t2 +", "s1 t1 -", "playlist:pl1 t1 +"};
        QTest::newRow("a later reaction replaces and moves last")
            << QStringList{"s1 t1 +", "s1 t2 +", "s1 t1 -"} << QStringList{"s1 t2 +", "s1 t1 -"};
        QTest::newRow("same track, other seed is separate")
            << QStringList{"s1 t1 +", "s2 t1 -"} << QStringList{"s1 t1 +", "s2 t1 -"};
        QTest::newRow("cleared") << QStringList{"s1 t1 +", "s1 t2 -", "s1 t1 0"} << QStringList{"s1 t2 -"};
        QTest::newRow("clearing what is not there")
            << QStringList{"s1 t1 +", "s2 t1 0", "s1 t9 0"} << QStringList{"s1 t1 +"};
        QTest::newRow("cleared, then made again goes last")
            << QStringList{"s1 t1 -", "s1 t2 +", "s1 t1 0", "s1 t1 +"} << QStringList{"s1 t2 +", "s1 t1 +"};
        QTest::newRow("unliked everywhere; dislikes stay")
            << QStringList{"s1 t1 +", "s2 t1 +", "s3 t1 -", "s1 t2 +", "unlike t1"}
            << QStringList{"s3 t1 -", "s1 t2 +"};
    }
    void remembersFeedback()
    {
        QFETCH(QStringList, made);
        QFETCH(QStringList, expected);
        auto toText = [](const std::vector<FeedbackEntry> &entries) {
            QStringList text;
            for (const FeedbackEntry &entry : entries)
                text << QStringLiteral("%1 %2 %3")
                            .arg(entry.seedId, entry.trackId,
                                 entry.reaction == Reaction::Like ? QStringLiteral("+") : QStringLiteral("-"));
            return text;
        };
        {
            auto db = LibraryDb::open(m_path);
            QVERIFY(db.ok());
            // Feedback does not need the tracks to be in the library.
            for (const QString &step : made) {
                const QStringList parts = step.split(QLatin1Char(' '));
                if (parts[0] == QLatin1String("unlike")) {
                    QVERIFY((*db)->clearLikes(parts[1]).ok());
                    continue;
                }
                const Status done = parts[2] == QLatin1String("0")
                    ? (*db)->clearFeedback(parts[0], parts[1])
                    : (*db)->recordFeedback(
                        {parts[0], parts[1], parts[2] == QLatin1String("+") ? Reaction::Like : Reaction::Dislike});
                QVERIFY2(done.ok(), qPrintable(step));
            }
            const auto entries = (*db)->feedback();
            QVERIFY(entries.ok());
            QCOMPARE(toText(*entries), expected);
        }
        // Stored: a new connection reads the same, which is what FeedbackLog keeps in memory.
        auto reopened = LibraryDb::open(m_path);
        QVERIFY(reopened.ok());
        const auto entries = (*reopened)->feedback();
        QVERIFY(entries.ok());
        QCOMPARE(toText(*entries), expected);
        FeedbackLog log;
        for (const QString &step : made) {
            const QStringList parts = step.split(QLatin1Char(' '));
            if (parts[0] == QLatin1String("unlike"))
                log.clearLikes(parts[1]);
            else if (parts[2] == QLatin1String("0"))
                log.clear(parts[0], parts[1]);
            else
                log.record(parts[0], parts[1], parts[2] == QLatin1String("+") ? Reaction::Like : Reaction::Dislike);
        }
        QCOMPARE(toText(log.entries()), expected);
    }

    void upgradesVersion3WithEmptyFeedback()
    {
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v3"));
            raw.setDatabaseName(m_path);
            QVERIFY(raw.open());
            QSqlQuery query(raw);
            // The part of the version 3 schema that later versions change.
            QVERIFY(query.exec(QStringLiteral("CREATE TABLE analyses (track_id TEXT PRIMARY KEY,"
                                              " preview_url TEXT NOT NULL, analysed_at TEXT NOT NULL,"
                                              " outcome TEXT NOT NULL, reason TEXT NOT NULL)")));
            // And the table whose index every open makes sure of.
            QVERIFY(query.exec(QStringLiteral("CREATE TABLE playlist_tracks (playlist_id TEXT NOT NULL,"
                                              " position INTEGER NOT NULL, track_id TEXT NOT NULL)")));
            QVERIFY(query.exec(QStringLiteral("PRAGMA user_version = 3")));
            QVERIFY(!query.exec(QStringLiteral("SELECT * FROM feedback")));
            raw.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("v3"));
        auto db = LibraryDb::open(m_path);
        QVERIFY2(db, qPrintable(db ? QString() : db.error().message));
        const auto entries = (*db)->feedback();
        QVERIFY2(entries, qPrintable(entries ? QString() : entries.error().message));
        QVERIFY(entries->empty());
        QVERIFY((*db)->recordFeedback({QStringLiteral("s"), QStringLiteral("t"), Reaction::Dislike}).ok());
        QCOMPARE((*db)->feedback()->size(), std::size_t(1));
    }

    // A long import leaves the entries' by-track index out; it is back after the import, and
    // after an open when the import was killed before it could build it.
    void theEntriesIndexComesBack()
    {
        const auto indexed = [this] {
            QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
            raw.setDatabaseName(m_path);
            bool found = false;
            if (raw.open()) {
                QSqlQuery query(raw);
                found = query.exec(QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'index'"
                                                  " AND name = 'playlist_tracks_by_track'"))
                    && query.next();
            }
            raw = QSqlDatabase();
            QSqlDatabase::removeDatabase(QStringLiteral("raw"));
            return found;
        };
        {
            auto db = LibraryDb::open(m_path);
            QVERIFY(db);
            QVERIFY(indexed());
            QVERIFY((*db)->store(sampleBatch(), {}).ok());  // into an empty library: made again at the end
            QVERIFY(indexed());
            QVERIFY((*db)->beginBulkImport().ok());
            QVERIFY(!indexed());
            QVERIFY((*db)->store(sampleBatch(), {}).ok());
            QVERIFY((*db)->endBulkImport().ok());
            QVERIFY(indexed());
            QVERIFY((*db)->beginBulkImport().ok());  // and then the process ends
        }
        QVERIFY(!indexed());
        auto db = LibraryDb::open(m_path);
        QVERIFY(db);
        QVERIFY(indexed());
        QCOMPARE((*db)->playlist(QStringLiteral("pl1"))->trackIds.size(), 2);
    }

    // Version 5 stored lookups that failed for the network as answers: version 6 forgets them.
    void upgradesVersion5ForgettingFailedLookups()
    {
        {
            auto db = LibraryDb::open(m_path);
            QVERIFY(db && (*db)->store(sampleBatch(), {}));
            const QDateTime now = QDateTime::currentDateTimeUtc();
            QVERIFY((*db)->recordAnalysis(
                {trackId(1), QUrl(QStringLiteral("http://127.0.0.1/1.mp3")), now, AnalysisOutcome::Ok, {}}));
            QVERIFY((*db)->recordAnalysis({trackId(2), {}, now, AnalysisOutcome::NoPreview, {}}));
        }
        QVERIFY(setSchemaVersion(m_path, 5));
        {
            auto db = LibraryDb::open(m_path);
            QVERIFY2(db, qPrintable(db ? QString() : db.error().message));
            const auto records = (*db)->analysisRecords({trackId(1), trackId(2)});
            QVERIFY(records);
            QCOMPARE(records->size(), 1);
            QCOMPARE(records->value(trackId(1)).outcome, AnalysisOutcome::Ok);
            // Answers stored from now on are kept.
            QVERIFY((*db)->recordAnalysis(
                {trackId(2), {}, QDateTime::currentDateTimeUtc(), AnalysisOutcome::NoPreview, {}}));
        }
        auto db = LibraryDb::open(m_path);
        QVERIFY(db);
        QCOMPARE((*db)->analysisRecords({trackId(2)})->value(trackId(2)).outcome, AnalysisOutcome::NoPreview);
    }

    void failsClearlyWhereNothingCanBeWritten()
    {
        QFile blocker(m_dir.filePath(QStringLiteral("blocker")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        const auto db = LibraryDb::open(blocker.fileName() + QStringLiteral("/sub/library.sqlite"));
        QVERIFY(!db.ok());
        QCOMPARE(db.error().kind, ErrorKind::Io);
    }

    void importsAFileOnce()
    {
        const QString csvPath = m_dir.filePath(QStringLiteral("mini.csv"));
        QFile csv(csvPath);
        QVERIFY(csv.open(QIODevice::WriteOnly));
        csv.write("track_id,track_name,track_artist,danceability,energy,key,loudness,mode,"
                  "speechiness,acousticness,instrumentalness,liveness,valence,tempo\n"
                  "4uLU6hMCjMI75M1A2tKUQC,Never Gonna Give You Up,Rick Astley,0.7,0.9,8,-11.8,1,"
                  "0.05,0.1,0,0.15,0.9,113.3\n");
        csv.close();

        auto db = LibraryDb::open(m_path);
        QVERIFY(db.ok());
        const Result<ImportSummary> first = importCatalogFile(**db, csvPath);
        QVERIFY2(first.ok(), qPrintable(first ? QString() : first.error().message));
        QVERIFY(!first->alreadyImported);
        QCOMPARE(first->tracks, 1);
        const Result<ImportSummary> second = importCatalogFile(**db, csvPath);
        QVERIFY(second.ok());
        QVERIFY(second->alreadyImported);
        QCOMPARE(second->tracks, 1);
        QCOMPARE((*db)->trackCount(), 1);
    }

    // An import replaces a playlist's entries: when the file had rows it could not read and the
    // playlist lost entries, the summary says so; a file that simply holds fewer songs does not.
    void saysWhenSkippedRowsShrinkAPlaylist_data()
    {
        QTest::addColumn<QByteArray>("lastRow");
        QTest::addColumn<bool>("shrunk");
        QTest::newRow("a row skipped") << QByteArray("not-an-id,Three\n") << true;
        QTest::newRow("no row skipped") << QByteArray() << false;
    }

    void saysWhenSkippedRowsShrinkAPlaylist()
    {
        QFETCH(QByteArray, lastRow);
        QFETCH(bool, shrunk);
        const QByteArray header = "track_id,track_name,playlist_id,playlist_name\n";
        const auto row = [](char n) -> QByteArray {
            return QByteArray("4uLU6hMCjMI75M1A2tKUQ") + n + ",Song,37i9dQZF1DXcBWIGoYBM5M,Mix\n";
        };
        const auto write = [this](const QString &name, const QByteArray &bytes) {
            QFile csv(m_dir.filePath(name));
            return csv.open(QIODevice::WriteOnly) && csv.write(bytes) == bytes.size() ? csv.fileName() : QString();
        };
        auto db = LibraryDb::open(m_path);
        QVERIFY(db.ok());
        QVERIFY(
            importCatalogFile(**db, write(QStringLiteral("all.csv"), header + row('A') + row('B') + row('C'))).ok());

        const Result<ImportSummary> again =
            importCatalogFile(**db, write(QStringLiteral("fewer.csv"), header + row('A') + lastRow));
        QVERIFY2(again.ok(), qPrintable(again ? QString() : again.error().message));
        QCOMPARE(again->shrunk.size(), std::size_t(shrunk ? 1 : 0));
        if (shrunk) {
            QCOMPARE(again->shrunk.front().name, QStringLiteral("Mix"));
            QCOMPARE(again->shrunk.front().before, 3);
            QCOMPARE(again->shrunk.front().after, 1);
        }
    }

    // A duet and the same singer alone in two files: the duet is split whichever comes first.
    void splitsCreditsWhateverTheOrderOfFiles_data()
    {
        QTest::addColumn<bool>("soloFirst");
        QTest::newRow("solo first") << true;
        QTest::newRow("duet first") << false;
    }

    void splitsCreditsWhateverTheOrderOfFiles()
    {
        QFETCH(bool, soloFirst);
        const QString duet = writeCsv(QStringLiteral("duet.csv"), "4uLU6hMCjMI75M1A2tKUQC,Duet,\"Ana Ruiz, Ben Cole\"");
        const QString solo = writeCsv(QStringLiteral("solo.csv"), "0VjIjW4GlUZAMYd2vXMi3b,Solo,Ana Ruiz");
        QVERIFY(!duet.isEmpty() && !solo.isEmpty());

        auto db = LibraryDb::open(m_path);
        QVERIFY(db.ok());
        for (const QString &path : soloFirst ? QStringList{solo, duet} : QStringList{duet, solo}) {
            const Result<ImportSummary> imported = importCatalogFile(**db, path);
            QVERIFY2(imported.ok(), qPrintable(imported ? QString() : imported.error().message));
        }
        const Result<Catalog> catalog = (*db)->loadCatalog();
        QVERIFY(catalog.ok());
        const int row = catalog->rowOf(u"4uLU6hMCjMI75M1A2tKUQC");
        QVERIFY(row >= 0);
        QCOMPARE(catalog->track(row).artists, (QStringList{"Ana Ruiz", "Ben Cole"}));
        const int soloRow = catalog->rowOf(u"0VjIjW4GlUZAMYd2vXMi3b");
        QCOMPARE(catalog->artistsOf(row).front(), catalog->artistsOf(soloRow).front());
    }

    // A part split off on evidence is no evidence itself: "Ana Ruiz, Jr." is split since Ana Ruiz
    // sings alone, but "Jr." alone is nobody's name, so "Cy Dunn, Jr." stays whole.
    void aSplitIsNoEvidence()
    {
        const QString first = writeCsv(QStringLiteral("first.csv"), "4uLU6hMCjMI75M1A2tKUQC,One,\"Ana Ruiz, Jr.\"");
        const QString solo = writeCsv(QStringLiteral("solo.csv"), "0VjIjW4GlUZAMYd2vXMi3b,Solo,Ana Ruiz");
        const QString second = writeCsv(QStringLiteral("second.csv"), "7MXVkk9YMctZqd1Srtv4MB,Two,\"Cy Dunn, Jr.\"");
        auto db = LibraryDb::open(m_path);
        QVERIFY(db.ok());
        for (const QString &path : {first, solo, second})
            QVERIFY(importCatalogFile(**db, path).ok());
        const Result<Catalog> catalog = (*db)->loadCatalog();
        QVERIFY(catalog.ok());
        QCOMPARE(catalog->track(catalog->rowOf(u"4uLU6hMCjMI75M1A2tKUQC")).artists, (QStringList{"Ana Ruiz", "Jr."}));
        QCOMPARE(catalog->track(catalog->rowOf(u"7MXVkk9YMctZqd1Srtv4MB")).artists, QStringList{"Cy Dunn, Jr."});
    }

    // The first import into an empty library makes the catalog's snapshot from the rows it read,
    // not from the tables: it must be the catalog the tables give, to the byte. It hands that
    // catalog out before it has stored it, to be ranked from meanwhile. A later import merges
    // into what is stored, so it hands out nothing and its snapshot is left to the tables.
    void theFirstImportsSnapshotIsWhatTheTablesHold_data()
    {
        QTest::addColumn<QList<QByteArray>>("files");
        QTest::addColumn<bool>("snapshotByTheImport");
        // Columns in another order, several artists in a cell in every form, non-Latin text, a
        // repeated id, missing and out-of-range values, a row that cannot be used, playlists
        // out of id order and by name only, CRLF line ends.
        const QByteArray otherShapes =
            "name,artists,id,album,release_date,popularity,duration_ms,danceability,energy,key,loudness,mode,"
            "speechiness,acousticness,instrumentalness,liveness,valence,tempo,playlist_name,playlist_id\r\n"
            "Zeta,\"['Ana Ruiz', \"\"Guns N' Roses\"\"]\",7MXVkk9YMctZqd1Srtv4MB,Z,2019-06,55,200000,"
            "0.5,0.6,5,-7,1,0.04,0.2,0,0.1,0.7,120,Mix,spotify:playlist:37i9dQZF1DXcBWIGoYBM5M\r\n"
            "夜に駆ける 🎵,YOASOBI,0VjIjW4GlUZAMYd2vXMi3b,THE BOOK,2021,,261000,"
            "0.6,,11,-5,0,0.05,0.01,0,0.3,0.8,-120,Late,\r\n"
            "Alpha,\"Tyler, The Creator\",4uLU6hMCjMI75M1A2tKUQC,,1999-12-31,100,1000,"
            "0.1,0.2,0,-20,1,0.3,0.4,0.5,0.6,0.7,80,Early,0AAAAAAAAAAAAAAAAAAAAA\r\n"
            "Alpha again,Someone Else,4uLU6hMCjMI75M1A2tKUQC,,2000,1,1,"
            "0.9,0.9,1,-1,0,0.9,0.9,0.9,0.9,0.9,90,Mix,spotify:playlist:37i9dQZF1DXcBWIGoYBM5M\r\n"
            "Bad,Nobody,not-an-id,,,,,,,,,,,,,,,,Mix,\r\n"
            "Solo,Ana Ruiz,2takcwOaAZWiXQijPHIx7B,Z,2019,50,190000,"
            "0.5,0.5,5,-6,1,0.04,0.2,0,0.1,0.7,121,Early,0AAAAAAAAAAAAAAAAAAAAA\r\n";
        const QByteArray more = "track_id,track_name,track_artist,danceability\n"
                                "2takcwOaAZWiXQijPHIx7B,Solo (live),Ana Ruiz,0.9\n"
                                "3n3Ppam7vgaVa1iaRUc9Lp,Mr. Brightside,The Killers,0.35\n";
        QFile real(QStringLiteral(ENCORE_SHARED_DATA "/catalogs/spotify_songs_2020.csv.gz"));
        QVERIFY(real.open(QIODevice::ReadOnly));
        QTest::newRow("TidyTuesday") << QList<QByteArray>{real.readAll()} << true;
        QTest::newRow("other shapes") << QList<QByteArray>{otherShapes} << true;
        QTest::newRow("and a second file") << QList<QByteArray>{otherShapes, more} << false;
    }

    void theFirstImportsSnapshotIsWhatTheTablesHold()
    {
        QFETCH(QList<QByteArray>, files);
        QFETCH(bool, snapshotByTheImport);
        auto db = LibraryDb::open(m_path);
        QVERIFY(db.ok());
        std::vector<std::shared_ptr<const Catalog>> handedOut;
        QStringList firstPlaylists;
        const FirstCatalog handOut = [&](const std::shared_ptr<const Catalog> &catalog, const QString &playlistId) {
            handedOut.push_back(catalog);
            firstPlaylists << playlistId;
        };
        QString firstFilesPlaylist;
        for (qsizetype i = 0; i < files.size(); ++i) {
            // Gzip when it starts as gzip does: the importer goes by the file's name.
            const bool gzip = files[i].startsWith("\x1f\x8b");
            const QString path = m_dir.filePath(QStringLiteral("file-%1-%2.csv").arg(m_counter).arg(i)
                                                + (gzip ? QStringLiteral(".gz") : QString()));
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly) && file.write(files[i]) == files[i].size());
            file.close();
            const Result<ImportSummary> imported = importCatalogFile(**db, path, {}, {}, handOut);
            QVERIFY2(imported.ok(), qPrintable(imported ? QString() : imported.error().message));
            if (i == 0)
                firstFilesPlaylist = imported->firstPlaylistId;
        }
        QCOMPARE(handedOut.size(), 1u);
        QCOMPARE(firstPlaylists, QStringList{firstFilesPlaylist});
        QVERIFY(!handedOut.front()->generation());
        QVERIFY(QFile::exists((*db)->snapshotPath()));
        const Result<Catalog> fromSnapshot = (*db)->loadCatalog();
        QVERIFY(fromSnapshot.ok());
        QCOMPARE(fromSnapshot->columns().ids.starts.isMapped(), snapshotByTheImport);
        QVERIFY(QFile::remove((*db)->snapshotPath()));
        const Result<Catalog> fromTables = (*db)->loadCatalog();
        QVERIFY(fromTables.ok());
        QVERIFY(!fromTables->columns().ids.starts.isMapped());
        QVERIFY(fromTables->size() > 0);
        QCOMPARE(columnBytes(fromSnapshot->columns()), columnBytes(fromTables->columns()));
        if (snapshotByTheImport)
            QCOMPARE(columnBytes(handedOut.front()->columns()), columnBytes(fromTables->columns()));
    }

private:
    // Each column's bytes, in forEachColumn() order.
    static QList<QByteArray> columnBytes(const CatalogColumns &columns)
    {
        QList<QByteArray> bytes;
        forEachColumn(columns, [&bytes](const auto &column) {
            const auto raw = std::as_bytes(column.span());
            bytes.push_back(QByteArray(reinterpret_cast<const char *>(raw.data()), qsizetype(raw.size())));
        });
        return bytes;
    }

    // A track_artist file of one row, in the test's folder; empty when it cannot be written.
    QString writeCsv(const QString &name, const QByteArray &row)
    {
        const QString path = m_dir.filePath(name);
        QFile csv(path);
        if (!csv.open(QIODevice::WriteOnly))
            return QString();
        csv.write("track_id,track_name,track_artist\n" + row + "\n");
        return path;
    }

    QTemporaryDir m_dir;
    QString m_path;
    int m_counter = 0;
};

QTEST_GUILESS_MAIN(TestLibraryDb)
#include "tst_librarydb.moc"
