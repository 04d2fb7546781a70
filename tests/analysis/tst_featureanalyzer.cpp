#include "synthaudio.h"

#include "analysis/featureanalyzer.h"

#include <QTest>

#include <random>

using namespace encore;
using encore::test::kTestSampleRate;

namespace {

std::vector<float> whiteNoise(double amplitude, double seconds)
{
    std::mt19937 generator(7);
    std::uniform_real_distribution<float> uniform(-float(amplitude), float(amplitude));
    std::vector<float> samples(std::size_t(seconds * kTestSampleRate));
    for (float &s : samples)
        s = uniform(generator);
    return samples;
}

AnalysisResult analyzed(const std::vector<float> &samples)
{
    Result<AnalysisResult> result = analyzeSamples(samples, kTestSampleRate);
    if (!result)
        qFatal("analysis failed: %s", qPrintable(result.error().message));
    return std::move(result).value();
}

}  // namespace

class TestFeatureAnalyzer : public QObject {
    Q_OBJECT

private slots:
    void tempoOfClickTrack_data()
    {
        QTest::addColumn<double>("bpm");
        for (double bpm : {90.0, 100.0, 120.0, 128.0, 140.0, 150.0})
            QTest::addRow("%g BPM", bpm) << bpm;
    }

    void tempoOfClickTrack()
    {
        QFETCH(double, bpm);
        const AnalysisResult result = analyzed(test::clickTrack(bpm, 20.0));
        const float tempo = result.features.value(Feature::Tempo);
        QVERIFY2(std::abs(tempo - bpm) <= 2.0, qPrintable(QString::number(tempo)));
        QCOMPARE(result.features.source(Feature::Tempo), FeatureSource::Analysis);
        QVERIFY2(result.tempoConfidence > 0.5f, qPrintable(QString::number(result.tempoConfidence)));
    }

    void keyOfChordProgression_data()
    {
        QTest::addColumn<test::Chords>("chords");
        QTest::addColumn<int>("key");
        QTest::addColumn<int>("mode");
        // MIDI notes; C4 = 60.
        QTest::newRow("C major I-IV-V-I")
            << test::Chords{{60, 64, 67}, {65, 69, 72}, {67, 71, 74}, {60, 64, 67}} << 0 << 1;
        QTest::newRow("A minor i-iv-V-i")
            << test::Chords{{57, 60, 64}, {62, 65, 69}, {64, 68, 71}, {57, 60, 64}} << 9 << 0;
        QTest::newRow("E flat major I-IV-V-I")
            << test::Chords{{63, 67, 70}, {68, 72, 75}, {70, 74, 77}, {63, 67, 70}} << 3 << 1;
        QTest::newRow("F sharp minor i-iv-V-i")
            << test::Chords{{66, 69, 73}, {71, 74, 78}, {61, 65, 68}, {66, 69, 73}} << 6 << 0;
        QTest::newRow("G major I-vi-IV-V")
            << test::Chords{{55, 59, 62}, {64, 67, 71}, {60, 64, 67}, {62, 66, 69}} << 7 << 1;
    }

    void keyOfChordProgression()
    {
        QFETCH(test::Chords, chords);
        QFETCH(int, key);
        QFETCH(int, mode);
        const AnalysisResult result = analyzed(test::chordProgression(chords, 16.0));
        QCOMPARE(result.features.value(Feature::Key), float(key));
        QCOMPARE(result.features.value(Feature::Mode), float(mode));
        QCOMPARE(result.features.source(Feature::Key), FeatureSource::Analysis);
        QVERIFY(result.keyConfidence > 0.0f);
    }

    void loudnessOfSine_data()
    {
        QTest::addColumn<double>("amplitude");
        QTest::addColumn<double>("lufs");
        // A 1 kHz sine read as dual mono: 20·log10(amplitude), the reference of BS.1770.
        QTest::newRow("full scale") << 1.0 << 0.0;
        QTest::newRow("-20 dB") << 0.1 << -20.0;
        QTest::newRow("-40 dB") << 0.01 << -40.0;
    }

