#include "fakefeatureservices.h"
#include "featuretestsupport.h"
#include "features/analysisprovider.h"
#include "features/catalogprovider.h"
#include "features/deezertempoprovider.h"
#include "features/previewfinder.h"
#include "features/reccobeatsprovider.h"
#include "features/spotifyfeatureprovider.h"
#include "spotify/spotifyjson.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace encore;
using namespace encore::test;

namespace {

// Runs a provider to its end; everything it found, by track id.
QHash<QString, AudioFeatures> run(FeatureProvider &provider, std::vector<Track> tracks, int timeoutMs = 15000)
{
    QHash<QString, AudioFeatures> found;
    QObject::connect(&provider, &FeatureProvider::found, &provider, [&found](const std::vector<FoundFeatures> &batch) {
        for (const FoundFeatures &entry : batch)
            found.insert(entry.trackId, entry.features);
    });
    QSignalSpy finished(&provider, &FeatureProvider::finished);
    provider.start(std::move(tracks));
    if (!finished.wait(timeoutMs) && finished.isEmpty())
        qWarning("the provider did not finish in time");
    return found;
}

std::vector<Track> numberedTracks(int count)
{
    std::vector<Track> tracks;
    for (int i = 0; i < count; ++i)
        tracks.push_back(featureTrack(i, QStringLiteral("Song %1").arg(i), QStringLiteral("Artist")));
    return tracks;
}

QList<int> idCounts(const QList<FakeHttpService::Request> &requests)
{
    QList<int> counts;
    for (const FakeHttpService::Request &request : requests)
        counts << int(request.query.queryItemValue(QStringLiteral("ids")).split(u',').size());
    std::sort(counts.begin(), counts.end(), std::greater<>());
    return counts;
}

// What a preview service does with the track it is asked about.
enum class Service { HasIt, HasNone, Unreachable, Fails5xx, RateLimited };

}  // namespace

class TestFeatureProviders : public QObject {
    Q_OBJECT

private slots:
    void spotifyWithoutSignInFindsNothing()
    {
        SpotifyFeatureProvider provider(nullptr);
        QSignalSpy progress(&provider, &FeatureProvider::progress);
        QVERIFY(run(provider, numberedTracks(3)).isEmpty());
    }

    void spotifyAsksInBatchesOf100()
    {
        SignedInSpotify spotify;
        QVERIFY(spotify.start());
        spotify.api.setAudioFeaturesAccess(true);
        for (int i = 0; i < 250; i += 2)
            spotify.api.setAudioFeatures(featureTrackId(i), featureJson(100 + i));

        SpotifyFeatureProvider provider(spotify.client.get());
        const QHash<QString, AudioFeatures> found = run(provider, numberedTracks(250));
        QCOMPARE(found.size(), 125);
        QCOMPARE(found.value(featureTrackId(42)).value(Feature::Tempo), 142.0f);
        QCOMPARE(found.value(featureTrackId(42)).source(Feature::Energy), FeatureSource::Spotify);
        QVERIFY(!found.contains(featureTrackId(43)));
        QList<int> counts;
        for (const FakeSpotifyApi::Request &request : spotify.api.requestsTo(QStringLiteral("/v1/audio-features")))
            counts << int(request.query.queryItemValue(QStringLiteral("ids")).split(u',').size());
        std::sort(counts.begin(), counts.end(), std::greater<>());
        QCOMPARE(counts, QList<int>({100, 100, 50}));
        QVERIFY(!spotify.client->audioFeaturesRefused());
    }

    void spotifyDownIsNamed()
    {
        SignedInSpotify spotify;
        QVERIFY(spotify.start());
        spotify.api.setAudioFeaturesAccess(true);
        spotify.api.failRequests(503, 100, QStringLiteral("/v1/audio-features"));
        SpotifyFeatureProvider provider(spotify.client.get());
        QVERIFY(run(provider, numberedTracks(3)).isEmpty());
        QCOMPARE(provider.unreachable(), QStringList{QStringLiteral("Spotify")});
    }

