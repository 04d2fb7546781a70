#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <span>
#include <utility>
#include <vector>

namespace encore {

// One ranked candidate: its catalog row and its similarity to the seed.
struct ScoredRow {
    int row = -1;
    float score = 0.0f;
};

// The ranking order every ranker uses: higher score first, then lower row (lower track id).
inline bool rankedBefore(const ScoredRow &a, const ScoredRow &b)
{
    return a.score > b.score || (a.score == b.score && a.row < b.row);
}

// rankedBefore as a type, so the heap and sort algorithms inline it rather than call through
// a function pointer.
struct RankedBefore {
    bool operator()(const ScoredRow &a, const ScoredRow &b) const { return rankedBefore(a, b); }
};

// Keeps the k best rows seen so far in a bounded heap: O(n log k), no full sort.
class TopK {
public:
    explicit TopK(int k) : m_k(std::max(k, 0)) { m_heap.reserve(static_cast<std::size_t>(m_k)); }

    void push(int row, float score)
    {
        if (m_k == 0)
            return;
        const ScoredRow entry{row, score};
        if (static_cast<int>(m_heap.size()) < m_k) {
            m_heap.push_back(entry);
            std::push_heap(m_heap.begin(), m_heap.end(), RankedBefore{});
        } else if (rankedBefore(entry, m_heap.front())) {
            replaceWorst(entry);
        }
    }

    // What a score must exceed to be kept when rows come in ascending order (an equal score
    // with a higher row never is): the worst kept score once k are kept, -infinity before.
    float threshold() const
    {
        if (m_k == 0)
            return std::numeric_limits<float>::infinity();
        return static_cast<int>(m_heap.size()) < m_k ? -std::numeric_limits<float>::infinity() : m_heap.front().score;
    }

    // The kept rows, best first.
    std::vector<ScoredRow> take() &&
    {
        std::sort_heap(m_heap.begin(), m_heap.end(), RankedBefore{});
        return std::move(m_heap);
    }
    // The kept rows in no particular order, for a caller that scores them again and sorts.
    std::vector<ScoredRow> takeUnordered() && { return std::move(m_heap); }

private:
    // The front is the worst of the k kept so far (every entry is ranked no better than its
    // children): `entry` takes its place and sinks to where it belongs, one pass down instead of
    // std::pop_heap's down and std::push_heap's up.
    void replaceWorst(const ScoredRow &entry)
    {
        const std::size_t size = m_heap.size();
        std::size_t hole = 0;
        for (std::size_t child = 1; child < size; child = 2 * hole + 1) {
            if (child + 1 < size && rankedBefore(m_heap[child], m_heap[child + 1]))
                ++child;  // the worse of the two
            if (!rankedBefore(entry, m_heap[child]))
                break;
            m_heap[hole] = m_heap[child];
            hole = child;
        }
        m_heap[hole] = entry;
    }

    int m_k = 0;
    std::vector<ScoredRow> m_heap;
};

// Scores every rankable row that is not in `excludedSorted` (ascending row numbers) and returns
// the best k, best first. `score(row)` must not allocate; a NaN score is never ranked.
template <typename ScoreFn>
std::vector<ScoredRow> selectTopK(std::span<const std::uint8_t> rankable, std::span<const int> excludedSorted, int k,
                                  ScoreFn &&score)
{
    TopK top(k);
    auto excluded = excludedSorted.begin();
    const auto excludedEnd = excludedSorted.end();
    const int n = static_cast<int>(rankable.size());
    for (int row = 0; row < n; ++row) {
        if (!rankable[static_cast<std::size_t>(row)])
            continue;
        while (excluded != excludedEnd && *excluded < row)
            ++excluded;
        if (excluded != excludedEnd && *excluded == row)
            continue;
        const float value = score(row);
        if (std::isnan(value))
            continue;
        top.push(row, value);
    }
    return std::move(top).take();
}

}  // namespace encore
