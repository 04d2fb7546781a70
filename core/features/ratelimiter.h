#pragma once

#include <QUrl>

#include <chrono>
#include <deque>

namespace encore {

// How often a service may be asked: at most `requests` in any `window`; no limit when 0.
struct RateLimit {
    int requests = 0;
    std::chrono::milliseconds window{0};
};

// The times requests were sent, or are booked to be, in a sliding window. reserve() books the
// earliest time the limit allows for one more and says how long until then, so a burst is spread
// out instead of being refused (Deezer answers a burst with its error code 4).
class RateLimiter {
public:
    using Clock = std::chrono::steady_clock;

    explicit RateLimiter(RateLimit limit = {}) : m_limit(limit) {}
    void setLimit(RateLimit limit);
    RateLimit limit() const { return m_limit; }

    // The wait before the next request may be sent; that slot is then taken.
    std::chrono::milliseconds reserve(Clock::time_point now = Clock::now());

private:
    RateLimit m_limit;
    std::deque<Clock::time_point> m_slots;  // sorted
};

// The one limiter of a host ("api.deezer.com", or "127.0.0.1:8080"), shared by every ServiceClient
// that asks it, so that previews, feature searches and Discover together keep to its limit. The
// real services' published limits are set: Deezer 50 requests per 5 s, iTunes about 20 per
// minute; other hosts have none until setLimit(). For the main thread.
RateLimiter &rateLimiterFor(const QUrl &url);

}  // namespace encore
