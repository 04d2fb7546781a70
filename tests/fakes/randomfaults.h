#pragma once

#include <QtGlobal>

#include <array>
#include <chrono>
#include <random>

namespace encore::test {

// The faults a soak scatters over a fake's answers: each request has a chance `rate` of one of
// them, each as likely as the others. Seeded, so that a failing run can be repeated.
class RandomFaults {
public:
    enum class Fault {
        None,
        RateLimited,  // 429 with Retry-After: retryAfter(), and not carried out
        ServerError,  // 500, and not carried out
        Cut,          // the connection closes halfway through the body
        Slow,         // the answer comes after slowness()
        Malformed,    // a 200 whose body is not JSON (for JSON answers only)
    };
    static constexpr std::array kFaults = {Fault::RateLimited, Fault::ServerError, Fault::Cut, Fault::Slow,
                                           Fault::Malformed};

    RandomFaults(quint32 seed, double rate, std::chrono::milliseconds slowness,
                 std::chrono::seconds retryAfter = std::chrono::seconds(1))
        : m_random(seed), m_rate(rate), m_slowness(slowness), m_retryAfter(retryAfter)
    {}

    // The fault for the next request.
    Fault draw()
    {
        if (std::uniform_real_distribution<double>(0.0, 1.0)(m_random) >= m_rate)
            return Fault::None;
        return kFaults[std::uniform_int_distribution<std::size_t>(0, kFaults.size() - 1)(m_random)];
    }
    // Counts a fault a fake applied.
    void note(Fault fault) { ++m_counts[std::size_t(fault)]; }

    int count(Fault fault) const { return m_counts[std::size_t(fault)]; }
    int total() const
    {
        int sum = 0;
        for (Fault fault : kFaults)
            sum += count(fault);
        return sum;
    }
    std::chrono::milliseconds slowness() const { return m_slowness; }
    std::chrono::seconds retryAfter() const { return m_retryAfter; }

private:
    std::mt19937 m_random;
    double m_rate;
    std::chrono::milliseconds m_slowness;
    std::chrono::seconds m_retryAfter;
    std::array<int, kFaults.size() + 1> m_counts{};
};

}  // namespace encore::test
