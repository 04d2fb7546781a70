#pragma once

#include <algorithm>
#include <cstddef>
#include <span>

namespace encore {

// How many of the ascending `values` come before `x` by `before` (std::less: lower_bound's
// index, std::less_equal: upper_bound's). Counted, not searched: first over every 16th value,
// which says in which 16 the answer lies, then over those. No comparison waits for another's
// result, as each step of a binary search does: explaining a list of 50 asks for over a
// thousand counts in a few hundred values.
template <typename Before>
std::size_t countBefore(std::span<const float> values, float x, Before before)
{
    constexpr std::size_t kStride = 16;
    std::size_t fences = 0;
    for (std::size_t i = kStride - 1; i < values.size(); i += kStride)
        fences += before(values[i], x) ? 1 : 0;
    // Every value up to the last fence before x is before it; from the next fence on none is.
    const std::size_t first = fences * kStride;
    const std::size_t end = std::min(first + kStride - 1, values.size());
    std::size_t count = first;
    for (std::size_t i = first; i < end; ++i)
        count += before(values[i], x) ? 1 : 0;
    return count;
}

}  // namespace encore
