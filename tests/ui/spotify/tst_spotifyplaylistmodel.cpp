#include "common/itemroles.h"
#include "common/searchproxymodel.h"
#include "spotify/spotifyplaylistmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace encore;
using Column = SpotifyPlaylistModel::Column;
using LibraryState = SpotifyPlaylistModel::LibraryState;

Q_DECLARE_METATYPE(encore::Playlist)
Q_DECLARE_METATYPE(encore::SpotifyPlaylistModel::LibraryState)

namespace {

const QString kUser = QStringLiteral("me");

SpotifyPlaylist listed(const QString &id, const QString &name, const QString &ownerId, int trackCount,
                       bool collaborative = false)
{
    SpotifyPlaylist playlist;
    playlist.id = id;
    playlist.name = name;
    playlist.ownerId = ownerId;
    playlist.ownerName = ownerId == kUser ? QStringLiteral("Me Myself") : QStringLiteral("Someone Else");
    playlist.snapshotId = QStringLiteral("snap-%1").arg(id);
    playlist.collaborative = collaborative;
    playlist.trackCount = trackCount;
    return playlist;
}

// Rows: 0 owned, 1 someone else's, 2 collaborative, 3 owned without a count, 4 owned and large.
std::vector<SpotifyPlaylist> listing()
{
    return {
        listed(QStringLiteral("owned"), QStringLiteral("Road trip"), kUser, 12),
        listed(QStringLiteral("foreign"), QStringLiteral("Today's Top Hits"), QStringLiteral("spotify"), 50),
        listed(QStringLiteral("collab"), QStringLiteral("Office jams"), QStringLiteral("friend"), 1, true),
        listed(QStringLiteral("uncounted"), QString(), kUser, -1),
        listed(QStringLiteral("large"), QStringLiteral("Everything"), kUser, 28356),
    };
}

Playlist inLibrary(const QString &id, const QString &snapshotId, const QString &origin = QStringLiteral("spotify"))
{
    Playlist playlist;
    playlist.id = id;
    playlist.origin = origin;
    playlist.snapshotId = snapshotId;
    return playlist;
}

QStringList column(const QAbstractItemModel &model, Column which)
{
    QStringList values;
    for (int row = 0; row < model.rowCount(); ++row)
        values << model.index(row, int(which)).data().toString();
    return values;
}

}  // namespace

