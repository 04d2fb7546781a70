#include "features/featurefiller.h"

#include "features/analysisprovider.h"
#include "features/catalogprovider.h"
#include "features/deezertempoprovider.h"
#include "features/reccobeatsprovider.h"
#include "features/spotifyfeatureprovider.h"
#include "spotify/spotifyclient.h"

#include <QCoreApplication>
#include <QFuture>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace encore {

namespace {

constexpr int kStageCount = 5;  // Spotify, ReccoBeats, catalogs, Deezer, analysis

}  // namespace

struct FeatureFiller::Prepared {
    std::vector<TrackFeatures> missing;
    QHash<QString, AnalysisRecord> analysed;
};

FeatureFiller::FeatureFiller(QString libraryPath, SpotifyClient *spotify, QNetworkAccessManager &network,
                             QObject *parent)
    : QObject(parent), m_libraryPath(std::move(libraryPath)), m_spotify(spotify), m_network(network)
{
    m_library.setMaxThreadCount(1);
}

FeatureFiller::~FeatureFiller()
{
    m_provider.reset();
    m_library.waitForDone();
}

void FeatureFiller::setServiceOptions(const ServiceClientOptions &options, std::chrono::milliseconds deezerQuotaWait)
{
    m_serviceOptions = options;
    m_quotaWait = deezerQuotaWait;
}

void FeatureFiller::start(std::optional<QStringList> trackIds)
{
    m_running = true;
    m_scope = std::move(trackIds);
    Result<FeatureEndpoints> endpoints = FeatureEndpoints::fromEnvironment();
    if (!endpoints) {
        QTimer::singleShot(0, this, [this, error = endpoints.error()] { stopWith(error); });
        return;
    }
    m_endpoints = *endpoints;
    QtConcurrent::run(&m_library, [path = m_libraryPath, scope = m_scope]() -> Result<Prepared> {
        Result<std::unique_ptr<LibraryDb>> db = LibraryDb::open(path);
        if (!db)
            return db.error();
        Result<std::vector<TrackFeatures>> missing = (*db)->tracksMissingFeatures(scope);
        if (!missing)
            return missing.error();
        QStringList ids;
        for (const TrackFeatures &track : *missing)
            ids.append(track.track.id);
        Result<QHash<QString, AnalysisRecord>> analysed = (*db)->analysisRecords(ids);
        if (!analysed)
            return analysed.error();
        return Prepared{std::move(*missing), std::move(*analysed)};
    }).then(this, [this](Result<Prepared> prepared) { onPrepared(std::move(prepared)); });
}

void FeatureFiller::cancel()
{
    if (!m_running || m_stopping || m_concluding)
        return;
    stopWith(Error{ErrorKind::Cancelled,
                   QCoreApplication::translate("encore::featurefiller", "Finding audio features was cancelled.")});
}

void FeatureFiller::onPrepared(Result<Prepared> prepared)
{
    if (m_stopping)
        return;
    if (!prepared)
        return stopWith(prepared.error());
    for (TrackFeatures &track : prepared->missing)
        m_missing.insert(track.track.id, std::move(track));
    m_analysed = std::move(prepared->analysed);
    m_summary.looked = int(m_missing.size());
    nextStage();
}

std::unique_ptr<FeatureProvider> FeatureFiller::makeProvider(int stage)
{
    // A web service's client: the options set for the fill, and its rate limit's waits told.
    const auto prepare = [this](ServiceClient &client) {
        if (m_serviceOptions)
            client.setOptions(*m_serviceOptions);
        connect(&client, &ServiceClient::waitingForRateLimit, this,
                [this, service = client.serviceName()](std::chrono::milliseconds wait) {
                    emit waitingForRateLimit(service, wait);
                });
    };
    switch (stage) {
    case 0: return std::make_unique<SpotifyFeatureProvider>(m_spotify.data());
    case 1: {
        auto provider = std::make_unique<ReccoBeatsProvider>(m_network, m_endpoints.reccoBeats);
        prepare(provider->client());
        return provider;
    }
    case 2: return std::make_unique<CatalogFeatureProvider>(m_libraryPath);
    case 3: {
        auto provider = std::make_unique<DeezerTempoProvider>(m_network, m_endpoints.deezer);
        prepare(provider->client());
        return provider;
    }
    default: {
        auto provider = std::make_unique<AnalysisFeatureProvider>(m_network);
        if (m_serviceOptions) {
            provider->finder().setServiceOptions(*m_serviceOptions, m_quotaWait);
            ServiceClientOptions downloads = *m_serviceOptions;
            downloads.maxBodyBytes = provider->downloads().options().maxBodyBytes;
            provider->downloads().setOptions(downloads);
        }
        connect(&provider->finder(), &PreviewFinder::waitingForRateLimit, this, &FeatureFiller::waitingForRateLimit);
        connect(provider.get(), &AnalysisFeatureProvider::analysed, this, [this](const AnalysisRecord &record) {
            m_analysed.insert(record.trackId, record);
            QtConcurrent::run(&m_library, [path = m_libraryPath, record]() -> Status {
                Result<std::unique_ptr<LibraryDb>> db = LibraryDb::open(path);
                return db ? (*db)->recordAnalysis(record) : Status(db.error());
            }).then(this, [](const Status &stored) {
                if (!stored)
                    qCWarning(lcFeatures) << stored.error().message;
            });
        });
        return provider;
    }
    }
}

