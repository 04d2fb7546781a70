#include "cooccurrence.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace encore {

namespace {

// Frequencies this small (after leaving a playlist out) mean "in no playlist".
constexpr float kNoFrequency = 1e-6f;

float playlistWeight(std::size_t size)
{
    return 1.0f / std::log2(1.0f + static_cast<float>(size));
}

using Incidence = Cooccurrence::Incidence;

// Which sets hold each of `itemCount` items: the transpose of `sets`, each item's sets ascending.
Incidence transposed(const Incidence &sets, int itemCount)
{
    std::vector<std::int32_t> starts(static_cast<std::size_t>(itemCount) + 1, 0);
    for (std::int32_t item : sets.members)
        ++starts[static_cast<std::size_t>(item) + 1];
    std::partial_sum(starts.begin(), starts.end(), starts.begin());
    std::vector<std::int32_t> members(sets.members.size());
    std::vector<std::int32_t> fill(starts.begin(), starts.end() - 1);
    for (int set = 0; set < sets.size(); ++set)
        for (std::int32_t item : sets.of(set))
            members[static_cast<std::size_t>(fill[static_cast<std::size_t>(item)]++)] = set;
    return {ValueColumn(std::move(starts)), ValueColumn(std::move(members))};
}

// f(item) = Σ w_p over the playlists p holding the item.
ValueColumn<float> frequencies(const Incidence &playlistsOfItem, const std::vector<float> &playlistWeights)
{
    std::vector<float> sums(static_cast<std::size_t>(playlistsOfItem.size()), 0.0f);
    for (int item = 0; item < playlistsOfItem.size(); ++item)
        for (std::int32_t playlist : playlistsOfItem.of(item))
            sums[static_cast<std::size_t>(item)] += playlistWeights[static_cast<std::size_t>(playlist)];
    return ValueColumn(std::move(sums));
}

bool holds(const Incidence &members, int set, int item)
{
    if (set < 0 || set >= members.size())
        return false;
    const std::span<const std::int32_t> held = members.of(set);
    return std::binary_search(held.begin(), held.end(), item);
}

// Whether `incidence` relates `sets` sets to `items` items.
bool incidenceFits(const Incidence &incidence, std::size_t sets, std::size_t items)
{
    return startsFit(incidence.starts, sets, incidence.members.size())
        && incidence.members.extent().within(0, static_cast<double>(items) - 1);
}

}  // namespace

Cooccurrence::Cooccurrence(const Catalog &catalog) : Cooccurrence(catalog, build(catalog)) {}

Cooccurrence::Cooccurrence(const Catalog &catalog, Columns columns)
    : m_columns(std::move(columns)), m_artistStarts(catalog.columns().artistStarts),
      m_artistKeys(catalog.columns().artistKeys)
{}

