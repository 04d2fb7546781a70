#include "catalog/csvreader.h"
#include "catalogfixtures.h"

#include <QTemporaryDir>
#include <QTest>

using namespace encore;

namespace {

using Records = QList<QStringList>;
using Lines = QList<qint64>;

struct ReadAll {
    Records records;
    Lines lines;
    QList<bool> unterminated;
};

ReadAll readAll(CsvReader &reader)
{
    ReadAll all;
    CsvRecord record;
    while (reader.next(record)) {
        QStringList fields;
        for (std::string_view field : record.fields)
            fields.push_back(QString::fromUtf8(field.data(), static_cast<qsizetype>(field.size())));
        all.records.push_back(fields);
        all.lines.push_back(record.line);
        all.unterminated.push_back(record.unterminatedQuote);
    }
    return all;
}

// Records with a quoted two-line field each, long enough to cross the reader's chunk boundaries.
QByteArray multilineRecords(int count)
{
    QByteArray data = "id,text,n\r\n";
    for (int i = 0; i < count; ++i)
        data += "\"id" + QByteArray::number(i) + "\",\"multi\nline \"\"" + QByteArray::number(i) + "\"\", with comma\","
            + QByteArray::number(i) + "\r\n";
    return data;
}

void checkMultilineRecords(const ReadAll &all, int count)
{
    QCOMPARE(all.records.size(), count + 1);
    QCOMPARE(all.lines.front(), 1);
    for (int i = 0; i < count; ++i) {
        const QStringList &fields = all.records[i + 1];
        QCOMPARE(fields.size(), 3);
        QCOMPARE(fields[0], QStringLiteral("id%1").arg(i));
        QCOMPARE(fields[1], QStringLiteral("multi\nline \"%1\", with comma").arg(i));
        QCOMPARE(fields[2], QString::number(i));
        // The header is line 1; each record takes two physical lines.
        QCOMPARE(all.lines[i + 1], qint64(2 + 2 * i));
    }
}

}  // namespace

class TestCsvReader : public QObject {
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void fieldsBackToBack();
    void appendsToCallersText();
    void stopsAtEveryOffset_data();
    void stopsAtEveryOffset();
    void unterminatedQuote();
    void lastLine_data();
    void lastLine();
    void rereadAfterFirstLine_data();
    void rereadAfterFirstLine();
    void rereadAcrossChunks_data();
    void rereadAcrossChunks();
    void chunkBoundaries();
    void gzipFile();
    void gzipDetectedByMagicBytes();
    void plainFileNamedGz();
    void concatenatedGzipMembers();
    void damagedGzip_data();
    void damagedGzip();
    void missingFile();
    void bytesConsumedReachesTotal();
};

