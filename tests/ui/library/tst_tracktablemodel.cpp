#include "common/itemroles.h"
#include "common/searchproxymodel.h"
#include "library/tracktablemodel.h"

#include "ui/uitestcatalog.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QIcon>
#include <QSignalSpy>
#include <QTest>

#include <cmath>
#include <numeric>

using namespace encore;
using Column = TrackTableModel::Column;

namespace {

std::vector<int> allRows(const Catalog &catalog)
{
    std::vector<int> rows(static_cast<std::size_t>(catalog.size()));
    std::iota(rows.begin(), rows.end(), 0);
    return rows;
}

QStringList column(const QAbstractItemModel &model, Column c)
{
    QStringList values;
    for (int row = 0; row < model.rowCount(); ++row)
        values << model.index(row, int(c)).data().toString();
    return values;
}

}  // namespace

class TestTrackTableModel : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void emptyModel()
    {
        TrackTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), TrackTableModel::kColumnCount);
        QCOMPARE(model.headerData(int(Column::Title), Qt::Horizontal).toString(), QStringLiteral("Title"));
        QCOMPARE(model.rowOfCatalogRow(0), -1);
    }

    void setTracksResets()
    {
        const auto catalog = test::smallCatalog();
        TrackTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy aboutToReset(&model, &QAbstractItemModel::modelAboutToBeReset);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        model.setTracks(catalog, test::playlistRowsOf(*catalog, 0));
        QCOMPARE(reset.count(), 1);
        QCOMPARE(aboutToReset.count(), 1);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(column(model, Column::Title),
                 (QStringList{QStringLiteral("Beta"), QStringLiteral("Alpha"), QStringLiteral("Gamma")}));

        model.clear();
        QCOMPARE(reset.count(), 2);
        QCOMPARE(model.rowCount(), 0);
    }

    void data_data()
    {
        QTest::addColumn<int>("catalogRow");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("display");
        QTest::addColumn<QVariant>("sortKey");
        QTest::newRow("position") << 1 << int(Column::Position) << QStringLiteral("2") << QVariant(1);
        QTest::newRow("title") << 1 << int(Column::Title) << QStringLiteral("Beta") << QVariant(QStringLiteral("Beta"));
        QTest::newRow("artists") << 1 << int(Column::Artists) << QStringLiteral("Bob, Cy")
                                 << QVariant(QStringLiteral("Bob, Cy"));
        QTest::newRow("album") << 1 << int(Column::Album) << QStringLiteral("Second Album")
                               << QVariant(QStringLiteral("Second Album"));
        QTest::newRow("year") << 1 << int(Column::Year) << QStringLiteral("1999") << QVariant(1999);
        QTest::newRow("unknown year") << 2 << int(Column::Year) << QString() << QVariant(-1);
        QTest::newRow("popularity") << 1 << int(Column::Popularity) << QStringLiteral("100") << QVariant(100);
        QTest::newRow("unknown popularity") << 2 << int(Column::Popularity) << QString() << QVariant(-1);
        QTest::newRow("duration") << 1 << int(Column::Duration) << QStringLiteral("1:02:05") << QVariant(3'725'000);
        QTest::newRow("unknown duration") << 2 << int(Column::Duration) << QString() << QVariant(0);
        QTest::newRow("genre") << 1 << int(Column::Genre) << QStringLiteral("rock") << QVariant(QStringLiteral("rock"));
        QTest::newRow("features") << 1 << int(Column::Features) << QStringLiteral("Catalog")
                                  << QVariant(QStringLiteral("Catalog"));
        QTest::newRow("no features") << 2 << int(Column::Features) << QStringLiteral("None")
                                     << QVariant(QStringLiteral("None"));
        QTest::newRow("liked for") << 1 << int(Column::LikedFor) << QStringLiteral("“Alpha”")
                                   << QVariant(QStringLiteral("“Alpha”"));
        QTest::newRow("not liked") << 2 << int(Column::LikedFor) << QString() << QVariant(QString());
    }
    void data()
    {
        QFETCH(int, catalogRow);
        QFETCH(int, column);
        QFETCH(QString, display);
        QFETCH(QVariant, sortKey);
        const auto catalog = test::smallCatalog();
        TrackTableModel model;
        std::vector<QString> likedFor(2);
        likedFor[1] = QStringLiteral("“Alpha”");
        model.setTracks(catalog, allRows(*catalog), likedFor);
        const QModelIndex index = model.index(catalogRow, column);
        QCOMPARE(index.data(Qt::DisplayRole).toString(), display);
        QCOMPARE(index.data(roles::Sort), sortKey);
        QCOMPARE(index.data(roles::CatalogRow).toInt(), catalogRow);
        QCOMPARE(index.data(roles::Id).toString(), catalog->track(catalogRow).id);
    }

    void tracksWithoutFeaturesAreMarked()
    {
        const auto catalog = test::smallCatalog();
        TrackTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTracks(catalog, allRows(*catalog));

        const QModelIndex gamma = model.index(2, int(Column::Title));
        QCOMPARE(gamma.data(roles::HasFeatures).toBool(), false);
        QVERIFY(!gamma.data(Qt::DecorationRole).value<QIcon>().isNull());
        QVERIFY(gamma.data(Qt::ForegroundRole).isValid());
        QVERIFY(gamma.data(Qt::ToolTipRole).toString().contains(QStringLiteral("No audio features")));

        // Every cell of the row says it is left out of ranking, the Features cell included.
        for (Column c : {Column::Title, Column::Album, Column::Features})
            QVERIFY(model.index(2, int(c))
                        .data(Qt::ToolTipRole)
                        .toString()
                        .contains(QStringLiteral("left out of ranking")));

        const QModelIndex alpha = model.index(0, int(Column::Title));
        QCOMPARE(alpha.data(roles::HasFeatures).toBool(), true);
        QVERIFY(!alpha.data(Qt::DecorationRole).isValid());
        QVERIFY(!alpha.data(Qt::ForegroundRole).isValid());
        QCOMPARE(alpha.data(Qt::ToolTipRole).toString(), QStringLiteral("Alpha"));
    }

    void featureSourcesShowPerTrack()
    {
        // Alpha from ReccoBeats, Beta mostly from ReccoBeats with a tempo from analysis, Delta with
        // a missing tempo.
        std::vector<Track> tracks;
        std::vector<AudioFeatures> features;
        const auto base = test::smallCatalog();
        for (int row : {0, 1, 3}) {
            tracks.push_back(base->track(row));
            AudioFeatures f = base->features(row);
            for (Feature feature : kAllFeatures)
                f.set(feature, f.value(feature), FeatureSource::ReccoBeats);
            features.push_back(f);
        }
        features[1].set(Feature::Tempo, 80.0f, FeatureSource::Analysis);
        features[2].set(Feature::Tempo, std::nanf(""), FeatureSource::ReccoBeats);
        const auto catalog =
            std::make_shared<const Catalog>(std::move(tracks), std::move(features), std::vector<Playlist>{});
        TrackTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTracks(catalog, allRows(*catalog));

        QCOMPARE(model.headerData(int(Column::Features), Qt::Horizontal).toString(), QStringLiteral("Features"));
        QCOMPARE(column(model, Column::Features),
                 (QStringList{QStringLiteral("ReccoBeats"), QStringLiteral("ReccoBeats + Analysis"),
                              QStringLiteral("ReccoBeats (10 of 11)")}));
        const auto toolTip = [&](int row) {
            return model.index(row, int(Column::Features)).data(Qt::ToolTipRole).toString();
        };
        QCOMPARE(toolTip(0), QStringLiteral("Features from ReccoBeats"));
        QCOMPARE(toolTip(1), QStringLiteral("Features from ReccoBeats (10) and on-device analysis of the preview (1)"));
        QVERIFY(toolTip(2).contains(QStringLiteral("left out of ranking")));
        QVERIFY(!model.index(2, int(Column::Title)).data(Qt::DecorationRole).value<QIcon>().isNull());
        QCOMPARE(model.index(2, int(Column::Title)).data(roles::HasFeatures).toBool(), false);
    }

    void seedRowIsBold()
    {
        const auto catalog = test::smallCatalog();
        TrackTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTracks(catalog, test::playlistRowsOf(*catalog, 0));  // Beta, Alpha, Gamma
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        model.setSeedRow(0);  // Alpha, shown in row 1
        QCOMPARE(model.seedRow(), 0);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 1);
        QVERIFY(model.index(1, int(Column::Artists)).data(Qt::FontRole).value<QFont>().bold());
        QVERIFY(!model.index(0, int(Column::Artists)).data(Qt::FontRole).isValid());

        model.setSeedRow(3);  // Delta is not in this playlist: only Alpha's row changes back
        QCOMPARE(changed.count(), 2);
        QVERIFY(!model.index(1, int(Column::Artists)).data(Qt::FontRole).isValid());

        model.setSeedRow(3);  // unchanged: no signal
        QCOMPARE(changed.count(), 2);
    }

    void proxySortsNumbersAsNumbers_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<int>("order");
        QTest::addColumn<QStringList>("titles");
        QTest::newRow("popularity ascending") << int(Column::Popularity) << int(Qt::AscendingOrder)
                                              << QStringList{"Gamma", "Delta", "Alpha", "Epsilon", "Beta"};
        QTest::newRow("popularity descending") << int(Column::Popularity) << int(Qt::DescendingOrder)
                                               << QStringList{"Beta", "Epsilon", "Alpha", "Delta", "Gamma"};
        QTest::newRow("duration") << int(Column::Duration) << int(Qt::AscendingOrder)
                                  << QStringList{"Gamma", "Delta", "Alpha", "Epsilon", "Beta"};
        QTest::newRow("year") << int(Column::Year) << int(Qt::AscendingOrder)
                              << QStringList{"Gamma", "Beta", "Alpha", "Delta", "Epsilon"};
        QTest::newRow("title") << int(Column::Title) << int(Qt::AscendingOrder)
                               << QStringList{"Alpha", "Beta", "Delta", "Epsilon", "Gamma"};
        QTest::newRow("position") << int(Column::Position) << int(Qt::DescendingOrder)
                                  << QStringList{"Epsilon", "Delta", "Gamma", "Beta", "Alpha"};
    }
    void proxySortsNumbersAsNumbers()
    {
        QFETCH(int, column);
        QFETCH(int, order);
        QFETCH(QStringList, titles);
        const auto catalog = test::smallCatalog();
        TrackTableModel model;
        SearchProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTracks(catalog, allRows(*catalog));
        proxy.sort(column, static_cast<Qt::SortOrder>(order));
        QCOMPARE(::column(proxy, Column::Title), titles);
    }

    void proxyFiltersOnTitleArtistAndAlbum_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("titles");
        QTest::newRow("artist") << QStringLiteral("ann") << QStringList{"Alpha", "Epsilon"};
        QTest::newRow("album") << QStringLiteral("first album") << QStringList{"Alpha", "Delta"};
        QTest::newRow("artist and album") << QStringLiteral("  ann   FIRST ") << QStringList{"Alpha"};
        QTest::newRow("second artist") << QStringLiteral("cy") << QStringList{"Beta"};
        QTest::newRow("nothing") << QStringLiteral("zzz") << QStringList{};
        QTest::newRow("cleared") << QString() << QStringList{"Alpha", "Beta", "Gamma", "Delta", "Epsilon"};
    }
    void proxyFiltersOnTitleArtistAndAlbum()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, titles);
        const auto catalog = test::smallCatalog();
        TrackTableModel model;
        SearchProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTracks(catalog, allRows(*catalog));
        proxy.sort(int(Column::Position));
        proxy.setSearchText(QStringLiteral("alpha"));  // a filter before, replaced by the row's
        proxy.setSearchText(text);
        QCOMPARE(::column(proxy, Column::Title), titles);
    }
};

QTEST_MAIN(TestTrackTableModel)
#include "tst_tracktablemodel.moc"
