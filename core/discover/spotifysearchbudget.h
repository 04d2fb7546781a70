#pragma once

#include "model/track.h"
#include "storage/librarydb.h"

#include <QDateTime>
#include <QHash>

#include <limits>
#include <optional>

#include <vector>

namespace encore {

// Which songs without a Spotify id to search for on Spotify. Its developer quota is about a
// thousand calls a day, shared with playlist reads and saves, so searches keep to a daily budget
// (SpotifySettings::dailySearchBudget) and no song is searched for twice: a song Spotify did not
// know is asked again only after kForgetNoMatchAfterDays, when it may have been added.
struct SpotifySearchPlan {
    static constexpr int kSearchesPerSong = 2;  // by ISRC, then by title and artist
    static constexpr int kForgetNoMatchAfterDays = 30;

    std::vector<Track> toAsk;       // in the order given
    int searchesToday = 0;          // made before this plan
    QHash<QString, QString> known;  // song id → Spotify id from an earlier answer ('' for none)
    int overBudget = 0;             // songs left unasked because the day's budget is spent

    // For a search the user asked for by name (saving songs to Spotify): counted, never refused.
    static constexpr int kNoBudget = std::numeric_limits<int>::max();

    static SpotifySearchPlan make(const std::vector<Track> &songs, const QHash<QString, SpotifyMatch> &answered,
                                  int searchesToday, int dailyBudget, const QDateTime &now);
    // The plan for `songs` from what `library` keeps of earlier answers and today's searches.
    static Result<SpotifySearchPlan> forLibrary(const LibraryDb &library, const std::vector<Track> &songs,
                                                int dailyBudget);

    // What to store of Spotify's answers to toAsk (`asked`, one per song, in order).
    std::vector<SpotifySearchAnswer> answersTo(const std::vector<std::optional<Track>> &asked) const;
    // One result per song of `songs` (those the plan was made for): the track Spotify named,
    // from an earlier answer (the song under its Spotify id) or from `asked`; nothing for a
    // song Spotify does not know, or that went unasked.
    std::vector<std::optional<Track>> resultsFor(const std::vector<Track> &songs,
                                                 const std::vector<std::optional<Track>> &asked) const;
};

// "12 of 300 Spotify searches used today."
QString spotifyBudgetText(int searchesToday, int dailyBudget);

}  // namespace encore
