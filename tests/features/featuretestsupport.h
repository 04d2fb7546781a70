#pragma once

#include "analysis/synthaudio.h"
#include "fakespotifyapi.h"
#include "features/serviceclient.h"
#include "model/track.h"
#include "spotify/spotifyauth.h"
#include "spotify/spotifyclient.h"
#include "spotify/spotifyendpoints.h"
#include "testsupport.h"

#include <QDateTime>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTcpServer>

#include <memory>

namespace encore::test {

// A Spotify-style track id made from a number (22 characters).
inline QString featureTrackId(int n)
{
    return QStringLiteral("T%1").arg(n, 21, 10, QLatin1Char('0'));
}

inline Track featureTrack(int n, const QString &name, const QString &artist, const QString &isrc = {})
{
    Track track;
    track.id = featureTrackId(n);
    track.name = name;
    track.artists = {artist};
    track.isrc = isrc;
    return track;
}

// The eleven features as Spotify and ReccoBeats name them; `tempo` tells one answer from another.
inline QJsonObject featureJson(double tempo)
{
    return QJsonObject{{QStringLiteral("danceability"), 0.61},
                       {QStringLiteral("energy"), 0.72},
                       {QStringLiteral("key"), 5},
                       {QStringLiteral("loudness"), -6.5},
                       {QStringLiteral("mode"), 1},
                       {QStringLiteral("speechiness"), 0.04},
                       {QStringLiteral("acousticness"), 0.12},
                       {QStringLiteral("instrumentalness"), 0.0},
                       {QStringLiteral("liveness"), 0.1},
                       {QStringLiteral("valence"), 0.55},
                       {QStringLiteral("tempo"), tempo}};
}

// Twelve seconds of clicks at 120 BPM over C major chords: a preview the analysis can read.
inline QByteArray previewWav()
{
    std::vector<float> samples = clickTrack(120.0, 12.0);
    const std::vector<float> chords = chordProgression({{60, 64, 67}, {65, 69, 72}, {67, 71, 74}, {60, 64, 67}}, 12.0);
    for (std::size_t i = 0; i < samples.size(); ++i)
        samples[i] += chords[i];
    return wavBytes(samples);
}

// An address on 127.0.0.1 where nothing listens: a service that cannot be reached.
inline QUrl unreachableUrl()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost);  // a free port, closed again on return
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.serverPort()));
}

// Short waits, so failing services are given up quickly.
inline ServiceClientOptions quickServiceOptions()
{
    ServiceClientOptions options;
    options.transferTimeout = std::chrono::milliseconds(1500);
    options.backoffBase = std::chrono::milliseconds(5);
    options.maxRetries = 2;
    options.maxRetryAfter = std::chrono::seconds(3);
    return options;
}

// A SpotifyClient signed in to a fake Spotify Web API (the token is simply accepted).
struct SignedInSpotify {
    SignedInSpotify() : api(sharedDataFile(QStringLiteral("spotify-api"))) {}

    bool start()
    {
        if (!api.listen())
            return false;
        api.setValidToken(QStringLiteral("features-test-token"));
        SpotifyEndpoints endpoints;
        endpoints.api = api.baseUrl();
        endpoints.accounts = QUrl(QStringLiteral("http://127.0.0.1:9"));
        auth = std::make_unique<SpotifyAuth>(network, endpoints, QStringLiteral("features-test"));
        session = std::make_unique<SpotifySession>(*auth);
        session->setTokens(
            TokenSet{QStringLiteral("features-test-token"), {}, {}, QDateTime::currentDateTimeUtc().addSecs(3600)});
        client = std::make_unique<SpotifyClient>(network, endpoints, *session);
        SpotifyClientOptions options;
        options.backoffBase = std::chrono::milliseconds(5);
        client->setOptions(options);
        return true;
    }

    FakeSpotifyApi api;
    QNetworkAccessManager network;
    std::unique_ptr<SpotifyAuth> auth;
    std::unique_ptr<SpotifySession> session;
    std::unique_ptr<SpotifyClient> client;
};

}  // namespace encore::test
