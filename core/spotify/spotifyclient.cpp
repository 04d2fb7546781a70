#include "spotify/spotifyclient.h"

#include "spotify/spotifyauth.h"
#include "spotify/spotifysave.h"
#include "spotify/spotifytracklookup.h"
#include "util/logging.h"
#include "util/retrypolicy.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>
#include <utility>

namespace encore {

namespace {

// Beyond this many pages a paged list is taken to be looping.
constexpr int kMaxPages = 2000;

Error foreignLinkError()
{
    return {ErrorKind::Api,
            QCoreApplication::translate("encore::spotifyclient",
                                        "Spotify sent a paging link outside its API address; "
                                        "Encore did not follow it.")};
}

Error timeoutError()
{
    return {ErrorKind::Network,
            QCoreApplication::translate("encore::spotifyclient",
                                        "Spotify did not answer in time; check your internet "
                                        "connection and try again.")};
}

Error unreadableError()
{
    return {ErrorKind::Api,
            QCoreApplication::translate("encore::spotifyclient",
                                        "Spotify sent an answer Encore cannot read; "
                                        "try again later.")};
}

bool isValidPlaylistId(const QString &id)
{
    static const QRegularExpression pattern(QStringLiteral("^[0-9A-Za-z]{1,64}$"));
    return pattern.match(id).hasMatch();
}

}  // namespace

// ---- SpotifyJob ------------------------------------------------------------------------------

struct SpotifyJob::Request {
    QUrl url;
    QByteArray postBody;  // JSON; empty for a GET
    bool isPost = false;
    Callback done;
    QPointer<QNetworkReply> reply;
    QTimer *timer = nullptr;  // a pending retry
    QString tokenUsed;        // the access token the last attempt carried
    int retries = 0;          // for 5xx, 429, timeouts and network errors
    bool refreshed = false;   // a 401 has been answered with a refresh already
    QMetaObject::Connection onTokens;
    QMetaObject::Connection onRefreshFailed;

    void disconnectSession()
    {
        QObject::disconnect(onTokens);
        QObject::disconnect(onRefreshFailed);
    }
};

SpotifyJob::SpotifyJob(SpotifyClient &client) : QObject(&client), m_client(client) {}

SpotifyJob::~SpotifyJob()
{
    abortAll();
}

void SpotifyJob::cancel()
{
    if (m_finished)
        return;
    qCDebug(lcSpotify) << "request cancelled";
    finish(Error{ErrorKind::Cancelled,
                 QCoreApplication::translate("encore::spotifyclient", "The Spotify request was cancelled.")});
}

void SpotifyJob::finish(std::optional<Error> error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = std::move(error);
    abortAll();
    if (m_error)
        qCDebug(lcSpotify) << "request failed:" << errorKindName(m_error->kind) << m_error->message;
    emit finished();
}

void SpotifyJob::abortAll()
{
    const QList<Request *> requests = std::exchange(m_requests, {});
    for (Request *request : requests) {
        request->disconnectSession();
        if (QNetworkReply *reply = request->reply) {
            disconnect(reply, nullptr, this, nullptr);
            reply->abort();
            reply->deleteLater();
        }
        delete request->timer;
        delete request;
    }
}

void SpotifyJob::get(const QUrl &url, Callback done)
{
    if (m_finished)
        return;
    auto *request = new Request;
    request->url = url;
    request->done = std::move(done);
    m_requests.append(request);
    send(request);
}

void SpotifyJob::post(const QUrl &url, const QJsonObject &body, Callback done)
{
    if (m_finished)
        return;
    auto *request = new Request;
    request->url = url;
    request->postBody = QJsonDocument(body).toJson(QJsonDocument::Compact);
    request->isPost = true;
    request->done = std::move(done);
    m_requests.append(request);
    send(request);
}

void SpotifyJob::send(Request *request)
{
    QNetworkRequest networkRequest(request->url);
    request->tokenUsed = m_client.m_session.accessToken();
    networkRequest.setRawHeader("Authorization", "Bearer " + request->tokenUsed.toUtf8());
    networkRequest.setRawHeader("Accept", "application/json");
    networkRequest.setTransferTimeout(int(m_client.m_options.transferTimeout.count()));
    qCDebug(lcSpotify) << (request->isPost ? "POST" : "GET") << request->url.path();
    QNetworkReply *reply = nullptr;
    if (request->isPost) {
        networkRequest.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        reply = m_client.m_network.post(networkRequest, request->postBody);
    } else {
        reply = m_client.m_network.get(networkRequest);
    }
    request->reply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, request] { onReply(request); });
}

