#pragma once

#include <QString>
#include <QStringView>

#include <algorithm>
#include <array>
#include <cmath>
#include <concepts>
#include <cstdint>
#include <limits>
#include <memory>
#include <span>
#include <type_traits>
#include <vector>

namespace encore {

// Drops the whole pages of a read-only file mapping within [data, data + bytes) from the process.
void releaseMappedPages(const void *data, std::size_t bytes);

// Columns of numbers know their extent. Texts do not need one: their characters are never
// checked and their offsets are clamped where they are read (TextColumn::view).
template <typename T>
concept Measured = std::is_arithmetic_v<T> && !std::same_as<T, char16_t> && !std::same_as<T, std::uint64_t>;

// What is known of a column's values without reading them again: the checks a mapped file must
// pass at open use it, so they touch none of its pages (mapping a page costs more than checking
// it). Worked out where the values are made, or for a file in the pass that verifies its checksum.
class ColumnExtent {
public:
    template <Measured T>
    void add(std::span<const T> values)
    {
        if (values.empty())
            return;
        // Sixteen running minima, maxima and flags the compiler keeps in vector registers: three
        // times as fast as one of each, and this runs over every column of a file at each open.
        constexpr std::size_t kLanes = 16;
        std::array<T, kLanes> lowest, highest;
        lowest.fill(values[0]);
        highest.fill(values[0]);
        std::array<int, kLanes> infinite{}, descending{};
        const auto visit = [&](std::size_t lane, std::size_t i) {
            const T value = values[i];
            lowest[lane] = value < lowest[lane] ? value : lowest[lane];
            highest[lane] = value > highest[lane] ? value : highest[lane];
            if constexpr (std::is_floating_point_v<T>)
                infinite[lane] |= !(value - value == 0);  // NaN and ±inf; std::isfinite does not vectorise
            descending[lane] |= value < values[i - 1];
        };
        std::size_t i = 1;
        for (; i + kLanes <= values.size(); i += kLanes)
            for (std::size_t lane = 0; lane < kLanes; ++lane)
                visit(lane, i + lane);
        for (; i < values.size(); ++i)
            visit(0, i);

        const auto first = static_cast<double>(values[0]);
        m_finite = m_finite && std::isfinite(first);
        m_ascending = m_ascending && !(first < m_last);
        m_last = static_cast<double>(values.back());
        for (std::size_t lane = 0; lane < kLanes; ++lane) {
            m_lowest = std::min(m_lowest, static_cast<double>(lowest[lane]));
            m_highest = std::max(m_highest, static_cast<double>(highest[lane]));
            m_finite = m_finite && infinite[lane] == 0;
            m_ascending = m_ascending && descending[lane] == 0;
        }
    }

    // Whether every value is a finite number within [lowest, highest]; true of no values.
    bool within(double lowest, double highest) const { return m_finite && m_lowest >= lowest && m_highest <= highest; }
    // Whether no value is NaN or infinite.
    bool finite() const { return m_finite; }
    // Whether each value is at least the one before it.
    bool ascending() const { return m_ascending; }
    // The largest value; -infinity when there are none.
    double highest() const { return m_highest; }

private:
    double m_lowest = std::numeric_limits<double>::infinity();
    double m_highest = -std::numeric_limits<double>::infinity();
    double m_last = -std::numeric_limits<double>::infinity();
    bool m_finite = true;
    bool m_ascending = true;
};

// One column of the catalog: a read-only array that either owns its values or looks into memory
// owned by someone else (a mapped library snapshot), kept alive for as long as the column is.
// Copies share the values.
template <typename T>
class ValueColumn {
public:
    using value_type = T;

    ValueColumn() = default;
    explicit ValueColumn(std::vector<T> values)
    {
        auto owned = std::make_shared<const std::vector<T>>(std::move(values));
        m_values = std::span<const T>(*owned);
        m_owner = std::move(owned);
        if constexpr (Measured<T>)
            m_extent.add(m_values);
    }
    // A view into a read-only file mapping that `owner` keeps open; `extent` is that of its values.
    ValueColumn(std::span<const T> view, std::shared_ptr<const void> owner, ColumnExtent extent)
        : m_owner(std::move(owner)), m_values(view), m_extent(extent), m_mapped(true)
    {}