    void loudnessOfSine()
    {
        QFETCH(double, amplitude);
        QFETCH(double, lufs);
        const AnalysisResult result = analyzed(test::sine(1000.0, amplitude, 10.0));
        const float loudness = result.features.value(Feature::Loudness);
        QVERIFY2(std::abs(loudness - lufs) <= 0.5, qPrintable(QString::number(loudness)));
    }

    void everyFeatureIsEstimatedWithinItsRange()
    {
        const AnalysisResult result =
            analyzed(test::chordProgression({{60, 64, 67}, {65, 69, 72}, {67, 71, 74}, {60, 64, 67}}, 20.0));
        const AudioFeatures &features = result.features;
        QVERIFY(features.isComplete());
        for (Feature feature : kAllFeatures)
            QCOMPARE(features.source(feature), FeatureSource::Analysis);
        for (Feature feature : {Feature::Danceability, Feature::Energy, Feature::Speechiness, Feature::Acousticness,
                                Feature::Instrumentalness, Feature::Liveness, Feature::Valence}) {
            const float value = features.value(feature);
            QVERIFY2(value >= 0.0f && value <= 1.0f, qPrintable(featureKey(feature)));
        }
        const float loudness = features.value(Feature::Loudness);
        QVERIFY(loudness >= -60.0f && loudness <= 0.0f);
        QVERIFY(result.tempoConfidence >= 0.0f && result.tempoConfidence <= 1.0f);
        QVERIFY(result.keyConfidence >= 0.0f && result.keyConfidence <= 1.0f);
    }

    void heuristicsOrderObviousCases()
    {
        const AnalysisResult chords =
            analyzed(test::chordProgression({{60, 64, 67}, {65, 69, 72}, {67, 71, 74}, {60, 64, 67}}, 20.0));
        const AnalysisResult noise = analyzed(whiteNoise(0.5, 20.0));
        const AnalysisResult quietSine = analyzed(test::sine(440.0, 0.01, 20.0));
        const auto value = [](const AnalysisResult &r, Feature f) { return r.features.value(f); };

        QVERIFY(value(noise, Feature::Energy) > value(quietSine, Feature::Energy));
        QVERIFY(value(chords, Feature::Acousticness) > value(noise, Feature::Acousticness));
        QVERIFY(value(chords, Feature::Instrumentalness) > 0.5f);
        QVERIFY(value(chords, Feature::Speechiness) < 0.33f);
        QVERIFY(value(noise, Feature::Liveness) > value(chords, Feature::Liveness));
    }

    void noiseHasNoKey()
    {
        const AnalysisResult noise = analyzed(whiteNoise(0.5, 20.0));
        QVERIFY(!noise.features.has(Feature::Key));
        QVERIFY(!noise.features.has(Feature::Mode));
        QVERIFY(std::isnan(noise.features.value(Feature::Key)));
        QCOMPARE(noise.keyConfidence, 0.0f);
    }

    void unusableInputIsAnError_data()
    {
        QTest::addColumn<std::vector<float>>("samples");
        QTest::addColumn<int>("sampleRate");
        QTest::newRow("silence") << std::vector<float>(std::size_t(10 * kTestSampleRate), 0.0f) << kTestSampleRate;
        QTest::newRow("too short") << test::clickTrack(120.0, 2.0) << kTestSampleRate;
        QTest::newRow("empty") << std::vector<float>{} << kTestSampleRate;
        QTest::newRow("sample rate too low") << test::clickTrack(120.0, 10.0, 4000) << 4000;
    }

    void unusableInputIsAnError()
    {
        QFETCH(std::vector<float>, samples);
        QFETCH(int, sampleRate);
        const Result<AnalysisResult> result = analyzeSamples(samples, sampleRate);
        QVERIFY(!result.ok());
        QVERIFY(!result.error().message.isEmpty());
    }

    void otherSampleRatesWork()
    {
        const int rate = 44100;
        const Result<AnalysisResult> result = analyzeSamples(test::clickTrack(128.0, 20.0, rate), rate);
        QVERIFY(result.ok());
        QVERIFY(std::abs(result->features.value(Feature::Tempo) - 128.0f) <= 2.0f);
    }
};

QTEST_GUILESS_MAIN(TestFeatureAnalyzer)
#include "tst_featureanalyzer.moc"
