#include "fakespotifyaccounts.h"
#include "fakespotifyapi.h"
#include "spotify/spotifyauth.h"
#include "spotify/spotifyclient.h"
#include "spotify/spotifyendpoints.h"
#include "spotify/spotifysave.h"
#include "spotify/spotifytracklookup.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

#include <memory>
#include <optional>

using namespace encore;
using encore::test::FakeSpotifyAccounts;
using encore::test::FakeSpotifyApi;

Q_DECLARE_METATYPE(encore::test::FakeSpotifyApi::Shape)

namespace {
const QString kToken = QStringLiteral("test-access-token");
const QString kBig = QStringLiteral("1B1gPlaylist0000000000");

QString why(const SpotifyJob *job)
{
    return job->error() ? job->error()->message : QString();
}
}  // namespace

class TestSpotifyClient : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void currentUser();
    void allPlaylistsAcrossPages_data();
    void allPlaylistsAcrossPages();
    void tracksPagesAreReadConcurrently_data();
    void tracksPagesAreReadConcurrently();
    void skippedEntriesAreCounted();
    void unauthorisedRefreshesOnceThenSucceeds();
    void unauthorisedTwiceFails();
    void unauthorisedWithoutRefreshTokenFails();
    void rateLimitWaitsForRetryAfter();
    void quotaExceededIsNotRetried();
    void serverErrorIsRetried();
    void persistentServerErrorGivesUp();
    void slowAnswerTimesOut();
    void malformedBodyIsAskedAgain();
    void unreadablePlaylists_data();
    void unreadablePlaylists();
    void cancelStopsFurtherRequests();
    void foreignNextLinkIsRefused();
    void fakeRefusesOldTracksPathAndLargeLimits();
    void fieldsTrimTheItemsPage();

    void saveMakesAPlaylistOfTheSongsInOrder_data();
    void saveMakesAPlaylistOfTheSongsInOrder();
    void saveAddsAfterWhatAPlaylistHolds_data();
    void saveAddsAfterWhatAPlaylistHolds();
    void saveIsRefusedForAForeignPlaylist();
    void saveWaitsOutARateLimit();
    void saveStoppedByTheQuotaContinuesWhereItStopped();
    void saveSettlesAnUnclearAnswerWithoutDoubling();
    void saveLeftUnclearIsSettledByTheNextJob();
    void saveAdoptsAPlaylistMadeWithoutAClearAnswer();
    void saveRefreshesOnceOn401();
    void saveWithoutModifyScopeSaysSignInAgain();
    void fakeRefusesOldWritePathsAndLargeBatches();
    void lookUpFindsTracksByIsrcThenTitle();

private:
    SpotifyEndpoints endpoints() const;
    // `count` synthetic songs' URIs, the fake knowing each track.
    QStringList songUris(int count, int first = 0);
    // Runs a save to the end and returns the state it ended with.
    SpotifyPlaylistSave runSave(const SpotifyPlaylistSave &save, std::optional<Error> *error = nullptr);
    // The fake's playlists named `name`.
    QStringList playlistsNamed(const QString &name);
    // Finishes the job or fails the test.
    bool wait(SpotifyJob *job, int timeoutMs = 10000);
    std::optional<TokenSet> signIn();

    std::unique_ptr<FakeSpotifyApi> m_api;
    std::unique_ptr<FakeSpotifyAccounts> m_accounts;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<QNetworkAccessManager> m_browser;
    std::unique_ptr<SpotifyAuth> m_auth;
    std::unique_ptr<SpotifySession> m_session;
    std::unique_ptr<SpotifyClient> m_client;
};

void TestSpotifyClient::init()
{
    m_api = std::make_unique<FakeSpotifyApi>(encore::test::sharedDataFile(QStringLiteral("spotify-api")));
    QVERIFY2(m_api->listen(), qPrintable(m_api->loadError()));
    m_api->setValidToken(kToken);
    m_accounts = std::make_unique<FakeSpotifyAccounts>();
    QVERIFY(m_accounts->listen());
    m_network = std::make_unique<QNetworkAccessManager>();
    m_browser = std::make_unique<QNetworkAccessManager>();
    m_auth = std::make_unique<SpotifyAuth>(*m_network, endpoints(), m_accounts->clientId());
    m_session = std::make_unique<SpotifySession>(*m_auth);
    m_session->setTokens(TokenSet{kToken, {}, {}, QDateTime::currentDateTimeUtc().addSecs(3600)});
    m_client = std::make_unique<SpotifyClient>(*m_network, endpoints(), *m_session);
    SpotifyClientOptions options;
    options.transferTimeout = std::chrono::milliseconds(2000);
    options.backoffBase = std::chrono::milliseconds(5);
    options.maxRetries = 3;
    options.concurrency = 4;
    m_client->setOptions(options);
}

void TestSpotifyClient::cleanup()
{
    m_client.reset();
    m_session.reset();
    m_auth.reset();
    m_browser.reset();
    m_network.reset();
    m_accounts.reset();
    m_api.reset();
}

SpotifyEndpoints TestSpotifyClient::endpoints() const
{
    QProcessEnvironment environment;
    environment.insert(QString::fromLatin1(SpotifyEndpoints::kAccountsVariable), m_accounts->baseUrl().toString());
    environment.insert(QString::fromLatin1(SpotifyEndpoints::kApiVariable), m_api->baseUrl().toString());
    Result<SpotifyEndpoints> result = SpotifyEndpoints::fromEnvironment(environment);
    return result ? *result : SpotifyEndpoints{};
}

