#include "catalog/catalogimporter.h"
#include "storage/catalogsnapshot.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <cstring>
#include <functional>
#include <memory>

using namespace encore;

namespace {

constexpr qint64 kGeneration = 41;

Track edgeTrack(const QString &id, const QString &name, const QStringList &artists)
{
    Track track;
    track.id = id;
    track.name = name;
    track.artists = artists;
    return track;
}

// Tracks that stress the columns: no artists, several, non-Latin text, every date precision,
// popularity 0 and unknown, a preview URL, missing features; a playlist naming an unknown track.
std::shared_ptr<const Catalog> edgeCatalog()
{
    Track plain = edgeTrack(QStringLiteral("a"), QStringLiteral("Plain"), {QStringLiteral("Ann")});
    plain.releaseDate = ReleaseDate::day(2001, 2, 3);
    plain.popularity = 0;
    plain.previewUrl = QUrl(QStringLiteral("https://p.example/clip.mp3?x=1&y=%C3%A9"));
    Track many = edgeTrack(QStringLiteral("c"), QStringLiteral("Ensemble"),
                           {QStringLiteral("Bob"), QStringLiteral("Tyler, The Creator"), QString()});
    many.releaseDate = ReleaseDate::month(1999, 12);
    many.album = QStringLiteral("Only a title");
    many.popularity = 100;
    Track nobody = edgeTrack(QStringLiteral("b"), QString(), {});
    nobody.releaseDate = ReleaseDate::year(1970);
    Track foreign = edgeTrack(QStringLiteral("d"), QStringLiteral("夜に駆ける 🎵"), {QStringLiteral("YOASOBI")});
    foreign.albumId = QStringLiteral("album-1");
    foreign.isrc = QStringLiteral("JPU901900001");
    foreign.genre = QStringLiteral("j-pop");
    foreign.durationMs = 261000;

    std::vector<AudioFeatures> features(4);
    for (Feature f : kAllFeatures) {
        features[0].set(f, 0.25f * float(index(f)), FeatureSource::Catalog);
        features[1].set(f, -1.5f, FeatureSource::ReccoBeats);
    }
    features[1].set(Feature::Tempo, std::nanf(""), FeatureSource::Missing);
    features[3].set(Feature::Key, 7.0f, FeatureSource::Analysis);
    std::vector<Playlist> playlists{
        Playlist{QStringLiteral("p1"),
                 QStringLiteral("Mix"),
                 QStringLiteral("Zoe"),
                 QStringLiteral("spotify"),
                 {QStringLiteral("d"), QStringLiteral("gone"), QStringLiteral("a")},
                 QStringLiteral("snap")},
        Playlist{QStringLiteral("p0"), QStringLiteral("Empty"), {}, QStringLiteral("file.csv"), {}, {}}};
    return std::make_shared<const Catalog>(std::vector<Track>{plain, many, nobody, foreign}, std::move(features),
                                           std::move(playlists));
}

std::shared_ptr<const Catalog> realCatalog()
{
    Result<ImportBatch> batch =
        CatalogImporter().importFile(QStringLiteral(ENCORE_SHARED_DATA "/catalogs/spotify_songs_2020.csv.gz"));
    if (!batch)
        qFatal("the shared catalog did not load: %s", qPrintable(batch.error().message));
    return std::make_shared<const Catalog>(std::move(batch->tracks), std::move(batch->features),
                                           std::move(batch->playlists));
}

bool sameBits(float a, float b)
{
    return std::memcmp(&a, &b, sizeof a) == 0;
}

}  // namespace

class TestCatalogSnapshot : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString path(const char *name) const { return m_dir.filePath(QString::fromLatin1(name)); }

