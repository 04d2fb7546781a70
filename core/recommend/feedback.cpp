#include "feedback.h"

#include <algorithm>

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
    std::erase_if(m_entries, [&](const FeedbackEntry &entry) {
        return entry.seedId == seedId && entry.trackId == trackId;
    });
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
