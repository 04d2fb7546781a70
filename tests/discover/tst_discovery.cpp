#include "discover/discovery.h"

#include "fakefeatureservices.h"
#include "features/featuretestsupport.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace encore;
using namespace encore::test;

namespace {

// Adele's "Hello" and, on Deezer, Adele with two related artists.
struct Services {
    FakeReccoBeats reccoBeats;
    FakeDeezer deezer;
    QNetworkAccessManager network;

    bool start()
    {
        if (!reccoBeats.listen() || !deezer.listen())
            return false;
        reccoBeats.addRecommendation(seed().id, featureTrackId(2), QStringLiteral("Skyfall"),
                                     {QStringLiteral("Adele")});
        reccoBeats.addRecommendation(seed().id, featureTrackId(3), QStringLiteral("Mercy"), {QStringLiteral("Duffy")},
                                     QStringLiteral("GBUM70800001"));
        // ReccoBeats knows the seed among its own answers; it must not come back.
        reccoBeats.addRecommendation(seed().id, seed().id, QStringLiteral("Hello"), {QStringLiteral("Adele")});

        deezer.addArtist(75798, QStringLiteral("Adele"), {1281, 1282, 1283});
        deezer.addArtist(1281, QStringLiteral("Duffy"));
        deezer.addArtist(1282, QStringLiteral("Amy Winehouse"));
        deezer.addArtist(1283, QStringLiteral("Birdy"));
        deezer.addSong(1, 75798, QStringLiteral("Hello"), seed().isrc, 900000, 79);
        deezer.addSong(2, 75798, QStringLiteral("Skyfall"), QStringLiteral("GBBKS1200164"), 800000, 76);
        deezer.addSong(3, 75798, QStringLiteral("Easy On Me"), QStringLiteral("USSM12105970"), 850000, 142);
        deezer.addSong(4, 1281, QStringLiteral("Mercy"), QStringLiteral("GBUM70800001"), 700000, 130);
        deezer.addSong(5, 1282, QStringLiteral("Rehab"), QStringLiteral("GBUM70603811"), 750000, 72);
        deezer.addSong(6, 1283, QStringLiteral("Skinny Love"), QStringLiteral("GBAHT1100001"), 600000, 0);
        return true;
    }

    static Track seed()
    {
        return featureTrack(1, QStringLiteral("Hello"), QStringLiteral("Adele"), QStringLiteral("GBBKS1500214"));
    }

    std::unique_ptr<Discovery> discovery(QUrl reccoBeatsUrl = {}, QUrl deezerUrl = {})
    {
        FeatureEndpoints endpoints;
        endpoints.reccoBeats = reccoBeatsUrl.isEmpty() ? reccoBeats.baseUrl() : reccoBeatsUrl;
        endpoints.deezer = deezerUrl.isEmpty() ? deezer.baseUrl() : deezerUrl;
        auto made = std::make_unique<Discovery>(network, endpoints);
        made->reccoBeatsClient().setOptions(quickServiceOptions());
        made->deezerClient().setOptions(quickServiceOptions());
        return made;
    }
};

QStringList reasons(const Candidate &candidate)
{
    QStringList sentences;
    for (const DiscoveryOrigin &origin : candidate.origins)
        sentences << origin.describe();
    return sentences;
}

const Candidate *named(const Discovery &discovery, const QString &title)
{
    for (const Candidate &candidate : discovery.pool().candidates())
        if (candidate.track.name == title)
            return &candidate;
    return nullptr;
}

DiscoveryOutcome run(Discovery &discovery, const Track &seed, const DiscoveryOptions &options = {})
{
    QSignalSpy finished(&discovery, &Discovery::finished);
    discovery.start(seed, options);
    if (!finished.wait(10000))
        return {{}, {}, {QStringLiteral("did not finish")}, false};
    return finished.first().first().value<DiscoveryOutcome>();
}

}  // namespace

