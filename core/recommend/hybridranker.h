#pragma once

#include "cooccurrence.h"
#include "featurespace.h"
#include "popularityprior.h"
#include "topk.h"

#include <memory>
#include <mutex>
#include <span>
#include <vector>

namespace encore {

// What the user controls in the hybrid ranking. The defaults were chosen by cross-validation
// (`encore-cli eval --tune`, see the README): on one half of a catalog's playlists, reported
// on the other.
struct HybridSettings {
    float alpha = 0.2f;             // 0 = only what the audio says, 1 = only what people do
    float popularityWeight = 0.0f;  // how much the popularity prior counts, 0 upwards
    float diversity = 0.0f;         // MMR: 0 = pure relevance, 1 = only novelty
    int maxPerArtist = 2;           // at most this many tracks of one artist in a list; 0 = no cap

    friend bool operator==(const HybridSettings &, const HybridSettings &) = default;
};

// One track the ranking is about, with how much it counts: the seed (1), the rest of a
// playlist given as context, liked tracks (positive) and disliked ones (negative).
struct WeightedSeed {
    int row = -1;
    float weight = 0.0f;
};

// One query as HybridRanker ranks it: what each row's relevance is made of (hybridranker.cpp).
struct HybridQueryTerms;

struct HybridQuery {
    std::vector<WeightedSeed> seeds;
    int k = 0;
    FeatureSpace::Weights featureWeights{};  // for the content part
    std::span<const int> excludedSorted;     // never ranked (ascending)
    int leftOutPlaylist = -1;                // a playlist no signal may see, or -1
};

// Blends, for each candidate c and the weighted seeds s_i (weights w_i):
//   audio(c)  = max(0, cosine(Σ w_i ŝ_i, c)) in the weighted content space (ŝ: unit length)
//   people(c) = Σ w_i (0.7 track co-occurrence(s_i, c) + 0.3 artist co-occurrence(s_i, c))
//   meta(c)   = Σ w_i ([same artist] + [same album] + 0.5 exp(-|year(s_i) - year(c)| / 5))
//               + 0.5 max(0, cos(Σ w_i sound(artist(s_i)), sound(artist(c))))
//   score(c)  = (1 - alpha) 0.02 audio + alpha people + 0.1 meta
//               + popularityWeight (prior(c) - 0.5)
// then re-ranks the best candidates by MMR (similarity between picks: content cosine) with at
// most maxPerArtist per primary artist and one copy of each song. Immutable; thread-safe.
class HybridRanker {
public:
    HybridRanker() = default;
    // From parts already built for this catalog (a large library builds them on two threads).
    HybridRanker(const Catalog &catalog, Cooccurrence cooccurrence, PopularityPrior popularity);

    const Cooccurrence &cooccurrence() const { return m_cooccurrence; }
    const PopularityPrior &popularity() const { return m_popularity; }

    // The best k after MMR and the artist cap, in list order. Scores are the blended relevance.
    std::vector<ScoredRow> rank(const FeatureSpace &space, const HybridQuery &query,
                                const HybridSettings &settings) const;

private:
    // The query's seeds folded into the terms of every row's blended score before diversity.
    HybridQueryTerms termsOf(const FeatureSpace &space, const HybridQuery &query, const HybridSettings &settings) const;

    Cooccurrence m_cooccurrence;
    PopularityPrior m_popularity;
    // The release year of a row, 0 when unknown.
    int yearOf(int row) const { return CatalogColumns::yearOf(m_releaseDates[static_cast<std::size_t>(row)]); }

    // The catalog's columns, shared.
    ValueColumn<std::int32_t> m_albumOf;       // album number per row, -1 when unknown
    ValueColumn<std::int32_t> m_releaseDates;  // as CatalogColumns keeps them
    int m_firstYear = 0;                       // the known release years run from here ...
    int m_yearCount = 0;                       // ... for this many years
    int m_albumCount = 0;
    // What the pass over every slot reads besides the content, made on the first hybrid query (a
    // library opened to rank by content never needs it), once even when several threads ask.
    struct Lookups {
        std::once_flag once;
        // Per packed slot, its row's release year - m_firstYear + 1, 0 when unknown: two bytes
        // for the era instead of a row number and a date.
        std::vector<std::uint16_t> yearOfSlot;
        // Per packed slot, its row's popularity prior: the slots do not follow the rows, and a
        // million rows' priors read in slot order would miss the cache at nearly every one.
        std::vector<float> priorOfSlot;
        // The rows of each album, album a's at albumRows[albumStarts[a] .. albumStarts[a + 1]):
        // only the seeds' albums score, so their rows are visited rather than every row's album.
        std::vector<std::int32_t> albumStarts;
        std::vector<std::int32_t> albumRows;
    };
    const Lookups &lookups(const FeatureSpace &space) const;
    std::shared_ptr<Lookups> m_lookups = std::make_shared<Lookups>();
};

}  // namespace encore
