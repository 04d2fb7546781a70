// The two caches beside a stored library, damaged on disk (cut short, bits flipped, NaN and huge
// offsets written in): the next start notices, says so in the log, rebuilds the file from the
// tables and ranks exactly as the undamaged library did. Never a crash, never another ranking.

#include "recommend/rankingcache.h"
#include "recommend/recommender.h"
#include "recommend/syntheticcatalog.h"
#include "storage/librarydb.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <cstring>
#include <functional>
#include <limits>
#include <random>

using namespace encore;
using namespace encore::test;

namespace {

using Damage = std::function<void(QByteArray &)>;

// Where the columnfile header puts the table of columns, and the size of each entry in it
// (offset, size, checksum).
constexpr qsizetype kTableStart = 32;
constexpr qsizetype kEntryBytes = 24;

// The position of `column` in forEachColumn(columns) order.
template <typename Columns>
qsizetype indexOf(const Columns &columns, const void *column)
{
    qsizetype at = 0;
    qsizetype found = -1;
    forEachColumn(columns, [&](const auto &each) {
        if (static_cast<const void *>(&each) == column)
            found = at;
        ++at;
    });
    return found;
}

quint64 entryField(const QByteArray &file, qsizetype column, int field)
{
    quint64 value = 0;
    std::memcpy(&value, file.constData() + kTableStart + column * kEntryBytes + field * 8, sizeof value);
    return value;
}

// Overwrites the column's `index`-th value of type T.
template <typename T>
Damage writeValue(qsizetype column, qsizetype index, T value)
{
    return [=](QByteArray &file) {
        const auto offset =
            static_cast<qsizetype>(entryField(file, column, 0)) + index * static_cast<qsizetype>(sizeof(T));
        std::memcpy(file.data() + offset, &value, sizeof value);
    };
}

Damage flipBitIn(qsizetype column)
{
    return [=](QByteArray &file) {
        const auto middle = static_cast<qsizetype>(entryField(file, column, 0) + entryField(file, column, 1) / 2);
        file[middle] = static_cast<char>(file[middle] ^ 0x10);
    };
}

Damage setEntry(qsizetype column, int field, quint64 value)
{
    return [=](QByteArray &file) {
        std::memcpy(file.data() + kTableStart + column * kEntryBytes + field * 8, &value, sizeof value);
    };
}

Damage cutTo(qsizetype bytes)
{
    return [=](QByteArray &file) { file.truncate(bytes); };
}

// The content and hybrid top 20 of a few seeds, each entry the track id and the score's bits.
QStringList rankingsOf(const LibraryDb &db)
{
    Result<Catalog> loaded = db.loadCatalog();
    if (!loaded)
        return {QStringLiteral("no catalog: ") + loaded.error().message};
    const Recommender recommender(std::make_shared<const Catalog>(std::move(loaded).value()), db.rankingCachePath());
    QStringList lines;
    for (int seed : seedRowsOf(recommender.catalog(), 4)) {
        for (RankingMethod method : {RankingMethod::Content, RankingMethod::Hybrid}) {
            RankingRequest request;
            request.seedRow = seed;
            request.method = method;
            request.k = 20;
            const auto ranked = recommender.recommend(request);
            if (!ranked)
                return {QStringLiteral("no ranking: ") + ranked.error().message};
            for (const Recommendation &r : *ranked) {
                quint32 bits = 0;
                std::memcpy(&bits, &r.score, sizeof bits);
                lines << QStringLiteral("%1 %2").arg(recommender.catalog().trackId(r.row)).arg(bits, 8, 16);
            }
        }
    }
    return lines;
}

QByteArray contents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool replace(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

}  // namespace

class TestDamagedCaches : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<LibraryDb> m_db;
    QStringList m_cleanRankings;
    QByteArray m_cleanSnapshot;
    QByteArray m_cleanRankingCache;

    void restoreCleanCaches()
    {
        QVERIFY(replace(m_db->snapshotPath(), m_cleanSnapshot));
        QVERIFY(replace(m_db->rankingCachePath(), m_cleanRankingCache));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        Result<std::unique_ptr<LibraryDb>> db = LibraryDb::open(m_dir.filePath(QStringLiteral("library.sqlite")));
        QVERIFY(db);
        m_db = std::move(db).value();
        const CatalogParts parts = randomCatalogParts(400, 11);
        ImportBatch batch;
        batch.sourcePath = m_dir.filePath(QStringLiteral("catalog.csv"));
        batch.tracks = parts.tracks;
        batch.features = parts.features;
        batch.playlists = parts.playlists;
        batch.rowsRead = static_cast<qint64>(parts.tracks.size());
        QVERIFY(m_db->store(batch, QByteArrayLiteral("damaged-caches")));

        m_cleanRankings = rankingsOf(*m_db);  // the first start: reads the tables, writes both caches
        QCOMPARE(m_cleanRankings.size(), 4 * 2 * 20);
        m_cleanSnapshot = contents(m_db->snapshotPath());
        m_cleanRankingCache = contents(m_db->rankingCachePath());
        QVERIFY(!m_cleanSnapshot.isEmpty());
        QVERIFY(!m_cleanRankingCache.isEmpty());
        QCOMPARE(rankingsOf(*m_db), m_cleanRankings);  // from the caches
    }

