// The popularity prior: recency-weighted popularity for day, month and year release dates,
// ranked; unknown popularity neutral.

#include "recommend/popularityprior.h"
#include "syntheticcatalog.h"

#include <QTest>

using namespace encore;
using namespace encore::test;

class TestPopularityPrior : public QObject {
    Q_OBJECT

    static CatalogParts partsWith(const std::vector<std::pair<std::optional<int>, QString>> &tracks)
    {
        std::mt19937 rng(2);
        CatalogParts parts;
        for (const auto &[popularity, released] : tracks) {
            parts.add(QStringLiteral("Song %1").arg(parts.tracks.size()), "A", randomFeatureValues(rng));
            parts.tracks.back().popularity = popularity;
            parts.tracks.back().releaseDate = ReleaseDate::parse(released);
        }
        return parts;
    }

private slots:
    void middleOfTheReleasePeriod_data()
    {
        QTest::addColumn<QString>("released");
        QTest::addColumn<QDate>("middle");
        QTest::newRow("year") << "2019" << QDate(2019, 7, 2);
        QTest::newRow("leap year") << "2020" << QDate(2020, 7, 1);
        QTest::newRow("month") << "2019-06" << QDate(2019, 6, 15);
        QTest::newRow("february") << "2019-02" << QDate(2019, 2, 14);
        QTest::newRow("day") << "2019-06-03" << QDate(2019, 6, 3);
        QTest::newRow("unknown") << "soon" << QDate();
    }

    void middleOfTheReleasePeriod()
    {
        QFETCH(QString, released);
        QFETCH(QDate, middle);
        QCOMPARE(ReleaseDate::parse(released).middleDate(), middle);
    }

    void recencyWeighted_data()
    {
        QTest::addColumn<int>("popularity");
        QTest::addColumn<QString>("released");
        QTest::addColumn<QDate>("reference");
        QTest::addColumn<double>("expected");
        QTest::newRow("released that day") << 60 << "2020-01-10" << QDate(2020, 1, 10) << 60.0;
        QTest::newRow("ten days before") << 55 << "2020-01-01" << QDate(2020, 1, 11) << 5.0;
        QTest::newRow("year") << 50 << "2019" << QDate(2019, 7, 11) << 5.0;
        QTest::newRow("year-month") << 32 << "2019-06" << QDate(2019, 6, 30) << 2.0;
        QTest::newRow("after the reference") << 40 << "2021-03-01" << QDate(2020, 1, 1) << 40.0;
    }

    void recencyWeighted()
    {
        QFETCH(int, popularity);
        QFETCH(QString, released);
        QFETCH(QDate, reference);
        QFETCH(double, expected);
        QCOMPARE(PopularityPrior::recencyWeighted(popularity, ReleaseDate::parse(released), reference), expected);
    }

    void ranksKnownPopularityAndKeepsUnknownNeutral()
    {
        const CatalogParts parts = partsWith({
            {80, "2020-01-01"},  // newest and popular: 80 / 1
            {80, "2019-01-01"},  // a year older: 80 / 366
            {10, "2020-01-01"},  // newest, little played: 10 / 1
            {std::nullopt, "2020-01-01"},
            {0, "2020-01-01"},  // known to be unplayed: the least of all
        });
        const PopularityPrior prior(*parts.build());
        QCOMPARE(prior.at(4), 0.0f);
        QCOMPARE(prior.at(1), 1.0f / 3.0f);
        QCOMPARE(prior.at(2), 2.0f / 3.0f);
        QCOMPARE(prior.at(0), 1.0f);
        QCOMPARE(prior.at(3), PopularityPrior::kNeutral);
    }

    void yearAndMonthDatesCountFromTheirMiddle()
    {
        const CatalogParts parts = partsWith({
            {50, "2020-12-31"},  // the newest release: the reference
            {50, "2019"},        // 2019-07-02
            {50, "2019-07-02"},  // the same day: the same prior
            {50, "2019-07"},     // 2019-07-16: later, so higher
        });
        const PopularityPrior prior(*parts.build());
        QCOMPARE(prior.at(1), prior.at(2));
        QVERIFY(prior.at(3) > prior.at(1));
        QVERIFY(prior.at(0) > prior.at(3));
    }

    void undatedTracksCountAsTheMedianAge()
    {
        const CatalogParts parts = partsWith({
            {50, "2020-01-01"}, {50, "2010-01-01"}, {50, "2000-01-01"}, {50, ""},  // as old as the median, 2010
        });
        const PopularityPrior prior(*parts.build());
        QCOMPARE(prior.at(3), prior.at(1));
    }

    void withoutPopularityEverythingIsNeutral()
    {
        const PopularityPrior prior(*partsWith({{std::nullopt, "2020"}, {std::nullopt, ""}}).build());
        const std::vector<float> values(prior.values().begin(), prior.values().end());
        QCOMPARE(values, std::vector<float>({PopularityPrior::kNeutral, PopularityPrior::kNeutral}));
    }
};

QTEST_GUILESS_MAIN(TestPopularityPrior)
#include "tst_popularityprior.moc"
