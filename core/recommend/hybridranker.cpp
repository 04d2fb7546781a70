#include "hybridranker.h"

#include "keycounts.h"
#include "lanes.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numeric>
#include <unordered_map>

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

// A cosine is at most 1, give or take float rounding: what the audio part of a slot's relevance
// is assumed to reach at most when deciding whether to compute it.
constexpr float kCosineCeiling = 1.001f;

// A row that may make the list, with its relevance so far as its score, and its primary artist
// (-1: none). Ranked as any ScoredRow (rankedBefore).
struct Candidate : ScoredRow {
    std::int32_t artist = -1;
};

// Which rows a list may hold, asked in rank order: one copy of each song, at most `maxPerArtist`
// songs of one artist (0: no cap), none of `excludedSorted`.
class ListRule {
public:
    ListRule(const FeatureSpace &space, int maxPerArtist, std::span<const int> excludedSorted)
        : m_space(space), m_maxPerArtist(maxPerArtist), m_excludedSorted(excludedSorted)
    {}

    // Whether a list holding the candidates admitted since restart() may hold this one next; it
    // then holds it.
    bool admits(const Candidate &candidate)
    {
        const int row = candidate.row;
        const int artist = candidate.artist;
        if (m_maxPerArtist > 0 && artist >= 0 && m_perArtist.countOf(artist) >= m_maxPerArtist)
            return false;
        if (std::binary_search(m_excludedSorted.begin(), m_excludedSorted.end(), row))
            return false;
        if (m_songs.add(m_space.songOf(row)) > 0)
            return false;
        if (artist >= 0)
            m_perArtist.add(artist);
        return true;
    }
    void restart()
    {
        m_perArtist.clear();
        m_songs.clear();
    }

private:
    const FeatureSpace &m_space;
    int m_maxPerArtist;
    std::span<const int> m_excludedSorted;
    KeyCounts m_perArtist;
    KeyCounts m_songs;
};

// The slots of the most relevant rows, offered one by one: keeps the best until `wanted` of them
// may be listed (every slot offered when fewer can), and every slot that ranks before the worst
// of those, higher relevance first, then the lower row, as the lists are ranked. The bar rises
// as better ones come. Counting what a list may hold rather than rows keeps the bar high when one
// artist's or song's rows crowd the top. A few comparisons per slot instead of storing, sampling
// and sorting them all; many equal relevances (rows no term lifts) cost no more than any.
class BestSlots {
public:
    BestSlots(std::size_t wanted, ListRule &rule, const FeatureSpace &space)
        : m_wanted(std::max<std::size_t>(wanted, 1)), m_tightenAt(4 * m_wanted), m_rule(rule),
          m_rowOfSlot(space.packedRows()), m_artistOfSlot(space.packedArtists())
    {}

    float threshold() const { return m_worst.score; }

    // A slot's relevance, every term counted; each slot at most once.
    void offer(std::uint32_t slot, float relevance)
    {
        if (relevance >= m_worst.score)
            keep(candidateAt(slot, relevance));
    }

    // The kept rows that still rank before the worst kept, in no particular order. Every row
    // offered that ranks before it is among them.
    std::vector<Candidate> rows() const
    {
        std::vector<Candidate> passed;
        for (const Candidate &kept : m_kept)
            if (!rankedBefore(m_worst, kept))
                passed.push_back(kept);
        return passed;
    }

private:
    // A slot's row and artist are read while the pass has the slot's neighbours in cache, not
    // when the kept are counted.
    Candidate candidateAt(std::uint32_t slot, float relevance) const
    {
        return {{m_rowOfSlot[slot], relevance}, m_artistOfSlot[slot]};
    }

    void keep(const Candidate &candidate)
    {
        if (!rankedBefore(candidate, m_worst))
            return;
        m_kept.push_back(candidate);
        if (m_kept.size() >= m_tightenAt)
            tighten();
    }

    // Keeps the best up to the `wanted`-th a list may hold, if that many may be listed. The kept
    // after a tighten stay in order, and the next one merges the new ones in.
    void tighten()
    {
        const auto unsorted = m_kept.begin() + static_cast<std::ptrdiff_t>(m_sorted);
        std::sort(unsorted, m_kept.end(), RankedBefore{});
        std::inplace_merge(m_kept.begin(), unsorted, m_kept.end(), RankedBefore{});
        m_rule.restart();
        std::size_t listed = 0;
        for (std::size_t i = 0; i < m_kept.size(); ++i) {
            if (m_rule.admits(m_kept[i]) && ++listed == m_wanted) {
                m_worst = m_kept[i];
                m_kept.resize(i + 1);
                break;
            }
        }
        m_sorted = m_kept.size();
        m_tightenAt = std::max(4 * m_wanted, 2 * m_kept.size());
    }

