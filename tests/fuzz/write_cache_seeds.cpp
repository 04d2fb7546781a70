// Writes the seeds of the cache harnesses: fuzzcatalog.h's catalog as a snapshot and its ranking
// cache, as the library writes them, into the corpus folders given.
//   write_cache_seeds tests/fuzz/corpus/fuzz_catalogsnapshot tests/fuzz/corpus/fuzz_rankingcache

#include "fuzzcatalog.h"
#include "storage/catalogsnapshot.h"

#include <QDir>

#include <cstdio>

using namespace encore;

int main(int argc, char **argv)
{
    if (argc != 3) {
        std::fprintf(stderr, "usage: %s SNAPSHOT_CORPUS RANKING_CACHE_CORPUS\n", argv[0]);
        return 2;
    }
    const auto catalog = fuzz::storedCatalog();
    const QString snapshot = QDir(QString::fromLocal8Bit(argv[1])).filePath(QStringLiteral("seed-40-tracks"));
    if (const Status written = catalogsnapshot::write(*catalog, snapshot, fuzz::kGeneration); !written) {
        std::fprintf(stderr, "%s\n", qPrintable(written.error().message));
        return 1;
    }
    const QString rankingCache = QDir(QString::fromLocal8Bit(argv[2])).filePath(QStringLiteral("seed-40-tracks"));
    QFile::remove(rankingCache);
    const Recommender recommender(catalog, rankingCache);  // builds it and writes it there
    return QFile::exists(rankingCache) ? 0 : 1;
}
