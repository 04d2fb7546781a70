#include "library/seedcompleter.h"
#include "ui/uitestcatalog.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QLineEdit>
#include <QTest>

using namespace encore;
using namespace encore::test;

namespace {

constexpr int kTimeoutMs = 5000;

// What the completer offers for `typed`, typed afresh into `edit`.
QStringList offered(QLineEdit &edit, const QString &typed)
{
    edit.clear();
    QTest::keyClicks(&edit, typed);
    QStringList texts;
    const QAbstractItemModel *model = edit.completer()->completionModel();
    for (int row = 0; row < model->rowCount(); ++row)
        texts.push_back(model->index(row, 0).data().toString());
    return texts;
}

}  // namespace

class TestSeedCompleter : public QObject {
    Q_OBJECT

private slots:
    void offersTitlesAndArtists_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QStringList>("shown");
        QTest::newRow("title and artist") << "a" << QStringList{"Alpha", "Ann"};
        QTest::newRow("second credited artist") << "c" << QStringList{"Cy"};
        QTest::newRow("nothing") << "zz" << QStringList{};
    }

    void offersTitlesAndArtists()
    {
        QFETCH(QString, typed);
        QFETCH(QStringList, shown);
        QLineEdit edit;
        SeedCompleter completer(&edit);
        completer.setCatalog(smallCatalog());
        edit.show();
        QVERIFY(QTest::qWaitForWindowExposed(&edit));
        // The index is built in the background: nothing is offered until it is there.
        QTRY_VERIFY_WITH_TIMEOUT(!offered(edit, QStringLiteral("a")).isEmpty(), kTimeoutMs);
        QCOMPARE(offered(edit, typed), shown);
    }

    void aChosenCompletionIsTheText()
    {
        QLineEdit edit;
        SeedCompleter completer(&edit);
        completer.setCatalog(smallCatalog());
        edit.show();
        QVERIFY(QTest::qWaitForWindowExposed(&edit));
        QTRY_VERIFY_WITH_TIMEOUT(!offered(edit, QStringLiteral("ep")).isEmpty(), kTimeoutMs);
        QTRY_VERIFY(edit.completer()->popup()->isVisible());
        QTest::keyClick(edit.completer()->popup(), Qt::Key_Down);
        QTest::keyClick(edit.completer()->popup(), Qt::Key_Return);
        QCOMPARE(edit.text(), QStringLiteral("Epsilon"));
    }

    void noCatalogOffersNothing()
    {
        QLineEdit edit;
        SeedCompleter completer(&edit);
        completer.setCatalog(nullptr);
        QCOMPARE(offered(edit, QStringLiteral("a")), QStringList{});
    }
};

QTEST_MAIN(TestSeedCompleter)
#include "tst_seedcompleter.moc"
