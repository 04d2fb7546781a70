#include "chart/featurechart.h"
#include "common/elidedlabel.h"
#include "common/itemroles.h"
#include "common/uitext.h"
#include "library/libraryjobs.h"
#include "library/libraryview.h"
#include "library/playlistlistmodel.h"
#include "library/tracktablemodel.h"
#include "player/previewplayer.h"
#include "ranking/rankingcontrols.h"
#include "recommendations/recommendationtablemodel.h"

#include "analysis/synthaudio.h"
#include "ui/uitestcatalog.h"

#include "storage/librarydb.h"
#include "ui/widgettesting.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QTimer>
#include <QToolButton>
#include <QLineEdit>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLabel>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QMediaPlayer>
#include <QTest>
#include <QTreeView>

#include <memory>

using namespace encore;
using encore::test::child;
using Column = RecommendationTableModel::Column;

namespace {

constexpr int kTimeoutMs = 10'000;

QList<int> shownRows(const LibraryView &view)
{
    const QAbstractItemModel *model = child<QTableView>(view, "recommendationView")->model();
    QList<int> rows;
    for (int row = 0; row < model->rowCount(); ++row)
        rows << model->index(row, 0).data(roles::CatalogRow).toInt();
    return rows;
}

QString whyOf(const LibraryView &view, int catalogRow)
{
    const QAbstractItemModel *model = child<QTableView>(view, "recommendationView")->model();
    for (int row = 0; row < model->rowCount(); ++row)
        if (model->index(row, 0).data(roles::CatalogRow).toInt() == catalogRow)
            return model->index(row, int(Column::Why)).data().toString();
    return {};
}

void selectRecommendation(LibraryView &view, int catalogRow)
{
    auto *table = child<QTableView>(view, "recommendationView");
    for (int row = 0; row < table->model()->rowCount(); ++row)
        if (table->model()->index(row, 0).data(roles::CatalogRow).toInt() == catalogRow)
            table->selectionModel()->setCurrentIndex(  // as a click does, whatever keys are down
                table->model()->index(row, int(Column::Title)),
                QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

std::vector<FeedbackEntry> storedFeedback(const QString &path)
{
    return loadLibrary(path).snapshot.feedback.entries();
}

}  // namespace

class TestLibraryView : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_counter = 0;

    // A view on the library at `path` (settings of its own unless given), shown, with the
    // recommendation model under a tester.
    struct Fixture {
        std::unique_ptr<QSettings> settings;
        std::unique_ptr<LibraryView> view;
        std::unique_ptr<QAbstractItemModelTester> tester;
    };
    Fixture open(const QString &path, const QString &settingsName = {})
    {
        Fixture fixture;
        fixture.settings = std::make_unique<QSettings>(
            m_dir.filePath(settingsName.isEmpty() ? QStringLiteral("settings-%1.ini").arg(++m_counter) : settingsName),
            QSettings::IniFormat);
        fixture.view = std::make_unique<LibraryView>(*fixture.settings);
        fixture.view->setLibraryPath(path);
        auto *proxy =
            qobject_cast<QSortFilterProxyModel *>(child<QTableView>(*fixture.view, "recommendationView")->model());
        fixture.tester = std::make_unique<QAbstractItemModelTester>(
            proxy->sourceModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        fixture.view->resize(1280, 760);
        fixture.view->show();
        const LoadOutcome loaded = loadLibrary(path);
        if (loaded.error)
            qFatal("%s", qPrintable(loaded.error->message));
        fixture.view->setLibrary(loaded.snapshot);
        return fixture;
    }

    QString newLibrary()
    {
        return test::storeSmallCatalog(m_dir.filePath(QStringLiteral("lib-%1.sqlite").arg(++m_counter)));
    }

    // Makes `seedId` the seed and waits for its recommendations.
    static void rankFor(LibraryView &view, const QString &seedId)
    {
        QSignalSpy ranked(&view, &LibraryView::recommendationsChanged);
        view.chooseSeed(view.library().catalog->rowOf(seedId));
        QTRY_VERIFY_WITH_TIMEOUT(ranked.count() >= 1, kTimeoutMs);
    }
    static void react(LibraryView &view, int catalogRow, const char *action)
    {
        QSignalSpy ranked(&view, &LibraryView::recommendationsChanged);
        selectRecommendation(view, catalogRow);
        QAction *reaction = child<QAction>(view, action);
        QVERIFY2(reaction->isEnabled(), action);
        reaction->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(ranked.count() >= 1, kTimeoutMs);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        // Preview look-ups go nowhere.
        qputenv("ENCORE_DEEZER_URL", "http://127.0.0.1:9");
        qputenv("ENCORE_ITUNES_URL", "http://127.0.0.1:9");
    }

    void aLibraryKeepsItsRankingDataBetweenLoads()
    {
        const QString path = newLibrary();
        const LoadOutcome first = loadLibrary(path);
        QVERIFY(!first.error);
        QVERIFY(!first.snapshot.recommender->featureSpace().columns().packed.isMapped());  // built
        QVERIFY(QFile::exists((*LibraryDb::open(path))->rankingCachePath()));
        const LoadOutcome second = loadLibrary(path);
        QVERIFY(!second.error);
        QVERIFY(second.snapshot.recommender->featureSpace().columns().packed.isMapped());
    }

    // The one playlist of a catalog file without playlists holds the whole library: its songs
    // are recommended for a song of it, and a seed of the whole playlist says why nothing comes.
    void aPlaylistOfTheWholeLibrary()
    {
        ImportBatch batch = test::smallCatalogBatch();
        batch.playlists = {Playlist{
            QStringLiteral("pl-whole"), QStringLiteral("songs"), {}, QStringLiteral("/music/songs.csv"), {}, {}}};
        for (const Track &track : batch.tracks)
            batch.playlists.front().trackIds << track.id;
        const QString path = m_dir.filePath(QStringLiteral("whole-%1.sqlite").arg(++m_counter));
        QVERIFY((*LibraryDb::open(path))->store(batch, {}));
        Fixture f = open(path);
        LibraryView &view = *f.view;
        view.selectPlaylist(QStringLiteral("pl-whole"));
        rankFor(view, QStringLiteral("id0"));
        QVERIFY(!shownRows(view).empty());

        QSignalSpy ranked(&view, &LibraryView::recommendationsChanged);
        view.session().choosePlaylist(0);
        QTRY_VERIFY_WITH_TIMEOUT(ranked.count() >= 1, kTimeoutMs);
        const QString message = child<QLabel>(view, "recommendationsMessage")->text();
        QVERIFY2(message.contains(QStringLiteral("nothing to recommend")), qPrintable(message));
    }

    void controlsMapToTheRequest()
    {
        Fixture f = open(newLibrary());
        LibraryView &view = *f.view;
        QCOMPARE(view.session().rankingRequest().seedRow, -1);  // no seed yet
        const Catalog &catalog = *view.library().catalog;
        view.selectPlaylist(QStringLiteral("pl-zed"));
        rankFor(view, QStringLiteral("id0"));

        child<QSlider>(view, "alphaSlider")->setValue(15);
        child<QSlider>(view, "popularitySlider")->setValue(10);
        child<QSlider>(view, "diversitySlider")->setValue(4);
        child<QSpinBox>(view, "perArtistSpin")->setValue(1);
        child<QSlider>(view, "playlistContextSlider")->setValue(0);
        child<QSpinBox>(view, "resultCountSpin")->setValue(3);
        child<QSlider>(view, "weightSlider_tempo")->setValue(0);

        const RankingRequest request = view.session().rankingRequest();
        QCOMPARE(request.method, RankingMethod::Hybrid);
        QCOMPARE(request.seedRow, catalog.rowOf(QStringLiteral("id0")));
        QCOMPARE(request.playlistIndex, catalog.playlistIndexOf(QStringLiteral("pl-zed")));
        QVERIFY(!request.seedIsPlaylist);
        QCOMPARE(request.k, 3);
        QCOMPARE(request.hybrid.alpha, 0.75f);
        QCOMPARE(request.hybrid.popularityWeight, 0.05f);
        QCOMPARE(request.hybrid.diversity, 0.2f);
        QCOMPARE(request.hybrid.maxPerArtist, 1);
        QCOMPARE(request.playlistContext, 0.0f);
        QCOMPARE(request.weights[Feature::Tempo], 0.0f);
        QVERIFY(request.feedback.isEmpty());

        // The options reach the ranking.
        QSignalSpy ranked(&view, &LibraryView::recommendationsChanged);
        child<QSpinBox>(view, "resultCountSpin")->setValue(1);
        QTRY_VERIFY_WITH_TIMEOUT(ranked.count() >= 1, kTimeoutMs);
        QCOMPARE(shownRows(view).size(), 1);

        // The options were saved.
        QCOMPARE(loadRankingOptions(*f.settings).hybrid.maxPerArtist, 1);
    }

    // Discover (Ctrl+N) asks for songs like the seed from the services chosen under its arrow,
    // and shows only songs new to the library from then on; a library handed out with the songs
    // keeps the recommendation the user had selected.
    void discoverAsksForTheSeedAndShowsNewSongs()
    {
        const QString path = newLibrary();
        Fixture f = open(path);
        LibraryView &view = *f.view;
        QAction *discover = child<QAction>(view, "discoverAction");
        QVERIFY(!discover->isEnabled());  // no seed yet
        view.selectPlaylist(QStringLiteral("pl-zed"));
        rankFor(view, QStringLiteral("id0"));
        QVERIFY(discover->isEnabled());
        QCOMPARE(discover->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_N));
        const int selected = shownRows(view).value(1);
        selectRecommendation(view, selected);

        child<QAction>(view, "discoverDeezerAction")->setChecked(false);
        QSignalSpy asked(&view, &LibraryView::discoverRequested);
        QSignalSpy ranked(&view, &LibraryView::recommendationsChanged);
        discover->trigger();
        QCOMPARE(asked.count(), 1);
        QCOMPARE(asked.first().at(0).value<DiscoverySeed>().id, QStringLiteral("id0"));
        const auto options = asked.first().at(1).value<DiscoveryOptions>();
        QVERIFY(options.reccoBeats && !options.deezer);
        QVERIFY(f.settings->value(QStringLiteral("discover/deezer")).toBool() == false);
        // Turning the last service off turns the other back on.
        child<QAction>(view, "discoverReccoBeatsAction")->setChecked(false);
        QVERIFY(child<QAction>(view, "discoverDeezerAction")->isChecked());

        QVERIFY(view.session().options().onlyNewSongs);
        QVERIFY(child<QCheckBox>(view, "onlyNewCheck")->isChecked());
        QTRY_VERIFY_WITH_TIMEOUT(ranked.count() >= 1, kTimeoutMs);
        QVERIFY(shownRows(view).isEmpty());  // nothing discovered yet
        const QString message = child<QLabel>(view, "recommendationsMessage")->text();
        QVERIFY2(message.contains(QStringLiteral("Discover new songs (Ctrl+N)")), qPrintable(message));

        // The songs arrive: stored, the library handed out again, the list shows them.
        Candidate found;
        found.track.id = QStringLiteral("idx");
        found.track.name = QStringLiteral("Found");
        found.track.artists = {QStringLiteral("Someone")};
        found.origins = {DiscoveryOrigin{DiscoveryOrigin::Source::ReccoBeats, {}, {}}};
        AudioFeatures features;
        for (Feature feature : kAllFeatures)
            features.set(feature, 0.5f, FeatureSource::ReccoBeats);
        features.set(Feature::Key, 5.0f, FeatureSource::ReccoBeats);
        features.set(Feature::Mode, 1.0f, FeatureSource::ReccoBeats);
        features.set(Feature::Tempo, 120.0f, FeatureSource::ReccoBeats);
        features.set(Feature::Loudness, -6.0f, FeatureSource::ReccoBeats);
        {
            auto db = LibraryDb::open(path);
            QVERIFY((*db)->storeDiscoveries(QStringLiteral("id0"), {found}));
            QVERIFY((*db)->storeFoundFeatures({{QStringLiteral("idx"), features}}));
        }
        QSignalSpy again(&view, &LibraryView::recommendationsChanged);
        view.setLibrary(loadLibrary(path).snapshot);
        QTRY_VERIFY_WITH_TIMEOUT(again.count() >= 1, kTimeoutMs);
        QCOMPARE(shownRows(view), QList<int>{view.library().catalog->rowOf(u"idx")});

        // Without the filter the library's songs come back, and the selection is where it was.
        child<QCheckBox>(view, "onlyNewCheck")->setChecked(false);
        QTRY_VERIFY_WITH_TIMEOUT(shownRows(view).size() > 1, kTimeoutMs);
        selectRecommendation(view, selected);
        const QString selectedId = view.library().catalog->trackId(selected);
        QSignalSpy reloaded(&view, &LibraryView::recommendationsChanged);
        view.setLibrary(loadLibrary(path).snapshot);
        QTRY_VERIFY_WITH_TIMEOUT(reloaded.count() >= 1, kTimeoutMs);
        auto *table = child<QTableView>(view, "recommendationView");
        QCOMPARE(table->currentIndex().data(roles::Id).toString(), selectedId);

        // A playlist seed is discovered for through its tracks.
        view.chooseSeedPlaylist(view.library().catalog->playlistIndexOf(QStringLiteral("pl-zed")));
        QVERIFY(discover->isEnabled());
        discover->trigger();
        QCOMPARE(asked.count(), 2);
        const auto playlistSeed = asked.last().at(0).value<DiscoverySeed>();
        QCOMPARE(playlistSeed.id, QStringLiteral("playlist:pl-zed"));
        QVERIFY(!playlistSeed.tracks.empty());
    }

    void scoreSaysWhatItIs()
    {
        Fixture f = open(newLibrary());
        LibraryView &view = *f.view;
        rankFor(view, QStringLiteral("id0"));
        const QAbstractItemModel *model = child<QTableView>(view, "recommendationView")->model();
        QCOMPARE(model->headerData(int(Column::Score), Qt::Horizontal).toString(), QStringLiteral("Relevance"));
        QVERIFY(model->headerData(int(Column::Score), Qt::Horizontal, Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("Not a similarity")));
        QVERIFY(child<FeatureChart>(view, "featureChart")->captionText().startsWith(QStringLiteral("Relevance")));
        // The table keeps the list's order.
        for (int row = 0; row < model->rowCount(); ++row)
            QCOMPARE(model->index(row, int(Column::Rank)).data().toInt(), row + 1);

        QSignalSpy ranked(&view, &LibraryView::recommendationsChanged);
        auto *method = child<QComboBox>(view, "methodCombo");
        method->setCurrentIndex(method->findData(int(RankingMethod::Content)));
        QTRY_VERIFY_WITH_TIMEOUT(ranked.count() >= 1, kTimeoutMs);
        QCOMPARE(model->headerData(int(Column::Score), Qt::Horizontal).toString(), QStringLiteral("Score"));
        QVERIFY(child<FeatureChart>(view, "featureChart")->captionText().startsWith(QStringLiteral("Similarity")));
    }

    void likeAndDislikeReRankAndPersist()
    {
        const QString path = newLibrary();
        Fixture f = open(path);
        LibraryView &view = *f.view;
        const Catalog &catalog = *view.library().catalog;
        const int seed = catalog.rowOf(QStringLiteral("id0"));
        rankFor(view, QStringLiteral("id0"));
        const QList<int> before = shownRows(view);
        QVERIFY(before.size() >= 2);
        const int liked = before.at(1);
        const int disliked = before.at(0);

        // Nothing to react to without a selected recommendation... then the selected one.
        QVERIFY(!child<QAction>(view, "clearReactionAction")->isEnabled());
        react(view, liked, "likeAction");
        QVERIFY(whyOf(view, liked).startsWith(QStringLiteral("♥")));
        QVERIFY(!whyOf(view, disliked).startsWith(QStringLiteral("♥")));
        QCOMPARE(view.session().rankingRequest().feedback.likedRows, std::vector<int>{liked});
        QVERIFY(!child<QAction>(view, "likeAction")->isEnabled());  // already liked
        QVERIFY(child<QAction>(view, "clearReactionAction")->isEnabled());

        react(view, disliked, "dislikeAction");
        QVERIFY(!shownRows(view).contains(disliked));
        QVERIFY(shownRows(view).contains(liked));
        // The selection moved on to another recommendation.
        QVERIFY(child<QTableView>(view, "recommendationView")->currentIndex().isValid());

        // Gone for this seed only, and still gone when the seed comes back.
        rankFor(view, QStringLiteral("id1"));
        QVERIFY(shownRows(view).contains(disliked));
        QVERIFY(shownRows(view).contains(seed));
        rankFor(view, QStringLiteral("id0"));
        QVERIFY(!shownRows(view).contains(disliked));
        QVERIFY(whyOf(view, liked).startsWith(QStringLiteral("♥")));

        // Stored in the library in the order made, in the background.
        const std::vector<FeedbackEntry> expected = {
            {QStringLiteral("id0"), catalog.track(liked).id, Reaction::Like},
            {QStringLiteral("id0"), catalog.track(disliked).id, Reaction::Dislike}};
        QTRY_VERIFY_WITH_TIMEOUT(storedFeedback(path) == expected, kTimeoutMs);
        QVERIFY(!child<QLabel>(view, "feedbackError")->isVisible());

        // A new view on the same library knows them.
        {
            Fixture again = open(path);
            rankFor(*again.view, QStringLiteral("id0"));
            QVERIFY(!shownRows(*again.view).contains(disliked));
            QVERIFY(whyOf(*again.view, liked).startsWith(QStringLiteral("♥")));
        }

        // Clearing the like unmarks it; undoing the dislike brings the track back.
        react(view, liked, "clearReactionAction");
        QVERIFY(!whyOf(view, liked).startsWith(QStringLiteral("♥")));
        QSignalSpy ranked(&view, &LibraryView::recommendationsChanged);
        view.session().react(disliked, std::nullopt);
        QTRY_VERIFY_WITH_TIMEOUT(ranked.count() >= 1, kTimeoutMs);
        QCOMPARE(shownRows(view), before);
        QTRY_VERIFY_WITH_TIMEOUT(storedFeedback(path).empty(), kTimeoutMs);
    }

    void aDislikeIsUndoneFromTheNoticeOrCtrlZ()
    {
        Fixture f = open(newLibrary());
        LibraryView &view = *f.view;
        view.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&view));
        rankFor(view, QStringLiteral("id0"));
        const int disliked = shownRows(view).at(0);
        auto *undo = child<QAction>(view, "undoAction");
        QVERIFY(!undo->isEnabled());

