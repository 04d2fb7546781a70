#pragma once

#include <QString>
#include <QStringView>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

namespace encore {

// Drops the whole pages of a read-only file mapping within [data, data + bytes) from the process.
void releaseMappedPages(const void *data, std::size_t bytes);

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
    }
    // A view into a read-only file mapping that `owner` keeps open.
    ValueColumn(std::span<const T> view, std::shared_ptr<const void> owner)
        : m_owner(std::move(owner)), m_values(view), m_mapped(true)
    {
    }

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
    bool m_mapped = false;
};

// Row i of a compressed layout: values[starts[i] .. starts[i + 1]).
template <typename T>
std::span<const T> compressedRow(const ValueColumn<std::int32_t> &starts, const ValueColumn<T> &values, std::size_t i)
{
    const auto start = static_cast<std::size_t>(starts[i]);
    return values.slice(start, static_cast<std::size_t>(starts[i + 1]) - start);
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
