#pragma once

// Small catalogs built in code for the recommend tests: random ones with a fixed seed, and
// hand-made ones from explicit feature values. Rows come out in the order the tracks are made,
// since the ids are the zero-padded index.

#include "catalog/catalog.h"
#include "model/audiofeatures.h"
#include "model/playlist.h"
#include "model/track.h"

#include <QString>
#include <QStringList>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <memory>
#include <random>
#include <vector>

namespace encore::test {

using FeatureValues = std::array<float, kFeatureCount>;

inline constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

// 22 characters, sorted like the index.
inline QString syntheticTrackId(int index)
{
    return QStringLiteral("%1").arg(index, 22, 10, QLatin1Char('0'));
}

inline AudioFeatures audioFeatures(const FeatureValues &values)
{
    AudioFeatures features;
    for (Feature f : kAllFeatures)
        features.set(f, values[static_cast<std::size_t>(index(f))], FeatureSource::Catalog);
    return features;
}

inline Track syntheticTrack(int index, const QString &title, const QString &artist)
{
    Track track;
    track.id = syntheticTrackId(index);
    track.name = title;
    track.artists = QStringList{artist};
    return track;
}

// A playlist of the synthetic tracks at `rows`, named after its id.
inline Playlist playlistOf(const QString &id, const std::vector<int> &rows)
{
    Playlist playlist;
    playlist.id = id;
    playlist.name = id;
    for (int row : rows)
        playlist.trackIds.push_back(syntheticTrackId(row));
    return playlist;
}

// The pieces a Catalog is built from, so a test can change them and build another.
struct CatalogParts {
    std::vector<Track> tracks;
    std::vector<AudioFeatures> features;
    std::vector<Playlist> playlists;

    void add(const QString &title, const QString &artist, const FeatureValues &values)
    {
        tracks.push_back(syntheticTrack(static_cast<int>(tracks.size()), title, artist));
        features.push_back(audioFeatures(values));
    }

    std::shared_ptr<const Catalog> build() const
    {
        return std::make_shared<const Catalog>(tracks, features, playlists);
    }
};

inline CatalogParts partsOf(const Catalog &catalog)
{
    CatalogParts parts;
    for (int row = 0; row < catalog.size(); ++row) {
        parts.tracks.push_back(catalog.track(row));
        parts.features.push_back(catalog.features(row));
    }
    for (int p = 0; p < static_cast<int>(catalog.playlists().size()); ++p)
        parts.playlists.push_back(catalog.playlist(p));
    return parts;
}

// A plausible random value of one feature; tempo 0 means "not detected", key -1 "no key".
inline float randomFeatureValue(std::mt19937 &rng, Feature feature)
{
    std::uniform_real_distribution<float> unit(0.0f, 1.0f);
    switch (feature) {
    case Feature::Key: {
        std::uniform_int_distribution<int> key(0, 12);
        const int k = key(rng);
        return k == 12 ? -1.0f : static_cast<float>(k);
    }
    case Feature::Loudness: return -30.0f * unit(rng);
    case Feature::Mode: return unit(rng) < 0.6f ? 1.0f : 0.0f;
    case Feature::Speechiness: return 0.5f * unit(rng) * unit(rng);
    case Feature::Instrumentalness: {
        const float u = unit(rng);
        return u * u * u * u;
    }
    case Feature::Tempo: return unit(rng) < 0.04f ? 0.0f : 60.0f + 140.0f * unit(rng);
    default: return unit(rng);
    }
}

inline FeatureValues randomFeatureValues(std::mt19937 &rng)
{
    FeatureValues values{};
    for (Feature f : kAllFeatures)
        values[static_cast<std::size_t>(index(f))] = randomFeatureValue(rng, f);
    return values;
}

// A random catalog of `size` tracks: about 8% lack some or all features, about 6% are copies of
// an earlier song (same title and artist, written differently), some with the very same
// features; about 4% are other songs with exactly the features of an earlier track (ties).
// Three playlists of 15 tracks each.
inline CatalogParts randomCatalogParts(int size, unsigned seed)
{
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    CatalogParts parts;
    for (int i = 0; i < size; ++i) {
        QString title = QStringLiteral("Song %1").arg(i);
        QString artist = QStringLiteral("Artist %1").arg(i % 37);
        FeatureValues values = randomFeatureValues(rng);
        const double u = unit(rng);
        if (i > 0 && u < 0.06) {
            // A copy of an earlier song: "SONG 12!" by "artist 12" is "Song 12" by "Artist 12".
            const int original = std::uniform_int_distribution<int>(0, i - 1)(rng);
            title = parts.tracks[static_cast<std::size_t>(original)].name.toUpper() + u'!';
            artist = parts.tracks[static_cast<std::size_t>(original)].primaryArtist().toLower();
            if (unit(rng) < 0.5) {
                for (Feature f : kAllFeatures)
                    values[static_cast<std::size_t>(index(f))] =
                        parts.features[static_cast<std::size_t>(original)].value(f);
            }
        } else if (i > 0 && u < 0.10) {
            const int original = std::uniform_int_distribution<int>(0, i - 1)(rng);
            for (Feature f : kAllFeatures)
                values[static_cast<std::size_t>(index(f))] =
                    parts.features[static_cast<std::size_t>(original)].value(f);
        } else if (u < 0.18) {
            // Missing features: one, several or all.
            const int missing = std::uniform_int_distribution<int>(1, kFeatureCount)(rng);
            for (int m = 0; m < missing; ++m)
                values[static_cast<std::size_t>(std::uniform_int_distribution<int>(0, kFeatureCount - 1)(rng))] = kNaN;
        }
        parts.add(title, artist, values);
    }
    for (int p = 0; p < 3; ++p) {
        Playlist playlist;
        playlist.id = QStringLiteral("playlist-%1").arg(p);
        playlist.name = QStringLiteral("Playlist %1").arg(p);
        for (int t = 0; t < 15 && size > 0; ++t)
            playlist.trackIds.push_back(syntheticTrackId(std::uniform_int_distribution<int>(0, size - 1)(rng)));
        playlist.trackIds.removeDuplicates();
        parts.playlists.push_back(playlist);
    }
    return parts;
}

// Up to `count` rows with features, spread evenly over those rows.
inline std::vector<int> seedRowsOf(const Catalog &catalog, int count)
{
    std::vector<int> withFeatures;
    for (int row = 0; row < catalog.size(); ++row)
        if (catalog.hasFeatures(row))
            withFeatures.push_back(row);
    const std::size_t n = withFeatures.size();
    const std::size_t wanted = std::min(n, static_cast<std::size_t>(std::max(count, 0)));
    std::vector<int> rows;
    for (std::size_t i = 0; i < wanted; ++i)
        rows.push_back(withFeatures[i * n / wanted]);
    return rows;
}

}  // namespace encore::test
