#pragma once

#include "releasedate.h"

#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>
#include <vector>

namespace encore {

// One song, as the library knows it. Features live beside it in the Catalog's matrix.
struct Track {
    QString id;  // Spotify track id (22 base-62 characters)
    QString name;
    QStringList artists;  // primary artist first
    QString album;
    QString albumId;
    ReleaseDate releaseDate;
    int durationMs = 0;  // 0 when unknown
    QString isrc;
    std::optional<int> popularity;  // 0..100 when a catalog gave it; never invented
    QString genre;                  // from a catalog's playlist_genre/genre column; empty when unknown
    QUrl previewUrl;                // Spotify's 30-second preview; only older apps are still given one

    QString primaryArtist() const { return artists.value(0); }
    QString artistsText() const { return artists.join(QStringLiteral(", ")); }
};

// Lower-case, accents kept, punctuation and runs of spaces folded: for matching titles and names.
QString normalizedText(QStringView text);

// Two tracks are copies of one song when title and primary artist match after normalisation.
QString songIdentity(const Track &track);

// The positions of `tracks` in id order, a repeated id in the order given: what the library's
// tables and its Catalog are sorted by.
std::vector<std::size_t> orderById(const std::vector<Track> &tracks);

}  // namespace encore
