#pragma once

#include "catalog/catalog.h"
#include "model/audiofeatures.h"
#include "sortedcount.h"

#include <Eigen/Core>
#include <boost/container/static_vector.hpp>

#include <array>
#include <bit>
#include <cstdint>
#include <memory>
#include <mutex>
#include <span>
#include <utility>
#include <vector>

namespace encore {

// Dimensions of the content space: the eleven features, with the key as two (cos, sin).
inline constexpr int kContentDims = kFeatureCount + 1;

// The catalog's features transformed once per library change, for both ranking methods.
// Every row is rankable in the content space, with the features it has: a missing (or not
// finite) value sits at 0 there, the mean, and a row with no features at all is a zero vector
// that only the hybrid method ranks, by what people and the metadata say. Immutable once built;
// safe to share across threads.
//
// Tutorial space (the seed project's method, as sklearn does it): only for complete rows, those
// with all eleven features. Each feature MinMax-scaled over the tracks that have it (a zero range
// scales by 1, so the feature becomes value - min = 0), then each row divided by its length; a
// zero row, and every incomplete row, stays zero, so its cosine with anything is 0.
//
// Content space (Encore's): each feature standardised over the tracks that have it (population
// standard deviation; a feature with no spread is 0 everywhere), except
//   - key: a pitch class on the unit circle, (cos 2πk/12, sin 2πk/12), not standardised, so the
//     two dimensions together carry about one feature's worth of variance; "no key" (-1, or any
//     value outside 0..11) is (0, 0);
//   - tempo: log(tempo), then standardised over the tracks whose tempo was detected (> 0); an
//     undetected tempo sits at the mean (0).
class FeatureSpace {
public:
    using TutorialMatrix = Eigen::Matrix<float, Eigen::Dynamic, kFeatureCount, Eigen::RowMajor>;
    using ContentMatrix = Eigen::Matrix<float, Eigen::Dynamic, kContentDims, Eigen::RowMajor>;
    using ContentVector = Eigen::Matrix<float, 1, kContentDims>;
    using Weights = std::array<float, kFeatureCount>;
    // Features, held in place: explaining a list of 50 recommendations allocates nothing.
    using FeatureList = boost::container::static_vector<Feature, kFeatureCount>;

    // Everything the constructor works out of a catalog, as flat columns: a stored library keeps
    // them in its ranking cache (rankingcache.h), so that the next start maps them instead.
    struct Columns {
        ValueColumn<std::uint8_t> rankable;     // per row: 1 when it can be ranked
        ValueColumn<std::uint8_t> detected;     // per row: kKeyDetected | kTempoDetected
        ValueColumn<std::uint16_t> known;       // per row: bit index(f) set when feature f is known
        ValueColumn<std::uint8_t> informative;  // per feature: 1 when it varies
        // Per feature, the lowest and the highest raw value among the tracks that have it (NaN
        // when there are none).
        ValueColumn<float> ranges;
        // Per feature, kQuantiles + 1 content-space values from the lowest to the highest (all
        // NaN for a feature no track has).
        ValueColumn<float> quantiles;
        ValueColumn<double> pitchShares;  // per pitch class, the share of key-detected tracks
        ValueColumn<float> packed;        // packedContent()
        ValueColumn<std::int32_t> packedRows;
        ValueColumn<std::int32_t> slotOf;  // per row: its packed slot, -1 when it cannot be ranked
        // Copies of one song, as compressed rows: song s has rows songRows[songStarts[s] ..
        // songStarts[s + 1]), ascending.
        ValueColumn<std::int32_t> songStarts;
        ValueColumn<std::int32_t> songRows;
        // Per packed slot, its row's primary artist (Catalog::artistsOf), -1 for none and the padding.
        ValueColumn<std::int32_t> packedArtists;
        // Per artist, the mean of the content vectors of the songs it is the primary artist of:
        // how it sounds (zeros when none of them has features). Packed as packedContent() is,
        // artist a in slot a.
        ValueColumn<float> artistSounds;
        // The artists in the order the packed slots follow (artistsBySound()).
        ValueColumn<std::int32_t> artistsBySound;
        // Per packed block, the lowest and the highest sound position of its rows (blockSounds()).
        ValueColumn<std::int32_t> blockSounds;
    };

    FeatureSpace() = default;
    explicit FeatureSpace(const Catalog &catalog);
    // From columns built for this catalog earlier; the caller has checked fits().
    FeatureSpace(const Catalog &catalog, Columns columns);
    // Whether `columns` could have been built from `catalog`: sizes agree and every row named
    // lies inside it.
    static bool fits(const Columns &columns, const Catalog &catalog);
    const Columns &columns() const { return m_columns; }

