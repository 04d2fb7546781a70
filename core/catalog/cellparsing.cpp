#include "cellparsing.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <string>

namespace encore {

namespace {

bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

char asciiLower(char c)
{
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool equalsNoCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (asciiLower(a[i]) != asciiLower(b[i]))
            return false;
    return true;
}

bool startsWithNoCase(std::string_view text, std::string_view prefix)
{
    return text.size() >= prefix.size() && equalsNoCase(text.substr(0, prefix.size()), prefix);
}

bool isBase62(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

QString toQString(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

// Adds a trimmed, non-empty, non-NA name.
void addName(QStringList &names, std::string_view name)
{
    name = trimmedCell(name);
    if (!name.empty() && !isNaText(name))
        names.push_back(toQString(name));
}

void addName(QStringList &names, const std::string &name)
{
    addName(names, std::string_view(name));
}

// Items of a Python-style list literal: ['A', "B's", C]. Backslash escapes are honoured.
QStringList parseListLiteral(std::string_view text)
{
    QStringList items;
    std::size_t i = 1;                        // after '['
    const std::size_t end = text.size() - 1;  // at ']'
    std::string item;
    while (i < end) {
        const char c = text[i];
        if (isBlank(c) || c == ',') {
            ++i;
            continue;
        }
        item.clear();
        if (c == '\'' || c == '"') {
            ++i;
            while (i < end && text[i] != c) {
                if (text[i] == '\\' && i + 1 < end)
                    ++i;
                item.push_back(text[i]);
                ++i;
            }
            ++i;  // the closing quote
        } else {
            while (i < end && text[i] != ',')
                item.push_back(text[i++]);
        }
        addName(items, item);
    }
    return items;
}

bool isListLiteral(std::string_view text)
{
    return text.size() >= 2 && text.front() == '[' && text.back() == ']';
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// Clinger's fast path for the numbers catalogs are made of ("0.735", "-5.2", "124"): with at most
// 15 digits the digits make an integer a double holds exactly, and with at most 22 after the
// point the divisor is an exact power of ten; IEEE division rounds the quotient correctly, so the
// result is the double from_chars would give, for a fraction of the cost. False, with `value`
// untouched, for any other text, which then goes to from_chars.
bool parsePlainDecimal(std::string_view text, double &value)
{
    static constexpr double kPowersOfTen[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                              1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    constexpr int kMaxDigits = 15;
    std::size_t i = 0;
    const bool negative = !text.empty() && text.front() == '-';
    if (negative)
        ++i;
    std::uint64_t mantissa = 0;
    int digits = 0;
    for (; i < text.size() && isDigit(text[i]); ++i, ++digits)
        mantissa = mantissa * 10 + static_cast<std::uint64_t>(text[i] - '0');
    if (digits == 0 || digits > kMaxDigits)
        return false;
    int fractionDigits = 0;
    if (i < text.size() && text[i] == '.') {
        for (++i; i < text.size() && isDigit(text[i]); ++i, ++fractionDigits)
            mantissa = mantissa * 10 + static_cast<std::uint64_t>(text[i] - '0');
        if (fractionDigits == 0 || digits + fractionDigits > kMaxDigits)
            return false;
    }
    if (i != text.size())
        return false;
    const double quotient = static_cast<double>(mantissa) / kPowersOfTen[fractionDigits];
    value = negative ? -quotient : quotient;
    return true;
}

}  // namespace

std::string_view trimmedCell(std::string_view cell)
{
    while (!cell.empty() && isBlank(cell.front()))
        cell.remove_prefix(1);
    while (!cell.empty() && isBlank(cell.back()))
        cell.remove_suffix(1);
    return cell;
}

bool isNaText(std::string_view cell)
{
    return trimmedCell(cell) == "NA";
}

bool isMissingNumber(std::string_view cell)
{
    cell = trimmedCell(cell);
    if (cell.empty())
        return true;
    if (cell.size() > 4)
        return false;
    for (std::string_view missing : {"na", "n/a", "nan", "null", "none"})
        if (equalsNoCase(cell, missing))
            return true;
    return false;
}

CellNumber parseNumber(std::string_view cell, double &value)
{
    cell = trimmedCell(cell);
    if (parsePlainDecimal(cell, value))
        return CellNumber::Value;
    if (isMissingNumber(cell))
        return CellNumber::Missing;
    if (cell.front() == '+')
        cell.remove_prefix(1);
    const char *const end = cell.data() + cell.size();
    const auto [ptr, ec] = std::from_chars(cell.data(), end, value, std::chars_format::general);
    if (ec != std::errc() || ptr != end || !std::isfinite(value))
        return CellNumber::Invalid;
    return CellNumber::Value;
}

QString cellText(std::string_view cell)
{
    cell = trimmedCell(cell);
    if (cell.empty() || isNaText(cell))
        return {};
    return toQString(cell);
}

bool isSpotifyId(std::string_view text)
{
    if (text.size() != 22)
        return false;
    for (char c : text)
        if (!isBase62(c))
            return false;
    return true;
}

SpotifyRef parseSpotifyRef(std::string_view cell, std::string_view type)
{
    using Kind = SpotifyRef::Kind;
    cell = trimmedCell(cell);
    if (cell.empty())
        return {Kind::Empty, {}};
    if (isSpotifyId(cell))
        return {Kind::Id, cell};

    if (startsWithNoCase(cell, "spotify:")) {
        const std::string_view rest = cell.substr(8);
        if (startsWithNoCase(rest, "local:"))
            return {Kind::Local, {}};
        // The type is the segment before the id: spotify:track:ID, spotify:user:NAME:playlist:ID.
        const std::size_t lastColon = rest.rfind(':');
        if (lastColon == std::string_view::npos)
            return {Kind::Invalid, {}};
        const std::string_view id = rest.substr(lastColon + 1);
        std::string_view head = rest.substr(0, lastColon);
        const std::size_t typeColon = head.rfind(':');
        if (typeColon != std::string_view::npos)
            head = head.substr(typeColon + 1);
        if (equalsNoCase(head, type) && isSpotifyId(id))
            return {Kind::Id, id};
        return {Kind::Invalid, {}};
    }

    const std::size_t host = cell.find("spotify.com/");
    if (host != std::string_view::npos) {
        std::string_view path = cell.substr(host + 12);
        const std::size_t query = path.find_first_of("?#");
        if (query != std::string_view::npos)
            path = path.substr(0, query);
        // Segments: [intl-xx/][embed/]type/id
        std::string_view segments[2];
        int count = 0;
        while (!path.empty() && count < 2) {
            const std::size_t slash = path.find('/');
            const std::string_view segment = path.substr(0, slash);
            path = slash == std::string_view::npos ? std::string_view() : path.substr(slash + 1);
            if (segment.empty() || startsWithNoCase(segment, "intl-") || equalsNoCase(segment, "embed"))
                continue;
            segments[count++] = segment;
        }
        if (count >= 1 && equalsNoCase(segments[0], "local"))
            return {Kind::Local, {}};
        if (count == 2 && equalsNoCase(segments[0], type) && isSpotifyId(segments[1]))
            return {Kind::Id, segments[1]};
    }
    return {Kind::Invalid, {}};
}

QStringList splitArtists(std::string_view cell, ArtistFormat format)
{
    cell = trimmedCell(cell);
    QStringList names;
    if (cell.empty() || isNaText(cell))
        return names;

    switch (format) {
    case ArtistFormat::Credits: addName(names, cell); break;
    case ArtistFormat::EscapedCommas: {
        if (cell.find('\\') == std::string_view::npos) {
            std::size_t begin = 0;
            for (;;) {
                const std::size_t comma = cell.find(',', begin);
                addName(names, cell.substr(begin, comma - begin));
                if (comma == std::string_view::npos)
                    break;
                begin = comma + 1;
            }
            break;
        }
        std::string name;
        for (std::size_t i = 0; i < cell.size(); ++i) {
            const char c = cell[i];
            if (c == '\\' && i + 1 < cell.size() && cell[i + 1] == ',') {
                name.push_back(',');
                ++i;
            } else if (c == ',') {
                addName(names, name);
                name.clear();
            } else {
                name.push_back(c);
            }
        }
        addName(names, name);
        break;
    }
    case ArtistFormat::List:
        if (isListLiteral(cell))
            return parseListLiteral(cell);
        {
            std::size_t begin = 0;
            for (;;) {
                const std::size_t semicolon = cell.find(';', begin);
                addName(names, cell.substr(begin, semicolon - begin));
                if (semicolon == std::string_view::npos)
                    break;
                begin = semicolon + 1;
            }
        }
        break;
    }
    return names;
}

bool commasMaySeparate(std::string_view cell, ArtistFormat format)
{
    cell = trimmedCell(cell);
    switch (format) {
    case ArtistFormat::Credits: return true;
    case ArtistFormat::EscapedCommas: return false;
    case ArtistFormat::List: return !isListLiteral(cell) && cell.find(';') == std::string_view::npos;
    }
    return false;
}

QString firstListItem(std::string_view cell)
{
    cell = trimmedCell(cell);
    if (isListLiteral(cell))
        return parseListLiteral(cell).value(0);
    return cellText(cell.substr(0, cell.find(',')));
}

}  // namespace encore
