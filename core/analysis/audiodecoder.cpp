#include "audiodecoder.h"

#include <QCoreApplication>
#include <QAudioBuffer>
#include <QAudioDecoder>
#include <QAudioFormat>
#include <QBuffer>
#include <QDir>
#include <QFileInfo>
#include <QUrl>

#include <chrono>

namespace encore {

namespace {

// A 30-second preview decodes in well under a second; a decoder still busy after this is stuck.
constexpr std::chrono::seconds kDecodeTimeout{60};

QAudioFormat analysisFormat()
{
    // Debian's Qt 6.4 fails on MP3 ("Internal data stream error") unless the output format is set.
    QAudioFormat format;
    format.setSampleRate(AudioDecoder::kSampleRate);
    format.setChannelCount(1);
    format.setSampleFormat(QAudioFormat::Float);
    return format;
}

// Appends a buffer's frames as mono floats, averaging the channels if the backend kept several.
void appendMono(const QAudioBuffer &buffer, std::vector<float> &samples)
{
    const QAudioFormat format = buffer.format();
    const qsizetype frames = buffer.frameCount();
    const int channels = format.channelCount();
    if (format.sampleFormat() == QAudioFormat::Float && channels == 1) {
        const float *data = buffer.constData<float>();
        samples.insert(samples.end(), data, data + frames);
        return;
    }
    const auto *bytes = buffer.constData<char>();
    const int bytesPerSample = format.bytesPerSample();
    samples.reserve(samples.size() + std::size_t(frames));
    for (qsizetype frame = 0; frame < frames; ++frame) {
        float sum = 0.0f;
        for (int channel = 0; channel < channels; ++channel)
            sum += format.normalizedSampleValue(bytes + (frame * channels + channel) * bytesPerSample);
        samples.push_back(sum / float(channels));
    }
}

Error decoderError(QAudioDecoder::Error error, const QString &name, QString detail)
{
    while (detail.endsWith(u'.'))
        detail.chop(1);
    switch (error) {
    case QAudioDecoder::AccessDeniedError:
        return {ErrorKind::Io,
                QCoreApplication::translate("encore::audiodecoder", "Could not read %1 (%2).").arg(name, detail)};
    case QAudioDecoder::NotSupportedError:
        return {
            ErrorKind::Unavailable,
            QCoreApplication::translate("encore::audiodecoder", "Audio decoding is not available on this system (%1).")
                .arg(detail)};
    default:
        return {ErrorKind::Parse,
                QCoreApplication::translate("encore::audiodecoder",
                                            "Could not decode %1: the format is unknown or the data is damaged "
                                            "(%2).")
                    .arg(name, detail)};
    }
}

}  // namespace

AudioDecoder::AudioDecoder(QObject *parent)
    : QObject(parent), m_decoder(new QAudioDecoder(this)),
      m_result(Error{ErrorKind::Unavailable,
                     QCoreApplication::translate("encore::audiodecoder", "Decoding has not finished.")})
{
    m_decoder->setAudioFormat(analysisFormat());
    connect(m_decoder, &QAudioDecoder::bufferReady, this, &AudioDecoder::takeBuffers);
    connect(m_decoder, &QAudioDecoder::finished, this, &AudioDecoder::onDecoderFinished);
    connect(m_decoder, qOverload<QAudioDecoder::Error>(&QAudioDecoder::error), this, &AudioDecoder::onDecoderError);

    m_timeout.setSingleShot(true);
    m_timeout.setInterval(kDecodeTimeout);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        finishWith(Error{ErrorKind::Unavailable,
                         QCoreApplication::translate("encore::audiodecoder", "Decoding %1 took longer than %2 seconds.")
                             .arg(m_name)
                             .arg(kDecodeTimeout.count())});
    });
}

AudioDecoder::~AudioDecoder()
{
    m_decoder->disconnect(this);
    m_decoder->stop();
}

void AudioDecoder::start(const QString &filePath)
{
    Q_ASSERT(!m_started);
    m_started = true;
    m_name = QDir::toNativeSeparators(filePath);
    const QFileInfo file(filePath);
    if (!file.isFile()) {
        finishLater({ErrorKind::NotFound,
                     QCoreApplication::translate("encore::audiodecoder", "There is no audio file at %1.").arg(m_name)});
        return;
    }
    if (!file.isReadable()) {
        finishLater(
            {ErrorKind::Io, QCoreApplication::translate("encore::audiodecoder", "Could not read %1.").arg(m_name)});
        return;
    }
    m_decoder->setSource(QUrl::fromLocalFile(file.absoluteFilePath()));
    begin();
}

void AudioDecoder::start(const QByteArray &encoded)
{
    Q_ASSERT(!m_started);
    m_started = true;
    m_name = QCoreApplication::translate("encore::audiodecoder", "the audio data");
    if (encoded.isEmpty()) {
        finishLater(
            {ErrorKind::Parse, QCoreApplication::translate("encore::audiodecoder", "The audio data is empty.")});
        return;
    }
    m_source = new QBuffer(this);
    m_source->setData(encoded);
    m_source->open(QIODevice::ReadOnly);
    m_decoder->setSourceDevice(m_source);
    begin();
}

void AudioDecoder::begin()
{
    if (!m_decoder->isSupported()) {
        finishLater(
            {ErrorKind::Unavailable,
             QCoreApplication::translate("encore::audiodecoder", "Audio decoding is not available on this system.")});
        return;
    }
    m_timeout.start();
    m_decoder->start();
}

void AudioDecoder::cancel()
{
    if (m_finished)
        return;
    m_decoder->disconnect(this);
    m_decoder->stop();
    finishLater({ErrorKind::Cancelled, QCoreApplication::translate("encore::audiodecoder", "Decoding was cancelled.")});
}

bool AudioDecoder::isFinished() const
{
    return m_finished;
}

const Result<std::vector<float>> &AudioDecoder::result() const
{
    return m_result;
}

void AudioDecoder::takeBuffers()
{
    while (m_decoder->bufferAvailable()) {
        const QAudioBuffer buffer = m_decoder->read();
        if (!buffer.isValid())
            continue;
        if (buffer.format().sampleRate() != kSampleRate) {
            finishWith(Error{ErrorKind::Unavailable,
                             QCoreApplication::translate("encore::audiodecoder",
                                                         "The audio decoder gave %1 Hz audio instead of %2 Hz.")
                                 .arg(buffer.format().sampleRate())
                                 .arg(kSampleRate)});
            return;
        }
        appendMono(buffer, m_samples);
    }
}

void AudioDecoder::onDecoderError()
{
    finishWith(decoderError(m_decoder->error(), m_name, m_decoder->errorString()));
}

void AudioDecoder::onDecoderFinished()
{
    takeBuffers();
    if (m_finished)
        return;
    if (m_samples.empty()) {
        finishWith(Error{ErrorKind::Parse,
                         QCoreApplication::translate("encore::audiodecoder", "Found no audio in %1.").arg(m_name)});
        return;
    }
    finishWith(std::move(m_samples));
}

void AudioDecoder::finishWith(Result<std::vector<float>> result)
{
    if (m_finished)
        return;
    m_finished = true;
    m_timeout.stop();
    m_decoder->disconnect(this);
    m_decoder->stop();
    m_result = std::move(result);
    m_samples = {};
    emit finished();
}

void AudioDecoder::finishLater(Error error)
{
    m_timeout.stop();
    QMetaObject::invokeMethod(
        this, [this, error = std::move(error)] { finishWith(error); }, Qt::QueuedConnection);
}

}  // namespace encore