Cooccurrence::Columns Cooccurrence::build(const Catalog &catalog)
{
    // Playlist by playlist, its tracks (artists) sorted and each once.
    const int playlistCount = catalog.playlistCount();
    const std::size_t entries = catalog.columns().playlistRows.size();
    std::vector<std::int32_t> trackStarts{0};
    std::vector<std::int32_t> tracks;
    std::vector<std::int32_t> artistStarts{0};
    std::vector<std::int32_t> artists;
    trackStarts.reserve(static_cast<std::size_t>(playlistCount) + 1);
    artistStarts.reserve(static_cast<std::size_t>(playlistCount) + 1);
    tracks.reserve(entries);
    artists.reserve(entries);
    std::vector<float> weights(static_cast<std::size_t>(playlistCount), 0.0f);
    std::vector<std::int32_t> present;
    for (int p = 0; p < playlistCount; ++p) {
        const auto members = catalog.playlistRows(p);
        const auto first = static_cast<std::ptrdiff_t>(tracks.size());
        tracks.insert(tracks.end(), members.begin(), members.end());
        std::sort(tracks.begin() + first, tracks.end());
        tracks.erase(std::unique(tracks.begin() + first, tracks.end()), tracks.end());
        if (tracks.size() - static_cast<std::size_t>(first) > kLongestPlaylist)
            tracks.resize(static_cast<std::size_t>(first));
        const auto count = static_cast<std::size_t>(static_cast<std::ptrdiff_t>(tracks.size()) - first);
        if (count > 0) {
            weights[static_cast<std::size_t>(p)] = playlistWeight(count);
            present.clear();
            for (auto row = tracks.begin() + first; row != tracks.end(); ++row) {
                const auto credited = catalog.artistsOf(*row);
                present.insert(present.end(), credited.begin(), credited.end());
            }
            std::sort(present.begin(), present.end());
            present.erase(std::unique(present.begin(), present.end()), present.end());
            artists.insert(artists.end(), present.begin(), present.end());
        }
        trackStarts.push_back(static_cast<std::int32_t>(tracks.size()));
        artistStarts.push_back(static_cast<std::int32_t>(artists.size()));
    }

    Columns c;
    c.tracksOfPlaylist = {ValueColumn(std::move(trackStarts)), ValueColumn(std::move(tracks))};
    c.artistsOfPlaylist = {ValueColumn(std::move(artistStarts)), ValueColumn(std::move(artists))};
    c.playlistsOfTrack = transposed(c.tracksOfPlaylist, catalog.size());
    c.playlistsOfArtist = transposed(c.artistsOfPlaylist, catalog.artistCount());
    c.trackFrequencies = frequencies(c.playlistsOfTrack, weights);
    c.artistFrequencies = frequencies(c.playlistsOfArtist, weights);
    c.playlistWeights = ValueColumn(std::move(weights));
    return c;
}

bool Cooccurrence::fits(const Columns &c, const Catalog &catalog)
{
    const auto playlists = static_cast<std::size_t>(catalog.playlistCount());
    const auto tracks = static_cast<std::size_t>(catalog.size());
    const auto artists = static_cast<std::size_t>(catalog.artistCount());
    // Weights and frequencies are sums of weights: finite, never negative.
    const auto weightsFit = [](const ValueColumn<float> &weights) {
        return weights.extent().within(0, std::numeric_limits<double>::infinity());
    };
    return c.playlistWeights.size() == playlists && c.trackFrequencies.size() == tracks && weightsFit(c.playlistWeights)
        && weightsFit(c.trackFrequencies) && weightsFit(c.artistFrequencies) && c.artistFrequencies.size() == artists
        && incidenceFits(c.tracksOfPlaylist, playlists, tracks)
        && incidenceFits(c.artistsOfPlaylist, playlists, artists)
        && incidenceFits(c.playlistsOfTrack, tracks, playlists)
        && incidenceFits(c.playlistsOfArtist, artists, playlists);
}

