#include "recommend/seedcompletion.h"

#include "importedcatalog.h"

#include <QTest>

using namespace encore;
using namespace encore::test;

class TestSeedCompletion : public QObject {
    Q_OBJECT

private slots:
    void completes_data();
    void completes();
    void emptyCatalog();
};

void TestSeedCompletion::completes_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<int>("limit");
    QTest::addColumn<QStringList>("shown");

    QTest::newRow("titles by their text") << "mem" << 10 << QStringList{"Memories", "Memories - Remix"};
    QTest::newRow("case, accents kept") << QString::fromUtf8("CAFÉ") << 10
                                        << QStringList{QString::fromUtf8("Café del Mar")};
    QTest::newRow("an artist") << "maroon" << 10 << QStringList{"Maroon 5"};
    QTest::newRow("first credited artist") << "ana" << 10 << QStringList{"Ana Ruiz"};
    QTest::newRow("second credited artist") << "ben" << 10 << QStringList{"Ben Cole"};
    QTest::newRow("a name with a comma") << "tyler" << 10 << QStringList{"Tyler, The Creator"};
    QTest::newRow("punctuation folded") << "tyler the" << 10 << QStringList{"Tyler, The Creator"};
    QTest::newRow("copies once") << "blinding" << 10 << QStringList{"Blinding Lights"};
    QTest::newRow("title and artist alike") << "duet" << 10 << QStringList{"Duet", "Duet Singers"};
    QTest::newRow("at most the limit") << "m" << 2 << QStringList{"Maroon 5", "Memories"};
    QTest::newRow("nothing starts so") << "zz" << 10 << QStringList{};
    QTest::newRow("middle of a name") << "ruiz" << 10 << QStringList{};
    QTest::newRow("empty") << "" << 10 << QStringList{};
    QTest::newRow("punctuation only") << " - " << 10 << QStringList{};
}

void TestSeedCompletion::completes()
{
    QFETCH(QString, typed);
    QFETCH(int, limit);
    QFETCH(QStringList, shown);

    const std::shared_ptr<const Catalog> catalog = importedCatalog({
        importedRow(0, "Memories", "Maroon 5"),
        importedRow(1, "Memories - Remix", "Maroon 5"),
        importedRow(2, "Duet", "\"Ana Ruiz, Ben Cole\""),
        importedRow(3, "Solo", "Ana Ruiz"),
        importedRow(4, "Other", "Ben Cole"),
        importedRow(5, "Flower Boy", "\"Tyler, The Creator\""),
        importedRow(6, "Blinding Lights", "The Weeknd"),
        importedRow(7, "Blinding Lights", "The Weeknd"),
        importedRow(8, "Caf\xc3\xa9 del Mar", "Energy 52"),
        importedRow(9, "Song", "Duet Singers"),
    });
    QVERIFY(catalog);
    const SeedCompletion completion(catalog);
    QCOMPARE(completion.complete(typed, limit), shown);
}

void TestSeedCompletion::emptyCatalog()
{
    QCOMPARE(SeedCompletion().complete(u"a", 10), QStringList{});
    QCOMPARE(SeedCompletion().size(), 0);
}

QTEST_GUILESS_MAIN(TestSeedCompletion)
#include "tst_seedcompletion.moc"
