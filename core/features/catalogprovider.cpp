#include "features/catalogprovider.h"

#include <QCoreApplication>
#include <QtConcurrent/QtConcurrentRun>

namespace encore {

namespace {

AudioFeatures catalogValues(const AudioFeatures &features)
{
    AudioFeatures values;
    for (Feature f : kAllFeatures) {
        if (features.source(f) == FeatureSource::Catalog)
            values.set(f, features.value(f), FeatureSource::Catalog);
    }
    return values;
}

int knownCount(const AudioFeatures &features)
{
    int count = 0;
    for (Feature f : kAllFeatures)
        count += features.has(f) ? 1 : 0;
    return count;
}

}  // namespace

CatalogMatcher::CatalogMatcher(const std::vector<TrackFeatures> &reference)
{
    auto index = [this](QHash<QString, int> &by, const QString &key, int row) {
        if (key.isEmpty())
            return;
        const auto found = by.constFind(key);
        if (found != by.constEnd()) {
            const int known = knownCount(m_features[size_t(row)]);
            const int other = knownCount(m_features[size_t(*found)]);
            if (known < other || (known == other && m_ids[size_t(*found)] < m_ids[size_t(row)]))
                return;
        }
        by.insert(key, row);
    };
    for (const TrackFeatures &entry : reference) {
        AudioFeatures values = catalogValues(entry.features);
        if (values.isEmpty())
            continue;
        const int row = int(m_features.size());
        m_ids.push_back(entry.track.id);
        m_features.push_back(values);
        index(m_byId, entry.track.id, row);
        index(m_byIsrc, entry.track.isrc, row);
        if (!entry.track.name.isEmpty() && !entry.track.primaryArtist().isEmpty())
            index(m_bySong, songIdentity(entry.track), row);
    }
}

std::optional<AudioFeatures> CatalogMatcher::match(const Track &track) const
{
    for (const auto &[by, key] :
         {std::pair{&m_byId, track.id}, std::pair{&m_byIsrc, track.isrc},
          std::pair{&m_bySong,
                    track.name.isEmpty() || track.primaryArtist().isEmpty() ? QString() : songIdentity(track)}}) {
        if (key.isEmpty())
            continue;
        const auto found = by->constFind(key);
        if (found != by->constEnd())
            return m_features[size_t(*found)];
    }
    return std::nullopt;
}

CatalogFeatureProvider::CatalogFeatureProvider(QString libraryPath, QObject *parent)
    : FeatureProvider(parent), m_libraryPath(std::move(libraryPath))
{
    connect(&m_watcher, &QFutureWatcherBase::finished, this, [this] {
        if (!m_cancelled->load()) {
            const Result<std::vector<FoundFeatures>> &result = m_watcher.result();
            if (!result)
                qCWarning(lcFeatures) << "catalog matching failed:" << result.error().message;
            else if (!result->empty())
                emit found(*result);
            emit progress(m_total, m_total);
        }
        finishLater();
    });
}

CatalogFeatureProvider::~CatalogFeatureProvider()
{
    m_cancelled->store(true);
    m_watcher.waitForFinished();
}

QString CatalogFeatureProvider::stage() const
{
    return QCoreApplication::translate("encore::catalogprovider", "Matching the imported catalogs");
}

void CatalogFeatureProvider::start(std::vector<Track> tracks)
{
    m_total = int(tracks.size());
    if (tracks.empty()) {
        finishLater();
        return;
    }
    m_watcher.setFuture(QtConcurrent::run([path = m_libraryPath, cancelled = m_cancelled,
                                           tracks = std::move(tracks)]() -> Result<std::vector<FoundFeatures>> {
        Result<std::unique_ptr<LibraryDb>> db = LibraryDb::open(path);
        if (!db)
            return db.error();
        Result<std::vector<TrackFeatures>> reference = (*db)->catalogReferenceTracks();
        if (!reference)
            return reference.error();
        const CatalogMatcher matcher(*reference);
        std::vector<FoundFeatures> found;
        for (const Track &track : tracks) {
            if (cancelled->load())
                break;
            if (std::optional<AudioFeatures> features = matcher.match(track))
                found.push_back({track.id, *features});
        }
        return found;
    }));
}

void CatalogFeatureProvider::cancel()
{
    m_cancelled->store(true);
    if (!m_watcher.isRunning())
        finishLater();
}

}  // namespace encore
