#include "featurespace.h"

#include "lanes.h"
#include "model/audiofeatures.h"

#include <QString>

#include <Eigen/Eigenvalues>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <numbers>
#include <numeric>
#include <span>

namespace encore {

namespace {

// sklearn's _handle_zeros_in_scale: a range this small counts as zero and scales by 1.
constexpr double kZeroRange = 10.0 * std::numeric_limits<double>::epsilon();
// A row shorter than this is a zero row: it stays zero instead of becoming NaN.
constexpr double kZeroNorm = 1e-12;
// A standard deviation this small (relative to the values) means the feature does not vary.
constexpr double kZeroSpread = 1e-9;

// Each pitch class on the unit circle: (cos 2πk/12, sin 2πk/12).
const std::array<std::array<double, 2>, 12> &pitchCircle()
{
    static const std::array<std::array<double, 2>, 12> circle = [] {
        std::array<std::array<double, 2>, 12> points{};
        for (std::size_t pitch = 0; pitch < points.size(); ++pitch) {
            const double angle = 2.0 * std::numbers::pi * static_cast<double>(pitch) / 12.0;
            points[pitch] = {std::cos(angle), std::sin(angle)};
        }
        return points;
    }();
    return circle;
}

// Puts the values that sorting would put at `positions` (ascending, offsets from `begin`) there,
// without sorting the rest: each selection splits the range for the positions on either side,
// O(n log positions) rather than O(n log n).
void selectPositions(std::vector<float>::iterator begin, std::vector<float>::iterator end,
                     std::span<const std::size_t> positions, std::size_t offset = 0)
{
    if (positions.empty() || begin == end)
        return;
    const std::size_t middle = positions[positions.size() / 2];
    const auto nth = begin + static_cast<std::ptrdiff_t>(middle - offset);
    std::nth_element(begin, nth, end);
    const auto below = std::lower_bound(positions.begin(), positions.end(), middle);
    const auto above = std::upper_bound(positions.begin(), positions.end(), middle);
    selectPositions(begin, nth, positions.subspan(0, static_cast<std::size_t>(below - positions.begin())), offset);
    selectPositions(nth + 1, end, positions.subspan(static_cast<std::size_t>(above - positions.begin())), middle + 1);
}

// How much each packed sound is like the query (see positiveCosines), eight artists at a time.
ENCORE_SIMD_CLONES
void soundsAlike(std::span<const float> sounds, const LaneVector &towardQuery, const LaneVector &w2, float queryNorm,
                 float *out)
{
    positiveCosines(sounds, towardQuery, w2, queryNorm, out);
}

// The artists ordered by where their sound lies along the direction the sounds of the artists
// with songs vary most (their covariance's leading eigenvector); ties by artist. Artists next to
// each other then tend to sound alike, which is all the order is for.
std::vector<std::int32_t> orderBySound(std::span<const float> packedSounds, std::span<const int> songsOf)
{
    using Vector = Eigen::Matrix<double, kContentDims, 1>;
    const auto soundOf = [packedSounds](std::size_t artist) {
        Vector sound;
        for (int d = 0; d < kContentDims; ++d)
            sound(d) = packedSounds[FeatureSpace::packedOffset(artist) + static_cast<std::size_t>(d) * kLanes];
        return sound;
    };
    Vector mean = Vector::Zero();
    int withSongs = 0;
    for (std::size_t artist = 0; artist < songsOf.size(); ++artist) {
        if (songsOf[artist] > 0) {
            mean += soundOf(artist);
            ++withSongs;
        }
    }
    mean /= std::max(withSongs, 1);
    Eigen::Matrix<double, kContentDims, kContentDims> covariance =
        Eigen::Matrix<double, kContentDims, kContentDims>::Zero();
    for (std::size_t artist = 0; artist < songsOf.size(); ++artist) {
        if (songsOf[artist] > 0) {
            const Vector centred = soundOf(artist) - mean;
            covariance += centred * centred.transpose();
        }
    }
    // Eigenvalues ascending: the last vector is the leading one.
    const Eigen::SelfAdjointEigenSolver<Eigen::Matrix<double, kContentDims, kContentDims>> solver(covariance);
    const Vector direction = solver.eigenvectors().col(kContentDims - 1);
    std::vector<double> along(songsOf.size());
    for (std::size_t artist = 0; artist < songsOf.size(); ++artist)
        along[artist] = (soundOf(artist) - mean).dot(direction);
    std::vector<std::int32_t> order(songsOf.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&along](std::int32_t a, std::int32_t b) {
        const double x = along[static_cast<std::size_t>(a)];
        const double y = along[static_cast<std::size_t>(b)];
        return x < y || (x == y && a < b);
    });
    return order;
}

// Each artist's sound position, 1 + its index in `artistsBySound` (artists 0 .. size - 1);
// empty when an artist comes twice, so that some other one has none.
std::vector<std::int32_t> soundPositions(std::span<const std::int32_t> artistsBySound)
{
    std::vector<std::int32_t> positionOf(artistsBySound.size(), 0);
    for (std::size_t i = 0; i < artistsBySound.size(); ++i) {
        std::int32_t &position = positionOf[static_cast<std::size_t>(artistsBySound[i])];
        if (position != 0)
            return {};
        position = static_cast<std::int32_t>(i + 1);
    }
    return positionOf;
}

struct Moments {
    double mean = 0.0;
    double stdDev = 0.0;
    bool informative = false;
};

// Mean and population standard deviation of every feature, in double, two passes over the rows
// (each reads a row's eleven values together); the tempo's of log(tempo) over the rows whose
// tempo was detected. The key only says whether more than one pitch class occurs.
std::array<Moments, kFeatureCount> momentsOf(const Catalog::FeatureView &x, const std::vector<int> &rows)
{
    constexpr int key = index(Feature::Key);
    constexpr int tempo = index(Feature::Tempo);
    // The value a feature contributes for `row`, or false when it contributes none.
    const auto valueOf = [&x](int row, int c, double &value) {
        value = static_cast<double>(x(row, c));
        if (!std::isfinite(value))
            return false;
        if (c != tempo)
            return true;
        if (!(value > 0.0))
            return false;
        value = std::log(value);
        return true;
    };
    std::array<double, kFeatureCount> sums{};
    std::array<std::size_t, kFeatureCount> counts{};
    // The first key known; a missing key says nothing about how many pitch classes occur.
    const auto keyed = std::find_if(rows.begin(), rows.end(), [&x](int row) { return std::isfinite(x(row, key)); });
    const int firstPitch = keyed == rows.end() ? -1 : pitchClassOf(x(*keyed, key));
    bool severalPitches = false;
    for (int row : rows) {
        for (int c = 0; c < kFeatureCount; ++c) {
            double value = 0.0;
            if (c != key && valueOf(row, c, value)) {
                sums[static_cast<std::size_t>(c)] += value;
                ++counts[static_cast<std::size_t>(c)];
            }
        }
        severalPitches = severalPitches || (std::isfinite(x(row, key)) && pitchClassOf(x(row, key)) != firstPitch);
    }
    std::array<Moments, kFeatureCount> moments{};
    for (std::size_t c = 0; c < moments.size(); ++c)
        moments[c].mean = counts[c] > 0 ? sums[c] / static_cast<double>(counts[c]) : 0.0;
    std::array<double, kFeatureCount> squares{};
    for (int row : rows) {
        for (int c = 0; c < kFeatureCount; ++c) {
            double value = 0.0;
            if (c != key && valueOf(row, c, value)) {
                const double d = value - moments[static_cast<std::size_t>(c)].mean;
                squares[static_cast<std::size_t>(c)] += d * d;
            }
        }
    }
    for (std::size_t c = 0; c < moments.size(); ++c) {
        Moments &m = moments[c];
        if (counts[c] > 0)
            m.stdDev = std::sqrt(squares[c] / static_cast<double>(counts[c]));
        m.informative = counts[c] > 0 && m.stdDev > kZeroSpread * std::max(1.0, std::abs(m.mean));
    }
    moments[static_cast<std::size_t>(key)] = Moments{0.0, 0.0, severalPitches};
    return moments;
}

}  // namespace

