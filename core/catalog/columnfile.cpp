#include "columnfile.h"

#include "util/logging.h"

#include <QCoreApplication>
#include <QFile>
#include <QSaveFile>

#include <xxhash.h>

#include <sys/mman.h>
#include <unistd.h>

#include <atomic>
#include <cstring>
#include <future>

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
    quint64 checksum;  // XXH3-64 of the column's bytes
};

quint64 alignUp(quint64 offset)
{
    return (offset + kAlignment - 1) / kAlignment * kAlignment;
}

// A fuzzing build (the macro is libFuzzer's convention) ignores the checksums, which nearly every
// mutated file fails, so that the fuzzers reach the checks behind them.
#ifdef FUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION
constexpr bool kVerifyChecksums = false;
#else
constexpr bool kVerifyChecksums = true;
#endif

// Reads every column once, with pread() rather than through the mapping, so that it leaves no
// page in this process's resident memory: verifies its checksum and measures its extent on the
// way, while the bytes are in the cache. Two threads take the columns in turn, as one core
// hashes slower than memory delivers. std::nullopt when a column cannot be read or its checksum
// does not match.
std::optional<std::vector<ColumnExtent>> readColumns(int fd, const std::vector<ColumnEntry> &entries,
                                                     std::span<const Measure> measures)
{
    std::vector<ColumnExtent> extents(entries.size());
    std::atomic<std::size_t> next = 0;
    std::atomic<bool> intact = true;
    const auto read = [&] {
        // Whole values in every chunk: a column starts 64-byte aligned and each chunk is read in full.
        std::vector<std::byte> buffer(std::size_t{1} << 20);
        XXH3_state_t *state = XXH3_createState();
        for (std::size_t i = next++; i < entries.size() && intact; i = next++) {
            XXH3_64bits_reset(state);
            for (quint64 done = 0; done < entries[i].bytes && intact;) {
                const std::size_t want = std::min<quint64>(buffer.size(), entries[i].bytes - done);
                std::size_t got = 0;
                while (got < want) {
                    const ssize_t bytesRead = ::pread(fd, buffer.data() + got, want - got,
                                                      static_cast<off_t>(entries[i].offset + done + got));
                    if (bytesRead <= 0)
                        break;
                    got += static_cast<std::size_t>(bytesRead);
                }
                if (got < want) {
                    intact = false;
                    break;
                }
                XXH3_64bits_update(state, buffer.data(), want);
                if (measures[i] != nullptr)
                    measures[i](Bytes(buffer.data(), want), extents[i]);
                done += want;
            }
            if (kVerifyChecksums && XXH3_64bits_digest(state) != entries[i].checksum)
                intact = false;
        }
        XXH3_freeState(state);
    };
    auto helper = std::async(std::launch::async, read);
    read();
    helper.get();
    if (!intact)
        return std::nullopt;
    return extents;
}

}  // namespace

Status writeBytes(const QString &path, const Kind &kind, qint64 generation, std::span<const Bytes> columns)
{
    std::vector<ColumnEntry> entries;
    quint64 offset = alignUp(sizeof(Header) + columns.size() * sizeof(ColumnEntry));
    for (const Bytes column : columns) {
        entries.push_back({offset, column.size(), XXH3_64bits(column.data(), column.size())});
        offset = alignUp(offset + column.size());
    }
    const Header header{kind.magic, kind.formatVersion, kByteOrderMark, generation, entries.size()};

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{
            ErrorKind::Io,
            QCoreApplication::translate("encore::columnfile", "Cannot write %1: %2").arg(path, file.errorString())};
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
        return Error{
            ErrorKind::Io,
            QCoreApplication::translate("encore::columnfile", "Cannot write %1: %2").arg(path, file.errorString())};
    return success();
}

std::optional<Mapping> mapBytes(const QString &path, const Kind &kind, qint64 generation,
                                std::span<const Measure> measures, Residency residency)
{
    const std::size_t columnCount = measures.size();
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
    Mapping mapping{file, {}, {}};
    for (const ColumnEntry &entry : entries) {
        if (entry.offset % kAlignment != 0 || entry.offset > size || entry.bytes > size - entry.offset) {
            qCWarning(lcCatalog) << "ignoring a damaged file" << path << "(a column lies outside it)";
            return std::nullopt;
        }
        mapping.columns.emplace_back(reinterpret_cast<const std::byte *>(bytes + entry.offset), entry.bytes);
    }
    std::optional<std::vector<ColumnExtent>> extents = readColumns(file->handle(), entries, measures);
    if (!extents) {
        qCWarning(lcCatalog) << "ignoring a damaged file" << path << "(its checksums do not match)";
        return std::nullopt;
    }
    mapping.extents = std::move(*extents);
#ifdef MADV_POPULATE_READ
    // An older kernel refuses it; the pages are then read in as they are touched.
    if (residency == Residency::AtOpen)
        madvise(const_cast<uchar *>(bytes), size, MADV_POPULATE_READ);
#else
    Q_UNUSED(residency);
#endif
    return mapping;
}

}  // namespace encore::columnfile