    int size() const { return static_cast<int>(m_columns.rankable.size()); }
    bool isRankable(int row) const { return m_columns.rankable[static_cast<std::size_t>(row)] != 0; }
    std::span<const std::uint8_t> rankable() const { return m_columns.rankable.span(); }
    int rankableCount() const { return m_rankableCount; }

    // Whether the row has the feature, and how many of the eleven it has.
    bool isKnown(int row, Feature feature) const { return (knownBits(row) & (1u << index(feature))) != 0; }
    int knownCount(int row) const { return std::popcount(knownBits(row)); }
    bool isComplete(int row) const { return knownBits(row) == kAllKnown; }

    // Made on first use (only the tutorial method needs them), once even when several threads ask.
    const TutorialMatrix &tutorialRows() const;
    // Per row, 1 when it is complete: the tutorial method's candidates; and how many are.
    std::span<const std::uint8_t> complete() const;
    int completeCount() const;
    // A row's content vector; zeros for a row that cannot be ranked.
    ContentVector contentRow(int row) const;

    // The rankable rows' content vectors, laid out for rankContent's pass: blocks of
    // kPackedLanes rows, each block dimension by dimension (kContentDims x kPackedLanes floats),
    // so a block is read in order with every SIMD lane busy. packedRows() names the row in each
    // slot; the last block is padded with zero vectors named -1. Rows come by how their artist
    // sounds: artist by artist in artistsBySound() order (rows without one first), each
    // artist's rows ascending. Similar-sounding artists then share blocks, and a ranking that
    // adds how the artist sounds can bound a whole block by its few artists and skip it.
    static constexpr int kPackedLanes = 8;
    std::span<const float> packedContent() const { return m_columns.packed.span(); }
    // Where slot `slot`'s first dimension lies in packedContent(); dimension d is
    // d * kPackedLanes further on.
    static std::size_t packedOffset(std::size_t slot)
    {
        return slot / kPackedLanes * kContentDims * kPackedLanes + slot % kPackedLanes;
    }
    std::span<const std::int32_t> packedRows() const { return m_columns.packedRows.span(); }

    // A row's packed slot, -1 when it cannot be ranked.
    int slotOf(int row) const { return m_columns.slotOf[static_cast<std::size_t>(row)]; }
    // A row's primary artist (Catalog::artistsOf), -1 for none: its packed slot's.
    int artistOf(int row) const
    {
        const int slot = slotOf(row);
        return slot < 0 ? -1 : m_columns.packedArtists[static_cast<std::size_t>(slot)];
    }
    std::span<const std::int32_t> packedArtists() const { return m_columns.packedArtists.span(); }
    // The artists ordered along the direction their sounds vary most (the first principal
    // component), so that artists next to each other tend to sound alike.
    std::span<const std::int32_t> artistsBySound() const { return m_columns.artistsBySound.span(); }
    // Where a block's rows stand in that order: the lowest and the highest sound position of
    // their artists, a position being 0 for no artist and 1 + i for artistsBySound()[i].
    std::pair<int, int> blockSounds(std::size_t block) const
    {
        return {m_columns.blockSounds[2 * block], m_columns.blockSounds[2 * block + 1]};
    }
    // How many artists soundsLike() writes: the catalog's, rounded up to kPackedLanes.
    std::size_t artistSlots() const { return m_columns.artistSounds.size() / kContentDims; }
    // How an artist sounds (Columns::artistSounds); zeros for -1.
    ContentVector artistSound(int artist) const;
    // For every artist, how much it sounds like `sound` under `w2` (squared weights, 0 on the
    // dimensions not compared): the cosine of the two, 0 when it is negative or the artist's
    // sound is a zero vector after weighting; into `alike` (artistSlots() values). False, writing
    // nothing, when `sound` is a zero vector after weighting.
    bool soundsLike(const ContentVector &sound, const ContentVector &w2, std::span<float> alike) const;

    // Where a feature lives in the content space: its first dimension and how many it has.
    static int contentDim(Feature feature);
    static int contentDimCount(Feature feature) { return feature == Feature::Key ? 2 : 1; }
    // Per-feature weights spread over the content dimensions (the key's weight on both of its
    // dimensions); a negative or non-finite weight counts as 0.
    static ContentVector contentWeights(const Weights &weights);

