#pragma once

#include "discover/candidate.h"

#include <QHash>
#include <QString>

#include <algorithm>
#include <vector>

namespace encore {

// What the library knows of the songs Discover found, and which of them are new to the user: those
// no playlist of the library holds (yet).
struct Discoveries {
    QHash<int, std::vector<DiscoveryOrigin>> originsOf;  // by catalog row, whatever the seed
    std::vector<int> newRows;                            // ascending

    bool isNew(int row) const { return std::binary_search(newRows.begin(), newRows.end(), row); }
    // Every row of a catalog of `size` rows but the new ones: what "only new songs" leaves out.
    std::vector<int> allButNew(int size) const;
    // "ReccoBeats recommends it for this seed; top song of Adele on Deezer"; empty for a song
    // Discover did not find.
    QString origins(int row) const;
};

}  // namespace encore
