#pragma once

// Small libraries for the storage tests: tracks with ids, full features, and a two-playlist batch.

#include "storage/librarydb.h"

#include <cmath>

namespace encore::testing {

inline Track makeTrack(const QString &id, const QString &name, const QString &artist)
{
    Track track;
    track.id = id;
    track.name = name;
    track.artists = {artist};
    return track;
}

inline AudioFeatures fullFeatures(float base)
{
    AudioFeatures features;
    for (Feature f : kAllFeatures)
        features.set(f, base + float(index(f)), FeatureSource::Catalog);
    return features;
}

// Valid 22-character Spotify-style ids.
inline QString trackId(int n)
{
    return QStringLiteral("%1").arg(n, 22, 10, QLatin1Char('0'));
}

inline ImportBatch sampleBatch()
{
    ImportBatch batch;
    batch.sourcePath = QStringLiteral("/music/sample.csv");
    Track first = makeTrack(trackId(1), QStringLiteral("Alpha"), QStringLiteral("Ann"));
    first.artists << QStringLiteral("Tyler, The Creator");
    first.album = QStringLiteral("First Album");
    first.albumId = QStringLiteral("album1");
    first.releaseDate = ReleaseDate::month(2012, 6);
    first.durationMs = 201000;
    first.isrc = QStringLiteral("USUM71200001");
    first.popularity = 0;
    first.genre = QStringLiteral("pop");
    Track second = makeTrack(trackId(2), QStringLiteral("Beta"), QStringLiteral("Bob"));
    second.releaseDate = ReleaseDate::year(1999);
    batch.tracks = {first, second};

    AudioFeatures partial = fullFeatures(0.5f);
    partial.set(Feature::Tempo, std::nanf(""), FeatureSource::Missing);
    batch.features = {fullFeatures(0.1f), partial};
    batch.playlists = {
        Playlist{QStringLiteral("pl1"), QStringLiteral("Roadtrip"), {}, batch.sourcePath, {trackId(2), trackId(1)}, {}},
        Playlist{QStringLiteral("pl2"), QStringLiteral("Focus"), {}, batch.sourcePath, {trackId(1)}, {}}};
    batch.rowsRead = 3;
    return batch;
}

}  // namespace encore::testing