bool TestSpotifyClient::wait(SpotifyJob *job, int timeoutMs)
{
    return QTest::qWaitFor([job] { return job->isFinished(); }, timeoutMs);
}

std::optional<TokenSet> TestSpotifyClient::signIn()
{
    QUrl authorizeUrl;
    std::optional<TokenSet> tokens;
    bool failed = false;
    connect(m_auth.get(), &SpotifyAuth::authorizationUrlReady, this, [&](const QUrl &url) { authorizeUrl = url; });
    connect(m_auth.get(), &SpotifyAuth::signedIn, this, [&](const TokenSet &t) { tokens = t; });
    connect(m_auth.get(), &SpotifyAuth::failed, this, [&](const Error &) { failed = true; });
    if (m_auth->start(0)) {
        QNetworkRequest request(authorizeUrl);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
        m_browser->get(request)->setParent(m_browser.get());
        (void)QTest::qWaitFor([&] { return tokens || failed; }, 10000);
    }
    m_auth->disconnect(this);
    return tokens;
}

// ---- reading ---------------------------------------------------------------------------------

void TestSpotifyClient::currentUser()
{
    SpotifyUserJob *job = m_client->currentUser();
    QVERIFY(wait(job));
    QVERIFY2(!job->error(), qPrintable(why(job)));
    QCOMPARE(job->user().id, FakeSpotifyApi::userId());
    QCOMPARE(job->user().displayName, QStringLiteral("Antoine Egea"));
    QCOMPARE(job->user().country, std::optional<QString>(QStringLiteral("DE")));
    const auto requests = m_api->requestsTo(QStringLiteral("/v1/me"));
    QCOMPARE(requests.size(), 1);
    QCOMPARE(requests.first().header("Authorization"), "Bearer " + kToken.toUtf8());
}

void TestSpotifyClient::allPlaylistsAcrossPages_data()
{
    QTest::addColumn<FakeSpotifyApi::Shape>("shape");
    QTest::newRow("before 2026") << FakeSpotifyApi::Shape::Before2026;
    QTest::newRow("2026") << FakeSpotifyApi::Shape::Current;
}

void TestSpotifyClient::allPlaylistsAcrossPages()
{
    QFETCH(FakeSpotifyApi::Shape, shape);
    m_api->setShape(shape);
    m_api->setMaxPageSize(3);  // 8 playlists in 3 pages
    SpotifyPlaylistsJob *job = m_client->allPlaylists();
    QSignalSpy progress(job, &SpotifyJob::progress);
    QVERIFY(wait(job));
    QVERIFY2(!job->error(), qPrintable(why(job)));

    const SpotifyPlaylistPage &result = job->result();
    QCOMPARE(int(result.playlists.size()), 8);
    QCOMPARE(result.paging.total, 8);
    QCOMPARE(result.skipped, 0);
    QCOMPARE(progress.size(), 3);
    QCOMPARE(progress.last().at(0).toInt(), 8);

    const auto requests = m_api->requestsTo(QStringLiteral("/v1/me/playlists"));
    QCOMPARE(requests.size(), 3);
    QCOMPARE(requests.first().query.queryItemValue(QStringLiteral("limit")), QStringLiteral("50"));

    QHash<QString, SpotifyPlaylist> byId;
    for (const SpotifyPlaylist &playlist : result.playlists)
        byId.insert(playlist.id, playlist);
    QCOMPARE(result.playlists.front().id, FakeSpotifyApi::mixedPlaylistId());
    QCOMPARE(byId.value(FakeSpotifyApi::mixedPlaylistId()).trackCount, 6);
    QCOMPARE(byId.value(FakeSpotifyApi::collaborativePlaylistId()).trackCount, 2);
    const QString me = FakeSpotifyApi::userId();
    QVERIFY(isReadableBy(byId.value(FakeSpotifyApi::mixedPlaylistId()), me));
    QVERIFY(isReadableBy(byId.value(FakeSpotifyApi::collaborativePlaylistId()), me));
    QVERIFY(!isReadableBy(byId.value(FakeSpotifyApi::foreignPlaylistId()), me));
    QVERIFY(!isReadableBy(byId.value(FakeSpotifyApi::editorialPlaylistId()), me));
}

void TestSpotifyClient::tracksPagesAreReadConcurrently_data()
{
    allPlaylistsAcrossPages_data();
}