    std::size_t m_wanted;
    std::size_t m_tightenAt;  // how many kept rows call for the next tighten()
    ListRule &m_rule;
    std::span<const std::int32_t> m_rowOfSlot;
    std::span<const std::int32_t> m_artistOfSlot;
    // What an offer must rank before; nothing at first.
    Candidate m_worst{{std::numeric_limits<std::int32_t>::max(), -std::numeric_limits<float>::infinity()}};
    std::vector<Candidate> m_kept;  // the first m_sorted in rank order
    std::size_t m_sorted = 0;
};

}  // namespace

// One query folded into what each slot's relevance is made of:
//   relevance(slot) = audioWeight · positive cosine(slot) + base(slot) [+ the extra terms of a few slots]
// with the artist's, the era's and the popularity prior's terms in base().
struct HybridQueryTerms {
    ContentVector towardQuery;  // w2∘q for the seeds' unit direction q
    ContentVector w2;           // squared weights, 0 on the dimensions no seed has
    float audioWeight = 0.0f;
    std::span<const float> artistTerm;  // per artist + 1 (0: none), in this thread's ArtistColumns
    std::vector<float> eraTerm;         // per release year index + 1 (0: unknown, adds 0)
    float popularityWeight = 0.0f;      // 0: the prior is not read
    // (slot, term) of the seeds' albums and the tracks sharing a playlist with a seed, by slot,
    // each slot's in the order they are added.
    std::vector<std::pair<std::uint32_t, float>> extra;

    const std::int32_t *artistOfSlot = nullptr;
    const std::uint16_t *yearOfSlot = nullptr;
    const float *priorOfSlot = nullptr;

    // What slots first .. end get besides audio, into `out`; one loop per term, with nothing to
    // decide per slot.
    void baseOf(std::size_t first, std::size_t end, float *out) const
    {
        for (std::size_t slot = first; slot < end; ++slot)
            out[slot - first] =
                artistTerm[static_cast<std::size_t>(artistOfSlot[slot] + 1)] + eraTerm[yearOfSlot[slot]];
        if (popularityWeight > 0.0f)
            for (std::size_t slot = first; slot < end; ++slot)
                out[slot - first] += popularityWeight * (priorOfSlot[slot] - PopularityPrior::kNeutral);
    }
};

