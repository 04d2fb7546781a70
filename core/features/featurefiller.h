#pragma once

#include "features/featureendpoints.h"
#include "features/serviceclient.h"
#include "storage/librarydb.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QThreadPool>

#include <chrono>
#include <optional>

class QNetworkAccessManager;

namespace encore {

class FeatureProvider;
class SpotifyClient;

// What a fill did, over the tracks it was asked about.
struct FeatureFillSummary {
    FeatureSourceCounts counts;  // after filling: by source, and how many still lack features
    int looked = 0;              // tracks that lacked features when it started
    std::optional<Error> error;  // why it stopped early (a bad service address, the library, cancel)
    QStringList unreachable;     // services that could not be reached: what they know is unknown
    QStringList limited;         // services that refused for their rate limit: the same
    bool gainedValues = false;   // some track gained values (it may still lack others)
};

// Fills the missing audio features of the library's tracks, asking the providers in order of
// trust, each only about the tracks still missing something: Spotify (when signed in and the app
// has access), ReccoBeats, the imported catalogs, Deezer (the tempo of songs Discover found
// there), then on-device analysis of previews (a track
// is analysed once: an analysis that found nothing is tried again only after kRetryAnalysisAfter).
// A provider that fails or times out finds nothing and the chain goes on. Values are stored as
// they come, each with its source, never replacing a known one (LibraryDb::storeFoundFeatures);
// a service that could not be reached is named in the summary, and nothing is stored for it.
//
// Usable from the GUI thread: network work is asynchronous on it, library work runs in one
// worker thread, each task with its own connection to the library at `libraryPath`.
class FeatureFiller : public QObject {
    Q_OBJECT
public:
    static constexpr std::chrono::hours kRetryAnalysisAfter{24 * 30};

    // `spotify` may be null (not signed in): the Spotify provider is then skipped. It and
    // `network` must outlive the filler.
    FeatureFiller(QString libraryPath, SpotifyClient *spotify, QNetworkAccessManager &network,
                  QObject *parent = nullptr);
    ~FeatureFiller() override;

    // Timeouts and retries of ReccoBeats, Deezer, iTunes and preview downloads (tests shorten
    // them), and the first wait after Deezer's quota error.
    void setServiceOptions(const ServiceClientOptions &options,
                           std::chrono::milliseconds deezerQuotaWait = std::chrono::seconds(2));

    // Fills the tracks of the whole library (std::nullopt) or these ids. Ends with `finished`,
    // always after start() returns. Start once.
    void start(std::optional<QStringList> trackIds = std::nullopt);
    // Stops asking; what was found so far stays stored. `finished` follows, with an error of kind
    // Cancelled in the summary.
    void cancel();
    bool isRunning() const { return m_running; }
    const FeatureFillSummary &summary() const { return m_summary; }

signals:
    // Within the current stage ("Asking ReccoBeats"): tracks dealt with of `total`.
    void progress(int done, int total, const QString &stage);
    // A service makes the search wait `wait` for its rate limit.
    void waitingForRateLimit(const QString &service, std::chrono::milliseconds wait);
    void finished();

private:
    struct Prepared;
    void onPrepared(Result<Prepared> prepared);
    void nextStage();
    std::unique_ptr<FeatureProvider> makeProvider(int stage);
    void onFound(const std::vector<FoundFeatures> &found);
    void conclude();
    void stopWith(const Error &error);

    QString m_libraryPath;
    QPointer<SpotifyClient> m_spotify;
    QNetworkAccessManager &m_network;
    std::optional<ServiceClientOptions> m_serviceOptions;
    std::chrono::milliseconds m_quotaWait = std::chrono::seconds(2);
    FeatureEndpoints m_endpoints;

    QThreadPool m_library;  // one thread: reads and writes happen in the order they are asked
    std::optional<QStringList> m_scope;
    QHash<QString, TrackFeatures> m_missing;  // the tracks being filled, with what is known
    QHash<QString, AnalysisRecord> m_analysed;
    int m_stage = -1;
    std::unique_ptr<FeatureProvider> m_provider;
    FeatureFillSummary m_summary;
    bool m_running = false;
    bool m_stopping = false;
    bool m_concluding = false;  // counting what was found; finished follows
};

}  // namespace encore