int FeatureSpace::contentDim(Feature feature)
{
    const int i = index(feature);
    return i <= index(Feature::Key) ? i : i + 1;
}

FeatureSpace::ContentVector FeatureSpace::contentWeights(const Weights &weights)
{
    ContentVector w;
    for (Feature f : kAllFeatures) {
        const float value = weights[static_cast<std::size_t>(index(f))];
        const float clean = std::isfinite(value) && value > 0.0f ? value : 0.0f;
        for (int d = 0; d < contentDimCount(f); ++d)
            w(contentDim(f) + d) = clean;
    }
    return w;
}

FeatureSpace::FeatureSpace(const Catalog &catalog) : FeatureSpace(catalog, build(catalog)) {}

FeatureSpace::Columns FeatureSpace::build(const Catalog &catalog)
{
    const int n = catalog.size();
    const Catalog::FeatureView x = catalog.featureMatrix();
    const auto at = [&x](int row, Feature f) { return static_cast<double>(x(row, index(f))); };

    // Every row can be ranked: with the features it has (the others sit at the mean, 0, like
    // an undetected tempo) and, by the hybrid method, by what people and the metadata say. Which
    // features each row has, and the range of each feature over the rows that have it.
    std::vector<std::uint8_t> rankable(static_cast<std::size_t>(n), 1);
    std::vector<std::uint8_t> detectedOf(static_cast<std::size_t>(n), 0);
    std::vector<std::uint16_t> knownOf(static_cast<std::size_t>(n), 0);
    std::vector<int> rows(static_cast<std::size_t>(n));
    std::iota(rows.begin(), rows.end(), 0);
    std::vector<float> ranges(2 * kFeatureCount, std::numeric_limits<float>::quiet_NaN());
    for (int row = 0; row < n; ++row) {
        for (int c = 0; c < kFeatureCount; ++c) {
            const float value = x(row, c);
            if (!std::isfinite(value))
                continue;
            knownOf[static_cast<std::size_t>(row)] |= static_cast<std::uint16_t>(1u << c);
            float &low = ranges[2 * static_cast<std::size_t>(c)];
            float &high = ranges[2 * static_cast<std::size_t>(c) + 1];
            low = std::isnan(low) ? value : std::min(low, value);
            high = std::isnan(high) ? value : std::max(high, value);
        }
    }

    // Content: standardised, key on the pitch circle, log tempo.
    const std::array<Moments, kFeatureCount> moments = momentsOf(x, rows);
    std::vector<std::uint8_t> informative(kFeatureCount);
    for (std::size_t i = 0; i < moments.size(); ++i)
        informative[i] = moments[i].informative ? 1 : 0;

    // The content vectors, packed in row order first (slot = row): the artists' sounds, and so
    // the order of the final slots, are worked out of them.
    const std::size_t blocks = (rows.size() + kPackedLanes - 1) / kPackedLanes;
    std::vector<float> byRow(blocks * kPackedLanes * kContentDims, 0.0f);
    for (std::size_t slot = 0; slot < rows.size(); ++slot) {
        const int row = rows[slot];
        float *lane = byRow.data() + packedOffset(slot);
        const auto put = [lane](int dim, double value) { lane[dim * kPackedLanes] = static_cast<float>(value); };
        std::uint8_t detected = 0;
        for (Feature f : kAllFeatures) {
            const Moments &m = moments[static_cast<std::size_t>(index(f))];
            const int dim = contentDim(f);
            const double value = at(row, f);
            if (!std::isfinite(value))
                continue;
            if (f == Feature::Key) {
                const int pitch = pitchClassOf(static_cast<float>(value));
                if (pitch >= 0) {
                    detected |= kKeyDetected;
                    const auto &[cosine, sine] = pitchCircle()[static_cast<std::size_t>(pitch)];
                    put(dim, cosine);
                    put(dim + 1, sine);
                }
            } else if (f == Feature::Tempo) {
                if (value > 0.0) {
                    detected |= kTempoDetected;
                    if (m.informative)
                        put(dim, (std::log(value) - m.mean) / m.stdDev);
                }
            } else if (m.informative) {
                put(dim, (value - m.mean) / m.stdDev);
            }
        }
        detectedOf[static_cast<std::size_t>(row)] = detected;
    }

    // Distributions for shareWithin(): quantiles of each feature's content values, and the
    // share of each pitch class. A large library is described by an even sample of at most
    // kQuantileSample of its rows: the shares only order a track's explanations, and the
    // sample keeps them within about half a percent while costing a fraction of the time.
    const std::size_t stride = std::max<std::size_t>(1, (rows.size() + kQuantileSample - 1) / kQuantileSample);
    std::vector<float> quantiles(kFeatureCount * (kQuantiles + 1), std::numeric_limits<float>::quiet_NaN());
    std::vector<double> pitchShares(12, 0.0);
    for (Feature f : kAllFeatures) {
        std::vector<float> values;
        values.reserve(rows.size() / stride + 1);
        int keyed = 0;
        for (std::size_t slot = 0; slot < rows.size(); slot += stride) {
            const int row = rows[slot];
            const std::uint8_t detected = detectedOf[static_cast<std::size_t>(row)];
            if (f == Feature::Key) {
                if ((detected & kKeyDetected) != 0) {
                    ++keyed;
                    pitchShares[static_cast<std::size_t>(pitchClassOf(x(row, index(f))))] += 1.0;
                }
            } else if ((knownOf[static_cast<std::size_t>(row)] & (1u << index(f))) != 0
                       && (f != Feature::Tempo || (detected & kTempoDetected) != 0)) {
                values.push_back(packedValue(byRow, slot, contentDim(f)));
            }
        }
        if (f == Feature::Key) {
            for (double &share : pitchShares)
                share = keyed > 0 ? share / keyed : 0.0;
            continue;
        }
        if (values.empty())
            continue;
        std::vector<std::size_t> positions(kQuantiles + 1);
        for (std::size_t i = 0; i < positions.size(); ++i)
            positions[i] = i * (values.size() - 1) / kQuantiles;
        selectPositions(values.begin(), values.end(), positions);
        const auto first = static_cast<std::size_t>(index(f)) * (kQuantiles + 1);
        for (std::size_t i = 0; i < positions.size(); ++i)
            quantiles[first + i] = values[positions[i]];
    }

    // The raw values are read again only for charts and the tutorial method: a mapped catalog
    // gives their pages back rather than keep them resident.
    catalog.columns().features.releasePages();

    // Copies of one song (the catalog has numbered them).
    const ValueColumn<std::int32_t> &songOf = catalog.columns().songs;
    std::vector<std::int32_t> songStarts(static_cast<std::size_t>(catalog.songCount()) + 1, 0);
    for (std::int32_t song : songOf)
        ++songStarts[static_cast<std::size_t>(song) + 1];
    std::partial_sum(songStarts.begin(), songStarts.end(), songStarts.begin());
    std::vector<std::int32_t> songRows(static_cast<std::size_t>(n));
    std::vector<std::int32_t> fill(songStarts.begin(), songStarts.end() - 1);
    for (int row = 0; row < n; ++row)  // ascending, so each song's rows come out sorted
        songRows[static_cast<std::size_t>(fill[static_cast<std::size_t>(songOf[static_cast<std::size_t>(row)])]++)] =
            row;

    // How each artist sounds: the mean of its songs' content vectors. Not of their unit vectors:
    // a feature weighted 0 must leave the other features' part of the sound alone.
    const auto artistCount = static_cast<std::size_t>(catalog.artistCount());
    std::vector<std::int32_t> artistOf(rows.size(), -1);
    std::vector<float> artistSounds((artistCount + kPackedLanes - 1) / kPackedLanes * kPackedLanes * kContentDims,
                                    0.0f);
    std::vector<double> sums(artistCount * kContentDims, 0.0);
    std::vector<int> songsOf(artistCount, 0);
    for (std::size_t slot = 0; slot < rows.size(); ++slot) {
        const std::span<const std::int32_t> artists = catalog.artistsOf(rows[slot]);
        if (artists.empty())
            continue;
        const auto artist = static_cast<std::size_t>(artists.front());
        artistOf[slot] = static_cast<std::int32_t>(artist);
        for (int d = 0; d < kContentDims; ++d)
            sums[artist * kContentDims + static_cast<std::size_t>(d)] += packedValue(byRow, slot, d);
        ++songsOf[artist];
    }
    for (std::size_t artist = 0; artist < artistCount; ++artist) {
        if (songsOf[artist] == 0)
            continue;
        float *sound = artistSounds.data() + packedOffset(artist);
        for (int d = 0; d < kContentDims; ++d)
            sound[d * kPackedLanes] =
                static_cast<float>(sums[artist * kContentDims + static_cast<std::size_t>(d)] / songsOf[artist]);
    }

    // The final slots: rows by their artist's sound position, then ascending (a counting sort).
    std::vector<std::int32_t> artistsBySound = orderBySound(artistSounds, songsOf);
    const std::vector<std::int32_t> positionOf = soundPositions(artistsBySound);
    const auto positionOfSlot = [&](std::size_t slot) {
        const std::int32_t artist = artistOf[slot];
        return artist < 0 ? 0 : positionOf[static_cast<std::size_t>(artist)];
    };
    std::vector<std::size_t> firstAt(artistCount + 2, 0);
    for (std::size_t slot = 0; slot < rows.size(); ++slot)
        ++firstAt[static_cast<std::size_t>(positionOfSlot(slot)) + 1];
    std::partial_sum(firstAt.begin(), firstAt.end(), firstAt.begin());
    std::vector<std::int32_t> packedRows(blocks * kPackedLanes, -1);
    std::vector<std::int32_t> packedArtists(packedRows.size(), -1);
    std::vector<std::int32_t> slotOf(static_cast<std::size_t>(n), -1);
    std::vector<std::int32_t> blockSounds(2 * blocks, 0);
    std::vector<float> packed(byRow.size(), 0.0f);
    for (std::size_t from = 0; from < rows.size(); ++from) {
        const std::int32_t position = positionOfSlot(from);
        const std::size_t slot = firstAt[static_cast<std::size_t>(position)]++;
        const int row = rows[from];
        packedRows[slot] = row;
        packedArtists[slot] = artistOf[from];
        slotOf[static_cast<std::size_t>(row)] = static_cast<std::int32_t>(slot);
        for (int d = 0; d < kContentDims; ++d)
            packed[packedOffset(slot) + static_cast<std::size_t>(d) * kPackedLanes] = packedValue(byRow, from, d);
        // Positions only rise along the slots: a block's first slot has its lowest, its last its highest.
        const std::size_t block = slot / kPackedLanes;
        if (slot % kPackedLanes == 0)
            blockSounds[2 * block] = position;
        blockSounds[2 * block + 1] = std::max(blockSounds[2 * block + 1], position);
    }

    return Columns{ValueColumn(std::move(rankable)),       ValueColumn(std::move(detectedOf)),
                   ValueColumn(std::move(knownOf)),        ValueColumn(std::move(informative)),
                   ValueColumn(std::move(ranges)),         ValueColumn(std::move(quantiles)),
                   ValueColumn(std::move(pitchShares)),    ValueColumn(std::move(packed)),
                   ValueColumn(std::move(packedRows)),     ValueColumn(std::move(slotOf)),
                   ValueColumn(std::move(songStarts)),     ValueColumn(std::move(songRows)),
                   ValueColumn(std::move(packedArtists)),  ValueColumn(std::move(artistSounds)),
                   ValueColumn(std::move(artistsBySound)), ValueColumn(std::move(blockSounds))};
}

