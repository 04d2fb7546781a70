#include "feedback.h"

#include <algorithm>
#include <unordered_map>

namespace encore {

FeedbackLog::FeedbackLog(const std::vector<FeedbackEntry> &entries)
{
    for (const FeedbackEntry &entry : entries)
        record(entry.seedId, entry.trackId, entry.reaction);
}

void FeedbackLog::record(const QString &seedId, const QString &trackId, Reaction reaction)
{
    clear(seedId, trackId);
    m_entries.push_back({seedId, trackId, reaction});
}

void FeedbackLog::clear(const QString &seedId, const QString &trackId)
{
    std::erase_if(m_entries,
                  [&](const FeedbackEntry &entry) { return entry.seedId == seedId && entry.trackId == trackId; });
}

void FeedbackLog::clearLikes(const QString &trackId)
{
    std::erase_if(m_entries, [&](const FeedbackEntry &entry) {
        return entry.trackId == trackId && entry.reaction == Reaction::Like;
    });
}

std::optional<Reaction> FeedbackLog::reactionTo(const QString &seedId, const QString &trackId) const
{
    const auto entry = std::find_if(m_entries.begin(), m_entries.end(),
                                    [&](const FeedbackEntry &e) { return e.seedId == seedId && e.trackId == trackId; });
    return entry == m_entries.end() ? std::nullopt : std::optional<Reaction>(entry->reaction);
}

std::vector<LikedSong> FeedbackLog::likedSongs(const Catalog &catalog) const
{
    std::vector<LikedSong> liked;
    std::unordered_map<int, std::size_t> byRow;  // catalog row -> its place in `liked`
    for (auto entry = m_entries.rbegin(); entry != m_entries.rend(); ++entry) {
        if (entry->reaction != Reaction::Like)
            continue;
        const int row = catalog.rowOf(entry->trackId);
        if (row < 0)
            continue;
        const auto [known, added] = byRow.try_emplace(row, liked.size());
        if (added)
            liked.push_back({row, {}});
        liked[known->second].seedIds.append(entry->seedId);
    }
    return liked;
}

SeedFeedback FeedbackLog::forSeed(const Catalog &catalog, const QString &seedId) const
{
    SeedFeedback feedback;
    for (const FeedbackEntry &entry : m_entries) {
        if (entry.seedId != seedId)
            continue;
        const int row = catalog.rowOf(entry.trackId);
        if (row < 0)
            continue;
        (entry.reaction == Reaction::Like ? feedback.likedRows : feedback.dislikedRows).push_back(row);
    }
    std::sort(feedback.likedRows.begin(), feedback.likedRows.end());
    std::sort(feedback.dislikedRows.begin(), feedback.dislikedRows.end());
    return feedback;
}

}  // namespace encore
