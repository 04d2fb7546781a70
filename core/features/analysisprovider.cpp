#include "features/analysisprovider.h"

#include "analysis/audiodecoder.h"
#include "analysis/featureanalyzer.h"

#include <QCoreApplication>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace encore {

AnalysisFeatureProvider::AnalysisFeatureProvider(QNetworkAccessManager &network, QObject *parent)
    : FeatureProvider(parent), m_finder(network, this),
      m_downloads(network, QCoreApplication::translate("encore::analysisprovider", "The preview's server"), this)
{
    ServiceClientOptions options;
    options.transferTimeout = std::chrono::seconds(30);
    options.maxBodyBytes = kMaxPreviewBytes;
    options.concurrency = kConcurrency;
    m_downloads.setOptions(options);
    m_downloads.setAnswersAreFiles();
}

QString AnalysisFeatureProvider::stage() const
{
    return QCoreApplication::translate("encore::analysisprovider", "Analysing previews");
}

void AnalysisFeatureProvider::start(std::vector<Track> tracks)
{
    m_total = int(tracks.size());
    m_queue.assign(std::make_move_iterator(tracks.begin()), std::make_move_iterator(tracks.end()));
    launchMore();
}

void AnalysisFeatureProvider::cancel()
{
    m_cancelled = true;
    m_queue.clear();
    m_downloads.cancelAll();
    finishLater();
}

void AnalysisFeatureProvider::launchMore()
{
    while (!m_cancelled && m_active < kConcurrency && !m_queue.empty()) {
        Track track = std::move(m_queue.front());
        m_queue.pop_front();
        ++m_active;
        m_finder.find(track, [this, track](const PreviewSearch &search) { onPreview(track, search); });
    }
    if (m_active == 0 && m_queue.empty())
        finishLater();
}

void AnalysisFeatureProvider::onPreview(const Track &track, const PreviewSearch &search)
{
    if (m_cancelled)
        return;
    if (!search.answered())
        return skipUnanswered(search.unreachable, search.limited);
    const QUrl preview = search.preview;
    if (preview.isEmpty())
        return conclude(track, preview, AnalysisOutcome::NoPreview);
    m_downloads.get(preview, [this, track, preview](Result<QByteArray> audio, int) {
        onDownloaded(track, preview, std::move(audio));
    });
}

void AnalysisFeatureProvider::onDownloaded(const Track &track, const QUrl &preview, Result<QByteArray> audio)
{
    if (!audio && isUnreachable(audio.error()))
        return skipUnanswered({preview.host()}, {});
    if (!audio)
        return conclude(track, preview, AnalysisOutcome::Failed, audio.error().message);
    auto *decoder = new AudioDecoder(this);
    connect(decoder, &AudioDecoder::finished, this, [this, decoder, track, preview] {
        decoder->deleteLater();
        if (m_cancelled)
            return;
        const Result<std::vector<float>> &samples = decoder->result();
        if (!samples)
            return conclude(track, preview, AnalysisOutcome::Failed, samples.error().message);
        analyse(track, preview, *samples);
    });
    decoder->start(*audio);
}

void AnalysisFeatureProvider::analyse(const Track &track, const QUrl &preview, const std::vector<float> &samples)
{
    auto *watcher = new QFutureWatcher<Result<AnalysisResult>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, track, preview] {
        watcher->deleteLater();
        if (m_cancelled)
            return;
        const Result<AnalysisResult> result = watcher->result();
        if (!result)
            return conclude(track, preview, AnalysisOutcome::Failed, result.error().message);
        emit found({FoundFeatures{track.id, result->features}});
        conclude(track, preview, AnalysisOutcome::Ok);
    });
    watcher->setFuture(QtConcurrent::run([samples] { return analyzeSamples(samples, AudioDecoder::kSampleRate); }));
}

void AnalysisFeatureProvider::conclude(const Track &track, const QUrl &preview, AnalysisOutcome outcome,
                                       const QString &reason)
{
    if (outcome == AnalysisOutcome::Failed)
        qCDebug(lcFeatures) << "analysis of" << track.id << "failed:" << reason;
    emit analysed(AnalysisRecord{track.id, preview, QDateTime::currentDateTimeUtc(), outcome, reason});
    m_unreachableInARow = 0;
    moveOn();
}

void AnalysisFeatureProvider::skipUnanswered(const QStringList &unreachable, const QStringList &limited)
{
    for (const QString &service : unreachable)
        addUnreachable(service);
    for (const QString &service : limited)
        addLimited(service);
    // Offline or refused, every other track would fail the same way, each after its retries.
    if (++m_unreachableInARow >= kUnreachableToGiveUp && !m_queue.empty()) {
        qCInfo(lcFeatures) << "previews cannot be reached; skipping the remaining tracks";
        m_done += int(m_queue.size());
        m_queue.clear();
    }
    moveOn();
}

void AnalysisFeatureProvider::moveOn()
{
    --m_active;
    emit progress(++m_done, m_total);
    launchMore();
}

}  // namespace encore
