// The CSV reader on any bytes, plain or gzip: every record it returns lies inside its buffer, and
// it always ends (at the end of the input or with an error).

#include "catalog/csvreader.h"
#include "fuzzsupport.h"

using namespace encore;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    CsvReader reader;
    if (!reader.openData(fuzz::bytesOf(data, size)))
        return 0;
    CsvRecord record;
    std::string kept;  // the other overload, appending every record's bytes
    for (int read = 0; read % 2 == 0 ? reader.next(record) : reader.next(record, kept); ++read) {
        for (std::string_view field : record.fields)
            fuzz::touch(field);
    }
    reader.finishContentHash();
    return 0;
}
