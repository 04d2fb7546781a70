#include "discover/spotifysearchbudget.h"

#include <QCoreApplication>

namespace encore {

SpotifySearchPlan SpotifySearchPlan::make(const std::vector<Track> &songs,
                                          const QHash<QString, SpotifyMatch> &answered, int searchesToday,
                                          int dailyBudget, const QDateTime &now)
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

QString spotifyBudgetText(int searchesToday, int dailyBudget)
{
    return QCoreApplication::translate("encore::SpotifySearchPlan", "%1 of %2 Spotify searches used today.")
        .arg(searchesToday)
        .arg(dailyBudget);
}

}  // namespace encore
