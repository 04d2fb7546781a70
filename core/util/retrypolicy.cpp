#include "retrypolicy.h"

#include <QJsonDocument>
#include <QNetworkReply>
#include <QTimer>

#include <algorithm>

namespace encore {

std::optional<std::chrono::milliseconds> RetryPolicy::delayBeforeRetry(int retriesSoFar, int httpStatus,
                                                                       const QByteArray &retryAfter) const
{
    if (retriesSoFar >= maxRetries)
        return std::nullopt;
    const std::chrono::milliseconds backoff = backoffBase * (1 << std::clamp(retriesSoFar, 0, 16));
    if (httpStatus == 0 || (httpStatus >= 500 && httpStatus <= 599))
        return backoff;
    if (httpStatus != 429)
        return std::nullopt;
    bool ok = false;
    const qint64 seconds = retryAfter.trimmed().toLongLong(&ok);
    const std::chrono::milliseconds wait = ok && seconds >= 0 ? std::chrono::seconds(seconds) : backoff;
    if (wait > maxRetryAfter)
        return std::nullopt;
    return wait;
}

int answeredStatus(const QNetworkReply &reply)
{
    // QNetworkReply numbers the failures of the connection itself (and of proxies) below 200,
    // those an HTTP status explains from 200 on.
    const QNetworkReply::NetworkError error = reply.error();
    if (error != QNetworkReply::NoError && error < QNetworkReply::ContentAccessDenied)
        return 0;
    const int status = reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    // Qt sometimes ends a reply whose connection closed early without an error. Fewer bytes than
    // announced is that; more is a body Qt decompressed, whose length was the compressed one.
    const QVariant announced = reply.header(QNetworkRequest::ContentLengthHeader);
    if (status >= 200 && status <= 299 && announced.isValid() && reply.bytesAvailable() < announced.toLongLong())
        return 0;
    return status;
}

bool isJson(const QByteArray &body)
{
    QJsonParseError error;
    QJsonDocument::fromJson(body, &error);
    return error.error == QJsonParseError::NoError;
}

void scheduleRetry(QObject *owner, QTimer *&timer, std::chrono::milliseconds delay, std::function<void()> retry)
{
    delete timer;
    timer = new QTimer(owner);
    timer->setSingleShot(true);
    QObject::connect(timer, &QTimer::timeout, owner, [&timer, retry = std::move(retry)] {
        timer->deleteLater();
        timer = nullptr;
        retry();
    });
    timer->start(delay);
}

}  // namespace encore
