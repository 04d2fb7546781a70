// CoverArt: covers looked up once on a fake Deezer, kept on disk, never stored when Deezer could
// not be asked; and the recommendations' table showing them as they come.
#include "common/coverart.h"
#include "fakefeatureservices.h"
#include "features/featureendpoints.h"
#include "recommendations/recommendationtablemodel.h"
#include "ui/uitestcatalog.h"

#include <QApplication>
#include <QDir>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace encore;
using namespace encore::test;

namespace {

Track song(const QString &id, const QString &title, const QString &artist)
{
    Track track;
    track.id = id;
    track.name = title;
    track.artists = {artist};
    return track;
}

}  // namespace

class TestCoverArt : public QObject {
    Q_OBJECT

private slots:
    void init()
    {
        m_deezer = std::make_unique<FakeDeezer>();
        QVERIFY(m_deezer->listen());
        qputenv(FeatureEndpoints::kDeezerVariable, m_deezer->baseUrl().toEncoded());
        m_deezer->addArtist(1, QStringLiteral("Ann"));
        m_deezer->addSong(11, 1, QStringLiteral("Alpha"), QStringLiteral("GBAAA0000011"), 900);
        m_deezer->addSong(14, 1, QStringLiteral("Epsilon"), QStringLiteral("GBAAA0000014"), 800);
        m_cacheDir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_cacheDir->isValid());
    }

    void coverComesOnceThenFromDisk()
    {
        const Track alpha = song(QStringLiteral("id0"), QStringLiteral("Alpha"), QStringLiteral("Ann"));
        {
            CoverArt covers(m_network, cachePath());
            QSignalSpy changed(&covers, &CoverArt::coverChanged);
            const QPixmap waiting = covers.cover(alpha, 32, 1.0);
            QCOMPARE(waiting.size(), QSize(32, 32));  // the placeholder meanwhile
            QVERIFY(!covers.hasCover(alpha.id));
            covers.cover(alpha, 32, 1.0);  // asked twice while looking: one lookup
            QVERIFY(changed.wait(10000));
            QCOMPARE(changed.constFirst().constFirst().toString(), alpha.id);
            QVERIFY(covers.hasCover(alpha.id));
            const QImage shown = covers.cover(alpha, 32, 2.0).toImage();
            QCOMPARE(shown.size(), QSize(64, 64));  // sharp on a high-density screen
            QCOMPARE(shown.pixelColor(32, 32).hue() / 10, QColor::fromHsv(11 * 47 % 360, 160, 200).hue() / 10);
            QCOMPARE(m_deezer->requestsTo(QStringLiteral("/search/track")).size(), 1);
            QCOMPARE(m_deezer->requestsTo(QStringLiteral("/images/cover/11/")).size(), 1);
        }
        // The next run has it on disk, offline too.
        m_deezer->resetRecord();
        qputenv(FeatureEndpoints::kDeezerVariable, closedPort().toEncoded());
        CoverArt covers(m_network, cachePath());
        QSignalSpy changed(&covers, &CoverArt::coverChanged);
        covers.cover(alpha, 32, 1.0);
        QVERIFY(changed.wait(10000));
        QVERIFY(covers.hasCover(alpha.id));
        QVERIFY(m_deezer->requests().isEmpty());
    }

    void noneIsKeptButNoAnswerIsNot()
    {
        const Track unknown = song(QStringLiteral("id9"), QStringLiteral("Unknown"), QStringLiteral("Nobody"));
        {
            CoverArt covers(m_network, cachePath());
            covers.cover(unknown, 32, 1.0);
            QTRY_COMPARE_WITH_TIMEOUT(QDir(cachePath()).entryInfoList(QDir::Files).size(), 1, 10000);
            QCOMPARE(QDir(cachePath()).entryInfoList(QDir::Files).constFirst().size(), 0);  // "none"
        }
        m_deezer->resetRecord();
        {
            CoverArt covers(m_network, cachePath());
            covers.cover(unknown, 32, 1.0);
            QTest::qWait(300);
            QVERIFY(m_deezer->requests().isEmpty());  // known to have none
        }

        // Deezer down: no cover, nothing stored, and not asked again at every repaint.
        const Track alpha = song(QStringLiteral("id0"), QStringLiteral("Alpha"), QStringLiteral("Ann"));
        m_deezer->failRequests(503, 100);
        CoverArt covers(m_network, cachePath());
        ServiceClientOptions quick;
        quick.backoffBase = std::chrono::milliseconds(5);
        quick.maxRetries = 1;
        covers.finder().setServiceOptions(quick);
        QSignalSpy changed(&covers, &CoverArt::coverChanged);
        covers.cover(alpha, 32, 1.0);
        QTRY_COMPARE_WITH_TIMEOUT(m_deezer->requests().size(), 2, 10000);  // one retry
        QTest::qWait(200);
        covers.cover(alpha, 32, 1.0);
        QTest::qWait(200);
        QCOMPARE(m_deezer->requests().size(), 2);
        QVERIFY(changed.isEmpty());
        QCOMPARE(QDir(cachePath()).entryInfoList(QDir::Files).size(), 1);  // the "none" above only
    }

    void aDamagedCoverOnDiskIsLookedUpAgain()
    {
        const Track alpha = song(QStringLiteral("id0"), QStringLiteral("Alpha"), QStringLiteral("Ann"));
        QVERIFY(CoverStore(cachePath(), CoverArt::kDiskCap).write(alpha.id, "<html>not an image</html>").ok());
        CoverArt covers(m_network, cachePath());
        QSignalSpy changed(&covers, &CoverArt::coverChanged);
        covers.cover(alpha, 32, 1.0);
        QVERIFY(changed.wait(10000));
        QCOMPARE(m_deezer->requestsTo(QStringLiteral("/images/cover/11/")).size(), 1);
        QVERIFY(CoverStore(cachePath(), CoverArt::kDiskCap).read(alpha.id).image.startsWith("\xff\xd8"));
    }

    void tableShowsCoversAsTheyCome()
    {
        CoverArt covers(m_network, cachePath());
        RecommendationTableModel model;
        model.setCoverArt(&covers, 20);
        model.setRecommendations(smallCatalog(), 0, {{4, 0.9f, {}}, {1, 0.5f, {}}});
        const QModelIndex epsilon = model.index(0, int(RecommendationTableModel::Column::Title));
        QVERIFY(!model.index(0, int(RecommendationTableModel::Column::Artists)).data(Qt::DecorationRole).isValid());
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        const QPixmap placeholder = epsilon.data(Qt::DecorationRole).value<QPixmap>();
        QCOMPARE(placeholder.deviceIndependentSize().toSize(), QSize(20, 20));
        QVERIFY(changed.wait(10000));
        QCOMPARE(changed.constFirst().at(0).toModelIndex(), epsilon);
        QCOMPARE(changed.constFirst().at(2).value<QList<int>>(), QList<int>{Qt::DecorationRole});
        QVERIFY(covers.hasCover(QStringLiteral("id4")));
        QVERIFY(epsilon.data(Qt::DecorationRole).value<QPixmap>().toImage() != placeholder.toImage());
        // Only the rows shown were asked for: Beta's was never painted, so never looked up.
        QVERIFY(m_deezer->requestsTo(QStringLiteral("/search/track")).size() == 1);
    }

private:
    static QUrl closedPort()
    {
        QTcpServer server;
        server.listen(QHostAddress::LocalHost);
        return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.serverPort()));
    }

    QString cachePath() const { return m_cacheDir->path(); }

    std::unique_ptr<QTemporaryDir> m_cacheDir;  // a fresh one for each test
    QNetworkAccessManager m_network;
    std::unique_ptr<FakeDeezer> m_deezer;
};

QTEST_MAIN(TestCoverArt)
#include "tst_coverart.moc"
