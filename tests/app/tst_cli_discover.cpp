#include "clirunner.h"
#include "fakefeatureservices.h"
#include "features/featuretestsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace encore::test;

namespace {

// A library of four songs with features: the seed (Adele's "Hello"), Duffy's "Mercy" and two
// others, in one playlist.
QByteArray libraryCsv()
{
    QByteArray csv = "track_id,track_name,track_artist,isrc,danceability,energy,key,loudness,mode,speechiness,"
                     "acousticness,instrumentalness,liveness,valence,tempo,playlist_id,playlist_name\n";
    const auto row = [&](int n, const char *title, const char *artist, const char *isrc, double tempo) {
        csv += featureTrackId(n).toUtf8() + ',' + title + ',' + artist + ',' + isrc
            + QStringLiteral(",0.6,0.7,5,-6.5,1,0.04,0.12,0,0.1,0.55,%1,pl1,Evening\n").arg(tempo).toUtf8();
    };
    row(1, "Hello", "Adele", "GBBKS1500214", 79);
    row(3, "Mercy", "Duffy", "GBUM70800001", 130);
    row(10, "Clocks", "Coldplay", "GBAYE0200771", 131);
    row(11, "Yellow", "Coldplay", "GBAYE0000351", 87);
    return csv;
}

}  // namespace

// `encore-cli discover` against fakes of ReccoBeats and Deezer on 127.0.0.1.
class TestCliDiscover : public QObject {
    Q_OBJECT

