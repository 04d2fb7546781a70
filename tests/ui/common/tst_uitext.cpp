#include "chart/featurescale.h"
#include "common/uitext.h"

#include "ui/uitestcatalog.h"

#include <QTest>

#include <cmath>
#include <numeric>

using namespace encore;

class TestUiText : public QObject {
    Q_OBJECT

private:
    const QLocale m_english{QLocale::English, QLocale::UnitedStates};

private slots:
    void duration_data()
    {
        QTest::addColumn<int>("ms");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown") << 0 << QString();
        QTest::newRow("negative") << -5 << QString();
        QTest::newRow("under a minute") << 59'400 << QStringLiteral("0:59");
        QTest::newRow("rounds to the second") << 187'600 << QStringLiteral("3:08");
        QTest::newRow("pads seconds") << 65'000 << QStringLiteral("1:05");
        QTest::newRow("over an hour") << 3'725'000 << QStringLiteral("1:02:05");
    }
    void duration()
    {
        QFETCH(int, ms);
        QFETCH(QString, expected);
        QCOMPARE(uitext::duration(ms), expected);
    }

    void count_data()
    {
        QTest::addColumn<qint64>("n");
        QTest::addColumn<QString>("expected");
        QTest::newRow("zero") << qint64(0) << QStringLiteral("0 tracks");
        QTest::newRow("one") << qint64(1) << QStringLiteral("1 track");
        QTest::newRow("thousands") << qint64(28356) << QStringLiteral("28,356 tracks");
    }
    void count()
    {
        QFETCH(qint64, n);
        QFETCH(QString, expected);
        QCOMPARE(uitext::count(m_english, n, QStringLiteral("track"), QStringLiteral("tracks")), expected);
    }

    void librarySummary()
    {
        const auto catalog = test::smallCatalog();
        QCOMPARE(uitext::librarySummary(*catalog, m_english), QStringLiteral("5 tracks, 2 playlists, 4 with features"));
    }

    void importSummary_data()
    {
        QTest::addColumn<int>("tracks");
        QTest::addColumn<int>("playlists");
        QTest::addColumn<int>("rejected");
        QTest::addColumn<bool>("alreadyImported");
        QTest::addColumn<QString>("expected");
        QTest::newRow("real catalog") << 28356 << 471 << 0 << false
                                      << QStringLiteral("Imported 28,356 tracks in 471 playlists; 0 rows skipped.");
        QTest::newRow("singulars") << 1 << 1 << 1 << false
                                   << QStringLiteral("Imported 1 track in 1 playlist; 1 row skipped.");
        QTest::newRow("already imported")
            << 10 << 2 << 0 << true << QStringLiteral("This catalog is already in your library; nothing changed.");
    }
    void importSummary()
    {
        QFETCH(int, tracks);
        QFETCH(int, playlists);
        QFETCH(int, rejected);
        QFETCH(bool, alreadyImported);
        QFETCH(QString, expected);
        ImportSummary summary;
        summary.tracks = tracks;
        summary.playlists = playlists;
        summary.rejected.resize(static_cast<std::size_t>(rejected));
        summary.alreadyImported = alreadyImported;
        QCOMPARE(uitext::importSummary(summary, m_english), expected);
    }

    void rejectedRows()
    {
        std::vector<RejectedRow> rows = {{12, QStringLiteral("no track id")},
                                         {1045, QStringLiteral("danceability is not a number: \"abc\"")},
                                         {2000, QStringLiteral("no track id")}};
        QCOMPARE(uitext::rejectedRows(rows, m_english),
                 QStringLiteral("Line 12: no track id\n"
                                "Line 1,045: danceability is not a number: \"abc\"\n"
                                "Line 2,000: no track id"));
        QCOMPARE(uitext::rejectedRows(rows, m_english, 1), QStringLiteral("Line 12: no track id\n… and 2 more"));
        QCOMPARE(uitext::rejectedRows({}, m_english), QString());
        // A collection's rows have no line: their reasons name the place.
        QCOMPARE(
            uitext::rejectedRows({{0, QStringLiteral("mpd.slice.0-999.json: Playlist 3, track 2: no")}}, m_english),
            QStringLiteral("mpd.slice.0-999.json: Playlist 3, track 2: no"));
    }

