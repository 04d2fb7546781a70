#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <span>
#include <vector>

namespace encore {

// An ascending list of floats laid out to count how many come before a value (lower_bound's or
// upper_bound's index) without searching: every 16th value (the fences) side by side, then the
// values, each padded with +infinity to whole rows of 16. A count compares x with the fences,
// which says in which 16 the answer lies, then with those 16, four at a time (the SSE2 width
// every x86-64 has); no comparison waits for another's result, as each step of a binary search
// does. Explaining a list of 50 asks for over a thousand counts in a few hundred values.
class SortedCounter {
public:
    SortedCounter() = default;
    explicit SortedCounter(std::span<const float> ascending) : m_size(ascending.size())
    {
        const std::size_t fences = ascending.size() / kStride;
        m_fences.assign(roundUp(fences), kPadding);
        for (std::size_t i = 0; i < fences; ++i)
            m_fences[i] = ascending[i * kStride + kStride - 1];
        m_values.assign(roundUp(ascending.size() + 1), kPadding);
        std::copy(ascending.begin(), ascending.end(), m_values.begin());
    }

    std::size_t size() const { return m_size; }

    // How many values come before x by `before`: std::less<>() counts lower_bound's index,
    // std::less_equal<>() upper_bound's. The values must be finite.
    template <typename Before>
    std::size_t countBefore(float x, Before before) const
    {
        x = std::min(x, std::numeric_limits<float>::max());  // the padding comes after any x
        // Every value up to the last fence before x is before it; from the next fence on none is.
        const std::size_t first = countIn(m_fences.data(), m_fences.size(), x, before) * kStride;
        return first + countIn(m_values.data() + first, kStride, x, before);
    }

private:
    static constexpr std::size_t kStride = 16;
    static constexpr std::size_t kWidth = 4;
    static constexpr float kPadding = std::numeric_limits<float>::infinity();
    using Floats = float __attribute__((vector_size(kWidth * sizeof(float))));
    using Counts = std::int32_t __attribute__((vector_size(kWidth * sizeof(std::int32_t))));

    static std::size_t roundUp(std::size_t n) { return (n + kStride - 1) / kStride * kStride; }

    // How many of `count` values (a multiple of kWidth) from `values` are before x.
    template <typename Before>
    static std::size_t countIn(const float *values, std::size_t count, float x, Before before)
    {
        Floats xs;
        for (std::size_t l = 0; l < kWidth; ++l)
            xs[l] = x;
        Counts counts = {};
        for (std::size_t i = 0; i < count; i += kWidth) {
            Floats v;
            std::memcpy(&v, values + i, sizeof v);
            counts -= before(v, xs);  // a comparison gives -1 where it holds
        }
        std::int32_t total = 0;
        for (std::size_t l = 0; l < kWidth; ++l)
            total += counts[l];
        return static_cast<std::size_t>(total);
    }

    std::size_t m_size = 0;
    std::vector<float> m_fences;  // every 16th value, then +infinity to a whole 16
    std::vector<float> m_values;  // the values, then +infinity to a whole 16 past the last
};

}  // namespace encore
