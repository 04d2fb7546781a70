#include "fakespotifyaccounts.h"
#include "fakespotifyapi.h"
#include "spotify/spotifyauth.h"
#include "spotify/spotifyclient.h"
#include "spotify/spotifyendpoints.h"
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
    void malformedBodyIsParseError();
    void unreadablePlaylists_data();
    void unreadablePlaylists();
    void cancelStopsFurtherRequests();
    void foreignNextLinkIsRefused();
    void fakeRefusesOldTracksPathAndLargeLimits();
    void fieldsTrimTheItemsPage();

private:
    SpotifyEndpoints endpoints() const;
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
    environment.insert(QString::fromLatin1(SpotifyEndpoints::kAccountsVariable),
                       m_accounts->baseUrl().toString());
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
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                             QNetworkRequest::NoLessSafeRedirectPolicy);
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

void TestSpotifyClient::malformedBodyIsParseError()
{
    m_api->malformRequests(1);
    SpotifyPlaylistTracksJob *job = m_client->playlistTracks(FakeSpotifyApi::mixedPlaylistId());
    QVERIFY(wait(job));
    QVERIFY(job->error().has_value());
    QCOMPARE(job->error()->kind, ErrorKind::Parse);
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
    QTest::qWait(300);  // longer than the fake's latency: nothing else arrives
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

QTEST_GUILESS_MAIN(TestSpotifyClient)
#include "tst_spotifyclient.moc"
