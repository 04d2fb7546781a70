#include "recommendations/rankingrunner.h"

#include "ui/uitestcatalog.h"

#include <QTest>
#include <QThreadPool>

#include <vector>

using namespace encore;

namespace {

RankingRequest requestFor(int seedRow)
{
    RankingRequest request;
    request.seedRow = seedRow;
    request.k = 2;
    return request;
}

struct Answer {
    std::shared_ptr<const Catalog> catalog;
    RankOutcome outcome;
};

// Collects what `runner` hands back.
std::shared_ptr<std::vector<Answer>> collect(RankingRunner &runner)
{
    auto answers = std::make_shared<std::vector<Answer>>();
    QObject::connect(&runner, &RankingRunner::finished, &runner,
                     [answers](const std::shared_ptr<const Catalog> &catalog, const RankOutcome &outcome) {
                         answers->push_back({catalog, outcome});
                     });
    return answers;
}

// Lets every worker finish and every queued answer arrive.
void settle()
{
    QThreadPool::globalInstance()->waitForDone();
    QTest::qWait(50);
}

}  // namespace

class TestRankingRunner : public QObject {
    Q_OBJECT

private:
    LibrarySnapshot m_library = makeSnapshot(*test::smallCatalog());

private slots:
    void answersFromTheEventLoop_data()
    {
        QTest::addColumn<int>("seedRow");
        QTest::addColumn<int>("count");
        QTest::addColumn<bool>("failed");
        QTest::newRow("seed with features") << 0 << 2 << false;
        QTest::newRow("seed without features") << 2 << 0 << true;
        QTest::newRow("seed out of range") << 9 << 0 << true;
    }
    void answersFromTheEventLoop()
    {
        QFETCH(int, seedRow);
        QFETCH(int, count);
        QFETCH(bool, failed);
        RankingRunner runner;
        const auto answers = collect(runner);

        runner.run(m_library, requestFor(seedRow));
        QThreadPool::globalInstance()->waitForDone();
        QVERIFY(answers->empty());  // done, but not handed back outside the event loop

        QTRY_COMPARE(answers->size(), std::size_t(1));
        const Answer &answer = answers->front();
        QCOMPARE(answer.catalog, m_library.catalog);
        QCOMPARE(answer.outcome.seedRow, seedRow);
        QCOMPARE(answer.outcome.error.has_value(), failed);
        QCOMPARE(int(answer.outcome.recommendations.size()), count);
    }

    void onlyTheLatestAnswerArrives()
    {
        RankingRunner runner;
        const auto answers = collect(runner);
        runner.run(m_library, requestFor(0));
        runner.run(m_library, requestFor(3));
        settle();
        QCOMPARE(answers->size(), std::size_t(1));
        QCOMPARE(answers->front().outcome.seedRow, 3);
    }

    void cancelDropsTheAnswers()
    {
        RankingRunner runner;
        const auto answers = collect(runner);
        runner.run(m_library, requestFor(0));
        runner.run(m_library, requestFor(3));
        runner.cancel();
        settle();
        QVERIFY(answers->empty());

        runner.run(m_library, requestFor(4));
        settle();
        QCOMPARE(answers->size(), std::size_t(1));
        QCOMPARE(answers->front().outcome.seedRow, 4);
    }
};

QTEST_MAIN(TestRankingRunner)
#include "tst_rankingrunner.moc"
