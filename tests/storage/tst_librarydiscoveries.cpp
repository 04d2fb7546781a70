#include "libraryfixtures.h"
#include "storage/librarydb.h"

#include <QTemporaryDir>
#include <QTest>

using namespace encore;
using namespace encore::testing;

namespace {

Candidate found(const QString &id, qint64 deezerId, const QString &title, const QString &artist,
                DiscoveryOrigin origin)
{
    Candidate candidate;
    candidate.track = makeTrack(id, title, artist);
    candidate.deezerId = deezerId;
    candidate.origins = {std::move(origin)};
    return candidate;
}

const DiscoveryOrigin kReccoBeats{DiscoveryOrigin::Source::ReccoBeats, {}, {}};
const DiscoveryOrigin kAmysTop{DiscoveryOrigin::Source::DeezerTop, QStringLiteral("Amy Winehouse"),
                               QStringLiteral("Adele")};

}  // namespace

class TestLibraryDiscoveries : public QObject {
    Q_OBJECT

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();  // a new library for each test
        QVERIFY(m_dir->isValid());
        auto opened = LibraryDb::open(m_dir->filePath(QStringLiteral("library.sqlite")));
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message));
        m_db = std::move(*opened);
        QVERIFY(m_db->store(sampleBatch(), "sample"));
    }

    void cleanup()
    {
        m_db.reset();
        m_dir.reset();
    }

    void storesSongsWithWhereTheyCameFrom()
    {
        Candidate spotify = found(trackId(9), 0, QStringLiteral("Skyfall"), QStringLiteral("Adele"), kReccoBeats);
        Candidate deezerOnly = found({}, 55, QStringLiteral("Rehab"), QStringLiteral("Amy Winehouse"), kAmysTop);
        deezerOnly.deezerBpm = 72.0;
        deezerOnly.deezerRank = 750000;
        deezerOnly.cover = QUrl(QStringLiteral("http://127.0.0.1/cover/55.jpg"));
        deezerOnly.track.isrc = QStringLiteral("gbum70603811");
        // A song the library holds, with its own name and a tempo: neither changes.
        Candidate held = found(trackId(1), 56, QStringLiteral("Alpha (Deezer's name)"), QStringLiteral("Ann"), kAmysTop);
        held.deezerBpm = 99.0;
        QVERIFY(m_db->storeDiscoveries(QStringLiteral("seed1"), {spotify, deezerOnly, held}));

        const Result<Catalog> catalog = m_db->loadCatalog();
        QVERIFY(catalog);
        QCOMPARE(catalog->size(), 4);
        const int rehab = catalog->rowOf(u"deezer:55");
        QVERIFY(rehab >= 0);
        QCOMPARE(catalog->track(rehab).name, QStringLiteral("Rehab"));
        QCOMPARE(catalog->track(rehab).isrc, QStringLiteral("GBUM70603811"));
        QCOMPARE(catalog->features(rehab).value(Feature::Tempo), 72.0f);
        QCOMPARE(catalog->featureSource(rehab, Feature::Tempo), FeatureSource::Deezer);
        const int alpha = catalog->rowOf(trackId(1));
        QCOMPARE(catalog->track(alpha).name, QStringLiteral("Alpha"));
        QCOMPARE(catalog->features(alpha).value(Feature::Tempo), fullFeatures(0.1f).value(Feature::Tempo));

        const auto discovered = m_db->discoveries(QStringLiteral("seed1"));
        QVERIFY(discovered);
        QCOMPARE(discovered->size(), std::size_t(3));
        QStringList ids;
        for (const Discovered &each : *discovered) {
            ids << each.trackId;
            QVERIFY(each.discoveredAt.isValid());
            QCOMPARE(each.origin, each.trackId == trackId(9) ? kReccoBeats : kAmysTop);
        }
        ids.sort();
        QCOMPARE(ids, (QStringList{trackId(1), trackId(9), QStringLiteral("deezer:55")}));
        QVERIFY(m_db->discoveries(QStringLiteral("other seed"))->empty());
        QCOMPARE(m_db->discoveries()->size(), std::size_t(3));

        const auto deezer = m_db->deezerTracks({QStringLiteral("deezer:55"), trackId(9)});
        QVERIFY(deezer);
        QCOMPARE(deezer->size(), 1);
        QCOMPARE(deezer->value(QStringLiteral("deezer:55")).deezerId, 55);
        QCOMPARE(deezer->value(QStringLiteral("deezer:55")).rank, 750000);
        QCOMPARE(deezer->value(QStringLiteral("deezer:55")).cover, deezerOnly.cover);

        // Found again for the same seed: one record each still, newer.
        QVERIFY(m_db->storeDiscoveries(QStringLiteral("seed1"), {deezerOnly}));
        const auto again = m_db->discoveries(QStringLiteral("seed1"));
        QCOMPARE(again->size(), std::size_t(3));
        QCOMPARE(again->front().trackId, QStringLiteral("deezer:55"));  // newest first
    }

    void aCandidateWithoutAnIdIsLeftOut()
    {
        QVERIFY(m_db->storeDiscoveries(QStringLiteral("seed1"),
                                       {found({}, 0, QStringLiteral("Nameless"), QStringLiteral("Nobody"), kAmysTop)}));
        QCOMPARE(m_db->trackCount(), 2);
        QVERIFY(m_db->discoveries()->empty());
    }

    void removingItsPlaylistKeepsADiscoveredSong()
    {
        // Track 2 is held only by playlist pl1, and was discovered too.
        QVERIFY(m_db->storeDiscoveries(QStringLiteral("seed1"),
                                       {found(trackId(2), 0, QStringLiteral("Beta"), QStringLiteral("Bob"), kReccoBeats)}));
        const Result<Removal> removal = m_db->removePlaylists({QStringLiteral("pl1")});
        QVERIFY(removal);
        QCOMPARE(removal->tracks, 0);
        QCOMPARE(m_db->trackCount(), 2);
        QCOMPARE(m_db->discoveries()->size(), std::size_t(1));
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LibraryDb> m_db;
};

QTEST_GUILESS_MAIN(TestLibraryDiscoveries)
#include "tst_librarydiscoveries.moc"
