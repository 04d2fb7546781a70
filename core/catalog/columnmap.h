#pragma once

#include "cellparsing.h"
#include "model/audiofeatures.h"

#include <QString>
#include <QStringList>
#include <QStringView>

#include <array>
#include <vector>

namespace encore {

// A header name reduced to lower-case letters and digits, so that "Track URI", "track_uri" and
// "Artist Name(s)" become "trackuri", "trackuri" and "artistnames".
QString normalizedHeader(QStringView name);

// Where each field a Track needs sits in a catalog file, found from the header row by name.
// A column the file lacks is -1. When several accepted names are present, the most specific
// one wins (track_artist before artist, playlist_genre before genre, ...).
struct ColumnMap {
    std::vector<int> idColumns;  // every id column, most specific first; a row uses the first filled
    int name = -1;
    int artists = -1;
    ArtistFormat artistFormat = ArtistFormat::Credits;
    int album = -1;
    int albumId = -1;
    int releaseDate = -1;
    int durationMs = -1;
    int isrc = -1;
    int popularity = -1;
    int genre = -1;
    bool genreIsList = false;  // "Genres": take the first of the list
    int playlistId = -1;
    int playlistName = -1;
    std::array<int, kFeatureCount> features;
    QStringList headers;  // as the file writes them, trimmed

    ColumnMap() { features.fill(-1); }

    static ColumnMap fromHeader(const QStringList &header);

    bool hasIdColumn() const { return !idColumns.empty(); }
    bool hasPlaylistColumns() const { return playlistId >= 0 || playlistName >= 0; }
    bool hasFeatureColumns() const;
    int featureColumn(Feature feature) const { return features[index(feature)]; }
    QString headerName(int column) const { return headers.value(column); }

    // The id column names accepted, for messages: "track_id, track_uri, id, uri, ...".
    static QString acceptedIdColumns();
};

}  // namespace encore