void SpotifyJob::onReply(Request *request)
{
    QNetworkReply *reply = request->reply;
    request->reply = nullptr;
    if (!reply)
        return;
    reply->deleteLater();
    const int answered = answeredStatus(*reply);
    const QByteArray body = answered != 0 ? reply->readAll() : QByteArray();
    // A GET's 2xx that is not JSON (a proxy's page, a garbled answer) is retried as a server's
    // failure; after a POST the caller decides, as the write may have landed.
    const bool unreadable = answered >= 200 && answered <= 299 && !request->isPost && !isJson(body);
    const int status = unreadable ? kUnreadableAnswerStatus : answered;
    if (status >= 200 && status <= 299)
        return complete(request, body, status);
    if (status == 401) {
        if (!request->refreshed)
            return refreshThenRetry(request);
        return complete(request, errorFromResponse(status, body), status);
    }
    const Error error = unreadable ? unreadableError()
        : status == 0 && reply->error() == QNetworkReply::OperationCanceledError
        ? timeoutError()  // our transfer timeout
        : errorFromResponse(status, body);
    if (error.kind == ErrorKind::Quota)  // the developer quota is spent: waiting will not help
        return complete(request, error, status);
    if (request->isPost && status != 429)  // it may have landed: the caller decides
        return complete(request, error, status);
    const SpotifyClientOptions &options = m_client.m_options;
    const RetryPolicy policy{options.backoffBase, options.maxRetries, options.maxRetryAfter};
    if (const auto delay = policy.delayBeforeRetry(request->retries, status, reply->rawHeader("Retry-After"))) {
        qCDebug(lcSpotify) << "HTTP" << status << "for" << request->url.path() << "; retrying in" << delay->count()
                           << "ms";
        return retryLater(request, *delay);
    }
    complete(request, error, status);
}

void SpotifyJob::retryLater(Request *request, std::chrono::milliseconds delay)
{
    ++request->retries;
    scheduleRetry(this, request->timer, delay, [this, request] { send(request); });
}

void SpotifyJob::refreshThenRetry(Request *request)
{
    request->refreshed = true;
    SpotifySession &session = m_client.m_session;
    // Another request's refresh may already have replaced the token this one carried.
    if (!session.isRefreshing() && !session.accessToken().isEmpty() && session.accessToken() != request->tokenUsed) {
        send(request);
        return;
    }
    request->onTokens = connect(&session, &SpotifySession::tokensChanged, this, [this, request] {
        request->disconnectSession();
        send(request);
    });
    request->onRefreshFailed =
        connect(&session, &SpotifySession::refreshFailed, this, [this, request](const Error &error) {
            request->disconnectSession();
            complete(request, error, 401);
        });
    qCDebug(lcSpotify) << "access token refused; refreshing";
    if (!session.isRefreshing())
        session.refreshNow();
}

void SpotifyJob::complete(Request *request, Result<QByteArray> body, int httpStatus)
{
    m_requests.removeOne(request);
    request->disconnectSession();
    Callback done = std::move(request->done);
    delete request->timer;
    delete request;
    done(std::move(body), httpStatus);
}

// ---- the operations --------------------------------------------------------------------------

SpotifyUserJob::SpotifyUserJob(SpotifyClient &client) : SpotifyJob(client) {}

void SpotifyUserJob::start()
{
    get(m_client.endpoints().apiUrl(QStringLiteral("me")), [this](Result<QByteArray> body, int) {
        if (!body)
            return finish(body.error());
        Result<SpotifyUser> user = parseCurrentUser(*body);
        if (!user)
            return finish(user.error());
        m_user = std::move(user).value();
        finish(std::nullopt);
    });
}

SpotifyPlaylistsJob::SpotifyPlaylistsJob(SpotifyClient &client) : SpotifyJob(client) {}

void SpotifyPlaylistsJob::start()
{
    fetch(m_client.endpoints().apiUrl(QStringLiteral("me/playlists?limit=%1").arg(SpotifyClient::kPageLimit)));
}

