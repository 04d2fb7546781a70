#pragma once

#include "model/audiofeatures.h"
#include "model/playlist.h"
#include "model/track.h"

#include <Eigen/Core>

#include <QHash>
#include <QString>

#include <vector>

namespace encore {

// The library in memory: tracks and playlists, with the features in one row-major float matrix.
// Rows are sorted by track id, so "ties broken by row" means "ties broken by track id".
// Immutable once built; the UI and the rankers share it through std::shared_ptr<const Catalog>.
class Catalog {
public:
    using FeatureMatrix = Eigen::Matrix<float, Eigen::Dynamic, kFeatureCount, Eigen::RowMajor>;

    Catalog() = default;
    // `features[i]` belongs to `tracks[i]`. A repeated track id keeps its first occurrence.
    // Playlist entries naming unknown tracks are dropped.
    Catalog(std::vector<Track> tracks, std::vector<AudioFeatures> features,
            std::vector<Playlist> playlists);

    int size() const { return static_cast<int>(m_tracks.size()); }
    bool isEmpty() const { return m_tracks.empty(); }

    const Track &track(int row) const { return m_tracks[row]; }
    const std::vector<Track> &tracks() const { return m_tracks; }
    int rowOf(const QString &trackId) const { return m_rowById.value(trackId, -1); }

    // NaN where a value is missing.
    const FeatureMatrix &featureMatrix() const { return m_features; }
    AudioFeatures features(int row) const;
    FeatureSource featureSource(int row, Feature feature) const;
    // True when all eleven features are known; only such tracks are ranked.
    bool hasFeatures(int row) const { return m_complete[row]; }
    int tracksWithFeatures() const { return m_completeCount; }

    const std::vector<Playlist> &playlists() const { return m_playlists; }
    int playlistIndexOf(const QString &playlistId) const;
    // Rows of the playlist's tracks, in playlist order.
    const std::vector<int> &playlistRows(int playlistIndex) const { return m_playlistRows[playlistIndex]; }

private:
    std::vector<Track> m_tracks;
    QHash<QString, int> m_rowById;
    FeatureMatrix m_features;
    std::vector<std::array<FeatureSource, kFeatureCount>> m_sources;
    std::vector<bool> m_complete;
    int m_completeCount = 0;
    std::vector<Playlist> m_playlists;
    std::vector<std::vector<int>> m_playlistRows;
};

}  // namespace encore
