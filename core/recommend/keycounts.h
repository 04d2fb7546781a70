#pragma once

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace encore {

// How often each non-negative int key was counted since the last clear(). One flat table with
// linear probing, kept between clears: a ranking counts a few thousand keys at a time and starts
// over many times per query, where a node-based map allocates at every new key. (The Boost in
// Debian 12 predates boost::unordered_flat_map.)
class KeyCounts {
public:
    // Adds `count` to the key's count and returns what it was before.
    int add(int key, int count = 1)
    {
        if (2 * (m_size + 1) > m_keys.size())
            grow();
        std::size_t at = slotOf(key);
        for (; m_keys[at] != kEmpty; at = (at + 1) & m_mask) {
            if (m_keys[at] == key) {
                const int before = m_counts[at];
                m_counts[at] += count;
                return before;
            }
        }
        m_keys[at] = key;
        m_counts[at] = count;
        ++m_size;
        return 0;
    }
    int countOf(int key) const
    {
        if (m_keys.empty())
            return 0;
        for (std::size_t at = slotOf(key); m_keys[at] != kEmpty; at = (at + 1) & m_mask)
            if (m_keys[at] == key)
                return m_counts[at];
        return 0;
    }
    void clear()
    {
        std::fill(m_keys.begin(), m_keys.end(), kEmpty);
        m_size = 0;
    }

private:
    static constexpr int kEmpty = -1;

    // Fibonacci hashing: consecutive keys (rows, artists and songs are numbered densely) land
    // far apart.
    std::size_t slotOf(int key) const
    {
        return static_cast<std::size_t>((static_cast<std::uint64_t>(key) * 0x9E3779B97F4A7C15ull) >> m_shift);
    }

    void grow()
    {
        std::vector<int> keys = std::move(m_keys);
        std::vector<int> counts = std::move(m_counts);
        const std::size_t capacity = std::max<std::size_t>(64, 2 * keys.size());
        m_keys.assign(capacity, kEmpty);
        m_counts.assign(capacity, 0);
        m_mask = capacity - 1;
        m_shift = 64 - std::countr_zero(capacity);
        m_size = 0;
        for (std::size_t i = 0; i < keys.size(); ++i)
            if (keys[i] != kEmpty)
                add(keys[i], counts[i]);
    }

    std::vector<int> m_keys;  // kEmpty where free
    std::vector<int> m_counts;
    std::size_t m_size = 0;
    std::size_t m_mask = 0;
    int m_shift = 64;
};

}  // namespace encore
