#include "common/itemroles.h"
#include "common/searchproxymodel.h"
#include "recommendations/recommendationtablemodel.h"

#include "ui/uitestcatalog.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace encore;
using Column = RecommendationTableModel::Column;

namespace {

// For the seed Alpha (row 0): Delta, Epsilon, Beta.
std::vector<Recommendation> recommendationsForAlpha()
{
    return {
        {3, 0.99f, {Feature::Danceability, Feature::Tempo, Feature::Key}},
        {4, 0.8f, {Feature::Mode}},
        {1, 0.35f, {}},
    };
}

}  // namespace

class TestRecommendationTableModel : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void emptyModel()
    {
        RecommendationTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), RecommendationTableModel::kColumnCount);
        QCOMPARE(model.headerData(int(Column::Why), Qt::Horizontal).toString(), QStringLiteral("Why"));
    }

    void setRecommendationsResets()
    {
        RecommendationTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy aboutToReset(&model, &QAbstractItemModel::modelAboutToBeReset);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        model.setRecommendations(test::smallCatalog(), 0, recommendationsForAlpha());
        QCOMPARE(aboutToReset.count(), 1);
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.seedRow(), 0);
        QCOMPARE(model.rowOfCatalogRow(4), 1);
        QCOMPARE(model.rowOfCatalogRow(0), -1);

        model.clear();
        QCOMPARE(reset.count(), 2);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.seedRow(), -1);
    }

    void data_data()
    {
        QTest::addColumn<int>("row");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("display");
        QTest::newRow("rank") << 0 << int(Column::Rank) << QStringLiteral("1");
        QTest::newRow("score") << 0 << int(Column::Score) << QStringLiteral("0.990");
        QTest::newRow("title") << 0 << int(Column::Title) << QStringLiteral("Delta");
        QTest::newRow("artists") << 0 << int(Column::Artists) << QStringLiteral("Dee");
        QTest::newRow("why: three features")
            << 0 << int(Column::Why) << QStringLiteral("similar danceability, tempo 122 vs 124 BPM, same key");
        QTest::newRow("why: mode") << 1 << int(Column::Why) << QStringLiteral("both major");
        QTest::newRow("why: nothing to say") << 2 << int(Column::Why) << QString();
        QTest::newRow("last rank") << 2 << int(Column::Rank) << QStringLiteral("3");
    }
    void data()
    {
        QFETCH(int, row);
        QFETCH(int, column);
        QFETCH(QString, display);
        RecommendationTableModel model;
        model.setRecommendations(test::smallCatalog(), 0, recommendationsForAlpha());
        QCOMPARE(model.index(row, column).data().toString(), display);
        QCOMPARE(model.index(row, column).data(roles::CatalogRow).toInt(), recommendationsForAlpha()[row].row);
    }

    void likedRowsAreMarked()
    {
        RecommendationTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRecommendations(test::smallCatalog(), 0, recommendationsForAlpha());
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setLikedRows({4});
        QCOMPARE(changed.count(), 1);
        QVERIFY(!model.isLiked(0));
        QVERIFY(model.isLiked(1));
        QCOMPARE(model.index(1, int(Column::Why)).data().toString(), QStringLiteral("♥ both major"));
        QVERIFY(
            model.index(1, int(Column::Why)).data(Qt::ToolTipRole).toString().startsWith(QStringLiteral("You liked")));
        QCOMPARE(model.index(0, int(Column::Why)).data().toString(),
                 QStringLiteral("similar danceability, tempo 122 vs 124 BPM, same key"));
        // The same again changes nothing; a new list keeps the marks by catalog row.
        model.setLikedRows({4});
        QCOMPARE(changed.count(), 1);
        model.setRecommendations(test::smallCatalog(), 0, {recommendationsForAlpha()[1]});
        QVERIFY(model.isLiked(0));
        model.setLikedRows({});
        QVERIFY(!model.isLiked(0));
        QCOMPARE(model.index(0, int(Column::Why)).data().toString(), QStringLiteral("both major"));
    }

    void discoveredSongsSayWhereTheyCameFrom()
    {
        Discoveries discoveries;
        discoveries.originsOf[4] = {DiscoveryOrigin{DiscoveryOrigin::Source::ReccoBeats, {}, {}}};
        discoveries.originsOf[1] = {DiscoveryOrigin{DiscoveryOrigin::Source::DeezerTop, QStringLiteral("Bee"), {}}};
        discoveries.newRows = {4};  // Beta (row 1) is in a playlist by now
        RecommendationTableModel model;
        model.setDiscoveries(discoveries);
        model.setRecommendations(test::smallCatalog(), 0, recommendationsForAlpha());

        QVERIFY(!model.isNew(0));
        QVERIFY(model.isNew(1));
        QVERIFY(!model.isNew(2));
        QCOMPARE(model.index(1, int(Column::Title)).data().toString(), QStringLiteral("Epsilon · New"));
        QVERIFY(model.index(1, int(Column::Title))
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("new to your library")));
        QCOMPARE(model.index(0, int(Column::Title)).data().toString(), QStringLiteral("Delta"));
        QCOMPARE(model.index(1, int(Column::Why)).data().toString(),
                 QStringLiteral("both major · ReccoBeats recommends it for this seed"));
        QCOMPARE(model.index(2, int(Column::Why)).data().toString(), QStringLiteral("top song of Bee on Deezer"));
        QCOMPARE(discoveries.allButNew(6), (std::vector<int>{0, 1, 2, 3, 5}));
    }

    void scoreMeaningFollowsMethod_data()
    {
        QTest::addColumn<int>("method");
        QTest::addColumn<QString>("header");
        QTest::addColumn<QString>("toolTipStart");
        QTest::newRow("content") << int(RankingMethod::Content) << QStringLiteral("Score")
                                 << QStringLiteral("Similarity to the seed");
        QTest::newRow("tutorial") << int(RankingMethod::Tutorial) << QStringLiteral("Score")
                                  << QStringLiteral("Similarity to the seed");
        QTest::newRow("hybrid") << int(RankingMethod::Hybrid) << QStringLiteral("Relevance")
                                << QStringLiteral("Relevance in the hybrid blend");
    }
    void scoreMeaningFollowsMethod()
    {
        QFETCH(int, method);
        QFETCH(QString, header);
        QFETCH(QString, toolTipStart);
        RecommendationTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRecommendations(test::smallCatalog(), 0, recommendationsForAlpha(),
                                 static_cast<RankingMethod>(method));
        QCOMPARE(model.headerData(int(Column::Score), Qt::Horizontal).toString(), header);
        QVERIFY(
            model.headerData(int(Column::Score), Qt::Horizontal, Qt::ToolTipRole).toString().startsWith(toolTipStart));
        QVERIFY(model.index(0, int(Column::Score)).data(Qt::ToolTipRole).toString().startsWith(toolTipStart));
        QCOMPARE(model.method(), static_cast<RankingMethod>(method));
    }

    void proxySortsScoresAsNumbers()
    {
        RecommendationTableModel model;
        SearchProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRecommendations(test::smallCatalog(), 0, recommendationsForAlpha());

        proxy.sort(int(Column::Score), Qt::AscendingOrder);
        QStringList titles;
        for (int row = 0; row < proxy.rowCount(); ++row)
            titles << proxy.index(row, int(Column::Title)).data().toString();
        QCOMPARE(titles, (QStringList{"Beta", "Epsilon", "Delta"}));
        QCOMPARE(proxy.index(0, int(Column::Score)).data(roles::Sort).toDouble(), double(0.35f));

        proxy.sort(int(Column::Rank), Qt::AscendingOrder);
        QCOMPARE(proxy.index(0, int(Column::Title)).data().toString(), QStringLiteral("Delta"));
    }

    void resetWhileSortedAndFiltered()
    {
        RecommendationTableModel model;
        SearchProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.sort(int(Column::Score), Qt::DescendingOrder);
        proxy.setSearchText(QStringLiteral("ann"));
        QSignalSpy reset(&proxy, &QAbstractItemModel::modelReset);

        model.setRecommendations(test::smallCatalog(), 0, recommendationsForAlpha());
        QCOMPARE(reset.count(), 1);
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, int(Column::Title)).data().toString(), QStringLiteral("Epsilon"));
    }
};

QTEST_MAIN(TestRecommendationTableModel)
#include "tst_recommendationtablemodel.moc"
