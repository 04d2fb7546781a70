#pragma once

#include "features/featureprovider.h"

#include <QFutureWatcher>
#include <QHash>

#include <atomic>
#include <memory>
#include <optional>

namespace encore {

// Finds a track's features among tracks of the library's imported catalogs: by Spotify id, then
// ISRC, then normalised title plus primary artist (songIdentity). Only values that came from a
// catalog are copied. When several catalog tracks match the same way, the one with more values
// wins, then the smaller track id, so the choice does not depend on order.
class CatalogMatcher {
public:
    explicit CatalogMatcher(const std::vector<TrackFeatures> &reference);

    // The catalog values for `track` (source Catalog); std::nullopt when no catalog track matches.
    std::optional<AudioFeatures> match(const Track &track) const;

private:
    std::vector<QString> m_ids;
    std::vector<AudioFeatures> m_features;  // catalog values only
    QHash<QString, int> m_byId;
    QHash<QString, int> m_byIsrc;
    QHash<QString, int> m_bySong;
};

// The library's imported catalogs as a feature provider: reads them and matches in a worker
// thread (with its own connection to the library).
class CatalogFeatureProvider : public FeatureProvider {
    Q_OBJECT
public:
    explicit CatalogFeatureProvider(QString libraryPath, QObject *parent = nullptr);
    ~CatalogFeatureProvider() override;

    FeatureSource source() const override { return FeatureSource::Catalog; }
    QString stage() const override;
    void start(std::vector<Track> tracks) override;
    void cancel() override;

private:
    QString m_libraryPath;
    std::shared_ptr<std::atomic<bool>> m_cancelled = std::make_shared<std::atomic<bool>>(false);
    QFutureWatcher<Result<std::vector<FoundFeatures>>> m_watcher;
    int m_total = 0;
};

}  // namespace encore
