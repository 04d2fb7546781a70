#include "spotify/savetospotifydialog.h"
#include "spotify/spotifyplaylistmodel.h"

#include "fakebrowser.h"
#include "fakespotify.h"
#include "testsupport.h"

#include "spotify/spotifyaccount.h"
#include "spotify/spotifyclient.h"
#include "spotify/spotifysave.h"
#include "storage/librarydb.h"
#include "ui/widgettesting.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDesktopServices>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace encore;
using encore::test::child;
using encore::test::FakeBrowser;
using encore::test::FakeSpotify;
using encore::test::FakeSpotifyApi;

namespace {

constexpr int kTimeoutMs = 20000;
const QString kClientId = QStringLiteral("savedialogclient0000000000000000");

// Synthetic song i as Encore knows it, with its Spotify id; the fake API knows it too.
Track song(FakeSpotifyApi &api, int i)
{
    const QJsonObject track = FakeSpotifyApi::syntheticTrackEntry(i).value(QStringLiteral("track")).toObject();
    api.addKnownTrack(track);
    Track result;
    result.id = FakeSpotifyApi::syntheticTrackId(i);
    result.name = QStringLiteral("Song %1").arg(i);
    result.artists = {QStringLiteral("Artist %1").arg(i % 7)};
    result.isrc = QStringLiteral("QZ%1").arg(i, 10, 10, QLatin1Char('0'));
    return result;
}

QStringList urisOf(const std::vector<Track> &tracks)
{
    QStringList uris;
    for (const Track &track : tracks)
        uris.append(QStringLiteral("spotify:track:") + track.id);
    return uris;
}

}  // namespace

// The dialog that saves a list to Spotify, against the fake accounts service and Web API: a new
// playlist in the list's order, adding to a playlist the user may change, Retry after the quota
// ran out, songs without a Spotify id looked up first, and a sign-in that may not change playlists.
class TestSaveToSpotifyDialog : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void savesANewPlaylistInTheListsOrder();
    void addsToAPlaylistTheUserMayChange();
    void retryGoesOnAfterTheQuotaRanOut();
    void songsWithoutASpotifyIdAreLookedUp();
    void theLibrarysAnswersAreNotAskedAgain();
    void aSignInWithoutWriteScopesOffersToSignInAgain();
    void signedOutOffersToSignIn();

private:
    bool signIn();
    std::unique_ptr<SaveToSpotifyDialog> showDialog(std::vector<Track> tracks, const QString &libraryPath = {});

    FakeBrowser m_browser;
    std::unique_ptr<FakeSpotify> m_spotify;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<SpotifyAccount> m_account;
    SpotifyPlaylistModel m_playlists;
    SaveSeed m_seed{
        QStringLiteral("Rolling In The Deep"), QStringLiteral("Adele"), false, QStringLiteral("hybrid"), {}};
};

void TestSaveToSpotifyDialog::initTestCase()
{
    QDesktopServices::setUrlHandler(QStringLiteral("http"), &m_browser, "handleUrl");
}

void TestSaveToSpotifyDialog::init()
{
    const QString data = encore::test::sharedDataFile(QStringLiteral("spotify-api"));
    ENCORE_REQUIRE_FILE(data);
    m_spotify = std::make_unique<FakeSpotify>(kClientId, data);
    const QString failure = m_spotify->start();
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("encore.ini")), QSettings::IniFormat);
    m_account = std::make_unique<SpotifyAccount>(*m_settings, SecretStore::Backend::Memory);
    m_playlists.clear();
}

void TestSaveToSpotifyDialog::cleanup()
{
    m_account.reset();
    m_settings.reset();
    m_dir.reset();
    m_spotify.reset();
}

void TestSaveToSpotifyDialog::cleanupTestCase()
{
    QDesktopServices::unsetUrlHandler(QStringLiteral("http"));
}

// Signs in through the fake browser and lists the user's playlists in the model.
bool TestSaveToSpotifyDialog::signIn()
{
    connect(m_account.get(), &SpotifyAccount::authorizationUrlReady, &m_browser, &FakeBrowser::handleUrl,
            Qt::UniqueConnection);
    if (!m_account->signIn(kClientId, 0))
        return false;
    if (!QTest::qWaitFor([this] { return m_account->isSignedIn(); }, kTimeoutMs))
        return false;
    SpotifyPlaylistsJob *job = m_account->client()->allPlaylists();
    if (!QTest::qWaitFor([job] { return job->isFinished(); }, kTimeoutMs) || job->error())
        return false;
    m_playlists.setPlaylists(job->result().playlists, m_account->user().id);
    return true;
}

