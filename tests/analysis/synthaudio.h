#pragma once

#include <QByteArray>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QTest>
#include <QtEndian>

#include <cmath>
#include <initializer_list>
#include <numbers>
#include <vector>

// Audio the analysis tests generate, so that the right answers are known exactly.
namespace encore::test {

inline constexpr int kTestSampleRate = 22050;

// A click (a 1.5 kHz tone dying away in a few milliseconds) on every beat.
inline std::vector<float> clickTrack(double bpm, double seconds, int sampleRate = kTestSampleRate)
{
    std::vector<float> samples(std::size_t(seconds * sampleRate), 0.0f);
    const double period = 60.0 / bpm * sampleRate;
    const int clickLength = sampleRate / 25;
    for (double start = 0.0; start < double(samples.size()); start += period) {
        const auto first = std::size_t(std::lround(start));
        for (int i = 0; i < clickLength && first + std::size_t(i) < samples.size(); ++i) {
            const double t = double(i) / sampleRate;
            samples[first + std::size_t(i)] +=
                float(0.8 * std::exp(-t / 0.005) * std::sin(2.0 * std::numbers::pi * 1500.0 * t));
        }
    }
    return samples;
}

inline double midiToHz(int note)
{
    return 440.0 * std::exp2((note - 69) / 12.0);
}

// Adds a tone with six harmonics falling off as 1/h (a soft sawtooth) with short fades.
inline void addTone(std::vector<float> &samples, int midiNote, double startSecond, double seconds, double amplitude,
                    int sampleRate = kTestSampleRate)
{
    const auto first = std::size_t(startSecond * sampleRate);
    const auto count = std::size_t(seconds * sampleRate);
    const double fade = 0.02 * sampleRate;
    const double f0 = midiToHz(midiNote);
    for (std::size_t i = 0; i < count && first + i < samples.size(); ++i) {
        const double t = double(i) / sampleRate;
        const double envelope = std::min({1.0, double(i) / fade, double(count - i) / fade});
        double value = 0.0;
        for (int h = 1; h <= 6; ++h)
            value += std::sin(2.0 * std::numbers::pi * f0 * h * t) / h;
        samples[first + i] += float(amplitude * envelope * value);
    }
}

// Chords of MIDI notes (C4 = 60).
using Chords = std::vector<std::vector<int>>;

// Chords of MIDI notes, one per second, each with its lowest note doubled an octave below, the
// whole progression repeated to fill `seconds`.
inline std::vector<float> chordProgression(const Chords &chords, double seconds, int sampleRate = kTestSampleRate)
{
    std::vector<float> samples(std::size_t(seconds * sampleRate), 0.0f);
    for (int second = 0; second < int(seconds); ++second) {
        const std::vector<int> &chord = chords[std::size_t(second) % chords.size()];
        for (int note : chord)
            addTone(samples, note, second, 1.0, 0.08, sampleRate);
        addTone(samples, chord.front() - 12, second, 1.0, 0.1, sampleRate);
    }
    return samples;
}

// A click track over chords: tempo and key in one recording.
inline std::vector<float> clicksOverChords(double bpm, const Chords &chords, double seconds,
                                           int sampleRate = kTestSampleRate)
{
    std::vector<float> samples = clickTrack(bpm, seconds, sampleRate);
    const std::vector<float> harmony = chordProgression(chords, seconds, sampleRate);
    for (std::size_t i = 0; i < samples.size(); ++i)
        samples[i] = 0.5f * samples[i] + harmony[i];
    return samples;
}

inline std::vector<float> sine(double hz, double amplitude, double seconds, int sampleRate = kTestSampleRate)
{
    std::vector<float> samples(std::size_t(seconds * sampleRate));
    for (std::size_t i = 0; i < samples.size(); ++i)
        samples[i] = float(amplitude * std::sin(2.0 * std::numbers::pi * hz * double(i) / sampleRate));
    return samples;
}

// A mono 16-bit PCM RIFF/WAVE file.
inline QByteArray wavBytes(const std::vector<float> &samples, int sampleRate = kTestSampleRate)
{
    const auto le32 = [](QByteArray &out, quint32 v) {
        v = qToLittleEndian(v);
        out.append(reinterpret_cast<const char *>(&v), 4);
    };
    const auto le16 = [](QByteArray &out, quint16 v) {
        v = qToLittleEndian(v);
        out.append(reinterpret_cast<const char *>(&v), 2);
    };
    const auto dataSize = quint32(samples.size() * 2);
    QByteArray wav;
    wav.append("RIFF");
    le32(wav, 36 + dataSize);
    wav.append("WAVEfmt ");
    le32(wav, 16);
    le16(wav, 1);  // PCM
    le16(wav, 1);  // mono
    le32(wav, quint32(sampleRate));
    le32(wav, quint32(sampleRate * 2));
    le16(wav, 2);
    le16(wav, 16);
    wav.append("data");
    le32(wav, dataSize);
    for (float s : samples)
        le16(wav, quint16(qint16(std::lround(std::clamp(s, -1.0f, 1.0f) * 32767.0f))));
    return wav;
}

inline bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

// The MP3 (128 kbit/s) that Debian's lame makes of a WAV file, beside it; empty if lame failed.
inline QString encodeMp3(const QString &wavPath)
{
    QString mp3Path = wavPath;
    mp3Path.replace(QStringLiteral(".wav"), QStringLiteral(".mp3"));
    QProcess lame;
    lame.start(QStringLiteral("lame"),
               {QStringLiteral("--quiet"), QStringLiteral("-b"), QStringLiteral("128"), wavPath, mp3Path});
    const bool encoded =
        lame.waitForFinished(60000) && lame.exitStatus() == QProcess::NormalExit && lame.exitCode() == 0;
    if (!encoded)
        return {};
    return mp3Path;
}

}  // namespace encore::test

// Skips the calling test when lame is missing, except in the full set-up
// (ENCORE_EXPECT_KEYCHAIN=1, see scripts/bootstrap), which installs it: there it fails.
#define ENCORE_REQUIRE_LAME()                                                                                          \
    do {                                                                                                               \
        if (QStandardPaths::findExecutable(QStringLiteral("lame")).isEmpty()) {                                        \
            if (qEnvironmentVariable("ENCORE_EXPECT_KEYCHAIN") == QLatin1String("1"))                                  \
                QFAIL("lame is not installed; scripts/bootstrap installs it");                                         \
            QSKIP("lame is not installed, so no MP3 can be made");                                                     \
        }                                                                                                              \
    } while (false)
