#pragma once

#include <QByteArray>

#include <chrono>
#include <functional>
#include <optional>

class QNetworkReply;
class QObject;
class QTimer;

namespace encore {

// The retry rules every web client of Encore shares: no answer at all (a timeout or a network
// failure) and 5xx answers are retried with exponential backoff; a 429 waits for its Retry-After
// (the backoff when it gives none), and fails when that is longer than maxRetryAfter; anything
// else is final. At most maxRetries retries. Special cases (Spotify's 401 refresh, its spent
// quota) are the client's to handle before asking.
struct RetryPolicy {
    std::chrono::milliseconds backoffBase{500};  // the first wait; doubles with each retry
    int maxRetries = 2;
    std::chrono::milliseconds maxRetryAfter{30000};

    // How long to wait before trying again after an answer with `httpStatus` (0: none) and its
    // Retry-After header, `retriesSoFar` retries in; std::nullopt: do not.
    std::optional<std::chrono::milliseconds> delayBeforeRetry(int retriesSoFar, int httpStatus,
                                                              const QByteArray &retryAfter = {}) const;
};

// The HTTP status of a finished reply whose body has not been read yet, or 0 when the transfer
// failed before the whole answer was in (no connection, a timeout, a connection cut halfway
// through the body): a 200 whose body broke off is no answer, not a short one.
int answeredStatus(const QNetworkReply &reply);

// A 2xx whose body is not JSON from a service that speaks JSON (a proxy's page, a garbled answer)
// is no answer either: it is retried as this status.
inline constexpr int kUnreadableAnswerStatus = 502;
bool isJson(const QByteArray &body);

// Calls `retry` once after `delay`, on `owner`'s thread, through a single-shot timer that
// `timer` points to until it fires (a pending one is replaced). Deleting *timer cancels the retry.
void scheduleRetry(QObject *owner, QTimer *&timer, std::chrono::milliseconds delay, std::function<void()> retry);

}  // namespace encore