class TestSpotifyPlaylistModel : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void emptyModel()
    {
        SpotifyPlaylistModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), SpotifyPlaylistModel::kColumnCount);
        QCOMPARE(model.rowForId(QStringLiteral("owned")), -1);
        model.setLibraryPlaylists({inLibrary(QStringLiteral("owned"), QStringLiteral("snap-owned"))});
        QCOMPARE(model.rowCount(), 0);
    }

    void header()
    {
        SpotifyPlaylistModel model;
        QCOMPARE(model.headerData(int(Column::Name), Qt::Horizontal).toString(), QStringLiteral("Playlist"));
        QCOMPARE(model.headerData(int(Column::Tracks), Qt::Horizontal).toString(), QStringLiteral("Tracks"));
        QCOMPARE(model.headerData(int(Column::Tracks), Qt::Horizontal, Qt::TextAlignmentRole).toInt(),
                 (Qt::AlignRight | Qt::AlignVCenter).toInt());
        QVERIFY(!model.headerData(int(Column::Name), Qt::Horizontal, Qt::TextAlignmentRole).isValid());
        QCOMPARE(model.headerData(0, Qt::Vertical).toInt(), 1);  // the default: row numbers
    }

    void setPlaylistsAndClearReset()
    {
        SpotifyPlaylistModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setPlaylists(listing(), kUser);
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.playlist(1).id, QStringLiteral("foreign"));

        model.clear();
        QCOMPARE(reset.count(), 2);
        QCOMPARE(model.rowCount(), 0);
    }

    void display_data()
    {
        QTest::addColumn<int>("row");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("tracks");
        QTest::addColumn<int>("sortTracks");
        QTest::newRow("owned") << 0 << QStringLiteral("Road trip") << QStringLiteral("12") << 12;
        QTest::newRow("untitled, no count") << 3 << QStringLiteral("(untitled playlist)") << QString() << -1;
        QTest::newRow("thousands separator") << 4 << QStringLiteral("Everything") << QStringLiteral("28,356") << 28356;
    }
    void display()
    {
        QFETCH(int, row);
        QFETCH(QString, name);
        QFETCH(QString, tracks);
        QFETCH(int, sortTracks);
        SpotifyPlaylistModel model;
        model.setPlaylists(listing(), kUser);
        QCOMPARE(model.index(row, int(Column::Name)).data().toString(), name);
        QCOMPARE(model.index(row, int(Column::Tracks)).data().toString(), tracks);
        QCOMPARE(model.index(row, int(Column::Tracks)).data(roles::Sort).toInt(), sortTracks);
        QCOMPARE(model.index(row, int(Column::Name)).data(roles::Sort).toString(), name);
        QCOMPARE(model.index(row, int(Column::Tracks)).data(roles::Id).toString(), model.playlist(row).id);
    }

    void readability_data()
    {
        QTest::addColumn<int>("row");
        QTest::addColumn<bool>("readable");
        QTest::newRow("owned") << 0 << true;
        QTest::newRow("someone else's") << 1 << false;
        QTest::newRow("collaborative") << 2 << true;
    }
    void readability()
    {
        QFETCH(int, row);
        QFETCH(bool, readable);
        SpotifyPlaylistModel model;
        model.setPlaylists(listing(), kUser);
        QCOMPARE(model.isReadable(row), readable);
        for (int column = 0; column < SpotifyPlaylistModel::kColumnCount; ++column) {
            const QModelIndex index = model.index(row, column);
            QCOMPARE(model.flags(index).testFlag(Qt::ItemIsEnabled), readable);
            QCOMPARE(model.flags(index).testFlag(Qt::ItemIsSelectable), readable);
            const QString tip = index.data(Qt::ToolTipRole).toString();
            if (readable) {
                QVERIFY(tip.contains(model.playlist(row).ownerName));
                QVERIFY(tip.contains(QStringLiteral("Not read yet")));
            } else {
                QCOMPARE(tip, playlistNotReadableReason());
            }
        }
    }

    void noUserMakesOnlyCollaborativeReadable()
    {
        SpotifyPlaylistModel model;
        model.setPlaylists(listing(), QString());
        QVERIFY(!model.isReadable(0));
        QVERIFY(model.isReadable(2));
    }

    void libraryState_data()
    {
        QTest::addColumn<Playlist>("stored");
        QTest::addColumn<LibraryState>("state");
        QTest::addColumn<QString>("tip");
        QTest::newRow("same snapshot") << inLibrary(QStringLiteral("owned"), QStringLiteral("snap-owned"))
                                       << LibraryState::UpToDate << QStringLiteral("In your library");
        QTest::newRow("other snapshot") << inLibrary(QStringLiteral("owned"), QStringLiteral("older"))
                                        << LibraryState::Changed
                                        << QStringLiteral("Changed on Spotify since it was read");
        QTest::newRow("read before snapshots were kept")
            << inLibrary(QStringLiteral("owned"), QString()) << LibraryState::Changed
            << QStringLiteral("Changed on Spotify since it was read");
        QTest::newRow("from a catalog file")
            << inLibrary(QStringLiteral("owned"), QStringLiteral("snap-owned"), QStringLiteral("/music/export.csv"))
            << LibraryState::NotRead << QStringLiteral("Not read yet: select it to read its tracks");
        QTest::newRow("another playlist")
            << inLibrary(QStringLiteral("large"), QStringLiteral("snap-owned")) << LibraryState::NotRead
            << QStringLiteral("Not read yet: select it to read its tracks");
    }
    void libraryState()
    {
        QFETCH(Playlist, stored);
        QFETCH(LibraryState, state);
        QFETCH(QString, tip);
        SpotifyPlaylistModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPlaylists(listing(), kUser);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setLibraryPlaylists({stored});
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.libraryState(0), state);
        const QModelIndex name = model.index(0, int(Column::Name));
        QVERIFY(name.data(Qt::ToolTipRole).toString().endsWith(tip));
        QVERIFY(!name.data(Qt::DecorationRole).value<QIcon>().isNull());
        QVERIFY(model.index(0, int(Column::Tracks)).data(Qt::DecorationRole).isNull());
    }

    void libraryStatesSurviveANewListing()
    {
        SpotifyPlaylistModel model;
        model.setLibraryPlaylists({inLibrary(QStringLiteral("large"), QStringLiteral("snap-large"))});
        model.setPlaylists(listing(), kUser);
        QCOMPARE(model.libraryState(4), LibraryState::UpToDate);
        model.clear();
        model.setPlaylists(listing(), kUser);
        QCOMPARE(model.libraryState(4), LibraryState::UpToDate);
    }

    void rowForId()
    {
        SpotifyPlaylistModel model;
        model.setPlaylists(listing(), kUser);
        QCOMPARE(model.rowForId(QStringLiteral("collab")), 2);
        QCOMPARE(model.rowForId(QStringLiteral("large")), 4);
        QCOMPARE(model.rowForId(QStringLiteral("gone")), -1);
        QCOMPARE(model.rowForId(QString()), -1);
    }

    void proxySortsAndSearches_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("sortColumn");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("by name")
            << QString() << int(Column::Name)
            << QStringList{"(untitled playlist)", "Everything", "Office jams", "Road trip", "Today's Top Hits"};
        QTest::newRow("by count, numerically")
            << QString() << int(Column::Tracks)
            << QStringList{"(untitled playlist)", "Office jams", "Road trip", "Today's Top Hits", "Everything"};
        QTest::newRow("by owner") << QStringLiteral("someone") << int(Column::Name)
                                  << QStringList{"Office jams", "Today's Top Hits"};
        QTest::newRow("name and owner") << QStringLiteral("myself trip") << int(Column::Name)
                                        << QStringList{"Road trip"};
    }
    void proxySortsAndSearches()
    {
        QFETCH(QString, text);
        QFETCH(int, sortColumn);
        QFETCH(QStringList, expected);
        SpotifyPlaylistModel model;
        SearchProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPlaylists(listing(), kUser);
        proxy.sort(sortColumn);
        proxy.setSearchText(text);
        QCOMPARE(column(proxy, Column::Name), expected);
    }
};

QTEST_MAIN(TestSpotifyPlaylistModel)
#include "tst_spotifyplaylistmodel.moc"
