#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <chrono>
#include <functional>

class QNetworkAccessManager;

namespace encore {

// How ServiceClient treats a slow or failing service. The defaults suit the real services; tests
// make the waits small.
struct ServiceClientOptions {
    std::chrono::milliseconds transferTimeout = std::chrono::seconds(15);    // per request
    std::chrono::milliseconds backoffBase = std::chrono::milliseconds(500);  // doubles per retry
    int maxRetries = 2;                                             // for 429s, 5xx, timeouts and network errors
    std::chrono::seconds maxRetryAfter = std::chrono::seconds(30);  // a longer Retry-After fails
    int concurrency = 3;                                            // requests in flight at once; more wait their turn
    qint64 maxBodyBytes = 2 * 1024 * 1024;                          // a longer answer is refused
};

// Plain GETs to one keyless web service (ReccoBeats, Deezer, iTunes, preview files) with the rules
// every provider needs: bounded concurrency, the host's rate limit (shared with every other client
// of that host, see rateLimiterFor), a transfer timeout, Retry-After honoured on 429 up to a
// limit, bounded exponential backoff on 5xx, timeouts and network errors (a connection cut
// halfway included), and a cap on the size of an answer. A JSON service's 2xx whose body is not
// JSON (a proxy's page, a garbled answer) is no answer either: it is retried like a 5xx.
class ServiceClient : public QObject {
    Q_OBJECT
public:
    // `serviceName` ("ReccoBeats") names the service in error messages.
    ServiceClient(QNetworkAccessManager &network, QString serviceName, QObject *parent = nullptr);
    ~ServiceClient() override;

    void setOptions(const ServiceClientOptions &options) { m_options = options; }
    // Answers are files (previews, covers) rather than JSON.
    void setAnswersAreFiles() { m_answersAreJson = false; }
    const ServiceClientOptions &options() const { return m_options; }
    const QString &serviceName() const { return m_serviceName; }

    // `done` gets the body of a 2xx answer or why there is none, and the HTTP status (0 when
    // there was no answer). Called once, on this thread, after get() returns; never after
    // cancelAll() or the client's destruction.
    using Callback = std::function<void(Result<QByteArray> body, int httpStatus)>;
    void get(const QUrl &url, Callback done);
    // Drops every queued, running and waiting request without calling back.
    void cancelAll();

signals:
    // A request waits `wait` for the host's rate limit, so that whoever shows progress can say so.
    void waitingForRateLimit(std::chrono::milliseconds wait);

private:
    struct Request;
    void pump();
    void sendWithinLimit(Request *request);
    void send(Request *request);
    void onReply(Request *request);
    void retryLater(Request *request, std::chrono::milliseconds delay);
    void complete(Request *request, Result<QByteArray> body, int httpStatus);

    QNetworkAccessManager &m_network;
    QString m_serviceName;
    ServiceClientOptions m_options;
    bool m_answersAreJson = true;
    QList<Request *> m_queued;
    QList<Request *> m_active;  // sent, or waiting to be sent again
};

// `text` as an absolute http(s) address with a host (a preview, a cover), else an empty URL.
QUrl webUrl(const QString &text);

// Whether `error` says the service could not be reached (no network, host not found, refused,
// timeout, HTTP 5xx) rather than what it knows: such a failure must never be stored as an answer.
bool isUnreachable(const Error &error);
// Whether `error` says the service refused for its rate limit or quota, past the retries: not an
// answer either, and nothing to do with being offline.
bool isRateLimited(const Error &error);
// "Can't reach Deezer or iTunes — are you offline?" for the services named.
QString cannotReachMessage(QStringList services);
// Why services did not answer: the unreachable ones (cannotReachMessage), else those that asked
// Encore to slow down ("Deezer is limiting requests; try again in a few minutes.").
QString unansweredMessage(const QStringList &unreachable, QStringList limited);

}  // namespace encore
