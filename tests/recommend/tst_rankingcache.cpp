// The ranking cache: a recommender that maps what an earlier one built ranks exactly as one that
// builds it, and a cache of another generation, another library or damaged is never used.

#include "catalog/catalogimporter.h"
#include "recommend/rankingcache.h"
#include "recommend/recommender.h"
#include "syntheticcatalog.h"
#include "testsupport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cstring>
#include <functional>
#include <limits>
#include <memory>

using namespace encore;
using namespace encore::test;

Q_DECLARE_METATYPE(encore::RankingMethod)

namespace {

constexpr qint64 kGeneration = 41;

// `catalog` as a stored library of `generation` would give it.
std::shared_ptr<const Catalog> stored(const Catalog &catalog, qint64 generation = kGeneration)
{
    return std::make_shared<const Catalog>(catalog.columns(), generation);
}

std::shared_ptr<const Catalog> realCatalog()
{
    static const std::shared_ptr<const Catalog> catalog = [] {
        Result<ImportBatch> batch = CatalogImporter().importFile(realCatalogPath());
        if (!batch)
            qFatal("the shared catalog did not load: %s", qPrintable(batch.error().message));
        return stored(Catalog(std::move(batch->tracks), std::move(batch->features), std::move(batch->playlists)));
    }();
    return catalog;
}

std::shared_ptr<const Catalog> smallCatalog()
{
    return stored(*randomCatalogParts(300, 7).build());
}

RankingColumns columnsOf(const Recommender &recommender)
{
    return {recommender.featureSpace().columns(), recommender.hybridRanker().cooccurrence().columns(),
            recommender.hybridRanker().popularity().values()};
}

bool allMapped(const Recommender &recommender)
{
    bool mapped = true;
    const RankingColumns columns = columnsOf(recommender);
    forEachColumn(columns, [&mapped](const auto &column) { mapped = mapped && column.isMapped(); });
    return mapped;
}

// Each column's bytes, in forEachColumn() order.
std::vector<QByteArray> bytesOf(const RankingColumns &columns)
{
    std::vector<QByteArray> bytes;
    forEachColumn(columns, [&bytes](const auto &column) {
        const auto raw = std::as_bytes(column.span());
        bytes.emplace_back(reinterpret_cast<const char *>(raw.data()), static_cast<qsizetype>(raw.size()));
    });
    return bytes;
}

RankingRequest requestFor(int seedRow, RankingMethod method = RankingMethod::Content)
{
    RankingRequest request;
    request.seedRow = seedRow;
    request.method = method;
    return request;
}

void compareRecommendations(const Recommender &expected, const Recommender &actual, const RankingRequest &request)
{
    const auto want = expected.recommend(request);
    const auto got = actual.recommend(request);
    QVERIFY(want);
    QVERIFY(got);
    QCOMPARE(got->size(), want->size());
    QVERIFY(!want->empty());
    for (std::size_t i = 0; i < want->size(); ++i) {
        const Recommendation &a = (*want)[i];
        const Recommendation &b = (*got)[i];
        QCOMPARE(b.row, a.row);
        QVERIFY(std::memcmp(&a.score, &b.score, sizeof a.score) == 0);
        QCOMPARE(b.matchingFeatures, a.matchingFeatures);
        QCOMPARE(b.sharedPlaylists, a.sharedPlaylists);
        QCOMPARE(b.sameArtist, a.sameArtist);
        QCOMPARE(b.anchorRow, a.anchorRow);
    }
}

}  // namespace

