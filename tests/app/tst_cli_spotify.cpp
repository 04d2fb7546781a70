#include "clirunner.h"
#include "fakefeatureservices.h"
#include "fakespotify.h"
#include "features/featuretestsupport.h"
#include "keychainsupport.h"
#include "spotify/secretstore.h"
#include "storage/librarydb.h"
#include "testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QScopeGuard>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>
#include <optional>

using namespace encore;
using encore::test::CliRun;
using encore::test::FakeDeezer;
using encore::test::FakeITunes;
using encore::test::FakeReccoBeats;
using encore::test::FakeSpotify;
using encore::test::FakeSpotifyApi;
using encore::test::keychainExpected;
using encore::test::readSecret;
using encore::test::runCli;

namespace {

const QString kNotSignedIn = QStringLiteral("Not signed in to Spotify: run encore-cli login first.");
// An ordinary owned playlist of the recording, with two songs.
const QString kOwned = QStringLiteral("1hronnZ0DOUXcMna7JtgaN");

}  // namespace

// Runs the real `encore-cli playlists` and `fetch` against a fake Spotify, signed in through
// `encore-cli login` with the refresh token kept in the keychain.
class TestCliSpotify : public QObject {
    Q_OBJECT

    // Runs encore-cli, and when `browse` is set opens the URL it prints like a browser would.
    CliRun cli(const QStringList &arguments, bool browse = false)
    {
        const QHash<QString, QString> environment{{QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(m_configDir)},
                                                  {QStringLiteral("XDG_DATA_HOME"), dataHome()}};
        if (!browse)
            return runCli(arguments, environment);
        return runCli(arguments, environment, [this](const QString &line) {
            const QUrl url(line);
            if (!url.isValid() || url.isEmpty())
                return;
            QNetworkRequest request{url};
            request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
            std::unique_ptr<QNetworkReply> reply(m_browser.get(request));
            (void)QTest::qWaitFor([&] { return reply->isFinished(); }, 30000);
        });
    }

    QString dataHome() const { return m_home.filePath(m_dataDir); }
    static QString plantedCatalog() { return QStringLiteral(ENCORE_TEST_DATA "/planted_playlists.csv"); }

    // The id of the playlist named `name` that the fake made for a save.
    QString newPlaylistNamed(const QString &name)
    {
        for (int i = 0; i < 100; ++i) {
            const QJsonObject playlist =
                m_spotify->api.playlistObject(QStringLiteral("NewPlaylist%1").arg(i, 11, 10, QLatin1Char('0')));
            if (playlist[QStringLiteral("name")].toString() == name)
                return playlist[QStringLiteral("id")].toString();
        }
        return {};
    }