void TestSpotifyClient::tracksPagesAreReadConcurrently()
{
    QFETCH(FakeSpotifyApi::Shape, shape);
    m_api->setShape(shape);
    m_api->addSyntheticPlaylist(kBig, 130);
    m_api->setLatency(std::chrono::milliseconds(60));
    SpotifyPlaylistTracksJob *job = m_client->playlistTracks(kBig);
    QSignalSpy progress(job, &SpotifyJob::progress);
    QVERIFY(wait(job));
    QVERIFY2(!job->error(), qPrintable(why(job)));

    const SpotifyItemsPage &result = job->result();
    QCOMPARE(int(result.tracks.size()), 130);
    QCOMPARE(result.paging.total, 130);
    QCOMPARE(result.skipped(), 0);
    for (int i = 0; i < 130; ++i)
        QCOMPARE(result.tracks[size_t(i)].id, FakeSpotifyApi::syntheticTrackId(i));

    const auto requests = m_api->requestsTo(QStringLiteral("/v1/playlists/"));
    QCOMPARE(requests.size(), 3);
    QSet<QString> offsets;
    for (const auto &request : requests) {
        QCOMPARE(request.path, QStringLiteral("/v1/playlists/%1/items").arg(kBig));
        QCOMPARE(request.query.queryItemValue(QStringLiteral("limit")), QStringLiteral("50"));
        const QString fields = request.query.queryItemValue(QStringLiteral("fields"), QUrl::FullyDecoded);
        for (const char *field : {"next", "total", "offset", "limit", "item(", "track("})
            QVERIFY2(fields.contains(QLatin1String(field)), field);
        offsets.insert(request.query.queryItemValue(QStringLiteral("offset")));
    }
    QCOMPARE(requests.first().query.queryItemValue(QStringLiteral("offset")), QStringLiteral("0"));
    QCOMPARE(offsets, (QSet<QString>{QStringLiteral("0"), QStringLiteral("50"), QStringLiteral("100")}));
    QCOMPARE(m_api->maxInFlight(), 2);  // pages 2 and 3 together, after page 1 alone
    QCOMPARE(progress.size(), 3);
    QCOMPARE(progress.first().at(0).toInt(), 50);
    QCOMPARE(progress.last().at(0).toInt(), 130);
    QCOMPARE(progress.last().at(1).toInt(), 130);
}

void TestSpotifyClient::skippedEntriesAreCounted()
{
    SpotifyPlaylistTracksJob *job = m_client->playlistTracks(FakeSpotifyApi::mixedPlaylistId());
    QVERIFY(wait(job));
    QVERIFY2(!job->error(), qPrintable(why(job)));
    const SpotifyItemsPage &result = job->result();
    QCOMPARE(result.paging.total, 6);
    QCOMPARE(int(result.tracks.size()), 2);
    QCOMPARE(result.episodes, 2);
    QCOMPARE(result.localFiles, 1);
    QCOMPARE(result.nullEntries, 1);
}

// ---- retries ---------------------------------------------------------------------------------

void TestSpotifyClient::unauthorisedRefreshesOnceThenSucceeds()
{
    const std::optional<TokenSet> tokens = signIn();
    QVERIFY(tokens.has_value());
    m_session->setTokens(*tokens);
    // Tokens from the accounts fake are good, except the first access token, which "expired".
    FakeSpotifyAccounts *accounts = m_accounts.get();
    const QString expired = tokens->accessToken;
    m_api->setTokenValidator([accounts, expired](const QString &token) {
        return token != expired && accounts->issuedSecrets().contains(token);
    });
    QSignalSpy changed(m_session.get(), &SpotifySession::tokensChanged);

    SpotifyUserJob *job = m_client->currentUser();
    QVERIFY(wait(job));
    QVERIFY2(!job->error(), qPrintable(why(job)));
    QCOMPARE(job->user().id, FakeSpotifyApi::userId());
    QCOMPARE(m_accounts->tokenRequests(QStringLiteral("refresh_token")).size(), 1);
    QCOMPARE(changed.size(), 1);
    QVERIFY(m_session->tokens().refreshToken != tokens->refreshToken);  // rotated
    const auto requests = m_api->requestsTo(QStringLiteral("/v1/me"));
    QCOMPARE(requests.size(), 2);
    QCOMPARE(requests.at(0).bearer(), expired);
    QCOMPARE(requests.at(1).bearer(), m_session->accessToken());
}

void TestSpotifyClient::unauthorisedTwiceFails()
{
    const std::optional<TokenSet> tokens = signIn();
    QVERIFY(tokens.has_value());
    m_session->setTokens(*tokens);
    FakeSpotifyAccounts *accounts = m_accounts.get();
    m_api->setTokenValidator([accounts](const QString &token) { return accounts->issuedSecrets().contains(token); });
    m_api->failRequests(401, 2);

    SpotifyUserJob *job = m_client->currentUser();
    QVERIFY(wait(job));
    QVERIFY(job->error().has_value());
    QCOMPARE(job->error()->kind, ErrorKind::Auth);
    QCOMPARE(m_accounts->tokenRequests(QStringLiteral("refresh_token")).size(), 1);
    QCOMPARE(m_api->requestsTo(QStringLiteral("/v1/me")).size(), 2);
}

void TestSpotifyClient::unauthorisedWithoutRefreshTokenFails()
{
    m_api->failRequests(401, 1);
    SpotifyUserJob *job = m_client->currentUser();
    QVERIFY(wait(job));
    QVERIFY(job->error().has_value());
    QCOMPARE(job->error()->kind, ErrorKind::Auth);
    QCOMPARE(m_api->requestsTo(QStringLiteral("/v1/me")).size(), 1);
}

void TestSpotifyClient::rateLimitWaitsForRetryAfter()
{
    m_api->failRequests(429, 1, QStringLiteral("/v1/me"), 1);
    QElapsedTimer timer;
    timer.start();
    SpotifyUserJob *job = m_client->currentUser();
    QVERIFY(wait(job));
    QVERIFY2(!job->error(), qPrintable(why(job)));
    QVERIFY(timer.elapsed() >= 900);
    QCOMPARE(m_api->requestsTo(QStringLiteral("/v1/me")).size(), 2);
}