class TestRankingCache : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString path(const char *name) const { return m_dir.filePath(QString::fromLatin1(name)); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        ENCORE_REQUIRE_FILE(realCatalogPath());
    }

    void aMappedCacheRanksAsABuiltOne_data()
    {
        QTest::addColumn<RankingMethod>("method");
        QTest::addColumn<bool>("playlistSeed");
        QTest::newRow("tutorial") << RankingMethod::Tutorial << false;
        QTest::newRow("content") << RankingMethod::Content << false;
        QTest::newRow("hybrid") << RankingMethod::Hybrid << false;
        QTest::newRow("hybrid, a playlist as the seed") << RankingMethod::Hybrid << true;
    }

    void aMappedCacheRanksAsABuiltOne()
    {
        QFETCH(RankingMethod, method);
        QFETCH(bool, playlistSeed);
        const QString file = path("real.ranking");
        QFile::remove(file);
        const std::shared_ptr<const Catalog> catalog = realCatalog();
        const Recommender built(catalog);
        const Recommender first(catalog, file);  // builds and keeps
        QVERIFY(QFile::exists(file));
        QVERIFY(!allMapped(first));
        const Recommender mapped(catalog, file);
        QVERIFY(allMapped(mapped));

        for (int seed : seedRowsOf(*catalog, 6)) {
            RankingRequest request;
            request.method = method;
            request.k = 50;
            request.seedRow = seed;
            request.playlistIndex = 3;
            request.seedIsPlaylist = playlistSeed;
            request.weights[Feature::Tempo] = 2.0f;
            compareRecommendations(built, mapped, request);
        }
    }

    // Rows missing some features, or all, keep what they have through the cache and rank alike.
    void partialRowsRankAsBuilt()
    {
        const QString file = path("partial.ranking");
        QFile::remove(file);
        const std::shared_ptr<const Catalog> catalog = smallCatalog();
        const Recommender built(catalog, file);  // builds and keeps
        const Recommender mapped(catalog, file);
        QVERIFY(allMapped(mapped));
        std::vector<int> partialRows;
        for (int row = 0; row < catalog->size(); ++row) {
            QCOMPARE(mapped.featureSpace().knownCount(row), built.featureSpace().knownCount(row));
            const int known = built.featureSpace().knownCount(row);
            if (known > 0 && known < kFeatureCount)
                partialRows.push_back(row);
        }
        QVERIFY(partialRows.size() >= 5);
        for (RankingMethod method : {RankingMethod::Content, RankingMethod::Hybrid}) {
            for (std::size_t i = 0; i < 5; ++i) {
                RankingRequest request;
                request.method = method;
                request.k = 20;
                request.seedRow = partialRows[i];
                compareRecommendations(built, mapped, request);
            }
        }
    }

    void theColumnsComeBackBitForBit()
    {
        const QString file = path("small.ranking");
        const std::shared_ptr<const Catalog> catalog = smallCatalog();
        const Recommender built(catalog, file);
        const std::optional<RankingColumns> mapped = rankingcache::map(file, kGeneration, *catalog);
        QVERIFY(mapped.has_value());
        QVERIFY(bytesOf(*mapped) == bytesOf(columnsOf(built)));
    }

    void anotherGenerationIsBuiltAgain()
    {
        const QString file = path("generations.ranking");
        const std::shared_ptr<const Catalog> catalog = smallCatalog();
        const Recommender first(catalog, file);
        const Recommender changed(stored(*catalog, kGeneration + 1), file);
        QVERIFY(!allMapped(changed));
        QVERIFY(!rankingcache::map(file, kGeneration, *catalog).has_value());
        QVERIFY(rankingcache::map(file, kGeneration + 1, *catalog).has_value());  // kept anew
    }

    void aCatalogNotFromALibraryKeepsNothing()
    {
        const QString file = path("unstored.ranking");
        const Recommender recommender(randomCatalogParts(50, 3).build(), file);
        QVERIFY(!QFile::exists(file));
    }

    void aCacheOfAnotherLibraryIsIgnored()
    {
        const QString file = path("other.ranking");
        const Recommender other(stored(*randomCatalogParts(200, 9).build()), file);
        const std::shared_ptr<const Catalog> catalog = smallCatalog();
        QVERIFY(!rankingcache::map(file, kGeneration, *catalog).has_value());
        const Recommender recommender(catalog, file);
        QVERIFY(!allMapped(recommender));
        compareRecommendations(Recommender(catalog), recommender, requestFor(seedRowsOf(*catalog, 1).front()));
    }

    void damagedCachesAreIgnored_data()
    {
        using Damage = std::function<void(RankingColumns &, int rows)>;
        QTest::addColumn<Damage>("damage");
        const auto column = [](std::vector<std::int32_t> values) { return ValueColumn(std::move(values)); };
        QTest::newRow("a song's row outside the library") << Damage([=](RankingColumns &c, int rows) {
            std::vector<std::int32_t> songRows(c.space.songRows.begin(), c.space.songRows.end());
            songRows.back() = rows;
            c.space.songRows = column(songRows);
        });
        QTest::newRow("two slots' rows swapped, not their slots") << Damage([=](RankingColumns &c, int) {
            std::vector<std::int32_t> packedRows(c.space.packedRows.begin(), c.space.packedRows.end());
            std::swap(packedRows[0], packedRows[1]);
            c.space.packedRows = column(packedRows);
        });
        QTest::newRow("a row's slot past the packed rows") << Damage([=](RankingColumns &c, int) {
            std::vector<std::int32_t> slotOf(c.space.slotOf.begin(), c.space.slotOf.end());
            slotOf.back() = static_cast<std::int32_t>(c.space.packedRows.size());
            c.space.slotOf = column(slotOf);
        });
        QTest::newRow("a feature known past the eleven") << Damage([](RankingColumns &c, int) {
            std::vector<std::uint16_t> known(c.space.known.begin(), c.space.known.end());
            known.front() = std::uint16_t(1u << kFeatureCount);
            c.space.known = ValueColumn(std::move(known));
        });
        QTest::newRow("song starts going back") << Damage([=](RankingColumns &c, int) {
            std::vector<std::int32_t> starts(c.space.songStarts.begin(), c.space.songStarts.end());
            starts[1] = starts[2] + 1;
            c.space.songStarts = column(starts);
        });
        QTest::newRow("a playlist's track outside the library") << Damage([=](RankingColumns &c, int rows) {
            std::vector<std::int32_t> members(c.cooccurrence.tracksOfPlaylist.members.begin(),
                                              c.cooccurrence.tracksOfPlaylist.members.end());
            members.front() = rows + 5;
            c.cooccurrence.tracksOfPlaylist.members = column(members);
        });
        QTest::newRow("a track in a playlist that is not there") << Damage([=](RankingColumns &c, int) {
            std::vector<std::int32_t> members(c.cooccurrence.playlistsOfTrack.members.begin(),
                                              c.cooccurrence.playlistsOfTrack.members.end());
            members.back() = -1;
            c.cooccurrence.playlistsOfTrack.members = column(members);
        });
        QTest::newRow("a prior too short") << Damage([](RankingColumns &c, int rows) {
            c.popularity = ValueColumn(std::vector<float>(static_cast<std::size_t>(rows) - 1, 0.5f));
        });
        const auto edited = [](const auto &original, auto edit) {
            std::vector values(original.begin(), original.end());
            edit(values);
            return ValueColumn(std::move(values));
        };
        QTest::newRow("a prior above 1") << Damage([=](RankingColumns &c, int) {
            c.popularity = edited(c.popularity, [](std::vector<float> &v) { v.front() = 2.0f; });
        });
        QTest::newRow("a NaN prior") << Damage([=](RankingColumns &c, int) {
            c.popularity = edited(c.popularity, [](std::vector<float> &v) { v.back() = kNaN; });
        });
        QTest::newRow("a NaN content value") << Damage([=](RankingColumns &c, int) {
            c.space.packed = edited(c.space.packed, [](std::vector<float> &v) { v[3] = kNaN; });
        });
        QTest::newRow("a slot's artist past the artists") << Damage([=](RankingColumns &c, int) {
            std::vector<std::int32_t> artists(c.space.packedArtists.begin(), c.space.packedArtists.end());
            artists.front() = static_cast<std::int32_t>(c.space.artistSounds.size());
            c.space.packedArtists = column(artists);
        });
        QTest::newRow("an artist for every slot but one") << Damage([=](RankingColumns &c, int) {
            std::vector<std::int32_t> artists(c.space.packedArtists.begin(), c.space.packedArtists.end());
            artists.pop_back();
            c.space.packedArtists = column(artists);
        });
        QTest::newRow("an artist twice in the sound order, the blocks' ranges open")
            << Damage([=](RankingColumns &c, int) {
                   // Open ranges hold any position: only the order itself tells that an artist is missing.
                   const auto artists = static_cast<std::int32_t>(c.space.artistsBySound.size());
                   c.space.artistsBySound =
                       edited(c.space.artistsBySound, [](std::vector<std::int32_t> &v) { v[1] = v[0]; });
                   c.space.blockSounds = edited(c.space.blockSounds, [artists](std::vector<std::int32_t> &v) {
                       for (std::size_t i = 0; i < v.size(); i += 2) {
                           v[i] = 0;
                           v[i + 1] = artists;
                       }
                   });
               });
        QTest::newRow("an artist past the artists in the sound order") << Damage([=](RankingColumns &c, int) {
            c.space.artistsBySound = edited(c.space.artistsBySound, [](std::vector<std::int32_t> &v) {
                v.back() = static_cast<std::int32_t>(v.size());
            });
        });
        QTest::newRow("a sound range for one block too few") << Damage([=](RankingColumns &c, int) {
            c.space.blockSounds =
                edited(c.space.blockSounds, [](std::vector<std::int32_t> &v) { v.resize(v.size() - 2); });
        });
        QTest::newRow("a slot's artist outside its block's sound range") << Damage([=](RankingColumns &c, int) {
            // Block 0's range moved off the positions its rows have: the highest one, or all 0.
            c.space.blockSounds = edited(c.space.blockSounds, [](std::vector<std::int32_t> &v) {
                const std::int32_t elsewhere = v[1] == 0 ? 1 : 0;
                v[0] = elsewhere;
                v[1] = elsewhere;
            });
        });
        QTest::newRow("an infinite artist's sound") << Damage([=](RankingColumns &c, int) {
            c.space.artistSounds = edited(c.space.artistSounds,
                                          [](std::vector<float> &v) { v[2] = std::numeric_limits<float>::infinity(); });
        });
        QTest::newRow("an infinite feature range") << Damage([=](RankingColumns &c, int) {
            c.space.ranges =
                edited(c.space.ranges, [](std::vector<float> &v) { v[1] = std::numeric_limits<float>::infinity(); });
        });
        QTest::newRow("a pitch share above 1") << Damage([=](RankingColumns &c, int) {
            c.space.pitchShares = edited(c.space.pitchShares, [](std::vector<double> &v) { v[0] = 7.0; });
        });
        QTest::newRow("two rows sharing a slot") << Damage([=](RankingColumns &c, int) {
            c.space.slotOf = edited(c.space.slotOf, [](std::vector<std::int32_t> &v) {
                const auto first = std::find_if(v.begin(), v.end(), [](std::int32_t slot) { return slot >= 0; });
                const auto second = std::find_if(first + 1, v.end(), [](std::int32_t slot) { return slot >= 0; });
                *second = *first;
            });
        });
        QTest::newRow("a rankable row without a slot") << Damage([=](RankingColumns &c, int) {
            c.space.slotOf = edited(c.space.slotOf, [](std::vector<std::int32_t> &v) {
                *std::find_if(v.begin(), v.end(), [](std::int32_t slot) { return slot >= 0; }) = -1;
            });
        });
        QTest::newRow("a negative playlist weight") << Damage([=](RankingColumns &c, int) {
            c.cooccurrence.playlistWeights =
                edited(c.cooccurrence.playlistWeights, [](std::vector<float> &v) { v.front() = -1.0f; });
        });
        QTest::newRow("an infinite track frequency") << Damage([=](RankingColumns &c, int) {
            c.cooccurrence.trackFrequencies = edited(c.cooccurrence.trackFrequencies, [](std::vector<float> &v) {
                v.front() = std::numeric_limits<float>::infinity();
            });
        });
    }

    void damagedCachesAreIgnored()
    {
        QFETCH(std::function<void(RankingColumns &, int)>, damage);
        const QString file = path("damaged.ranking");
        const std::shared_ptr<const Catalog> catalog = smallCatalog();
        const Recommender built(catalog);
        RankingColumns columns = columnsOf(built);
        QVERIFY(rankingcache::write(columns, file, kGeneration));
        QVERIFY(rankingcache::map(file, kGeneration, *catalog).has_value());  // sound before the damage
        damage(columns, catalog->size());
        QVERIFY(rankingcache::write(columns, file, kGeneration));
        QVERIFY(!rankingcache::map(file, kGeneration, *catalog).has_value());

        const Recommender recommender(catalog, file);
        QVERIFY(!allMapped(recommender));
        compareRecommendations(built, recommender, requestFor(seedRowsOf(*catalog, 1).front(), RankingMethod::Hybrid));
        QVERIFY(rankingcache::map(file, kGeneration, *catalog).has_value());  // built and kept again
    }

    void aCutShortFileIsIgnored()
    {
        const QString file = path("short.ranking");
        const std::shared_ptr<const Catalog> catalog = smallCatalog();
        const Recommender built(catalog, file);
        QFile cut(file);
        QVERIFY(cut.resize(cut.size() / 2));
        QVERIFY(!rankingcache::map(file, kGeneration, *catalog).has_value());
    }

    void anUnwritablePlaceStillRanks()
    {
        const std::shared_ptr<const Catalog> catalog = smallCatalog();
        const QString file = path("no/such/dir/x.ranking");
        const Recommender recommender(catalog, file);
        QVERIFY(!QFile::exists(file));
        compareRecommendations(Recommender(catalog), recommender, requestFor(seedRowsOf(*catalog, 1).front()));
    }
};

QTEST_GUILESS_MAIN(TestRankingCache)
#include "tst_rankingcache.moc"
