#pragma once

#include "catalog/catalog.h"
#include "cooccurrence.h"
#include "featurespace.h"
#include "util/result.h"

#include <QString>

#include <concepts>
#include <optional>
#include <type_traits>

namespace encore {

// Everything Recommender builds from a catalog, as flat columns.
struct RankingColumns {
    FeatureSpace::Columns space;
    Cooccurrence::Columns cooccurrence;
    ValueColumn<float> popularity;  // PopularityPrior::values()
};

// Calls visit(column) for every ValueColumn of `columns`, always in the same order: the one list
// the ranking cache follows.
template <typename Columns, typename Visit>
requires std::same_as<std::remove_const_t<Columns>, RankingColumns>
void forEachColumn(Columns &columns, Visit &&visit)
{
    auto &space = columns.space;
    visit(space.rankable);
    visit(space.detected);
    visit(space.known);
    visit(space.informative);
    visit(space.ranges);
    visit(space.quantiles);
    visit(space.pitchShares);
    visit(space.packed);
    visit(space.packedRows);
    visit(space.slotOf);
    visit(space.songStarts);
    visit(space.songRows);
    visit(space.packedArtists);
    visit(space.artistSounds);
    visit(space.artistsBySound);
    visit(space.blockSounds);
    auto &cooccurrence = columns.cooccurrence;
    for (auto *incidence : {&cooccurrence.tracksOfPlaylist, &cooccurrence.artistsOfPlaylist,
                            &cooccurrence.playlistsOfTrack, &cooccurrence.playlistsOfArtist}) {
        visit(incidence->starts);
        visit(incidence->members);
    }
    visit(cooccurrence.playlistWeights);
    visit(cooccurrence.trackFrequencies);
    visit(cooccurrence.artistFrequencies);
    visit(columns.popularity);
}

// A stored library's RankingColumns, kept in a file beside it (a columnfile) so that the next
// start maps them instead of building them again: for a million tracks that is a few
// milliseconds instead of a quarter of a second, and pages no ranking touches stay on disk.
// Like the catalog snapshot, the file names the library generation it was built for and is
// ignored when asked for another.
namespace rankingcache {

// Writes atomically; a reader sees the old file or the new one.
Status write(const RankingColumns &columns, const QString &path, qint64 generation);

// The columns in the file, mapped; std::nullopt when there is no file, it was built for another
// generation or format, it is damaged (see columnfile), or its columns do not fit `catalog`:
// every row, slot and member inside its range, every value finite where it must be.
std::optional<RankingColumns> map(const QString &path, qint64 generation, const Catalog &catalog);

}  // namespace rankingcache

}  // namespace encore