void TestSpotifyClient::quotaExceededIsNotRetried()
{
    m_api->failRequests(429, 1, {}, 1, QStringLiteral("QUOTA_EXCEEDED"));
    SpotifyUserJob *job = m_client->currentUser();
    QVERIFY(wait(job));
    QVERIFY(job->error().has_value());
    QCOMPARE(job->error()->kind, ErrorKind::Quota);
    QVERIFY(job->error()->message.contains(QLatin1String("quota")));
    QCOMPARE(m_api->requests().size(), 1);
}

void TestSpotifyClient::serverErrorIsRetried()
{
    m_api->failRequests(500, 1);
    SpotifyPlaylistsJob *job = m_client->allPlaylists();
    QVERIFY(wait(job));
    QVERIFY2(!job->error(), qPrintable(why(job)));
    QCOMPARE(int(job->result().playlists.size()), 8);
    QCOMPARE(m_api->requests().size(), 2);
}

void TestSpotifyClient::persistentServerErrorGivesUp()
{
    m_api->failRequests(503, 100);
    SpotifyUserJob *job = m_client->currentUser();
    QVERIFY(wait(job));
    QVERIFY(job->error().has_value());
    QCOMPARE(job->error()->kind, ErrorKind::Unavailable);
    QCOMPARE(m_api->requests().size(), 4);  // the first try and 3 retries
}

void TestSpotifyClient::slowAnswerTimesOut()
{
    SpotifyClientOptions options = m_client->options();
    options.transferTimeout = std::chrono::milliseconds(150);
    options.maxRetries = 1;
    m_client->setOptions(options);
    m_api->setLatency(std::chrono::milliseconds(1500));
    SpotifyUserJob *job = m_client->currentUser();
    QVERIFY(wait(job));
    QVERIFY(job->error().has_value());
    QCOMPARE(job->error()->kind, ErrorKind::Network);
    QCOMPARE(m_api->requests().size(), 2);
}

void TestSpotifyClient::malformedBodyIsAskedAgain()
{
    // Once: a proxy's page in place of the answer is retried like a server's failure.
    m_api->malformRequests(1);
    SpotifyPlaylistTracksJob *job = m_client->playlistTracks(FakeSpotifyApi::mixedPlaylistId());
    QVERIFY(wait(job));
    QVERIFY2(!job->error(), qPrintable(why(job)));
    QCOMPARE(m_api->requestsTo(QStringLiteral("/v1/playlists/")).size(), 2);
    QVERIFY(!job->result().tracks.empty());

    // Every time: past the retries, one sentence.
    m_api->malformRequests(10);
    job = m_client->playlistTracks(FakeSpotifyApi::mixedPlaylistId());
    QVERIFY(wait(job));
    QVERIFY(job->error().has_value());
    QCOMPARE(job->error()->kind, ErrorKind::Api);
    QVERIFY2(why(job).contains(QStringLiteral("cannot read")), qPrintable(why(job)));
}

void TestSpotifyClient::unreadablePlaylists_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<ErrorKind>("kind");
    QTest::addColumn<QString>("message");
    QTest::newRow("not owned: 403") << FakeSpotifyApi::foreignPlaylistId() << ErrorKind::Api
                                    << playlistNotReadableReason();
    QTest::newRow("editorial: 404") << FakeSpotifyApi::editorialPlaylistId() << ErrorKind::NotFound
                                    << QStringLiteral("Spotify could not find this playlist; its own editorial "
                                                      "and personalised playlists cannot be read by apps.");
    QTest::newRow("not an id") << QStringLiteral("../me") << ErrorKind::NotFound
                               << QStringLiteral("\"../me\" is not a Spotify playlist ID.");
}

void TestSpotifyClient::unreadablePlaylists()
{
    QFETCH(QString, id);
    QFETCH(ErrorKind, kind);
    QFETCH(QString, message);
    SpotifyPlaylistTracksJob *job = m_client->playlistTracks(id);
    QVERIFY(wait(job));
    QVERIFY(job->error().has_value());
    QCOMPARE(job->error()->kind, kind);
    QCOMPARE(job->error()->message, message);
    QVERIFY(m_api->requests().size() <= 1);
}

void TestSpotifyClient::cancelStopsFurtherRequests()
{
    m_api->addSyntheticPlaylist(kBig, 1000);  // 20 pages
    m_api->setLatency(std::chrono::milliseconds(80));
    SpotifyPlaylistTracksJob *job = m_client->playlistTracks(kBig);
    QSignalSpy finished(job, &SpotifyJob::finished);
    connect(job, &SpotifyJob::progress, job, [job](int done, int) {
        if (done >= 100)
            job->cancel();
    });
    QVERIFY(wait(job));
    QVERIFY(job->error().has_value());
    QCOMPARE(job->error()->kind, ErrorKind::Cancelled);
    const qsizetype sent = m_api->requests().size();
    QVERIFY2(sent <= 6, qPrintable(QString::number(sent)));  // page 1, then at most 4 + 1
    QTest::qWait(300);                                       // longer than the fake's latency: nothing else arrives
    QCOMPARE(m_api->requests().size(), sent);
    QCOMPARE(finished.size(), 1);
}