    // The lowest and the highest raw value of the feature among the tracks that have it; NaN
    // when none has.
    float lowest(Feature feature) const { return m_columns.ranges[2 * static_cast<std::size_t>(index(feature))]; }
    float highest(Feature feature) const { return m_columns.ranges[2 * static_cast<std::size_t>(index(feature)) + 1]; }

    // Whether the feature varies at all among the tracks that have it; one that does not cannot
    // tell tracks apart and is never named as a match.
    bool isInformative(Feature feature) const
    {
        return m_columns.informative[static_cast<std::size_t>(index(feature))] != 0;
    }
    // False for a missing value, a key of "no key" and an undetected tempo; true for every
    // other known value.
    bool isDetected(int row, Feature feature) const;

    // Rows holding copies of one song (same songIdentity()), ascending; `row` is among them.
    std::span<const int> copiesOf(int row) const;
    // The song `row` holds a copy of: copies share it.
    int songOf(int row) const { return m_songOf[static_cast<std::size_t>(row)]; }
    // Whether another row holds a copy of `row`'s song.
    bool hasCopies(int row) const
    {
        const auto song = static_cast<std::size_t>(songOf(row));
        return m_columns.songStarts[song + 1] - m_columns.songStarts[song] > 1;
    }

    // Names the features on which rows are unusually close to one seed. What depends on the
    // seed alone (the features it may name, the seed's key against every pitch class) is worked
    // out once, for the many rows of a list.
    class MatchExplainer {
    public:
        MatchExplainer(const FeatureSpace &space, int seedRow, const Weights &weights);
        int seedRow() const { return m_seedRow; }
        // Up to `count` features on which `row` is unusually close to the seed, best first: the
        // fewer library tracks are at least as close to the seed on a feature, the better the
        // match says something (same mode, shared by half the library, says little; tempo within
        // 1 BPM says a lot). Distances are taken in the content space (the chord on the pitch
        // circle for the key); ties by feature order. Skips features with weight 0, features that
        // are not informative, and a key or tempo not detected in either track.
        FeatureList closestFeatures(int row, int count) const;

    private:
        // The share of rankable tracks (with the feature detected) whose value lies within
        // `distance` of the seed's value on that feature.
        double shareWithin(Feature feature, float distance) const;

        const FeatureSpace *m_space;
        int m_seedRow;
        ContentVector m_seed;
        FeatureList m_features;  // weighted, informative and detected in the seed
        // The chord from the seed's key to each pitch class, shortest first; and the share of
        // key-detected tracks whose pitch class is among the first m, added in pitch order.
        std::array<double, 12> m_pitchDistances{};
        std::array<double, 13> m_pitchSharesWithin{};
    };

private:
    struct LazyTutorial {
        std::once_flag once;
        TutorialMatrix rows;
        std::vector<std::uint8_t> complete;
        int completeCount = 0;
    };
    static Columns build(const Catalog &catalog);
    static bool soundOrderFits(const Columns &columns, std::size_t rankable);
    void makeTutorial(LazyTutorial &tutorial) const;
    std::uint16_t knownBits(int row) const { return m_columns.known[static_cast<std::size_t>(row)]; }
    // Dimension `dim` of the content vector in packed slot `slot`.
    static float packedValue(std::span<const float> packed, std::size_t slot, int dim)
    {
        return packed[packedOffset(slot) + static_cast<std::size_t>(dim) * kPackedLanes];
    }

    // The feature's kQuantiles + 1 content-space values, lowest first.
    std::span<const float> quantilesOf(Feature feature) const
    {
        return m_columns.quantiles.slice(static_cast<std::size_t>(index(feature)) * (kQuantiles + 1), kQuantiles + 1);
    }

    static constexpr std::uint8_t kKeyDetected = 1;
    static constexpr std::uint8_t kTempoDetected = 2;
    static constexpr std::uint16_t kAllKnown = (1u << kFeatureCount) - 1;
    // How many quantiles describe each feature's distribution for MatchExplainer.
    static constexpr int kQuantiles = 256;
    // How many rows, at most, those quantiles are taken from.
    static constexpr std::size_t kQuantileSample = 65536;

    Columns m_columns;
    std::array<SortedCounter, kFeatureCount> m_quantileCounters;  // quantilesOf() each feature, to count in
    int m_rankableCount = 0;                                      // the packed slots before the padding
    ValueColumn<float> m_features;                                // the catalog's, shared
    ValueColumn<std::int32_t> m_songOf;                           // the catalog's song numbers, shared
    std::shared_ptr<LazyTutorial> m_tutorial = std::make_shared<LazyTutorial>();
};

}  // namespace encore
