#include "features/serviceclient.h"

#include "features/featureprovider.h"
#include "features/ratelimiter.h"
#include "util/retrypolicy.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QTimer>

#include <algorithm>
#include <utility>

namespace encore {

struct ServiceClient::Request {
    QUrl url;
    Callback done;
    QPointer<QNetworkReply> reply;
    QTimer *timer = nullptr;  // a pending retry
    int retries = 0;
    bool tooLarge = false;

    ~Request()
    {
        delete timer;
        if (reply) {
            QObject::disconnect(reply, nullptr, nullptr, nullptr);
            reply->abort();
            reply->deleteLater();
        }
    }
};

ServiceClient::ServiceClient(QNetworkAccessManager &network, QString serviceName, QObject *parent)
    : QObject(parent), m_network(network), m_serviceName(std::move(serviceName))
{}

ServiceClient::~ServiceClient()
{
    cancelAll();
}

void ServiceClient::get(const QUrl &url, Callback done)
{
    auto *request = new Request;
    request->url = url;
    request->done = std::move(done);
    m_queued.append(request);
    // Later, so the callback never runs inside get().
    QTimer::singleShot(0, this, &ServiceClient::pump);
}

void ServiceClient::cancelAll()
{
    qDeleteAll(std::exchange(m_queued, {}));
    qDeleteAll(std::exchange(m_active, {}));
}

void ServiceClient::pump()
{
    while (!m_queued.isEmpty() && m_active.size() < std::max(1, m_options.concurrency)) {
        Request *request = m_queued.takeFirst();
        m_active.append(request);
        sendWithinLimit(request);
    }
}

void ServiceClient::sendWithinLimit(Request *request)
{
    const std::chrono::milliseconds wait = rateLimiterFor(request->url).reserve();
    if (wait.count() == 0)
        return send(request);
    qCDebug(lcFeatures) << m_serviceName << "rate limit: waiting" << wait.count() << "ms";
    emit waitingForRateLimit(wait);
    scheduleRetry(this, request->timer, wait, [this, request] { send(request); });
}

void ServiceClient::send(Request *request)
{
    QNetworkRequest networkRequest(request->url);
    networkRequest.setTransferTimeout(int(m_options.transferTimeout.count()));
    networkRequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    QNetworkReply *reply = m_network.get(networkRequest);
    request->reply = reply;
    request->tooLarge = false;
    connect(reply, &QNetworkReply::downloadProgress, this, [this, request](qint64 received, qint64 total) {
        if (std::max(received, total) > m_options.maxBodyBytes && request->reply) {
            request->tooLarge = true;
            request->reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, this, [this, request] { onReply(request); });
}

void ServiceClient::onReply(Request *request)
{
    QNetworkReply *reply = request->reply;
    request->reply = nullptr;
    if (!reply)
        return;
    reply->deleteLater();
    if (request->tooLarge) {
        return complete(
            request,
            Error{ErrorKind::Api,
                  QCoreApplication::translate("encore::serviceclient", "%1 sent a larger answer than expected.")
                      .arg(m_serviceName)},
            0);
    }
    const int answered = answeredStatus(*reply);
    const bool success = answered >= 200 && answered <= 299;
    QByteArray body = success ? reply->readAll() : QByteArray();
    const bool unreadable = success && m_answersAreJson && !isJson(body);
    if (success && !unreadable)
        return complete(request, std::move(body), answered);
    const int status = unreadable ? kUnreadableAnswerStatus : answered;
    const RetryPolicy policy{m_options.backoffBase, m_options.maxRetries, m_options.maxRetryAfter};
    if (const auto delay = policy.delayBeforeRetry(request->retries, status, reply->rawHeader("Retry-After"))) {
        if (status == 429)
            qCDebug(lcFeatures) << m_serviceName << "rate limited; retrying in" << delay->count() << "ms";
        return retryLater(request, *delay);
    }
    if (unreadable) {
        return complete(
            request,
            Error{ErrorKind::Unavailable,
                  QCoreApplication::translate("encore::serviceclient", "%1 sent an answer Encore cannot read.")
                      .arg(m_serviceName)},
            answered);
    }
    if (status == 0) {
        // Our transfer timeout (reported as a cancelled operation) or a network failure.
        const bool timedOut = reply->error() == QNetworkReply::OperationCanceledError;
        return complete(request,
                        Error{ErrorKind::Network,
                              timedOut
                                  ? QCoreApplication::translate("encore::serviceclient", "%1 did not answer in time.")
                                        .arg(m_serviceName)
                                  : QCoreApplication::translate("encore::serviceclient", "%1 could not be reached.")
                                        .arg(m_serviceName)},
                        0);
    }
    if (status == 429) {
        return complete(
            request,
            Error{ErrorKind::Quota,
                  QCoreApplication::translate("encore::serviceclient", "%1 asks Encore to slow down; try again later.")
                      .arg(m_serviceName)},
            status);
    }
    complete(request,
             Error{status >= 500 ? ErrorKind::Unavailable : ErrorKind::Http,
                   QCoreApplication::translate("encore::serviceclient", "%1 answered with HTTP status %2.")
                       .arg(m_serviceName)
                       .arg(status)},
             status);
}

void ServiceClient::retryLater(Request *request, std::chrono::milliseconds delay)
{
    ++request->retries;
    scheduleRetry(this, request->timer, delay, [this, request] { sendWithinLimit(request); });
}

void ServiceClient::complete(Request *request, Result<QByteArray> body, int httpStatus)
{
    m_active.removeOne(request);
    Callback done = std::move(request->done);
    delete request;
    pump();
    done(std::move(body), httpStatus);
}

QUrl webUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    const bool web = url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http");
    return url.isValid() && web && !url.host().isEmpty() ? url : QUrl();
}

bool isUnreachable(const Error &error)
{
    return error.kind == ErrorKind::Network || error.kind == ErrorKind::Unavailable;
}

bool isRateLimited(const Error &error)
{
    return error.kind == ErrorKind::Quota;
}

namespace {

// "Deezer", "Deezer or iTunes", "A, B or C": the same words whichever failed first.
QString serviceNames(QStringList services)
{
    services.sort(Qt::CaseInsensitive);
    QString names = services.value(0);
    if (services.size() > 1)
        names = services.first(services.size() - 1).join(QStringLiteral(", "))
            + QCoreApplication::translate("encore::serviceclient", " or ") + services.last();
    return names;
}

}  // namespace

QString unansweredMessage(const QStringList &unreachable, QStringList limited)
{
    if (!unreachable.isEmpty())
        return cannotReachMessage(unreachable);
    const QString names = serviceNames(limited);
    return limited.size() == 1
        ? QCoreApplication::translate("encore::serviceclient", "%1 is limiting requests; try again in a few minutes.")
              .arg(names)
        : QCoreApplication::translate("encore::serviceclient", "%1 are limiting requests; try again in a few minutes.")
              .arg(names);
}

QString cannotReachMessage(QStringList services)
{
    return QCoreApplication::translate("encore::serviceclient", "Can't reach %1 — are you offline?")
        .arg(serviceNames(std::move(services)));
}

}  // namespace encore