    void importSummarySaysWhereACollectionStopped()
    {
        ImportSummary summary;
        summary.tracks = 64000;
        summary.playlists = 12000;
        summary.partsTotal = 1000;
        summary.partsImported = 12;
        QCOMPARE(uitext::importSummary(summary, m_english),
                 QStringLiteral("Stopped after 12 of 1,000 slice files; open the collection again to import the rest. "
                                "Imported 64,000 tracks in 12,000 playlists; 0 rows skipped."));
        summary.partsImported = 1000;
        QCOMPARE(uitext::importSummary(summary, m_english),
                 QStringLiteral("Imported 64,000 tracks in 12,000 playlists; 0 rows skipped."));
    }

    void trackTexts()
    {
        Track track;
        QCOMPARE(uitext::title(track), QStringLiteral("(untitled)"));
        QCOMPARE(uitext::artists(track), QStringLiteral("(unknown artist)"));
        track.name = QStringLiteral("Song");
        track.artists = {QStringLiteral("A"), QStringLiteral("B")};
        QCOMPARE(uitext::titleByArtist(track), QStringLiteral("“Song” by A, B"));
    }

    void matchingFeatures()
    {
        QCOMPARE(uitext::matchingFeatures({Feature::Danceability, Feature::Energy, Feature::Valence}),
                 QStringLiteral("Danceability, energy, valence"));
        QCOMPARE(uitext::matchingFeatures({}), QString());
    }

    void featureSources_data()
    {
        QTest::addColumn<QList<int>>("sources");  // one FeatureSource per feature, in kAllFeatures order
        QTest::addColumn<QString>("cell");
        QTest::addColumn<QString>("toolTip");
        const int m = int(FeatureSource::Missing), c = int(FeatureSource::Catalog), r = int(FeatureSource::ReccoBeats),
                  a = int(FeatureSource::Analysis);
        QTest::newRow("one source") << QList<int>{r, r, r, r, r, r, r, r, r, r, r} << QStringLiteral("ReccoBeats")
                                    << QStringLiteral("Features from ReccoBeats");
        QTest::newRow("catalog") << QList<int>{c, c, c, c, c, c, c, c, c, c, c} << QStringLiteral("Catalog")
                                 << QStringLiteral("Features from an imported catalog");
        QTest::newRow("mixed, most first")
            << QList<int>{a, a, r, r, r, r, r, r, r, r, r} << QStringLiteral("ReccoBeats + Analysis")
            << QStringLiteral("Features from ReccoBeats (9) and on-device analysis of the preview (2)");
        QTest::newRow("three sources")
            << QList<int>{c, a, a, r, r, r, r, r, r, r, r} << QStringLiteral("ReccoBeats + Analysis + Catalog")
            << QStringLiteral("Features from ReccoBeats (8), on-device analysis of the preview (2) and an "
                              "imported catalog (1)");
        QTest::newRow("partial") << QList<int>{r, r, r, r, r, r, r, m, m, m, m}
                                 << QStringLiteral("ReccoBeats (7 of 11)")
                                 << QStringLiteral("Only 7 of 11 audio features are known (from ReccoBeats), so "
                                                   "this track is left out of ranking.");
        QTest::newRow("none") << QList<int>{m, m, m, m, m, m, m, m, m, m, m} << QStringLiteral("None")
                              << QStringLiteral("No audio features, so this track is left out of ranking: it "
                                                "can't be a seed or a recommendation.");
    }
    void featureSources()
    {
        QFETCH(QList<int>, sources);
        QFETCH(QString, cell);
        QFETCH(QString, toolTip);
        AudioFeatures features;
        for (Feature feature : kAllFeatures)
            features.set(feature, 0.5f, static_cast<FeatureSource>(sources[index(feature)]));
        QCOMPARE(uitext::featureSources(features), cell);
        QCOMPARE(uitext::featureSourcesToolTip(features), toolTip);
    }