void TestSpotifyClient::foreignNextLinkIsRefused()
{
    m_api->setMaxPageSize(3);
    QUrl elsewhere = m_api->baseUrl();
    elsewhere.setHost(QStringLiteral("127.0.0.2"));
    m_api->setNextBase(elsewhere);
    SpotifyPlaylistsJob *job = m_client->allPlaylists();
    QVERIFY(wait(job));
    QVERIFY(job->error().has_value());
    QCOMPARE(job->error()->kind, ErrorKind::Api);
    QCOMPARE(m_api->requests().size(), 1);

    QVERIFY(m_client->isBelowApiBase(QUrl(m_api->baseUrl().toString() + QStringLiteral("/me/playlists"))));
    QVERIFY(!m_client->isBelowApiBase(QUrl(QStringLiteral("https://evil.example/v1/me/playlists"))));
    QUrl otherPort = m_api->baseUrl();
    otherPort.setPort(m_api->port() + 1);
    QVERIFY(!m_client->isBelowApiBase(QUrl(otherPort.toString() + QStringLiteral("/me"))));
    QUrl otherPath = m_api->baseUrl();
    otherPath.setPath(QStringLiteral("/v2/me"));
    QVERIFY(!m_client->isBelowApiBase(otherPath));
}

void TestSpotifyClient::fakeRefusesOldTracksPathAndLargeLimits()
{
    auto status = [this](const QString &path) {
        QNetworkRequest request(QUrl(m_api->baseUrl().toString() + path));
        request.setRawHeader("Authorization", "Bearer " + kToken.toUtf8());
        QNetworkReply *reply = m_network->get(request);
        (void)QTest::qWaitFor([reply] { return reply->isFinished(); }, 5000);
        reply->deleteLater();
        return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    };
    const QString mixed = FakeSpotifyApi::mixedPlaylistId();
    QCOMPARE(status(QStringLiteral("/playlists/%1/tracks").arg(mixed)), 403);
    QCOMPARE(status(QStringLiteral("/playlists/%1/items?limit=51").arg(mixed)), 400);
    QCOMPARE(status(QStringLiteral("/me/playlists?limit=100")), 400);
    QCOMPARE(status(QStringLiteral("/playlists/%1/items?limit=50").arg(mixed)), 200);
}

// The fake applies `fields` as Spotify does, so every test that reads items through the client
// also proves that the client asks for everything its parser reads.
void TestSpotifyClient::fieldsTrimTheItemsPage()
{
    auto get = [this](const QString &fields) {
        QUrl url(m_api->baseUrl().toString()
                 + QStringLiteral("/playlists/%1/items").arg(FakeSpotifyApi::mixedPlaylistId()));
        url.setQuery(QUrlQuery{{QStringLiteral("fields"), fields}});
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", "Bearer " + kToken.toUtf8());
        std::unique_ptr<QNetworkReply> reply(m_network->get(request));
        (void)QTest::qWaitFor([&reply] { return reply->isFinished(); }, 5000);
        return std::pair(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                         QJsonDocument::fromJson(reply->readAll()).object());
    };
    const auto [status, page] = get(QStringLiteral("total,items(track(name,artists(name)))"));
    QCOMPARE(status, 200);
    QCOMPARE(page.keys(), (QStringList{QStringLiteral("items"), QStringLiteral("total")}));
    const QStringList kept{QStringLiteral("artists"), QStringLiteral("name")};
    int withArtists = 0;
    for (const QJsonValue &item : page.value(QStringLiteral("items")).toArray()) {
        const QJsonObject entry = item.toObject();
        QVERIFY(entry.keys() == QStringList{QStringLiteral("track")} || entry.isEmpty());
        const QJsonObject track = entry.value(QStringLiteral("track")).toObject();
        for (const QString &key : track.keys())
            QVERIFY2(kept.contains(key), qPrintable(key));
        for (const QJsonValue &artist : track.value(QStringLiteral("artists")).toArray()) {
            QCOMPARE(artist.toObject().keys(), QStringList{QStringLiteral("name")});
            ++withArtists;
        }
    }
    QVERIFY(withArtists > 0);

    QCOMPARE(get(QStringLiteral("items(track(name)")).first, 400);
    QCOMPARE(get(QStringLiteral("items,,total")).first, 400);
}

// ---- writing ---------------------------------------------------------------------------------

QStringList TestSpotifyClient::songUris(int count, int first)
{
    QStringList uris;
    for (int i = first; i < first + count; ++i) {
        const QJsonObject entry = FakeSpotifyApi::syntheticTrackEntry(i);
        m_api->addKnownTrack(entry.value(QStringLiteral("track")).toObject());
        uris.append(QStringLiteral("spotify:track:") + FakeSpotifyApi::syntheticTrackId(i));
    }
    return uris;
}

SpotifyPlaylistSave TestSpotifyClient::runSave(const SpotifyPlaylistSave &save, std::optional<Error> *error)
{
    SpotifySaveJob *job = m_client->savePlaylist(save);
    if (!wait(job, 20000))
        qWarning("the save did not finish");
    if (error)
        *error = job->error();
    else if (job->error())
        qWarning("the save failed: %s", qPrintable(job->error()->message));
    return job->state();
}