    std::size_t size() const { return m_values.size(); }
    bool empty() const { return m_values.empty(); }
    const T *data() const { return m_values.data(); }
    const T &operator[](std::size_t i) const { return m_values[i]; }
    std::span<const T> span() const { return m_values; }
    std::span<const T> slice(std::size_t offset, std::size_t count) const { return m_values.subspan(offset, count); }
    auto begin() const { return m_values.begin(); }
    auto end() const { return m_values.end(); }
    // Whether the values are a view into a file mapping rather than owned.
    bool isMapped() const { return m_mapped; }
    const ColumnExtent &extent() const requires Measured<T> { return m_extent; }

    // A mapped column's pages leave this process's resident memory (the values stay: the next
    // access reads them again from the page cache); an owned column is left as it is. For
    // columns read once while building something and seldom after.
    void releasePages() const
    {
        if (m_mapped)
            releaseMappedPages(m_values.data(), m_values.size_bytes());
    }

private:
    std::shared_ptr<const void> m_owner;
    std::span<const T> m_values;
    ColumnExtent m_extent;
    bool m_mapped = false;
};

// Row i of a compressed layout: values[starts[i] .. starts[i + 1]).
template <typename T>
std::span<const T> compressedRow(const ValueColumn<std::int32_t> &starts, const ValueColumn<T> &values, std::size_t i)
{
    const auto start = static_cast<std::size_t>(starts[i]);
    return values.slice(start, static_cast<std::size_t>(starts[i + 1]) - start);
}

// Whether `starts` cut `values` values into `count` rows as compressedRow() reads them: count + 1
// starts, ascending from 0 to `values`. Reads two of them; the rest is known from the extent.
inline bool startsFit(const ValueColumn<std::int32_t> &starts, std::size_t count, std::size_t values)
{
    return starts.size() == count + 1 && starts[0] == 0 && static_cast<std::size_t>(starts[count]) == values
        && starts.extent().ascending();
}

// A column of texts: all of them one after another in UTF-16, and where each starts.
// Text i is chars[starts[i] .. starts[i + 1]).
struct TextColumn {
    ValueColumn<std::uint64_t> starts;  // size() + 1 entries
    ValueColumn<char16_t> chars;

    std::size_t size() const { return starts.empty() ? 0 : starts.size() - 1; }
    // The starts are clamped into the characters: a mapped snapshot's are covered by its
    // checksum but not checked one by one at open (that would read every page of them), so a
    // wrong one gives a short text, never a read outside.
    QStringView view(std::size_t i) const
    {
        const std::size_t end = std::min<std::size_t>(starts[i + 1], chars.size());
        const std::size_t start = std::min<std::size_t>(starts[i], end);
        return QStringView(chars.data() + start, static_cast<qsizetype>(end - start));
    }
    QString text(std::size_t i) const { return view(i).toString(); }
};

// Builds a TextColumn one text at a time.
class TextColumnBuilder {
public:
    void reserve(std::size_t texts, std::size_t chars)
    {
        m_starts.reserve(texts + 1);
        m_chars.reserve(chars);
    }
    void append(QStringView text)
    {
        const auto *utf16 = reinterpret_cast<const char16_t *>(text.utf16());
        m_chars.insert(m_chars.end(), utf16, utf16 + text.size());
        m_starts.push_back(m_chars.size());
    }
    TextColumn finish() &&
    {
        return TextColumn{ValueColumn<std::uint64_t>(std::move(m_starts)), ValueColumn<char16_t>(std::move(m_chars))};
    }

private:
    std::vector<std::uint64_t> m_starts{0};
    std::vector<char16_t> m_chars;
};

}  // namespace encore
