// CoverStore (covers on disk) and CoverFinder (covers from Deezer) against a fake Deezer.
#include "fakefeatureservices.h"
#include "featuretestsupport.h"
#include "features/coverfinder.h"
#include "features/coverstore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace encore;
using namespace encore::test;

class TestCovers : public QObject {
    Q_OBJECT

private slots:
    void storeKeepsCoversAndNone()
    {
        QTemporaryDir dir;
        const CoverStore store(dir.filePath(QStringLiteral("covers")), 1024 * 1024);
        QCOMPARE(store.read(QStringLiteral("a")).kind, CoverStore::Entry::Kind::Unknown);
        QVERIFY(store.write(QStringLiteral("a"), "jpeg bytes").ok());
        QVERIFY(store.write(QStringLiteral("deezer:5/../x"), {}).ok());  // any id is a safe name
        const CoverStore::Entry cover = store.read(QStringLiteral("a"));
        QCOMPARE(cover.kind, CoverStore::Entry::Kind::Image);
        QCOMPARE(cover.image, QByteArray("jpeg bytes"));
        QCOMPARE(store.read(QStringLiteral("deezer:5/../x")).kind, CoverStore::Entry::Kind::None);
        QCOMPARE(QDir(store.directory()).entryList(QDir::Files).size(), 2);
    }

    void storeAsksAgainAfterAMonthOfNone()
    {
        QTemporaryDir dir;
        const CoverStore store(dir.path(), 1024 * 1024);
        QVERIFY(store.write(QStringLiteral("a"), {}).ok());
        const QString file = pathOf(dir, QStringLiteral("a"));
        setModified(file, QDateTime::currentDateTimeUtc().addDays(-(CoverStore::kForgetNoneAfterDays - 1)));
        QCOMPARE(store.read(QStringLiteral("a")).kind, CoverStore::Entry::Kind::None);
        setModified(file, QDateTime::currentDateTimeUtc().addDays(-CoverStore::kForgetNoneAfterDays));
        QCOMPARE(store.read(QStringLiteral("a")).kind, CoverStore::Entry::Kind::Unknown);
    }

    void storeRemovesAnOversizedFile()
    {
        QTemporaryDir dir;
        const CoverStore store(dir.path(), 100 * 1024 * 1024);
        QVERIFY(store.write(QStringLiteral("a"), QByteArray(CoverStore::kMaxCoverBytes + 1, 'x')).ok());
        QCOMPARE(store.read(QStringLiteral("a")).kind, CoverStore::Entry::Kind::Unknown);
        QVERIFY(QDir(dir.path()).entryList(QDir::Files).isEmpty());
    }

    void trimKeepsTheCoversReadLately()
    {
        QTemporaryDir dir;
        const CoverStore store(dir.path(), 10 * 1000);
        const QDateTime start = QDateTime::currentDateTimeUtc().addDays(-1);
        for (int i = 0; i < 10; ++i) {
            const QString id = QString::number(i);
            QVERIFY(store.write(id, QByteArray(1000, 'x')).ok());
            setModified(pathOf(dir, id), start.addSecs(i));
        }
        QCOMPARE(store.trim(), 10 * 1000);                                               // at the cap: nothing goes
        QCOMPARE(store.read(QStringLiteral("0")).kind, CoverStore::Entry::Kind::Image);  // now the latest used
        QVERIFY(store.write(QStringLiteral("10"), QByteArray(1000, 'x')).ok());
        QCOMPARE(store.trim(), 7 * 1000);  // down to three quarters of the cap
        for (const char *gone : {"1", "2", "3", "4"})
            QCOMPARE(store.read(QLatin1String(gone)).kind, CoverStore::Entry::Kind::Unknown);
        for (const char *kept : {"0", "5", "9", "10"})
            QCOMPARE(store.read(QLatin1String(kept)).kind, CoverStore::Entry::Kind::Image);
    }

    void findsTheCoverByIsrc()
    {
        FakeDeezer deezer;
        startDeezer(deezer);
        CoverFinder finder(m_network);
        const CoverSearch search = find(
            finder, featureTrack(1, QStringLiteral("Hello"), QStringLiteral("Adele"), QStringLiteral("gbbks1500214")));
        QVERIFY(search.answered);
        QVERIFY(search.image.startsWith("\xff\xd8"));  // a JPEG
        QCOMPARE(deezer.requestsTo(QStringLiteral("/track/isrc:GBBKS1500214")).size(), 1);
        QCOMPARE(deezer.requestsTo(QStringLiteral("/images/cover/77/")).size(), 1);
        QVERIFY(deezer.requestsTo(QStringLiteral("/search")).isEmpty());
    }

    void findsADiscoveredSongByItsDeezerId()
    {
        FakeDeezer deezer;
        startDeezer(deezer);
        CoverFinder finder(m_network);
        Track track = featureTrack(1, QStringLiteral("Hello"), QStringLiteral("Adele"));
        track.id = QStringLiteral("deezer:77");
        QVERIFY(!find(finder, track).image.isEmpty());
        QCOMPARE(deezer.requestsTo(QStringLiteral("/track/77")).size(), 1);
    }

