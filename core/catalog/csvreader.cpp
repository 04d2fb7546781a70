#include "csvreader.h"

#include <QCoreApplication>
#include <QBuffer>
#include <QFile>
#include <QFileInfo>

#include <xxhash.h>
#include <zlib.h>

#include <sys/stat.h>

#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace encore {

namespace {

constexpr std::size_t kRawChunk = 256 * 1024;
constexpr std::size_t kTextChunk = 256 * 1024;
// A record this long means a quote that never closes, not a real catalog row.
constexpr std::size_t kMaxRecordBytes = 64 * 1024 * 1024;

// Bytes that end a run of ordinary characters outside quotes and inside quotes.
constexpr std::array<bool, 256> makeTable(bool quoted)
{
    std::array<bool, 256> table{};
    table[static_cast<unsigned char>('"')] = true;
    table[static_cast<unsigned char>('\r')] = true;
    table[static_cast<unsigned char>('\n')] = true;
    if (!quoted)
        table[static_cast<unsigned char>(',')] = true;
    return table;
}
constexpr std::array<bool, 256> kUnquotedStop = makeTable(false);
constexpr std::array<bool, 256> kQuotedStop = makeTable(true);

inline bool stops(const std::array<bool, 256> &table, char c)
{
    return table[static_cast<unsigned char>(c)];
}

// Bits set in the bytes of `word` that equal `c`. Only the lowest set bit is exact (a borrow may
// mark bytes above it), which is all findStop needs.
inline std::uint64_t bytesEqual(std::uint64_t word, char c)
{
    constexpr std::uint64_t kOnes = 0x0101010101010101ull;
    constexpr std::uint64_t kHighs = 0x8080808080808080ull;
    const std::uint64_t x = word ^ (kOnes * static_cast<unsigned char>(c));
    return (x - kOnes) & ~x & kHighs;
}

// The first byte in [p, end) that ends a run (a quote, a line end and, outside quotes, a comma),
// or `end`. Eight bytes at a time: reading cells byte by byte was most of the reader's time.
template <bool Quoted>
const char *findStop(const char *p, const char *end)
{
    if constexpr (std::endian::native == std::endian::little) {
        for (; end - p >= 8; p += 8) {
            std::uint64_t word = 0;
            std::memcpy(&word, p, 8);
            std::uint64_t found = bytesEqual(word, '"') | bytesEqual(word, '\r') | bytesEqual(word, '\n');
            if constexpr (!Quoted)
                found |= bytesEqual(word, ',');
            if (found)
                return p + std::countr_zero(found) / 8;
        }
    }
    const std::array<bool, 256> &table = Quoted ? kQuotedStop : kUnquotedStop;
    while (p < end && !stops(table, *p))
        ++p;
    return p;
}

}  // namespace

struct CsvReader::Inflater {
    z_stream stream{};
    bool initialised = false;
    bool finished = false;  // the last gzip member ended

    ~Inflater()
    {
        if (initialised)
            inflateEnd(&stream);
    }
};

struct CsvReader::Hasher {
    Hasher() { XXH3_128bits_reset(state); }
    ~Hasher() { XXH3_freeState(state); }
    Hasher(const Hasher &) = delete;
    Hasher &operator=(const Hasher &) = delete;

    void add(const char *data, qint64 size) { XXH3_128bits_update(state, data, static_cast<std::size_t>(size)); }
    QByteArray digest() const
    {
        XXH128_canonical_t canonical;
        XXH128_canonicalFromHash(&canonical, XXH3_128bits_digest(state));
        return QByteArray(reinterpret_cast<const char *>(canonical.digest), sizeof canonical.digest);
    }

    XXH3_state_t *state = XXH3_createState();
};

CsvReader::CsvReader() = default;
CsvReader::~CsvReader() = default;

