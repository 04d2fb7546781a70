#include "catalogrowreader.h"

namespace encore {

void CatalogRowChunk::clear()
{
    entries.clear();
    text.clear();
    fieldEnds.clear();
    bytesConsumed = 0;
}

void CatalogRowChunk::add(const CsvRecord &record, CatalogRow row)
{
    Entry entry{std::move(row), record.line, fieldEnds.size(), 0};
    const auto offset = [this](const char *byte) { return static_cast<std::size_t>(byte - text.data()); };
    if (entry.row.kind == CatalogRow::Kind::Usable) {
        entry.fieldCount = record.fields.size();
        for (std::string_view field : record.fields)
            fieldEnds.push_back(offset(field.data() + field.size()));
    } else if (!record.fields.empty()) {
        text.resize(offset(record.fields.front().data()));  // only a usable row's cells are looked at again
    }
    entries.push_back(std::move(entry));
}

void CatalogRowChunk::fieldsOf(std::size_t i, CsvRecord &record) const
{
    const Entry &entry = entries[i];
    record.line = entry.line;
    record.unterminatedQuote = false;
    record.fields.clear();
    std::size_t begin = entry.firstField == 0 ? 0 : fieldEnds[entry.firstField - 1];
    for (std::size_t f = entry.firstField; f < entry.firstField + entry.fieldCount; ++f) {
        record.fields.emplace_back(text.data() + begin, fieldEnds[f] - begin);
        begin = fieldEnds[f];
    }
}

CatalogRowReader::CatalogRowReader(CsvReader &reader, ColumnMap columns, std::size_t rowsPerChunk)
    : m_reader(reader), m_columns(std::move(columns))
{
    for (int i = 0; i < kChunks; ++i)
        m_spare.push_back(std::make_unique<CatalogRowChunk>());
    m_thread = std::thread([this, rowsPerChunk] { read(std::max<std::size_t>(rowsPerChunk, 1)); });
}

CatalogRowReader::~CatalogRowReader()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_changed.notify_all();
    m_thread.join();
}

void CatalogRowReader::read(std::size_t rowsPerChunk)
{
    CsvRecord record;
    bool more = true;
    while (more) {
        std::unique_ptr<CatalogRowChunk> chunk;
        {
            std::unique_lock lock(m_mutex);
            m_changed.wait(lock, [this] { return m_stop || !m_spare.empty(); });
            if (m_stop)
                return;
            chunk = std::move(m_spare.back());
            m_spare.pop_back();
        }
        chunk->clear();
        while (chunk->entries.size() < rowsPerChunk && (more = m_reader.next(record, chunk->text))) {
            const bool ranOn = quoteRanOn(m_columns, record, m_reader.laterLines());
            chunk->add(record, ranOn ? quoteRanOnRow(record) : readCatalogRow(m_columns, record));
            if (ranOn)
                m_reader.rereadAfterFirstLine();
        }
        chunk->bytesConsumed = m_reader.bytesConsumed();
        {
            const std::lock_guard lock(m_mutex);
            if (chunk->entries.empty())
                m_spare.push_back(std::move(chunk));
            else
                m_filled.push_back(std::move(chunk));
            if (!more) {
                m_error = m_reader.error();
                m_finished = true;
            }
        }
        m_changed.notify_all();
    }
}

CatalogRowChunk *CatalogRowReader::next()
{
    std::unique_lock lock(m_mutex);
    if (m_current)
        m_spare.push_back(std::move(m_current));
    m_changed.notify_all();
    m_changed.wait(lock, [this] { return !m_filled.empty() || m_finished; });
    if (m_filled.empty())
        return nullptr;
    m_current = std::move(m_filled.front());
    m_filled.pop_front();
    return m_current.get();
}

}  // namespace encore