    void searchesByTitleAndArtistForTheSameSongOnly()
    {
        FakeDeezer deezer;
        startDeezer(deezer);
        deezer.addSong(78, 5, QStringLiteral("Hello Again"), QStringLiteral("GBBKS1500215"), 900);
        CoverFinder finder(m_network);
        // An ISRC Deezer does not know, then the name: the same song, not another by the artist.
        const CoverSearch found = find(
            finder, featureTrack(1, QStringLiteral("Hello"), QStringLiteral("Adele"), QStringLiteral("XX0000000000")));
        QVERIFY(!found.image.isEmpty());
        QCOMPARE(deezer.requestsTo(QStringLiteral("/images/cover/77/")).size(), 1);
        const CoverSearch none = find(finder, featureTrack(2, QStringLiteral("Goodbye"), QStringLiteral("Adele")));
        QVERIFY(none.answered);
        QVERIFY(none.image.isEmpty());
        QVERIFY(deezer.requestsTo(QStringLiteral("/images/cover/78/")).isEmpty());
    }

    void takesSpotifysAlbumLinkFirst()
    {
        FakeDeezer deezer;
        startDeezer(deezer);
        FakeDeezer spotifyImages;  // stands for Spotify's image host: only serveFile is used
        QVERIFY(spotifyImages.listen());
        const QUrl albumCover =
            spotifyImages.serveFile(QStringLiteral("/image/ab67616d00001e02"), "spotify jpeg", "image/jpeg");
        CoverFinder finder(m_network);
        const Track hello =
            featureTrack(1, QStringLiteral("Hello"), QStringLiteral("Adele"), QStringLiteral("GBBKS1500214"));
        QCOMPARE(find(finder, hello, albumCover).image, QByteArray("spotify jpeg"));
        QVERIFY(deezer.requests().isEmpty());

        // A link Spotify no longer serves: Deezer's cover instead.
        const CoverSearch gone = find(finder, hello, spotifyImages.urlOf(QStringLiteral("/image/gone")));
        QVERIFY(gone.image.startsWith("\xff\xd8"));
        QCOMPARE(deezer.requestsTo(QStringLiteral("/track/isrc:GBBKS1500214")).size(), 1);
    }

    void offlineOrOverQuotaIsNoAnswer()
    {
        qputenv(FeatureEndpoints::kDeezerVariable, unreachableUrl().toEncoded());
        CoverFinder offline(m_network);
        offline.setServiceOptions(quickServiceOptions());
        const CoverSearch unreachable = find(
            offline, featureTrack(1, QStringLiteral("Hello"), QStringLiteral("Adele"), QStringLiteral("GBBKS1500214")));
        QVERIFY(!unreachable.answered);

        FakeDeezer deezer;
        startDeezer(deezer);
        deezer.exceedQuota(1);
        CoverFinder finder(m_network);
        const Track track =
            featureTrack(1, QStringLiteral("Hello"), QStringLiteral("Adele"), QStringLiteral("GBBKS1500214"));
        QVERIFY(!find(finder, track).answered);
        QVERIFY(!find(finder, track).image.isEmpty());  // the quota has room again

        deezer.failRequests(503, 10, QStringLiteral("/images/"));
        finder.setServiceOptions(quickServiceOptions());
        QVERIFY(!find(finder, track).answered);
    }

private:
    static void setModified(const QString &path, const QDateTime &time)
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.setFileTime(time, QFileDevice::FileModificationTime));
    }

    // Where the store keeps `id`'s cover: named by the id's SHA-1, whatever the id holds.
    static QString pathOf(const QTemporaryDir &dir, const QString &id)
    {
        return dir.filePath(QString::fromLatin1(QCryptographicHash::hash(id.toUtf8(), QCryptographicHash::Sha1).toHex())
                            + QStringLiteral(".cover"));
    }

    // Deezer knowing Adele's "Hello" (song 77, ISRC GBBKS1500214).
    void startDeezer(FakeDeezer &deezer)
    {
        deezer.addArtist(5, QStringLiteral("Adele"));
        deezer.addSong(77, 5, QStringLiteral("Hello"), QStringLiteral("GBBKS1500214"), 1000);
        QVERIFY(deezer.listen());
        qputenv(FeatureEndpoints::kDeezerVariable, deezer.baseUrl().toEncoded());
    }

    static CoverSearch find(CoverFinder &finder, const Track &track, const QUrl &albumCover = {})
    {
        std::optional<CoverSearch> result;
        finder.find(track, albumCover, [&result](const CoverSearch &search) { result = search; });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 15000))
            return CoverSearch{"timeout", false};
        return *result;
    }

    QNetworkAccessManager m_network;
};

QTEST_GUILESS_MAIN(TestCovers)
#include "tst_covers.moc"