    void featureSummary()
    {
        // 1,200 tracks: 900 from ReccoBeats, 250 from the catalog, 30 analysed, 5 mixed, 15 without.
        std::vector<Track> tracks;
        std::vector<AudioFeatures> features;
        auto add = [&](int n, auto source) {
            for (int i = 0; i < n; ++i) {
                tracks.push_back(test::makeTrack(QStringLiteral("t%1").arg(tracks.size(), 5, 10, QLatin1Char('0')),
                                                 QStringLiteral("T"), {}, {}, 0, {}, 0));
                AudioFeatures f;
                for (Feature feature : kAllFeatures)
                    f.set(feature, 0.5f, source(feature));
                features.push_back(f);
            }
        };
        add(900, [](Feature) { return FeatureSource::ReccoBeats; });
        add(250, [](Feature) { return FeatureSource::Catalog; });
        add(30, [](Feature) { return FeatureSource::Analysis; });
        add(5, [](Feature f) { return f == Feature::Tempo ? FeatureSource::Analysis : FeatureSource::Spotify; });
        add(10, [](Feature f) { return f == Feature::Tempo ? FeatureSource::Missing : FeatureSource::ReccoBeats; });
        add(5, [](Feature) { return FeatureSource::Missing; });
        const Catalog catalog(std::move(tracks), std::move(features), {});
        std::vector<int> all(static_cast<std::size_t>(catalog.size()));
        std::iota(all.begin(), all.end(), 0);

        QCOMPARE(uitext::featureSummary(catalog, all, m_english),
                 QStringLiteral("1,185 of 1,200 tracks have features: 900 ReccoBeats, 250 catalog, "
                                "30 analysed, 5 mixed"));
        QCOMPARE(uitext::featureSummary(catalog, {0, 1, 900}, m_english),
                 QStringLiteral("All 3 tracks have features: 2 ReccoBeats, 1 catalog"));
        QCOMPARE(uitext::featureSummary(catalog, {0, 1195}, m_english),
                 QStringLiteral("1 of 2 tracks has features: 1 ReccoBeats"));
        QCOMPARE(uitext::featureSummary(catalog, {1190, 1195}, m_english),
                 QStringLiteral("2 tracks, none with audio features"));
        QCOMPARE(uitext::featureSummary(catalog, {}, m_english), QString());
    }

    void featureFillSummary_data()
    {
        QTest::addColumn<int>("looked");
        QTest::addColumn<int>("stillMissing");
        QTest::addColumn<QStringList>("unreachable");
        QTest::addColumn<QString>("expected");
        const QStringList none;
        const QStringList offline{QStringLiteral("ReccoBeats"), QStringLiteral("Deezer")};
        QTest::newRow("nothing to do") << 0 << 0 << none << QStringLiteral("Every track already has audio features.");
        QTest::newRow("all found") << 1200 << 0 << none
                                   << QStringLiteral("Found audio features for the 1,200 tracks without them.");
        QTest::newRow("the one found") << 1 << 0 << none
                                       << QStringLiteral("Found audio features for the track without them.");
        QTest::newRow("some found")
            << 120 << 10 << none << QStringLiteral("Found audio features for 110 of 120 tracks; 10 still have none.");
        QTest::newRow("one left") << 2 << 1 << none
                                  << QStringLiteral("Found audio features for 1 of 2 tracks; 1 still has none.");
        QTest::newRow("none found") << 12 << 12 << none
                                    << QStringLiteral("No audio features found for the 12 tracks without them.");
        QTest::newRow("offline") << 12 << 12 << offline
                                 << QStringLiteral("Can't reach Deezer or ReccoBeats — are you offline?");
        QTest::newRow("some found, then offline")
            << 12 << 2 << QStringList{QStringLiteral("iTunes")}
            << QStringLiteral("Found audio features for 10 of 12 tracks. Can't reach iTunes — are you offline?");
        QTest::newRow("all found, one service down")
            << 12 << 0 << offline << QStringLiteral("Found audio features for the 12 tracks without them.");
    }

