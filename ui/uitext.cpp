#include "uitext.h"

#include <QCoreApplication>
#include <QStringList>

namespace encore::uitext {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("encore::uitext", text);
}

}  // namespace

QString duration(int durationMs)
{
    if (durationMs <= 0)
        return {};
    const int totalSeconds = (durationMs + 500) / 1000;
    const int hours = totalSeconds / 3600;
    const int minutes = (totalSeconds / 60) % 60;
    const int seconds = totalSeconds % 60;
    if (hours > 0)
        return QStringLiteral("%1:%2:%3")
            .arg(hours)
            .arg(minutes, 2, 10, QLatin1Char('0'))
            .arg(seconds, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(minutes).arg(seconds, 2, 10, QLatin1Char('0'));
}

QString count(const QLocale &locale, qint64 n, const QString &singular, const QString &plural)
{
    return QStringLiteral("%1 %2").arg(locale.toString(n), n == 1 ? singular : plural);
}

QString librarySummary(const Catalog &catalog, const QLocale &locale)
{
    return tr("%1, %2, %3 with features")
        .arg(count(locale, catalog.size(), tr("track"), tr("tracks")),
             count(locale, static_cast<qint64>(catalog.playlists().size()), tr("playlist"),
                   tr("playlists")),
             locale.toString(catalog.tracksWithFeatures()));
}

QString importSummary(const ImportSummary &summary, const QLocale &locale)
{
    if (summary.alreadyImported)
        return tr("This catalog is already in your library; nothing changed.");
    const auto skipped = static_cast<qint64>(summary.rejected.size());
    return tr("Imported %1 in %2; %3 skipped.")
        .arg(count(locale, summary.tracks, tr("track"), tr("tracks")),
             count(locale, summary.playlists, tr("playlist"), tr("playlists")),
             count(locale, skipped, tr("row"), tr("rows")));
}

QString rejectedRows(const std::vector<RejectedRow> &rejected, const QLocale &locale,
                     int maxLines)
{
    QStringList lines;
    const auto total = static_cast<qint64>(rejected.size());
    const qint64 shown = std::min<qint64>(total, std::max(maxLines, 0));
    lines.reserve(static_cast<qsizetype>(shown) + 1);
    for (qint64 i = 0; i < shown; ++i) {
        const RejectedRow &row = rejected[static_cast<std::size_t>(i)];
        lines.push_back(tr("Line %1: %2").arg(locale.toString(row.line), row.reason));
    }
    if (shown < total)
        lines.push_back(tr("… and %1 more").arg(locale.toString(total - shown)));
    return lines.join(QLatin1Char('\n'));
}

QString title(const Track &track)
{
    return track.name.isEmpty() ? tr("(untitled)") : track.name;
}

QString artists(const Track &track)
{
    return track.artists.isEmpty() ? tr("(unknown artist)") : track.artistsText();
}

QString titleByArtist(const Track &track)
{
    return tr("“%1” by %2").arg(title(track), artists(track));
}

QString matchingFeatures(const std::vector<Feature> &features)
{
    QStringList labels;
    for (Feature feature : features)
        labels.push_back(labels.isEmpty() ? featureLabel(feature) : featureLabel(feature).toLower());
    return labels.join(QStringLiteral(", "));
}

QString importingFile(const QString &fileName, qint64 bytesDone, qint64 bytesTotal,
                      const QLocale &locale)
{
    if (bytesTotal <= 0)
        return tr("Importing %1…").arg(fileName);
    return tr("Importing %1: %2 of %3")
        .arg(fileName, locale.formattedDataSize(bytesDone, 1, QLocale::DataSizeTraditionalFormat),
             locale.formattedDataSize(bytesTotal, 1, QLocale::DataSizeTraditionalFormat));
}

QString readingPlaylist(const QString &name, int done, int total, const QLocale &locale)
{
    if (total < 0)
        return tr("Reading “%1”: %2").arg(name, count(locale, done, tr("track"), tr("tracks")));
    return tr("Reading “%1”: %2 of %3")
        .arg(name, locale.toString(done), count(locale, total, tr("track"), tr("tracks")));
}

QString playlistReadSummary(const QString &name, const SpotifyItemsPage &items,
                            const QLocale &locale)
{
    const QString read = tr("Read %1 from “%2”.")
                             .arg(count(locale, qint64(items.tracks.size()), tr("track"), tr("tracks")), name);
    QStringList skipped;
    if (items.episodes > 0)
        skipped << count(locale, items.episodes, tr("episode"), tr("episodes"));
    if (items.localFiles > 0)
        skipped << count(locale, items.localFiles, tr("local file"), tr("local files"));
    if (const int unavailable = items.nullEntries + items.missingId + items.malformed; unavailable > 0)
        skipped << count(locale, unavailable, tr("unavailable entry"), tr("unavailable entries"));
    if (skipped.isEmpty())
        return read;
    return tr("%1 Skipped %2.").arg(read, skipped.join(QStringLiteral(", ")));
}

}  // namespace encore::uitext
