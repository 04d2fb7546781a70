#include "catalog/catalogrowreader.h"
#include "catalogfixtures.h"

#include <QTest>

using namespace encore;

namespace {

// A 22-character base-62 id from a number.
QByteArray trackId(int n)
{
    return QByteArray::number(n).rightJustified(22, 'A');
}

// What one row came to, in a form QCOMPARE can show.
QString describe(const CatalogRow &row, qint64 line, const CsvRecord &record)
{
    QStringList parts{QString::number(line), QString::number(static_cast<int>(row.kind)), row.reason};
    if (row.kind == CatalogRow::Kind::Usable) {
        parts << QString::fromLatin1(row.id.data(), static_cast<qsizetype>(row.id.size())) << row.track.id
              << QString::number(row.track.durationMs);
        for (Feature feature : kAllFeatures)
            parts << QString::number(static_cast<double>(row.features.value(feature)));
        for (std::string_view field : record.fields)
            parts << QString::fromUtf8(field.data(), static_cast<qsizetype>(field.size()));
    }
    return parts.join(QLatin1Char('|'));
}

ColumnMap columnsOf(CsvReader &reader)
{
    CsvRecord header;
    QStringList names;
    if (reader.next(header))
        for (std::string_view field : header.fields)
            names << QString::fromUtf8(field.data(), static_cast<qsizetype>(field.size()));
    return ColumnMap::fromHeader(names);
}

// The rows as the importer read them before there was a reading thread: one at a time.
QStringList readInOneGo(const QByteArray &data)
{
    CsvReader reader;
    if (!reader.openData(data))
        return {};
    const ColumnMap columns = columnsOf(reader);
    QStringList rows;
    CsvRecord record;
    while (reader.next(record))
        rows << describe(readCatalogRow(columns, record), record.line, record);
    return rows;
}

QStringList readInChunks(const QByteArray &data, std::size_t rowsPerChunk, std::optional<Error> &error)
{
    CsvReader reader;
    if (!reader.openData(data))
        return {};
    CatalogRowReader rowReader(reader, columnsOf(reader), rowsPerChunk);
    QStringList rows;
    CsvRecord record;
    while (const CatalogRowChunk *chunk = rowReader.next()) {
        for (std::size_t i = 0; i < chunk->entries.size(); ++i) {
            chunk->fieldsOf(i, record);
            rows << describe(chunk->entries[i].row, chunk->entries[i].line, record);
        }
    }
    error = rowReader.error();
    return rows;
}

// Usable rows, rejected ones, blank ones and quoted fields over two lines, mixed.
QByteArray mixedCatalog(int rows)
{
    QByteArray text = "track_id,track_name,duration_ms,energy,tempo\n";
    for (int i = 0; i < rows; ++i) {
        switch (i % 7) {
        case 0: text += "not-an-id,Bad," + QByteArray::number(i) + ",0.5,120\n"; break;
        case 1: text += ",,,,\n"; break;
        case 2: text += trackId(i) + ",\"Two\nlines\"," + QByteArray::number(i) + ",0.25,NA\n"; break;
        case 3: text += trackId(i) + ",Loud,1,abc,99\n"; break;
        default: text += trackId(i) + ",Song " + QByteArray::number(i) + "," + QByteArray::number(i) + ",0.125,97.5\n";
        }
    }
    return text;
}

}  // namespace

class TestCatalogRowReader : public QObject {
    Q_OBJECT

private slots:
    void sameRowsAsReadingInOneGo_data();
    void sameRowsAsReadingInOneGo();
    void reportsReadError();
    void stopsWhenLeftHalfWay();
};

void TestCatalogRowReader::sameRowsAsReadingInOneGo_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<int>("rowsPerChunk");
    const QByteArray mixed = mixedCatalog(5000);
    QTest::newRow("one row a chunk") << mixed << 1;
    QTest::newRow("7 rows a chunk") << mixed << 7;
    QTest::newRow("default chunks") << mixed << int(CatalogRowReader::kRowsPerChunk);
    QTest::newRow("one chunk") << mixed << 100000;
    QTest::newRow("gzip") << test::gzipBytes(mixed) << 64;
    QTest::newRow("header only") << QByteArray("track_id,track_name\n") << 16;
    QTest::newRow("no final line end") << QByteArray("track_id,energy\n" + trackId(1) + ",0.5") << 16;
}

void TestCatalogRowReader::sameRowsAsReadingInOneGo()
{
    QFETCH(QByteArray, data);
    QFETCH(int, rowsPerChunk);
    std::optional<Error> error;
    const QStringList chunked = readInChunks(data, static_cast<std::size_t>(rowsPerChunk), error);
    QVERIFY(!error);
    QCOMPARE(chunked, readInOneGo(data));
}

void TestCatalogRowReader::reportsReadError()
{
    const QByteArray compressed = test::gzipBytes(mixedCatalog(20000));
    std::optional<Error> error;
    const QStringList rows = readInChunks(compressed.left(compressed.size() / 2), 100, error);
    QVERIFY(error.has_value());
    QCOMPARE(error->kind, ErrorKind::Io);
    QVERIFY(!rows.isEmpty());
}

void TestCatalogRowReader::stopsWhenLeftHalfWay()
{
    CsvReader reader;
    QVERIFY(reader.openData(mixedCatalog(50000)));
    CsvRecord header;
    QVERIFY(reader.next(header));
    {
        CatalogRowReader rowReader(reader, ColumnMap::fromHeader({QStringLiteral("track_id")}), 1);
        QVERIFY(rowReader.next() != nullptr);
    }  // must not wait for the rest of the file
    QVERIFY(reader.bytesConsumed() < reader.bytesTotal());
}

QTEST_GUILESS_MAIN(TestCatalogRowReader)
#include "tst_catalogrowreader.moc"
