#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QString>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

class QIODevice;

namespace encore {

// One record of a CSV file. The views point into the reader and stay valid until its next read.
struct CsvRecord {
    qint64 line = 0;      // 1-based physical line where the record starts
    qint64 lastLine = 0;  // and where it ends: later than `line` across line ends
    // UTF-8 bytes; quotes removed, "" turned into ". The fields lie back to back in one buffer,
    // each starting where the one before ends, so a record can be copied in one go.
    std::vector<std::string_view> fields;
    bool unterminatedQuote = false;  // the input ended inside a quoted field

    int size() const { return static_cast<int>(fields.size()); }
    std::string_view field(int column) const
    {
        return column >= 0 && column < size() ? fields[static_cast<std::size_t>(column)] : std::string_view();
    }
};

// A streaming RFC 4180 reader for plain or gzip-compressed CSV (gzip is recognised by its magic
// bytes 1f 8b, whatever the file is called). Reads the input in chunks, so memory stays small
// however long the file is.
//
// Lenient where files in the wild need it: records end at LF, CRLF or a lone CR; the last record
// may lack a line end; a UTF-8 byte order mark at the start is skipped; empty lines are skipped;
// a quote inside an unquoted field and text after a closing quote are kept as written.
// Line numbers count physical lines, so a record after a quoted field spanning three lines
// reports the line a text editor shows.
class CsvReader {
public:
    CsvReader();
    ~CsvReader();
    CsvReader(const CsvReader &) = delete;
    CsvReader &operator=(const CsvReader &) = delete;

    // Opens a file, a pipe or a named FIFO; Io error when it cannot be opened or is a device
    // (/dev/zero, /dev/urandom, a terminal: input that may never end).
    Status open(const QString &path);
    // Reads from bytes held in memory (plain or gzip), named `name` in messages.
    Status openData(const QByteArray &data, const QString &name = QStringLiteral("data"));

    // Reads the next record. False at the end of the input or on an error; error() tells which.
    bool next(CsvRecord &record);
    // The same, appending the record's field bytes to `text` (never cleared here), so a caller
    // keeping many records copies none: the views point into `text` until it next grows. On
    // false, `text` may end with bytes of an unfinished record.
    bool next(CsvRecord &record, std::string &text);

    // The bytes of the record next() just returned after its first line, as they are in the
    // input; empty for a record of one line. Valid until the next call of next().
    std::string_view laterLines() const { return m_keepingLaterLines ? m_laterLines : std::string_view(); }
    // Reads those lines again, as records of their own: for a record whose quote ran on (never
    // closed, or closed only lines later), so that one stray quote costs its own line, not every
    // line it swallowed. Does nothing for a record of one line.
    void rereadAfterFirstLine();

    // Set when reading or decompressing failed; the message names the file.
    const std::optional<Error> &error() const { return m_error; }

    bool isCompressed() const { return m_compressed; }
    // Bytes of the underlying input consumed so far: compressed bytes for a gzip file, so that
    // bytesConsumed() reaches bytesTotal() at the end.
    qint64 bytesConsumed() const;
    qint64 bytesTotal() const { return m_totalBytes; }
    // A 128-bit hash (XXH3) of every byte of the input, taken while it is read, so a pipe is
    // read once: call at the end. Reads what is left unread (bytes after the last gzip member).
    QByteArray finishContentHash();

private:
    struct Inflater;

    Status start(std::unique_ptr<QIODevice> device, const QString &name);
    bool fill();  // more decoded bytes into m_buf; false at end or on error
    bool fillPlain();
    bool fillCompressed();
    bool readRaw();  // more raw bytes into m_raw; false at end or on error
    void fail(const QString &why);

    struct Hasher;

    std::unique_ptr<QIODevice> m_device;
    std::unique_ptr<Hasher> m_hasher;
    std::unique_ptr<Inflater> m_inflater;
    QString m_name;
    bool m_compressed = false;
    qint64 m_totalBytes = 0;
    qint64 m_rawRead = 0;  // raw bytes read from the device

    std::vector<char> m_raw;  // compressed input
    std::size_t m_rawPos = 0;
    std::size_t m_rawLen = 0;
    bool m_rawEof = false;

    std::vector<char> m_buf;  // decoded text
    std::size_t m_pos = 0;
    std::size_t m_len = 0;
    bool m_eof = false;
    bool m_started = false;

    std::string m_text;               // the current record's field bytes, back to back
    std::vector<std::size_t> m_ends;  // end offset of each field in the text read into
    qint64 m_line = 1;
    bool m_prevCr = false;  // the last byte consumed was a CR (CRLF is one line end)
    // The bytes of the last record after its first line end, kept from its first line end inside
    // quotes on, for rereadAfterFirstLine: bytes before m_buf[m_laterFrom] are in m_laterLines.
    bool m_keepingLaterLines = false;
    std::size_t m_laterFrom = 0;
    std::string m_laterLines;
    qint64 m_laterFirstLine = 0;
    bool m_laterAfterCr = false;  // the first line ended with a CR
    std::optional<Error> m_error;
};

}  // namespace encore