void SpotifyPlaylistsJob::fetch(const QUrl &url)
{
    get(url, [this](Result<QByteArray> body, int) {
        if (!body)
            return finish(body.error());
        Result<SpotifyPlaylistPage> page = parsePlaylistsPage(*body);
        if (!page)
            return finish(page.error());
        for (SpotifyPlaylist &playlist : page->playlists)
            m_result.playlists.push_back(std::move(playlist));
        m_result.skipped += page->skipped;
        m_result.paging.total = page->paging.total;
        m_result.paging.limit = page->paging.limit;
        emit progress(int(m_result.playlists.size()) + m_result.skipped, page->paging.total);
        if (isFinished())
            return;  // cancelled from a slot connected to progress
        if (!page->paging.hasNext())
            return finish(std::nullopt);
        if (!m_client.isBelowApiBase(page->paging.next))
            return finish(foreignLinkError());
        if (++m_pagesRead >= kMaxPages)
            return finish(Error{
                ErrorKind::Api,
                QCoreApplication::translate("encore::spotifyclient", "Spotify's list of playlists does not end.")});
        fetch(page->paging.next);
    });
}

SpotifyPlaylistTracksJob::SpotifyPlaylistTracksJob(SpotifyClient &client, QString playlistId)
    : SpotifyJob(client), m_playlistId(std::move(playlistId))
{}

QUrl SpotifyPlaylistTracksJob::pageUrl(int offset) const
{
    QUrl url = m_client.endpoints().apiUrl(QStringLiteral("playlists/%1/items").arg(m_playlistId));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QString::number(m_pageSize));
    query.addQueryItem(QStringLiteral("offset"), QString::number(offset));
    query.addQueryItem(QStringLiteral("fields"), SpotifyClient::playlistItemsFields());
    url.setQuery(query);
    return url;
}

void SpotifyPlaylistTracksJob::start()
{
    if (!isValidPlaylistId(m_playlistId)) {
        QTimer::singleShot(0, this, [this] {
            finish(
                Error{ErrorKind::NotFound, QStringLiteral("\"%1\" is not a Spotify playlist ID.").arg(m_playlistId)});
        });
        return;
    }
    m_pages.resize(1);
    get(pageUrl(0), [this](Result<QByteArray> body, int status) { onPage(0, std::move(body), status); });
}

void SpotifyPlaylistTracksJob::onPage(int index, Result<QByteArray> body, int httpStatus)
{
    if (isFinished())
        return;
    if (!body) {
        if (httpStatus == 403)
            return finish(Error{ErrorKind::Api, playlistNotReadableReason()});
        if (httpStatus == 404)
            return finish(Error{ErrorKind::NotFound,
                                QCoreApplication::translate("encore::spotifyclient",
                                                            "Spotify could not find this playlist; its own editorial "
                                                            "and personalised playlists cannot be read by apps.")});
        return finish(body.error());
    }
    Result<SpotifyItemsPage> parsed = parsePlaylistItemsPage(*body);
    if (!parsed)
        return finish(parsed.error());
    SpotifyItemsPage &page = *parsed;
    if (index == 0) {
        if (page.paging.hasNext() && !m_client.isBelowApiBase(page.paging.next))
            return finish(foreignLinkError());
        if (page.paging.limit > 0 && page.paging.limit < m_pageSize)
            m_pageSize = page.paging.limit;  // Spotify served smaller pages than asked for
        m_result.paging.total = std::max(0, page.paging.total);
        m_result.paging.limit = m_pageSize;
        const int pages = std::clamp((m_result.paging.total + m_pageSize - 1) / m_pageSize, 1, kMaxPages);
        m_pages.resize(size_t(pages));
    }
    m_read += int(page.tracks.size()) + page.skipped();
    m_pages[size_t(index)] = std::move(page);
    emit progress(m_read, m_result.paging.total);
    if (isFinished())
        return;  // cancelled from a slot connected to progress

    if (std::all_of(m_pages.begin(), m_pages.end(), [](const auto &p) { return p.has_value(); })) {
        assemble();
        return finish(std::nullopt);
    }
    launchMore();
}

void SpotifyPlaylistTracksJob::launchMore()
{
    const int concurrency = std::clamp(m_client.options().concurrency, 1, 6);
    while (outstanding() < concurrency && m_nextToLaunch < int(m_pages.size())) {
        const int index = m_nextToLaunch++;
        get(pageUrl(index * m_pageSize),
            [this, index](Result<QByteArray> body, int status) { onPage(index, std::move(body), status); });
    }
}

void SpotifyPlaylistTracksJob::assemble()
{
    for (std::optional<SpotifyItemsPage> &page : m_pages) {
        for (Track &track : page->tracks)
            m_result.tracks.push_back(std::move(track));
        m_result.albumCovers.insert(page->albumCovers);
        m_result.episodes += page->episodes;
        m_result.localFiles += page->localFiles;
        m_result.nullEntries += page->nullEntries;
        m_result.missingId += page->missingId;
        m_result.malformed += page->malformed;
    }
    m_pages.clear();
}