QStringList TestSpotifyClient::playlistsNamed(const QString &name)
{
    QStringList ids;
    QNetworkRequest request(endpoints().apiUrl(QStringLiteral("me/playlists?limit=50")));
    request.setRawHeader("Authorization", "Bearer " + kToken.toUtf8());
    std::unique_ptr<QNetworkReply> reply(m_network->get(request));
    (void)QTest::qWaitFor([&reply] { return reply->isFinished(); }, 5000);
    for (const QJsonValue &item : QJsonDocument::fromJson(reply->readAll()).object().value(u"items").toArray()) {
        if (item.toObject().value(u"name").toString() == name)
            ids.append(item.toObject().value(u"id").toString());
    }
    return ids;
}

void TestSpotifyClient::saveMakesAPlaylistOfTheSongsInOrder_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<FakeSpotifyApi::Shape>("shape");
    QTest::newRow("one song") << 1 << FakeSpotifyApi::Shape::Current;
    QTest::newRow("exactly one batch") << 100 << FakeSpotifyApi::Shape::Current;
    QTest::newRow("one more than a batch") << 101 << FakeSpotifyApi::Shape::Current;
    QTest::newRow("three batches, before 2026") << 250 << FakeSpotifyApi::Shape::Before2026;
}

void TestSpotifyClient::saveMakesAPlaylistOfTheSongsInOrder()
{
    QFETCH(int, count);
    QFETCH(FakeSpotifyApi::Shape, shape);
    m_api->setShape(shape);
    SpotifyPlaylistSave save;
    save.name = QStringLiteral("Encore: like “Song 0”");
    save.description = QStringLiteral("Made by Encore (hybrid) from Song 0.");
    save.uris = songUris(count);
    std::reverse(save.uris.begin(), save.uris.end());  // an order the fake would not make up

    SpotifySaveJob *job = m_client->savePlaylist(save);
    QSignalSpy progress(job, &SpotifyJob::progress);
    QVERIFY(wait(job));
    QVERIFY2(!job->error(), qPrintable(why(job)));
    const SpotifyPlaylistSave &done = job->state();
    QVERIFY(done.isComplete());
    QVERIFY(done.createdHere);
    QCOMPARE(done.playlist.name, save.name);
    QCOMPARE(done.playlist.isPublic, std::optional<bool>(false));
    QCOMPARE(m_api->playlistUris(done.playlistId), save.uris);
    const int batches = (count + 99) / 100;
    QCOMPARE(done.snapshotIds.size(), batches);
    QCOMPARE(done.snapshotIds.last(), m_api->playlistObject(done.playlistId).value(u"snapshot_id").toString());
    QCOMPARE(progress.last().at(0).toInt(), count);

    const auto creates = m_api->requestsTo(QStringLiteral("/v1/me/playlists"));
    QCOMPARE(creates.size(), 1);
    QCOMPARE(creates.first().method, QByteArray("POST"));
    const QJsonObject body = QJsonDocument::fromJson(creates.first().body).object();
    QCOMPARE(body.value(u"name").toString(), save.name);
    QCOMPARE(body.value(u"description").toString(), save.description);
    QCOMPARE(body.value(u"public"), QJsonValue(false));
    const auto adds = m_api->requestsTo(QStringLiteral("/v1/playlists/") + done.playlistId + QStringLiteral("/items"));
    QCOMPARE(adds.size(), batches);
    for (const auto &add : adds) {
        QCOMPARE(add.method, QByteArray("POST"));
        QVERIFY(QJsonDocument::fromJson(add.body).object().value(u"uris").toArray().size() <= 100);
    }
    QVERIFY(m_api->requestsTo(QStringLiteral("/v1/users")).isEmpty());
}

void TestSpotifyClient::saveAddsAfterWhatAPlaylistHolds_data()
{
    QTest::addColumn<QString>("playlistId");
    QTest::newRow("owned") << FakeSpotifyApi::mixedPlaylistId();
    QTest::newRow("collaborative") << FakeSpotifyApi::collaborativePlaylistId();
}

void TestSpotifyClient::saveAddsAfterWhatAPlaylistHolds()
{
    QFETCH(QString, playlistId);
    const QStringList before = m_api->playlistUris(playlistId);
    QVERIFY(!before.isEmpty());
    SpotifyPlaylistSave save;
    save.playlistId = playlistId;
    save.uris = songUris(120);
    const SpotifyPlaylistSave done = runSave(save);
    QVERIFY(done.isComplete());
    QVERIFY(!done.createdHere);
    QCOMPARE(done.totalBefore, int(before.size()));
    QCOMPARE(m_api->playlistUris(playlistId), before + save.uris);
    QVERIFY(m_api->requestsTo(QStringLiteral("/v1/me/playlists")).isEmpty());
}

void TestSpotifyClient::saveIsRefusedForAForeignPlaylist()
{
    SpotifyPlaylistSave save;
    save.playlistId = FakeSpotifyApi::foreignPlaylistId();
    save.uris = songUris(3);
    const QStringList before = m_api->playlistUris(save.playlistId);
    std::optional<Error> error;
    const SpotifyPlaylistSave done = runSave(save, &error);
    QVERIFY(error.has_value());
    QCOMPARE(error->kind, ErrorKind::Api);
    QVERIFY2(error->message.contains(QLatin1String("own")), qPrintable(error->message));
    QCOMPARE(done.added, 0);
    QCOMPARE(m_api->playlistUris(save.playlistId), before);
}

