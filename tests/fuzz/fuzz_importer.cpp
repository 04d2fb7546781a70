// The whole importer on any file (the header, the column map, every cell parser), then a catalog
// built from what it kept and ranked: whatever the file, nothing it lets through breaks ranking.

#include "catalog/catalogimporter.h"
#include "fuzzcatalog.h"
#include "fuzzsupport.h"

using namespace encore;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QString path = fuzz::writtenToFile(data, size, QStringLiteral("catalog.csv"));
    Result<ImportBatch> batch = CatalogImporter().importFile(path);
    if (!batch || batch->tracks.empty())
        return 0;
    const Recommender recommender(std::make_shared<const Catalog>(std::move(batch->tracks), std::move(batch->features),
                                                                  std::move(batch->playlists)));
    fuzz::rankEveryWay(recommender);
    return 0;
}