FeatureSpace::FeatureSpace(const Catalog &catalog, Columns columns)
    : m_columns(std::move(columns)), m_features(catalog.columns().features), m_songOf(catalog.columns().songs)
{
    // Only the last block is padded (-1), so this looks at most kPackedLanes slots.
    const std::span<const std::int32_t> rows = packedRows();
    std::size_t rankable = rows.size();
    while (rankable > 0 && rows[rankable - 1] == -1)
        --rankable;
    m_rankableCount = static_cast<int>(rankable);
    for (Feature f : kAllFeatures)
        m_quantileCounters[static_cast<std::size_t>(index(f))] = SortedCounter(quantilesOf(f));
}

bool FeatureSpace::fits(const Columns &c, const Catalog &catalog)
{
    const auto n = static_cast<std::size_t>(catalog.size());
    const double lastRow = static_cast<double>(n) - 1;
    const auto songs = static_cast<std::size_t>(catalog.songCount());
    if (c.rankable.size() != n || c.detected.size() != n || c.known.size() != n || c.informative.size() != kFeatureCount
        || c.ranges.size() != 2 * kFeatureCount || c.quantiles.size() != kFeatureCount * (kQuantiles + 1)
        || c.pitchShares.size() != 12 || c.packedRows.size() % kPackedLanes != 0
        || c.packed.size() != c.packedRows.size() * kContentDims || c.slotOf.size() != n
        || !startsFit(c.songStarts, songs, n) || c.songRows.size() != n || c.packedArtists.size() != c.packedRows.size()
        || c.artistSounds.size()
            != (static_cast<std::size_t>(catalog.artistCount()) + kPackedLanes - 1) / kPackedLanes * kPackedLanes
                * kContentDims
        || c.artistsBySound.size() != static_cast<std::size_t>(catalog.artistCount())
        || c.blockSounds.size() != 2 * c.packedRows.size() / kPackedLanes)
        return false;
    // The rankable rows, then the padding.
    const auto padding = std::find(c.packedRows.begin(), c.packedRows.end(), -1);
    const auto rankable = padding - c.packedRows.begin();
    if (!c.packedRows.extent().within(-1, lastRow)
        || !std::all_of(padding, c.packedRows.end(), [](std::int32_t row) { return row == -1; })
        || c.packedRows.end() - padding >= kPackedLanes || !soundOrderFits(c, static_cast<std::size_t>(rankable)))
        return false;
    // Each rankable row has the slot that names it, every other row none.
    std::ptrdiff_t slotted = 0;
    for (std::size_t row = 0; row < n; ++row) {
        const std::int32_t slot = c.slotOf[row];
        const bool fitsSlot = slot < 0 ? slot == -1 && c.rankable[row] == 0
                                       : slot < rankable && c.rankable[row] == 1
                && static_cast<std::size_t>(c.packedRows[static_cast<std::size_t>(slot)]) == row;
        if (!fitsSlot)
            return false;
        slotted += slot >= 0 ? 1 : 0;
    }
    // Content values are finite; a range or quantile is NaN only where no track has the feature.
    const auto notInfinite = [](const auto &column) {
        return std::none_of(column.begin(), column.end(), [](auto value) { return std::isinf(value); });
    };
    return slotted == rankable && c.packed.extent().finite() && notInfinite(c.ranges) && notInfinite(c.quantiles)
        && c.pitchShares.extent().within(0, 1) && c.detected.extent().within(0, kKeyDetected | kTempoDetected)
        && c.known.extent().within(0, kAllKnown) && c.informative.extent().within(0, 1)
        && c.songRows.extent().within(0, lastRow)
        && c.packedArtists.extent().within(-1, static_cast<double>(catalog.artistCount()) - 1)
        && c.artistSounds.extent().finite();
}