void TestSpotifyClient::saveWaitsOutARateLimit()
{
    SpotifyPlaylistSave save;
    save.name = QStringLiteral("Rate limited");
    save.uris = songUris(150);
    QElapsedTimer timer;
    timer.start();
    SpotifySaveJob *job = m_client->savePlaylist(save);
    connect(job, &SpotifyJob::progress, this, [this](int done, int) {
        if (done == 100)  // the second add is turned away once
            m_api->failRequests(429, 1, QStringLiteral("POST /v1/playlists/"), 1);
    });
    QVERIFY(wait(job, 20000));
    QVERIFY2(!job->error(), qPrintable(why(job)));
    QVERIFY(timer.elapsed() >= 900);
    QCOMPARE(m_api->playlistUris(job->state().playlistId), save.uris);
    QCOMPARE(m_api->requestsTo(QStringLiteral("/v1/playlists/") + job->state().playlistId).size(), 3);
}

void TestSpotifyClient::saveStoppedByTheQuotaContinuesWhereItStopped()
{
    SpotifyPlaylistSave save;
    save.name = QStringLiteral("Quota");
    save.uris = songUris(230);
    SpotifySaveJob *job = m_client->savePlaylist(save);
    connect(job, &SpotifyJob::progress, this, [this](int done, int) {
        if (done == 100)
            m_api->failRequests(429, 1, QStringLiteral("POST /v1/playlists/"), 1, QStringLiteral("QUOTA_EXCEEDED"));
    });
    QVERIFY(wait(job));
    QVERIFY(job->error().has_value());
    QCOMPARE(job->error()->kind, ErrorKind::Quota);
    QVERIFY(job->error()->message.contains(QLatin1String("daily")));
    const SpotifyPlaylistSave stopped = job->state();
    QCOMPARE(stopped.added, 100);
    QVERIFY(!stopped.uncertain);
    QCOMPARE(m_api->playlistUris(stopped.playlistId), save.uris.mid(0, 100));

    const SpotifyPlaylistSave done = runSave(stopped);  // Retry
    QVERIFY(done.isComplete());
    QCOMPARE(done.playlistId, stopped.playlistId);
    QCOMPARE(m_api->playlistUris(done.playlistId), save.uris);
    QCOMPARE(playlistsNamed(save.name).size(), 1);
}

void TestSpotifyClient::saveSettlesAnUnclearAnswerWithoutDoubling()
{
    SpotifyPlaylistSave save;
    save.name = QStringLiteral("Unclear");
    save.uris = songUris(180);
    m_api->failRequestsAfterApplying(502, 1, QStringLiteral("POST /v1/playlists/"));
    const SpotifyPlaylistSave done = runSave(save);
    QVERIFY(done.isComplete());
    QCOMPARE(m_api->playlistUris(done.playlistId), save.uris);
    const auto reads = m_api->requestsTo(QStringLiteral("/v1/playlists/") + done.playlistId + QStringLiteral("/items"));
    QCOMPARE(std::count_if(reads.begin(), reads.end(), [](const auto &r) { return r.method == "GET"; }), 1);
}

void TestSpotifyClient::saveLeftUnclearIsSettledByTheNextJob()
{
    SpotifyPlaylistSave save;
    save.name = QStringLiteral("Unclear twice");
    save.uris = songUris(250);
    // The first batch lands without an answer, then every read that would settle it fails too
    // (the first try and three retries).
    m_api->failRequestsAfterApplying(502, 1, QStringLiteral("POST /v1/playlists/"));
    m_api->failRequests(503, 4, QStringLiteral("GET /v1/playlists/"));
    std::optional<Error> error;
    const SpotifyPlaylistSave stopped = runSave(save, &error);
    QVERIFY(error.has_value());
    QCOMPARE(error->kind, ErrorKind::Unavailable);
    QVERIFY(stopped.uncertain);
    QCOMPARE(stopped.added, 0);
    QCOMPARE(m_api->playlistUris(stopped.playlistId).size(), 100);  // it did land

    const SpotifyPlaylistSave done = runSave(stopped);  // Retry
    QVERIFY(done.isComplete());
    QCOMPARE(m_api->playlistUris(done.playlistId), save.uris);
    QCOMPARE(playlistsNamed(save.name).size(), 1);
}

void TestSpotifyClient::saveAdoptsAPlaylistMadeWithoutAClearAnswer()
{
    SpotifyPlaylistSave save;
    save.name = QStringLiteral("Made in the dark");
    save.uris = songUris(5);
    m_api->failRequestsAfterApplying(500, 1, QStringLiteral("POST /v1/me/playlists"));
    const SpotifyPlaylistSave done = runSave(save);
    QVERIFY(done.isComplete());
    QCOMPARE(playlistsNamed(save.name), QStringList{done.playlistId});
    QCOMPARE(m_api->playlistUris(done.playlistId), save.uris);
}

