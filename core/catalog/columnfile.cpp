#include "columnfile.h"

#include "util/logging.h"

#include <QFile>
#include <QSaveFile>

#include <cstring>

namespace encore::columnfile {

namespace {

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

}  // namespace

Status writeBytes(const QString &path, const Kind &kind, qint64 generation, std::span<const Bytes> columns)
{
    std::vector<ColumnEntry> entries;
    quint64 offset = alignUp(sizeof(Header) + columns.size() * sizeof(ColumnEntry));
    for (const Bytes column : columns) {
        entries.push_back({offset, column.size()});
        offset = alignUp(offset + column.size());
    }
    const Header header{kind.magic, kind.formatVersion, kByteOrderMark, generation, entries.size()};

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{ErrorKind::Io, QStringLiteral("Cannot write %1: %2").arg(path, file.errorString())};
    bool written = file.write(reinterpret_cast<const char *>(&header), sizeof header) == sizeof header;
    const auto tableBytes = static_cast<qint64>(entries.size() * sizeof(ColumnEntry));
    written = written && file.write(reinterpret_cast<const char *>(entries.data()), tableBytes) == tableBytes;
    const QByteArray padding(kAlignment, '\0');
    for (std::size_t i = 0; i < columns.size() && written; ++i) {
        const qint64 gap = static_cast<qint64>(entries[i].offset) - file.pos();
        const auto bytes = static_cast<qint64>(columns[i].size());
        written = file.write(padding.constData(), gap) == gap
            && file.write(reinterpret_cast<const char *>(columns[i].data()), bytes) == bytes;
    }
    if (!written || !file.commit())
        return Error{ErrorKind::Io, QStringLiteral("Cannot write %1: %2").arg(path, file.errorString())};
    return success();
}

std::optional<Mapping> mapBytes(const QString &path, const Kind &kind, qint64 generation,
                                std::size_t columnCount)
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
    if (header.magic != kind.magic || header.formatVersion != kind.formatVersion
        || header.byteOrderMark != kByteOrderMark || header.generation != generation)
        return std::nullopt;
    if (header.columnCount != columnCount || size < sizeof header + columnCount * sizeof(ColumnEntry)) {
        qCWarning(lcCatalog) << "ignoring a damaged file" << path;
        return std::nullopt;
    }
    std::vector<ColumnEntry> entries(columnCount);
    std::memcpy(entries.data(), bytes + sizeof header, columnCount * sizeof(ColumnEntry));
    Mapping mapping{file, {}};
    for (const ColumnEntry &entry : entries) {
        if (entry.offset % kAlignment != 0 || entry.offset > size || entry.bytes > size - entry.offset) {
            qCWarning(lcCatalog) << "ignoring a damaged file" << path;
            return std::nullopt;
        }
        mapping.columns.emplace_back(reinterpret_cast<const std::byte *>(bytes + entry.offset), entry.bytes);
    }
    return mapping;
}

}  // namespace encore::columnfile
