#include "discover/spotifysearchbudget.h"

#include <QCoreApplication>

namespace encore {

SpotifySearchPlan SpotifySearchPlan::make(const std::vector<Track> &songs, const QHash<QString, SpotifyMatch> &answered,
                                          int searchesToday, int dailyBudget, const QDateTime &now)
{
    SpotifySearchPlan plan;
    plan.searchesToday = searchesToday;
    int left = dailyBudget - searchesToday;
    for (const Track &song : songs) {
        const auto earlier = answered.constFind(song.id);
        const bool stillTrue = earlier != answered.cend()
            && (!earlier->spotifyId.isEmpty() || earlier->askedAt.daysTo(now) < kForgetNoMatchAfterDays);
        if (stillTrue) {
            plan.known.insert(song.id, earlier->spotifyId);
        } else if (left >= kSearchesPerSong) {
            plan.toAsk.push_back(song);
            left -= kSearchesPerSong;
        } else {
            ++plan.overBudget;
        }
    }
    return plan;
}

Result<SpotifySearchPlan> SpotifySearchPlan::forLibrary(const LibraryDb &library, const std::vector<Track> &songs,
                                                        int dailyBudget)
{
    QStringList ids;
    for (const Track &song : songs)
        ids << song.id;
    const Result<QHash<QString, SpotifyMatch>> answered = library.spotifyMatches(ids);
    if (!answered)
        return answered.error();
    const Result<int> today = library.spotifySearchesToday();
    if (!today)
        return today.error();
    return make(songs, *answered, *today, dailyBudget, QDateTime::currentDateTimeUtc());
}

std::vector<SpotifySearchAnswer> SpotifySearchPlan::answersTo(const std::vector<std::optional<Track>> &asked) const
{
    std::vector<SpotifySearchAnswer> answers;
    for (std::size_t i = 0; i < toAsk.size() && i < asked.size(); ++i)
        answers.push_back({toAsk[i], asked[i]});
    return answers;
}

std::vector<std::optional<Track>> SpotifySearchPlan::resultsFor(const std::vector<Track> &songs,
                                                                const std::vector<std::optional<Track>> &asked) const
{
    // toAsk is `songs` less the known and the unasked, in order: walked beside them, each answer
    // meets its own song, even among songs without an id.
    std::vector<std::optional<Track>> results;
    std::size_t next = 0;
    for (const Track &song : songs) {
        if (next < toAsk.size() && toAsk[next].id == song.id) {
            results.push_back(next < asked.size() ? asked[next] : std::nullopt);
            ++next;
        } else if (const QString spotifyId = known.value(song.id); !spotifyId.isEmpty()) {
            Track found = song;
            found.id = spotifyId;
            results.push_back(found);
        } else {
            results.push_back(std::nullopt);
        }
    }
    return results;
}

QString spotifyBudgetText(int searchesToday, int dailyBudget)
{
    return QCoreApplication::translate("encore::SpotifySearchPlan", "%1 of %2 Spotify searches used today.")
        .arg(searchesToday)
        .arg(dailyBudget);
}

}  // namespace encore