// Whether artistsBySound names every artist once and each block's sound positions bound those
// of its rows: the content ranking skips blocks by them.
bool FeatureSpace::soundOrderFits(const Columns &c, std::size_t rankable)
{
    const std::size_t artists = c.artistsBySound.size();
    if (!c.artistsBySound.extent().within(0, static_cast<double>(artists) - 1)
        || !c.blockSounds.extent().within(0, static_cast<double>(artists)))
        return false;
    const std::vector<std::int32_t> positionOf = soundPositions(c.artistsBySound.span());
    if (positionOf.size() != artists)
        return false;
    for (std::size_t slot = 0; slot < rankable; ++slot) {
        const std::int32_t artist = c.packedArtists[slot];
        if (artist >= static_cast<std::int32_t>(artists))
            return false;
        const std::int32_t position = artist < 0 ? 0 : positionOf[static_cast<std::size_t>(artist)];
        const std::size_t block = slot / kPackedLanes;
        if (position < c.blockSounds[2 * block] || position > c.blockSounds[2 * block + 1])
            return false;
    }
    return true;
}

FeatureSpace::ContentVector FeatureSpace::artistSound(int artist) const
{
    ContentVector sound = ContentVector::Zero();
    if (artist >= 0 && static_cast<std::size_t>(artist) < artistSlots())
        for (int d = 0; d < kContentDims; ++d)
            sound(d) = packedValue(m_columns.artistSounds.span(), static_cast<std::size_t>(artist), d);
    return sound;
}