void TestCsvReader::parse_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<Records>("records");
    QTest::addColumn<Lines>("lines");

    QTest::newRow("simple") << QByteArray("a,b,c\n1,2,3\n") << Records{{"a", "b", "c"}, {"1", "2", "3"}} << Lines{1, 2};
    QTest::newRow("crlf, no final newline")
        << QByteArray("a,b\r\n1,2\r\n3,4") << Records{{"a", "b"}, {"1", "2"}, {"3", "4"}} << Lines{1, 2, 3};
    QTest::newRow("lone cr") << QByteArray("a,b\r1,2\r") << Records{{"a", "b"}, {"1", "2"}} << Lines{1, 2};
    QTest::newRow("quoted comma") << QByteArray("a,\"b,c\",d\n") << Records{{"a", "b,c", "d"}} << Lines{1};
    QTest::newRow("escaped quotes") << QByteArray("\"say \"\"hi\"\"\",x\n") << Records{{"say \"hi\"", "x"}} << Lines{1};
    QTest::newRow("quoted newline") << QByteArray("h1,h2\n\"multi\nline\",x\nnext,y\n")
                                    << Records{{"h1", "h2"}, {"multi\nline", "x"}, {"next", "y"}} << Lines{1, 2, 4};
    QTest::newRow("quoted crlf newline") << QByteArray("h\r\n\"a\r\nb\"\r\nc\r\n") << Records{{"h"}, {"a\r\nb"}, {"c"}}
                                         << Lines{1, 2, 4};
    QTest::newRow("quoted field spanning three lines")
        << QByteArray("h,x\n\"1\n2\n3\",a\nb,c") << Records{{"h", "x"}, {"1\n2\n3", "a"}, {"b", "c"}} << Lines{1, 2, 5};
    QTest::newRow("bom") << QByteArray("\xEF\xBB\xBFtrack_id,x\n1,2") << Records{{"track_id", "x"}, {"1", "2"}}
                         << Lines{1, 2};
    QTest::newRow("bom before quoted header")
        << QByteArray("\xEF\xBB\xBF\"id\",x\n") << Records{{"id", "x"}} << Lines{1};
    QTest::newRow("empty fields") << QByteArray("a,,c\n,,\n") << Records{{"a", "", "c"}, {"", "", ""}} << Lines{1, 2};
    QTest::newRow("trailing comma") << QByteArray("a,b,\n") << Records{{"a", "b", ""}} << Lines{1};
    QTest::newRow("empty lines skipped") << QByteArray("a\n\n\nb\n") << Records{{"a"}, {"b"}} << Lines{1, 4};
    QTest::newRow("empty crlf lines skipped")
        << QByteArray("a\r\n\r\nb\r\n\r\n") << Records{{"a"}, {"b"}} << Lines{1, 3};
    QTest::newRow("empty quoted field") << QByteArray("\"\",x\n") << Records{{"", "x"}} << Lines{1};
    QTest::newRow("stray quote in unquoted field") << QByteArray("ab\"c,d\n") << Records{{"ab\"c", "d"}} << Lines{1};
    QTest::newRow("text after closing quote") << QByteArray("\"ab\"c,d\n") << Records{{"abc", "d"}} << Lines{1};
    QTest::newRow("utf-8") << QByteArray("Beyonc\xC3\xA9,Sigur R\xC3\xB3s\n")
                           << Records{{QStringLiteral("Beyoncé"), QStringLiteral("Sigur Rós")}} << Lines{1};
    QTest::newRow("quoted last field, no newline") << QByteArray("a,\"b\"") << Records{{"a", "b"}} << Lines{1};
    QTest::newRow("empty input") << QByteArray() << Records{} << Lines{};
    QTest::newRow("only a bom") << QByteArray("\xEF\xBB\xBF") << Records{} << Lines{};
    QTest::newRow("only newlines") << QByteArray("\n\r\n\n") << Records{} << Lines{};
}

void TestCsvReader::parse()
{
    QFETCH(QByteArray, input);
    QFETCH(Records, records);
    QFETCH(Lines, lines);

    CsvReader reader;
    QVERIFY(reader.openData(input).ok());
    const ReadAll all = readAll(reader);
    QVERIFY(!reader.error());
    QCOMPARE(all.records, records);
    QCOMPARE(all.lines, lines);
    QVERIFY(!all.unterminated.contains(true));
    QVERIFY(!reader.isCompressed());
}

void TestCsvReader::unterminatedQuote()
{
    CsvReader reader;
    QVERIFY(reader.openData("h,x\nok,1\nbad,\"never closed\nmore,2\n").ok());
    const ReadAll all = readAll(reader);
    QVERIFY(!reader.error());
    QCOMPARE(all.records.size(), 3);
    QCOMPARE(all.lines, (Lines{1, 2, 3}));
    QCOMPARE(all.unterminated, (QList<bool>{false, false, true}));
    QCOMPARE(all.records[2], (QStringList{"bad", "never closed\nmore,2\n"}));
}

void TestCsvReader::lastLine_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<Lines>("lastLines");

    QTest::newRow("one line each") << QByteArray("a\nb\n") << Lines{1, 2};
    QTest::newRow("no final line end") << QByteArray("a\nb") << Lines{1, 2};
    QTest::newRow("quoted line ends") << QByteArray("\"a\r\nb\r\nc\"\r\nd\n") << Lines{3, 4};
    QTest::newRow("unclosed at the end") << QByteArray("a\n\"b\nc\n") << Lines{1, 3};
    QTest::newRow("unclosed on the last line") << QByteArray("a\n\"b\n") << Lines{1, 2};
}

