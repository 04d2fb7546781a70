#include "hybridranker.h"

#include "lanes.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_map>
#include <unordered_set>

namespace encore {

namespace {

// Content cosines of a seed's best candidates differ by hundredths, co-occurrence scores by
// tenths, and the artists' sound in the metadata already carries much of what audio says: the
// audio part is scaled so that it mostly orders what people and the metadata propose (chosen by
// cross-validation, see the README).
constexpr float kAudioScale = 0.02f;
// How much same artist, same album and release era count beside audio and people.
constexpr float kMetadataWeight = 0.1f;
// Within people: sharing playlists with the seed itself, against the seed's artist sharing
// playlists with the candidate's.
constexpr float kTrackShare = 0.7f;
// Within metadata: release era, and the candidate's artist sounding like the seeds' artists
// (FeatureSpace::soundsLike), against same artist and same album (1 each).
constexpr float kEraShare = 0.5f;
constexpr float kArtistSoundShare = 0.5f;
// Release years this far apart are about a third as close as the same year.
constexpr float kEraYears = 5.0f;

using ContentVector = FeatureSpace::ContentVector;

// max(0, (w∘c)·q / |w∘c|) of every packed slot (`towardQuery` = w∘q for a unit q, `w2` = w∘w),
// into `out`.
ENCORE_SIMD_CLONES
void audioCosines(std::span<const float> packed, const LaneVector &towardQuery, const LaneVector &w2, float *out)
{
    positiveCosines(packed, towardQuery, w2, 1.0f, out);
}

// A relevance about `count` slots exceed, judged from every 64th slot: the pool is gathered by
// comparing each slot with it and sorting the few that pass.
float relevanceAbout(const std::vector<float> &relevance, std::size_t count)
{
    constexpr std::size_t kStride = 64;
    std::vector<float> sample;
    sample.reserve(relevance.size() / kStride + 1);
    for (std::size_t slot = 0; slot < relevance.size(); slot += kStride)
        if (!std::isnan(relevance[slot]))
            sample.push_back(relevance[slot]);
    const std::size_t rank = count / kStride;
    if (rank >= sample.size())
        return -std::numeric_limits<float>::infinity();
    std::nth_element(sample.begin(), sample.begin() + static_cast<std::ptrdiff_t>(rank), sample.end(),
                     std::greater<>());
    return sample[rank];
}

// The rows scoring at or above `threshold` that are not excluded, best first (rankedBefore).
std::vector<ScoredRow> rowsFrom(const FeatureSpace &space, const std::vector<float> &relevance,
                                std::span<const int> excludedSorted, float threshold)
{
    std::vector<ScoredRow> passed;
    const std::span<const std::int32_t> rows = space.packedRows();
    for (std::size_t slot = 0; slot < relevance.size(); ++slot)
        if (relevance[slot] >= threshold
            && !std::binary_search(excludedSorted.begin(), excludedSorted.end(), rows[slot]))
            passed.push_back({rows[slot], relevance[slot]});
    std::sort(passed.begin(), passed.end(), RankedBefore{});
    return passed;
}

// The first `size` of `ranked` (best first) a list may hold: one copy of each song and at most
// `maxPerArtist` songs of one artist (0: no cap). MMR picks from these, so it never has to skip.
std::vector<ScoredRow> listable(const FeatureSpace &space, const Cooccurrence &cooccurrence,
                                const std::vector<ScoredRow> &ranked, int maxPerArtist, std::size_t size)
{
    std::vector<ScoredRow> pool;
    std::unordered_map<int, int> perArtist;
    std::unordered_set<int> songs;
    for (const ScoredRow &candidate : ranked) {
        if (pool.size() == size)
            break;
        const int artist = cooccurrence.artistOf(candidate.row);
        if (maxPerArtist > 0 && artist >= 0 && perArtist[artist] >= maxPerArtist)
            continue;
        if (!songs.insert(space.songOf(candidate.row)).second)
            continue;
        if (artist >= 0)
            ++perArtist[artist];
        pool.push_back(candidate);
    }
    return pool;
}

ContentVector weightedUnitRow(const FeatureSpace &space, int row, const ContentVector &w)
{
    const ContentVector v = space.contentRow(row).cwiseProduct(w);
    const float normSquared = v.squaredNorm();
    return normSquared >= kZeroNormSquared ? ContentVector(v / std::sqrt(normSquared))
                                           : ContentVector(ContentVector::Zero());
}

}  // namespace

HybridRanker::HybridRanker(const Catalog &catalog, Cooccurrence cooccurrence, PopularityPrior popularity)
    : m_cooccurrence(std::move(cooccurrence)), m_popularity(std::move(popularity))
{
    int firstYear = std::numeric_limits<int>::max();
    int lastYear = std::numeric_limits<int>::min();
    for (int row = 0; row < catalog.size(); ++row) {
        if (const int year = catalog.releaseYear(row); year > 0) {
            firstYear = std::min(firstYear, year);
            lastYear = std::max(lastYear, year);
        }
    }
    m_albumOf = catalog.columns().albumKeys;
    m_releaseDates = catalog.columns().releaseDates;
    m_albumCount = catalog.albumCount();
    if (firstYear <= lastYear) {
        m_firstYear = firstYear;
        m_yearCount = lastYear - firstYear + 1;
    }
}

std::vector<float> HybridRanker::relevanceBySlot(const FeatureSpace &space, const HybridQuery &query,
                                                 const HybridSettings &settings) const
{
    const int n = space.size();
    const float alpha = std::clamp(settings.alpha, 0.0f, 1.0f);
    const float popularityWeight = std::max(settings.popularityWeight, 0.0f);

    // The seeds folded into one vector per signal, so every candidate costs the same whatever
    // the number of seeds.
    const ContentVector w = FeatureSpace::contentWeights(query.featureWeights);
    ContentVector audioQuery = ContentVector::Zero();
    ContentVector seedsKnow = ContentVector::Zero();  // 1 on the dimensions some seed has
    std::vector<std::pair<int, float>> trackPeople;   // (row, score): the few sharing a playlist with a seed
    std::vector<float> artistPeople(static_cast<std::size_t>(m_cooccurrence.artistCount()), 0.0f);
    std::vector<float> artistMetadata(artistPeople.size(), 0.0f);  // same artist, then sounding alike
    ContentVector seedsSound = ContentVector::Zero();              // the seeds' artists' sounds, weighted
    std::vector<float> sameAlbum(static_cast<std::size_t>(m_albumCount), 0.0f);
    std::unordered_map<int, float> yearWeights;
    for (const WeightedSeed &seed : query.seeds) {
        if (seed.row < 0 || seed.row >= n || seed.weight == 0.0f)
            continue;
        const auto row = static_cast<std::size_t>(seed.row);
        audioQuery += seed.weight * weightedUnitRow(space, seed.row, w);
        for (Feature f : kAllFeatures)
            if (space.isKnown(seed.row, f))
                seedsKnow.segment(FeatureSpace::contentDim(f), FeatureSpace::contentDimCount(f)).setOnes();
        m_cooccurrence.addTrackScores(seed.row, seed.weight, query.leftOutPlaylist, trackPeople);
        const int artist = m_cooccurrence.artistOf(seed.row);
        if (artist >= 0) {
            m_cooccurrence.addArtistScores(artist, seed.weight, query.leftOutPlaylist, artistPeople);
            artistMetadata[static_cast<std::size_t>(artist)] += seed.weight;
            seedsSound += seed.weight * space.artistSound(artist);
        }
        if (m_albumOf[row] >= 0)
            sameAlbum[static_cast<std::size_t>(m_albumOf[row])] += seed.weight;
        if (const int year = yearOf(seed.row); year > 0)
            yearWeights[year] += seed.weight;
    }
    // Beside same artist: how much each artist sounds like the seeds' artists together, under
    // the weights of the audio part.
    std::vector<float> artistsAlike(space.artistSlots(), 0.0f);
    if (space.soundsLike(seedsSound, w.cwiseProduct(seedsKnow).cwiseAbs2(), artistsAlike))
        for (std::size_t artist = 0; artist < std::min(artistMetadata.size(), artistsAlike.size()); ++artist)
            artistMetadata[artist] += kArtistSoundShare * artistsAlike[artist];
    const float audioNormSquared = audioQuery.squaredNorm();
    if (audioNormSquared >= kZeroNormSquared)
        audioQuery /= std::sqrt(audioNormSquared);
    // What an artist's tracks get from people and metadata together, at index artist + 1 (0: no
    // artist), so that the loop over every row reads one value per artist.
    std::vector<float> artistTerm(artistPeople.size() + 1, 0.0f);
    for (std::size_t artist = 0; artist < artistPeople.size(); ++artist)
        artistTerm[artist + 1] =
            alpha * (1.0f - kTrackShare) * artistPeople[artist] + kMetadataWeight * artistMetadata[artist];
    const auto eraOf = [&](float year) {
        float era = 0.0f;
        for (const auto &[seedYear, weight] : yearWeights)
            era += weight * std::exp(-std::abs(year - static_cast<float>(seedYear)) / kEraYears);
        return era;
    };
    // The era term of every release year the library spans, once per query rather than per row.
    std::vector<float> eraOfYear(static_cast<std::size_t>(m_yearCount));
    for (int i = 0; i < m_yearCount; ++i)
        eraOfYear[static_cast<std::size_t>(i)] =
            kMetadataWeight * kEraShare * eraOf(static_cast<float>(m_firstYear + i));
    for (float &album : sameAlbum)
        album *= kMetadataWeight;

    // The audio cosine of every packed slot with the seeds' direction, as (w∘c)·q / |w∘c|,
    // without making each row unit length first: eight slots at a time. Only features some seed
    // has are compared; a candidate without any of them has no audio part.
    const std::size_t rankable = static_cast<std::size_t>(space.rankableCount());
    std::vector<float> relevance(space.packedRows().size());
    const ContentVector compared = w.cwiseProduct(seedsKnow);
    audioCosines(space.packedContent(), LaneVector(compared.cwiseProduct(audioQuery)), LaneVector(compared.cwiseAbs2()),
                 relevance.data());

    // Then what people and the metadata say, read through local pointers: the compiler cannot
    // tell that writing a score leaves the members alone.
    const std::int32_t *rows = space.packedRows().data();
    const std::int32_t *artists = space.packedArtists().data();
    const std::int32_t *albumOf = m_albumOf.data();
    const std::int32_t *releaseDates = m_releaseDates.data();
    const float audioWeight = (1.0f - alpha) * kAudioScale;
    for (std::size_t slot = 0; slot < rankable; ++slot) {
        const auto r = static_cast<std::size_t>(rows[slot]);
        float value = audioWeight * relevance[slot] + artistTerm[static_cast<std::size_t>(artists[slot] + 1)];
        if (albumOf[r] >= 0)
            value += sameAlbum[static_cast<std::size_t>(albumOf[r])];
        if (const int year = CatalogColumns::yearOf(releaseDates[r]); year > 0)
            value += eraOfYear[static_cast<std::size_t>(year - m_firstYear)];
        relevance[slot] = value;
    }
    // The default weighs popularity 0: then the prior is not read at all.
    if (popularityWeight > 0.0f) {
        const float *prior = m_popularity.values().data();
        for (std::size_t slot = 0; slot < rankable; ++slot)
            relevance[slot] +=
                popularityWeight * (prior[static_cast<std::size_t>(rows[slot])] - PopularityPrior::kNeutral);
    }
    for (const auto &[row, score] : trackPeople)
        if (const int slot = space.slotOf(row); slot >= 0 && static_cast<std::size_t>(slot) < rankable)
            relevance[static_cast<std::size_t>(slot)] += alpha * kTrackShare * score;
    relevance.resize(rankable);  // without the padding
    return relevance;
}

std::vector<ScoredRow> HybridRanker::rank(const FeatureSpace &space, const HybridQuery &query,
                                          const HybridSettings &settings) const
{
    const int k = std::min(query.k, space.rankableCount());
    if (k <= 0)
        return {};
    const std::vector<float> relevance = relevanceBySlot(space, query, settings);
    const float diversity = std::clamp(settings.diversity, 0.0f, 1.0f);
    const ContentVector w = FeatureSpace::contentWeights(query.featureWeights);

    // MMR picks from a pool of the most relevant songs it may list, gathered from the rows above a
    // threshold that is lowered until the pool holds k songs or every row is in.
    const auto poolSize = static_cast<std::size_t>(std::max(8 * k, k + 100));
    std::vector<ScoredRow> pool;
    for (std::size_t gathered = 2 * poolSize;; gathered *= 2) {
        const float threshold = relevanceAbout(relevance, gathered);
        pool = listable(space, m_cooccurrence, rowsFrom(space, relevance, query.excludedSorted, threshold),
                        settings.maxPerArtist, poolSize);
        if (static_cast<int>(pool.size()) >= k || threshold == -std::numeric_limits<float>::infinity())
            break;
    }
    if (pool.empty())
        return {};
    const float top = pool.front().score > 0.0f ? pool.front().score : 1.0f;
    std::vector<ContentVector> unit;
    unit.reserve(pool.size());
    for (const ScoredRow &candidate : pool)
        unit.push_back(weightedUnitRow(space, candidate.row, w));

    std::vector<float> closestPick(pool.size(), 0.0f);
    std::vector<bool> open(pool.size(), true);
    std::vector<ScoredRow> picked;
    while (static_cast<int>(picked.size()) < k) {
        int best = -1;
        float bestValue = -std::numeric_limits<float>::infinity();
        for (std::size_t i = 0; i < pool.size(); ++i) {
            if (!open[i])
                continue;
            const float value = (1.0f - diversity) * pool[i].score / top - diversity * closestPick[i];
            if (value > bestValue) {  // strictly: ties keep the earlier, better-ranked one
                bestValue = value;
                best = static_cast<int>(i);
            }
        }
        if (best < 0)
            break;
        open[static_cast<std::size_t>(best)] = false;
        picked.push_back(pool[static_cast<std::size_t>(best)]);
        for (std::size_t i = 0; i < pool.size(); ++i)
            if (open[i])
                closestPick[i] = std::max(closestPick[i], unit[i].dot(unit[static_cast<std::size_t>(best)]));
    }
    return picked;
}

}  // namespace encore
