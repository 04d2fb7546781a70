#include "csvexport.h"

#include "storage/featurecounts.h"

#include <QStringList>

#include <charconv>

namespace encore {

namespace {

// Exportify's column names, then Encore's.
const QStringList kHeader = {
    QStringLiteral("Track URI"),
    QStringLiteral("Track Name"),
    QStringLiteral("Artist Name(s)"),
    QStringLiteral("Album Name"),
    QStringLiteral("Album Release Date"),
    QStringLiteral("Track Duration (ms)"),
    QStringLiteral("Popularity"),
    QStringLiteral("ISRC"),
    QStringLiteral("Danceability"),
    QStringLiteral("Energy"),
    QStringLiteral("Key"),
    QStringLiteral("Loudness"),
    QStringLiteral("Mode"),
    QStringLiteral("Speechiness"),
    QStringLiteral("Acousticness"),
    QStringLiteral("Instrumentalness"),
    QStringLiteral("Liveness"),
    QStringLiteral("Valence"),
    QStringLiteral("Tempo"),
    QStringLiteral("Rank"),
    QStringLiteral("Score"),
    QStringLiteral("Why"),
    QStringLiteral("Features Source"),
};

// RFC 4180: quoted when it holds a comma, a quote or a line break; quotes doubled.
void appendField(QByteArray &out, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    if (utf8.contains(',') || utf8.contains('"') || utf8.contains('\n') || utf8.contains('\r')) {
        out += '"';
        out += QByteArray(utf8).replace('"', "\"\"");
        out += '"';
    } else {
        out += utf8;
    }
}

// The shortest text that reads back as the same float.
QString floatText(float value)
{
    char buffer[32];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    return ec == std::errc() ? QString::fromLatin1(buffer, end - buffer) : QString();
}

// Exportify's Artist Name(s): names joined by commas, a comma inside a name escaped.
QString artistCell(const QStringList &artists)
{
    QStringList escaped;
    escaped.reserve(artists.size());
    for (const QString &name : artists)
        escaped.push_back(QString(name).replace(u',', QStringLiteral("\\,")));
    return escaped.join(u',');
}

QStringList rowCells(const Catalog &catalog, const TrackListEntry &entry)
{
    const Track track = catalog.track(entry.row);
    const AudioFeatures features = catalog.features(entry.row);
    QStringList cells = {
        QStringLiteral("spotify:track:") + track.id,
        track.name,
        artistCell(track.artists),
        track.album,
        track.releaseDate.toString(),
        track.durationMs > 0 ? QString::number(track.durationMs) : QString(),
        track.popularity ? QString::number(*track.popularity) : QString(),
        track.isrc,
    };
    for (Feature feature : kAllFeatures)
        cells.push_back(features.has(feature) ? floatText(features.value(feature)) : QString());
    cells.push_back(entry.rank > 0 ? QString::number(entry.rank) : QString());
    cells.push_back(entry.score ? floatText(*entry.score) : QString());
    cells.push_back(entry.why);
    cells.push_back(features.isEmpty() ? QString() : featureSourceName(countedSource(features)));
    return cells;
}

void appendLine(QByteArray &out, const QStringList &cells)
{
    for (qsizetype i = 0; i < cells.size(); ++i) {
        if (i > 0)
            out += ',';
        appendField(out, cells[i]);
    }
    out += '\n';
}

}  // namespace

QByteArray exportCsv(const TrackList &list)
{
    QByteArray out;
    appendLine(out, kHeader);
    for (const TrackListEntry &entry : list.entries)
        appendLine(out, rowCells(*list.catalog, entry));
    return out;
}

}  // namespace encore
