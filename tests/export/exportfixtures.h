#pragma once

// A small catalog whose tracks cover what an export has to carry: a comma inside an artist's
// name, each release-date precision, unknown popularity and a missing feature.

#include "catalog/catalog.h"
#include "export/tracklist.h"

#include <cmath>
#include <memory>

namespace encore::test {

inline QString exportTrackId(int n)
{
    return QStringLiteral("%1").arg(n, 22, 10, QLatin1Char('0'));
}

// The same features for every track but valence, which tells them apart.
inline AudioFeatures exportFeatures(float valence)
{
    AudioFeatures features;
    const float values[kFeatureCount] = {0.512f,     0.734f,    5,      -6.25f,  1,       0.0451f,
                                         0.1234567f, 0.000012f, 0.118f, valence, 118.023f};
    for (Feature f : kAllFeatures)
        features.set(f, values[index(f)], FeatureSource::Catalog);
    return features;
}

// Rows by id: 1 "Tyler, The Creator" with Kali Uchis, day precision, popularity 81; 2 month
// precision, no popularity; 3 year precision, no tempo; 4 no date, quotes in the title.
inline std::shared_ptr<const Catalog> exportCatalog()
{
    Track first;
    first.id = exportTrackId(1);
    first.name = QStringLiteral("See You Again");
    first.artists = {QStringLiteral("Tyler, The Creator"), QStringLiteral("Kali Uchis")};
    first.album = QStringLiteral("Flower Boy");
    first.releaseDate = ReleaseDate::day(2017, 7, 21);
    first.durationMs = 180387;
    first.isrc = QStringLiteral("USQX91701278");
    first.popularity = 81;

    Track second;
    second.id = exportTrackId(2);
    second.name = QStringLiteral("Café, Olé");
    second.artists = {QStringLiteral("Zoë")};
    second.album = QStringLiteral("Été");
    second.releaseDate = ReleaseDate::month(2012, 6);
    second.durationMs = 201499;

    Track third;
    third.id = exportTrackId(3);
    third.name = QStringLiteral("Old One");
    third.artists = {QStringLiteral("Band")};
    third.releaseDate = ReleaseDate::year(1999);
    third.popularity = 0;

    Track fourth;
    fourth.id = exportTrackId(4);
    fourth.name = QStringLiteral("The \"Quoted\" Song");
    fourth.artists = {QStringLiteral("A"), QStringLiteral("B")};

    AudioFeatures noTempo = exportFeatures(0.61f);
    noTempo.set(Feature::Tempo, std::nanf(""), FeatureSource::Missing);
    return std::make_shared<const Catalog>(
        std::vector<Track>{first, second, third, fourth},
        std::vector<AudioFeatures>{exportFeatures(0.6f), exportFeatures(0.7f), noTempo, exportFeatures(0.8f)},
        std::vector<Playlist>{
            Playlist{QStringLiteral("pl1"), QStringLiteral("Mix"), {}, {}, {exportTrackId(3), exportTrackId(1)}, {}}});
}

// The four tracks as recommendations, ranked in row order, with a why each.
inline TrackList exportRecommendations()
{
    TrackList list{exportCatalog(), {}};
    for (int row = 0; row < list.catalog->size(); ++row)
        list.entries.push_back(
            {row, row + 1, 0.9f - 0.1f * float(row), QStringLiteral("same key, tempo %1 vs 120 BPM").arg(row)});
    return list;
}

}  // namespace encore::test
