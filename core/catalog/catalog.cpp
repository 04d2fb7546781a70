#include "catalog.h"

#include <algorithm>
#include <numeric>

namespace encore {

Catalog::Catalog(std::vector<Track> tracks, std::vector<AudioFeatures> features,
                 std::vector<Playlist> playlists)
{
    Q_ASSERT(tracks.size() == features.size());

    std::vector<int> order(tracks.size());
    std::iota(order.begin(), order.end(), 0);
    // Stable, so the first of several rows with one id is the one kept.
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return tracks[a].id < tracks[b].id; });
    order.erase(std::unique(order.begin(), order.end(),
                            [&](int a, int b) { return tracks[a].id == tracks[b].id; }),
                order.end());

    const auto n = static_cast<Eigen::Index>(order.size());
    m_tracks.reserve(order.size());
    m_sources.reserve(order.size());
    m_complete.reserve(order.size());
    m_features.resize(n, kFeatureCount);
    m_rowById.reserve(n);
    for (Eigen::Index row = 0; row < n; ++row) {
        const int from = order[row];
        const AudioFeatures &f = features[from];
        for (int c = 0; c < kFeatureCount; ++c)
            m_features(row, c) = f.values[c];
        m_sources.push_back(f.sources);
        m_complete.push_back(f.isComplete());
        m_completeCount += f.isComplete() ? 1 : 0;
        m_rowById.insert(tracks[from].id, static_cast<int>(row));
        m_tracks.push_back(std::move(tracks[from]));
    }

    m_playlists = std::move(playlists);
    m_playlistRows.reserve(m_playlists.size());
    for (Playlist &playlist : m_playlists) {
        std::vector<int> rows;
        QStringList known;
        for (const QString &id : std::as_const(playlist.trackIds)) {
            const int row = rowOf(id);
            if (row >= 0) {
                rows.push_back(row);
                known.push_back(id);
            }
        }
        playlist.trackIds = known;
        m_playlistRows.push_back(std::move(rows));
    }
}

AudioFeatures Catalog::features(int row) const
{
    AudioFeatures f;
    for (int c = 0; c < kFeatureCount; ++c) {
        f.values[c] = m_features(row, c);
        f.sources[c] = m_sources[row][c];
    }
    return f;
}

FeatureSource Catalog::featureSource(int row, Feature feature) const
{
    return m_sources[row][index(feature)];
}

int Catalog::playlistIndexOf(const QString &playlistId) const
{
    for (std::size_t i = 0; i < m_playlists.size(); ++i)
        if (m_playlists[i].id == playlistId)
            return static_cast<int>(i);
    return -1;
}

}  // namespace encore