std::unique_ptr<SaveToSpotifyDialog> TestSaveToSpotifyDialog::showDialog(std::vector<Track> tracks,
                                                                         const QString &libraryPath)
{
    auto dialog =
        std::make_unique<SaveToSpotifyDialog>(*m_account, m_playlists, std::move(tracks), m_seed, libraryPath);
    dialog->show();
    return dialog;
}

void TestSaveToSpotifyDialog::savesANewPlaylistInTheListsOrder()
{
    QVERIFY(signIn());
    FakeSpotifyApi &api = m_spotify->api;
    std::vector<Track> tracks{song(api, 7), song(api, 2), song(api, 9)};
    auto dialog = showDialog(tracks);
    auto *name = child<QLineEdit>(*dialog, "saveName");
    QCOMPARE(name->text(), QStringLiteral("Encore: like “Rolling In The Deep”"));
    QVERIFY(child<QLineEdit>(*dialog, "saveDescription")->text().contains(QLatin1String("Adele")));
    QVERIFY(!child<QCheckBox>(*dialog, "savePublic")->isChecked());
    QVERIFY(!child<QLabel>(*dialog, "saveProblem")->isVisible());
    QVERIFY(!child<QCheckBox>(*dialog, "saveLookUp")->isVisible());
    QVERIFY(!child<QPushButton>(*dialog, "saveOpenButton")->isVisible());  // nothing to open yet
    name->setText(QStringLiteral("For the road"));
    child<QCheckBox>(*dialog, "savePublic")->setChecked(true);
    QSignalSpy saved(dialog.get(), &SaveToSpotifyDialog::saved);

    QTest::mouseClick(child<QPushButton>(*dialog, "saveButton"), Qt::LeftButton);
    QVERIFY(QTest::qWaitFor([&] { return dialog->state().isComplete(); }, kTimeoutMs));
    QCOMPARE(saved.size(), 1);
    const QString id = dialog->state().playlistId;
    QCOMPARE(api.playlistUris(id), urisOf(tracks));
    const QJsonObject playlist = api.playlistObject(id);
    QCOMPARE(playlist.value(u"name").toString(), QStringLiteral("For the road"));
    QCOMPARE(playlist.value(u"public").toBool(), true);
    const QString status = child<QLabel>(*dialog, "saveStatus")->text();
    QVERIFY2(status.contains(QStringLiteral("Added 3 songs to “For the road”")), qPrintable(status));
    QVERIFY(child<QPushButton>(*dialog, "saveOpenButton")->isVisible());
    QVERIFY(!child<QPushButton>(*dialog, "saveButton")->isVisible());
}

void TestSaveToSpotifyDialog::addsToAPlaylistTheUserMayChange()
{
    QVERIFY(signIn());
    FakeSpotifyApi &api = m_spotify->api;
    std::vector<Track> tracks{song(api, 1), song(api, 4)};
    auto dialog = showDialog(tracks);
    auto *existing = child<QComboBox>(*dialog, "saveExistingPlaylist");
    QStringList offered;
    for (int i = 0; i < existing->count(); ++i)
        offered.append(existing->itemData(i).toString());
    QVERIFY(offered.contains(FakeSpotifyApi::mixedPlaylistId()));
    QVERIFY(offered.contains(FakeSpotifyApi::collaborativePlaylistId()));
    QVERIFY(!offered.contains(FakeSpotifyApi::foreignPlaylistId()));
    QVERIFY(!offered.contains(FakeSpotifyApi::editorialPlaylistId()));

    const QString target = FakeSpotifyApi::collaborativePlaylistId();
    const QStringList before = api.playlistUris(target);
    child<QRadioButton>(*dialog, "saveToExisting")->setChecked(true);
    existing->setCurrentIndex(existing->findData(target));
    QVERIFY(!child<QLineEdit>(*dialog, "saveName")->isEnabled());
    QTest::mouseClick(child<QPushButton>(*dialog, "saveButton"), Qt::LeftButton);
    QVERIFY(QTest::qWaitFor([&] { return dialog->state().isComplete(); }, kTimeoutMs));
    QCOMPARE(api.playlistUris(target), before + urisOf(tracks));
    QVERIFY(api.requestsTo(QStringLiteral("/v1/me/playlists")).size() == 1);  // the listing only
}

