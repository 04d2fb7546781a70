// The catalog snapshot loader on any file (seeds: a snapshot of fuzzcatalog.h's catalog): either
// it refuses the file or the catalog it maps holds together well enough to be ranked and read.

#include "fuzzcatalog.h"
#include "fuzzsupport.h"
#include "storage/catalogsnapshot.h"

using namespace encore;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QString path = fuzz::writtenToFile(data, size, QStringLiteral("library.sqlite.catalog"));
    std::optional<Catalog> catalog = catalogsnapshot::map(path, fuzz::kGeneration);
    if (!catalog)
        return 0;
    for (int row = 0; row < catalog->size(); ++row) {
        const Track track = catalog->track(row);
        (void)catalog->features(row);
        (void)catalog->artistsOf(row);
    }
    for (int p = 0; p < static_cast<int>(catalog->playlists().size()); ++p)
        (void)catalog->playlistTrackIds(p);
    fuzz::rankEveryWay(Recommender(std::make_shared<const Catalog>(std::move(*catalog))));
    return 0;
}