Status CsvReader::open(const QString &path)
{
    auto file = std::make_unique<QFile>(path);
    const QString name = QFileInfo(path).fileName();
    if (QFileInfo(path).isDir())
        return Error{ErrorKind::Io,
                     QCoreApplication::translate("encore::csvreader", "Cannot read \"%1\": it is a folder.").arg(name)};
    if (struct stat info{};
        ::stat(QFile::encodeName(path).constData(), &info) == 0 && (S_ISCHR(info.st_mode) || S_ISBLK(info.st_mode)))
        return Error{ErrorKind::Io,
                     QCoreApplication::translate("encore::csvreader",
                                                 "Cannot read \"%1\": it is a device, not a file, and may never "
                                                 "end. Import a file, or pipe one in.")
                         .arg(name)};
    if (!file->open(QIODevice::ReadOnly))
        return Error{
            ErrorKind::Io,
            QCoreApplication::translate("encore::csvreader", "Cannot open \"%1\": %2.").arg(name, file->errorString())};
    return start(std::move(file), name);
}

Status CsvReader::openData(const QByteArray &data, const QString &name)
{
    auto buffer = std::make_unique<QBuffer>();
    buffer->setData(data);
    buffer->open(QIODevice::ReadOnly);
    return start(std::move(buffer), name);
}

Status CsvReader::start(std::unique_ptr<QIODevice> device, const QString &name)
{
    m_device = std::move(device);
    m_hasher = std::make_unique<Hasher>();
    m_name = name;
    m_totalBytes = m_device->size();
    m_raw.resize(kRawChunk);
    m_buf.resize(kTextChunk);

    const QByteArray magic = m_device->peek(2);
    m_compressed = magic.size() == 2 && static_cast<unsigned char>(magic[0]) == 0x1f
        && static_cast<unsigned char>(magic[1]) == 0x8b;
    if (m_compressed) {
        m_inflater = std::make_unique<Inflater>();
        // 16 + MAX_WBITS: a gzip wrapper, not a raw zlib stream.
        if (inflateInit2(&m_inflater->stream, 16 + MAX_WBITS) != Z_OK)
            return Error{
                ErrorKind::Io,
                QCoreApplication::translate("encore::csvreader", "Cannot decompress \"%1\": zlib did not start.")
                    .arg(name)};
        m_inflater->initialised = true;
    }
    return success();
}

void CsvReader::fail(const QString &why)
{
    if (!m_error)
        m_error = Error{ErrorKind::Io,
                        QCoreApplication::translate("encore::csvreader", "Cannot read \"%1\": %2.").arg(m_name, why)};
    m_eof = true;
}

qint64 CsvReader::bytesConsumed() const
{
    if (m_eof && !m_error)
        return m_totalBytes;
    if (m_compressed)
        return m_rawRead - static_cast<qint64>(m_rawLen - m_rawPos);
    return m_rawRead - static_cast<qint64>(m_len - m_pos);
}

QByteArray CsvReader::finishContentHash()
{
    if (!m_device)
        return {};
    std::vector<char> rest(kRawChunk);
    for (qint64 n; (n = m_device->read(rest.data(), static_cast<qint64>(rest.size()))) > 0;)
        m_hasher->add(rest.data(), n);
    return m_hasher->digest();
}

bool CsvReader::readRaw()
{
    if (m_rawEof || !m_device)
        return false;
    const qint64 n = m_device->read(m_raw.data(), static_cast<qint64>(m_raw.size()));
    if (n < 0) {
        fail(m_device->errorString());
        return false;
    }
    m_hasher->add(m_raw.data(), n);
    m_rawRead += n;
    m_rawPos = 0;
    m_rawLen = static_cast<std::size_t>(n);
    if (n == 0)
        m_rawEof = true;
    return n > 0;
}

bool CsvReader::fillPlain()
{
    if (!m_device)
        return false;
    const qint64 n = m_device->read(m_buf.data() + m_len, static_cast<qint64>(m_buf.size() - m_len));
    if (n < 0) {
        fail(m_device->errorString());
        return false;
    }
    m_hasher->add(m_buf.data() + m_len, n);
    m_rawRead += n;
    m_len += static_cast<std::size_t>(n);
    return n > 0;
}

