#include "common/itemroles.h"
#include "common/searchproxymodel.h"
#include "library/playlistlistmodel.h"

#include "ui/uitestcatalog.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace encore;
using Column = PlaylistListModel::Column;

class TestPlaylistListModel : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void emptyModel()
    {
        PlaylistListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), PlaylistListModel::kColumnCount);
        QCOMPARE(model.playlistIndex(0), -1);
        QCOMPARE(model.trackCount(0), 0);
    }

    void setCatalogResets()
    {
        PlaylistListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy aboutToReset(&model, &QAbstractItemModel::modelAboutToBeReset);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setCatalog(test::smallCatalog());
        QCOMPARE(aboutToReset.count(), 1);
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), 4);  // All tracks, Liked in Encore + 2 playlists

        model.setCatalog(nullptr);
        QCOMPARE(reset.count(), 2);
        QCOMPARE(model.rowCount(), 0);
    }

    void data_data()
    {
        QTest::addColumn<int>("row");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("display");
        QTest::addColumn<QString>("id");
        QTest::addColumn<bool>("pinned");
        QTest::newRow("all tracks name") << 0 << int(Column::Name) << QStringLiteral("All tracks") << QString() << true;
        QTest::newRow("all tracks count") << 0 << int(Column::Tracks) << QStringLiteral("5") << QString() << true;
        QTest::newRow("liked name") << 1 << int(Column::Name) << QStringLiteral("♥ Liked in Encore")
                                    << PlaylistListModel::likedId() << true;
        QTest::newRow("liked count") << 1 << int(Column::Tracks) << QStringLiteral("2") << PlaylistListModel::likedId()
                                     << true;
        QTest::newRow("first playlist") << 2 << int(Column::Name) << QStringLiteral("Zed mix")
                                        << QStringLiteral("pl-zed") << false;
        QTest::newRow("first playlist count")
            << 2 << int(Column::Tracks) << QStringLiteral("3") << QStringLiteral("pl-zed") << false;
        QTest::newRow("second playlist") << 3 << int(Column::Name) << QStringLiteral("Another")
                                         << QStringLiteral("pl-another") << false;
    }
    void data()
    {
        QFETCH(int, row);
        QFETCH(int, column);
        QFETCH(QString, display);
        QFETCH(QString, id);
        QFETCH(bool, pinned);
        PlaylistListModel model;
        model.setCatalog(test::smallCatalog());
        model.setLikedCount(2);
        const QModelIndex index = model.index(row, column);
        QCOMPARE(index.data(Qt::DisplayRole).toString(), display);
        QCOMPARE(index.data(roles::Id).toString(), id);
        QCOMPARE(index.data(roles::Pinned).toBool(), pinned);
        QVERIFY(index.data(Qt::ToolTipRole).toString().contains(model.name(row)));
    }

    void lookups()
    {
        PlaylistListModel model;
        model.setCatalog(test::smallCatalog());
        QCOMPARE(model.playlistIndex(0), -1);
        QCOMPARE(model.playlistIndex(PlaylistListModel::kLikedRow), -1);
        QCOMPARE(model.playlistIndex(2), 0);
        QCOMPARE(model.playlistIndex(3), 1);
        QCOMPARE(model.rowForPlaylistId(QStringLiteral("pl-another")), 3);
        QCOMPARE(model.rowForPlaylistId(PlaylistListModel::likedId()), PlaylistListModel::kLikedRow);
        QCOMPARE(model.rowForPlaylistId(QString()), PlaylistListModel::kAllTracksRow);
        QCOMPARE(model.rowForPlaylistId(QStringLiteral("gone")), PlaylistListModel::kAllTracksRow);
        QCOMPARE(model.trackCount(0), 5);
        QCOMPARE(model.index(2, int(Column::Tracks)).data(roles::Sort).toInt(), 3);
    }

    void proxySortsByNameWithThePinnedRowsFirst_data()
    {
        QTest::addColumn<bool>("pinned");
        QTest::addColumn<int>("order");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("ascending") << true << int(Qt::AscendingOrder)
                                   << QStringList{"All tracks", "♥ Liked in Encore", "Another", "Zed mix"};
        QTest::newRow("descending") << true << int(Qt::DescendingOrder)
                                    << QStringList{"All tracks", "♥ Liked in Encore", "Zed mix", "Another"};
        QTest::newRow("descending, nothing pinned")
            << false << int(Qt::DescendingOrder)
            << QStringList{"♥ Liked in Encore", "Zed mix", "Another", "All tracks"};
    }
    void proxySortsByNameWithThePinnedRowsFirst()
    {
        QFETCH(bool, pinned);
        QFETCH(int, order);
        QFETCH(QStringList, expected);
        PlaylistListModel model;
        SearchProxyModel proxy;
        proxy.setPinnedRows(pinned);
        QCOMPARE(proxy.hasPinnedRows(), pinned);
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCatalog(test::smallCatalog());
        proxy.sort(int(Column::Name), static_cast<Qt::SortOrder>(order));
        QStringList names;
        for (int row = 0; row < proxy.rowCount(); ++row)
            names << proxy.index(row, 0).data().toString();
        QCOMPARE(names, expected);
    }

    void proxyFilterKeepsThePinnedRows_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("none") << QString()
                              << QStringList{QStringLiteral("All tracks"), QStringLiteral("♥ Liked in Encore"),
                                             QStringLiteral("Another"), QStringLiteral("Zed mix")};
        QTest::newRow("case-insensitive")
            << QStringLiteral("ZED")
            << QStringList{QStringLiteral("All tracks"), QStringLiteral("♥ Liked in Encore"),
                           QStringLiteral("Zed mix")};
        QTest::newRow("no match") << QStringLiteral("jazz")
                                  << QStringList{QStringLiteral("All tracks"), QStringLiteral("♥ Liked in Encore")};
        QTest::newRow("every word") << QStringLiteral("mix zed")
                                    << QStringList{QStringLiteral("All tracks"), QStringLiteral("♥ Liked in Encore"),
                                                   QStringLiteral("Zed mix")};
    }
    void proxyFilterKeepsThePinnedRows()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        PlaylistListModel model;
        SearchProxyModel proxy;
        proxy.setPinnedRows(true);
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCatalog(test::smallCatalog());
        proxy.sort(int(Column::Name));
        proxy.setSearchText(text);
        QCOMPARE(proxy.searchText(), text);
        QStringList names;
        for (int row = 0; row < proxy.rowCount(); ++row)
            names << proxy.index(row, 0).data().toString();
        QCOMPARE(names, expected);
    }
};

QTEST_MAIN(TestPlaylistListModel)
#include "tst_playlistlistmodel.moc"