namespace {

// The relevance of one slot before its extra terms: its block's cosines as offerSlots() computes
// them (`towardQuery` and `w2` as LaneVectors of the terms'), so the same to the bit.
float relevanceOf(const FeatureSpace &space, const HybridQueryTerms &terms, const LaneVector &towardQuery,
                  const LaneVector &w2, std::size_t slot)
{
    const std::size_t first = slot / kLanes * kLanes;
    Lanes unitLength;
    broadcast(unitLength, 1.0f);
    Lanes cosine;
    positiveCosine(space.packedContent().data() + first * kContentDims, towardQuery, w2, unitLength, cosine);
    float base = 0.0f;
    terms.baseOf(slot, slot + 1, &base);
    return terms.audioWeight * cosine[static_cast<int>(slot - first)] + base;
}

// Offers `best` the relevance of every rankable slot but the few with extra terms (offered
// before the pass, so that the bar starts at the most relevant rows). A chunk of slots at a
// time: first what each gets besides audio, then the cosines of the blocks where some slot could
// still reach the threshold with a perfect cosine. Audio is scaled small, so most blocks are
// decided without reading their content vectors; the few that are read are fetched together,
// since the hardware no longer sees a stream to prefetch.
ENCORE_SIMD_CLONES
void offerSlots(const FeatureSpace &space, const HybridQueryTerms &terms, BestSlots &best)
{
    auto extra = terms.extra.begin();  // slots ascend through the pass, as the extra terms do
    constexpr std::size_t kChunk = 64 * kLanes;
    constexpr std::size_t kBlockFloats = kContentDims * kLanes;
    constexpr std::size_t kCacheLineFloats = 64 / sizeof(float);
    const auto slotCount = static_cast<std::size_t>(space.rankableCount());
    const float *packed = space.packedContent().data();
    const std::int32_t *rowOfSlot = space.packedRows().data();
    const LaneVector towardQuery(terms.towardQuery);
    const LaneVector w2(terms.w2);
    Lanes unitLength;
    broadcast(unitLength, 1.0f);
    Lanes audioCeiling;
    broadcast(audioCeiling, terms.audioWeight * kCosineCeiling);
    std::array<float, kChunk> base;
    std::array<std::size_t, kChunk / kLanes> reachable;
    for (std::size_t chunk = 0; chunk < slotCount; chunk += kChunk) {
        const std::size_t end = std::min(chunk + kChunk, slotCount);
        terms.baseOf(chunk, end, base.data());
        // The slots past the last of a partial block never reach anything.
        std::fill(base.begin() + static_cast<std::ptrdiff_t>(end - chunk), base.end(),
                  -std::numeric_limits<float>::infinity());
        // The threshold only rises: a block out of reach now stays out of reach.
        Lanes threshold;
        broadcast(threshold, best.threshold());
        std::size_t blocks = 0;
        for (std::size_t first = chunk; first < end; first += kLanes) {
            Lanes reach;
            load(reach, base.data() + (first - chunk));
            reach += audioCeiling;
            if (!anyLane(reach >= threshold))
                continue;
            reachable[blocks++] = first;
            for (std::size_t at = 0; at < kBlockFloats; at += kCacheLineFloats)
                __builtin_prefetch(packed + first * kContentDims + at);
            __builtin_prefetch(rowOfSlot + first);  // BestSlots keeps the rows it offers
        }
        for (std::size_t block = 0; block < blocks; ++block) {
            const std::size_t first = reachable[block];
            Lanes cosine;
            positiveCosine(packed + first * kContentDims, towardQuery, w2, unitLength, cosine);
            for (std::size_t slot = first; slot < std::min(first + kLanes, end); ++slot) {
                while (extra != terms.extra.end() && extra->first < slot)
                    ++extra;
                if (extra != terms.extra.end() && extra->first == slot)
                    continue;
                best.offer(static_cast<std::uint32_t>(slot),
                           terms.audioWeight * cosine[static_cast<int>(slot - first)] + base[slot - chunk]);
            }
        }
    }
}

// The first `size` of `candidates` in rank order that `rule` lets a list hold. MMR picks from
// these, so it never has to skip. The candidates are put in order only as far as the pool needs
// them.
std::vector<ScoredRow> listable(ListRule &rule, std::vector<Candidate> candidates, std::size_t size)
{
    std::vector<ScoredRow> pool;
    rule.restart();
    std::size_t ordered = 0;
    for (std::size_t i = 0; i < candidates.size() && pool.size() < size; ++i) {
        if (i == ordered) {
            const auto from = candidates.begin() + static_cast<std::ptrdiff_t>(ordered);
            ordered = std::min(candidates.size(), std::max(2 * ordered, 2 * size));
            const auto to = candidates.begin() + static_cast<std::ptrdiff_t>(ordered);
            std::nth_element(from, to, candidates.end(), RankedBefore{});
            std::sort(from, to, RankedBefore{});
        }
        if (rule.admits(candidates[i]))
            pool.push_back(candidates[i]);
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
    if (firstYear <= lastYear) {
        m_firstYear = firstYear;
        // Years beyond what two bytes index count as unknown; no catalog spans 65,000 years.
        m_yearCount = std::min(lastYear - firstYear + 1, int{std::numeric_limits<std::uint16_t>::max()} - 1);
    }
    m_albumCount = catalog.albumCount();
}

const HybridRanker::Lookups &HybridRanker::lookups(const FeatureSpace &space) const
{
    std::call_once(m_lookups->once, [this, &space, &lookups = *m_lookups] {
        // Row by row, each written to its slot: the rows' dates and priors are read in order,
        // as the slots do not follow the rows.
        const std::size_t slotCount = space.packedRows().size();
        const ValueColumn<float> &prior = m_popularity.values();
        lookups.yearOfSlot.assign(slotCount, 0);
        lookups.priorOfSlot.assign(slotCount, PopularityPrior::kNeutral);
        for (int row = 0; row < space.size(); ++row) {
            const int slot = space.slotOf(row);
            if (slot < 0)
                continue;
            if (const int year = yearOf(row) - m_firstYear; year >= 0 && year < m_yearCount)
                lookups.yearOfSlot[static_cast<std::size_t>(slot)] = static_cast<std::uint16_t>(year + 1);
            lookups.priorOfSlot[static_cast<std::size_t>(slot)] = prior[static_cast<std::size_t>(row)];
        }

        // Album by album, by counting: each album's start moves up as its rows are placed, rows
        // ascending, and ends where the next one starts.
        std::vector<std::int32_t> &starts = lookups.albumStarts;
        starts.assign(static_cast<std::size_t>(m_albumCount) + 1, 0);
        for (std::int32_t album : m_albumOf)
            if (album >= 0)
                ++starts[static_cast<std::size_t>(album) + 1];
        std::partial_sum(starts.begin(), starts.end(), starts.begin());
        lookups.albumRows.resize(static_cast<std::size_t>(starts.back()));
        for (std::size_t row = 0; row < m_albumOf.size(); ++row)
            if (const std::int32_t album = m_albumOf[row]; album >= 0)
                lookups.albumRows[static_cast<std::size_t>(starts[static_cast<std::size_t>(album)]++)] =
                    static_cast<std::int32_t>(row);
        std::copy_backward(starts.begin(), starts.end() - 1, starts.end());
        starts.front() = 0;
    });
    return *m_lookups;
}

namespace {

// The per-artist columns of a query, kept on each thread from one query to the next: with a
// million playlists each holds 1.6 MB, and memory fresh from the system costs a page fault per
// 4 KB at every query (over half of the query's time there).
struct ArtistColumns {
    std::vector<float> people;
    std::vector<float> metadata;  // same artist, then sounding alike
    std::vector<float> alike;
    std::vector<float> term;  // HybridQueryTerms::artistTerm, valid until the thread's next query
};

ArtistColumns &artistColumns()
{
    thread_local ArtistColumns columns;
    return columns;
}

}  // namespace

HybridQueryTerms HybridRanker::termsOf(const FeatureSpace &space, const HybridQuery &query,
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
    ArtistColumns &perArtist = artistColumns();
    std::vector<float> &artistPeople = perArtist.people;
    std::vector<float> &artistMetadata = perArtist.metadata;
    artistPeople.assign(static_cast<std::size_t>(m_cooccurrence.artistCount()), 0.0f);
    artistMetadata.assign(artistPeople.size(), 0.0f);
    ContentVector seedsSound = ContentVector::Zero();  // the seeds' artists' sounds, weighted
    std::unordered_map<int, float> sameAlbum;          // album: the weight of its seeds
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
        if (const int album = m_albumOf[row]; album >= 0)
            sameAlbum[album] += seed.weight;
        if (const int year = yearOf(seed.row); year > 0)
            yearWeights[year] += seed.weight;
    }
    // Beside same artist: how much each artist sounds like the seeds' artists together, under
    // the weights of the audio part.
    std::vector<float> &artistsAlike = perArtist.alike;
    artistsAlike.assign(space.artistSlots(), 0.0f);
    if (space.soundsLike(seedsSound, w.cwiseProduct(seedsKnow).cwiseAbs2(), artistsAlike))
        for (std::size_t artist = 0; artist < std::min(artistMetadata.size(), artistsAlike.size()); ++artist)
            artistMetadata[artist] += kArtistSoundShare * artistsAlike[artist];
    const float audioNormSquared = audioQuery.squaredNorm();
    if (audioNormSquared >= kZeroNormSquared)
        audioQuery /= std::sqrt(audioNormSquared);
    // What an artist's tracks get from people and metadata together, at index artist + 1 (0: no
    // artist), so that the pass over every slot reads one value per artist.
    HybridQueryTerms terms;
    std::vector<float> &artistTerm = perArtist.term;
    artistTerm.assign(artistPeople.size() + 1, 0.0f);
    for (std::size_t artist = 0; artist < artistPeople.size(); ++artist)
        artistTerm[artist + 1] =
            alpha * (1.0f - kTrackShare) * artistPeople[artist] + kMetadataWeight * artistMetadata[artist];
    terms.artistTerm = artistTerm;
    const auto eraOf = [&](float year) {
        float era = 0.0f;
        for (const auto &[seedYear, weight] : yearWeights)
            era += weight * std::exp(-std::abs(year - static_cast<float>(seedYear)) / kEraYears);
        return era;
    };
    // The era term of every release year the library spans, once per query rather than per row.
    terms.eraTerm.assign(static_cast<std::size_t>(m_yearCount) + 1, 0.0f);
    for (int i = 0; i < m_yearCount; ++i)
        terms.eraTerm[static_cast<std::size_t>(i) + 1] =
            kMetadataWeight * kEraShare * eraOf(static_cast<float>(m_firstYear + i));

    // The audio cosine of a slot with the seeds' direction is (w∘c)·q / |w∘c|, without making
    // each row unit length first. Only features some seed has are compared; a candidate without
    // any of them has no audio part.
    const ContentVector compared = w.cwiseProduct(seedsKnow);
    terms.towardQuery = compared.cwiseProduct(audioQuery);
    terms.w2 = compared.cwiseAbs2();
    // Seeds without a feature in common with anything give every cosine 0: then the audio part
    // weighs nothing, and no content vector is read.
    terms.audioWeight = terms.towardQuery.squaredNorm() > 0.0f ? (1.0f - alpha) * kAudioScale : 0.0f;
    terms.popularityWeight = popularityWeight;
    terms.artistOfSlot = space.packedArtists().data();
    const Lookups &lookup = lookups(space);
    terms.yearOfSlot = lookup.yearOfSlot.data();
    terms.priorOfSlot = lookup.priorOfSlot.data();

    // The terms only a few rows get: the seeds' albums, and playlists shared with a seed.
    const auto rankable = static_cast<std::size_t>(space.rankableCount());
    const auto addExtra = [&](int row, float term) {
        if (const int slot = space.slotOf(row); slot >= 0 && static_cast<std::size_t>(slot) < rankable)
            terms.extra.emplace_back(static_cast<std::uint32_t>(slot), term);
    };
    for (const auto &[album, weight] : sameAlbum) {
        const float term = kMetadataWeight * weight;
        for (auto at = lookup.albumStarts[static_cast<std::size_t>(album)];
             at < lookup.albumStarts[static_cast<std::size_t>(album) + 1]; ++at)
            addExtra(lookup.albumRows[static_cast<std::size_t>(at)], term);
    }
    for (const auto &[row, score] : trackPeople)
        addExtra(row, alpha * kTrackShare * score);
    std::stable_sort(terms.extra.begin(), terms.extra.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    return terms;
}

namespace {

// The most relevant slots until `wanted` may be listed (BestSlots), every term counted.
BestSlots mostRelevant(const FeatureSpace &space, const HybridQueryTerms &terms, ListRule &rule, std::size_t wanted)
{
    BestSlots best(wanted, rule, space);
    const LaneVector towardQuery(terms.towardQuery);
    const LaneVector w2(terms.w2);
    for (auto at = terms.extra.begin(); at != terms.extra.end();) {
        const std::uint32_t slot = at->first;
        float value = relevanceOf(space, terms, towardQuery, w2, slot);
        for (; at != terms.extra.end() && at->first == slot; ++at)
            value += at->second;
        best.offer(slot, value);
    }
    offerSlots(space, terms, best);
    return best;
}

}  // namespace

std::vector<ScoredRow> HybridRanker::rank(const FeatureSpace &space, const HybridQuery &query,
                                          const HybridSettings &settings) const
{
    const int k = std::min(query.k, space.rankableCount());
    if (k <= 0)
        return {};
    const float diversity = std::clamp(settings.diversity, 0.0f, 1.0f);
    const ContentVector w = FeatureSpace::contentWeights(query.featureWeights);

    // MMR picks from a pool of the most relevant songs it may list, gathered from the most
    // relevant rows. Without diversity MMR would pick the pool in order: the pool is the list.
    const HybridQueryTerms terms = termsOf(space, query, settings);
    const auto poolSize = static_cast<std::size_t>(diversity > 0.0f ? std::max(8 * k, k + 100) : k);
    ListRule rule(space, settings.maxPerArtist, query.excludedSorted);
    const std::vector<ScoredRow> pool = listable(rule, mostRelevant(space, terms, rule, poolSize).rows(), poolSize);
    if (diversity == 0.0f || pool.empty())
        return pool;
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
