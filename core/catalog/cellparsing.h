#pragma once

#include <QString>
#include <QStringList>

#include <string_view>

// Turning the text of one CSV cell (UTF-8 bytes) into a value, without locale and with as few
// allocations as possible: catalog files run to a million rows.
namespace encore {

// The cell without ASCII spaces and tabs around it.
std::string_view trimmedCell(std::string_view cell);

// The text R writes for a missing value. Text cells holding exactly "NA" are treated as empty.
bool isNaText(std::string_view cell);

// True for a cell that stands for "no value" in a numeric column: blank, NA, N/A, NaN, null, None.
bool isMissingNumber(std::string_view cell);

enum class CellNumber { Value, Missing, Invalid };
// Parses a decimal number ("0.735", "-5.2", "1.5e-05", "+3"), independent of the locale.
// Missing for blank/NA-like cells; Invalid for anything else that is not a finite number.
CellNumber parseNumber(std::string_view cell, double &value);

// The cell as text: trimmed, and empty when it says "NA".
QString cellText(std::string_view cell);

// True for a Spotify id: exactly 22 characters from [0-9A-Za-z].
bool isSpotifyId(std::string_view text);

// What an id cell holds. `id` points into the cell.
struct SpotifyRef {
    enum class Kind { Id, Empty, Local, Invalid };
    Kind kind = Kind::Empty;
    std::string_view id;
};

// Accepts a bare id, a URI ("spotify:track:ID", the old "spotify:user:NAME:playlist:ID") or a
// link ("https://open.spotify.com/intl-de/track/ID?si=..."). `type` is "track", "album" or
// "playlist"; a reference to another type is Invalid. "spotify:local:..." is Local.
SpotifyRef parseSpotifyRef(std::string_view cell, std::string_view type);

// How a column lists a track's artists.
enum class ArtistFormat {
    Credits,        // "A, B" or "Tyler, The Creator": one name here, CreditSplitter decides
    EscapedCommas,  // Exportify: "Tyler\, The Creator,Kali Uchis"
    List,           // Kaggle: "['A', 'B']" (Python list), "A;B", else as Credits
};

// The artists in a cell, in order, trimmed, empty names and "NA" dropped.
QStringList splitArtists(std::string_view cell, ArtistFormat format);

// True when the commas in the one name splitArtists made of `cell` may separate credited
// artists: a Credits cell, or a List cell that is neither Python list text nor split at ';'.
bool commasMaySeparate(std::string_view cell, ArtistFormat format);

// The first genre of a list: "['pop', 'dance pop']" or "pop,dance pop" both give "pop".
QString firstListItem(std::string_view cell);

}  // namespace encore
