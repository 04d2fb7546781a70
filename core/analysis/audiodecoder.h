#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QTimer>

#include <vector>

class QAudioDecoder;
class QBuffer;

namespace encore {

// Decodes audio (a local file, or encoded bytes such as a downloaded preview) to mono float
// samples at kSampleRate with QAudioDecoder, asynchronously on the calling thread's event loop.
// One decoder decodes one input. Ends with exactly one `finished`; result() then holds the
// samples or why there are none.
class AudioDecoder : public QObject {
    Q_OBJECT
public:
    static constexpr int kSampleRate = 22050;

    explicit AudioDecoder(QObject *parent = nullptr);
    ~AudioDecoder() override;

    void start(const QString &filePath);
    void start(const QByteArray &encoded);
    // Stops decoding; finished follows with an error of kind Cancelled.
    void cancel();

    bool isFinished() const;
    const Result<std::vector<float>> &result() const;

signals:
    void finished();

private:
    void begin();
    void takeBuffers();
    void onDecoderError();
    void onDecoderFinished();
    void finishWith(Result<std::vector<float>> result);
    void finishLater(Error error);

    QAudioDecoder *m_decoder;
    QBuffer *m_source = nullptr;  // the encoded bytes, for start(QByteArray)
    QString m_name;               // the input as messages name it
    QTimer m_timeout;
    std::vector<float> m_samples;
    Result<std::vector<float>> m_result;
    bool m_started = false;
    bool m_finished = false;
};

}  // namespace encore