    void spotifyRefusalTurnsItOffForTheSession()
    {
        SignedInSpotify spotify;
        QVERIFY(spotify.start());  // a new app: 403
        SpotifyFeatureProvider first(spotify.client.get());
        QVERIFY(run(first, numberedTracks(1000)).isEmpty());
        QVERIFY(spotify.client->audioFeaturesRefused());
        QVERIFY(first.unreachable().isEmpty());  // an answer, not an outage
        // The batches already in flight when the first 403 came; none after it.
        const qsizetype asked = spotify.api.requestsTo(QStringLiteral("/v1/audio-features")).size();
        QVERIFY(asked >= 1 && asked <= SpotifyFeatureProvider::kConcurrency);

        SpotifyFeatureProvider second(spotify.client.get());
        QVERIFY(run(second, numberedTracks(10)).isEmpty());
        QCOMPARE(spotify.api.requestsTo(QStringLiteral("/v1/audio-features")).size(), asked);
    }

    void reccoBeatsAsksInBatchesOf40AndMapsByHref()
    {
        FakeReccoBeats fake;
        QVERIFY(fake.listen());
        for (int i = 0; i < 100; ++i) {
            if (i % 10 != 3)  // ids it does not know are simply absent
                fake.addTrack(featureTrackId(i), featureJson(60 + i));
        }
        ReccoBeatsProvider provider(m_network, fake.baseUrl());
        provider.client().setOptions(quickServiceOptions());
        QSignalSpy progress(&provider, &FeatureProvider::progress);
        const QHash<QString, AudioFeatures> found = run(provider, numberedTracks(100));
        QCOMPARE(found.size(), 90);
        for (int i : {0, 39, 40, 99}) {
            QCOMPARE(found.value(featureTrackId(i)).value(Feature::Tempo), float(60 + i));
            QCOMPARE(found.value(featureTrackId(i)).source(Feature::Key), FeatureSource::ReccoBeats);
            QVERIFY(found.value(featureTrackId(i)).isComplete());
        }
        QVERIFY(!found.contains(featureTrackId(13)));
        QCOMPARE(idCounts(fake.requestsTo(QStringLiteral("/v1/audio-features"))), QList<int>({40, 40, 20}));
        QVERIFY(fake.maxInFlight() <= provider.client().options().concurrency);
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last().at(0).toInt(), 100);
    }

    // Songs Discover found only on Deezer get its bpm as their tempo; others are not asked about.
    void deezerGivesTheTempoOfItsOwnSongs()
    {
        FakeDeezer fake;
        QVERIFY(fake.listen());
        fake.addArtist(5, QStringLiteral("Artist"));
        fake.addSong(77, 5, QStringLiteral("Known tempo"), {}, 1000, 128.5);
        fake.addSong(78, 5, QStringLiteral("No tempo"), {}, 1000, 0);
        DeezerTempoProvider provider(m_network, fake.baseUrl());
        provider.client().setOptions(quickServiceOptions());
        std::vector<Track> tracks = numberedTracks(2);  // Spotify songs: not Deezer's to answer
        for (const char *id : {"deezer:77", "deezer:78", "deezer:79"}) {
            Track track = featureTrack(0, QStringLiteral("Song"), QStringLiteral("Artist"));
            track.id = QLatin1String(id);
            tracks.push_back(track);
        }
        QSignalSpy progress(&provider, &FeatureProvider::progress);
        const QHash<QString, AudioFeatures> found = run(provider, tracks);
        QCOMPARE(found.keys(), QList<QString>{QStringLiteral("deezer:77")});
        QCOMPARE(found.value(QStringLiteral("deezer:77")).value(Feature::Tempo), 128.5f);
        QCOMPARE(found.value(QStringLiteral("deezer:77")).source(Feature::Tempo), FeatureSource::Deezer);
        QCOMPARE(fake.requests().size(), 3);
        QVERIFY(provider.unreachable().isEmpty());  // 79 is unknown to Deezer: an answer
        QCOMPARE(progress.last().at(0).toInt(), 3);
        QCOMPARE(progress.last().at(1).toInt(), 3);
    }

    void reccoBeatsHonoursRetryAfter()
    {
        FakeReccoBeats fake;
        QVERIFY(fake.listen());
        fake.addTrack(featureTrackId(1), featureJson(90));
        fake.failRequests(429, 1, {}, 1);
        ReccoBeatsProvider provider(m_network, fake.baseUrl());
        provider.client().setOptions(quickServiceOptions());
        QElapsedTimer clock;
        clock.start();
        const QHash<QString, AudioFeatures> found = run(provider, numberedTracks(2));
        QVERIFY2(clock.elapsed() >= 900, "answered before Retry-After had passed");
        QCOMPARE(found.size(), 1);
        QCOMPARE(fake.requests().size(), 2);
    }

    void reccoBeatsGivesUpAFailingBatchAndGoesOn()
    {
        FakeReccoBeats fake;
        QVERIFY(fake.listen());
        for (int i = 0; i < 80; ++i)
            fake.addTrack(featureTrackId(i), featureJson(60 + i));
        fake.failRequests(503, 3);  // the first batch, and both its retries
        ReccoBeatsProvider provider(m_network, fake.baseUrl());
        ServiceClientOptions options = quickServiceOptions();
        options.concurrency = 1;
        provider.client().setOptions(options);
        const QHash<QString, AudioFeatures> found = run(provider, numberedTracks(80));
        QCOMPARE(found.size(), 40);
        QVERIFY(found.contains(featureTrackId(79)));
        QVERIFY(!found.contains(featureTrackId(0)));
    }

    void reccoBeatsTimingOutEndsTheProvider()
    {
        FakeReccoBeats fake;
        QVERIFY(fake.listen());
        fake.addTrack(featureTrackId(1), featureJson(90));
        fake.setLatency(std::chrono::milliseconds(2000));
        ReccoBeatsProvider provider(m_network, fake.baseUrl());
        ServiceClientOptions options = quickServiceOptions();
        options.transferTimeout = std::chrono::milliseconds(100);
        options.maxRetries = 1;
        provider.client().setOptions(options);
        QElapsedTimer clock;
        clock.start();
        // Five batches; after three failed ones in a row the rest are skipped.
        QVERIFY(run(provider, numberedTracks(200)).isEmpty());
        QVERIFY(clock.elapsed() < 5000);
        QVERIFY(fake.requests().size() <= ReccoBeatsProvider::kFailuresToGiveUp * 2 + options.concurrency * 2);
    }

    void reccoBeatsNamedOnlyWhenUnreachable_data()
    {
        QTest::addColumn<int>("status");  // of every answer; 0: nothing listens
        QTest::addColumn<bool>("unreachable");
        QTest::newRow("answers") << 200 << false;
        QTest::newRow("refuses the request") << 400 << false;
        QTest::newRow("down") << 503 << true;
        QTest::newRow("not listening") << 0 << true;
    }

    void reccoBeatsNamedOnlyWhenUnreachable()
    {
        QFETCH(int, status);
        QFETCH(bool, unreachable);
        FakeReccoBeats fake;
        QVERIFY(fake.listen());
        if (status != 200)
            fake.failRequests(status, 100);
        ReccoBeatsProvider provider(m_network, status == 0 ? unreachableUrl() : fake.baseUrl());
        provider.client().setOptions(quickServiceOptions());
        QVERIFY(run(provider, numberedTracks(3)).isEmpty());
        QCOMPARE(provider.unreachable(), unreachable ? QStringList{QStringLiteral("ReccoBeats")} : QStringList());
    }

    void reccoBeatsAnswers_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("found");
        QTest::newRow("empty") << QByteArray("{\"content\":[]}") << 0;
        QTest::newRow("one") << QByteArray(
            "{\"content\":[{\"id\":\"0d2b-uuid\",\"href\":\"https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC\",\"tempo\":113.3,\"energy\":0.9}]}")
                             << 1;
        QTest::newRow("no href") << QByteArray("{\"content\":[{\"id\":\"0d2b-uuid\",\"tempo\":113.3}]}") << 0;
        QTest::newRow("album href") << QByteArray(
            "{\"content\":[{\"href\":\"https://open.spotify.com/album/4uLU6hMCjMI75M1A2tKUQC\",\"tempo\":1}]}")
                                    << 0;
        QTest::newRow("not json") << QByteArray("<html>") << -1;
        QTest::newRow("no content") << QByteArray("{\"data\":[]}") << -1;
    }

    void reccoBeatsAnswers()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, found);
        const Result<std::vector<FoundFeatures>> parsed = parseReccoBeatsFeatures(body);
        QCOMPARE(parsed.ok(), found >= 0);
        if (!parsed) {
            QCOMPARE(parsed.error().kind, ErrorKind::Parse);
            return;
        }
        QCOMPARE(int(parsed->size()), found);
        if (found == 1) {
            QCOMPARE(parsed->front().trackId, QStringLiteral("4uLU6hMCjMI75M1A2tKUQC"));
            QCOMPARE(parsed->front().features.value(Feature::Tempo), 113.3f);
            QVERIFY(!parsed->front().features.has(Feature::Key));
        }
    }

    void catalogMatches_data()
    {
        QTest::addColumn<Track>("track");
        QTest::addColumn<float>("tempo");  // of the catalog track matched; 0 for none
        QTest::newRow("spotify id") << featureTrack(1, QStringLiteral("Other"), QStringLiteral("Name")) << 101.0f;
        QTest::newRow("isrc")
            << featureTrack(50, QStringLiteral("Other"), QStringLiteral("Name"), QStringLiteral("GBAAA0000002"))
            << 102.0f;
        QTest::newRow("title and artist")
            << featureTrack(51, QStringLiteral("  HELLO, world! "), QStringLiteral("the band")) << 103.0f;
        QTest::newRow("featured artist only")
            << featureTrack(52, QStringLiteral("Hello World"), QStringLiteral("Someone")) << 0.0f;
        QTest::newRow("id before isrc") << featureTrack(1, QString(), QString(), QStringLiteral("GBAAA0000002"))
                                        << 101.0f;
        QTest::newRow("nothing") << featureTrack(53, QStringLiteral("Unknown"), QStringLiteral("Nobody")) << 0.0f;
    }

    void catalogMatches()
    {
        QFETCH(Track, track);
        QFETCH(float, tempo);
        std::vector<TrackFeatures> reference;
        auto add = [&](int n, const QString &name, const QString &artist, const QString &isrc, float t) {
            TrackFeatures entry{featureTrack(n, name, artist, isrc), {}};
            for (Feature f : kAllFeatures)
                entry.features.set(f, 0.5f, FeatureSource::Catalog);
            entry.features.set(Feature::Tempo, t, FeatureSource::Catalog);
            entry.features.set(Feature::Energy, 0.9f, FeatureSource::ReccoBeats);  // not a catalog's
            reference.push_back(entry);
        };
        add(1, QStringLiteral("One"), QStringLiteral("A"), QStringLiteral("GBAAA0000001"), 101.0f);
        add(2, QStringLiteral("Two"), QStringLiteral("B"), QStringLiteral("GBAAA0000002"), 102.0f);
        add(3, QStringLiteral("Hello World"), QStringLiteral("The Band"), {}, 103.0f);
        const CatalogMatcher matcher(reference);
        const std::optional<AudioFeatures> match = matcher.match(track);
        QCOMPARE(match.has_value(), tempo > 0);
        if (!match)
            return;
        QCOMPARE(match->value(Feature::Tempo), tempo);
        QCOMPARE(match->source(Feature::Tempo), FeatureSource::Catalog);
        QVERIFY(!match->has(Feature::Energy));
    }

    void previewFromSpotifyNeedsNoRequest()
    {
        FakeDeezer deezer;
        FakeITunes iTunes;
        startPreviewServices(deezer, iTunes);
        PreviewFinder finder(m_network);
        Track track = featureTrack(1, QStringLiteral("Song"), QStringLiteral("Artist"), QStringLiteral("GBAAA0000001"));
        track.previewUrl = QUrl(QStringLiteral("https://p.scdn.co/mp3-preview/abc"));
        QCOMPARE(find(finder, track), track.previewUrl);
        QVERIFY(deezer.requests().isEmpty());
        QVERIFY(iTunes.requests().isEmpty());
    }

    void previewFromDeezerByIsrc()
    {
        FakeDeezer deezer;
        FakeITunes iTunes;
        startPreviewServices(deezer, iTunes);
        const QUrl preview = deezer.serveFile(QStringLiteral("/preview/1.mp3"), "audio");
        deezer.addTrack(QStringLiteral("GBAAA0000001"), preview);
        deezer.exceedQuota(2);  // the finder waits and asks again
        PreviewFinder finder(m_network);
        finder.setServiceOptions(quickServiceOptions(), std::chrono::milliseconds(50));
        const Track track =
            featureTrack(1, QStringLiteral("Song"), QStringLiteral("Artist"), QStringLiteral("GBAAA0000001"));
        QCOMPARE(find(finder, track), preview);
        QCOMPARE(deezer.requestsTo(QStringLiteral("/track/isrc:GBAAA0000001")).size(), 3);
        QVERIFY(iTunes.requests().isEmpty());
        // Remembered: asking again costs nothing.
        QCOMPARE(find(finder, track), preview);
        QCOMPARE(deezer.requests().size(), 3);
    }

    // A song Discover found only on Deezer: its preview link is looked up by its Deezer id.
    void previewOfADiscoveredSongByItsDeezerId()
    {
        FakeDeezer deezer;
        FakeITunes iTunes;
        startPreviewServices(deezer, iTunes);
        deezer.addArtist(5, QStringLiteral("Artist"));
        deezer.addSong(77, 5, QStringLiteral("Song"), {}, 1000);
        PreviewFinder finder(m_network);
        Track track = featureTrack(1, QStringLiteral("Song"), QStringLiteral("Artist"));
        track.id = QStringLiteral("deezer:77");
        QCOMPARE(find(finder, track), QUrl(QStringLiteral("https://cdns-preview.invalid/77.mp3?hdnea=exp")));
        QCOMPARE(deezer.requestsTo(QStringLiteral("/track/77")).size(), 1);
        QVERIFY(iTunes.requests().isEmpty());
    }

    void previewFromITunesWhenDeezerHasNone()
    {
        FakeDeezer deezer;
        FakeITunes iTunes;
        startPreviewServices(deezer, iTunes);
        const QUrl right = iTunes.serveFile(QStringLiteral("/preview/right.m4a"), "audio");
        iTunes.addSong(QStringLiteral("Hello World (Live)"), QStringLiteral("The Band"),
                       iTunes.urlOf(QStringLiteral("/wrong1")));
        iTunes.addSong(QStringLiteral("Hello World"), QStringLiteral("The Band Tribute"),
                       iTunes.urlOf(QStringLiteral("/wrong2")));
        iTunes.addSong(QStringLiteral("Hello, World"), QStringLiteral("The Band & Friends"), right);
        PreviewFinder finder(m_network);
        finder.setServiceOptions(quickServiceOptions());
        // Deezer does not know the ISRC (code 800).
        const Track track =
            featureTrack(1, QStringLiteral("Hello World"), QStringLiteral("The Band"), QStringLiteral("GBAAA0000009"));
        QCOMPARE(find(finder, track), right);
        QCOMPARE(deezer.requests().size(), 1);
        const QList<FakeHttpService::Request> searches = iTunes.requestsTo(QStringLiteral("/search"));
        QCOMPARE(searches.size(), 1);
        QCOMPARE(searches[0].query.queryItemValue(QStringLiteral("media")), QStringLiteral("music"));
        QCOMPARE(searches[0].query.queryItemValue(QStringLiteral("entity")), QStringLiteral("song"));
    }

    // A quota that never comes back is no answer: Deezer may well have the preview.
    void aQuotaThatStaysIsNoAnswer()
    {
        FakeDeezer deezer;
        FakeITunes iTunes;
        startPreviewServices(deezer, iTunes);
        deezer.exceedQuota(100);
        PreviewFinder finder(m_network);
        finder.setServiceOptions(quickServiceOptions(), std::chrono::milliseconds(10));
        const Track track =
            featureTrack(1, QStringLiteral("Song"), QStringLiteral("Artist"), QStringLiteral("GBAAA0000001"));
        const PreviewSearch result = search(finder, track);
        QVERIFY(result.preview.isEmpty());
        QVERIFY(!result.answered());
        QVERIFY(result.unreachable.isEmpty());
        QCOMPARE(result.limited, QStringList{QStringLiteral("Deezer")});
        QCOMPARE(deezer.requests().size(), 1 + PreviewFinder::kQuotaRetries);
        QCOMPARE(iTunes.requests().size(), 1);
        QCOMPARE(unansweredMessage(result.unreachable, result.limited),
                 QStringLiteral("Deezer is limiting requests; try again in a few minutes."));
    }

    void previewSearchOutcomes_data()
    {
        QTest::addColumn<Service>("deezer");
        QTest::addColumn<Service>("iTunes");
        QTest::addColumn<QString>("foundOn");  // "Deezer", "iTunes" or empty
        QTest::addColumn<QStringList>("unreachable");
        QTest::addColumn<QStringList>("limited");
        const QString deezer = QStringLiteral("Deezer");
        const QString iTunes = QStringLiteral("iTunes");
        QTest::newRow("on Deezer") << Service::HasIt << Service::Unreachable << deezer << QStringList()
                                   << QStringList();
        QTest::newRow("on iTunes, Deezer down")
            << Service::Unreachable << Service::HasIt << iTunes << QStringList{deezer} << QStringList();
        QTest::newRow("none anywhere") << Service::HasNone << Service::HasNone << QString() << QStringList()
                                       << QStringList();
        QTest::newRow("Deezer unreachable")
            << Service::Unreachable << Service::HasNone << QString() << QStringList{deezer} << QStringList();
        QTest::newRow("Deezer 502") << Service::Fails5xx << Service::HasNone << QString() << QStringList{deezer}
                                    << QStringList();
        QTest::newRow("iTunes 503") << Service::HasNone << Service::Fails5xx << QString() << QStringList{iTunes}
                                    << QStringList();
        QTest::newRow("offline") << Service::Unreachable << Service::Unreachable << QString()
                                 << QStringList{deezer, iTunes} << QStringList();
        QTest::newRow("iTunes 429") << Service::HasNone << Service::RateLimited << QString() << QStringList()
                                    << QStringList{iTunes};
    }

    void previewSearchOutcomes()
    {
        QFETCH(Service, deezer);
        QFETCH(Service, iTunes);
        QFETCH(QString, foundOn);
        QFETCH(QStringList, unreachable);
        QFETCH(QStringList, limited);
        FakeDeezer fakeDeezer;
        FakeITunes fakeITunes;
        startPreviewServices(fakeDeezer, fakeITunes);
        const Track track =
            featureTrack(1, QStringLiteral("Song"), QStringLiteral("Artist"), QStringLiteral("GBAAA0000001"));
        const QUrl onDeezer = fakeDeezer.urlOf(QStringLiteral("/preview/1.mp3"));
        const QUrl onITunes = fakeITunes.urlOf(QStringLiteral("/preview/1.m4a"));
        if (deezer == Service::HasIt)
            fakeDeezer.addTrack(track.isrc, onDeezer);
        if (iTunes == Service::HasIt)
            fakeITunes.addSong(track.name, track.primaryArtist(), onITunes);
        const auto breakService = [](Service state, FakeHttpService &fake, const char *variable) {
            if (state == Service::Fails5xx)
                fake.failRequests(502, 100);
            if (state == Service::RateLimited)
                fake.failRequests(429, 100);
            if (state == Service::Unreachable)
                qputenv(variable, unreachableUrl().toEncoded());
        };
        breakService(deezer, fakeDeezer, FeatureEndpoints::kDeezerVariable);
        breakService(iTunes, fakeITunes, FeatureEndpoints::kITunesVariable);

        PreviewFinder finder(m_network);
        finder.setServiceOptions(quickServiceOptions());
        const PreviewSearch result = search(finder, track);
        const QUrl expected = foundOn == u"Deezer" ? onDeezer : foundOn == u"iTunes" ? onITunes : QUrl();
        QCOMPARE(result.preview, expected);
        QCOMPARE(result.unreachable, unreachable);
        QCOMPARE(result.limited, limited);
        QCOMPARE(result.answered(), !foundOn.isEmpty() || (unreachable.isEmpty() && limited.isEmpty()));
    }

    // Only answers are remembered: a service that could not be reached is asked again.
    void aSearchThatReachedNoOneIsMadeAgain()
    {
        FakeDeezer deezer;
        FakeITunes iTunes;
        startPreviewServices(deezer, iTunes);
        const Track track =
            featureTrack(1, QStringLiteral("Song"), QStringLiteral("Artist"), QStringLiteral("GBAAA0000001"));
        const QUrl preview = iTunes.urlOf(QStringLiteral("/preview/1.m4a"));
        iTunes.addSong(track.name, track.primaryArtist(), preview);
        iTunes.failRequests(503, 1 + quickServiceOptions().maxRetries);
        PreviewFinder finder(m_network);
        finder.setServiceOptions(quickServiceOptions());

        const PreviewSearch offline = search(finder, track);
        QVERIFY(!offline.answered());
        QCOMPARE(offline.unreachable, QStringList{QStringLiteral("iTunes")});
        QCOMPARE(search(finder, track).preview, preview);  // asked again, and back
        QCOMPARE(deezer.requests().size(), 2);
        const qsizetype iTunesAsked = iTunes.requests().size();
        QCOMPARE(search(finder, track).preview, preview);  // an answer: remembered
        QCOMPARE(deezer.requests().size(), 2);
        QCOMPARE(iTunes.requests().size(), iTunesAsked);
    }

    // Offline, each track would wait for its retries: after a few the rest are left, unrecorded.
    void analysisLeavesTheRestWhenPreviewsCannotBeReached()
    {
        FakeDeezer deezer;
        FakeITunes iTunes;
        startPreviewServices(deezer, iTunes);
        deezer.failRequests(503, 1000);
        iTunes.failRequests(503, 1000);
        AnalysisFeatureProvider provider(m_network);
        provider.finder().setServiceOptions(quickServiceOptions());
        QSignalSpy analysed(&provider, &AnalysisFeatureProvider::analysed);
        QSignalSpy progress(&provider, &FeatureProvider::progress);
        std::vector<Track> tracks = numberedTracks(10);
        for (Track &track : tracks)
            track.isrc = QStringLiteral("GBAAA%1").arg(track.id.right(7));
        QVERIFY(run(provider, tracks).isEmpty());
        QCOMPARE(analysed.count(), 0);
        QCOMPARE(provider.unreachable(), QStringList({QStringLiteral("Deezer"), QStringLiteral("iTunes")}));
        QSet<QString> asked;
        for (const FakeHttpService::Request &request : deezer.requests())
            asked.insert(request.path);
        QVERIFY2(asked.size() < AnalysisFeatureProvider::kUnreachableToGiveUp + AnalysisFeatureProvider::kConcurrency,
                 qPrintable(QString::number(asked.size())));
        QCOMPARE(progress.last(), QVariantList({10, 10}));
    }

    void noPreviewIsRemembered()
    {
        FakeDeezer deezer;
        FakeITunes iTunes;
        startPreviewServices(deezer, iTunes);
        PreviewFinder finder(m_network);
        const Track track =
            featureTrack(1, QStringLiteral("Song"), QStringLiteral("Artist"), QStringLiteral("GBAAA0000001"));
        QVERIFY(search(finder, track).answered());
        const PreviewSearch again = search(finder, track);
        QVERIFY(again.answered() && again.preview.isEmpty());
        QCOMPARE(deezer.requests().size(), 1);
        QCOMPARE(iTunes.requests().size(), 1);
    }

    void spotifyTracksCarryTheirPreview()
    {
        const QByteArray body =
            "{\"type\":\"track\",\"id\":\"4uLU6hMCjMI75M1A2tKUQC\",\"name\":\"Never\",\"preview_url\":\"https://p.scdn.co/mp3-preview/3f2a?cid=1\",\"artists\":[{\"name\":\"Rick\"}]}";
        const Result<Track> track = parseTrack(body);
        QVERIFY(track.ok());
        QCOMPARE(track->previewUrl, QUrl(QStringLiteral("https://p.scdn.co/mp3-preview/3f2a?cid=1")));
        QVERIFY(SpotifyClient::playlistItemsFields().contains(QStringLiteral("preview_url")));
        const Result<Track> without =
            parseTrack(QByteArray(body).replace("\"https://p.scdn.co/mp3-preview/3f2a?cid=1\"", "null"));
        QVERIFY(without.ok());
        QVERIFY(without->previewUrl.isEmpty());
    }

private:
    void startPreviewServices(FakeDeezer &deezer, FakeITunes &iTunes)
    {
        QVERIFY(deezer.listen());
        QVERIFY(iTunes.listen());
        qputenv(FeatureEndpoints::kDeezerVariable, deezer.baseUrl().toEncoded());
        qputenv(FeatureEndpoints::kITunesVariable, iTunes.baseUrl().toEncoded());
    }

    static PreviewSearch search(PreviewFinder &finder, const Track &track)
    {
        std::optional<PreviewSearch> result;
        finder.find(track, [&result](const PreviewSearch &search) { result = search; });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 15000))
            return PreviewSearch{QUrl(QStringLiteral("about:timeout")), {}, {}};
        return *result;
    }

    static QUrl find(PreviewFinder &finder, const Track &track) { return search(finder, track).preview; }

    QNetworkAccessManager m_network;
};

QTEST_GUILESS_MAIN(TestFeatureProviders)
#include "tst_featureproviders.moc"
