#include "clirunner.h"
#include "fakefeatureservices.h"
#include "fakespotify.h"
#include "featuretestsupport.h"
#include "keychainsupport.h"
#include "features/featureendpoints.h"
#include "spotify/secretstore.h"
#include "storage/librarydb.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>

using namespace encore;
using namespace encore::test;

namespace {

const QString kPlaylist = QStringLiteral("3CliFeaturesPlaylist00");

}  // namespace

// Runs the real `encore-cli features` against fake ReccoBeats, Deezer and iTunes servers, first
// with no Spotify sign-in (the Spotify provider is skipped), then signed in to a fake Spotify.
class TestCliFeatures : public QObject {
    Q_OBJECT

    QHash<QString, QString> environment() const
    {
        return {{QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config"))},
                {QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data"))},
                {QString::fromLatin1(FeatureEndpoints::kReccoBeatsVariable), m_reccoBeats.baseUrl().toString()},
                {QString::fromLatin1(FeatureEndpoints::kDeezerVariable), m_deezer.baseUrl().toString()},
                {QString::fromLatin1(FeatureEndpoints::kITunesVariable), m_iTunes.baseUrl().toString()}};
    }

    CliRun cli(const QStringList &arguments) { return runCli(arguments, environment()); }

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
        batch.tracks = {
            featureTrack(1, QStringLiteral("One"), QStringLiteral("A")),
            featureTrack(2, QStringLiteral("Two"), QStringLiteral("B"), QStringLiteral("GBAAA0000002")),
            featureTrack(4, QStringLiteral("Four"), QStringLiteral("D"), QStringLiteral("GBAAA0000004")),
            featureTrack(5, QStringLiteral("Five"), QStringLiteral("E")),
            featureTrack(100, QStringLiteral("Catalog song"), QStringLiteral("C"), QStringLiteral("GBAAA0000002"))};
        batch.features.resize(batch.tracks.size());
        for (Feature f : kAllFeatures)
            batch.features.back().set(f, 0.5f, FeatureSource::Catalog);
        batch.playlists = {Playlist{kPlaylist,
                                    QStringLiteral("Mix"),
                                    {},
                                    QStringLiteral("spotify"),
                                    {featureTrackId(1), featureTrackId(2), featureTrackId(4), featureTrackId(5)},
                                    {}}};
        auto db = LibraryDb::open(m_home.filePath(QStringLiteral("data/Encore/library.sqlite")));
        QVERIFY(db.ok());
        QVERIFY((*db)->store(batch, {}).ok());
    }

    // Offline: said once, and nothing stored as "no preview" (fillsOnePlaylist still analyses).
    void offlineSaysSo()
    {
        QHash<QString, QString> offline = environment();
        for (const char *variable : {FeatureEndpoints::kReccoBeatsVariable, FeatureEndpoints::kDeezerVariable,
                                     FeatureEndpoints::kITunesVariable})
            offline.insert(QString::fromLatin1(variable), unreachableUrl().toString());
        const CliRun run = runCli({QStringLiteral("features"), QStringLiteral("--json")}, offline);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(QJsonDocument::fromJson(run.out.toUtf8()).object(), counts(0, 2, 0, 3));
        QCOMPARE(run.err.trimmed(), QStringLiteral("Can't reach Deezer, iTunes or ReccoBeats — are you offline?"));
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
        const CliRun run =
            cli({QStringLiteral("features"), QStringLiteral("--playlist"), QStringLiteral("0000000000000000000000")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.err.contains(QStringLiteral("encore-cli fetch")), qPrintable(run.err));
    }

    // Signed in (encore-cli login, the refresh token in the keychain) with an app that still has
    // Spotify's audio features: Spotify is asked first, about the one song still missing.
    void signedInAsksSpotifyFirst()
    {
        const QString clientId =
            QStringLiteral("encore-cli-features-test-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString recordings = sharedDataFile(QStringLiteral("spotify-api"));
        ENCORE_REQUIRE_FILE(recordings);
        FakeSpotify spotify(clientId, recordings);
        const QString failure = spotify.start();
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        spotify.api.setAudioFeaturesAccess(true);
        spotify.api.setAudioFeatures(featureTrackId(5), featureJson(125));

        QNetworkAccessManager browser;
        const CliRun login = runCli({QStringLiteral("login"), QStringLiteral("--client-id"), clientId,
                                     QStringLiteral("--port"), QStringLiteral("0")},
                                    environment(), [&browser](const QString &url) {
                                        QNetworkRequest request{QUrl(url)};
                                        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                                                             QNetworkRequest::NoLessSafeRedirectPolicy);
                                        std::unique_ptr<QNetworkReply> reply(browser.get(request));
                                        (void)QTest::qWaitFor([&] { return reply->isFinished(); }, 30000);
                                    });
        QVERIFY2(login.exitCode == 0, qPrintable(login.err));
        if (login.err.contains(SecretStore::notPersistentNotice())) {
            if (keychainExpected())
                QFAIL("ENCORE_EXPECT_KEYCHAIN=1 but encore-cli found no keychain.");
            QSKIP("No keychain on this system: the sign-in could not be remembered.");
        }

        const qsizetype reccoBeatsAsked = m_reccoBeats.requestsTo(QStringLiteral("/v1/")).size();
        const CliRun run = cli({QStringLiteral("features"), QStringLiteral("--json")});
        (void)cli({QStringLiteral("logout")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QJsonObject expected = counts(1, 2, 1, 0);
        QJsonObject sources = expected[QStringLiteral("sources")].toObject();
        sources[QStringLiteral("spotify")] = 1;
        expected[QStringLiteral("sources")] = sources;
        QCOMPARE(QJsonDocument::fromJson(run.out.toUtf8()).object(), expected);

        const auto asked = spotify.api.requestsTo(QStringLiteral("/v1/audio-features"));
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked[0].query.queryItemValue(QStringLiteral("ids")), featureTrackId(5));
        QVERIFY(asked[0].header("Authorization").startsWith("Bearer "));
        // Nothing was left for the providers after Spotify.
        QCOMPARE(m_reccoBeats.requestsTo(QStringLiteral("/v1/")).size(), reccoBeatsAsked);
    }

private:
    QTemporaryDir m_home;
    FakeReccoBeats m_reccoBeats;
    FakeDeezer m_deezer;
    FakeITunes m_iTunes;
};

QTEST_GUILESS_MAIN(TestCliFeatures)
#include "tst_cli_features.moc"