    CliRun cli(const QStringList &arguments, const QUrl &reccoBeats, const QUrl &deezer)
    {
        return runCli(arguments,
                      {{QStringLiteral("XDG_DATA_HOME"), m_home->path()},
                       {QStringLiteral("ENCORE_RECCOBEATS_URL"), reccoBeats.toString()},
                       {QStringLiteral("ENCORE_DEEZER_URL"), deezer.toString()},
                       {QStringLiteral("ENCORE_ITUNES_URL"), m_iTunes.baseUrl().toString()}});
    }
    CliRun discover(const QStringList &arguments)
    {
        return cli(QStringList{QStringLiteral("discover")} + arguments, m_reccoBeats.baseUrl(), m_deezer.baseUrl());
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_reccoBeats.listen());
        QVERIFY(m_deezer.listen());
        QVERIFY(m_iTunes.listen());
        const QString seed = featureTrackId(1);
        // ReccoBeats: Skyfall (features known to it) and Mercy, which the library holds.
        m_reccoBeats.addRecommendation(seed, featureTrackId(2), QStringLiteral("Skyfall"), {QStringLiteral("Adele")},
                                       QStringLiteral("GBBKS1200164"));
        m_reccoBeats.addTrack(featureTrackId(2), featureJson(76));
        m_reccoBeats.addRecommendation(seed, featureTrackId(3), QStringLiteral("Mercy"), {QStringLiteral("Duffy")});
        // Deezer: Adele, related to Amy Winehouse; songs it knows only by its own ids.
        m_deezer.addArtist(75798, QStringLiteral("Adele"), {1282});
        m_deezer.addArtist(1282, QStringLiteral("Amy Winehouse"));
        m_deezer.addSong(101, 75798, QStringLiteral("Hello"), QStringLiteral("GBBKS1500214"), 900000, 79);
        m_deezer.addSong(102, 75798, QStringLiteral("Skyfall"), QStringLiteral("GBBKS1200164"), 800000, 76);
        m_deezer.addSong(105, 1282, QStringLiteral("Rehab"), QStringLiteral("GBUM70603811"), 750000, 72);
    }

    void init()
    {
        m_home = std::make_unique<QTemporaryDir>();
        QFile csv(m_home->filePath(QStringLiteral("library.csv")));
        QVERIFY(csv.open(QIODevice::WriteOnly));
        csv.write(libraryCsv());
        csv.close();
        const CliRun imported =
            runCli({QStringLiteral("import"), csv.fileName()}, {{QStringLiteral("XDG_DATA_HOME"), m_home->path()}});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
    }

    void listsNewSongsRankedWithWhereTheyCameFrom()
    {
        const CliRun run =
            discover({QStringLiteral("--seed"), QStringLiteral("Hello - Adele"), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
        const QJsonArray songs = QJsonDocument::fromJson(run.out.toUtf8()).array();
        QStringList titles;
        for (const QJsonValue &song : songs)
            titles << song[QStringLiteral("name")].toString();
        // Skyfall has features from ReccoBeats; Mercy from the library. Rehab has only Deezer's
        // tempo so far, and the seed never comes back.
        QVERIFY2(titles.contains(QStringLiteral("Skyfall")), qPrintable(run.out));
        QVERIFY2(titles.contains(QStringLiteral("Mercy")), qPrintable(run.out));
        QVERIFY(!titles.contains(QStringLiteral("Hello")));
        QVERIFY(!titles.contains(QStringLiteral("Clocks")));  // in the library, not discovered
        for (const QJsonValue &song : songs) {
            if (song[QStringLiteral("name")].toString() == QLatin1String("Skyfall")) {
                const QString why = song[QStringLiteral("why")].toString();
                QVERIFY2(why.contains(QStringLiteral("ReccoBeats recommends it for this seed")), qPrintable(why));
                QVERIFY2(why.contains(QStringLiteral("top song of Adele on Deezer")), qPrintable(why));
            }
        }

        // They stay in the library: the table lists them again with Deezer unreachable, and
        // Rehab is kept under its Deezer id.
        const CliRun table = cli({QStringLiteral("discover"), QStringLiteral("--seed"), featureTrackId(1),
                                  QStringLiteral("--sources"), QStringLiteral("reccobeats")},
                                 m_reccoBeats.baseUrl(), unreachableUrl());
        QVERIFY2(table.exitCode == 0, qPrintable(table.err));
        QVERIFY2(table.out.contains(QStringLiteral("Skyfall")), qPrintable(table.out));
        const CliRun recommend = runCli({QStringLiteral("recommend"), QStringLiteral("--seed"), featureTrackId(1),
                                         QStringLiteral("-k"), QStringLiteral("20"), QStringLiteral("--json")},
                                        {{QStringLiteral("XDG_DATA_HOME"), m_home->path()}});
        QVERIFY2(recommend.out.contains(QStringLiteral("Skyfall")), qPrintable(recommend.out));
    }

    void aPlaylistIsASeedToo()
    {
        // Evening's main artist is Coldplay (two songs); Adele's and Duffy's are asked about too.
        const CliRun run =
            discover({QStringLiteral("--playlist"), QStringLiteral("Evening"), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
        QStringList titles;
        for (const QJsonValue &song : QJsonDocument::fromJson(run.out.toUtf8()).array())
            titles << song[QStringLiteral("name")].toString();
        QVERIFY2(titles.contains(QStringLiteral("Skyfall")), qPrintable(run.out));  // ReccoBeats, for Hello
        QVERIFY2(titles.contains(QStringLiteral("Rehab")), qPrintable(run.out));    // Deezer, near Adele
        for (const QString &own : {QStringLiteral("Hello"), QStringLiteral("Clocks"), QStringLiteral("Yellow")})
            QVERIFY2(!titles.contains(own), qPrintable(run.out));
        const auto asked = m_reccoBeats.requestsTo(QStringLiteral("/v1/track/recommendation"));
        QVERIFY(!asked.isEmpty());
        QCOMPARE(asked.last().query.queryItemValue(QStringLiteral("seeds")).split(u',').size(), 3);

        const CliRun table = discover({QStringLiteral("--playlist"), QStringLiteral("Evening")});
        QVERIFY2(table.out.startsWith(QStringLiteral("Seed: the playlist Evening")), qPrintable(table.out));
    }

    void offlineSaysSoAndStoresNothing()
    {
        const CliRun run = cli({QStringLiteral("discover"), QStringLiteral("--seed"), QStringLiteral("Hello - Adele")},
                               unreachableUrl(), unreachableUrl());
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("ReccoBeats")) && run.err.contains(QStringLiteral("Deezer")),
                 qPrintable(run.err));
        const CliRun recommend = runCli({QStringLiteral("recommend"), QStringLiteral("--seed"), featureTrackId(1),
                                         QStringLiteral("-k"), QStringLiteral("20")},
                                        {{QStringLiteral("XDG_DATA_HOME"), m_home->path()}});
        QVERIFY2(recommend.exitCode == 0, qPrintable(recommend.err));
        QVERIFY2(!recommend.out.contains(QStringLiteral("Skyfall")), qPrintable(recommend.out));
    }

    void refusesBadArguments_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("sentence");
        QTest::newRow("no seed") << QStringList{} << 1
                                 << QStringLiteral("Name the seed song with --seed, or a playlist with --playlist.");
        QTest::newRow("unknown seed") << QStringList{QStringLiteral("--seed"), QStringLiteral("Nothing - Nobody")} << 2
                                      << QStringLiteral("No song in the library matches");
        QTest::newRow("unknown source") << QStringList{QStringLiteral("--seed"), QStringLiteral("Hello - Adele"),
                                                       QStringLiteral("--sources"), QStringLiteral("napster")}
                                        << 1 << QStringLiteral("--sources takes reccobeats, deezer and spotify");
        QTest::newRow("spotify alone") << QStringList{QStringLiteral("--seed"), QStringLiteral("Hello - Adele"),
                                                      QStringLiteral("--sources"), QStringLiteral("spotify")}
                                       << 1 << QStringLiteral("--sources names neither reccobeats nor deezer");
        QTest::newRow("unknown playlist") << QStringList{QStringLiteral("--seed"), QStringLiteral("Hello - Adele"),
                                                         QStringLiteral("--playlist"), QStringLiteral("Nowhere")}
                                          << 2 << QStringLiteral("Nowhere");
        QTest::newRow("k") << QStringList{QStringLiteral("--seed"), QStringLiteral("Hello - Adele"),
                                          QStringLiteral("-k"), QStringLiteral("0")}
                           << 1 << QStringLiteral("-k takes a whole number");
    }

    void refusesBadArguments()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, status);
        QFETCH(QString, sentence);
        const CliRun run = discover(arguments);
        QCOMPARE(run.exitCode, status);
        QVERIFY2(run.err.contains(sentence), qPrintable(run.err));
    }

private:
    FakeReccoBeats m_reccoBeats;
    FakeDeezer m_deezer;
    FakeITunes m_iTunes;
    std::unique_ptr<QTemporaryDir> m_home;
};

QTEST_GUILESS_MAIN(TestCliDiscover)
#include "tst_cli_discover.moc"