    std::unique_ptr<LibraryDb> openLibrary()
    {
        auto db = LibraryDb::open(dataHome() + QStringLiteral("/Encore/library.sqlite"));
        if (!db)
            return nullptr;
        return std::move(*db);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        m_clientId = QStringLiteral("encore-cli-spotify-test-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString data = encore::test::sharedDataFile(QStringLiteral("spotify-api"));
        ENCORE_REQUIRE_FILE(data);
        m_spotify = std::make_unique<FakeSpotify>(m_clientId, data);
        const QString failure = m_spotify->start();
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }

    void cleanupTestCase()
    {
        if (m_signedIn)
            (void)cli({QStringLiteral("logout")});
    }

    void notSignedInFails()
    {
        for (const QStringList &arguments : {QStringList{QStringLiteral("playlists")},
                                             QStringList{QStringLiteral("fetch"), kOwned, QStringLiteral("--json")}}) {
            const CliRun run = cli(arguments);
            QCOMPARE(run.exitCode, 3);
            QCOMPARE(run.err.trimmed(), kNotSignedIn);
            QVERIFY(run.out.isEmpty());
        }
    }

    void signsIn()
    {
        const CliRun run = cli({QStringLiteral("login"), QStringLiteral("--client-id"), m_clientId,
                                QStringLiteral("--port"), QStringLiteral("0")},
                               true);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        if (run.err.contains(SecretStore::notPersistentNotice())) {
            if (keychainExpected())
                QFAIL("ENCORE_EXPECT_KEYCHAIN=1 but encore-cli found no keychain.");
            QSKIP("No keychain on this system: the sign-in could not be remembered.");
        }
        m_signedIn = true;
    }

    void listsPlaylists()
    {
        if (!m_signedIn)
            QSKIP("not signed in (no keychain)");
        const CliRun run = cli({QStringLiteral("playlists")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
        auto lineOf = [&](const QString &id) {
            const QStringList lines = run.out.split(QLatin1Char('\n'));
            for (const QString &line : lines)
                if (line.startsWith(id))
                    return line.simplified();
            return QString();
        };
        QVERIFY2(lineOf(FakeSpotifyApi::mixedPlaylistId()).endsWith(QStringLiteral(" yes")), qPrintable(run.out));
        QVERIFY(lineOf(kOwned).endsWith(QStringLiteral(" yes")));
        QVERIFY(lineOf(FakeSpotifyApi::collaborativePlaylistId()).endsWith(QStringLiteral(" yes")));
        QVERIFY(lineOf(FakeSpotifyApi::foreignPlaylistId()).endsWith(QStringLiteral(" no")));
        QVERIFY(lineOf(FakeSpotifyApi::editorialPlaylistId()).endsWith(QStringLiteral(" no")));
        QVERIFY(lineOf(FakeSpotifyApi::foreignPlaylistId()).contains(QStringLiteral("Friend's mix")));

        const CliRun json = cli({QStringLiteral("playlists"), QStringLiteral("--json")});
        QVERIFY2(json.exitCode == 0, qPrintable(json.err));
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(json.out.toUtf8(), &error);
        QVERIFY2(error.error == QJsonParseError::NoError && document.isArray(), qPrintable(json.out));
        QHash<QString, QJsonObject> byId;
        for (const QJsonValue &value : document.array())
            byId.insert(value[QStringLiteral("id")].toString(), value.toObject());
        QCOMPARE(byId.size(), 8);  // the 5 recorded and 3 others, all pages
        QCOMPARE(byId[FakeSpotifyApi::mixedPlaylistId()][QStringLiteral("readable")].toBool(), true);
        QCOMPARE(byId[FakeSpotifyApi::mixedPlaylistId()][QStringLiteral("tracks")].toInt(), 6);
        QCOMPARE(byId[FakeSpotifyApi::collaborativePlaylistId()][QStringLiteral("readable")].toBool(), true);
        QCOMPARE(byId[FakeSpotifyApi::foreignPlaylistId()][QStringLiteral("readable")].toBool(), false);
        QCOMPARE(byId[FakeSpotifyApi::foreignPlaylistId()][QStringLiteral("owner")].toString(),
                 QStringLiteral("someoneelse"));
        QCOMPARE(byId[FakeSpotifyApi::editorialPlaylistId()][QStringLiteral("readable")].toBool(), false);
        QCOMPARE(byId[FakeSpotifyApi::editorialPlaylistId()][QStringLiteral("name")].toString(),
                 QStringLiteral("Today's Top Hits"));
        for (const QJsonObject &object : std::as_const(byId))
            QCOMPARE(object.keys().size(), 5);
    }

    void rotatedRefreshTokenIsSaved()
    {
        if (!m_signedIn)
            QSKIP("not signed in (no keychain)");
        const QString key = SecretStore::refreshTokenKey(m_clientId);
        const Result<QString> before = readSecret(key);
        QVERIFY(before.ok());
        const CliRun run = cli({QStringLiteral("playlists"), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const Result<QString> after = readSecret(key);
        QVERIFY(after.ok());
        QVERIFY(*after != *before);
        QVERIFY(m_spotify->accounts.issuedSecrets().contains(*after));
        // No token reached the output.
        for (const QString &secret : m_spotify->accounts.issuedSecrets()) {
            QVERIFY(!run.out.contains(secret));
            QVERIFY(!run.err.contains(secret));
        }
    }

    void fetchStoresThePlaylist_data()
    {
        QTest::addColumn<QString>("playlist");
        QTest::newRow("id") << kOwned;
        QTest::newRow("uri") << QStringLiteral("spotify:playlist:") + kOwned;
        QTest::newRow("url") << QStringLiteral("https://open.spotify.com/playlist/%1?si=abc123def").arg(kOwned);
        QTest::newRow("intl url") << QStringLiteral("https://open.spotify.com/intl-de/playlist/%1").arg(kOwned);
    }

    void fetchStoresThePlaylist()
    {
        if (!m_signedIn)
            QSKIP("not signed in (no keychain)");
        QFETCH(QString, playlist);
        m_dataDir = QStringLiteral("data-%1").arg(QString::fromUtf8(QTest::currentDataTag())).replace(u' ', u'-');
        const CliRun run = cli({QStringLiteral("fetch"), playlist});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QStringLiteral("Read 2 tracks")), qPrintable(run.out));
        QVERIFY2(!run.out.contains(QStringLiteral("Skipped")), qPrintable(run.out));
        QVERIFY2(run.err.isEmpty(), qPrintable(run.err));  // no progress when not a terminal

        const std::unique_ptr<LibraryDb> db = openLibrary();
        QVERIFY(db);
        const Result<Playlist> stored = db->playlist(kOwned);
        QVERIFY2(stored, qPrintable(stored ? QString() : stored.error().message));
        QCOMPARE(stored->origin, QStringLiteral("spotify"));
        QCOMPARE(stored->name, QStringLiteral("Black/Atmo/Prog ?"));
        QVERIFY(!stored->owner.isEmpty());
        QVERIFY(!stored->snapshotId.isEmpty());
        QCOMPARE(stored->trackIds.size(), 2);
        QCOMPARE(db->trackCount(), 2);
        m_dataDir = QStringLiteral("data");
    }

    void fetchCountsSkippedEntriesAndKnowsWhenUpToDate()
    {
        if (!m_signedIn)
            QSKIP("not signed in (no keychain)");
        const QString id = FakeSpotifyApi::mixedPlaylistId();
        const CliRun run = cli({QStringLiteral("fetch"), id, QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject first = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(first[QStringLiteral("playlist")].toString(), id);
        QCOMPARE(first[QStringLiteral("name")].toString(), QStringLiteral("Core"));
        QCOMPARE(first[QStringLiteral("tracks")].toInt(), 2);
        QCOMPARE(first[QStringLiteral("up_to_date")].toBool(), false);
        const QJsonObject skipped = first[QStringLiteral("skipped")].toObject();
        QCOMPARE(skipped[QStringLiteral("episodes")].toInt(), 2);
        QCOMPARE(skipped[QStringLiteral("local_files")].toInt(), 1);
        QCOMPARE(skipped[QStringLiteral("unavailable")].toInt(), 1);

        const CliRun text = cli({QStringLiteral("fetch"), id});
        QVERIFY2(text.exitCode == 0, qPrintable(text.err));
        QVERIFY2(text.out.contains(QStringLiteral("up to date")), qPrintable(text.out));

        m_spotify->api.resetRecord();
        const CliRun again = cli({QStringLiteral("fetch"), id, QStringLiteral("--json")});
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        const QJsonObject second = QJsonDocument::fromJson(again.out.toUtf8()).object();
        QCOMPARE(second[QStringLiteral("up_to_date")].toBool(), true);
        QCOMPARE(second[QStringLiteral("tracks")].toInt(), 2);
        QVERIFY(m_spotify->api.requestsTo(QStringLiteral("/v1/playlists/")).isEmpty());
        QVERIFY(!m_spotify->api.requestsTo(QStringLiteral("/v1/me/playlists")).isEmpty());

        const std::unique_ptr<LibraryDb> db = openLibrary();
        QVERIFY(db);
        QCOMPARE(db->playlist(id)->trackIds.size(), 2);
    }

    void fetchOfARefusedPlaylistFails_data()
    {
        QTest::addColumn<QString>("playlist");
        QTest::addColumn<QString>("reason");
        QTest::newRow("not owned (403)") << FakeSpotifyApi::foreignPlaylistId()
                                         << QStringLiteral("own or collaborate on");
        QTest::newRow("editorial (404)") << FakeSpotifyApi::editorialPlaylistId() << QStringLiteral("editorial");
    }

    void fetchOfARefusedPlaylistFails()
    {
        if (!m_signedIn)
            QSKIP("not signed in (no keychain)");
        QFETCH(QString, playlist);
        QFETCH(QString, reason);
        const CliRun run = cli({QStringLiteral("fetch"), playlist});
        QCOMPARE(run.exitCode, 4);
        QVERIFY2(run.err.contains(reason), qPrintable(run.err));
        QVERIFY(run.out.isEmpty());
        const std::unique_ptr<LibraryDb> db = openLibrary();
        QVERIFY(db);
        QVERIFY(!db->playlist(playlist).ok());
    }

    void fetchRefusesWhatIsNotAPlaylist()
    {
        const CliRun run =
            cli({QStringLiteral("fetch"), QStringLiteral("https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("not a Spotify playlist")), qPrintable(run.err));
    }

    void recommendSavesTheListAsANewPlaylist()
    {
        if (!m_signedIn)
            QSKIP("not signed in (no keychain)");
        m_dataDir = QStringLiteral("data-save");
        const CliRun run =
            cli({QStringLiteral("recommend"), QStringLiteral("--catalog"), plantedCatalog(), QStringLiteral("--seed"),
                 QStringLiteral("TR023xxxxxxxxxxxxxxxxx"), QStringLiteral("-k"), QStringLiteral("7"),
                 QStringLiteral("--json"), QStringLiteral("--save-to-spotify"), QStringLiteral("Road trip")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QStringList ranked;
        for (const QJsonValue &entry : QJsonDocument::fromJson(run.out.toUtf8()).array())
            ranked.append(QStringLiteral("spotify:track:") + entry[QStringLiteral("track_id")].toString());
        QCOMPARE(ranked.size(), 7);  // stdout stays JSON; the report goes to stderr
        QVERIFY2(run.err.contains(QStringLiteral("Saved 7 songs to the new private playlist \"Road trip\"")),
                 qPrintable(run.err));

        const QString id = newPlaylistNamed(QStringLiteral("Road trip"));
        QVERIFY(!id.isEmpty());
        QCOMPARE(m_spotify->api.playlistUris(id), ranked);
        QCOMPARE(m_spotify->api.playlistObject(id)[QStringLiteral("public")].toBool(), false);
        const std::unique_ptr<LibraryDb> db = openLibrary();
        QVERIFY(db);
        const Result<Playlist> stored = db->playlist(id);
        QVERIFY2(stored, qPrintable(stored ? QString() : stored.error().message));
        QCOMPARE(stored->snapshotId, m_spotify->api.playlistObject(id)[QStringLiteral("snapshot_id")].toString());
        QCOMPARE(stored->trackIds.size(), 7);
        m_dataDir = QStringLiteral("data");
    }

    void recommendAddsToAPlaylistByName()
    {
        if (!m_signedIn)
            QSKIP("not signed in (no keychain)");
        m_dataDir = QStringLiteral("data-add");
        const QStringList before = m_spotify->api.playlistUris(FakeSpotifyApi::collaborativePlaylistId());
        const CliRun run =
            cli({QStringLiteral("recommend"), QStringLiteral("--catalog"), plantedCatalog(), QStringLiteral("--seed"),
                 QStringLiteral("Rock song 0 - Rock Artist 0"), QStringLiteral("-k"), QStringLiteral("3"),
                 QStringLiteral("--add-to"), QStringLiteral("shared")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QStringLiteral("Saved 3 songs to \"Shared\"")), qPrintable(run.out));
        QCOMPARE(m_spotify->api.playlistUris(FakeSpotifyApi::collaborativePlaylistId()).size(), before.size() + 3);

        const CliRun refused =
            cli({QStringLiteral("recommend"), QStringLiteral("--seed"), QStringLiteral("TR023xxxxxxxxxxxxxxxxx"),
                 QStringLiteral("--add-to"), FakeSpotifyApi::foreignPlaylistId()});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QStringLiteral("own or collaborate on")), qPrintable(refused.err));
        m_dataDir = QStringLiteral("data");
    }

    void recommendRefusesConflictingSaveOptions_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QString>("reason");
        QTest::newRow("both") << QStringList{QStringLiteral("--save-to-spotify"), QStringLiteral("x"),
                                             QStringLiteral("--add-to"), QStringLiteral("y")}
                              << QStringLiteral("not both");
        QTest::newRow("public alone") << QStringList{QStringLiteral("--public")} << QStringLiteral("new playlist");
        QTest::newRow("empty name") << QStringList{QStringLiteral("--save-to-spotify"), QStringLiteral(" ")}
                                    << QStringLiteral("name");
    }

    void recommendRefusesConflictingSaveOptions()
    {
        QFETCH(QStringList, options);
        QFETCH(QString, reason);
        m_spotify->api.resetRecord();
        const CliRun run = cli(
            QStringList{QStringLiteral("recommend"), QStringLiteral("--seed"), QStringLiteral("TR023xxxxxxxxxxxxxxxxx")}
            + options);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(reason), qPrintable(run.err));
        QVERIFY(m_spotify->api.requests().isEmpty());
    }

    void discoverFindsDeezerSongsOnSpotifyWithinABudget()
    {
        if (!m_signedIn)
            QSKIP("not signed in (no keychain)");
        m_dataDir = QStringLiteral("data-discover");
        FakeReccoBeats reccoBeats;
        FakeDeezer deezer;
        FakeITunes iTunes;
        QVERIFY(reccoBeats.listen() && deezer.listen() && iTunes.listen());
        qputenv("ENCORE_RECCOBEATS_URL", reccoBeats.baseUrl().toEncoded());
        qputenv("ENCORE_DEEZER_URL", deezer.baseUrl().toEncoded());
        qputenv("ENCORE_ITUNES_URL", iTunes.baseUrl().toEncoded());
        const auto unsetServices = qScopeGuard([] {
            for (const char *name : {"ENCORE_RECCOBEATS_URL", "ENCORE_DEEZER_URL", "ENCORE_ITUNES_URL"})
                qunsetenv(name);
        });
        // On Deezer, Adele's related artist Amy Winehouse has two top songs; Spotify knows Rehab,
        // and ReccoBeats its features once Encore knows its Spotify id.
        deezer.addArtist(75798, QStringLiteral("Adele"), {1282});
        deezer.addArtist(1282, QStringLiteral("Amy Winehouse"));
        deezer.addSong(101, 75798, QStringLiteral("Hello"), QStringLiteral("GBBKS1500214"), 900000, 79);
        deezer.addSong(105, 1282, QStringLiteral("Rehab"), QStringLiteral("GBUM70603811"), 750000, 72);
        deezer.addSong(106, 1282, QStringLiteral("Demo Tape"), QString(), 1000, 120);
        QJsonObject rehab = FakeSpotifyApi::syntheticTrackEntry(500).value(QStringLiteral("track")).toObject();
        rehab[QStringLiteral("name")] = QStringLiteral("Rehab");
        rehab[QStringLiteral("artists")] =
            QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("Amy Winehouse")}}};
        rehab[QStringLiteral("external_ids")] = QJsonObject{{QStringLiteral("isrc"), QStringLiteral("GBUM70603811")}};
        m_spotify->api.addKnownTrack(rehab);
        const QString rehabId = rehab.value(QStringLiteral("id")).toString();
        reccoBeats.addTrack(rehabId, encore::test::featureJson(72));

        QTemporaryDir csvDir;
        QFile csv(csvDir.filePath(QStringLiteral("library.csv")));
        QVERIFY(csv.open(QIODevice::WriteOnly));
        csv.write(
            "track_id,track_name,track_artist,isrc,danceability,energy,key,loudness,mode,speechiness,"
            "acousticness,instrumentalness,liveness,valence,tempo,playlist_id,playlist_name\n"
            "T000000000000000000001,Hello,Adele,GBBKS1500214,0.6,0.7,5,-6.5,1,0.04,0.12,0,0.1,0.55,79,p,Evening\n"
            "T000000000000000000002,Mercy,Duffy,GBUM70800001,0.6,0.7,5,-6.5,1,0.04,0.12,0,0.1,0.55,130,p,Evening\n");
        csv.close();
        QCOMPARE(cli({QStringLiteral("import"), csv.fileName()}).exitCode, 0);

        const QStringList discover{QStringLiteral("discover"),       QStringLiteral("--seed"),
                                   QStringLiteral("Hello - Adele"),  QStringLiteral("--sources"),
                                   QStringLiteral("deezer,spotify"), QStringLiteral("--json")};
        const qsizetype searchesBefore = m_spotify->api.requestsTo(QStringLiteral("/v1/search")).size();
        const CliRun run = cli(discover);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const qsizetype searches = m_spotify->api.requestsTo(QStringLiteral("/v1/search")).size() - searchesBefore;
        QVERIFY(searches >= 2);
        QVERIFY2(run.err.contains(QStringLiteral("Spotify knows 1 of the 2 songs found only on Deezer")),
                 qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("%1 of 300 Spotify searches used today.").arg(searches)),
                 qPrintable(run.err));
        QHash<QString, QString> idOf;
        for (const QJsonValue &entry : QJsonDocument::fromJson(run.out.toUtf8()).array())
            idOf.insert(entry[QStringLiteral("name")].toString(), entry[QStringLiteral("track_id")].toString());
        QCOMPARE(idOf.value(QStringLiteral("Rehab")), rehabId);  // now a Spotify track
        QCOMPARE(idOf.value(QStringLiteral("Demo Tape")), QStringLiteral("deezer:106"));
        {
            const std::unique_ptr<LibraryDb> db = openLibrary();
            QVERIFY(db);
            const Result<QHash<QString, SpotifyMatch>> answers =
                db->spotifyMatches({QStringLiteral("deezer:105"), QStringLiteral("deezer:106")});
            QVERIFY(answers);
            QCOMPARE(answers->value(QStringLiteral("deezer:105")).spotifyId, rehabId);
            QVERIFY(answers->contains(QStringLiteral("deezer:106")));
            QVERIFY(answers->value(QStringLiteral("deezer:106")).spotifyId.isEmpty());
            const Result<std::vector<Discovered>> found = db->discoveries(QStringLiteral("T000000000000000000001"));
            QVERIFY(found);
            QVERIFY(
                std::any_of(found->begin(), found->end(), [&](const Discovered &d) { return d.trackId == rehabId; }));
            QVERIFY(std::none_of(found->begin(), found->end(),
                                 [](const Discovered &d) { return d.trackId == QLatin1String("deezer:105"); }));
            const Result<int> today = db->spotifySearchesToday();
            QVERIFY(today);
            QCOMPARE(*today, int(searches));
        }

        // Every answer is kept: the same discovery asks Spotify nothing more.
        const CliRun again = cli(discover);
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        QVERIFY2(again.out.contains(rehabId), qPrintable(again.out + again.err));
        QCOMPARE(m_spotify->api.requestsTo(QStringLiteral("/v1/search")).size() - searchesBefore, searches);
        QVERIFY2(again.err.contains(QStringLiteral("%1 of 300 Spotify searches used today.").arg(searches)),
                 qPrintable(again.err));

        // With the day's budget spent, a new song is left unasked.
        deezer.addSong(107, 75798, QStringLiteral("Someone Like You"), QStringLiteral("GBBKS1000351"), 700000, 135);
        QSettings settings(m_home.filePath(m_configDir) + QStringLiteral("/Encore/Encore.conf"), QSettings::IniFormat);
        settings.setValue(QStringLiteral("spotify/dailySearchBudget"), int(searches) + 1);
        settings.sync();
        const CliRun spent = cli(discover);
        settings.remove(QStringLiteral("spotify/dailySearchBudget"));
        QVERIFY2(spent.exitCode == 0, qPrintable(spent.err));
        QCOMPARE(m_spotify->api.requestsTo(QStringLiteral("/v1/search")).size() - searchesBefore, searches);
        QVERIFY2(spent.err.contains(
                     QStringLiteral("1 song was not searched for on Spotify: today's budget of searches is spent.")),
                 qPrintable(spent.err));
        QVERIFY2(spent.out.contains(QStringLiteral("deezer:107")), qPrintable(spent.out));

        // A save asks Spotify only about the songs it has no answer for (past the budget: the
        // user asked), and keeps the answers.
        const QList<FakeSpotifyApi::Request> before = m_spotify->api.requestsTo(QStringLiteral("/v1/search"));
        const CliRun saved =
            cli({QStringLiteral("recommend"), QStringLiteral("--seed"), QStringLiteral("Hello - Adele"),
                 QStringLiteral("--save-to-spotify"), QStringLiteral("Found on Deezer")});
        QVERIFY2(saved.exitCode == 0, qPrintable(saved.err));
        const QList<FakeSpotifyApi::Request> after = m_spotify->api.requestsTo(QStringLiteral("/v1/search"));
        QVERIFY(after.size() > before.size());
        for (const FakeSpotifyApi::Request &search : after.mid(before.size())) {
            const QString q = search.query.queryItemValue(QStringLiteral("q"), QUrl::FullyDecoded);
            QVERIFY2(q.contains(QStringLiteral("GBBKS1000351")) || q.contains(QStringLiteral("Someone Like You")),
                     qPrintable(q));
        }
        QVERIFY2(
            saved.err.contains(
                QStringLiteral("%1 of 300 Spotify searches used today.").arg(searches + after.size() - before.size())),
            qPrintable(saved.err));
        {
            const std::unique_ptr<LibraryDb> db = openLibrary();
            QVERIFY(db);
            QVERIFY(db->spotifyMatches({QStringLiteral("deezer:107")})->contains(QStringLiteral("deezer:107")));
        }
        m_dataDir = QStringLiteral("data");
    }

    void revokedSignInFails()
    {
        if (!m_signedIn)
            QSKIP("not signed in (no keychain)");
        m_spotify->accounts.revokeAllRefreshTokens();
        const CliRun run = cli({QStringLiteral("playlists")});
        QCOMPARE(run.exitCode, 3);
        const QString sentence = run.err.trimmed();
        QVERIFY2(!sentence.contains(QLatin1Char('\n')) && sentence.endsWith(QLatin1Char('.'))
                     && sentence.contains(QStringLiteral("encore-cli login")),
                 qPrintable(run.err));
    }

private:
    QTemporaryDir m_home;
    QString m_configDir = QStringLiteral("config");
    QString m_dataDir = QStringLiteral("data");
    QString m_clientId;
    std::unique_ptr<FakeSpotify> m_spotify;
    QNetworkAccessManager m_browser;
    bool m_signedIn = false;
};

QTEST_GUILESS_MAIN(TestCliSpotify)

#include "tst_cli_spotify.moc"
