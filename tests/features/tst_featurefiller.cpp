#include "fakefeatureservices.h"
#include "featuretestsupport.h"
#include "features/featurefiller.h"
#include "storage/librarydb.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace encore;
using namespace encore::test;

namespace {

const QString kPlaylist = QStringLiteral("5FillerPlaylist0000000");

// The songs of the playlist, each to be found by a different link of the chain.
enum Song { BySpotify = 1, ByReccoBeats, ByIsrc, ByTitle, ByAnalysis, Unfound };

QStringList playlistIds()
{
    QStringList ids;
    for (int n = BySpotify; n <= Unfound; ++n)
        ids << featureTrackId(n);
    return ids;
}

AudioFeatures catalogFeatures(float tempo)
{
    AudioFeatures features;
    for (Feature f : kAllFeatures)
        features.set(f, 0.5f, FeatureSource::Catalog);
    features.set(Feature::Tempo, tempo, FeatureSource::Catalog);
    return features;
}

}  // namespace

class TestFeatureFiller : public QObject {
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("library-%1.sqlite").arg(++m_runs));
        m_reccoBeats = std::make_unique<FakeReccoBeats>();
        m_deezer = std::make_unique<FakeDeezer>();
        m_iTunes = std::make_unique<FakeITunes>();
        QVERIFY(m_reccoBeats->listen() && m_deezer->listen() && m_iTunes->listen());
        qputenv(FeatureEndpoints::kReccoBeatsVariable, m_reccoBeats->baseUrl().toEncoded());
        qputenv(FeatureEndpoints::kDeezerVariable, m_deezer->baseUrl().toEncoded());
        qputenv(FeatureEndpoints::kITunesVariable, m_iTunes->baseUrl().toEncoded());

        m_spotify = std::make_unique<SignedInSpotify>();
        QVERIFY(m_spotify->start());
        m_spotify->api.setAudioFeaturesAccess(true);
        m_spotify->api.setAudioFeatures(featureTrackId(BySpotify), featureJson(111));
        m_reccoBeats->addTrack(featureTrackId(BySpotify), featureJson(199));  // Spotify came first
        m_reccoBeats->addTrack(featureTrackId(ByReccoBeats), featureJson(122));
        m_deezer->addTrack(QStringLiteral("GBAAA0000005"),
                           m_deezer->serveFile(QStringLiteral("/preview/5.wav"), previewWav()));

        // A catalog, and a playlist read from Spotify whose songs have no features yet.
        ImportBatch catalog;
        catalog.sourcePath = QStringLiteral("/music/catalog.csv");
        catalog.tracks = {
            featureTrack(100, QStringLiteral("Other title"), QStringLiteral("Other"), QStringLiteral("GBAAA0000003")),
            featureTrack(101, QStringLiteral("Hello, World!"), QStringLiteral("the band"))};
        catalog.features = {catalogFeatures(133), catalogFeatures(144)};
        ImportBatch playlist;
        playlist.tracks = {
            featureTrack(BySpotify, QStringLiteral("One"), QStringLiteral("A")),
            featureTrack(ByReccoBeats, QStringLiteral("Two"), QStringLiteral("B")),
            featureTrack(ByIsrc, QStringLiteral("Three"), QStringLiteral("C"), QStringLiteral("GBAAA0000003")),
            featureTrack(ByTitle, QStringLiteral("Hello World"), QStringLiteral("The Band")),
            featureTrack(ByAnalysis, QStringLiteral("Five"), QStringLiteral("E"), QStringLiteral("GBAAA0000005")),
            featureTrack(Unfound, QStringLiteral("Six"), QStringLiteral("F"), QStringLiteral("GBAAA0000006"))};
        playlist.features.resize(playlist.tracks.size());
        playlist.playlists = {
            Playlist{kPlaylist, QStringLiteral("Mix"), {}, QStringLiteral("spotify"), playlistIds(), {}}};
        auto db = LibraryDb::open(m_path);
        QVERIFY(db.ok());
        QVERIFY((*db)->store(catalog, QByteArray("catalog")).ok());
        QVERIFY((*db)->store(playlist, {}).ok());
    }

    void cleanup()
    {
        m_spotify.reset();
        m_iTunes.reset();
        m_deezer.reset();
        m_reccoBeats.reset();
    }

    void eachLinkOfTheChainInOrder()
    {
        const FeatureFillSummary summary = fill(playlistIds());
        QVERIFY2(!summary.error, qPrintable(summary.error ? summary.error->message : QString()));
        QCOMPARE(summary.looked, 6);
        QCOMPARE(summary.counts.spotify, 1);
        QCOMPARE(summary.counts.reccoBeats, 1);
        QCOMPARE(summary.counts.catalog, 2);
        QCOMPARE(summary.counts.analysis, 1);
        QCOMPARE(summary.counts.missing, 1);

        const QHash<QString, AudioFeatures> stored = storedFeatures();
        auto tempoOf = [&](Song song) { return stored.value(featureTrackId(song)).value(Feature::Tempo); };
        auto sourceOf = [&](Song song) { return stored.value(featureTrackId(song)).source(Feature::Tempo); };
        QCOMPARE(sourceOf(BySpotify), FeatureSource::Spotify);
        QCOMPARE(tempoOf(BySpotify), 111.0f);
        QCOMPARE(sourceOf(ByReccoBeats), FeatureSource::ReccoBeats);
        QCOMPARE(tempoOf(ByReccoBeats), 122.0f);
        QCOMPARE(sourceOf(ByIsrc), FeatureSource::Catalog);
        QCOMPARE(tempoOf(ByIsrc), 133.0f);
        QCOMPARE(sourceOf(ByTitle), FeatureSource::Catalog);
        QCOMPARE(tempoOf(ByTitle), 144.0f);
        QCOMPARE(sourceOf(ByAnalysis), FeatureSource::Analysis);
        QVERIFY2(std::abs(tempoOf(ByAnalysis) - 120.0f) <= 2.0f, qPrintable(QString::number(tempoOf(ByAnalysis))));
        QVERIFY(stored.value(featureTrackId(Unfound)).isEmpty());

        // Each service was asked only about what the earlier ones had not found.
        const auto reccoBeatsIds = m_reccoBeats->requests().value(0).query.queryItemValue(QStringLiteral("ids"));
        QCOMPARE(reccoBeatsIds.split(u',').size(), 5);
        QVERIFY(!reccoBeatsIds.contains(featureTrackId(BySpotify)));
        QVERIFY(m_deezer->requestsTo(QStringLiteral("/track/isrc:GBAAA0000003")).isEmpty());
        QCOMPARE(m_deezer->requestsTo(QStringLiteral("/preview/5.wav")).size(), 1);

        auto db = LibraryDb::open(m_path);
        QVERIFY(db.ok());
        const auto records = (*db)->analysisRecords(playlistIds());
        QVERIFY(records.ok());
        QCOMPARE(records->size(), 2);
        QCOMPARE(records->value(featureTrackId(ByAnalysis)).outcome, AnalysisOutcome::Ok);
        QCOMPARE(records->value(featureTrackId(ByAnalysis)).previewUrl,
                 m_deezer->urlOf(QStringLiteral("/preview/5.wav")));
        QCOMPARE(records->value(featureTrackId(Unfound)).outcome, AnalysisOutcome::NoPreview);
    }

    void aSongIsAnalysedOnce()
    {
        QVERIFY(!fill(playlistIds()).error);
        const qsizetype deezerAsked = m_deezer->requests().size();
        const qsizetype iTunesAsked = m_iTunes->requests().size();
        QVERIFY(deezerAsked > 0 && iTunesAsked > 0);
        m_reccoBeats->resetRecord();

        // Only the song nobody knows is still missing; it was looked for already.
        const FeatureFillSummary again = fill(playlistIds());
        QVERIFY(!again.error);
        QCOMPARE(again.looked, 1);
        QCOMPARE(again.counts.analysis, 1);
        QCOMPARE(again.counts.missing, 1);
        QCOMPARE(m_reccoBeats->requests().size(), 1);
        QCOMPARE(m_deezer->requests().size(), deezerAsked);
        QCOMPARE(m_iTunes->requests().size(), iTunesAsked);
    }

    // What a service that could not be reached did not say is not stored as "no preview": the
    // songs are looked for again at the next fill.
    void anUnreachableServiceIsNoAnswer_data()
    {
        QTest::addColumn<QString>("down");  // "all", "Deezer" or "preview files"
        QTest::addColumn<QStringList>("unreachable");
        QTest::addColumn<int>("recorded");  // analysis records stored while it was down
        QTest::newRow("offline") << QStringLiteral("all")
                                 << QStringList{QStringLiteral("Deezer"), QStringLiteral("iTunes")} << 0;
        QTest::newRow("Deezer answers 503") << QStringLiteral("Deezer") << QStringList{QStringLiteral("Deezer")} << 0;
        QTest::newRow("preview files answer 503")
            << QStringLiteral("preview files") << QStringList{QStringLiteral("127.0.0.1")} << 1;
    }

    void anUnreachableServiceIsNoAnswer()
    {
        QFETCH(QString, down);
        QFETCH(QStringList, unreachable);
        QFETCH(int, recorded);
        if (down == u"all") {
            qputenv(FeatureEndpoints::kDeezerVariable, unreachableUrl().toEncoded());
            qputenv(FeatureEndpoints::kITunesVariable, unreachableUrl().toEncoded());
        } else {
            // Every attempt for the two songs left to analyse (their ISRC), or for the one preview.
            const int attempts = 1 + quickServiceOptions().maxRetries;
            if (down == u"Deezer")
                m_deezer->failRequests(503, 2 * attempts, QStringLiteral("/track/"));
            else
                m_deezer->failRequests(503, attempts, QStringLiteral("/preview/"));
        }
        const FeatureFillSummary offline = fill(playlistIds());
        QVERIFY(!offline.error);
        QCOMPARE(offline.unreachable, unreachable);
        QCOMPARE(offline.counts.analysis, 0);
        QCOMPARE(analysisRecords().size(), recorded);

        // Back: the songs not answered for are looked for again, and the answers stored.
        qputenv(FeatureEndpoints::kDeezerVariable, m_deezer->baseUrl().toEncoded());
        qputenv(FeatureEndpoints::kITunesVariable, m_iTunes->baseUrl().toEncoded());
        const FeatureFillSummary online = fill(playlistIds());
        QVERIFY(!online.error);
        QVERIFY(online.unreachable.isEmpty());
        QCOMPARE(online.counts.analysis, 1);
        const QHash<QString, AnalysisRecord> records = analysisRecords();
        QCOMPARE(records.size(), 2);
        QCOMPARE(records.value(featureTrackId(ByAnalysis)).outcome, AnalysisOutcome::Ok);
        QCOMPARE(records.value(featureTrackId(Unfound)).outcome, AnalysisOutcome::NoPreview);
    }

    void aServiceTimingOutDoesNotStopTheChain()
    {
        m_reccoBeats->setLatency(std::chrono::milliseconds(3000));
        m_spotify->api.setAudioFeaturesAccess(false);
        const FeatureFillSummary summary = fill(std::nullopt, std::chrono::milliseconds(200));
        QVERIFY(!summary.error);
        QCOMPARE(summary.counts.spotify, 0);
        QCOMPARE(summary.counts.reccoBeats, 0);
        QCOMPARE(summary.counts.catalog, 4);  // the catalog's own two and the two matched
        QCOMPARE(summary.counts.analysis, 1);
        QCOMPARE(summary.counts.missing, 3);
        QCOMPARE(summary.counts.total(), 8);
        QCOMPARE(summary.unreachable, QStringList{QStringLiteral("ReccoBeats")});
    }

    void withoutSpotifyTheOthersStillWork()
    {
        FeatureFiller filler(m_path, nullptr, m_network);
        filler.setServiceOptions(quickServiceOptions(), std::chrono::milliseconds(10));
        QSignalSpy finished(&filler, &FeatureFiller::finished);
        filler.start(playlistIds());
        QVERIFY(finished.wait(30000));
        QCOMPARE(filler.summary().counts.spotify, 0);
        QCOMPARE(filler.summary().counts.reccoBeats, 2);  // ReccoBeats knew the first song too
        QVERIFY(m_spotify->api.requestsTo(QStringLiteral("/v1/audio-features")).isEmpty());
    }

    void cancelStopsAndStillCounts()
    {
        m_reccoBeats->setLatency(std::chrono::milliseconds(3000));
        FeatureFiller filler(m_path, m_spotify->client.get(), m_network);
        filler.setServiceOptions(quickServiceOptions());
        QSignalSpy finished(&filler, &FeatureFiller::finished);
        connect(&filler, &FeatureFiller::progress, &filler, [&filler](int, int, const QString &stage) {
            if (stage == QLatin1String("Asking ReccoBeats"))
                filler.cancel();
        });
        filler.start(playlistIds());
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.size(), 1);
        QVERIFY(!filler.isRunning());
        QVERIFY(filler.summary().error);
        QCOMPARE(filler.summary().error->kind, ErrorKind::Cancelled);
        QCOMPARE(filler.summary().counts.spotify, 1);  // found before the cancel, and stored
        QCOMPARE(filler.summary().counts.missing, 5);
        QVERIFY(m_deezer->requests().isEmpty());
    }

    void aBadServiceAddressIsNamed()
    {
        qputenv(FeatureEndpoints::kDeezerVariable, "http://deezer.example.com");
        FeatureFiller filler(m_path, nullptr, m_network);
        QSignalSpy finished(&filler, &FeatureFiller::finished);
        filler.start();
        QVERIFY(finished.wait(10000));
        QVERIFY(filler.summary().error);
        QVERIFY(filler.summary().error->message.contains(QStringLiteral("ENCORE_DEEZER_URL")));
        QCOMPARE(filler.summary().counts.total(), 8);
    }