void FeatureFiller::nextStage()
{
    if (m_provider) {
        m_summary.unreachable += m_provider->unreachable();
        m_summary.unreachable.removeDuplicates();
        m_summary.limited += m_provider->limited();
        m_summary.limited.removeDuplicates();
        // Deleted later: this may run inside one of its signals.
        m_provider.release()->deleteLater();
    }
    while (!m_stopping && ++m_stage < kStageCount) {
        const bool analysis = m_stage == kStageCount - 1;
        const QDateTime retryBefore =
            QDateTime::currentDateTimeUtc().addSecs(-std::chrono::seconds(kRetryAnalysisAfter).count());
        std::vector<Track> tracks;
        for (const TrackFeatures &track : std::as_const(m_missing)) {
            if (track.features.isComplete())
                continue;
            if (analysis) {
                const auto record = m_analysed.constFind(track.track.id);
                if (record != m_analysed.constEnd()
                    && (record->outcome == AnalysisOutcome::Ok || record->analysedAt > retryBefore))
                    continue;
            }
            tracks.push_back(track.track);
        }
        if (tracks.empty())
            continue;
        std::sort(tracks.begin(), tracks.end(), [](const Track &a, const Track &b) { return a.id < b.id; });
        m_provider = makeProvider(m_stage);
        connect(m_provider.get(), &FeatureProvider::found, this, &FeatureFiller::onFound);
        connect(m_provider.get(), &FeatureProvider::progress, this,
                [this, stage = m_provider->stage()](int done, int total) { emit progress(done, total, stage); });
        connect(m_provider.get(), &FeatureProvider::finished, this, &FeatureFiller::nextStage);
        emit progress(0, int(tracks.size()), m_provider->stage());
        m_provider->start(std::move(tracks));
        return;
    }
    conclude();
}

void FeatureFiller::onFound(const std::vector<FoundFeatures> &found)
{
    std::vector<FoundFeatures> accepted;
    for (const FoundFeatures &entry : found) {
        const auto track = m_missing.find(entry.trackId);
        if (track == m_missing.end())
            continue;  // not asked about
        for (Feature f : kAllFeatures) {
            if (!track->features.has(f) && entry.features.has(f)) {
                track->features.set(f, entry.features.value(f), entry.features.source(f));
                m_summary.gainedValues = true;
            }
        }
        accepted.push_back(entry);
    }
    if (accepted.empty())
        return;
    QtConcurrent::run(&m_library, [path = m_libraryPath, accepted = std::move(accepted)]() -> Status {
        Result<std::unique_ptr<LibraryDb>> db = LibraryDb::open(path);
        return db ? (*db)->storeFoundFeatures(accepted) : Status(db.error());
    }).then(this, [this](const Status &stored) {
        if (!stored && !m_summary.error)
            m_summary.error = stored.error();
    });
}

void FeatureFiller::stopWith(const Error &error)
{
    m_stopping = true;
    if (!m_summary.error)
        m_summary.error = error;
    if (m_provider) {
        // Its `finished` must not start the next stage.
        disconnect(m_provider.get(), nullptr, this, nullptr);
        m_provider->cancel();
    }
    conclude();
}

void FeatureFiller::conclude()
{
    if (m_concluding)
        return;
    m_concluding = true;
    // Queued behind every write, so the counts include all that was found.
    QtConcurrent::run(&m_library, [path = m_libraryPath, scope = m_scope]() -> Result<FeatureSourceCounts> {
        Result<std::unique_ptr<LibraryDb>> db = LibraryDb::open(path);
        if (!db)
            return db.error();
        return (*db)->featureSourceCounts(scope);
    }).then(this, [this](Result<FeatureSourceCounts> counts) {
        if (counts)
            m_summary.counts = *counts;
        else if (!m_summary.error)
            m_summary.error = counts.error();
        m_provider.reset();
        m_running = false;
        emit finished();
    });
}

}  // namespace encore
