#pragma once

#include "features/featureprovider.h"
#include "features/previewfinder.h"
#include "features/serviceclient.h"

#include <deque>

namespace encore {

// On-device analysis: finds each track's 30-second preview (PreviewFinder), downloads it (size
// and time bounded), decodes it (AudioDecoder) and computes the features in a worker thread
// (analyzeSamples). A few tracks are worked on at once. Every track given ends in one `analysed`
// record, whether it worked or not, so the caller can remember not to try again; except when a
// service or the preview's server could not be reached: that is no answer, and is tried again.
class AnalysisFeatureProvider : public FeatureProvider {
    Q_OBJECT
public:
    static constexpr int kConcurrency = 2;
    static constexpr qint64 kMaxPreviewBytes = 8 * 1024 * 1024;
    // Tracks in a row whose preview could not be reached before the rest are left for next time.
    static constexpr int kUnreachableToGiveUp = 3;

    explicit AnalysisFeatureProvider(QNetworkAccessManager &network, QObject *parent = nullptr);

    PreviewFinder &finder() { return m_finder; }
    ServiceClient &downloads() { return m_downloads; }

    FeatureSource source() const override { return FeatureSource::Analysis; }
    QString stage() const override;
    void start(std::vector<Track> tracks) override;
    void cancel() override;

signals:
    void analysed(const encore::AnalysisRecord &record);

private:
    void launchMore();
    void onPreview(const Track &track, const PreviewSearch &search);
    void onDownloaded(const Track &track, const QUrl &preview, Result<QByteArray> audio);
    void analyse(const Track &track, const QUrl &preview, const std::vector<float> &samples);
    void conclude(const Track &track, const QUrl &preview, AnalysisOutcome outcome, const QString &reason = {});
    // Nothing recorded: `services` could not be reached, so the track is tried again next time.
    // A track whose preview search went unanswered: left for the next run, not concluded.
    void skipUnanswered(const QStringList &unreachable, const QStringList &limited);
    // Done with a track: counts it and starts the next.
    void moveOn();

    PreviewFinder m_finder;
    ServiceClient m_downloads;
    std::deque<Track> m_queue;
    int m_active = 0;
    int m_total = 0;
    int m_done = 0;
    int m_unreachableInARow = 0;
    bool m_cancelled = false;
};

}  // namespace encore
