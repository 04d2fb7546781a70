#include "retrypolicy.h"

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

void scheduleRetry(QObject *owner, QTimer *&timer, std::chrono::milliseconds delay,
                   std::function<void()> retry)
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
