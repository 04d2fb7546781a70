#pragma once

#include "catalogrow.h"
#include "columnmap.h"
#include "csvreader.h"
#include "util/result.h"

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace encore {

// Records of a catalog file read and checked (readCatalogRow), with the cells of usable rows.
struct CatalogRowChunk {
    struct Entry {
        CatalogRow row;
        qint64 line = 0;  // where the record starts
        std::size_t firstField = 0;
        std::size_t fieldCount = 0;  // 0 unless the row is usable
    };
    std::vector<Entry> entries;
    std::string text;                    // the usable rows' field bytes, back to back
    std::vector<std::size_t> fieldEnds;  // end of each kept field in `text`
    qint64 bytesConsumed = 0;            // of the input, after the last record here

    void clear();
    // Adds a record read into `text` (CsvReader::next(record, text)); keeps its bytes only when
    // the row is usable.
    void add(const CsvRecord &record, CatalogRow row);
    // Fills `record` with views of entry `i`'s fields; valid while the chunk is.
    void fieldsOf(std::size_t i, CsvRecord &record) const;
};

// Reads and checks the records of a catalog on a thread of its own and hands them over in chunks,
// in file order, so the importer builds tracks from one chunk while the next is read: on two
// cores this about halves an import. The importer sees the same rows, in the same order, as when
// reading them itself.
class CatalogRowReader {
public:
    static constexpr std::size_t kRowsPerChunk = 1024;

    // Starts reading: `reader`, past the header, is used by the reading thread alone from now on
    // and must outlive this object.
    CatalogRowReader(CsvReader &reader, ColumnMap columns, std::size_t rowsPerChunk = kRowsPerChunk);
    // Stops the reading thread, also when the import was left half-way.
    ~CatalogRowReader();
    CatalogRowReader(const CatalogRowReader &) = delete;
    CatalogRowReader &operator=(const CatalogRowReader &) = delete;

    // The next chunk, never empty; null at the end or on an error. The chunk is the caller's
    // (its rows may be moved from) until the next call.
    CatalogRowChunk *next();
    // The reader's error, once next() returned null.
    const std::optional<Error> &error() const { return m_error; }

private:
    // Two chunks in hand (one read, one built from) and two in the queue smooth out the pace.
    static constexpr int kChunks = 4;

    void read(std::size_t rowsPerChunk);

    CsvReader &m_reader;
    const ColumnMap m_columns;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<std::unique_ptr<CatalogRowChunk>> m_filled;  // in file order
    std::vector<std::unique_ptr<CatalogRowChunk>> m_spare;
    std::unique_ptr<CatalogRowChunk> m_current;  // the importer's
    bool m_finished = false;                     // the reading thread has handed over its last chunk
    bool m_stop = false;
    std::optional<Error> m_error;
    std::thread m_thread;
};

}  // namespace encore
