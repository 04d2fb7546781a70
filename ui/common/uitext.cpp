#include "uitext.h"

#include "discover/spotifysearchbudget.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>
#include <array>
#include <utility>

namespace encore::uitext {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("encore::uitext", text);
}

// "3:07", "1:02:03".
QString clock(qint64 totalSeconds)
{
    const qint64 hours = totalSeconds / 3600;
    const qint64 minutes = (totalSeconds / 60) % 60;
    const qint64 seconds = totalSeconds % 60;
    if (hours > 0)
        return QStringLiteral("%1:%2:%3")
            .arg(hours)
            .arg(minutes, 2, 10, QLatin1Char('0'))
            .arg(seconds, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(minutes).arg(seconds, 2, 10, QLatin1Char('0'));
}

// How many of a track's values came from each source, most first (ties in FeatureSource order);
// Missing is left out.
std::vector<std::pair<FeatureSource, int>> sourceCounts(const AudioFeatures &features)
{
    std::array<int, kFeatureSourceCount> counts{};
    for (Feature feature : kAllFeatures)
        ++counts[static_cast<std::size_t>(features.source(feature))];
    std::vector<std::pair<FeatureSource, int>> known;
    for (std::size_t source = 1; source < counts.size(); ++source)
        if (counts[source] > 0)
            known.emplace_back(static_cast<FeatureSource>(source), counts[source]);
    std::stable_sort(known.begin(), known.end(), [](const auto &a, const auto &b) { return a.second > b.second; });
    return known;
}

int knownCount(const std::vector<std::pair<FeatureSource, int>> &counts)
{
    int known = 0;
    for (const auto &[source, n] : counts)
        known += n;
    return known;
}

// "ReccoBeats": a source as a table cell names it.
QString sourceName(FeatureSource source)
{
    switch (source) {
    case FeatureSource::Missing: return tr("None");
    case FeatureSource::Catalog: return tr("Catalog");
    case FeatureSource::Spotify: return QStringLiteral("Spotify");
    case FeatureSource::ReccoBeats: return QStringLiteral("ReccoBeats");
    case FeatureSource::Analysis: return tr("Analysis");
    case FeatureSource::Deezer: return QStringLiteral("Deezer");
    }
    return {};
}

// "on-device analysis of the preview": a source as a sentence names it.
QString sourceOrigin(FeatureSource source)
{
    switch (source) {
    case FeatureSource::Catalog: return tr("an imported catalog");
    case FeatureSource::Analysis: return tr("on-device analysis of the preview");
    default: return sourceName(source);
    }
}

// "a", "a and b", "a, b and c".
QString listText(const QStringList &items)
{
    if (items.size() <= 1)
        return items.value(0);
    return tr("%1 and %2").arg(items.first(items.size() - 1).join(QStringLiteral(", ")), items.last());
}

}  // namespace

QString duration(int durationMs)
{
    if (durationMs <= 0)
        return {};
    return clock((durationMs + 500) / 1000);
}

QString count(const QLocale &locale, qint64 n, const QString &singular, const QString &plural)
{
    return QStringLiteral("%1 %2").arg(locale.toString(n), n == 1 ? singular : plural);
}

QString librarySummary(const Catalog &catalog, const QLocale &locale)
{
    return tr("%1, %2, %3 with features")
        .arg(count(locale, catalog.size(), tr("track"), tr("tracks")),
             count(locale, static_cast<qint64>(catalog.playlists().size()), tr("playlist"), tr("playlists")),
             locale.toString(catalog.tracksWithFeatures()));
}

