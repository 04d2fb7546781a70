#include "playlistbench.h"

#include "fakespotify.h"
#include "spotify/spotifyauth.h"
#include "spotify/spotifyclient.h"
#include "spotify/spotifyendpoints.h"
#include "stallprobe.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QThread>

#include <memory>

namespace encore::bench {

namespace {

const QString kToken = QStringLiteral("encore-bench-token");
const QString kPlaylistId = QStringLiteral("1BenchP1ay1ist00000000");

// The fake on a thread of its own; created, configured and destroyed on that thread.
class FakeServerThread {
public:
    FakeServerThread()
    {
        m_context.moveToThread(&m_thread);
        m_thread.start();
    }
    ~FakeServerThread()
    {
        QMetaObject::invokeMethod(
            &m_context, [this] { m_fake.reset(); }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }

    // Empty, or why the fake could not start.
    QString start(const QString &apiDataDir, int tracks, std::chrono::milliseconds latency)
    {
        QString error;
        QMetaObject::invokeMethod(
            &m_context,
            [&] {
                m_fake = std::make_unique<test::FakeSpotify>(QStringLiteral("encore-bench"), apiDataDir);
                error = m_fake->start();
                m_fake->api.setValidToken(kToken);
                m_fake->api.addSyntheticPlaylist(kPlaylistId, tracks);
                m_fake->api.setLatency(latency);
            },
            Qt::BlockingQueuedConnection);
        return error;
    }

    void setLatency(std::chrono::milliseconds latency)
    {
        QMetaObject::invokeMethod(
            &m_context, [&] { m_fake->api.setLatency(latency); }, Qt::BlockingQueuedConnection);
    }

private:
    QThread m_thread;
    QObject m_context;
    std::unique_ptr<test::FakeSpotify> m_fake;
};

}  // namespace

QJsonObject PlaylistReadFigures::toJson() const
{
    return QJsonObject{{QStringLiteral("tracks"), tracks},
                       {QStringLiteral("pages"), pages},
                       {QStringLiteral("page_size"), pageSize},
                       {QStringLiteral("concurrency"), concurrency},
                       {QStringLiteral("latency_ms"), latencyMs},
                       {QStringLiteral("ideal_ms"), idealMs},
                       {QStringLiteral("ideal_formula"), idealFormula},
                       {QStringLiteral("ms"), ms.toJson()},
                       {QStringLiteral("zero_latency_ms"), zeroLatencyMs.toJson()},
                       {QStringLiteral("vs_ideal"), ratioToIdeal()}};
}

Result<PlaylistReadFigures> measurePlaylistRead(const QString &apiDataDir, int tracks,
                                                std::chrono::milliseconds latency, int runs)
{
    FakeServerThread server;
    if (const QString error = server.start(apiDataDir, tracks, latency); !error.isEmpty())
        return Error{ErrorKind::Io, QStringLiteral("The fake Spotify could not start: %1").arg(error)};
    Result<SpotifyEndpoints> endpoints = SpotifyEndpoints::fromEnvironment();
    if (!endpoints)
        return endpoints.error();

    QNetworkAccessManager network;
    SpotifyAuth auth(network, *endpoints, QStringLiteral("encore-bench"));
    SpotifySession session(auth);
    session.setTokens(TokenSet{kToken, {}, {}, QDateTime::currentDateTimeUtc().addSecs(3600)});
    SpotifyClient client(network, *endpoints, session);

    PlaylistReadFigures figures;
    figures.tracks = tracks;
    figures.pageSize = SpotifyClient::kPageLimit;
    figures.pages = (tracks + figures.pageSize - 1) / figures.pageSize;
    figures.concurrency = client.options().concurrency;
    figures.latencyMs = static_cast<int>(latency.count());
    // The first page tells the total; the others go out `concurrency` at a time.
    const int rounds = (figures.pages - 1 + figures.concurrency - 1) / figures.concurrency;
    figures.idealMs = static_cast<double>((1 + rounds) * figures.latencyMs);
    figures.idealFormula = QStringLiteral("latency x (1 + ceil((pages - 1) / concurrency)) = %1 x (1 + ceil(%2 / %3))")
                               .arg(figures.latencyMs)
                               .arg(figures.pages - 1)
                               .arg(figures.concurrency);

    StallProbe probe;
    // One read: its time, and the longest stall of this thread's loop during it.
    const auto readOnce = [&](Stats &ms, Stats *stallMs) -> Status {
        QEventLoop loop;
        QElapsedTimer clock;
        probe.start();
        clock.start();
        SpotifyPlaylistTracksJob *job = client.playlistTracks(kPlaylistId);
        QObject::connect(job, &SpotifyJob::finished, &loop, &QEventLoop::quit);
        if (!job->isFinished())
            loop.exec();
        ms.add(static_cast<double>(clock.nsecsElapsed()) / 1e6);
        const double stall = probe.stop();
        if (stallMs)
            stallMs->add(stall);
        const std::optional<Error> error = job->error();
        const int read = static_cast<int>(job->result().tracks.size());
        job->deleteLater();
        if (error)
            return *error;
        if (read != tracks)
            return Error{ErrorKind::Api, QStringLiteral("Read %1 of the playlist's %2 tracks.").arg(read).arg(tracks)};
        return success();
    };
    for (int run = 0; run < runs; ++run)
        if (Status status = readOnce(figures.ms, &figures.stallMs); !status)
            return status.error();
    server.setLatency(std::chrono::milliseconds(0));
    for (int run = 0; run < runs; ++run)
        if (Status status = readOnce(figures.zeroLatencyMs, nullptr); !status)
            return status.error();
    return figures;
}

}  // namespace encore::bench