class TestDiscovery : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { qRegisterMetaType<DiscoveryOutcome>(); }

    void gathersFromEveryServiceOnce()
    {
        Services services;
        QVERIFY(services.start());
        auto discovery = services.discovery();
        QSignalSpy added(discovery.get(), &Discovery::candidatesAdded);
        QSignalSpy progress(discovery.get(), &Discovery::progress);
        const DiscoveryOutcome outcome = run(*discovery, Services::seed());
        QVERIFY2(outcome.complete(), qPrintable(outcome.message()));
        QVERIFY(!added.isEmpty());
        QCOMPARE(progress.last().at(0), progress.last().at(1));  // every planned request answered
        const std::vector<DiscoverySourceProgress> sources = discovery->sourceProgress();
        QCOMPARE(sources.size(), std::size_t(2));
        QCOMPARE(sources[0].service, QStringLiteral("ReccoBeats"));
        QCOMPARE(sources[0].done, 1);
        QCOMPARE(sources[0].planned, 1);
        QCOMPARE(sources[1].service, QStringLiteral("Deezer"));
        QCOMPARE(sources[1].done, 6);  // the seed, its artist's top and related, three tops
        QCOMPARE(sources[1].planned, 6);

        // The seed's artist's other songs, the related artists' top songs, ReccoBeats' picks;
        // the seed never, and each song once.
        QStringList titles;
        for (const Candidate &candidate : discovery->pool().candidates())
            titles << candidate.track.name;
        titles.sort();
        QCOMPARE(titles,
                 (QStringList{QStringLiteral("Easy On Me"), QStringLiteral("Mercy"), QStringLiteral("Rehab"),
                              QStringLiteral("Skinny Love"), QStringLiteral("Skyfall")}));

        // Skyfall came from both: ReccoBeats' Spotify id and Deezer's id, tempo and both reasons.
        const Candidate *skyfall = named(*discovery, QStringLiteral("Skyfall"));
        QCOMPARE(skyfall->track.id, featureTrackId(2));
        QCOMPARE(skyfall->deezerId, 2);
        QCOMPARE(reasons(*skyfall),
                 (QStringList{QStringLiteral("ReccoBeats recommends it for this seed"),
                              QStringLiteral("top song of Adele on Deezer")}));
        QCOMPARE(reasons(*named(*discovery, QStringLiteral("Rehab"))),
                 QStringList{QStringLiteral("top song of Amy Winehouse, related to Adele on Deezer")});
        QVERIFY(!named(*discovery, QStringLiteral("Skinny Love"))->deezerBpm);  // lists carry no bpm

        // What was asked: the seed by ISRC, then its artist's top songs and related artists.
        QCOMPARE(services.deezer.requestsTo(QStringLiteral("/track/isrc:")).size(), 1);
        QCOMPARE(services.deezer.requestsTo(QStringLiteral("/search/")).size(), 0);  // the ISRC sufficed
        QCOMPARE(services.deezer.requestsTo(QStringLiteral("/artist/")).size(), 1 + 1 + 3);
        const auto asked = services.reccoBeats.requestsTo(QStringLiteral("/v1/track/recommendation"));
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked.first().query.queryItemValue(QStringLiteral("seeds")), Services::seed().id);
        QCOMPARE(asked.first().query.queryItemValue(QStringLiteral("size")), QStringLiteral("40"));
    }

    void aPlaylistIsAskedAboutThroughItsMainArtists()
    {
        Services services;
        QVERIFY(services.start());
        // Adele three times (Hello known by its Spotify id only once), Duffy once.
        Track helloCopy = featureTrack(11, QStringLiteral("Hello"), QStringLiteral("Adele"), QString());
        helloCopy.id = QStringLiteral("deezer:1");
        const Track easy =
            featureTrack(12, QStringLiteral("Easy On Me"), QStringLiteral("Adele"), QStringLiteral("USSM12105970"));
        const Track mercy =
            featureTrack(3, QStringLiteral("Mercy"), QStringLiteral("Duffy"), QStringLiteral("GBUM70800001"));
        const std::vector<Track> tracks{helloCopy, mercy, Services::seed(), easy};
        const Catalog catalog(tracks, std::vector<AudioFeatures>(tracks.size()),
                              {Playlist{QStringLiteral("pl1"),
                                        QStringLiteral("Evening"),
                                        {},
                                        {},
                                        {helloCopy.id, mercy.id, Services::seed().id, easy.id},
                                        {}}});
        const DiscoverySeed seed = DiscoverySeed::ofPlaylist(catalog, 0);
        QCOMPARE(seed.id, QStringLiteral("playlist:pl1"));
        QCOMPARE(seed.name, QStringLiteral("Evening"));
        QCOMPARE(seed.tracks.size(), std::size_t(2));      // one track per artist, the most frequent first
        QCOMPARE(seed.tracks[0].id, Services::seed().id);  // Adele's, by a Spotify id
        QCOMPARE(seed.tracks[1].id, mercy.id);

        auto discovery = services.discovery();
        QSignalSpy finished(discovery.get(), &Discovery::finished);
        discovery->start(seed);
        QVERIFY(finished.wait(10000));
        const auto asked = services.reccoBeats.requestsTo(QStringLiteral("/v1/track/recommendation"));
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked.first().query.queryItemValue(QStringLiteral("seeds")), Services::seed().id + u',' + mercy.id);
        // Adele and Duffy found on Deezer; Duffy is also related to Adele, but asked about once.
        QCOMPARE(services.deezer.requestsTo(QStringLiteral("/artist/1281/top")).size(), 1);
        QCOMPARE(services.deezer.requestsTo(QStringLiteral("/artist/75798/top")).size(), 1);
        QStringList titles;
        for (const Candidate &candidate : discovery->pool().candidates())
            titles << candidate.track.name;
        titles.sort();
        // The tracks asked about never come back; the playlist's others may (the library holds
        // them, so they are not new).
        QCOMPARE(titles,
                 (QStringList{QStringLiteral("Easy On Me"), QStringLiteral("Rehab"), QStringLiteral("Skinny Love"),
                              QStringLiteral("Skyfall")}));
    }

    void seedWithoutIsrcIsFoundByName()
    {
        Services services;
        QVERIFY(services.start());
        auto discovery = services.discovery();
        Track seed = Services::seed();
        seed.isrc.clear();
        seed.id.clear();  // not a Spotify song: ReccoBeats cannot be asked
        DiscoveryOptions options;
        options.relatedArtists = 1;
        QVERIFY(run(*discovery, seed, options).complete());
        QCOMPARE(services.reccoBeats.requests().size(), 0);
        const auto searches = services.deezer.requestsTo(QStringLiteral("/search/track"));
        QCOMPARE(searches.size(), 1);
        QCOMPARE(searches.first().query.queryItemValue(QStringLiteral("q"), QUrl::FullyDecoded),
                 QStringLiteral("artist:\"Adele\" track:\"Hello\""));
        QVERIFY(named(*discovery, QStringLiteral("Mercy")));   // Duffy, the one related artist asked
        QVERIFY(!named(*discovery, QStringLiteral("Rehab")));  // Amy Winehouse was not asked
    }

    // A song Discover found on Deezer before is known there by its id; ReccoBeats knows it not.
    void seedFoundOnDeezerIsAskedForByItsId()
    {
        Services services;
        QVERIFY(services.start());
        auto discovery = services.discovery();
        Track seed = Services::seed();
        seed.id = QStringLiteral("deezer:1");
        seed.isrc.clear();
        QVERIFY(run(*discovery, seed).complete());
        QCOMPARE(services.reccoBeats.requests().size(), 0);
        QCOMPARE(services.deezer.requestsTo(QStringLiteral("/track/1")).size(), 1);
        QCOMPARE(services.deezer.requestsTo(QStringLiteral("/search/")).size(), 0);
        QVERIFY(named(*discovery, QStringLiteral("Skyfall")));  // Adele's top songs
        QVERIFY(!named(*discovery, QStringLiteral("Hello")));   // never the seed itself
    }

    void unknownSeedFindsNothingAndSaysNothingFailed()
    {
        Services services;
        QVERIFY(services.start());
        auto discovery = services.discovery();
        const Track unknown =
            featureTrack(9, QStringLiteral("Nobody Knows"), QStringLiteral("Nobody"), QStringLiteral("XX0000000000"));
        const DiscoveryOutcome outcome = run(*discovery, unknown);
        QVERIFY(outcome.complete());
        QCOMPARE(discovery->pool().size(), 0);
        // Deezer said "no data" for the ISRC, so the name was tried too.
        QCOMPARE(services.deezer.requestsTo(QStringLiteral("/search/track")).size(), 1);
    }

    void offlineAndLimitedServicesAreNamed()
    {
        Services services;
        QVERIFY(services.start());
        auto discovery = services.discovery(unreachableUrl());
        services.deezer.exceedQuota(100);
        const DiscoveryOutcome outcome = run(*discovery, Services::seed());
        QCOMPARE(outcome.unreachable, QStringList{QStringLiteral("ReccoBeats")});
        QCOMPARE(outcome.limited, QStringList{QStringLiteral("Deezer")});
        QVERIFY(!outcome.complete());
        QVERIFY(outcome.message().contains(QStringLiteral("ReccoBeats")));
        QCOMPARE(discovery->pool().size(), 0);
    }

    void brokenAnswersAreFailuresNotSongs()
    {
        Services services;
        QVERIFY(services.start());
        services.deezer.failRequests(500, 100, QStringLiteral("/artist/"));
        auto discovery = services.discovery();
        const DiscoveryOutcome outcome = run(*discovery, Services::seed());
        QCOMPARE(outcome.unreachable, QStringList{QStringLiteral("Deezer")});  // 5xx past the retries
        // ReccoBeats still answered: its songs are there.
        QVERIFY(named(*discovery, QStringLiteral("Skyfall")));
        QVERIFY(!named(*discovery, QStringLiteral("Rehab")));
    }

    void slowAndCutAnswersStillArrive()
    {
        Services services;
        QVERIFY(services.start());
        services.reccoBeats.setLatency(std::chrono::milliseconds(400));
        services.deezer.setLatency(std::chrono::milliseconds(150));
        services.deezer.cutAnswers(1, QStringLiteral("/artist/1282/top"));  // Amy Winehouse's
        auto discovery = services.discovery();
        const DiscoveryOutcome outcome = run(*discovery, Services::seed());
        QVERIFY(outcome.failures.isEmpty());
        QVERIFY(outcome.unreachable.isEmpty() && outcome.limited.isEmpty());
        // The cut answer was asked again; everything arrived, slow as it was.
        QCOMPARE(services.deezer.requestsTo(QStringLiteral("/artist/1282/top")).size(), 2);
        for (const QString &title : {QStringLiteral("Rehab"), QStringLiteral("Skyfall"), QStringLiteral("Mercy"),
                                     QStringLiteral("Skinny Love"), QStringLiteral("Easy On Me")})
            QVERIFY2(named(*discovery, title), qPrintable(title));
    }

    void cancelStopsEverything()
    {
        Services services;
        QVERIFY(services.start());
        services.deezer.setLatency(std::chrono::milliseconds(300));
        services.reccoBeats.setLatency(std::chrono::milliseconds(300));
        auto discovery = services.discovery();
        QSignalSpy finished(discovery.get(), &Discovery::finished);
        QSignalSpy added(discovery.get(), &Discovery::candidatesAdded);
        discovery->start(Services::seed());
        QVERIFY(discovery->isRunning());
        discovery->cancel();
        QCOMPARE(finished.size(), 1);
        QVERIFY(finished.first().first().value<DiscoveryOutcome>().cancelled);
        QTest::qWait(700);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(added.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestDiscovery)
#include "tst_discovery.moc"
