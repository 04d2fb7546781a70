#include "catalogsnapshot.h"

#include "util/logging.h"

#include <QFile>
#include <QSaveFile>

#include <array>
#include <cstring>
#include <memory>
#include <type_traits>
#include <vector>

namespace encore::catalogsnapshot {

namespace {

constexpr std::array<char, 8> kMagic{'E', 'N', 'C', 'O', 'R', 'E', 'C', 'S'};
// Bumped whenever CatalogColumns or the layout changes; an older file is then rebuilt.
constexpr quint32 kFormatVersion = 1;
// Written as is; a file from a machine of the other byte order reads as another value.
constexpr quint32 kByteOrderMark = 0x01020304;
constexpr quint64 kAlignment = 64;

struct Header {
    std::array<char, 8> magic;
    quint32 formatVersion;
    quint32 byteOrderMark;
    qint64 generation;
    quint64 columnCount;
};

struct ColumnEntry {
    quint64 offset;
    quint64 bytes;
};

quint64 alignUp(quint64 offset)
{
    return (offset + kAlignment - 1) / kAlignment * kAlignment;
}

quint64 columnCount()
{
    quint64 count = 0;
    CatalogColumns columns;
    forEachColumn(columns, [&count](const auto &) { ++count; });
    return count;
}

}  // namespace

Status write(const Catalog &catalog, const QString &path, qint64 generation)
{
    std::vector<ColumnEntry> entries;
    quint64 offset = alignUp(sizeof(Header) + columnCount() * sizeof(ColumnEntry));
    forEachColumn(catalog.columns(), [&](const auto &column) {
        const quint64 bytes = column.size() * sizeof(typename std::decay_t<decltype(column)>::value_type);
        entries.push_back({offset, bytes});
        offset = alignUp(offset + bytes);
    });
    const Header header{kMagic, kFormatVersion, kByteOrderMark, generation, entries.size()};

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{ErrorKind::Io, QStringLiteral("Cannot write %1: %2").arg(path, file.errorString())};
    bool written = file.write(reinterpret_cast<const char *>(&header), sizeof header) == sizeof header;
    const auto tableBytes = static_cast<qint64>(entries.size() * sizeof(ColumnEntry));
    written = written && file.write(reinterpret_cast<const char *>(entries.data()), tableBytes) == tableBytes;
    std::size_t at = 0;
    const QByteArray padding(kAlignment, '\0');
    forEachColumn(catalog.columns(), [&](const auto &column) {
        const ColumnEntry &entry = entries[at++];
        const qint64 gap = static_cast<qint64>(entry.offset) - file.pos();
        written = written && file.write(padding.constData(), gap) == gap;
        written = written && file.write(reinterpret_cast<const char *>(column.data()), static_cast<qint64>(entry.bytes))
                                 == static_cast<qint64>(entry.bytes);
    });
    if (!written || !file.commit())
        return Error{ErrorKind::Io, QStringLiteral("Cannot write %1: %2").arg(path, file.errorString())};
    return success();
}

std::optional<Catalog> map(const QString &path, qint64 generation)
{
    auto file = std::make_shared<QFile>(path);
    if (!file->open(QIODevice::ReadOnly))
        return std::nullopt;
    const auto size = static_cast<quint64>(file->size());
    if (size < sizeof(Header))
        return std::nullopt;
    const uchar *bytes = file->map(0, file->size());
    if (bytes == nullptr)
        return std::nullopt;

    Header header;
    std::memcpy(&header, bytes, sizeof header);
    const quint64 count = columnCount();
    if (header.magic != kMagic || header.formatVersion != kFormatVersion
        || header.byteOrderMark != kByteOrderMark || header.generation != generation
        || header.columnCount != count || size < sizeof header + count * sizeof(ColumnEntry))
        return std::nullopt;
    std::vector<ColumnEntry> entries(count);
    std::memcpy(entries.data(), bytes + sizeof header, count * sizeof(ColumnEntry));

    CatalogColumns columns;
    bool fits = true;
    std::size_t at = 0;
    forEachColumn(columns, [&](auto &column) {
        using Value = typename std::decay_t<decltype(column)>::value_type;
        const ColumnEntry &entry = entries[at++];
        fits = fits && entry.offset % kAlignment == 0 && entry.bytes % sizeof(Value) == 0
            && entry.offset <= size && entry.bytes <= size - entry.offset;
        if (fits)
            column = ValueColumn<Value>(
                std::span(reinterpret_cast<const Value *>(bytes + entry.offset), entry.bytes / sizeof(Value)), file);
    });
    if (!fits || !columnsFitTogether(columns)) {
        qCWarning(lcStorage) << "ignoring a damaged catalog snapshot" << path;
        return std::nullopt;
    }
    return Catalog(std::move(columns));
}

}  // namespace encore::catalogsnapshot