bool FeatureSpace::soundsLike(const ContentVector &sound, const ContentVector &w2, std::span<float> alike) const
{
    const float normSquared = sound.cwiseAbs2().dot(w2);
    if (!(normSquared >= kZeroNormSquared) || alike.size() != artistSlots())
        return false;
    soundsAlike(m_columns.artistSounds.span(), LaneVector(w2.cwiseProduct(sound)), LaneVector(w2),
                std::sqrt(normSquared), alike.data());
    return true;
}

FeatureSpace::ContentVector FeatureSpace::contentRow(int row) const
{
    ContentVector v = ContentVector::Zero();
    const std::int32_t slot = m_columns.slotOf[static_cast<std::size_t>(row)];
    if (slot < 0)
        return v;
    for (int d = 0; d < kContentDims; ++d)
        v(d) = packedValue(packedContent(), static_cast<std::size_t>(slot), d);
    return v;
}

const FeatureSpace::TutorialMatrix &FeatureSpace::tutorialRows() const
{
    std::call_once(m_tutorial->once, [this] { makeTutorial(*m_tutorial); });
    return m_tutorial->rows;
}

std::span<const std::uint8_t> FeatureSpace::complete() const
{
    tutorialRows();
    return m_tutorial->complete;
}

int FeatureSpace::completeCount() const
{
    tutorialRows();
    return m_tutorial->completeCount;
}

