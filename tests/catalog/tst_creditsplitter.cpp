#include "catalog/creditsplitter.h"

#include <QTest>

using namespace encore;

class TestCreditSplitter : public QObject {
    Q_OBJECT

private slots:
    void split_data();
    void split();
    void keyStart_data();
    void keyStart();
};

void TestCreditSplitter::split_data()
{
    QTest::addColumn<QStringList>("known");  // artists seen alone
    QTest::addColumn<QString>("name");
    QTest::addColumn<QStringList>("artists");

    QTest::newRow("credit list, first part known")
        << QStringList{"Daft Punk"} << "Daft Punk, Pharrell Williams" << QStringList{"Daft Punk", "Pharrell Williams"};
    QTest::newRow("credit list, second part known")
        << QStringList{"Pharrell Williams"} << "Daft Punk, Pharrell Williams"
        << QStringList{"Daft Punk", "Pharrell Williams"};
    QTest::newRow("known in another case and spacing")
        << QStringList{"daft  punk"} << "Daft Punk,Pharrell Williams" << QStringList{"Daft Punk", "Pharrell Williams"};
    QTest::newRow("no part known stays whole")
        << QStringList{"Kali Uchis"} << "Tyler, The Creator" << QStringList{"Tyler, The Creator"};
    QTest::newRow("nothing known") << QStringList{} << "Earth, Wind & Fire" << QStringList{"Earth, Wind & Fire"};
    QTest::newRow("unknown parts stay together") << QStringList{"Kali Uchis"} << "Tyler, The Creator, Kali Uchis"
                                                 << QStringList{"Tyler, The Creator", "Kali Uchis"};
    QTest::newRow("name known whole is not cut")
        << QStringList{"Tyler, The Creator", "Tyler"} << "Tyler, The Creator, Kali Uchis"
        << QStringList{"Tyler, The Creator", "Kali Uchis"};
    QTest::newRow("whole name known") << QStringList{"Earth, Wind & Fire", "Earth"} << "Earth, Wind & Fire"
                                      << QStringList{"Earth, Wind & Fire"};
    QTest::newRow("three artists") << QStringList{"A", "C"} << "A, B, C" << QStringList{"A", "B", "C"};
    QTest::newRow("empty parts dropped") << QStringList{"A"} << "A, , B" << QStringList{"A", "B"};
    QTest::newRow("no comma") << QStringList{"A"} << "A B" << QStringList{"A B"};
}

void TestCreditSplitter::split()
{
    QFETCH(QStringList, known);
    QFETCH(QString, name);
    QFETCH(QStringList, artists);

    CreditSplitter splitter;
    for (const QString &artist : known)
        splitter.addKnownArtist(artist);
    QCOMPARE(splitter.split(name), artists);
}

void TestCreditSplitter::keyStart_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<bool>("same");

    QTest::newRow("case and punctuation") << "Tyler, The Creator"
                                          << " tyler-the" << true;
    QTest::newRow("only the start counts") << "Daft Punk"
                                           << "Daft Punks" << true;
    QTest::newRow("a space is a character") << "ab cd"
                                            << "abcd" << false;
    QTest::newRow("short names") << "JR"
                                 << "Jr." << true;
    QTest::newRow("different names") << "Ana Ruiz"
                                     << "Ben Cole" << false;
    QTest::newRow("accents kept") << QString::fromUtf8("Él") << "El" << false;
}

void TestCreditSplitter::keyStart()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(bool, same);
    QCOMPARE(CreditSplitter::keyStart(a) == CreditSplitter::keyStart(b), same);
}

QTEST_APPLESS_MAIN(TestCreditSplitter)
#include "tst_creditsplitter.moc"