QString importSummary(const ImportSummary &summary, const QLocale &locale)
{
    if (summary.alreadyImported)
        return tr("This catalog is already in your library; nothing changed.");
    const auto skipped = static_cast<qint64>(summary.rejected.size());
    QString text;
    if (summary.partsImported < summary.partsTotal)
        text = tr("Stopped after %1 of %2 slice files; open the collection again to import the rest.")
                   .arg(locale.toString(summary.partsImported), locale.toString(summary.partsTotal))
            + u' ';
    text += tr("Imported %1 in %2; %3 skipped.")
                .arg(count(locale, summary.tracks, tr("track"), tr("tracks")),
                     count(locale, summary.playlists, tr("playlist"), tr("playlists")),
                     count(locale, skipped, tr("row"), tr("rows")));
    if (!summary.valuesLeftOut.empty())
        text += u' '
            + tr("In %1, values out of range were left unknown.")
                  .arg(count(locale, static_cast<qint64>(summary.valuesLeftOut.size()), tr("row"), tr("rows")));
    for (const ImportSummary::ShrunkPlaylist &playlist : summary.shrunk)
        text += u' '
            + tr("The playlist “%1” now has %2 instead of %3: the skipped rows are not in it.")
                  .arg(playlist.name, count(locale, playlist.after, tr("track"), tr("tracks")),
                       locale.toString(playlist.before));
    return text;
}