// Tutorial: MinMax scaling, then unit rows; complete rows only.
void FeatureSpace::makeTutorial(LazyTutorial &tutorial) const
{
    const int n = size();
    const Catalog::FeatureView x(m_features.data(), n, kFeatureCount);
    std::vector<int> rows;
    tutorial.complete.assign(static_cast<std::size_t>(n), 0);
    for (int row = 0; row < n; ++row) {
        if (isComplete(row)) {
            rows.push_back(row);
            tutorial.complete[static_cast<std::size_t>(row)] = 1;
        }
    }
    tutorial.completeCount = static_cast<int>(rows.size());
    // The ranges over the complete rows, as the seed project's scaler would see them.
    std::array<double, kFeatureCount> low{};
    std::array<double, kFeatureCount> high{};
    low.fill(std::numeric_limits<double>::infinity());
    high.fill(-std::numeric_limits<double>::infinity());
    for (int row : rows) {
        for (std::size_t c = 0; c < low.size(); ++c) {
            low[c] = std::min(low[c], static_cast<double>(x(row, static_cast<int>(c))));
            high[c] = std::max(high[c], static_cast<double>(x(row, static_cast<int>(c))));
        }
    }
    std::array<double, kFeatureCount> scale{};
    for (std::size_t c = 0; c < scale.size(); ++c) {
        low[c] = rows.empty() ? 0.0 : low[c];
        const double range = rows.empty() ? 0.0 : high[c] - low[c];
        scale[c] = range < kZeroRange ? 1.0 : 1.0 / range;
    }
    tutorial.rows = TutorialMatrix::Zero(n, kFeatureCount);
    for (int row : rows) {
        std::array<double, kFeatureCount> v{};
        double squares = 0.0;
        for (int c = 0; c < kFeatureCount; ++c) {
            const auto i = static_cast<std::size_t>(c);
            v[i] = (static_cast<double>(x(row, c)) - low[i]) * scale[i];
            squares += v[i] * v[i];
        }
        const double norm = std::sqrt(squares);
        if (norm < kZeroNorm)
            continue;
        for (int c = 0; c < kFeatureCount; ++c)
            tutorial.rows(row, c) = static_cast<float>(v[static_cast<std::size_t>(c)] / norm);
    }
}