bool CsvReader::fillCompressed()
{
    Inflater &inf = *m_inflater;
    z_stream &z = inf.stream;
    while (!inf.finished) {
        if (m_rawPos == m_rawLen && !readRaw()) {
            if (m_error)
                return false;
            fail(QCoreApplication::translate("encore::csvreader",
                                             "the compressed data ends too early (the file is truncated)"));
            return false;
        }
        z.next_in = reinterpret_cast<Bytef *>(m_raw.data() + m_rawPos);
        z.avail_in = static_cast<uInt>(m_rawLen - m_rawPos);
        z.next_out = reinterpret_cast<Bytef *>(m_buf.data() + m_len);
        z.avail_out = static_cast<uInt>(m_buf.size() - m_len);
        const int rc = inflate(&z, Z_NO_FLUSH);
        const std::size_t produced = m_buf.size() - m_len - z.avail_out;
        m_rawPos = m_rawLen - z.avail_in;
        m_len += produced;

        if (rc == Z_STREAM_END) {
            // `cat a.gz b.gz` is a valid gzip file: go on with the next member, if any.
            if (m_rawPos == m_rawLen)
                readRaw();
            if (m_error)
                return false;
            if (m_rawPos < m_rawLen && static_cast<unsigned char>(m_raw[m_rawPos]) == 0x1f) {
                inflateReset(&z);
            } else {
                inf.finished = true;  // trailing bytes after the last member are ignored, as gzip does
            }
        } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
            fail(QCoreApplication::translate("encore::csvreader", "the compressed data is damaged (%1)")
                     .arg(QString::fromLatin1(z.msg ? z.msg : "zlib error")));
            return false;
        }
        if (produced > 0)
            return true;
    }
    return false;
}

bool CsvReader::fill()
{
    if (m_eof || !m_device)
        return false;
    if (m_keepingLaterLines) {
        m_laterLines.append(m_buf.data() + m_laterFrom, m_len - m_laterFrom);
        m_laterFrom = 0;
    }
    m_pos = 0;
    m_len = 0;
    bool any = false;
    do {
        const bool more = m_compressed ? fillCompressed() : fillPlain();
        if (!more)
            break;
        any = true;
        // At the very start, gather four bytes to look for a byte order mark.
    } while (!m_started && m_len < 4);

    if (!m_started) {
        m_started = true;
        const auto startsWith = [this](std::string_view mark) {
            return m_len >= mark.size() && std::memcmp(m_buf.data(), mark.data(), mark.size()) == 0;
        };
        using namespace std::string_view_literals;
        if (startsWith("\xEF\xBB\xBF"sv))
            m_pos = 3;
        else if (startsWith("\xFF\xFE\0\0"sv) || startsWith("\0\0\xFE\xFF"sv))
            fail(QCoreApplication::translate("encore::csvreader",
                                             "it is UTF-32 text; save it as UTF-8 and import that"));
        else if (startsWith("\xFF\xFE"sv) || startsWith("\xFE\xFF"sv))
            fail(QCoreApplication::translate(
                "encore::csvreader",
                "it is UTF-16 text (as Excel's \"Unicode text\" saves); save it as UTF-8 and "
                "import that"));
    }
    if (!any || m_error) {
        m_eof = true;
        return false;
    }
    return m_pos < m_len || fill();
}

void CsvReader::rereadAfterFirstLine()
{
    if (!m_keepingLaterLines)
        return;
    m_keepingLaterLines = false;
    // The kept lines go back in front of what is still unread.
    m_laterLines.append(m_buf.data() + m_pos, m_len - m_pos);
    if (m_buf.size() < m_laterLines.size())
        m_buf.resize(m_laterLines.size());
    std::memcpy(m_buf.data(), m_laterLines.data(), m_laterLines.size());
    m_pos = 0;
    m_len = m_laterLines.size();
    m_laterLines.clear();
    m_line = m_laterFirstLine;
    m_prevCr = m_laterAfterCr;
}

bool CsvReader::next(CsvRecord &record)
{
    m_text.clear();
    return next(record, m_text);
}