private slots:
    void mappedCatalogEqualsTheOriginal_data()
    {
        QTest::addColumn<std::shared_ptr<const Catalog>>("catalog");
        QTest::newRow("edge cases") << edgeCatalog();
        QTest::newRow("empty") << std::make_shared<const Catalog>();
        QTest::newRow("TidyTuesday 28k") << realCatalog();
    }

    void mappedCatalogEqualsTheOriginal()
    {
        QFETCH(std::shared_ptr<const Catalog>, catalog);
        const QString file = path("roundtrip.catalog");
        const Status written = catalogsnapshot::write(*catalog, file, kGeneration);
        QVERIFY2(written, qPrintable(written ? QString() : written.error().message));
        const std::optional<Catalog> mapped = catalogsnapshot::map(file, kGeneration);
        QVERIFY(mapped.has_value());

        QCOMPARE(mapped->size(), catalog->size());
        QCOMPARE(mapped->tracksWithFeatures(), catalog->tracksWithFeatures());
        QCOMPARE(mapped->songCount(), catalog->songCount());
        QCOMPARE(mapped->albumCount(), catalog->albumCount());
        QCOMPARE(mapped->artistCount(), catalog->artistCount());
        for (int row = 0; row < catalog->size(); ++row) {
            const Track a = mapped->track(row);
            const Track b = catalog->track(row);
            QCOMPARE(a.id, b.id);
            QCOMPARE(a.name, b.name);
            QCOMPARE(a.artists, b.artists);
            QCOMPARE(a.album, b.album);
            QCOMPARE(a.albumId, b.albumId);
            QCOMPARE(a.releaseDate, b.releaseDate);
            QCOMPARE(a.durationMs, b.durationMs);
            QCOMPARE(a.isrc, b.isrc);
            QCOMPARE(a.popularity, b.popularity);
            QCOMPARE(a.genre, b.genre);
            QCOMPARE(a.previewUrl, b.previewUrl);
            QCOMPARE(mapped->rowOf(a.id), row);
            QCOMPARE(mapped->hasFeatures(row), catalog->hasFeatures(row));
            QCOMPARE(mapped->songOf(row), catalog->songOf(row));
            QCOMPARE(mapped->albumOf(row), catalog->albumOf(row));
            QVERIFY(std::ranges::equal(mapped->artistsOf(row), catalog->artistsOf(row)));
            for (Feature f : kAllFeatures) {
                QVERIFY(sameBits(mapped->features(row).value(f), catalog->features(row).value(f)));
                QCOMPARE(mapped->featureSource(row, f), catalog->featureSource(row, f));
            }
        }
        QCOMPARE(mapped->playlists().size(), catalog->playlists().size());
        for (int p = 0; p < static_cast<int>(catalog->playlists().size()); ++p) {
            const Playlist a = mapped->playlist(p);
            const Playlist b = catalog->playlist(p);
            QCOMPARE(a.id, b.id);
            QCOMPARE(a.name, b.name);
            QCOMPARE(a.owner, b.owner);
            QCOMPARE(a.origin, b.origin);
            QCOMPARE(a.snapshotId, b.snapshotId);
            QCOMPARE(a.trackIds, b.trackIds);
        }
    }

    void edgeCatalogKeepsWhatItWasGiven()
    {
        const auto catalog = edgeCatalog();
        const QString file = path("edge.catalog");
        QVERIFY(catalogsnapshot::write(*catalog, file, kGeneration));
        const std::optional<Catalog> mapped = catalogsnapshot::map(file, kGeneration);
        QVERIFY(mapped.has_value());
        QCOMPARE(mapped->track(mapped->rowOf(u"d")).name, QStringLiteral("夜に駆ける 🎵"));
        QCOMPARE(mapped->track(mapped->rowOf(u"c")).artists,
                 QStringList({QStringLiteral("Bob"), QStringLiteral("Tyler, The Creator"), QString()}));
        QVERIFY(mapped->track(mapped->rowOf(u"b")).artists.isEmpty());
        QCOMPARE(mapped->artistsOf(mapped->rowOf(u"c")).size(), std::size_t(2));  // the empty name is no artist
        QCOMPARE(mapped->rowOf(u"gone"), -1);
        QCOMPARE(mapped->playlistTrackIds(mapped->playlistIndexOf(QStringLiteral("p1"))),
                 QStringList({QStringLiteral("d"), QStringLiteral("a")}));
        QCOMPARE(mapped->track(mapped->rowOf(u"a")).previewUrl,
                 QUrl(QStringLiteral("https://p.example/clip.mp3?x=1&y=%C3%A9")));
    }

    void aMappedCatalogOutlivesItsFile()
    {
        const QString file = path("removed.catalog");
        QVERIFY(catalogsnapshot::write(*edgeCatalog(), file, kGeneration));
        std::optional<Catalog> mapped = catalogsnapshot::map(file, kGeneration);
        QVERIFY(mapped.has_value());
        QVERIFY(QFile::remove(file));
        const auto shared = std::make_shared<const Catalog>(std::move(*mapped));
        mapped.reset();
        QCOMPARE(shared->track(shared->rowOf(u"d")).genre, QStringLiteral("j-pop"));
    }

    // Giving a mapped column's pages back loses nothing: the values are read again from the file.
    void releasedPagesAreReadAgain()
    {
        const auto original = realCatalog();
        const QString file = path("released.catalog");
        QVERIFY(catalogsnapshot::write(*original, file, kGeneration));
        const std::optional<Catalog> mapped = catalogsnapshot::map(file, kGeneration);
        QVERIFY(mapped.has_value());
        const std::vector<float> before(mapped->columns().features.begin(), mapped->columns().features.end());
        mapped->columns().features.releasePages();
        original->columns().features.releasePages();  // owned: nothing happens to it
        QVERIFY(std::equal(before.begin(), before.end(), mapped->columns().features.begin(), sameBits));
        QVERIFY(std::equal(before.begin(), before.end(), original->columns().features.begin(), sameBits));
    }

    void unusableFilesAreIgnored_data()
    {
        QTest::addColumn<qint64>("askedGeneration");
        QTest::addColumn<qint64>("keepBytes");  // -1 = the whole file
        QTest::addColumn<qint64>("flipByte");   // -1 = none
        QTest::newRow("another generation") << kGeneration + 1 << qint64(-1) << qint64(-1);
        QTest::newRow("cut short") << kGeneration << qint64(300) << qint64(-1);
        QTest::newRow("header only") << kGeneration << qint64(16) << qint64(-1);
        QTest::newRow("empty file") << kGeneration << qint64(0) << qint64(-1);
        QTest::newRow("not a snapshot") << kGeneration << qint64(-1) << qint64(0);
        QTest::newRow("other format version") << kGeneration << qint64(-1) << qint64(8);
        QTest::newRow("a column out of place") << kGeneration << qint64(-1) << qint64(40);
    }

    void unusableFilesAreIgnored()
    {
        QFETCH(qint64, askedGeneration);
        QFETCH(qint64, keepBytes);
        QFETCH(qint64, flipByte);
        const QString file = path("damaged.catalog");
        QVERIFY(catalogsnapshot::write(*edgeCatalog(), file, kGeneration));
        QVERIFY(catalogsnapshot::map(file, kGeneration).has_value());  // sound before the damage
        QFile damaged(file);
        QVERIFY(damaged.open(QIODevice::ReadWrite));
        QByteArray bytes = damaged.readAll();
        if (keepBytes >= 0)
            bytes.truncate(keepBytes);
        if (flipByte >= 0)
            bytes[flipByte] = static_cast<char>(bytes[flipByte] ^ 0x5a);
        QVERIFY(damaged.resize(0));
        QVERIFY(damaged.seek(0));
        QCOMPARE(damaged.write(bytes), bytes.size());
        damaged.close();
        QVERIFY(!catalogsnapshot::map(file, askedGeneration).has_value());
    }

    // Numbers and rows a mapped snapshot is indexed by: one out of range is never used, even
    // in a file whose checksums match.
    void columnsOutOfRangeAreIgnored_data()
    {
        using Edit = std::function<void(CatalogColumns &)>;
        QTest::addColumn<Edit>("edit");
        const auto edited = [](const ValueColumn<std::int32_t> &column, std::size_t at, std::int32_t value) {
            std::vector<std::int32_t> values(column.begin(), column.end());
            values[at] = value;
            return ValueColumn(std::move(values));
        };
        QTest::newRow("a song number past the tracks") << Edit(
            [=](CatalogColumns &c) { c.songs = edited(c.songs, 0, static_cast<std::int32_t>(c.songs.size()) + 3); });
        QTest::newRow("a negative song number") << Edit([=](CatalogColumns &c) { c.songs = edited(c.songs, 1, -1); });
        QTest::newRow("an album number past the tracks")
            << Edit([=](CatalogColumns &c) { c.albumKeys = edited(c.albumKeys, 2, 1 << 30); });
        QTest::newRow("an artist number past the names") << Edit([=](CatalogColumns &c) {
            c.artistKeys = edited(c.artistKeys, 0, static_cast<std::int32_t>(c.artistKeys.size()));
        });
        QTest::newRow("artist starts going back")
            << Edit([=](CatalogColumns &c) { c.artistStarts = edited(c.artistStarts, 1, c.artistStarts[2] + 1); });
        QTest::newRow("playlist starts going back") << Edit(
            [=](CatalogColumns &c) { c.playlistStarts = edited(c.playlistStarts, 1, c.playlistStarts[2] + 1); });
        QTest::newRow("popularity above 100") << Edit([](CatalogColumns &c) {
            std::vector<std::int8_t> popularity(c.popularity.begin(), c.popularity.end());
            popularity[0] = 101;
            c.popularity = ValueColumn(std::move(popularity));
        });
    }

    void columnsOutOfRangeAreIgnored()
    {
        QFETCH(std::function<void(CatalogColumns &)>, edit);
        const QString file = path("edited.catalog");
        CatalogColumns columns = edgeCatalog()->columns();
        QVERIFY(columnsFitTogether(columns));  // sound before the edit
        edit(columns);
        QVERIFY(!columnsFitTogether(columns));
        QVERIFY(catalogsnapshot::write(Catalog(columns), file, kGeneration));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("damaged catalog snapshot")));
        QVERIFY(!catalogsnapshot::map(file, kGeneration).has_value());
    }

    // A wrong text start in a file whose checksums match gives a short text, never a read
    // outside the characters.
    void textStartsAreClampedWhereRead()
    {
        CatalogColumns columns = edgeCatalog()->columns();
        std::vector<std::uint64_t> starts(columns.names.starts.begin(), columns.names.starts.end());
        starts[1] = std::uint64_t{1} << 40;
        starts[2] = 1;
        columns.names.starts = ValueColumn(std::move(starts));
        QCOMPARE(columns.names.view(0).size(), columns.names.chars.size());
        QVERIFY(columns.names.view(1).isEmpty());
    }

    void noFileIsNoSnapshot() { QVERIFY(!catalogsnapshot::map(path("missing.catalog"), kGeneration).has_value()); }

    void anUnwritablePlaceIsAnError()
    {
        const Status written = catalogsnapshot::write(*edgeCatalog(), path("no/such/dir/x.catalog"), kGeneration);
        QVERIFY(!written);
        QCOMPARE(written.error().kind, ErrorKind::Io);
    }
};

QTEST_GUILESS_MAIN(TestCatalogSnapshot)
#include "tst_catalogsnapshot.moc"
