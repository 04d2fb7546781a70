#include "recommendations/recommendationpane.h"

#include "common/itemroles.h"

#include "ui/uitestcatalog.h"

#include <QTableView>
#include <QTest>

using namespace encore;

namespace {

std::vector<Recommendation> ranked(const std::vector<int> &catalogRows)
{
    std::vector<Recommendation> list;
    float score = 1.0f;
    for (int row : catalogRows) {
        Recommendation recommendation;
        recommendation.row = row;
        recommendation.score = score -= 0.1f;
        list.push_back(recommendation);
    }
    return list;
}

}  // namespace

class TestRecommendationPane : public QObject {
    Q_OBJECT

private slots:
    void preferredSongTakesTheSelection()
    {
        RecommendationPane pane({});
        const auto catalog = test::smallCatalog();
        pane.showRecommendations(catalog, 0, ranked({1, 2, 3, 4}), RankingMethod::Content, {}, -1, 0);
        QCOMPARE(pane.currentCatalogRow(), 1);  // a fresh list starts at the top

        pane.view()->setCurrentIndex(pane.view()->model()->index(1, 0));
        QCOMPARE(pane.currentCatalogRow(), 2);
        QCOMPARE(pane.rowAfterCurrent(), 3);
        // Row 2 disliked: its successor, wherever the new ranking put it, takes the selection.
        pane.showRecommendations(catalog, 0, ranked({3, 1, 4}), RankingMethod::Content, {}, 3, 0);
        QCOMPARE(pane.currentCatalogRow(), 3);
    }

    void droppedPreferredSongKeepsThePosition()
    {
        RecommendationPane pane({});
        const auto catalog = test::smallCatalog();
        pane.showRecommendations(catalog, 0, ranked({1, 2, 3, 4}), RankingMethod::Content, {}, -1, 0);
        pane.view()->setCurrentIndex(pane.view()->model()->index(1, 0));
        QCOMPARE(pane.currentCatalogRow(), 2);
        // Row 2 disliked and its successor 3 dropped out with it: the user stays at the second row.
        pane.showRecommendations(catalog, 0, ranked({4, 1}), RankingMethod::Content, {}, 3, 0);
        QCOMPARE(pane.view()->currentIndex().row(), 1);
        QCOMPARE(pane.currentCatalogRow(), 1);
        // Past the end of a shorter list: the last row.
        pane.showRecommendations(catalog, 0, ranked({4}), RankingMethod::Content, {}, 1, 0);
        QCOMPARE(pane.currentCatalogRow(), 4);
    }

    void newSeedStartsAtTheTop()
    {
        RecommendationPane pane({});
        const auto catalog = test::smallCatalog();
        pane.showRecommendations(catalog, 0, ranked({1, 2, 3, 4}), RankingMethod::Content, {}, -1, 0);
        pane.view()->setCurrentIndex(pane.view()->model()->index(3, 0));
        pane.showRecommendations(catalog, 1, ranked({0, 2, 3}), RankingMethod::Content, {}, -1, 0);
        QCOMPARE(pane.currentCatalogRow(), 0);
    }
};

QTEST_MAIN(TestRecommendationPane)
#include "tst_recommendationpane.moc"
