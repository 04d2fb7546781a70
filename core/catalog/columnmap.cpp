#include "columnmap.h"

#include <initializer_list>
#include <utility>

namespace encore {

namespace {

// Accepted names, normalised, most specific first.
constexpr std::initializer_list<const char16_t *> kIdNames = {
    u"trackid", u"trackuri", u"id", u"uri", u"spotifyid", u"spotifyuri", u"spotifytrackid", u"trackurl", u"spotifyurl",
};
// How the id columns are shown to a person.
constexpr const char *kIdNamesShown =
    "track_id, track_uri (\"Track URI\"), id, uri, spotify_id, spotify_uri or track_url";

constexpr std::initializer_list<const char16_t *> kNameNames = {
    u"trackname", u"name", u"tracktitle", u"title", u"songname", u"songtitle", u"track",
};
constexpr std::initializer_list<std::pair<const char16_t *, ArtistFormat>> kArtistNames = {
    {u"artistnames", ArtistFormat::EscapedCommas},  // Exportify
    {u"artistname", ArtistFormat::EscapedCommas},   // older Exportify
    {u"trackartist", ArtistFormat::Credits},        // TidyTuesday: mostly one name, "A, B" at times
    {u"trackartists", ArtistFormat::List},
    {u"artists", ArtistFormat::List},  // Kaggle: ['A', 'B'], A;B, or A, B
    {u"artist", ArtistFormat::Credits},
    {u"albumartistnames", ArtistFormat::EscapedCommas},  // only when nothing better exists
    {u"albumartistname", ArtistFormat::EscapedCommas},
};
constexpr std::initializer_list<const char16_t *> kAlbumNames = {
    u"trackalbumname",
    u"albumname",
    u"album",
};
constexpr std::initializer_list<const char16_t *> kAlbumIdNames = {
    u"trackalbumid",
    u"albumid",
    u"albumuri",
};
constexpr std::initializer_list<const char16_t *> kReleaseDateNames = {
    u"trackalbumreleasedate",
    u"albumreleasedate",
    u"releasedate",
    u"year",
};
constexpr std::initializer_list<const char16_t *> kDurationNames = {
    u"durationms",
    u"trackdurationms",
};
constexpr std::initializer_list<const char16_t *> kIsrcNames = {u"isrc", u"trackisrc"};
constexpr std::initializer_list<const char16_t *> kPopularityNames = {
    u"trackpopularity",
    u"popularity",
};
constexpr std::initializer_list<std::pair<const char16_t *, bool>> kGenreNames = {
    {u"playlistgenre", false},
    {u"trackgenre", false},
    {u"genre", false},
    {u"genres", true},
};
constexpr std::initializer_list<const char16_t *> kPlaylistIdNames = {u"playlistid", u"playlisturi"};
constexpr std::initializer_list<const char16_t *> kPlaylistNameNames = {u"playlistname", u"playlist"};

}  // namespace

QString normalizedHeader(QStringView name)
{
    QString key;
    key.reserve(name.size());
    for (QChar c : name) {
        if (c.isLetterOrNumber())
            key.append(c.toLower());
    }
    return key;
}

ColumnMap ColumnMap::fromHeader(const QStringList &header)
{
    ColumnMap map;
    QStringList keys;
    keys.reserve(header.size());
    for (const QString &name : header) {
        map.headers.push_back(name.trimmed());
        keys.push_back(normalizedHeader(name));
    }
    // The first column with this name; a repeated name is ignored.
    auto find = [&](const char16_t *name) { return keys.indexOf(QString::fromUtf16(name)); };
    auto first = [&](std::initializer_list<const char16_t *> names) {
        for (const char16_t *name : names)
            if (const int column = find(name); column >= 0)
                return column;
        return -1;
    };

    for (const char16_t *name : kIdNames)
        if (const int column = find(name); column >= 0)
            map.idColumns.push_back(column);
    map.name = first(kNameNames);
    for (const auto &[name, format] : kArtistNames) {
        if (const int column = find(name); column >= 0) {
            map.artists = column;
            map.artistFormat = format;
            break;
        }
    }
    map.album = first(kAlbumNames);
    map.albumId = first(kAlbumIdNames);
    map.releaseDate = first(kReleaseDateNames);
    map.durationMs = first(kDurationNames);
    map.isrc = first(kIsrcNames);
    map.popularity = first(kPopularityNames);
    for (const auto &[name, isList] : kGenreNames) {
        if (const int column = find(name); column >= 0) {
            map.genre = column;
            map.genreIsList = isList;
            break;
        }
    }
    map.playlistId = first(kPlaylistIdNames);
    map.playlistName = first(kPlaylistNameNames);
    for (Feature feature : kAllFeatures)
        map.features[index(feature)] = keys.indexOf(normalizedHeader(featureKey(feature)));
    return map;
}

bool ColumnMap::hasFeatureColumns() const
{
    for (int column : features)
        if (column >= 0)
            return true;
    return false;
}

QString ColumnMap::acceptedIdColumns()
{
    return QString::fromLatin1(kIdNamesShown);
}

}  // namespace encore