void TestSpotifyClient::saveRefreshesOnceOn401()
{
    const std::optional<TokenSet> tokens = signIn();
    QVERIFY(tokens.has_value());
    m_session->setTokens(*tokens);
    FakeSpotifyAccounts *accounts = m_accounts.get();
    const QString expired = tokens->accessToken;
    m_api->setTokenValidator([accounts, expired](const QString &token) {
        return token != expired && accounts->issuedSecrets().contains(token);
    });
    SpotifyPlaylistSave save;
    save.name = QStringLiteral("After a refresh");
    save.uris = songUris(3);
    const SpotifyPlaylistSave done = runSave(save);
    QVERIFY(done.isComplete());
    QCOMPARE(m_accounts->tokenRequests(QStringLiteral("refresh_token")).size(), 1);
    const auto creates = m_api->requestsTo(QStringLiteral("/v1/me/playlists"));
    QCOMPARE(creates.size(), 2);
    QCOMPARE(creates.at(0).bearer(), expired);
    QCOMPARE(creates.at(1).bearer(), m_session->accessToken());
    QCOMPARE(m_api->playlistUris(done.playlistId), save.uris);
}

void TestSpotifyClient::saveWithoutModifyScopeSaysSignInAgain()
{
    m_api->setScopeLookup([](const QString &) { return QStringLiteral("playlist-read-private"); });
    SpotifyPlaylistSave save;
    save.name = QStringLiteral("Not allowed");
    save.uris = songUris(2);
    std::optional<Error> error;
    const SpotifyPlaylistSave done = runSave(save, &error);
    QVERIFY(error.has_value());
    QCOMPARE(error->kind, ErrorKind::Auth);
    QVERIFY2(error->message.contains(QLatin1String("sign in again")), qPrintable(error->message));
    QVERIFY(done.playlistId.isEmpty());
}

void TestSpotifyClient::fakeRefusesOldWritePathsAndLargeBatches()
{
    auto post = [this](const QString &path, const QJsonObject &body) {
        QNetworkRequest request(endpoints().apiUrl(path));
        request.setRawHeader("Authorization", "Bearer " + kToken.toUtf8());
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        std::unique_ptr<QNetworkReply> reply(m_network->post(request, QJsonDocument(body).toJson()));
        (void)QTest::qWaitFor([&reply] { return reply->isFinished(); }, 5000);
        return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    };
    const QJsonObject named{{QStringLiteral("name"), QStringLiteral("x")}};
    QCOMPARE(post(QStringLiteral("users/%1/playlists").arg(FakeSpotifyApi::userId()), named), 403);
    const QString owned = FakeSpotifyApi::mixedPlaylistId();
    const QJsonObject one{{QStringLiteral("uris"), QJsonArray::fromStringList(songUris(1))}};
    QCOMPARE(post(QStringLiteral("playlists/%1/tracks").arg(owned), one), 403);
    const QJsonObject tooMany{{QStringLiteral("uris"), QJsonArray::fromStringList(songUris(101))}};
    QCOMPARE(post(QStringLiteral("playlists/%1/items").arg(owned), tooMany), 400);
    QCOMPARE(post(QStringLiteral("playlists/%1/items").arg(owned), one), 201);
}

void TestSpotifyClient::lookUpFindsTracksByIsrcThenTitle()
{
    songUris(12);  // the fake knows Song 0 .. Song 11
    Track byIsrc;
    byIsrc.name = QStringLiteral("Another title");
    byIsrc.isrc = QStringLiteral("QZ0000000003");
    Track staleIsrc;  // Spotify does not know this ISRC: the title and artist find it
    staleIsrc.name = QStringLiteral("song 5");
    staleIsrc.artists = {QStringLiteral("Artist 5")};
    staleIsrc.isrc = QStringLiteral("XX0000000000");
    Track wrongArtist;
    wrongArtist.name = QStringLiteral("Song 6");
    wrongArtist.artists = {QStringLiteral("Somebody Else")};
    Track byTitle;
    byTitle.name = QStringLiteral("Song 11");
    byTitle.artists = {QStringLiteral("Artist \"4\"")};

    SpotifyTrackLookupJob *job = m_client->lookUpTracks({byIsrc, staleIsrc, wrongArtist, byTitle});
    QVERIFY(wait(job));
    QVERIFY2(!job->error(), qPrintable(why(job)));
    const auto &found = job->result();
    QCOMPARE(int(found.size()), 4);
    QVERIFY(found[0].has_value());
    QCOMPARE(found[0]->id, FakeSpotifyApi::syntheticTrackId(3));
    QVERIFY(found[1].has_value());
    QCOMPARE(found[1]->id, FakeSpotifyApi::syntheticTrackId(5));
    QVERIFY(!found[2].has_value());
    QVERIFY(found[3].has_value());
    QCOMPARE(found[3]->id, FakeSpotifyApi::syntheticTrackId(11));

    const auto searches = m_api->requestsTo(QStringLiteral("/v1/search"));
    QCOMPARE(searches.size(), 5);  // the stale ISRC costs a second search
    QCOMPARE(searches.at(0).query.queryItemValue(QStringLiteral("q"), QUrl::FullyDecoded),
             QStringLiteral("isrc:QZ0000000003"));
    QCOMPARE(searches.at(2).query.queryItemValue(QStringLiteral("q"), QUrl::FullyDecoded),
             QStringLiteral("track:\"song 5\" artist:\"Artist 5\""));
    for (const auto &search : searches) {
        QCOMPARE(search.query.queryItemValue(QStringLiteral("type")), QStringLiteral("track"));
        QVERIFY(search.query.queryItemValue(QStringLiteral("limit")).toInt() <= 10);
    }
}

QTEST_GUILESS_MAIN(TestSpotifyClient)
#include "tst_spotifyclient.moc"
