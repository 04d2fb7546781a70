#include "discoverbench.h"

#include "discover/discovery.h"
#include "fakefeatureservices.h"
#include "library/librarycontroller.h"
#include "spotify/spotifyaccount.h"
#include "storage/librarydb.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QThread>
#include <QUndoStack>

#include <memory>

namespace encore::bench {

namespace {

constexpr int kRelatedArtists = 5;
constexpr int kTopSongs = 10;
constexpr int kReccoBeatsSongs = 40;
constexpr qint64 kSeedArtist = 1;

QString benchTrackId(int n)
{
    return QStringLiteral("Bench%1").arg(n, 17, 10, QLatin1Char('0'));
}

// ReccoBeats and Deezer on a thread of their own, as real servers would be.
class FakeServicesThread {
public:
    FakeServicesThread()
    {
        m_context.moveToThread(&m_thread);
        m_thread.start();
    }
    ~FakeServicesThread()
    {
        QMetaObject::invokeMethod(
            &m_context,
            [this] {
                m_reccoBeats.reset();
                m_deezer.reset();
            },
            Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }

    // False when a fake could not listen.
    bool start(const Track &seed, std::chrono::milliseconds latency)
    {
        bool listening = false;
        QMetaObject::invokeMethod(
            &m_context,
            [&] {
                m_reccoBeats = std::make_unique<test::FakeReccoBeats>();
                m_deezer = std::make_unique<test::FakeDeezer>();
                listening = m_reccoBeats->listen() && m_deezer->listen();
                for (int n = 0; n < kReccoBeatsSongs; ++n)
                    m_reccoBeats->addRecommendation(seed.id, benchTrackId(n), QStringLiteral("Recommended %1").arg(n),
                                                    {QStringLiteral("Someone %1").arg(n)});
                QList<qint64> related;
                for (int a = 0; a < kRelatedArtists; ++a)
                    related << kSeedArtist + 1 + a;
                m_deezer->addArtist(kSeedArtist, seed.primaryArtist(), related);
                m_deezer->addSong(1, kSeedArtist, seed.name, {}, 1000, 120);
                qint64 id = 2;
                for (qint64 artist = kSeedArtist; artist <= kSeedArtist + kRelatedArtists; ++artist) {
                    if (artist != kSeedArtist)
                        m_deezer->addArtist(artist, QStringLiteral("Related %1").arg(artist));
                    for (int s = 0; s < (artist == kSeedArtist ? kTopSongs - 1 : kTopSongs); ++s, ++id)
                        m_deezer->addSong(id, artist, QStringLiteral("Top %1").arg(id), {}, int(1000 - id),
                                          100 + double(id % 40));
                }
                m_reccoBeats->setLatency(latency);
                m_deezer->setLatency(latency);
                m_endpoints.reccoBeats = m_reccoBeats->baseUrl();
                m_endpoints.deezer = m_deezer->baseUrl();
            },
            Qt::BlockingQueuedConnection);
        return listening;
    }

    const FeatureEndpoints &endpoints() const { return m_endpoints; }

private:
    QThread m_thread;
    QObject m_context;
    std::unique_ptr<test::FakeReccoBeats> m_reccoBeats;
    std::unique_ptr<test::FakeDeezer> m_deezer;
    FeatureEndpoints m_endpoints;
};

DiscoveryOptions benchOptions()
{
    DiscoveryOptions options;
    options.reccoBeatsSize = kReccoBeatsSongs;
    options.relatedArtists = kRelatedArtists;
    options.topTracksPerArtist = kTopSongs;
    return options;
}

}  // namespace

QJsonObject DiscoverFigures::toJson() const
{
    return QJsonObject{{QStringLiteral("tracks"), tracks},
                       {QStringLiteral("candidates"), candidates},
                       {QStringLiteral("requests"), requests},
                       {QStringLiteral("latency_ms"), latencyMs},
                       {QStringLiteral("ideal_ms"), idealMs},
                       {QStringLiteral("ideal_formula"), idealFormula},
                       {QStringLiteral("first_found_ms"), firstFoundMs.toJson()},
                       {QStringLiteral("done_ms"), doneMs.toJson()},
                       {QStringLiteral("first_shown_ms"), firstShownMs.toJson()},
                       {QStringLiteral("stored_ms"), storedMs.toJson()},
                       {QStringLiteral("vs_ideal"), ratioToIdeal()}};
}

Result<DiscoverFigures> measureDiscover(const QString &catalogPath, const QString &workDir,
                                        std::chrono::milliseconds latency, int runs)
{
    const QString libraryPath = QDir(workDir).filePath(QStringLiteral("discover.sqlite"));
    QFile::remove(libraryPath);
    Track seed;
    {
        Result<std::unique_ptr<LibraryDb>> db = LibraryDb::open(libraryPath);
        if (!db)
            return db.error();
        if (Result<ImportSummary> imported = importCatalogFile(**db, catalogPath); !imported)
            return imported.error();
        Result<Catalog> catalog = (*db)->loadCatalog();
        if (!catalog)
            return catalog.error();
        for (int row = 0; row < catalog->size() && seed.id.isEmpty(); ++row)
            if (catalog->hasFeatures(row))
                seed = catalog->track(row);
    }

    FakeServicesThread services;
    if (!services.start(seed, latency))
        return Error{ErrorKind::Io, QStringLiteral("The fake services could not start.")};
    DiscoverFigures figures;
    figures.latencyMs = int(latency.count());
    figures.candidates = kReccoBeatsSongs + (1 + kRelatedArtists) * kTopSongs - 1;  // less the seed
    // Deezer: the search, then the artist's top songs and related artists, then theirs.
    figures.requests = 1 + (1 + 1 + kRelatedArtists);
    figures.idealMs = 3.0 * figures.latencyMs;
    figures.idealFormula = QStringLiteral("latency x 3 (the seed, its artist's related artists, their top songs); "
                                          "%1 Deezer requests, within 50 per 5 s, and ReccoBeats' one beside them")
                               .arg(figures.requests - 1);

    // Discovery alone: what the network path costs.
    QNetworkAccessManager network;
    for (int run = 0; run < runs; ++run) {
        Discovery discovery(network, services.endpoints());
        QElapsedTimer clock;
        QEventLoop loop;
        bool first = true;
        QObject::connect(&discovery, &Discovery::candidatesAdded, &loop, [&] {
            if (std::exchange(first, false))
                figures.firstFoundMs.add(double(clock.nsecsElapsed()) / 1e6);
        });
        QObject::connect(&discovery, &Discovery::finished, &loop, [&] {
            figures.doneMs.add(double(clock.nsecsElapsed()) / 1e6);
            loop.quit();
        });
        clock.start();
        discovery.start(seed, benchOptions());
        loop.exec();
        if (discovery.pool().size() != figures.candidates)
            return Error{ErrorKind::Io,
                         QStringLiteral("Discover found %1 songs, not %2.")
                             .arg(discovery.pool().size())
                             .arg(figures.candidates)};
        QThread::msleep(5000 / runs);  // Deezer's limit counts the requests of the last 5 s
    }

    // The window's path: stored in batches, the library handed out with them.
    qputenv(FeatureEndpoints::kReccoBeatsVariable, services.endpoints().reccoBeats.toEncoded());
    qputenv(FeatureEndpoints::kDeezerVariable, services.endpoints().deezer.toEncoded());
    QSettings settings(QDir(workDir).filePath(QStringLiteral("discover-settings.ini")), QSettings::IniFormat);
    SpotifyAccount account(settings, SecretStore::Backend::Memory);
    QUndoStack undo;
    LibraryController controller(libraryPath, account, undo);
    {
        QEventLoop loop;
        QObject::connect(&controller, &LibraryController::libraryChanged, &loop, &QEventLoop::quit);
        controller.start();
        loop.exec();
        figures.tracks = controller.library().isEmpty() ? 0 : controller.library().catalog->size();
    }
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer clock;
        QEventLoop loop;
        bool first = true;
        const auto shown = QObject::connect(&controller, &LibraryController::libraryChanged, &loop, [&] {
            if (std::exchange(first, false))
                figures.firstShownMs.add(double(clock.nsecsElapsed()) / 1e6);
        });
        const auto stored = QObject::connect(&controller, &LibraryController::discoveryFinished, &loop, [&] {
            figures.storedMs.add(double(clock.nsecsElapsed()) / 1e6);
            loop.quit();
        });
        clock.start();
        controller.discover(DiscoverySeed::ofTrack(seed), benchOptions());
        loop.exec();
        QObject::disconnect(shown);
        QObject::disconnect(stored);
        // What finding the songs' features costs is not Discover's: stopped, and awaited, so
        // that the library it hands out is not taken for the next run's.
        if (controller.isFindingFeatures()) {
            QEventLoop searched;
            QObject::connect(&controller, &LibraryController::featureSearchFinished, &searched, &QEventLoop::quit);
            controller.cancel(LibraryTask::FeatureSearch);
            searched.exec();
        }
        QThread::msleep(5000 / runs);
    }
    return figures;
}

}  // namespace encore::bench