        react(view, disliked, "dislikeAction");
        QVERIFY(!shownRows(view).contains(disliked));
        auto *notice = child<QLabel>(view, "feedbackNotice");
        QVERIFY(notice->isVisible());
        QVERIFY(notice->text().startsWith(QStringLiteral("Disliked “")));
        QVERIFY(notice->text().contains(QStringLiteral(">Undo</a>")));
        QVERIFY(undo->isEnabled());
        QVERIFY(undo->text().startsWith(QStringLiteral("Undo Disliked")));

        // Ctrl+Z anywhere in the view takes it back, and the song returns to the list.
        QSignalSpy ranked(&view, &LibraryView::recommendationsChanged);
        auto *list = child<QTableView>(view, "recommendationView");
        list->setFocus();
        QTRY_VERIFY(list->hasFocus());
        QTest::keyClick(list, Qt::Key_Z, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(ranked.count() >= 1, kTimeoutMs);
        QVERIFY(shownRows(view).contains(disliked));
        QVERIFY(!undo->isEnabled());

        // And from the notice's link.
        react(view, disliked, "dislikeAction");
        ranked.clear();
        emit notice->linkActivated(QStringLiteral("undo"));
        QTRY_VERIFY_WITH_TIMEOUT(ranked.count() >= 1, kTimeoutMs);
        QVERIFY(shownRows(view).contains(disliked));
    }