bool FeatureSpace::isDetected(int row, Feature feature) const
{
    if (!isKnown(row, feature))
        return false;
    const std::uint8_t detected = m_columns.detected[static_cast<std::size_t>(row)];
    switch (feature) {
    case Feature::Key: return (detected & kKeyDetected) != 0;
    case Feature::Tempo: return (detected & kTempoDetected) != 0;
    default: return true;
    }
}

std::span<const int> FeatureSpace::copiesOf(int row) const
{
    return compressedRow(m_columns.songStarts, m_columns.songRows,
                         static_cast<std::size_t>(m_songOf[static_cast<std::size_t>(row)]));
}

FeatureSpace::MatchExplainer::MatchExplainer(const FeatureSpace &space, int seedRow, const Weights &weights)
    : m_space(&space), m_seedRow(seedRow), m_seed(space.contentRow(seedRow))
{
    const ContentVector w = contentWeights(weights);
    for (Feature f : kAllFeatures)
        if (w(contentDim(f)) != 0.0f && space.isInformative(f) && space.isDetected(seedRow, f))
            m_features.push_back(f);

    const int key = contentDim(Feature::Key);
    std::array<double, 12> distance;
    for (std::size_t pitch = 0; pitch < distance.size(); ++pitch) {
        const double dc = m_seed(key) - pitchCircle()[pitch][0];
        const double ds = m_seed(key + 1) - pitchCircle()[pitch][1];
        distance[pitch] = std::sqrt(dc * dc + ds * ds);
    }
    m_pitchDistances = distance;
    std::sort(m_pitchDistances.begin(), m_pitchDistances.end());
    for (std::size_t within = 1; within < m_pitchSharesWithin.size(); ++within) {
        double share = 0.0;
        for (std::size_t pitch = 0; pitch < distance.size(); ++pitch)
            if (distance[pitch] <= m_pitchDistances[within - 1])
                share += space.m_columns.pitchShares[pitch];
        m_pitchSharesWithin[within] = share;
    }
}

