#pragma once

#include "column.h"
#include "util/result.h"

#include <QString>

#include <array>
#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <type_traits>
#include <vector>

namespace encore {

// A file of columns (flat arrays) laid out as they are in memory, so that a reader maps the file
// instead of parsing it: pages nobody touches are never read. Such files are caches of something
// derived from a stored library: each names the library generation it was made from and is ignored
// when asked for another.
//
// Layout: a header (magic, format version, byte-order mark, generation, column count), then per
// column its byte offset, size and checksum (XXH3-64), then the columns, each 64-byte aligned.
// The checksums are verified at every open: a damaged file is never used, only rebuilt. The same
// pass measures each column's extent, so that the caller's range checks read no mapped page.
namespace columnfile {

// What a file holds: a file of another kind, or of an older layout of this one, is never read as it.
struct Kind {
    std::array<char, 8> magic;
    quint32 formatVersion;  // bumped whenever the columns or what they mean change
};

using Bytes = std::span<const std::byte>;

// Writes the columns atomically (a reader sees the old file or the new one, never half of one).
Status writeBytes(const QString &path, const Kind &kind, qint64 generation, std::span<const Bytes> columns);

// When a mapped file's pages are read in: as they are first touched (a file used in part, such as
// the texts of a catalog), or all of them at open, in one call (MADV_POPULATE_READ), for a file
// whose pages the first use reads anyway: about ten times cheaper than touching them one by one.
enum class Residency { OnFirstTouch, AtOpen };

// Adds a column's bytes, a whole number of its values, to its extent.
using Measure = void (*)(Bytes values, ColumnExtent &extent);

template <Measured Value>
void measure(Bytes values, ColumnExtent &extent)
{
    extent.add(std::span(reinterpret_cast<const Value *>(values.data()), values.size() / sizeof(Value)));
}

struct Mapping {
    std::shared_ptr<const void> file;   // keeps the mapping alive
    std::vector<Bytes> columns;         // each 64-byte aligned
    std::vector<ColumnExtent> extents;  // of the columns with a Measure
};
// The file's columns, mapped read-only; std::nullopt when there is no such file, it is of
// another kind or generation, or it does not hold one column per entry of `measures` (nullptr
// for a column without an extent) inside its size whose bytes match their checksums.
std::optional<Mapping> mapBytes(const QString &path, const Kind &kind, qint64 generation,
                                std::span<const Measure> measures, Residency residency);

// Every ValueColumn of `columns`, in the order forEachColumn(columns, ...) visits them.
template <typename Columns>
Status write(const QString &path, const Kind &kind, qint64 generation, const Columns &columns)
{
    std::vector<Bytes> bytes;
    forEachColumn(columns, [&bytes](const auto &column) { bytes.push_back(std::as_bytes(column.span())); });
    return writeBytes(path, kind, generation, bytes);
}

// Columns written by write(), each a view into the mapped file. The caller still checks that
// they fit together: this only checks that each is a whole number of its values.
template <typename Columns>
std::optional<Columns> map(const QString &path, const Kind &kind, qint64 generation,
                           Residency residency = Residency::OnFirstTouch)
{
    Columns columns;
    std::vector<Measure> measures;
    forEachColumn(columns, [&measures](const auto &column) {
        using Value = typename std::decay_t<decltype(column)>::value_type;
        if constexpr (Measured<Value>)
            measures.push_back(&measure<Value>);
        else
            measures.push_back(nullptr);
    });
    std::optional<Mapping> mapping = mapBytes(path, kind, generation, measures, residency);
    if (!mapping)
        return std::nullopt;
    bool whole = true;
    std::size_t at = 0;
    forEachColumn(columns, [&](auto &column) {
        using Value = typename std::decay_t<decltype(column)>::value_type;
        const Bytes bytes = mapping->columns[at++];
        whole = whole && bytes.size() % sizeof(Value) == 0;
        if (whole)
            column = ValueColumn<Value>(
                std::span(reinterpret_cast<const Value *>(bytes.data()), bytes.size() / sizeof(Value)), mapping->file,
                mapping->extents[at - 1]);
    });
    if (!whole)
        return std::nullopt;
    return columns;
}

}  // namespace columnfile

}  // namespace encore