void TestSaveToSpotifyDialog::retryGoesOnAfterTheQuotaRanOut()
{
    QVERIFY(signIn());
    FakeSpotifyApi &api = m_spotify->api;
    std::vector<Track> tracks;
    for (int i = 0; i < 230; ++i)
        tracks.push_back(song(api, i));
    auto dialog = showDialog(tracks);
    auto *save = child<QPushButton>(*dialog, "saveButton");
    QTest::mouseClick(save, Qt::LeftButton);
    auto *job = m_account->client()->findChild<SpotifySaveJob *>();
    QVERIFY(job);
    connect(job, &SpotifyJob::progress, this, [&api](int done, int) {
        if (done == 100)  // the daily quota runs out after the first batch
            api.failRequests(429, 1, QStringLiteral("POST /v1/playlists/"), 1, QStringLiteral("QUOTA_EXCEEDED"));
    });
    QVERIFY(QTest::qWaitFor([&] { return save->isEnabled(); }, kTimeoutMs));
    QCOMPARE(dialog->state().added, 100);
    const QString status = child<QLabel>(*dialog, "saveStatus")->text();
    QVERIFY2(status.contains(QLatin1String("daily")), qPrintable(status));
    QVERIFY2(status.contains(QLatin1String("100 of 230")), qPrintable(status));
    QCOMPARE(save->text(), QStringLiteral("&Retry"));
    QVERIFY(!child<QWidget>(*dialog, "saveName")->isEnabled());

    QTest::mouseClick(save, Qt::LeftButton);
    QVERIFY(QTest::qWaitFor([&] { return dialog->state().isComplete(); }, kTimeoutMs));
    QCOMPARE(api.requestsTo(QStringLiteral("/v1/me/playlists")).size(), 2);  // listed, then made once
    QCOMPARE(api.playlistUris(dialog->state().playlistId), urisOf(tracks));
}

void TestSaveToSpotifyDialog::songsWithoutASpotifyIdAreLookedUp()
{
    QVERIFY(signIn());
    FakeSpotifyApi &api = m_spotify->api;
    Track byIsrc = song(api, 5);
    byIsrc.id.clear();  // a song found elsewhere, with its ISRC
    Track unknown;
    unknown.name = QStringLiteral("Nowhere to be found");
    unknown.artists = {QStringLiteral("Nobody")};
    std::vector<Track> tracks{song(api, 3), byIsrc, unknown, song(api, 8)};
    auto dialog = showDialog(tracks);
    auto *lookUp = child<QCheckBox>(*dialog, "saveLookUp");
    QVERIFY(lookUp->isVisible());
    QVERIFY(lookUp->text().contains(QLatin1String("2 songs")));
    QTest::mouseClick(child<QPushButton>(*dialog, "saveButton"), Qt::LeftButton);
    QVERIFY(QTest::qWaitFor([&] { return dialog->state().isComplete(); }, kTimeoutMs));
    const QStringList expected{QStringLiteral("spotify:track:") + FakeSpotifyApi::syntheticTrackId(3),
                               QStringLiteral("spotify:track:") + FakeSpotifyApi::syntheticTrackId(5),
                               QStringLiteral("spotify:track:") + FakeSpotifyApi::syntheticTrackId(8)};
    QCOMPARE(api.playlistUris(dialog->state().playlistId), expected);
    const QString status = child<QLabel>(*dialog, "saveStatus")->text();
    QVERIFY2(status.contains(QLatin1String("Nowhere to be found")), qPrintable(status));
    QVERIFY(api.requestsTo(QStringLiteral("/v1/search")).size() >= 2);
}

