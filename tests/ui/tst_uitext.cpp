#include "featurescale.h"
#include "uitext.h"

#include "uitestcatalog.h"

#include <QTest>

#include <cmath>

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
        QCOMPARE(uitext::librarySummary(*catalog, m_english),
                 QStringLiteral("5 tracks, 2 playlists, 4 with features"));
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
        QTest::newRow("already imported") << 10 << 2 << 0 << true
                                          << QStringLiteral("This catalog is already in your library; nothing changed.");
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
        QCOMPARE(uitext::rejectedRows(rows, m_english, 1),
                 QStringLiteral("Line 12: no track id\n… and 2 more"));
        QCOMPARE(uitext::rejectedRows({}, m_english), QString());
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
        const FeatureScale scale = FeatureScale::fromCatalog(*test::smallCatalog());
        QCOMPARE(scale.scaled(static_cast<Feature>(feature), value), expected);
    }

    void featureScaleEdgeCases()
    {
        const FeatureScale scale = FeatureScale::fromCatalog(*test::smallCatalog());
        QVERIFY(std::isnan(scale.scaled(Feature::Tempo, std::nanf(""))));
        QCOMPARE(scale.minimum(Feature::Loudness), -12.0f);
        QCOMPARE(scale.maximum(Feature::Loudness), -4.0f);

        // One track: every feature is constant, so it sits in the middle.
        Catalog single({test::makeTrack(QStringLiteral("x"), QStringLiteral("X"), {}, {}, 0, {}, 0)},
                       {test::makeFeatures(0.5f, 0.5f, 1, -3, 1, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 90)},
                       {});
        QCOMPARE(FeatureScale::fromCatalog(single).scaled(Feature::Tempo, 90.0f), 0.5f);
    }
};

QTEST_GUILESS_MAIN(TestUiText)
#include "tst_uitext.moc"