void TestCsvReader::lastLine()
{
    QFETCH(QByteArray, input);
    QFETCH(Lines, lastLines);

    CsvReader reader;
    QVERIFY(reader.openData(input).ok());
    Lines seen;
    for (CsvRecord record; reader.next(record);)
        seen.push_back(record.lastLine);
    QCOMPARE(seen, lastLines);
}

// A quote that runs on, read again from the line after its own: each line it swallowed is a
// record again, with its own line number.
void TestCsvReader::rereadAfterFirstLine_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<Records>("records");  // after the one read again
    QTest::addColumn<Lines>("lines");

    QTest::newRow("never closed") << QByteArray("h,x\nbad,\"never closed\nb,2\nc,3\n")
                                  << Records{{"b", "2"}, {"c", "3"}} << Lines{3, 4};
    QTest::newRow("closed lines later") << QByteArray("h,x\nbad,\"stray\nb,2\nc,say \"hi\"\nd,4\n")
                                        << Records{{"b", "2"}, {"c", "say \"hi\""}, {"d", "4"}} << Lines{3, 4, 5};
    QTest::newRow("crlf") << QByteArray("h,x\r\nbad,\"stray\r\nb,2\r\n\r\nc,3") << Records{{"b", "2"}, {"c", "3"}}
                          << Lines{3, 5};
    QTest::newRow("quoted line end later") << QByteArray("h,x\nbad,\"a\nb,\"two\nlines\"\nc,3\n")
                                           << Records{{"b", "two\nlines"}, {"c", "3"}} << Lines{3, 5};
}

void TestCsvReader::rereadAfterFirstLine()
{
    QFETCH(QByteArray, input);
    QFETCH(Records, records);
    QFETCH(Lines, lines);

    CsvReader reader;
    QVERIFY(reader.openData(input).ok());
    CsvRecord record;
    QVERIFY(reader.next(record));   // the header
    reader.rereadAfterFirstLine();  // a record of one line: nothing to read again
    QVERIFY(reader.next(record));
    QCOMPARE(record.line, 2);
    QVERIFY(record.lastLine > 2);
    reader.rereadAfterFirstLine();
    const ReadAll rest = readAll(reader);
    QVERIFY(!reader.error());
    QCOMPARE(rest.records, records);
    QCOMPARE(rest.lines, lines);
}

// The swallowed lines span several of the reader's chunks, plain and compressed.
void TestCsvReader::rereadAcrossChunks_data()
{
    QTest::addColumn<bool>("compressed");
    QTest::newRow("plain") << false;
    QTest::newRow("gzip") << true;
}

void TestCsvReader::rereadAcrossChunks()
{
    QFETCH(bool, compressed);
    const int count = 40000;
    QByteArray data = "h,x\nbad,\"stray\n";
    for (int i = 0; i < count; ++i)
        data += "row " + QByteArray::number(i) + ",some text to fill the chunks up\n";
    QVERIFY(data.size() > 3 * 256 * 1024);

    CsvReader reader;
    QVERIFY(reader.openData(compressed ? test::gzipBytes(data) : data).ok());
    CsvRecord record;
    QVERIFY(reader.next(record));
    QVERIFY(reader.next(record));
    QVERIFY(record.unterminatedQuote);
    QCOMPARE(record.lastLine, qint64(count + 2));
    reader.rereadAfterFirstLine();
    const ReadAll rest = readAll(reader);
    QVERIFY(!reader.error());
    QCOMPARE(rest.records.size(), count);
    for (int i = 0; i < count; i += 997) {
        QCOMPARE(rest.records[i].front(), QStringLiteral("row %1").arg(i));
        QCOMPARE(rest.lines[i], qint64(i + 3));
    }
    QCOMPARE(rest.records.back().front(), QStringLiteral("row %1").arg(count - 1));
}

void TestCsvReader::chunkBoundaries()
{
    const int count = 20000;  // about 900 kB: several of the reader's chunks
    const QByteArray data = multilineRecords(count);
    QVERIFY(data.size() > 3 * 256 * 1024);

    CsvReader plain;
    QVERIFY(plain.openData(data).ok());
    checkMultilineRecords(readAll(plain), count);
    QVERIFY(!plain.error());

    CsvReader compressed;
    QVERIFY(compressed.openData(test::gzipBytes(data)).ok());
    QVERIFY(compressed.isCompressed());
    checkMultilineRecords(readAll(compressed), count);
    QVERIFY(!compressed.error());
}