// Songs Discover found only on Deezer that the library has Spotify's word on are not searched
// for again; what is searched for is handed out for the library to keep.
void TestSaveToSpotifyDialog::theLibrarysAnswersAreNotAskedAgain()
{
    QVERIFY(signIn());
    FakeSpotifyApi &api = m_spotify->api;
    const auto deezerSong = [&](int deezerId, int synthetic) {
        Track track = song(api, synthetic);
        track.id = QStringLiteral("deezer:%1").arg(deezerId);
        return track;
    };
    const Track known = deezerSong(1, 5);
    const Track knownNone = deezerSong(2, 6);
    const Track asked = deezerSong(3, 8);
    const QString libraryPath = m_dir->filePath(QStringLiteral("library.sqlite"));
    {
        auto db = LibraryDb::open(libraryPath);
        QVERIFY(db.ok());
        Track onSpotify = known;
        onSpotify.id = FakeSpotifyApi::syntheticTrackId(5);
        QVERIFY((*db)->storeSpotifyMatches({{known, onSpotify}, {knownNone, std::nullopt}}, 4).ok());
    }
    auto dialog = showDialog({song(api, 3), known, knownNone, asked}, libraryPath);
    QSignalSpy answered(dialog.get(), &SaveToSpotifyDialog::spotifyAnswered);
    QTest::mouseClick(child<QPushButton>(*dialog, "saveButton"), Qt::LeftButton);
    QVERIFY(QTest::qWaitFor([&] { return dialog->state().isComplete(); }, kTimeoutMs));
    QCOMPARE(api.playlistUris(dialog->state().playlistId),
             (QStringList{QStringLiteral("spotify:track:") + FakeSpotifyApi::syntheticTrackId(3),
                          QStringLiteral("spotify:track:") + FakeSpotifyApi::syntheticTrackId(5),
                          QStringLiteral("spotify:track:") + FakeSpotifyApi::syntheticTrackId(8)}));
    const QList<FakeSpotifyApi::Request> searches = api.requestsTo(QStringLiteral("/v1/search"));
    QCOMPARE(searches.size(), 1);  // by ISRC, found at once
    QVERIFY(searches.constFirst().query.queryItemValue(QStringLiteral("q")).contains(asked.isrc));
    QCOMPARE(answered.size(), 1);
    const auto answers = answered.constFirst().at(0).value<std::vector<SpotifySearchAnswer>>();
    QCOMPARE(answers.size(), std::size_t(1));
    QCOMPARE(answers.front().song.id, asked.id);
    QCOMPARE(answers.front().found->id, FakeSpotifyApi::syntheticTrackId(8));
    QCOMPARE(answered.constFirst().at(1).toInt(), 1);
}

void TestSaveToSpotifyDialog::aSignInWithoutWriteScopesOffersToSignInAgain()
{
    m_spotify->accounts.setGrantedScope(QStringLiteral("playlist-read-private playlist-read-collaborative"));
    QVERIFY(signIn());
    QVERIFY(!m_account->canChangePlaylists());
    auto dialog = showDialog({song(m_spotify->api, 1)});
    auto *problem = child<QLabel>(*dialog, "saveProblem");
    QVERIFY(problem->isVisible());
    QVERIFY2(problem->text().contains(QLatin1String("Sign in again")), qPrintable(problem->text()));
    QVERIFY(!child<QPushButton>(*dialog, "saveButton")->isEnabled());
    QSignalSpy asked(dialog.get(), &SaveToSpotifyDialog::signInRequested);
    auto *signInAgain = child<QPushButton>(*dialog, "saveSignInButton");
    QVERIFY(signInAgain->isVisible());
    QTest::mouseClick(signInAgain, Qt::LeftButton);
    QCOMPARE(asked.size(), 1);

    // Signed in again, with the scopes granted this time: the dialog follows.
    m_spotify->accounts.setGrantedScope(QString());
    QVERIFY(signIn());
    QVERIFY(m_account->canChangePlaylists());
    QTRY_VERIFY(!problem->isVisible());
    QVERIFY(child<QPushButton>(*dialog, "saveButton")->isEnabled());
}

void TestSaveToSpotifyDialog::signedOutOffersToSignIn()
{
    auto dialog = showDialog({song(m_spotify->api, 1)});
    auto *problem = child<QLabel>(*dialog, "saveProblem");
    QVERIFY(problem->isVisible());
    QVERIFY(problem->text().contains(QLatin1String("Sign in to Spotify")));
    QVERIFY(child<QPushButton>(*dialog, "saveSignInButton")->isVisible());
    QVERIFY(!child<QPushButton>(*dialog, "saveButton")->isEnabled());
    QVERIFY(m_spotify->api.requests().isEmpty());
}

QTEST_MAIN(TestSaveToSpotifyDialog)
#include "tst_savetospotifydialog.moc"
