#pragma once

// Helpers for catalog tests that write their own tiny fixture files.

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QString>

#include <zlib.h>

namespace encore::test {

// Writes `bytes` to `dir/name` and returns the path; empty when writing failed.
inline QString writeFixture(const QDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    return path;
}

// Writes `bytes` gzip-compressed (with zlib's gz* API) to `dir/name`; empty when writing failed.
inline QString writeGzipFixture(const QDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    gzFile file = gzopen(QFile::encodeName(path).constData(), "wb");
    if (!file)
        return {};
    const int written = bytes.isEmpty() ? 0 : gzwrite(file, bytes.constData(), static_cast<unsigned>(bytes.size()));
    const int closed = gzclose(file);
    if (written != bytes.size() || closed != Z_OK)
        return {};
    return path;
}

// The bytes `gzip` would write for `bytes`, for tests that need compressed data in memory.
inline QByteArray gzipBytes(const QByteArray &bytes)
{
    z_stream stream{};
    if (deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    QByteArray out(static_cast<qsizetype>(deflateBound(&stream, static_cast<uLong>(bytes.size()))), '\0');
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(bytes.constData()));
    stream.avail_in = static_cast<uInt>(bytes.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    const int rc = deflate(&stream, Z_FINISH);
    out.resize(static_cast<qsizetype>(stream.total_out));
    deflateEnd(&stream);
    return rc == Z_STREAM_END ? out : QByteArray();
}

}  // namespace encore::test