private:
    FeatureFillSummary fill(const std::optional<QStringList> &scope,
                            std::chrono::milliseconds timeout = std::chrono::milliseconds(1500))
    {
        FeatureFiller filler(m_path, m_spotify->client.get(), m_network);
        ServiceClientOptions options = quickServiceOptions();
        options.transferTimeout = timeout;
        filler.setServiceOptions(options, std::chrono::milliseconds(10));
        QSignalSpy finished(&filler, &FeatureFiller::finished);
        filler.start(scope);
        if (!finished.wait(30000))
            return {{}, 0, Error{ErrorKind::Cancelled, QStringLiteral("the fill did not finish")}, {}, {}};
        return filler.summary();
    }

    QHash<QString, AnalysisRecord> analysisRecords() const
    {
        auto db = LibraryDb::open(m_path);
        if (!db)
            return {};
        return (*db)->analysisRecords(playlistIds()).value();
    }

    QHash<QString, AudioFeatures> storedFeatures() const
    {
        QHash<QString, AudioFeatures> features;
        auto db = LibraryDb::open(m_path);
        if (!db)
            return features;
        const auto rows = (*db)->tracks(std::nullopt);
        for (const TrackFeatures &row : *rows)
            features.insert(row.track.id, row.features);
        return features;
    }

    QTemporaryDir m_dir;
    QString m_path;
    int m_runs = 0;
    QNetworkAccessManager m_network;
    std::unique_ptr<FakeReccoBeats> m_reccoBeats;
    std::unique_ptr<FakeDeezer> m_deezer;
    std::unique_ptr<FakeITunes> m_iTunes;
    std::unique_ptr<SignedInSpotify> m_spotify;
};

QTEST_GUILESS_MAIN(TestFeatureFiller)
#include "tst_featurefiller.moc"
