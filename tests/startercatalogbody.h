#pragma once

#include "testsupport.h"

#include <QByteArray>
#include <QFile>

#include <zlib.h>

namespace encore::test {

// The starter catalog as its server sends it: the shared copy (spotify_songs_2020.csv.gz)
// decompressed. Empty when the file is missing or damaged.
inline QByteArray starterCatalogBody()
{
    QFile file(realCatalogPath());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QByteArray compressed = file.readAll();
    z_stream stream{};
    if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK)
        return {};
    stream.next_in = reinterpret_cast<Bytef *>(compressed.data());
    stream.avail_in = static_cast<uInt>(compressed.size());
    QByteArray out;
    char buffer[1 << 16];
    int rc = Z_OK;
    while (rc == Z_OK) {
        stream.next_out = reinterpret_cast<Bytef *>(buffer);
        stream.avail_out = sizeof buffer;
        rc = inflate(&stream, Z_NO_FLUSH);
        out.append(buffer, qsizetype(sizeof buffer - stream.avail_out));
    }
    inflateEnd(&stream);
    return rc == Z_STREAM_END ? out : QByteArray();
}

}  // namespace encore::test