    void featureFillSummary()
    {
        QFETCH(int, looked);
        QFETCH(int, stillMissing);
        QFETCH(QStringList, unreachable);
        QFETCH(QString, expected);
        FeatureFillSummary summary;
        summary.looked = looked;
        summary.unreachable = unreachable;
        summary.counts.reccoBeats = 1000;  // tracks that had features before count too
        summary.counts.missing = stillMissing;
        QCOMPARE(uitext::featureFillSummary(summary, m_english), expected);
        QCOMPARE(uitext::findingFeatures(QStringLiteral("Asking ReccoBeats"), 40, 1200, m_english),
                 QStringLiteral("Audio features: Asking ReccoBeats, 40 of 1,200 tracks"));
    }

    void discoverySentences_data()
    {
        QTest::addColumn<int>("found");
        QTest::addColumn<QStringList>("unreachable");
        QTest::addColumn<bool>("cancelled");
        QTest::addColumn<QString>("expected");
        const QStringList none;
        QTest::newRow("found") << 1234 << none << false << QStringLiteral("Found 1,234 songs like “Hello”.");
        QTest::newRow("one") << 1 << none << false << QStringLiteral("Found 1 song like “Hello”.");
        QTest::newRow("none known") << 0 << none << false << QStringLiteral("No service knows songs like “Hello”.");
        QTest::newRow("offline") << 0 << QStringList{QStringLiteral("ReccoBeats"), QStringLiteral("Deezer")} << false
                                 << QStringLiteral("Can't reach Deezer or ReccoBeats — are you offline?");
        QTest::newRow("one service down")
            << 3 << QStringList{QStringLiteral("Deezer")} << false
            << QStringLiteral("Found 3 songs like “Hello”. Can't reach Deezer — are you offline?");
        QTest::newRow("cancelled") << 5 << none << true
                                   << QStringLiteral("Stopped discovering; the 5 songs found are kept.");
        QTest::newRow("cancelled at once") << 0 << none << true << QStringLiteral("Stopped discovering.");
    }

    void discoverySentences()
    {
        QFETCH(int, found);
        QFETCH(QStringList, unreachable);
        QFETCH(bool, cancelled);
        QFETCH(QString, expected);
        Track hello;
        hello.name = QStringLiteral("Hello");
        const DiscoverySeed seed = DiscoverySeed::ofTrack(hello);
        DiscoveryOutcome outcome;
        outcome.unreachable = unreachable;
        outcome.cancelled = cancelled;
        QCOMPARE(uitext::discoverySummary(seed, found, outcome, m_english), expected);
        QCOMPARE(uitext::discovering(seed, {}, m_english), QStringLiteral("Discovering songs like “Hello”…"));
        QCOMPARE(uitext::discovering(seed, {{QStringLiteral("ReccoBeats"), 1, 1}, {QStringLiteral("Deezer"), 5, 1200}},
                                     m_english),
                 QStringLiteral("Discovering songs like “Hello”: ReccoBeats done, Deezer 5 of 1,200"));
        QCOMPARE(uitext::waitingForRateLimit(QStringLiteral("Deezer"), std::chrono::milliseconds(3200)),
                 QStringLiteral("Waiting 4 s for Deezer's rate limit…"));
    }

    void spotifySearchSummary()
    {
        QCOMPARE(uitext::spotifySearchSummary(1, 1, 0, 2, 300, m_english),
                 QStringLiteral("Spotify knows 1 of 1 new song. 2 of 300 Spotify searches used today."));
        QCOMPARE(uitext::spotifySearchSummary(2, 3, 4, 300, 300, m_english),
                 QStringLiteral("Spotify knows 2 of 3 new songs. 4 songs not searched for: today's Spotify searches "
                                "are used up. 300 of 300 Spotify searches used today."));
        QCOMPARE(uitext::spotifySearchSummary(0, 0, 1, 300, 300, m_english),
                 QStringLiteral("1 song not searched for: today's Spotify searches are used up. 300 of 300 Spotify "
                                "searches used today."));
    }

