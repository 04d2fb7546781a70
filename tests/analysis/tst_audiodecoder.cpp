#include "synthaudio.h"

#include "analysis/audiodecoder.h"
#include "analysis/featureanalyzer.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace encore;

namespace {

enum class Input { File, Bytes };

// What a decoder ended with, waiting for its one `finished`.
Result<std::vector<float>> decode(Input input, const QString &path)
{
    AudioDecoder decoder;
    QSignalSpy finished(&decoder, &AudioDecoder::finished);
    if (input == Input::File) {
        decoder.start(path);
    } else {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return Error{ErrorKind::Io, QStringLiteral("test fixture unreadable")};
        decoder.start(file.readAll());
    }
    if (!finished.wait(30000))
        return Error{ErrorKind::Unavailable, QStringLiteral("the decoder never finished")};
    QTest::qWait(50);
    if (finished.count() != 1 || !decoder.isFinished())
        return Error{ErrorKind::Unavailable, QStringLiteral("finished was not emitted exactly once")};
    return decoder.result();
}

// The error message of a result, or nothing: QVERIFY2 builds its message even when it passes.
template <typename T>
QByteArray whyNot(const Result<T> &result)
{
    return result.ok() ? QByteArray() : result.error().message.toUtf8();
}

}  // namespace

class TestAudioDecoder : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    QString wavFile(const QString &name, const std::vector<float> &samples, int sampleRate = test::kTestSampleRate)
    {
        const QString path = m_dir.filePath(name + QStringLiteral(".wav"));
        return test::writeFile(path, test::wavBytes(samples, sampleRate)) ? path : QString();
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void decodedAudioKeepsTempoAndKey_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<Input>("input");
        QTest::addColumn<int>("sampleRate");
        QTest::newRow("WAV file") << QStringLiteral("wav") << Input::File << test::kTestSampleRate;
        QTest::newRow("WAV bytes") << QStringLiteral("wav") << Input::Bytes << test::kTestSampleRate;
        QTest::newRow("WAV file at 44.1 kHz, resampled") << QStringLiteral("wav") << Input::File << 44100;
        QTest::newRow("MP3 file") << QStringLiteral("mp3") << Input::File << test::kTestSampleRate;
        QTest::newRow("MP3 bytes") << QStringLiteral("mp3") << Input::Bytes << test::kTestSampleRate;
        QTest::newRow("MP3 file from 44.1 kHz") << QStringLiteral("mp3") << Input::File << 44100;
    }

    void decodedAudioKeepsTempoAndKey()
    {
        QFETCH(QString, format);
        QFETCH(Input, input);
        QFETCH(int, sampleRate);
        const bool mp3 = format == QLatin1String("mp3");
        if (mp3)
            ENCORE_REQUIRE_LAME();

        // 128 BPM over E flat major chords.
        const double seconds = 12.0;
        const std::vector<float> samples = test::clicksOverChords(
            128.0, {{63, 67, 70}, {68, 72, 75}, {70, 74, 77}, {63, 67, 70}}, seconds, sampleRate);
        const QString name = QStringLiteral("mix-%1-%2").arg(int(input)).arg(sampleRate);
        QString path = wavFile(name, samples, sampleRate);
        QVERIFY(!path.isEmpty());
        if (mp3) {
            path = test::encodeMp3(path);
            QVERIFY2(!path.isEmpty(), "lame could not make an MP3");
        }

        const Result<std::vector<float>> decoded = decode(input, path);
        QVERIFY2(decoded.ok(), whyNot(decoded).constData());
        // MP3 adds encoder delay and padding: a few thousand samples at most.
        const double decodedSeconds = double(decoded->size()) / AudioDecoder::kSampleRate;
        QVERIFY2(std::abs(decodedSeconds - seconds) < 0.2, qPrintable(QString::number(decodedSeconds)));

        const Result<AnalysisResult> analysis = analyzeSamples(*decoded, AudioDecoder::kSampleRate);
        QVERIFY2(analysis.ok(), whyNot(analysis).constData());
        const float tempo = analysis->features.value(Feature::Tempo);
        QVERIFY2(std::abs(tempo - 128.0f) <= 2.0f, qPrintable(QString::number(tempo)));
        QCOMPARE(analysis->features.value(Feature::Key), 3.0f);
        QCOMPARE(analysis->features.value(Feature::Mode), 1.0f);
    }

    void unusableInputIsAnError_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<Input>("input");
        QTest::addColumn<ErrorKind>("kind");
        const QString garbage = m_dir.filePath(QStringLiteral("garbage.mp3"));
        QByteArray noise;
        for (int i = 0; i < 64 * 1024; ++i)
            noise.append(char((i * 7919 + 13) % 251));
        QVERIFY(test::writeFile(garbage, noise));
        const QString truncated = m_dir.filePath(QStringLiteral("truncated.wav"));
        QVERIFY(test::writeFile(truncated, test::wavBytes(test::sine(440.0, 0.5, 1.0)).left(30)));
        const QString empty = m_dir.filePath(QStringLiteral("empty.wav"));
        QVERIFY(test::writeFile(empty, {}));

        QTest::newRow("missing file") << m_dir.filePath(QStringLiteral("absent.wav")) << Input::File
                                      << ErrorKind::NotFound;
        QTest::newRow("directory") << m_dir.path() << Input::File << ErrorKind::NotFound;
        QTest::newRow("garbage file") << garbage << Input::File << ErrorKind::Parse;
        QTest::newRow("garbage bytes") << garbage << Input::Bytes << ErrorKind::Parse;
        QTest::newRow("truncated header") << truncated << Input::File << ErrorKind::Parse;
        QTest::newRow("empty file") << empty << Input::File << ErrorKind::Parse;
        QTest::newRow("empty bytes") << empty << Input::Bytes << ErrorKind::Parse;
    }

    void unusableInputIsAnError()
    {
        QFETCH(QString, path);
        QFETCH(Input, input);
        QFETCH(ErrorKind, kind);
        const Result<std::vector<float>> decoded = decode(input, path);
        QVERIFY(!decoded.ok());
        QCOMPARE(decoded.error().kind, kind);
        QVERIFY(!decoded.error().message.isEmpty());
    }

    void cancelEndsWithCancelled()
    {
        const QString path = wavFile(QStringLiteral("long"), test::clickTrack(120.0, 60.0));
        QVERIFY(!path.isEmpty());
        AudioDecoder decoder;
        QSignalSpy finished(&decoder, &AudioDecoder::finished);
        decoder.start(path);
        decoder.cancel();
        QVERIFY(finished.wait(5000));
        QTest::qWait(200);
        QCOMPARE(finished.count(), 1);
        QVERIFY(decoder.isFinished());
        QVERIFY(!decoder.result().ok());
        QCOMPARE(decoder.result().error().kind, ErrorKind::Cancelled);
    }

    void resultBeforeFinishingSaysSo()
    {
        const AudioDecoder decoder;
        QVERIFY(!decoder.isFinished());
        QVERIFY(!decoder.result().ok());
    }
};

QTEST_GUILESS_MAIN(TestAudioDecoder)
#include "tst_audiodecoder.moc"