bool CsvReader::next(CsvRecord &record, std::string &text)
{
    record.fields.clear();
    record.unterminatedQuote = false;
    m_keepingLaterLines = false;
    m_laterLines.clear();
    if (m_error)
        return false;
    const std::size_t start = text.size();
    m_ends.clear();

    enum class State { RecordStart, FieldStart, Unquoted, Quoted, QuoteInQuoted };
    State state = State::RecordStart;

    auto finish = [&](qint64 lastLine) {
        record.lastLine = lastLine;
        if (m_keepingLaterLines)
            m_laterLines.append(m_buf.data() + m_laterFrom, m_pos - m_laterFrom);
        record.fields.reserve(m_ends.size());
        std::size_t begin = start;
        for (std::size_t end : m_ends) {
            record.fields.emplace_back(text.data() + begin, end - begin);
            begin = end;
        }
        return true;
    };
    auto endLine = [&](char c) {
        ++m_line;
        m_prevCr = c == '\r';
    };

    for (;;) {
        if (m_pos == m_len) {
            if (!fill()) {
                if (m_error || state == State::RecordStart)
                    return false;
                // The input ends without a line end: the record ends here.
                record.unterminatedQuote = state == State::Quoted;
                // A line end just before the end is the last line's, not the start of another.
                const bool endsWithLineEnd =
                    record.unterminatedQuote && text.size() > start && (text.back() == '\n' || text.back() == '\r');
                m_ends.push_back(text.size());
                return finish(endsWithLineEnd ? m_line - 1 : m_line);
            }
        }
        const char *const base = m_buf.data();
        const char *const p = base + m_pos;
        const char *const end = base + m_len;

        switch (state) {
        case State::RecordStart: {
            const char c = *p;
            if (c == '\n' || c == '\r') {  // an empty line
                if (c == '\r' || !m_prevCr)
                    ++m_line;
                m_prevCr = c == '\r';
                ++m_pos;
                continue;
            }
            m_prevCr = false;
            record.line = m_line;
            state = State::FieldStart;
            continue;
        }
        case State::FieldStart:
            if (*p == '"') {
                ++m_pos;
                state = State::Quoted;
            } else {
                state = State::Unquoted;
            }
            continue;
        case State::Unquoted: {
            const char *const q = findStop<false>(p, end);
            text.append(p, q);
            m_pos = static_cast<std::size_t>(q - base);
            if (q == end)
                break;
            const char c = *q;
            ++m_pos;
            if (c == ',') {
                m_ends.push_back(text.size());
                state = State::FieldStart;
            } else if (c == '"') {
                text.push_back('"');  // a stray quote inside an unquoted field: keep it
            } else {
                m_ends.push_back(text.size());
                endLine(c);
                return finish(m_line - 1);
            }
            continue;
        }
        case State::Quoted: {
            const char *const q = findStop<true>(p, end);
            if (q != p) {
                text.append(p, q);
                m_prevCr = false;
            }
            m_pos = static_cast<std::size_t>(q - base);
            if (q == end)
                break;
            const char c = *q;
            ++m_pos;
            if (c == '"') {
                m_prevCr = false;
                state = State::QuoteInQuoted;
            } else {
                // A line end inside a quoted field is part of the field and one physical line.
                text.push_back(c);
                if (c == '\r' || !m_prevCr)
                    ++m_line;
                m_prevCr = c == '\r';
                if (!m_keepingLaterLines) {
                    m_keepingLaterLines = true;
                    m_laterFrom = m_pos;
                    m_laterFirstLine = m_line;
                    m_laterAfterCr = m_prevCr;
                }
            }
            continue;
        }
        case State::QuoteInQuoted: {
            const char c = *p;
            if (c == '"') {
                ++m_pos;
                text.push_back('"');
                state = State::Quoted;
            } else if (c == ',') {
                ++m_pos;
                m_ends.push_back(text.size());
                state = State::FieldStart;
            } else if (c == '\n' || c == '\r') {
                ++m_pos;
                m_ends.push_back(text.size());
                endLine(c);
                return finish(m_line - 1);
            } else {
                state = State::Unquoted;  // text after the closing quote: keep it
            }
            continue;
        }
        }

        if (text.size() - start > kMaxRecordBytes) {
            m_error = Error{ErrorKind::Parse,
                            QCoreApplication::translate("encore::csvreader",
                                                        "Cannot read \"%1\": the record starting on line %2 never "
                                                        "ends; a quote is probably not closed.")
                                .arg(m_name)
                                .arg(record.line)};
            m_eof = true;
            return false;
        }
    }
}

}  // namespace encore
