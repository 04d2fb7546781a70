#include "catalog/catalogrow.h"

#include <QTest>

#include <cmath>

using namespace encore;

namespace {

const QStringList kHeader{QStringLiteral("track_id"), QStringLiteral("track_name"), QStringLiteral("energy"),
                          QStringLiteral("duration_ms")};

// A record whose views point into `fields`.
CsvRecord recordOf(const QByteArrayList &fields, bool unterminatedQuote = false)
{
    CsvRecord record;
    for (const QByteArray &field : fields)
        record.fields.emplace_back(field.constData(), static_cast<std::size_t>(field.size()));
    record.unterminatedQuote = unterminatedQuote;
    return record;
}

}  // namespace

class TestCatalogRow : public QObject {
    Q_OBJECT

private slots:
    void kinds_data();
    void kinds();
    void usableRowCells();
    void outOfRangeValuesLeftUnknown();
};

void TestCatalogRow::kinds_data()
{
    QTest::addColumn<QByteArrayList>("fields");
    QTest::addColumn<bool>("unterminatedQuote");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("reason");
    const int blank = static_cast<int>(CatalogRow::Kind::Blank);
    const int rejected = static_cast<int>(CatalogRow::Kind::Rejected);
    const int usable = static_cast<int>(CatalogRow::Kind::Usable);
    const QByteArray id = "4uLU6hMCjMI75M1A2tKUQC";
    QTest::newRow("blank") << QByteArrayList{"", " ", "", ""} << false << blank << QString();
    QTest::newRow("usable") << QByteArrayList{id, "Song", "0.5", "1000"} << false << usable << QString();
    QTest::newRow("extra empty field") << QByteArrayList{id, "Song", "0.5", "1000", " "} << false << usable
                                       << QString();
    QTest::newRow("unclosed quote") << QByteArrayList{id, "So"} << true << rejected
                                    << QStringLiteral("a quoted field is not closed");
    QTest::newRow("too few fields") << QByteArrayList{id, "Song"} << false << rejected
                                    << QStringLiteral("row has 2 fields, header has 4");
    QTest::newRow("no id") << QByteArrayList{"", "Song", "0.5", "1"} << false << rejected
                           << QStringLiteral("no track id");
    QTest::newRow("local") << QByteArrayList{"spotify:local:a:b:c:1", "Song", "0.5", "1"} << false << rejected
                           << QStringLiteral("local file, not on Spotify");
    QTest::newRow("bad id") << QByteArrayList{"abc", "Song", "0.5", "1"} << false << rejected
                            << QStringLiteral("not a Spotify track id: \"abc\"");
    QTest::newRow("bad feature") << QByteArrayList{id, "Song", "lots", "1"} << false << rejected
                                 << QStringLiteral("energy is not a number: \"lots\"");
    QTest::newRow("feature out of range") << QByteArrayList{id, "Song", "7", "1"} << false << usable << QString();
}

void TestCatalogRow::kinds()
{
    QFETCH(QByteArrayList, fields);
    QFETCH(bool, unterminatedQuote);
    QFETCH(int, kind);
    QFETCH(QString, reason);
    const CatalogRow row = readCatalogRow(ColumnMap::fromHeader(kHeader), recordOf(fields, unterminatedQuote));
    QCOMPARE(static_cast<int>(row.kind), kind);
    QCOMPARE(row.reason, reason);
}

void TestCatalogRow::usableRowCells()
{
    const QByteArrayList fields{"spotify:track:4uLU6hMCjMI75M1A2tKUQC", "Song", "0.25", "201000.4"};
    const CatalogRow row = readCatalogRow(ColumnMap::fromHeader(kHeader), recordOf(fields));
    QCOMPARE(row.kind, CatalogRow::Kind::Usable);
    QCOMPARE(row.idView(), std::string_view("4uLU6hMCjMI75M1A2tKUQC"));
    QCOMPARE(row.track.id, QStringLiteral("4uLU6hMCjMI75M1A2tKUQC"));
    QCOMPARE(row.track.durationMs, 201000);
    QCOMPARE(row.features.value(Feature::Energy), 0.25f);
    QVERIFY(!row.features.has(Feature::Tempo));
}

// An out-of-range value is left unknown, never clamped, and the row says which and why.
void TestCatalogRow::outOfRangeValuesLeftUnknown()
{
    const QStringList header{QStringLiteral("track_id"), QStringLiteral("Energy"), QStringLiteral("key"),
                             QStringLiteral("tempo")};
    const QByteArrayList fields{"4uLU6hMCjMI75M1A2tKUQC", "7", "99", "-120"};
    const CatalogRow row = readCatalogRow(ColumnMap::fromHeader(header), recordOf(fields));
    QCOMPARE(row.kind, CatalogRow::Kind::Usable);
    QVERIFY(row.features.isEmpty());
    QVERIFY(std::isnan(row.features.value(Feature::Energy)));
    QCOMPARE(row.outOfRange,
             QStringLiteral("Energy is out of range (0 to 1): \"7\"; "
                            "key is out of range (-1 to 11, whole numbers): \"99\"; "
                            "tempo is out of range (0 to 300): \"-120\""));

    const CatalogRow inRange = readCatalogRow(ColumnMap::fromHeader(header), recordOf({fields[0], "1", "11", "0"}));
    QVERIFY(inRange.outOfRange.isEmpty());
    QCOMPARE(inRange.features.value(Feature::Energy), 1.0f);
}

QTEST_GUILESS_MAIN(TestCatalogRow)
#include "tst_catalogrow.moc"
