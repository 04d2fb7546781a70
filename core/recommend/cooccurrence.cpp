#include "cooccurrence.h"

#include <algorithm>
#include <cmath>

namespace encore {

namespace {

// Frequencies this small (after leaving a playlist out) mean "in no playlist".
constexpr float kNoFrequency = 1e-6f;

float playlistWeight(std::size_t size)
{
    return 1.0f / std::log2(1.0f + static_cast<float>(size));
}

template <typename Matrix>
std::vector<float> rowSums(const Matrix &m)
{
    std::vector<float> sums(static_cast<std::size_t>(m.rows()), 0.0f);
    for (int row = 0; row < m.outerSize(); ++row)
        for (typename Matrix::InnerIterator it(m, row); it; ++it)
            sums[static_cast<std::size_t>(row)] += it.value();
    return sums;
}

}  // namespace

Cooccurrence::Cooccurrence(const Catalog &catalog)
{
    const int n = catalog.size();
    m_artistStarts = catalog.columns().artistStarts;
    m_artistKeys = catalog.columns().artistKeys;
    const int artists = catalog.artistCount();

    // Playlist by playlist, each one's tracks (artists) sorted and once: the rows of the
    // incidence matrices come out in order, so they are written straight in, no triplets.
    const int playlistCount = static_cast<int>(catalog.playlists().size());
    m_tracksOfPlaylist.resize(playlistCount, n);
    m_tracksOfPlaylist.reserve(static_cast<Eigen::Index>(catalog.columns().playlistRows.size()));
    m_artistsOfPlaylist.resize(playlistCount, artists);
    m_artistsOfPlaylist.reserve(static_cast<Eigen::Index>(catalog.columns().playlistRows.size()));
    m_playlistWeight.assign(static_cast<std::size_t>(playlistCount), 0.0f);
    std::vector<int> rows;
    std::vector<int> present;
    for (int p = 0; p < playlistCount; ++p) {
        m_tracksOfPlaylist.startVec(p);
        m_artistsOfPlaylist.startVec(p);
        const auto members = catalog.playlistRows(p);
        rows.assign(members.begin(), members.end());
        std::sort(rows.begin(), rows.end());
        rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
        if (rows.empty())
            continue;
        const float weight = playlistWeight(rows.size());
        m_playlistWeight[static_cast<std::size_t>(p)] = weight;
        present.clear();
        for (int row : rows) {
            m_tracksOfPlaylist.insertBack(p, row) = weight;
            const auto credited = catalog.artistsOf(row);
            present.insert(present.end(), credited.begin(), credited.end());
        }
        std::sort(present.begin(), present.end());
        present.erase(std::unique(present.begin(), present.end()), present.end());
        for (int artist : present)
            m_artistsOfPlaylist.insertBack(p, artist) = weight;
    }
    m_tracksOfPlaylist.finalize();
    m_artistsOfPlaylist.finalize();

    m_playlistsOfTrack = m_tracksOfPlaylist.transpose();
    m_playlistsOfArtist = m_artistsOfPlaylist.transpose();
    m_tracksOfPlaylist.makeCompressed();
    m_artistsOfPlaylist.makeCompressed();
    m_playlistsOfTrack.makeCompressed();
    m_playlistsOfArtist.makeCompressed();
    m_trackFrequency = rowSums(m_playlistsOfTrack);
    m_artistFrequency = rowSums(m_playlistsOfArtist);
}

bool Cooccurrence::holds(const Incidence &members, int playlist, int item)
{
    if (playlist < 0 || playlist >= members.rows())
        return false;
    const int *begin = members.innerIndexPtr() + members.outerIndexPtr()[playlist];
    const int *end = members.innerIndexPtr() + members.outerIndexPtr()[playlist + 1];
    return std::binary_search(begin, end, item);
}

void Cooccurrence::addScores(const Incidence &itemsOfPlaylist, const Incidence &playlistsOfItem,
                             const std::vector<float> &frequency, int item, float weight,
                             int leftOutPlaylist, std::vector<float> &scores) const
{
    if (item < 0 || item >= playlistsOfItem.rows() || weight == 0.0f)
        return;
    // Frequencies without the left-out playlist: as if it had never been in the library.
    const float leftOutWeight = leftOutPlaylist >= 0 && leftOutPlaylist < itemsOfPlaylist.rows()
        ? m_playlistWeight[static_cast<std::size_t>(leftOutPlaylist)]
        : 0.0f;
    const auto frequencyOf = [&](int other) {
        const float f = frequency[static_cast<std::size_t>(other)];
        return holds(itemsOfPlaylist, leftOutPlaylist, other) ? f - leftOutWeight : f;
    };
    const float seedFrequency = frequencyOf(item);
    if (seedFrequency < kNoFrequency)
        return;

    // Σ w_p over shared playlists first, then one division per item reached.
    std::vector<std::pair<int, float>> shared;
    for (Incidence::InnerIterator p(playlistsOfItem, item); p; ++p) {
        if (p.index() == leftOutPlaylist)
            continue;
        for (Incidence::InnerIterator other(itemsOfPlaylist, p.index()); other; ++other)
            shared.emplace_back(other.index(), p.value());
    }
    std::sort(shared.begin(), shared.end(),
              [](const auto &a, const auto &b) { return a.first < b.first; });
    for (std::size_t i = 0; i < shared.size();) {
        const int other = shared[i].first;
        float together = 0.0f;
        for (; i < shared.size() && shared[i].first == other; ++i)
            together += shared[i].second;
        const float otherFrequency = frequencyOf(other);
        if (otherFrequency >= kNoFrequency)
            scores[static_cast<std::size_t>(other)] +=
                weight * together / std::sqrt(seedFrequency * otherFrequency);
    }
}

void Cooccurrence::addTrackScores(int seedRow, float weight, int leftOutPlaylist,
                                  std::vector<float> &trackScores) const
{
    addScores(m_tracksOfPlaylist, m_playlistsOfTrack, m_trackFrequency, seedRow, weight,
              leftOutPlaylist, trackScores);
}

void Cooccurrence::addArtistScores(int artist, float weight, int leftOutPlaylist,
                                   std::vector<float> &artistScores) const
{
    addScores(m_artistsOfPlaylist, m_playlistsOfArtist, m_artistFrequency, artist, weight,
              leftOutPlaylist, artistScores);
}

int Cooccurrence::sharedPlaylists(int rowA, int rowB, int leftOutPlaylist) const
{
    if (rowA < 0 || rowB < 0 || rowA >= trackCount() || rowB >= trackCount())
        return 0;
    Incidence::InnerIterator a(m_playlistsOfTrack, rowA);
    Incidence::InnerIterator b(m_playlistsOfTrack, rowB);
    int count = 0;
    while (a && b) {
        if (a.index() < b.index()) {
            ++a;
        } else if (b.index() < a.index()) {
            ++b;
        } else {
            count += a.index() != leftOutPlaylist ? 1 : 0;
            ++a;
            ++b;
        }
    }
    return count;
}

}  // namespace encore