template <typename Add>
void Cooccurrence::forEachSimilar(const Incidence &itemsOfPlaylist, const Incidence &playlistsOfItem,
                                  const ValueColumn<float> &frequency, int item, int leftOutPlaylist, Add &&add) const
{
    if (item < 0 || item >= playlistsOfItem.size())
        return;
    // Frequencies without the left-out playlist: as if it had never been in the library.
    const float leftOutWeight = leftOutPlaylist >= 0 && leftOutPlaylist < itemsOfPlaylist.size()
        ? m_columns.playlistWeights[static_cast<std::size_t>(leftOutPlaylist)]
        : 0.0f;
    const auto frequencyOf = [&](int other) {
        const float f = frequency[static_cast<std::size_t>(other)];
        return holds(itemsOfPlaylist, leftOutPlaylist, other) ? f - leftOutWeight : f;
    };
    const float seedFrequency = frequencyOf(item);
    if (seedFrequency < kNoFrequency)
        return;

    const auto addTogether = [&](int other, float together) {
        const float otherFrequency = frequencyOf(other);
        if (otherFrequency >= kNoFrequency)
            add(other, together / std::sqrt(seedFrequency * otherFrequency));
    };
    // Σ w_p over shared playlists first, in playlist order, then one division per item reached,
    // in item order. The sums go straight into a column of every item when it is smaller than the
    // entries to visit (artists: few, each met in many playlists), else they are added up from
    // (item, w_p) pairs sorted by item (tracks: many, most met once).
    const std::span<const std::int32_t> playlists = playlistsOfItem.of(item);
    std::size_t entries = 0;
    for (std::int32_t playlist : playlists)
        entries += itemsOfPlaylist.of(playlist).size();
    const auto forEachEntry = [&](auto &&visit) {
        for (std::int32_t playlist : playlists) {
            if (playlist == leftOutPlaylist)
                continue;
            const float playlistWeight = m_columns.playlistWeights[static_cast<std::size_t>(playlist)];
            for (std::int32_t other : itemsOfPlaylist.of(playlist))
                visit(other, playlistWeight);
        }
    };
    if (static_cast<std::size_t>(playlistsOfItem.size()) <= entries) {
        std::vector<float> together(static_cast<std::size_t>(playlistsOfItem.size()), -1.0f);  // < 0: not reached
        std::vector<std::int32_t> reached;
        forEachEntry([&](std::int32_t other, float playlistWeight) {
            float &sum = together[static_cast<std::size_t>(other)];
            if (sum < 0.0f) {
                sum = 0.0f;
                reached.push_back(other);
            }
            sum += playlistWeight;
        });
        std::sort(reached.begin(), reached.end());
        for (std::int32_t other : reached)
            addTogether(other, together[static_cast<std::size_t>(other)]);
        return;
    }
    std::vector<std::pair<int, float>> shared;
    shared.reserve(entries);
    forEachEntry([&](std::int32_t other, float playlistWeight) { shared.emplace_back(other, playlistWeight); });
    std::stable_sort(shared.begin(), shared.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    for (std::size_t i = 0; i < shared.size();) {
        const int other = shared[i].first;
        float together = 0.0f;
        for (; i < shared.size() && shared[i].first == other; ++i)
            together += shared[i].second;
        addTogether(other, together);
    }
}

void Cooccurrence::addTrackScores(int seedRow, float weight, int leftOutPlaylist,
                                  std::vector<std::pair<int, float>> &trackScores) const
{
    if (weight != 0.0f)
        forEachSimilar(m_columns.tracksOfPlaylist, m_columns.playlistsOfTrack, m_columns.trackFrequencies, seedRow,
                       leftOutPlaylist,
                       [&](int track, float similarity) { trackScores.emplace_back(track, weight * similarity); });
}

void Cooccurrence::addArtistScores(int artist, float weight, int leftOutPlaylist,
                                   std::vector<float> &artistScores) const
{
    if (weight != 0.0f)
        forEachSimilar(m_columns.artistsOfPlaylist, m_columns.playlistsOfArtist, m_columns.artistFrequencies, artist,
                       leftOutPlaylist, [&](int other, float similarity) {
                           artistScores[static_cast<std::size_t>(other)] += weight * similarity;
                       });
}

int Cooccurrence::sharedPlaylists(int rowA, int rowB, int leftOutPlaylist) const
{
    if (rowA < 0 || rowB < 0 || rowA >= trackCount() || rowB >= trackCount())
        return 0;
    const std::span<const std::int32_t> a = m_columns.playlistsOfTrack.of(rowA);
    const std::span<const std::int32_t> b = m_columns.playlistsOfTrack.of(rowB);
    int count = 0;
    for (auto i = a.begin(), j = b.begin(); i != a.end() && j != b.end();) {
        if (*i < *j) {
            ++i;
        } else if (*j < *i) {
            ++j;
        } else {
            count += *i != leftOutPlaylist ? 1 : 0;
            ++i;
            ++j;
        }
    }
    return count;
}

}  // namespace encore
