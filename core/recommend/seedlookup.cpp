#include "seedlookup.h"

#include <QSet>
#include <QStringList>

#include <algorithm>
#include <optional>

namespace encore {

namespace {

constexpr qsizetype kTrackIdLength = 22;

bool isTrackId(QStringView text)
{
    if (text.size() != kTrackIdLength)
        return false;
    return std::all_of(text.begin(), text.end(), [](QChar c) {
        return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
    });
}

// The track id in "spotify:track:ID" or "[https://]open.spotify.com[/intl-xx]/track/ID[?...]",
// or nullopt when `text` is neither. An empty id means the form was right but the id was not.
std::optional<QString> linkedTrackId(QStringView text)
{
    static constexpr QStringView uriPrefix = u"spotify:track:";
    if (text.startsWith(uriPrefix, Qt::CaseInsensitive)) {
        const QStringView id = text.mid(uriPrefix.size());
        return isTrackId(id) ? id.toString() : QString();
    }

    for (QStringView scheme : {QStringView(u"https://"), QStringView(u"http://")}) {
        if (text.startsWith(scheme, Qt::CaseInsensitive)) {
            text = text.mid(scheme.size());
            break;
        }
    }
    if (text.startsWith(u"www.", Qt::CaseInsensitive))
        text = text.mid(4);
    static constexpr QStringView host = u"open.spotify.com/";
    if (!text.startsWith(host, Qt::CaseInsensitive))
        return std::nullopt;
    QStringView path = text.mid(host.size());
    const qsizetype query = path.indexOf(u'?');
    if (query >= 0)
        path = path.left(query);
    const qsizetype fragment = path.indexOf(u'#');
    if (fragment >= 0)
        path = path.left(fragment);

    QList<QStringView> segments = path.split(u'/', Qt::SkipEmptyParts);
    // A localised link: open.spotify.com/intl-de/track/ID; an embed: /embed/track/ID.
    while (!segments.isEmpty()
           && (segments.front().startsWith(u"intl-", Qt::CaseInsensitive)
               || segments.front().compare(u"embed", Qt::CaseInsensitive) == 0))
        segments.removeFirst();
    if (segments.size() == 2 && segments[0].compare(u"track", Qt::CaseInsensitive) == 0 && isTrackId(segments[1]))
        return segments[1].toString();
    return QString();
}

// One way to read "A - B - C": the title is everything before one of the separators, the
// artist everything after it.
struct Split {
    QString title;
    QString artist;
};

// Every reading of the text at a " - " (also " – " and " — "), normalised.
std::vector<Split> splitsOf(const QString &text)
{
    std::vector<Split> splits;
    for (qsizetype i = 1; i + 1 < text.size(); ++i) {
        const QChar c = text[i];
        const bool dash = c == u'-' || c == QChar(0x2013) || c == QChar(0x2014);
        if (dash && text[i - 1].isSpace() && text[i + 1].isSpace()) {
            Split split{normalizedText(QStringView(text).left(i)), normalizedText(QStringView(text).mid(i + 1))};
            if (!split.title.isEmpty() && !split.artist.isEmpty())
                splits.push_back(std::move(split));
        }
    }
    return splits;
}

bool hasArtist(const Track &track, const QString &normalizedArtist)
{
    return std::any_of(track.artists.begin(), track.artists.end(),
                       [&](const QString &artist) { return normalizedText(artist) == normalizedArtist; });
}

SeedLookup outcomeOf(std::vector<int> rows)
{
    SeedLookup lookup;
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    if (rows.empty())
        return lookup;
    lookup.outcome = rows.size() == 1 ? SeedLookup::Outcome::Found : SeedLookup::Outcome::Ambiguous;
    lookup.rows = std::move(rows);
    return lookup;
}

}  // namespace

SeedLookup findSeed(const Catalog &catalog, const QString &text)
{
    const QString input = text.trimmed();
    if (input.isEmpty())
        return {};

    // A Spotify id, URI or link names one track or nothing.
    const std::optional<QString> linked = linkedTrackId(input);
    if (linked) {
        const int row = linked->isEmpty() ? -1 : catalog.rowOf(*linked);
        return outcomeOf(row >= 0 ? std::vector<int>{row} : std::vector<int>{});
    }
    if (isTrackId(input)) {
        const int row = catalog.rowOf(input);
        if (row >= 0)
            return outcomeOf({row});
        // Not a known id: it may still be a one-word title, looked up below.
    }

    // Text: "Title - Artist" (at any " - ", as titles contain it too), a title alone, or, as a
    // last resort, "Artist - Title". A better kind of match wins over a weaker one: one track
    // matching title and artist is Found even if others share its title.
    const QString whole = normalizedText(input);
    if (whole.isEmpty())
        return {};
    const std::vector<Split> splits = splitsOf(input);
    QSet<QString> wanted{whole};
    for (const Split &split : splits) {
        wanted.insert(split.title);
        wanted.insert(split.artist);
    }

    std::vector<int> titleAndArtist;
    std::vector<int> titleOnly;
    std::vector<int> artistAndTitle;
    for (int row = 0; row < catalog.size(); ++row) {
        // The title first, from its column: a track is put together only for the few that match.
        const QString title = normalizedText(catalog.columns().names.view(static_cast<std::size_t>(row)));
        if (!wanted.contains(title))
            continue;
        const Track track = catalog.track(row);
        if (title == whole)
            titleOnly.push_back(row);
        for (const Split &split : splits) {
            if (title == split.title && hasArtist(track, split.artist))
                titleAndArtist.push_back(row);
            if (title == split.artist && hasArtist(track, split.title))
                artistAndTitle.push_back(row);
        }
    }
    for (std::vector<int> *rows : {&titleAndArtist, &titleOnly, &artistAndTitle}) {
        if (!rows->empty())
            return outcomeOf(std::move(*rows));
    }
    return {};
}

}  // namespace encore