SpotifyAudioFeaturesJob::SpotifyAudioFeaturesJob(SpotifyClient &client, QStringList trackIds)
    : SpotifyJob(client), m_trackIds(std::move(trackIds))
{}

void SpotifyAudioFeaturesJob::start()
{
    if (m_trackIds.isEmpty() || m_trackIds.size() > kMaxIds) {
        QTimer::singleShot(0, this, [this] {
            finish(Error{ErrorKind::Api,
                         QCoreApplication::translate("encore::spotifyclient",
                                                     "Spotify gives the audio features of 1 to "
                                                     "%1 tracks at a time.")
                             .arg(kMaxIds)});
        });
        return;
    }
    QUrl url = m_client.endpoints().apiUrl(QStringLiteral("audio-features"));
    url.setQuery(QUrlQuery{{QStringLiteral("ids"), m_trackIds.join(u',')}});
    get(url, [this](Result<QByteArray> body, int httpStatus) {
        if (!body) {
            m_accessRefused = httpStatus == 403;
            if (m_accessRefused)
                m_client.m_audioFeaturesRefused = true;
            return finish(body.error());
        }
        Result<std::vector<std::optional<SpotifyAudioFeatures>>> parsed = parseAudioFeatures(*body);
        if (!parsed)
            return finish(parsed.error());
        for (std::optional<SpotifyAudioFeatures> &entry : *parsed) {
            if (entry)
                m_result.push_back(std::move(*entry));
        }
        finish(std::nullopt);
    });
}

// ---- SpotifyClient ---------------------------------------------------------------------------

SpotifyClient::SpotifyClient(QNetworkAccessManager &network, SpotifyEndpoints endpoints, SpotifySession &session,
                             QObject *parent)
    : QObject(parent), m_network(network), m_endpoints(std::move(endpoints)), m_session(session)
{}

void SpotifyClient::setOptions(const SpotifyClientOptions &options)
{
    m_options = options;
}

SpotifyUserJob *SpotifyClient::currentUser()
{
    auto *job = new SpotifyUserJob(*this);
    job->start();
    return job;
}

SpotifyPlaylistsJob *SpotifyClient::allPlaylists()
{
    auto *job = new SpotifyPlaylistsJob(*this);
    job->start();
    return job;
}

SpotifyPlaylistTracksJob *SpotifyClient::playlistTracks(const QString &playlistId)
{
    auto *job = new SpotifyPlaylistTracksJob(*this, playlistId);
    job->start();
    return job;
}

SpotifyAudioFeaturesJob *SpotifyClient::audioFeatures(const QStringList &trackIds)
{
    auto *job = new SpotifyAudioFeaturesJob(*this, trackIds);
    job->start();
    return job;
}

SpotifySaveJob *SpotifyClient::savePlaylist(const SpotifyPlaylistSave &save)
{
    auto *job = new SpotifySaveJob(*this, save);
    job->start();
    return job;
}

SpotifyTrackLookupJob *SpotifyClient::lookUpTracks(const std::vector<Track> &songs)
{
    auto *job = new SpotifyTrackLookupJob(*this, songs);
    job->start();
    return job;
}

QString SpotifyClient::playlistItemsFields()
{
    const QString track = QStringLiteral(
        "type,id,uri,name,is_local,duration_ms,popularity,preview_url,external_ids(isrc),artists(id,name),"
        "album(id,name,release_date,release_date_precision,images),show(id)");
    return QStringLiteral("next,total,offset,limit,items(is_local,item(%1),track(%1))").arg(track);
}

bool SpotifyClient::isBelowApiBase(const QUrl &url) const
{
    const QUrl &base = m_endpoints.api;
    if (!url.isValid() || url.scheme().compare(base.scheme(), Qt::CaseInsensitive) != 0
        || url.host().compare(base.host(), Qt::CaseInsensitive) != 0 || !url.userInfo().isEmpty())
        return false;
    const int defaultPort = base.scheme() == QLatin1String("https") ? 443 : 80;
    if (url.port(defaultPort) != base.port(defaultPort))
        return false;
    QString prefix = base.path();
    while (prefix.endsWith(QLatin1Char('/')))
        prefix.chop(1);
    prefix += QLatin1Char('/');
    const QString path = url.path();
    return path.startsWith(prefix) && !path.contains(QLatin1String("/../"));
}

}  // namespace encore