double FeatureSpace::MatchExplainer::shareWithin(Feature feature, float distance) const
{
    if (feature == Feature::Key) {
        // A little slack, so the seed's own pitch class counts despite float rounding.
        const auto within = std::upper_bound(m_pitchDistances.begin(), m_pitchDistances.end(), distance + 1e-4);
        return m_pitchSharesWithin[static_cast<std::size_t>(within - m_pitchDistances.begin())];
    }
    if (std::isnan(m_space->quantilesOf(feature).front()))  // no rankable track has the feature
        return 1.0;
    const SortedCounter &quantiles = m_space->m_quantileCounters[static_cast<std::size_t>(index(feature))];
    const float seedValue = m_seed(contentDim(feature));
    const std::size_t low = quantiles.countBefore(seedValue - distance, std::less<>());
    const std::size_t high = quantiles.countBefore(seedValue + distance, std::less_equal<>());
    return static_cast<double>(high - low) / static_cast<double>(quantiles.size());
}

FeatureSpace::FeatureList FeatureSpace::MatchExplainer::closestFeatures(int row, int count) const
{
    FeatureList matched;
    std::array<double, kFeatureCount> shares;
    const ContentVector other = m_space->contentRow(row);
    for (Feature f : m_features) {
        if (!m_space->isDetected(row, f))
            continue;
        const int dim = contentDim(f);
        float distance = 0.0f;
        if (f == Feature::Key) {
            const float dc = m_seed(dim) - other(dim);
            const float ds = m_seed(dim + 1) - other(dim + 1);
            distance = std::sqrt(dc * dc + ds * ds);
        } else {
            distance = std::abs(m_seed(dim) - other(dim));
        }
        shares[matched.size()] = shareWithin(f, distance);
        matched.push_back(f);
    }
    // The `count` smallest shares, ties in feature order: a few passes over at most eleven
    // values, where sorting them mispredicts at nearly every step.
    FeatureList features;
    for (int picked = 0; picked < count && features.size() < matched.size(); ++picked) {
        std::size_t best = 0;
        for (std::size_t i = 1; i < matched.size(); ++i)
            best = shares[i] < shares[best] ? i : best;
        features.push_back(matched[best]);
        shares[best] = std::numeric_limits<double>::infinity();
    }
    return features;
}

}  // namespace encore