void TestCsvReader::gzipFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path =
        test::writeGzipFixture(QDir(dir.path()), "songs.csv.gz", "\xEF\xBB\xBFid,name\r\n1,\"a, b\"\r\n2,c");
    QVERIFY(!path.isEmpty());

    CsvReader reader;
    QVERIFY(reader.open(path).ok());
    QVERIFY(reader.isCompressed());
    const ReadAll all = readAll(reader);
    QVERIFY(!reader.error());
    QCOMPARE(all.records, (Records{{"id", "name"}, {"1", "a, b"}, {"2", "c"}}));
    QCOMPARE(all.lines, (Lines{1, 2, 3}));
    QCOMPARE(reader.bytesTotal(), QFileInfo(path).size());
    QCOMPARE(reader.bytesConsumed(), reader.bytesTotal());
}

void TestCsvReader::gzipDetectedByMagicBytes()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = test::writeGzipFixture(QDir(dir.path()), "misnamed.csv", "id\nabc\n");
    QVERIFY(!path.isEmpty());

    CsvReader reader;
    QVERIFY(reader.open(path).ok());
    QVERIFY(reader.isCompressed());
    QCOMPARE(readAll(reader).records, (Records{{"id"}, {"abc"}}));
}

void TestCsvReader::plainFileNamedGz()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = test::writeFixture(QDir(dir.path()), "plain.csv.gz", "id\nabc\n");
    QVERIFY(!path.isEmpty());

    CsvReader reader;
    QVERIFY(reader.open(path).ok());
    QVERIFY(!reader.isCompressed());
    QCOMPARE(readAll(reader).records, (Records{{"id"}, {"abc"}}));
    QVERIFY(!reader.error());
}

void TestCsvReader::concatenatedGzipMembers()
{
    // `cat a.gz b.gz > c.gz` gives one valid gzip file of two members.
    const QByteArray data = test::gzipBytes("id,n\n1,a\n") + test::gzipBytes("2,b\n");
    CsvReader reader;
    QVERIFY(reader.openData(data).ok());
    const ReadAll all = readAll(reader);
    QVERIFY(!reader.error());
    QCOMPARE(all.records, (Records{{"id", "n"}, {"1", "a"}, {"2", "b"}}));
    QCOMPARE(all.lines, (Lines{1, 2, 3}));
}

void TestCsvReader::damagedGzip_data()
{
    QTest::addColumn<QByteArray>("data");
    const QByteArray good = test::gzipBytes(multilineRecords(2000));
    QVERIFY(good.size() > 100);

    QTest::newRow("truncated") << good.left(good.size() / 2);
    QByteArray corrupt = good;
    for (qsizetype i = 20; i < 60; ++i)
        corrupt[i] = static_cast<char>(0xA5 ^ corrupt[i]);
    QTest::newRow("corrupt") << corrupt;
    QTest::newRow("magic only") << QByteArray("\x1f\x8b");
}

void TestCsvReader::damagedGzip()
{
    QFETCH(QByteArray, data);
    CsvReader reader;
    QVERIFY(reader.openData(data, "broken.csv.gz").ok());
    readAll(reader);
    QVERIFY(reader.error().has_value());
    QCOMPARE(reader.error()->kind, ErrorKind::Io);
    QVERIFY2(reader.error()->message.contains("broken.csv.gz"), qPrintable(reader.error()->message));
}

void TestCsvReader::missingFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    CsvReader reader;
    const Status opened = reader.open(dir.filePath("nowhere.csv"));
    QVERIFY(!opened.ok());
    QCOMPARE(opened.error().kind, ErrorKind::Io);
    QVERIFY(opened.error().message.contains("nowhere.csv"));

    CsvReader folder;
    const Status openedFolder = folder.open(dir.path());
    QVERIFY(!openedFolder.ok());
    QCOMPARE(openedFolder.error().kind, ErrorKind::Io);
}