QString rejectedRows(const std::vector<RejectedRow> &rejected, const QLocale &locale, int maxLines)
{
    QStringList lines;
    const auto total = static_cast<qint64>(rejected.size());
    const qint64 shown = std::min<qint64>(total, std::max(maxLines, 0));
    lines.reserve(static_cast<qsizetype>(shown) + 1);
    for (qint64 i = 0; i < shown; ++i) {
        const RejectedRow &row = rejected[static_cast<std::size_t>(i)];
        // A JSON collection has no lines to point at: its reasons name the place.
        lines.push_back(row.line > 0 ? tr("Line %1: %2").arg(locale.toString(row.line), row.reason) : row.reason);
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

QString matchingFeatures(const FeatureSpace::FeatureList &features)
{
    QStringList labels;
    for (Feature feature : features)
        labels.push_back(labels.isEmpty() ? featureLabel(feature) : featureNameInText(feature));
    return labels.join(QStringLiteral(", "));
}

QString featureSources(const AudioFeatures &features)
{
    const auto counts = sourceCounts(features);
    if (counts.empty())
        return sourceName(FeatureSource::Missing);
    QStringList names;
    for (const auto &[source, n] : counts)
        names << sourceName(source);
    const QString text = names.join(QStringLiteral(" + "));
    const int known = knownCount(counts);
    if (known < kFeatureCount)
        return tr("%1 (%2 of %3)").arg(text).arg(known).arg(kFeatureCount);
    return text;
}

QString featureSourcesToolTip(const AudioFeatures &features)
{
    const auto counts = sourceCounts(features);
    if (counts.empty())
        return tr("No audio features, so this track is left out of ranking: it can't be a seed "
                  "or a recommendation.");
    QStringList origins;
    for (const auto &[source, n] : counts)
        origins << (counts.size() == 1 ? sourceOrigin(source) : tr("%1 (%2)").arg(sourceOrigin(source)).arg(n));
    const int known = knownCount(counts);
    if (known < kFeatureCount)
        return tr("Only %1 of %2 audio features are known (from %3), so this track is left out "
                  "of ranking.")
            .arg(known)
            .arg(kFeatureCount)
            .arg(listText(origins));
    return tr("Features from %1").arg(listText(origins));
}

QString featureSummary(const Catalog &catalog, const std::vector<int> &rows, const QLocale &locale)
{
    if (rows.empty())
        return {};
    std::array<qint64, kFeatureSourceCount> bySource{};
    qint64 mixed = 0;
    qint64 withFeatures = 0;
    for (int row : rows) {
        if (!catalog.hasFeatures(row))
            continue;
        ++withFeatures;
        const auto counts = sourceCounts(catalog.features(row));
        if (counts.size() == 1)
            ++bySource[static_cast<std::size_t>(counts.front().first)];
        else
            ++mixed;
    }
    const auto total = static_cast<qint64>(rows.size());
    const QString tracks = count(locale, total, tr("track"), tr("tracks"));
    if (withFeatures == 0)
        return tr("%1, none with audio features").arg(tracks);

    std::vector<std::pair<qint64, QString>> parts = {
        {bySource[static_cast<std::size_t>(FeatureSource::ReccoBeats)], QStringLiteral("ReccoBeats")},
        {bySource[static_cast<std::size_t>(FeatureSource::Spotify)], QStringLiteral("Spotify")},
        {bySource[static_cast<std::size_t>(FeatureSource::Catalog)], tr("catalog")},
        {bySource[static_cast<std::size_t>(FeatureSource::Analysis)], tr("analysed")},
        {mixed, tr("mixed")},
    };
    std::stable_sort(parts.begin(), parts.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    QStringList breakdown;
    for (const auto &[n, name] : parts)
        if (n > 0)
            breakdown << QStringLiteral("%1 %2").arg(locale.toString(n), name);

    const QString have = withFeatures == total && total > 1
        ? tr("All %1 have features").arg(tracks)
        : (withFeatures == 1 ? tr("%1 of %2 has features") : tr("%1 of %2 have features"))
              .arg(locale.toString(withFeatures), tracks);
    return QStringLiteral("%1: %2").arg(have, breakdown.join(QStringLiteral(", ")));
}

QString leftOutOfRanking(qint64 tracks, RankingMethod method, const QLocale &locale)
{
    if (tracks <= 0)
        return {};
    if (method == RankingMethod::Tutorial)
        return tracks == 1
            ? tr("1 track missing some audio features was left out: the tutorial method needs all eleven.")
            : tr("%1 tracks missing some audio features were left out: the tutorial method needs all eleven.")
                  .arg(locale.toString(tracks));
    if (tracks == 1)
        return tr("1 track without audio features was left out.");
    return tr("%1 tracks without audio features were left out.").arg(locale.toString(tracks));
}

QString playbackPosition(qint64 positionMs, qint64 durationMs)
{
    const QString position = clock(std::max<qint64>(positionMs, 0) / 1000);
    if (durationMs <= 0)
        return position;
    return QStringLiteral("%1 / %2").arg(position, clock((durationMs + 500) / 1000));
}

QString playbackError(const QString &errorString)
{
    QString reason = errorString.simplified();
    while (reason.endsWith(QLatin1Char('.')))
        reason.chop(1);
    if (reason.isEmpty())
        return tr("This preview can't be played.");
    return tr("This preview can't be played: %1.").arg(reason);
}

// "<what>: 1.2 MB of 8.3 MB", or "<what>…" while the size is unknown.
static QString withDataProgress(const QString &what, qint64 bytesDone, qint64 bytesTotal, const QLocale &locale)
{
    if (bytesTotal <= 0)
        return what + QStringLiteral("…");
    return tr("%1: %2 of %3")
        .arg(what, locale.formattedDataSize(bytesDone, 1, QLocale::DataSizeTraditionalFormat),
             locale.formattedDataSize(bytesTotal, 1, QLocale::DataSizeTraditionalFormat));
}

QString removalWaitsForImport()
{
    return tr("Playlists can be removed once the import has saved your library.");
}

QString reactionWaitsForImport()
{
    return tr("Likes and dislikes can be kept once the import has saved your library; this one was not kept.");
}

QString importingFile(const QString &fileName, qint64 bytesDone, qint64 bytesTotal, const QLocale &locale)
{
    return withDataProgress(tr("Importing %1").arg(fileName), bytesDone, bytesTotal, locale);
}

QString downloadingStarterCatalog(qint64 bytesDone, qint64 bytesTotal, const QLocale &locale)
{
    return withDataProgress(tr("Downloading the starter catalog"), bytesDone, bytesTotal, locale);
}

QString readingPlaylist(const QString &name, int done, int total, const QLocale &locale)
{
    if (total < 0)
        return tr("Reading “%1”: %2").arg(name, count(locale, done, tr("track"), tr("tracks")));
    return tr("Reading “%1”: %2 of %3")
        .arg(name, locale.toString(done), count(locale, total, tr("track"), tr("tracks")));
}

QString playlistReadSummary(const QString &name, const SpotifyItemsPage &items, const QLocale &locale)
{
    const QString read =
        tr("Read %1 from “%2”.").arg(count(locale, qint64(items.tracks.size()), tr("track"), tr("tracks")), name);
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

QString findingFeatures(const QString &stage, int done, int total, const QLocale &locale)
{
    return tr("Audio features: %1, %2 of %3")
        .arg(stage, locale.toString(done), count(locale, total, tr("track"), tr("tracks")));
}

QString featureFillSummary(const FeatureFillSummary &summary, const QLocale &locale)
{
    if (summary.looked == 0)
        return tr("Every track already has audio features.");
    const int stillMissing = summary.counts.missing;
    const int found = summary.looked - stillMissing;
    const QString withoutThem = summary.looked == 1
        ? tr("the track without them")
        : tr("the %1 tracks without them").arg(locale.toString(summary.looked));
    if (stillMissing == 0)
        return tr("Found audio features for %1.").arg(withoutThem);
    const QString tracks = count(locale, summary.looked, tr("track"), tr("tracks"));
    // What a service that could not be reached knows is unknown, not "none".
    if (!summary.unreachable.isEmpty() || !summary.limited.isEmpty()) {
        const QString offline = unansweredMessage(summary.unreachable, summary.limited);
        return found == 0 ? offline
                          : tr("Found audio features for %1 of %2. %3").arg(locale.toString(found), tracks, offline);
    }
    if (found == 0)
        return tr("No audio features found for %1.").arg(withoutThem);
    return tr("Found audio features for %1 of %2; %3 still %4 none.")
        .arg(locale.toString(found), tracks, locale.toString(stillMissing), stillMissing == 1 ? tr("has") : tr("have"));
}

QString discovering(const DiscoverySeed &seed, const std::vector<DiscoverySourceProgress> &sources,
                    const QLocale &locale)
{
    if (sources.empty())
        return tr("Discovering songs like “%1”…").arg(seed.name);
    QStringList each;
    for (const DiscoverySourceProgress &source : sources)
        each << (source.done == source.planned
                     ? tr("%1 done").arg(source.service)
                     : tr("%1 %2 of %3")
                           .arg(source.service, locale.toString(source.done), locale.toString(source.planned)));
    return tr("Discovering songs like “%1”: %2").arg(seed.name, each.join(QStringLiteral(", ")));
}

QString waitingForRateLimit(const QString &service, std::chrono::milliseconds wait)
{
    const auto seconds = std::max<qint64>(1, (wait.count() + 999) / 1000);
    return tr("Waiting %1 s for %2's rate limit…").arg(seconds).arg(service);
}

QString discoverySummary(const DiscoverySeed &seed, int found, const DiscoveryOutcome &outcome, const QLocale &locale)
{
    QString text;
    if (outcome.cancelled && found == 0)
        text = tr("Stopped discovering.");
    else if (outcome.cancelled && found == 1)
        text = tr("Stopped discovering; the song found is kept.");
    else if (outcome.cancelled)
        text = tr("Stopped discovering; the %1 songs found are kept.").arg(locale.toString(found));
    else if (found > 0)
        text = tr("Found %1 like “%2”.").arg(count(locale, found, tr("song"), tr("songs")), seed.name);
    else if (outcome.complete())
        text = tr("No service knows songs like “%1”.").arg(seed.name);
    const QString unanswered = outcome.cancelled ? QString() : outcome.message();
    return text.isEmpty() ? unanswered : unanswered.isEmpty() ? text : text + u' ' + unanswered;
}

QString spotifySearchSummary(int found, int asked, int overBudget, int searchesToday, int dailyBudget,
                             const QLocale &locale)
{
    QStringList text;
    if (asked > 0)
        text << tr("Spotify knows %1 of %2.")
                    .arg(locale.toString(found), count(locale, asked, tr("new song"), tr("new songs")));
    if (overBudget > 0)
        text << tr("%1 not searched for: today's Spotify searches are used up.")
                    .arg(count(locale, overBudget, tr("song"), tr("songs")));
    text << spotifyBudgetText(searchesToday, dailyBudget);
    return text.join(u' ');
}

}  // namespace encore::uitext
