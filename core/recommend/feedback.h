#pragma once

#include "catalog/catalog.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace encore {

enum class Reaction { Like, Dislike };

// One like or dislike: the user's reaction to `trackId` when it was recommended for `seedId`.
// By track id, not row, so it survives library changes and can be stored as it is.
struct FeedbackEntry {
    QString seedId;
    QString trackId;
    Reaction reaction = Reaction::Like;

    friend bool operator==(const FeedbackEntry &, const FeedbackEntry &) = default;
};

// One seed's reactions as catalog rows, ascending; tracks no longer in the library are dropped.
struct SeedFeedback {
    std::vector<int> likedRows;
    std::vector<int> dislikedRows;

    bool isEmpty() const { return likedRows.empty() && dislikedRows.empty(); }
};

// A song the user liked, for the list of everything liked: the seeds it was liked for, the
// latest first.
struct LikedSong {
    int row = -1;         // catalog row
    QStringList seedIds;  // never empty
};

// The user's reactions in memory. A later reaction to the same track for the same seed replaces
// the earlier one. entries() and the constructor taking them are what a store persists and
// restores; the order of entries is the order they were made.
class FeedbackLog {
public:
    FeedbackLog() = default;
    explicit FeedbackLog(const std::vector<FeedbackEntry> &entries);

    void record(const QString &seedId, const QString &trackId, Reaction reaction);
    // Forgets the reaction to `trackId` for `seedId`, if any.
    void clear(const QString &seedId, const QString &trackId);

    // Forgets every like of `trackId`, whatever it was liked for (dislikes stay).
    void clearLikes(const QString &trackId);

    const std::vector<FeedbackEntry> &entries() const { return m_entries; }
    // The reaction to `trackId` for `seedId`, if the user gave one (what an undo restores).
    std::optional<Reaction> reactionTo(const QString &seedId, const QString &trackId) const;
    SeedFeedback forSeed(const Catalog &catalog, const QString &seedId) const;
    // Every song liked for any seed, each once, the latest liked first; tracks no longer in the
    // library are left out.
    std::vector<LikedSong> likedSongs(const Catalog &catalog) const;

private:
    std::vector<FeedbackEntry> m_entries;
};

}  // namespace encore