void TestCsvReader::bytesConsumedReachesTotal()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QByteArray data = multilineRecords(20000);
    const QString path = test::writeFixture(QDir(dir.path()), "big.csv", data);
    QVERIFY(!path.isEmpty());

    CsvReader reader;
    QVERIFY(reader.open(path).ok());
    QCOMPARE(reader.bytesTotal(), data.size());
    CsvRecord record;
    qint64 previous = 0;
    int records = 0;
    while (reader.next(record)) {
        ++records;
        QVERIFY(reader.bytesConsumed() >= previous);
        QVERIFY(reader.bytesConsumed() <= reader.bytesTotal());
        previous = reader.bytesConsumed();
    }
    QCOMPARE(records, 20001);
    QCOMPARE(reader.bytesConsumed(), reader.bytesTotal());
}

// CatalogRowChunk copies a record in one go, relying on this.
void TestCsvReader::fieldsBackToBack()
{
    CsvReader reader;
    QVERIFY(reader.openData(multilineRecords(20000) + ",\"\",x\"\"y,,\"a\"\"\"\n"));
    CsvRecord record;
    int records = 0;
    while (reader.next(record)) {
        ++records;
        for (std::size_t i = 1; i < record.fields.size(); ++i)
            QCOMPARE(static_cast<const void *>(record.fields[i].data()),
                     static_cast<const void *>(record.fields[i - 1].data() + record.fields[i - 1].size()));
    }
    QCOMPARE(records, 20002);
}

// Reading into one text gives the records reading them one at a time gives, kept side by side.
void TestCsvReader::appendsToCallersText()
{
    const QByteArray data = multilineRecords(5000) + "\"open";
    CsvReader plain;
    QVERIFY(plain.openData(data));
    const ReadAll expected = readAll(plain);

    CsvReader reader;
    QVERIFY(reader.openData(data));
    std::string text = "kept";
    std::vector<std::pair<std::size_t, std::size_t>> spans;  // each field's offset and size in text
    std::vector<std::size_t> firstSpan;
    ReadAll all;
    CsvRecord record;
    while (reader.next(record, text)) {
        firstSpan.push_back(spans.size());
        for (std::string_view field : record.fields)
            spans.emplace_back(static_cast<std::size_t>(field.data() - text.data()), field.size());
        all.lines.push_back(record.line);
        all.unterminated.push_back(record.unterminatedQuote);
    }
    firstSpan.push_back(spans.size());
    QCOMPARE(text.substr(0, 4), std::string("kept"));
    for (std::size_t r = 0; r + 1 < firstSpan.size(); ++r) {
        QStringList fields;
        for (std::size_t f = firstSpan[r]; f < firstSpan[r + 1]; ++f)
            fields.push_back(QString::fromStdString(text.substr(spans[f].first, spans[f].second)));
        all.records.push_back(fields);
    }
    QCOMPARE(all.records, expected.records);
    QCOMPARE(all.lines, expected.lines);
    QCOMPARE(all.unterminated, expected.unterminated);
}

// The reader looks for commas, quotes and line ends eight bytes at a time: each must be found
// wherever it falls in a word, next to bytes one above or below it and to UTF-8.
void TestCsvReader::stopsAtEveryOffset_data()
{
    QTest::addColumn<QByteArray>("filler");
    QTest::newRow("letters") << QByteArray("abcdefgh");
    QTest::newRow("neighbours of the stops") << QByteArray("+-!#\x0b\x0c\x0e\x0f");
    QTest::newRow("utf-8") << QByteArray("\xc3\xa9\xe2\x80\xa6\xf0\x9f\x8e\xb5");
}

void TestCsvReader::stopsAtEveryOffset()
{
    QFETCH(QByteArray, filler);
    for (int length = 0; length < 40; ++length) {
        QByteArray cell;
        for (int i = 0; i < length; ++i)
            cell.append(filler[i % filler.size()]);
        const QByteArray data = cell + "," + cell + "\n\"" + cell + "\"\"" + cell + "\"," + cell + "\r\n" + cell;
        CsvReader reader;
        QVERIFY(reader.openData(data));
        const ReadAll all = readAll(reader);
        const QString text = QString::fromUtf8(cell);
        const Records expected{{text, text}, {text + QLatin1Char('"') + text, text}, {text}};
        if (length == 0)  // the last line is empty then, and empty lines are no records
            QCOMPARE(all.records, Records(expected.begin(), expected.end() - 1));
        else
            QCOMPARE(all.records, expected);
    }
}

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