    void leftOutOfRanking()
    {
        QCOMPARE(uitext::leftOutOfRanking(0, RankingMethod::Content, m_english), QString());
        QCOMPARE(uitext::leftOutOfRanking(2, RankingMethod::Tutorial, m_english),
                 QStringLiteral(
                     "2 tracks missing some audio features were left out: the tutorial method needs all eleven."));
        QCOMPARE(uitext::leftOutOfRanking(1, RankingMethod::Content, m_english),
                 QStringLiteral("1 track without audio features was left out."));
        QCOMPARE(uitext::leftOutOfRanking(1200, RankingMethod::Content, m_english),
                 QStringLiteral("1,200 tracks without audio features were left out."));
    }

    void playbackTexts()
    {
        QCOMPARE(uitext::playbackPosition(12'900, 30'000), QStringLiteral("0:12 / 0:30"));
        QCOMPARE(uitext::playbackPosition(0, 29'980), QStringLiteral("0:00 / 0:30"));
        QCOMPARE(uitext::playbackPosition(61'000, 0), QStringLiteral("1:01"));
        QCOMPARE(uitext::playbackError(QStringLiteral("Resource not found.")),
                 QStringLiteral("This preview can't be played: Resource not found."));
        QCOMPARE(uitext::playbackError(QStringLiteral("  Could not open\n file  ")),
                 QStringLiteral("This preview can't be played: Could not open file."));
        QCOMPARE(uitext::playbackError(QString()), QStringLiteral("This preview can't be played."));
    }

    void featureScale_data()
    {
        QTest::addColumn<int>("feature");
        QTest::addColumn<float>("value");
        QTest::addColumn<float>("expected");
        // Over the four tracks with features (Gamma has none): tempo 80..124, energy 0.4..0.9.
        QTest::newRow("minimum") << index(Feature::Tempo) << 80.0f << 0.0f;
        QTest::newRow("maximum") << index(Feature::Tempo) << 124.0f << 1.0f;
        QTest::newRow("between") << index(Feature::Tempo) << 102.0f << 0.5f;
        QTest::newRow("below clamps") << index(Feature::Energy) << 0.0f << 0.0f;
        QTest::newRow("above clamps") << index(Feature::Energy) << 2.0f << 1.0f;
    }
    void featureScale()
    {
        QFETCH(int, feature);
        QFETCH(float, value);
        QFETCH(float, expected);
        const FeatureScale scale = FeatureScale::fromSpace(FeatureSpace(*test::smallCatalog()));
        QCOMPARE(scale.scaled(static_cast<Feature>(feature), value), expected);
    }

    void featureScaleEdgeCases()
    {
        const FeatureScale scale = FeatureScale::fromSpace(FeatureSpace(*test::smallCatalog()));
        QVERIFY(std::isnan(scale.scaled(Feature::Tempo, std::nanf(""))));
        QCOMPARE(scale.minimum(Feature::Loudness), -12.0f);
        QCOMPARE(scale.maximum(Feature::Loudness), -4.0f);

        // One track: every feature is constant, so it sits in the middle.
        Catalog single({test::makeTrack(QStringLiteral("x"), QStringLiteral("X"), {}, {}, 0, {}, 0)},
                       {test::makeFeatures(0.5f, 0.5f, 1, -3, 1, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 90)}, {});
        QCOMPARE(FeatureScale::fromSpace(FeatureSpace(single)).scaled(Feature::Tempo, 90.0f), 0.5f);
    }
};

QTEST_GUILESS_MAIN(TestUiText)
#include "tst_uitext.moc"
