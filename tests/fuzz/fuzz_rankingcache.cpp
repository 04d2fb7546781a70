// The ranking cache loader on any file, against fuzzcatalog.h's catalog (seeds: its ranking
// cache): a file that does not fit the catalog is rebuilt, one that does ranks without a fault.

#include "fuzzcatalog.h"
#include "fuzzsupport.h"

using namespace encore;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QString path = fuzz::writtenToFile(data, size, QStringLiteral("library.sqlite.ranking"));
    fuzz::rankEveryWay(Recommender(fuzz::storedCatalog(), path));
    return 0;
}