    // An import holding the library's writes turns undo off (Ctrl+Z and the notice's link alike)
    // rather than let it fail after a wait; the step is still there afterwards.
    void undoWaitsWhileTheLibraryIsBeingSaved()
    {
        Fixture f = open(newLibrary());
        LibraryView &view = *f.view;
        view.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&view));
        rankFor(view, QStringLiteral("id0"));
        const int disliked = shownRows(view).at(0);
        react(view, disliked, "dislikeAction");
        auto *undo = child<QAction>(view, "undoAction");
        QVERIFY(undo->isEnabled());

        view.setLibraryBeingSaved(true);
        QVERIFY(!undo->isEnabled());
        auto *list = child<QTableView>(view, "recommendationView");
        list->setFocus();
        QTRY_VERIFY(list->hasFocus());
        QTest::keyClick(list, Qt::Key_Z, Qt::ControlModifier);
        emit child<QLabel>(view, "feedbackNotice")->linkActivated(QStringLiteral("undo"));
        QVERIFY(view.session().canUndo());
        QVERIFY(!shownRows(view).contains(disliked));
        // A reaction is refused where the notice says why, and nothing else changes.
        const QString undoText = view.session().undoText();
        selectRecommendation(view, shownRows(view).at(0));
        child<QAction>(view, "likeAction")->trigger();
        QCOMPARE(child<QLabel>(view, "feedbackNotice")->text(), uitext::reactionWaitsForImport());
        QCOMPARE(view.session().undoText(), undoText);

        view.setLibraryBeingSaved(false);
        QVERIFY(undo->isEnabled());
        QSignalSpy ranked(&view, &LibraryView::recommendationsChanged);
        undo->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(ranked.count() >= 1, kTimeoutMs);
        QVERIFY(shownRows(view).contains(disliked));
    }

    void backAndForwardBringTheSeedAndItsList()
    {
        Fixture f = open(newLibrary());
        LibraryView &view = *f.view;
        view.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&view));
        const Catalog &catalog = *view.library().catalog;
        auto *back = child<QAction>(view, "backAction");
        auto *forward = child<QAction>(view, "forwardAction");
        view.selectPlaylist(QStringLiteral("pl-zed"));
        rankFor(view, QStringLiteral("id1"));
        QVERIFY(!back->isEnabled());
        view.selectPlaylist(QStringLiteral("pl-another"));
        rankFor(view, QStringLiteral("id3"));
        QVERIFY(back->isEnabled());
        QVERIFY(!forward->isEnabled());

        // Alt+Left: the seed before, and the playlist it was picked from, with it selected.
        QSignalSpy ranked(&view, &LibraryView::recommendationsChanged);
        auto *tracks = child<QTableView>(view, "trackView");
        tracks->setFocus();
        QTRY_VERIFY(tracks->hasFocus());
        QTest::keyClick(tracks, Qt::Key_Left, Qt::AltModifier);
        QCOMPARE(view.session().seedId(), QStringLiteral("id1"));
        QCOMPARE(view.currentPlaylistId(), QStringLiteral("pl-zed"));
        QCOMPARE(tracks->currentIndex().data(roles::CatalogRow).toInt(), catalog.rowOf(QStringLiteral("id1")));
        QTRY_VERIFY_WITH_TIMEOUT(ranked.count() >= 1, kTimeoutMs);
        QVERIFY(!back->isEnabled());
        QVERIFY(forward->isEnabled());

        QTest::keyClick(tracks, Qt::Key_Right, Qt::AltModifier);
        QCOMPARE(view.session().seedId(), QStringLiteral("id3"));
        QCOMPARE(view.currentPlaylistId(), QStringLiteral("pl-another"));
    }

    void aNewListIsInRankOrder()
    {
        const QString settingsName = QStringLiteral("sorted.ini");
        {
            Fixture f = open(newLibrary(), settingsName);
            LibraryView &view = *f.view;
            rankFor(view, QStringLiteral("id0"));
            auto *list = child<QTableView>(view, "recommendationView");
            list->sortByColumn(int(Column::Title), Qt::DescendingOrder);
            rankFor(view, QStringLiteral("id3"));
            QCOMPARE(list->horizontalHeader()->sortIndicatorSection(), int(Column::Rank));
            QCOMPARE(list->horizontalHeader()->sortIndicatorOrder(), Qt::AscendingOrder);
            list->sortByColumn(int(Column::Title), Qt::DescendingOrder);
            view.saveState();
        }
        // Nor the sort the last run closed with.
        Fixture again = open(newLibrary(), settingsName);
        again.view->restoreState();
        QCOMPARE(child<QTableView>(*again.view, "recommendationView")->horizontalHeader()->sortIndicatorSection(),
                 int(Column::Rank));
    }

    void aSearchGoesOnInTheWholeLibrary()
    {
        Fixture f = open(newLibrary());
        LibraryView &view = *f.view;
        view.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&view));
        view.selectPlaylist(QStringLiteral("pl-zed"));
        auto *filter = child<QLineEdit>(view, "trackFilter");
        auto *tracks = child<QTableView>(view, "trackView");
        auto *searchAll = child<QToolButton>(view, "searchAllButton");
        QVERIFY(!searchAll->isVisible());
        filter->setFocus();
        QTest::keyClicks(filter, QStringLiteral("delta"));  // in "Another", not in "Zed mix"
        QTRY_COMPARE(tracks->model()->rowCount(), 0);
        QVERIFY(searchAll->isVisible());

        QTest::mouseClick(searchAll, Qt::LeftButton);
        QCOMPARE(view.currentPlaylistId(), QString());  // All tracks
        QCOMPARE(filter->text(), QStringLiteral("delta"));
        QTRY_COMPARE(tracks->model()->rowCount(), 1);
        QVERIFY(!searchAll->isVisible());
        QTest::keyClick(filter, Qt::Key_Return);  // and the song found is the seed
        QCOMPARE(view.session().seedId(), QStringLiteral("id3"));

        // Ctrl+K from anywhere: All tracks, and the filter ready for words.
        view.selectPlaylist(QStringLiteral("pl-another"));
        tracks->setFocus();
        QTRY_VERIFY(tracks->hasFocus());
        QTest::keyClick(tracks, Qt::Key_K, Qt::ControlModifier);
        QCOMPARE(view.currentPlaylistId(), QString());
        QTRY_VERIFY(filter->hasFocus());
    }

    void returnInTheFilterSeedsTheMatch()
    {
        Fixture f = open(newLibrary());
        LibraryView &view = *f.view;
        view.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&view));
        view.selectPlaylist(QStringLiteral("pl-another"));
        auto *filter = child<QLineEdit>(view, "trackFilter");
        filter->setFocus();
        QTRY_VERIFY(filter->hasFocus());
        QTest::keyClicks(filter, QStringLiteral("epsil"));
        QSignalSpy ranked(&view, &LibraryView::recommendationsChanged);
        QTest::keyClick(filter, Qt::Key_Return);
        QCOMPARE(view.session().seedId(), QStringLiteral("id4"));
        QTRY_VERIFY(child<QTableView>(view, "trackView")->hasFocus());
        QTRY_VERIFY_WITH_TIMEOUT(ranked.count() >= 1, kTimeoutMs);
    }

    void likedSongsAreGatheredAndUnlikedEverywhere()
    {
        const QString path = newLibrary();
        Fixture f = open(path);
        LibraryView &view = *f.view;
        const Catalog &catalog = *view.library().catalog;
        rankFor(view, QStringLiteral("id0"));
        const int first = shownRows(view).at(0);
        react(view, first, "likeAction");
        rankFor(view, QStringLiteral("id1"));
        const int second = shownRows(view).at(0) == first ? shownRows(view).at(1) : shownRows(view).at(0);
        react(view, second, "likeAction");
        react(view, first, "likeAction");  // liked again, for another seed: it comes first

        auto *playlists = child<QTreeView>(view, "playlistView");
        const QModelIndex likedRow = playlists->model()->index(1, 0);
        QCOMPARE(likedRow.data().toString(), QStringLiteral("♥ Liked in Encore"));
        QCOMPARE(likedRow.siblingAtColumn(1).data().toString(), QStringLiteral("2"));
        view.selectPlaylist(PlaylistListModel::likedId());
        QCOMPARE(view.currentPlaylistId(), PlaylistListModel::likedId());
        auto *tracks = child<QTableView>(view, "trackView");
        QCOMPARE(tracks->model()->rowCount(), 2);
        QCOMPARE(tracks->model()->index(0, 0).data(roles::CatalogRow).toInt(), first);
        QCOMPARE(tracks->model()->index(1, 0).data(roles::CatalogRow).toInt(), second);
        const int likedFor = int(TrackTableModel::Column::LikedFor);
        QVERIFY(!tracks->isColumnHidden(likedFor));
        const QString firstFor = tracks->model()->index(0, likedFor).data().toString();
        QVERIFY2(firstFor.contains(uitext::title(catalog.track(catalog.rowOf(QStringLiteral("id1")))))
                     && firstFor.contains(QLatin1String("and 1 more")),
                 qPrintable(firstFor));
        const TrackList kept = view.likedSongsToKeep();
        QCOMPARE(int(kept.entries.size()), 2);
        QCOMPARE(kept.entries.front().row, first);

        // Delete there forgets the song's likes for every seed.
        tracks->setFocus();
        tracks->setCurrentIndex(tracks->model()->index(0, int(TrackTableModel::Column::Title)));
        QTest::keyClick(tracks, Qt::Key_Delete);
        QTRY_COMPARE(tracks->model()->rowCount(), 1);
        QCOMPARE(tracks->model()->index(0, 0).data(roles::CatalogRow).toInt(), second);
        QCOMPARE(likedRow.siblingAtColumn(1).data().toString(), QStringLiteral("1"));
        const std::vector<FeedbackEntry> expected = {{QStringLiteral("id1"), catalog.track(second).id, Reaction::Like}};
        QTRY_VERIFY_WITH_TIMEOUT(storedFeedback(path) == expected, kTimeoutMs);

        // Other playlists hide the column again, and the choice is remembered.
        view.selectPlaylist(QString());
        QVERIFY(tracks->isColumnHidden(likedFor));
        view.selectPlaylist(PlaylistListModel::likedId());
        f.settings->sync();
        Fixture again = open(path, QFileInfo(f.settings->fileName()).fileName());
        QCOMPARE(again.view->currentPlaylistId(), PlaylistListModel::likedId());
        QCOMPARE(child<QTableView>(*again.view, "trackView")->model()->rowCount(), 1);
    }

    // Down in a filter box goes into its list; Shift+F10 opens a list's context menu.
    void keyboardMovesFromFiltersAndOpensMenus()
    {
        Fixture f = open(newLibrary());
        LibraryView &view = *f.view;
        rankFor(view, QStringLiteral("id0"));
        view.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&view));
        for (const auto &[filter, list] :
             {std::pair{"playlistFilter", "playlistView"}, std::pair{"trackFilter", "trackView"}}) {
            auto *edit = child<QLineEdit>(view, filter);
            edit->setFocus();
            QTRY_VERIFY(edit->hasFocus());
            QTest::keyClick(edit, Qt::Key_Down);
            auto *target = child<QAbstractItemView>(view, list);
            QTRY_VERIFY2(target->hasFocus(), list);
            QVERIFY(target->currentIndex().isValid());
        }

        auto *table = child<QTableView>(view, "recommendationView");
        table->setFocus();
        QTRY_VERIFY(table->hasFocus());
        QSignalSpy asked(table, &QWidget::customContextMenuRequested);
        QTimer::singleShot(200, [] {  // the menu waits for the user: close it
            if (QWidget *menu = QApplication::activePopupWidget())
                menu->close();
        });
        QTest::keyClick(table, Qt::Key_F10, Qt::ShiftModifier);
        QCOMPARE(asked.count(), 1);
        QCOMPARE(asked.first().first().toPoint(), table->visualRect(table->currentIndex()).center());
    }

    void reactionShortcutsAreUnique()
    {
        Fixture f = open(newLibrary());
        LibraryView &view = *f.view;
        QCOMPARE(child<QAction>(view, "likeAction")->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_L));
        QCOMPARE(child<QAction>(view, "dislikeAction")->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_D));
        QList<QKeySequence> seen;
        for (const QAction *action : view.findChildren<QAction *>()) {
            if (action->shortcut().isEmpty())
                continue;
            QVERIFY2(!seen.contains(action->shortcut()), qPrintable(action->shortcut().toString()));
            seen << action->shortcut();
        }
        // The buttons in the pane are reachable by Tab.
        for (const char *name : {"likeActionButton", "dislikeActionButton"})
            QVERIFY(child<QWidget>(view, name)->focusPolicy() & Qt::TabFocus);

        // The shortcut works from the recommendations table.
        rankFor(view, QStringLiteral("id0"));
        auto *table = child<QTableView>(view, "recommendationView");
        const int first = shownRows(view).first();
        selectRecommendation(view, first);
        view.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&view));
        table->setFocus();
        QSignalSpy ranked(&view, &LibraryView::recommendationsChanged);
        QTest::keyClick(table, Qt::Key_D, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(ranked.count() >= 1, kTimeoutMs);
        QVERIFY(!shownRows(view).contains(first));
    }

    // Several recommendations selected (whatever the table's sort) are kept in the list's order
    // with their ranks; none selected keeps them all; Ctrl+A, Ctrl+C and Copy as text.
    void multiSelectionIsWhatIsKept()
    {
        Fixture f = open(newLibrary());
        LibraryView &view = *f.view;
        const Catalog &catalog = *view.library().catalog;
        rankFor(view, QStringLiteral("id0"));
        auto *table = child<QTableView>(view, "recommendationView");
        QCOMPARE(table->selectionMode(), QAbstractItemView::ExtendedSelection);
        const QList<int> listed = shownRows(view);  // rank order
        QVERIFY(listed.size() >= 3);
        // A fresh list has a current row for the chart but nothing selected: all of it is kept.
        QVERIFY(table->currentIndex().isValid());
        QVERIFY(!table->selectionModel()->hasSelection());
        QCOMPARE(int(view.recommendationsToKeep().entries.size()), listed.size());

        table->clearSelection();
        const TrackList all = view.recommendationsToKeep();
        QCOMPARE(int(all.entries.size()), listed.size());
        for (int i = 0; i < listed.size(); ++i) {
            QCOMPARE(all.entries[i].row, listed[i]);
            QCOMPARE(all.entries[i].rank, i + 1);
        }

        // The first and third of the list, picked in a table sorted by title backwards.
        table->sortByColumn(int(Column::Title), Qt::DescendingOrder);
        selectRecommendation(view, listed[2]);  // the current row, as a click makes it
        for (int row = 0; row < table->model()->rowCount(); ++row) {
            const QModelIndex index = table->model()->index(row, 0);
            if (index.data(roles::CatalogRow).toInt() == listed[0])
                table->selectionModel()->select(index, QItemSelectionModel::Select | QItemSelectionModel::Rows);
        }
        const TrackList kept = view.recommendationsToKeep();
        QCOMPARE(kept.entries.size(), std::size_t(2));
        QCOMPARE(kept.entries[0].row, listed[0]);
        QCOMPARE(kept.entries[0].rank, 1);
        QCOMPARE(kept.entries[1].row, listed[2]);
        QCOMPARE(kept.entries[1].rank, 3);
        QVERIFY(kept.entries[1].score.has_value());
        QCOMPARE(kept.entries[1].why, whyOf(view, listed[2]));
        // The chart and the reactions still follow the current row.
        QCOMPARE(table->currentIndex().data(roles::CatalogRow).toInt(), listed[2]);
        QVERIFY(child<QAction>(view, "likeAction")->isEnabled());

        view.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&view));
        table->setFocus();
        QGuiApplication::clipboard()->clear();
        QTest::keyClick(table, Qt::Key_C, Qt::ControlModifier);
        const QString first = QStringLiteral("https://open.spotify.com/track/") + catalog.trackId(listed[0]);
        const QString third = QStringLiteral("https://open.spotify.com/track/") + catalog.trackId(listed[2]);
        const QMimeData *mime = QGuiApplication::clipboard()->mimeData();
        QVERIFY(mime->hasFormat(QStringLiteral("text/uri-list")));
        QCOMPARE(mime->urls(), (QList<QUrl>{QUrl(first), QUrl(third)}));
        QCOMPARE(mime->text(), first + u'\n' + third);
        const Track thirdTrack = catalog.track(listed[2]);
        QVERIFY2(
            mime->html().contains(
                QStringLiteral("<a href=\"%1\">%2 — %3</a>").arg(third, thirdTrack.name, thirdTrack.artistsText())),
            qPrintable(mime->html()));

        child<QAction>(view, "copyTextAction")->trigger();
        mime = QGuiApplication::clipboard()->mimeData();
        QVERIFY(!mime->hasUrls());
        QCOMPARE(mime->text(),
                 QStringLiteral("%1 — %2\n%3 — %4")
                     .arg(catalog.track(listed[0]).name, catalog.track(listed[0]).artistsText(), thirdTrack.name,
                          thirdTrack.artistsText()));

        QTest::keyClick(table, Qt::Key_A, Qt::ControlModifier);
        QCOMPARE(int(view.recommendationsToKeep().entries.size()), listed.size());
    }

    // Export… writes what the selection describes, in the format the name's suffix asks for,
    // and remembers the folder; a library playlist exports whole.
    void exportWritesTheSelection()
    {
        Fixture f = open(newLibrary());
        LibraryView &view = *f.view;
        const Catalog &catalog = *view.library().catalog;
        rankFor(view, QStringLiteral("id0"));
        const QList<int> listed = shownRows(view);
        selectRecommendation(view, listed[1]);
        QVERIFY(child<QAction>(view, "exportAction")->isEnabled());
        QCOMPARE(child<QAction>(view, "exportAction")->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_E));

        QTemporaryDir folder;
        const QString path = folder.filePath(QStringLiteral("kept.m3u8"));
        QSignalSpy notices(&view, &LibraryView::notice);
        child<QAction>(view, "exportAction")->trigger();
        auto *dialog = child<QFileDialog>(view, "exportDialog");
        QVERIFY(dialog->selectedFiles().value(0).endsWith(QStringLiteral("Songs like Alpha.csv")));
        dialog->selectFile(path);
        QVERIFY(QMetaObject::invokeMethod(dialog, "accept"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(),
                 QByteArray("#EXTM3U\n#EXTINF:%1,%2 - %3\nhttps://open.spotify.com/track/%4\n")
                     .replace("%1", QByteArray::number(qRound(catalog.track(listed[1]).durationMs / 1000.0)))
                     .replace("%2", catalog.track(listed[1]).artistsText().toUtf8())
                     .replace("%3", catalog.track(listed[1]).name.toUtf8())
                     .replace("%4", catalog.trackId(listed[1]).toUtf8()));
        QCOMPARE(notices.count(), 1);
        QCOMPARE(notices.first().first().toString(), QStringLiteral("Exported 1 song to kept.m3u8."));

        QTRY_VERIFY(!view.findChild<QFileDialog *>(QStringLiteral("exportDialog")));  // closed and gone
        view.exportPlaylist(catalog.playlistIndexOf(QStringLiteral("pl-zed")));
        dialog = child<QFileDialog>(view, "exportDialog");
        QCOMPARE(QDir(dialog->directory()).absolutePath(), QDir(folder.path()).absolutePath());
        const QString playlistPath = folder.filePath(QStringLiteral("zed.csv"));
        dialog->selectFile(playlistPath);
        QVERIFY(QMetaObject::invokeMethod(dialog, "accept"));
        QFile csv(playlistPath);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = csv.readAll().split('\n');
        QCOMPARE(lines.size(), 5);  // header, Beta, Alpha, Gamma, the last line end
        QVERIFY(lines[1].startsWith("spotify:track:id1,Beta,"));
        QVERIFY(lines[2].startsWith("spotify:track:id0,Alpha,"));
    }

    void failedWriteIsShown()
    {
        Fixture f = open(newLibrary());
        LibraryView &view = *f.view;
        QFile blocker(m_dir.filePath(QStringLiteral("blocker")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        view.setLibraryPath(blocker.fileName() + QStringLiteral("/library.sqlite"));
        rankFor(view, QStringLiteral("id0"));
        auto *error = child<QLabel>(view, "feedbackError");
        QVERIFY(!error->isVisible());
        react(view, shownRows(view).first(), "likeAction");
        QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), kTimeoutMs);
        QVERIFY(!error->text().isEmpty());
        QVERIFY(!error->toolTip().isEmpty());
        // It still counts for the session.
        QVERIFY(!view.session().rankingRequest().feedback.likedRows.empty());
    }

    void playlistAsSeed()
    {
        const QString settingsName = QStringLiteral("playlist-seed.ini");
        const QString path = newLibrary();
        Fixture f = open(path, settingsName);
        LibraryView &view = *f.view;
        const Catalog &catalog = *view.library().catalog;
        const int playlist = catalog.playlistIndexOf(QStringLiteral("pl-another"));

        auto *button = child<QPushButton>(view, "playlistSeedButton");
        view.selectPlaylist(QString());  // All tracks: no playlist to use
        QVERIFY(!button->isEnabled());
        view.selectPlaylist(QStringLiteral("pl-another"));
        QVERIFY(button->isEnabled());
        QSignalSpy ranked(&view, &LibraryView::recommendationsChanged);
        button->click();
        QTRY_VERIFY_WITH_TIMEOUT(ranked.count() >= 1, kTimeoutMs);

        QVERIFY(view.session().seed().isPlaylist);
        QCOMPARE(view.session().seed().row, -1);
        QCOMPARE(view.session().seedId(), QStringLiteral("playlist:pl-another"));
        QVERIFY(view.session().rankingRequest().seedIsPlaylist);
        QCOMPARE(view.session().rankingRequest().playlistIndex, playlist);
        QVERIFY(child<ElidedLabel>(view, "recommendationsHeading")
                    ->fullText()
                    .contains(QStringLiteral("whole playlist Another")));
        const QList<int> rows = shownRows(view);
        QVERIFY(!rows.isEmpty());
        for (int row : catalog.playlistRows(playlist))
            QVERIFY(!rows.contains(row));
        // The chart compares the selected recommendation with the playlist's average.
        auto *chart = child<FeatureChart>(view, "featureChart");
        QVERIFY(chart->legendText().contains(QStringLiteral("Average of Another (3 tracks)")));
        QVERIFY(chart->legendText().contains(catalog.track(rows.first()).name));
        QVERIFY(chart->captionText().startsWith(QStringLiteral("Relevance in the hybrid blend: ")));
        // Each recommendation says which of the playlist's songs it is most like.
        QVERIFY2(whyOf(view, rows.first()).startsWith(QStringLiteral("most like “")),
                 qPrintable(whyOf(view, rows.first())));
        QVERIFY2(chart->captionText().contains(QStringLiteral("Why: most like “")), qPrintable(chart->captionText()));

        // Other methods cannot take a playlist as the seed, and say so.
        ranked.clear();
        auto *method = child<QComboBox>(view, "methodCombo");
        method->setCurrentIndex(method->findData(int(RankingMethod::Content)));
        QTRY_VERIFY_WITH_TIMEOUT(ranked.count() >= 1, kTimeoutMs);
        QVERIFY(shownRows(view).isEmpty());
        QVERIFY(child<QLabel>(view, "recommendationsMessage")->text().contains(QStringLiteral("Hybrid")));
        method->setCurrentIndex(method->findData(int(RankingMethod::Hybrid)));
        view.saveState();
        f.view.reset();

        // The session remembers the playlist seed.
        f.settings->sync();
        Fixture again = open(path, settingsName);
        QVERIFY(again.view->session().seed().isPlaylist);
        QCOMPARE(again.view->session().seedId(), QStringLiteral("playlist:pl-another"));
        QTRY_COMPARE_WITH_TIMEOUT(shownRows(*again.view), rows, kTimeoutMs);

        // Reactions work for a playlist seed too, recorded against the playlist.
        react(*again.view, rows.first(), "dislikeAction");
        QVERIFY(!shownRows(*again.view).contains(rows.first()));
        QTRY_VERIFY_WITH_TIMEOUT(storedFeedback(path).size() == 1, kTimeoutMs);
        QCOMPARE(storedFeedback(path).front().seedId, QStringLiteral("playlist:pl-another"));

        // Picking a track makes it the seed again.
        rankFor(*again.view, QStringLiteral("id3"));
        QVERIFY(!again.view->session().seed().isPlaylist);
        QCOMPARE(again.view->session().seedId(), QStringLiteral("id3"));
    }

    // A song found only on Deezer that the user plays is worth a Spotify search, once, while
    // Discover's "Find the Top Songs on Spotify" is on.
    void playingADeezerSongAsksForItOnSpotify()
    {
        Fixture f = open(newLibrary());
        rankFor(*f.view, QStringLiteral("id0"));
        QTemporaryFile wav(m_dir.filePath(QStringLiteral("XXXXXX.wav")));
        QVERIFY(wav.open());
        wav.write(test::wavBytes(test::clickTrack(120.0, 4.0)));
        wav.flush();
        auto *player = child<PreviewPlayer>(*f.view, "previewPlayer");
        // The seed's own search (offline) is over before the player is handed songs here.
        QTRY_COMPARE_WITH_TIMEOUT(player->state(), PreviewPlayer::State::Unreachable, kTimeoutMs);
        QSignalSpy asked(f.view.get(), &LibraryView::spotifySearchRequested);
        const auto play = [&](const Track &track) {
            player->setPreview(track, QUrl::fromLocalFile(wav.fileName()));
            QTRY_COMPARE_WITH_TIMEOUT(player->state(), PreviewPlayer::State::Ready, kTimeoutMs);
            player->togglePlayback();
            QTRY_COMPARE_WITH_TIMEOUT(player->mediaPlayer().playbackState(), QMediaPlayer::PlayingState, kTimeoutMs);
            player->togglePlayback();
            QTRY_COMPARE_WITH_TIMEOUT(player->mediaPlayer().playbackState(), QMediaPlayer::PausedState, kTimeoutMs);
        };
        Track deezerSong;
        deezerSong.id = QStringLiteral("deezer:77");
        deezerSong.name = QStringLiteral("Rehab");
        deezerSong.artists = {QStringLiteral("Amy Winehouse")};
        play(f.view->library().catalog->track(0));  // a Spotify track: nothing to look up
        QVERIFY(asked.isEmpty());
        play(deezerSong);
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked.constFirst().constFirst().value<std::vector<Track>>().front().id, deezerSong.id);
        player->togglePlayback();  // again: already asked
        QTRY_COMPARE_WITH_TIMEOUT(player->mediaPlayer().playbackState(), QMediaPlayer::PlayingState, kTimeoutMs);
        QCOMPARE(asked.size(), 1);
        player->togglePlayback();
        QTRY_COMPARE_WITH_TIMEOUT(player->mediaPlayer().playbackState(), QMediaPlayer::PausedState, kTimeoutMs);

        child<QAction>(*f.view, "discoverSpotifyAction")->setChecked(false);
        deezerSong.id = QStringLiteral("deezer:78");
        play(deezerSong);
        QCOMPARE(asked.size(), 1);
    }

    // Offline (initTestCase), the player names what it could not reach, and play looks again.
    void anUnreachablePreviewIsLookedForAgainOnPlay()
    {
        Fixture f = open(newLibrary());
        rankFor(*f.view, QStringLiteral("id0"));
        auto *player = child<PreviewPlayer>(*f.view, "previewPlayer");
        QTRY_COMPARE_WITH_TIMEOUT(player->state(), PreviewPlayer::State::Unreachable, kTimeoutMs);
        QCOMPARE(player->statusText(), QStringLiteral("Can't reach iTunes — are you offline?"));  // no ISRC: no Deezer

        QSignalSpy states(player, &PreviewPlayer::stateChanged);
        player->togglePlayback();
        QTRY_COMPARE_WITH_TIMEOUT(states.size(), 2, kTimeoutMs);
        QCOMPARE(states.at(0).at(0).value<PreviewPlayer::State>(), PreviewPlayer::State::Searching);
        QCOMPARE(states.at(1).at(0).value<PreviewPlayer::State>(), PreviewPlayer::State::Unreachable);
    }
};

QTEST_MAIN(TestLibraryView)
#include "tst_libraryview.moc"
