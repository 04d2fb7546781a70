#include "libraryfixtures.h"
#include "storage/librarydb.h"

#include <QTemporaryDir>
#include <QTest>

using namespace encore;
using namespace encore::testing;

namespace {

Candidate found(const QString &id, qint64 deezerId, const QString &title, const QString &artist, DiscoveryOrigin origin)
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
        Candidate held =
            found(trackId(1), 56, QStringLiteral("Alpha (Deezer's name)"), QStringLiteral("Ann"), kAmysTop);
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
        QVERIFY(
            m_db->storeDiscoveries(QStringLiteral("seed1"),
                                   {found(trackId(2), 0, QStringLiteral("Beta"), QStringLiteral("Bob"), kReccoBeats)}));
        const Result<Removal> removal = m_db->removePlaylists({QStringLiteral("pl1")});
        QVERIFY(removal);
        QCOMPARE(removal->tracks, 0);
        QCOMPARE(m_db->trackCount(), 2);
        QCOMPARE(m_db->discoveries()->size(), std::size_t(1));
    }

    void aSongSpotifyKnowsBecomesItsSpotifyTrack()
    {
        Candidate rehab = found({}, 55, QStringLiteral("Rehab"), QStringLiteral("Amy Winehouse"), kAmysTop);
        rehab.deezerBpm = 72.0;
        QVERIFY(m_db->storeDiscoveries(QStringLiteral("seed1"), {rehab}));
        QVERIFY(m_db->recordFeedback({QStringLiteral("seed1"), QStringLiteral("deezer:55"), Reaction::Like}));
        Track onSpotify = makeTrack(trackId(20), QStringLiteral("Rehab"), QStringLiteral("Amy Winehouse"));
        onSpotify.isrc = QStringLiteral("GBUM70603811");
        onSpotify.albumId = QStringLiteral("B0000000000000000000001");
        const Track asked = m_db->loadCatalog()->track(m_db->loadCatalog()->rowOf(u"deezer:55"));

        QVERIFY(m_db->storeSpotifyMatches({{asked, onSpotify}}, 2));
        const Result<Catalog> catalog = m_db->loadCatalog();
        QVERIFY(catalog);
        QCOMPARE(catalog->rowOf(u"deezer:55"), -1);
        const int row = catalog->rowOf(trackId(20));
        QVERIFY(row >= 0);
        QCOMPARE(catalog->track(row).isrc, QStringLiteral("GBUM70603811"));
        QCOMPARE(catalog->track(row).albumId, onSpotify.albumId);
        QCOMPARE(catalog->features(row).value(Feature::Tempo), 72.0f);  // Deezer's tempo comes along
        QCOMPARE(m_db->discoveries(QStringLiteral("seed1"))->front().trackId, trackId(20));
        QCOMPARE(m_db->deezerTracks({trackId(20)})->value(trackId(20)).deezerId, 55);
        QCOMPARE(m_db->feedback()->front().trackId, trackId(20));
        QCOMPARE(m_db->spotifyMatches({QStringLiteral("deezer:55")})->value(QStringLiteral("deezer:55")).spotifyId,
                 trackId(20));
        QCOMPARE(*m_db->spotifySearchesToday(), 2);
    }

    void aSongTheLibraryHoldsJoinsItsCopy()
    {
        const Candidate alpha = found({}, 56, QStringLiteral("Alpha (Live)"), QStringLiteral("Ann"), kAmysTop);
        const Candidate nowhere = found({}, 57, QStringLiteral("Demo"), QStringLiteral("Ann"), kAmysTop);
        QVERIFY(m_db->storeDiscoveries(QStringLiteral("seed1"), {alpha, nowhere}));
        const Result<Catalog> before = m_db->loadCatalog();
        const Track askedAlpha = before->track(before->rowOf(u"deezer:56"));
        const Track askedDemo = before->track(before->rowOf(u"deezer:57"));
        Track held = makeTrack(trackId(1), QStringLiteral("Alpha (Spotify's name)"), QStringLiteral("Ann"));

        QVERIFY(m_db->storeSpotifyMatches({{askedAlpha, held}, {askedDemo, std::nullopt}}, 3));
        const Result<Catalog> catalog = m_db->loadCatalog();
        QCOMPARE(catalog->size(), 3);  // the two of the sample, and the demo Spotify does not know
        QCOMPARE(catalog->track(catalog->rowOf(trackId(1))).name, QStringLiteral("Alpha"));  // the library's word
        QVERIFY(catalog->rowOf(u"deezer:57") >= 0);
        const Result<std::vector<Discovered>> discovered = m_db->discoveries(QStringLiteral("seed1"));
        QVERIFY(discovered);
        QStringList ids;
        for (const Discovered &each : *discovered)
            ids << each.trackId;
        ids.sort();
        QCOMPARE(ids, (QStringList{trackId(1), QStringLiteral("deezer:57")}));
        const auto answers = m_db->spotifyMatches({QStringLiteral("deezer:56"), QStringLiteral("deezer:57")});
        QCOMPARE(answers->size(), 2);
        QVERIFY(answers->value(QStringLiteral("deezer:57")).spotifyId.isEmpty());
        QVERIFY(answers->value(QStringLiteral("deezer:57")).askedAt.isValid());

        QVERIFY(m_db->storeSpotifyMatches({}, 1));  // searches add up over the day
        QCOMPARE(*m_db->spotifySearchesToday(), 4);
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LibraryDb> m_db;
};

QTEST_GUILESS_MAIN(TestLibraryDiscoveries)
#include "tst_librarydiscoveries.moc"
