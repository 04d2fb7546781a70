#include "clirunner.h"
#include "fakefeatureservices.h"
#include "featuretestsupport.h"
#include "features/featureendpoints.h"
#include "storage/librarydb.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace encore;
using namespace encore::test;

namespace {

const QString kPlaylist = QStringLiteral("3CliFeaturesPlaylist00");

}  // namespace

// Runs the real `encore-cli features` against fake ReccoBeats, Deezer and iTunes servers, with no
// Spotify sign-in (the Spotify provider is skipped).
class TestCliFeatures : public QObject {
    Q_OBJECT

    CliRun cli(const QStringList &arguments)
    {
        return runCli(arguments,
                      {{QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config"))},
                       {QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data"))},
                       {QString::fromLatin1(FeatureEndpoints::kReccoBeatsVariable), m_reccoBeats.baseUrl().toString()},
                       {QString::fromLatin1(FeatureEndpoints::kDeezerVariable), m_deezer.baseUrl().toString()},
                       {QString::fromLatin1(FeatureEndpoints::kITunesVariable), m_iTunes.baseUrl().toString()}});
    }

    static QJsonObject counts(int reccoBeats, int catalog, int analysis, int missing)
    {
        return QJsonObject{{QStringLiteral("sources"),
                            QJsonObject{{QStringLiteral("spotify"), 0},
                                        {QStringLiteral("reccobeats"), reccoBeats},
                                        {QStringLiteral("catalog"), catalog},
                                        {QStringLiteral("analysis"), analysis}}},
                           {QStringLiteral("missing"), missing}};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        QVERIFY(m_reccoBeats.listen() && m_deezer.listen() && m_iTunes.listen());
        m_reccoBeats.addTrack(featureTrackId(1), featureJson(101));
        m_iTunes.addSong(QStringLiteral("Four"), QStringLiteral("D"),
                         m_iTunes.serveFile(QStringLiteral("/preview/4.wav"), previewWav()));

        // In the playlist: one song ReccoBeats knows, one the catalog has by ISRC, one only
        // iTunes has a preview of, and one nobody knows. The catalog's own song is outside it.
        ImportBatch batch;
        batch.tracks = {featureTrack(1, QStringLiteral("One"), QStringLiteral("A")),
                        featureTrack(2, QStringLiteral("Two"), QStringLiteral("B"), QStringLiteral("GBAAA0000002")),
                        featureTrack(4, QStringLiteral("Four"), QStringLiteral("D"), QStringLiteral("GBAAA0000004")),
                        featureTrack(5, QStringLiteral("Five"), QStringLiteral("E")),
                        featureTrack(100, QStringLiteral("Catalog song"), QStringLiteral("C"), QStringLiteral("GBAAA0000002"))};
        batch.features.resize(batch.tracks.size());
        for (Feature f : kAllFeatures)
            batch.features.back().set(f, 0.5f, FeatureSource::Catalog);
        batch.playlists = {Playlist{kPlaylist, QStringLiteral("Mix"), {}, QStringLiteral("spotify"),
                                    {featureTrackId(1), featureTrackId(2), featureTrackId(4), featureTrackId(5)},
                                    {}}};
        auto db = LibraryDb::open(m_home.filePath(QStringLiteral("data/Encore/library.sqlite")));
        QVERIFY(db.ok());
        QVERIFY((*db)->store(batch, {}).ok());
    }

    void fillsOnePlaylist()
    {
        const CliRun run = cli({QStringLiteral("features"), QStringLiteral("--playlist"),
                             QStringLiteral("spotify:playlist:") + kPlaylist, QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonDocument printed = QJsonDocument::fromJson(run.out.toUtf8());
        QVERIFY2(printed.isObject(), qPrintable(run.out));
        QCOMPARE(printed.object(), counts(1, 1, 1, 1));
        QCOMPARE(m_iTunes.requestsTo(QStringLiteral("/preview/4.wav")).size(), 1);
    }

    void countsTheWholeLibrary()
    {
        const CliRun run = cli({QStringLiteral("features"), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(QJsonDocument::fromJson(run.out.toUtf8()).object(), counts(1, 2, 1, 1));
        // Nothing was analysed twice.
        QCOMPARE(m_iTunes.requestsTo(QStringLiteral("/preview/4.wav")).size(), 1);
    }

    void printsATable()
    {
        const CliRun run = cli({QStringLiteral("features")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QStringList lines = run.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.value(0), QStringLiteral("4 tracks have audio features, 1 of 5 has none:"));
        QCOMPARE(lines.value(2).simplified(), QStringLiteral("ReccoBeats 1"));
        QCOMPARE(lines.value(5).simplified(), QStringLiteral("none 1"));
    }

    void unknownPlaylistFails()
    {
        const CliRun run = cli({QStringLiteral("features"), QStringLiteral("--playlist"),
                             QStringLiteral("0000000000000000000000")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.err.contains(QStringLiteral("encore-cli fetch")), qPrintable(run.err));
    }

private:
    QTemporaryDir m_home;
    FakeReccoBeats m_reccoBeats;
    FakeDeezer m_deezer;
    FakeITunes m_iTunes;
};

QTEST_GUILESS_MAIN(TestCliFeatures)
#include "tst_cli_features.moc"
