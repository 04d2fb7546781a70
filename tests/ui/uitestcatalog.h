#pragma once

#include "catalog/catalog.h"
#include "storage/librarydb.h"

#include <memory>
#include <optional>

// A small catalog built in code for the model and widget tests.
namespace encore::test {

inline AudioFeatures makeFeatures(float danceability, float energy, float key, float loudness, float mode,
                                  float speechiness, float acousticness, float instrumentalness, float liveness,
                                  float valence, float tempo)
{
    AudioFeatures f;
    const float values[] = {danceability, energy,           key,      loudness, mode, speechiness,
                            acousticness, instrumentalness, liveness, valence,  tempo};
    for (Feature feature : kAllFeatures)
        f.set(feature, values[index(feature)], FeatureSource::Catalog);
    return f;
}

inline Track makeTrack(const QString &id, const QString &name, const QStringList &artists, const QString &album,
                       int year, std::optional<int> popularity, int durationMs, const QString &genre = {})
{
    Track track;
    track.id = id;
    track.name = name;
    track.artists = artists;
    track.album = album;
    track.releaseDate = year > 0 ? ReleaseDate::year(year) : ReleaseDate();
    track.popularity = popularity;
    track.durationMs = durationMs;
    track.genre = genre;
    return track;
}

// Rows (sorted by id): 0 "Alpha", 1 "Beta", 2 "Gamma" (no features), 3 "Delta", 4 "Epsilon".
// Playlists: "Zed mix" = Beta, Alpha, Gamma; "Another" = Delta, Epsilon, Alpha.
inline std::shared_ptr<const Catalog> smallCatalog()
{
    std::vector<Track> tracks = {
        makeTrack(QStringLiteral("id0"), QStringLiteral("Alpha"), {QStringLiteral("Ann")},
                  QStringLiteral("First Album"), 2001, 40, 187'000, QStringLiteral("pop")),
        makeTrack(QStringLiteral("id1"), QStringLiteral("Beta"), {QStringLiteral("Bob"), QStringLiteral("Cy")},
                  QStringLiteral("Second Album"), 1999, 100, 3'725'000, QStringLiteral("rock")),
        makeTrack(QStringLiteral("id2"), QStringLiteral("Gamma"), {QStringLiteral("Gus")},
                  QStringLiteral("Third Album"), 0, std::nullopt, 0),
        makeTrack(QStringLiteral("id3"), QStringLiteral("Delta"), {QStringLiteral("Dee")},
                  QStringLiteral("First Album"), 2010, 5, 59'400, QStringLiteral("edm")),
        makeTrack(QStringLiteral("id4"), QStringLiteral("Epsilon"), {QStringLiteral("Ann")},
                  QStringLiteral("Fifth Album"), 2020, 75, 240'000, QStringLiteral("pop")),
    };
    std::vector<AudioFeatures> features = {
        makeFeatures(0.80f, 0.90f, 5, -4.0f, 1, 0.05f, 0.10f, 0.00f, 0.10f, 0.70f, 124.0f),
        makeFeatures(0.30f, 0.40f, 0, -12.0f, 0, 0.04f, 0.80f, 0.50f, 0.30f, 0.20f, 80.0f),
        AudioFeatures(),
        makeFeatures(0.75f, 0.85f, 5, -5.0f, 1, 0.06f, 0.15f, 0.01f, 0.12f, 0.65f, 122.0f),
        makeFeatures(0.50f, 0.60f, 11, -8.0f, 1, 0.30f, 0.40f, 0.90f, 0.70f, 0.50f, 100.0f),
    };
    Playlist zed;
    zed.id = QStringLiteral("pl-zed");
    zed.name = QStringLiteral("Zed mix");
    zed.owner = QStringLiteral("Zoe");
    zed.trackIds = {QStringLiteral("id1"), QStringLiteral("id0"), QStringLiteral("id2")};
    Playlist another;
    another.id = QStringLiteral("pl-another");
    another.name = QStringLiteral("Another");
    another.trackIds = {QStringLiteral("id3"), QStringLiteral("id4"), QStringLiteral("id0")};
    return std::make_shared<const Catalog>(std::move(tracks), std::move(features), std::vector<Playlist>{zed, another});
}

// The rows of a playlist of `catalog`, as the table models take them.
inline std::vector<int> playlistRowsOf(const Catalog &catalog, int playlist)
{
    const auto rows = catalog.playlistRows(playlist);
    return {rows.begin(), rows.end()};
}

// smallCatalog() as a batch to store, every playlist from `origin`.
inline ImportBatch smallCatalogBatch(const QString &origin = {})
{
    const std::shared_ptr<const Catalog> catalog = smallCatalog();
    ImportBatch batch;
    for (int row = 0; row < catalog->size(); ++row) {
        batch.tracks.push_back(catalog->track(row));
        batch.features.push_back(catalog->features(row));
    }
    for (int p = 0; p < static_cast<int>(catalog->playlists().size()); ++p) {
        batch.playlists.push_back(catalog->playlist(p));
        batch.playlists.back().origin = origin;
    }
    return batch;
}

// Stores smallCatalog() in a new library file at `path` and returns the path.
inline QString storeSmallCatalog(const QString &path)
{
    auto db = LibraryDb::open(path);
    if (!db || !(*db)->store(smallCatalogBatch(), {}))
        qFatal("could not write the test library");
    return path;
}

}  // namespace encore::test
