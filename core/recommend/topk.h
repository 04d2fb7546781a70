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

// Keeps the k best rows seen so far. A row that beats the k-th best known is put aside unsorted;
// when kSpare times k are aside they are cut back to the best k (nth_element), which sets a new
// k-th best. A scan offers a few hundred rows that beat the k-th best of the moment: each is a
// comparison and a store here, where a heap sifts it through log k levels, mispredicting as it
// goes, and the cuts cost about as much as one more store per row.
class TopK {
public:
    explicit TopK(int k) : m_k(std::max(k, 0)) { m_kept.reserve(kSpare * static_cast<std::size_t>(m_k)); }

    void push(int row, float score)
    {
        const ScoredRow entry{row, score};
        if (beatsKth(entry))
            keep(entry);
    }

    // As push(), for a row of a song with other copies, of which only the best row is kept:
    // `sameSong(kept)` tells whether a kept row is a copy of this one. Rows offered through
    // push() must have no copies. The k-th best is then the k-th best song, which a list of one
    // copy per song must beat: it need not ask for more rows in case copies crowd it out.
    template <typename SameSong>
    void pushCopy(int row, float score, SameSong &&sameSong)
    {
        const ScoredRow entry{row, score};
        if (!beatsKth(entry))
            return;
        const auto copy = std::find_if(m_kept.begin(), m_kept.end(),
                                       [&sameSong](const ScoredRow &kept) { return sameSong(kept.row); });
        if (copy == m_kept.end())
            keep(entry);
        else if (rankedBefore(entry, *copy))
            *copy = entry;
    }

    // What a score must exceed to be kept when rows come in ascending order (an equal score
    // with a higher row never is): the k-th best at the last cut, -infinity before. The k-th
    // best so far may be higher; never lower.
    float threshold() const
    {
        if (m_k == 0)
            return std::numeric_limits<float>::infinity();
        return m_cut ? m_kth.score : -std::numeric_limits<float>::infinity();
    }

    // The kept rows, best first.
    std::vector<ScoredRow> take() &&
    {
        std::vector<ScoredRow> kept = std::move(*this).takeUnordered();
        std::sort(kept.begin(), kept.end(), RankedBefore{});
        return kept;
    }
    // The kept rows in no particular order, for a caller that scores them again and sorts.
    std::vector<ScoredRow> takeUnordered() &&
    {
        if (m_kept.size() > static_cast<std::size_t>(m_k))
            cut();
        return std::move(m_kept);
    }

private:
    static constexpr std::size_t kSpare = 2;

    bool beatsKth(const ScoredRow &entry) const { return m_k > 0 && (!m_cut || rankedBefore(entry, m_kth)); }

    void keep(const ScoredRow &entry)
    {
        m_kept.push_back(entry);
        if (m_kept.size() == kSpare * static_cast<std::size_t>(m_k))
            cut();
    }

    void cut()
    {
        const auto kth = m_kept.begin() + (m_k - 1);
        std::nth_element(m_kept.begin(), kth, m_kept.end(), RankedBefore{});
        m_kth = *kth;
        m_cut = true;
        m_kept.resize(static_cast<std::size_t>(m_k));
    }

    int m_k = 0;
    bool m_cut = false;
    ScoredRow m_kth;
    std::vector<ScoredRow> m_kept;
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