    void aDamagedCacheIsRebuilt_data()
    {
        QTest::addColumn<bool>("snapshot");  // else the ranking cache
        QTest::addColumn<Damage>("damage");
        QTest::addColumn<QString>("logged");

        const CatalogColumns catalog;
        const RankingColumns ranking;
        const QString outside = QStringLiteral("a column lies outside it");
        const QString checksums = QStringLiteral("its checksums do not match");
        const quint64 huge = quint64{1} << 60;
        const float nan = std::numeric_limits<float>::quiet_NaN();
        const float infinity = std::numeric_limits<float>::infinity();

        QTest::newRow("snapshot cut in half")
            << true << Damage([](QByteArray &f) { f.truncate(f.size() / 2); }) << outside;
        QTest::newRow("snapshot cut after its table")
            << true << cutTo(kTableStart + 10 * kEntryBytes) << QStringLiteral("ignoring a damaged file");
        QTest::newRow("snapshot: a bit of a title flipped")
            << true << flipBitIn(indexOf(catalog, &catalog.names.chars)) << checksums;
        QTest::newRow("snapshot: a bit of a song number flipped")
            << true << flipBitIn(indexOf(catalog, &catalog.songs)) << checksums;
        QTest::newRow("snapshot: NaN in a feature")
            << true << writeValue(indexOf(catalog, &catalog.features), 7, nan) << checksums;
        QTest::newRow("snapshot: infinity in a feature")
            << true << writeValue(indexOf(catalog, &catalog.features), 3, infinity) << checksums;
        QTest::newRow("snapshot: a huge text offset")
            << true << writeValue(indexOf(catalog, &catalog.names.starts), 5, quint64{1} << 40) << checksums;
        QTest::newRow("snapshot: a huge song number")
            << true << writeValue(indexOf(catalog, &catalog.songs), 2, std::numeric_limits<std::int32_t>::max())
            << checksums;
        QTest::newRow("snapshot: a column's offset huge")
            << true << setEntry(indexOf(catalog, &catalog.albums.chars), 0, huge) << outside;
        QTest::newRow("snapshot: a column's size huge")
            << true << setEntry(indexOf(catalog, &catalog.playlistRows), 1, huge) << outside;

        QTest::newRow("ranking cache cut in half")
            << false << Damage([](QByteArray &f) { f.truncate(f.size() / 2); }) << outside;
        QTest::newRow("ranking cache: NaN in a content value")
            << false << writeValue(indexOf(ranking, &ranking.space.packed), 1, nan) << checksums;
        QTest::newRow("ranking cache: NaN popularity")
            << false << writeValue(indexOf(ranking, &ranking.popularity), 0, nan) << checksums;
        QTest::newRow("ranking cache: infinite playlist weight")
            << false << writeValue(indexOf(ranking, &ranking.cooccurrence.playlistWeights), 0, infinity) << checksums;
        QTest::newRow("ranking cache: a slot past the rows")
            << false << writeValue(indexOf(ranking, &ranking.space.slotOf), 0, std::int32_t{1} << 30) << checksums;
        QTest::newRow("ranking cache: a bit of a song row flipped")
            << false << flipBitIn(indexOf(ranking, &ranking.space.songRows)) << checksums;
        QTest::newRow("ranking cache: a column's offset huge")
            << false << setEntry(indexOf(ranking, &ranking.space.packed), 0, huge) << outside;
    }

    void aDamagedCacheIsRebuilt()
    {
        QFETCH(bool, snapshot);
        QFETCH(Damage, damage);
        QFETCH(QString, logged);
        restoreCleanCaches();
        const QString path = snapshot ? m_db->snapshotPath() : m_db->rankingCachePath();
        const QByteArray clean = snapshot ? m_cleanSnapshot : m_cleanRankingCache;
        QByteArray damaged = clean;
        damage(damaged);
        QVERIFY(damaged != clean);
        QVERIFY(replace(path, damaged));

        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QRegularExpression::escape(logged)));
        QCOMPARE(rankingsOf(*m_db), m_cleanRankings);
        QCOMPARE(contents(path), clean);  // rebuilt, so the next start maps it again
    }

    // Bits flipped anywhere, 50 at a time: in a column (the checksum), the table (the ranges),
    // the header (another kind or generation) or the padding between columns (unused).
    void randomBitFlipsNeverChangeTheRanking()
    {
        std::mt19937 rng(2026);
        for (int run = 0; run < 12; ++run) {
            restoreCleanCaches();
            for (const QString &path : {m_db->snapshotPath(), m_db->rankingCachePath()}) {
                QByteArray bytes = contents(path);
                std::uniform_int_distribution<qsizetype> at(0, bytes.size() - 1);
                for (int flip = 0; flip < 50; ++flip) {
                    const qsizetype i = at(rng);
                    bytes[i] = static_cast<char>(bytes[i] ^ (1 << (rng() % 8)));
                }
                QVERIFY(replace(path, bytes));
            }
            QCOMPARE(rankingsOf(*m_db), m_cleanRankings);
        }
    }
};

QTEST_GUILESS_MAIN(TestDamagedCaches)
#include "tst_damagedcaches.moc"
