#include "features/ratelimiter.h"

#include "features/featureendpoints.h"

#include <QHash>

#include <algorithm>

namespace encore {

void RateLimiter::setLimit(RateLimit limit)
{
    m_limit = limit;
    m_slots.clear();
}

std::chrono::milliseconds RateLimiter::reserve(Clock::time_point now)
{
    using std::chrono::milliseconds;
    if (m_limit.requests <= 0)
        return milliseconds(0);
    while (!m_slots.empty() && m_slots.front() <= now - m_limit.window)
        m_slots.pop_front();
    // With a full window, the next slot opens one window after the request `requests` back.
    const std::size_t held = m_slots.size();
    const std::size_t allowed = std::size_t(m_limit.requests);
    const Clock::time_point slot = held < allowed ? now : std::max(now, m_slots[held - allowed] + m_limit.window);
    m_slots.insert(std::upper_bound(m_slots.begin(), m_slots.end(), slot), slot);
    return std::chrono::ceil<milliseconds>(slot - now);
}

RateLimiter &rateLimiterFor(const QUrl &url)
{
    static QHash<QString, RateLimiter> limiters{
        {FeatureEndpoints().deezer.authority(), RateLimiter({50, std::chrono::seconds(5)})},
        {FeatureEndpoints().iTunes.authority(), RateLimiter({20, std::chrono::minutes(1)})},
    };
    return limiters[url.authority()];
}

}  // namespace encore
