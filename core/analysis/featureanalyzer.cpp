#include "featureanalyzer.h"

#include <Eigen/Core>
#include <unsupported/Eigen/FFT>
#include <ebur128.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <complex>
#include <functional>
#include <limits>
#include <memory>
#include <numbers>
#include <optional>
#include <vector>

#include <QCoreApplication>

namespace encore {

namespace {

using SpectrumMatrix = Eigen::Array<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using FrameValues = Eigen::ArrayXf;

constexpr double kMinimumSeconds = 5.0;
constexpr int kMinimumSampleRate = 8000;
constexpr float kSilenceDbfs = -70.0f;
constexpr float kMinTempo = 60.0f;
constexpr float kMaxTempo = 200.0f;
constexpr float kPowerFloor = 1e-10f;

float clamp01(float value)
{
    return std::clamp(value, 0.0f, 1.0f);
}

// Maps value linearly so that `low` gives 0 and `high` gives 1, clamped to 0..1.
float scaled(float value, float low, float high)
{
    return clamp01((value - low) / (high - low));
}

// Magnitudes of a short-time Fourier transform with a Hann window: one row per frame.
struct Spectrogram {
    SpectrumMatrix magnitudes;
    int sampleRate = 0;
    int frameSize = 0;
    int hop = 0;

    float binHz() const { return float(sampleRate) / float(frameSize); }
    float frameRate() const { return float(sampleRate) / float(hop); }
    int binAt(float hz) const { return std::clamp(int(std::lround(hz / binHz())), 0, int(magnitudes.cols()) - 1); }
};

Spectrogram stft(std::span<const float> samples, int sampleRate, int frameSize, int hop)
{
    Spectrogram result{{}, sampleRate, frameSize, hop};
    const int frames = 1 + int((samples.size() - std::size_t(frameSize)) / std::size_t(hop));
    const int bins = frameSize / 2 + 1;
    result.magnitudes.resize(frames, bins);

    std::vector<float> window(std::size_t(frameSize), 0.0f);
    for (int i = 0; i < frameSize; ++i) {
        const float phase = 2.0f * std::numbers::pi_v<float> * float(i) / float(frameSize);
        window[std::size_t(i)] = 0.5f - 0.5f * std::cos(phase);
    }

    Eigen::FFT<float> fft;
    fft.SetFlag(Eigen::FFT<float>::HalfSpectrum);
    std::vector<float> frame(std::size_t(frameSize), 0.0f);
    std::vector<std::complex<float>> spectrum(static_cast<std::size_t>(bins));
    for (int f = 0; f < frames; ++f) {
        const float *start = samples.data() + std::size_t(f) * std::size_t(hop);
        for (int i = 0; i < frameSize; ++i)
            frame[std::size_t(i)] = start[i] * window[std::size_t(i)];
        fft.fwd(spectrum.data(), frame.data(), frameSize);
        for (int b = 0; b < bins; ++b)
            result.magnitudes(f, b) = std::abs(spectrum[std::size_t(b)]);
    }
    return result;
}

// About 93 ms per frame at any rate: 2048 samples at 22,050 Hz.
int analysisFrameSize(int sampleRate)
{
    return int(std::bit_ceil(unsigned(sampleRate / 11)));
}

// --- Tempo ---------------------------------------------------------------------------------

struct OnsetEnvelope {
    FrameValues strength;
    // Mean onset strength relative to the mean compressed spectrum: about 0.3 for clicks, 0.02 for
    // plain chord changes, under 0.001 for steady tones and noise.
    float relativeStrength = 0.0f;
};

// Below this relative onset strength nothing has a beat: a steady tone, a drone, noise.
constexpr float kMinimumRelativeOnsetStrength = 0.002f;

// Spectral flux on log-compressed magnitudes: how much new energy each frame brings, with the
// local average removed so that only onsets stand out.
OnsetEnvelope onsetStrength(const Spectrogram &spectrogram)
{
    const SpectrumMatrix compressed = (spectrogram.magnitudes * 100.0f).log1p();
    const Eigen::Index frames = compressed.rows();
    FrameValues flux = FrameValues::Zero(frames);
    flux.tail(frames - 1) =
        (compressed.bottomRows(frames - 1) - compressed.topRows(frames - 1)).cwiseMax(0.0f).rowwise().sum();
    const int radius = std::max(1, int(std::lround(spectrogram.frameRate() * 0.25f)));
    FrameValues onsets(frames);
    for (Eigen::Index t = 0; t < frames; ++t) {
        const Eigen::Index from = std::max<Eigen::Index>(0, t - radius);
        const Eigen::Index to = std::min<Eigen::Index>(frames - 1, t + radius);
        onsets(t) = std::max(0.0f, flux(t) - flux.segment(from, to - from + 1).mean());
    }
    const float level = compressed.rowwise().sum().mean();
    return {onsets, level > 0.0f ? onsets.mean() / level : 0.0f};
}

struct TempoEstimate {
    float bpm = 0.0f;
    float confidence = 0.0f;
};

// A mild preference for tempos near 120 BPM, which settles the choice between a beat period and
// its double (a 75 vs 150 BPM reading of the same pulse).
float tempoPrior(float bpm)
{
    const float octaves = std::log2(bpm / 120.0f);
    return std::exp(-0.5f * octaves * octaves);
}

// The peak position of `values` near `index`, refined by fitting a parabola through it and its
// neighbours.
float interpolatedPeak(const FrameValues &values, Eigen::Index index)
{
    if (index <= 0 || index >= values.size() - 1)
        return float(index);
    const float left = values(index - 1);
    const float centre = values(index);
    const float right = values(index + 1);
    const float curvature = left - 2.0f * centre + right;
    if (curvature >= 0.0f)
        return float(index);
    return float(index) + 0.5f * (left - right) / curvature;
}

// Autocorrelation of the onset envelope over the lags of 60–200 BPM; the best lag (weighted by
// the prior) is refined on its fourth multiple, where one frame of error matters four times less.
std::optional<TempoEstimate> estimateTempo(const OnsetEnvelope &onsets, float frameRate)
{
    if (onsets.relativeStrength < kMinimumRelativeOnsetStrength)
        return std::nullopt;
    const FrameValues centred = onsets.strength - onsets.strength.mean();
    const Eigen::Index frames = centred.size();
    const auto minLag = Eigen::Index(std::floor(frameRate * 60.0f / kMaxTempo));
    const auto maxLag = Eigen::Index(std::ceil(frameRate * 60.0f / kMinTempo));
    const Eigen::Index lags = std::min(frames / 2, 4 * maxLag + 2);
    if (lags <= maxLag)
        return std::nullopt;

    FrameValues autocorrelation(lags + 1);
    for (Eigen::Index lag = 0; lag <= lags; ++lag) {
        autocorrelation(lag) = (centred.head(frames - lag) * centred.tail(frames - lag)).sum() / float(frames - lag);
    }
    if (autocorrelation(0) <= 0.0f)
        return std::nullopt;

    Eigen::Index best = minLag;
    float bestScore = -std::numeric_limits<float>::infinity();
    for (Eigen::Index lag = minLag; lag <= maxLag; ++lag) {
        const float score = autocorrelation(lag) * tempoPrior(60.0f * frameRate / float(lag));
        if (score > bestScore) {
            bestScore = score;
            best = lag;
        }
    }
    if (autocorrelation(best) <= 0.0f)
        return std::nullopt;

    int multiple = 4;
    while (multiple > 1 && multiple * best + multiple >= lags)
        --multiple;
    Eigen::Index peak = multiple * best;
    autocorrelation.segment(peak - multiple + 1, 2 * multiple - 1).maxCoeff(&peak);
    peak += multiple * best - multiple + 1;
    const float lag = interpolatedPeak(autocorrelation, peak) / float(multiple);

    const float typical = autocorrelation.segment(minLag, maxLag - minLag + 1).mean();
    const float prominence = (autocorrelation(best) - typical) / (autocorrelation(0) - typical);
    return TempoEstimate{60.0f * frameRate / lag, clamp01(prominence)};
}

// --- Key and mode --------------------------------------------------------------------------

using Chroma = Eigen::Array<float, 12, 1>;

// Krumhansl–Kessler probe-tone profiles, tonic first.
const Chroma &majorProfile()
{
    static const Chroma profile =
        (Chroma() << 6.35f, 2.23f, 3.48f, 2.33f, 4.38f, 4.09f, 2.52f, 5.19f, 2.39f, 3.66f, 2.29f, 2.88f).finished();
    return profile;
}

const Chroma &minorProfile()
{
    static const Chroma profile =
        (Chroma() << 6.33f, 2.68f, 3.52f, 5.38f, 2.60f, 3.53f, 2.54f, 4.75f, 3.98f, 2.69f, 3.34f, 3.17f).finished();
    return profile;
}

using Chromagram = Eigen::Array<float, Eigen::Dynamic, 12, Eigen::RowMajor>;

// Per frame, the strongest bin within each semitone of A1–B6 (55–1,976 Hz), folded into the twelve
// pitch classes (C = 0) and normalised to sum 1; frames with nothing in that range are left out.
// Taking the strongest bin rather than the sum keeps wide high semitones from outweighing low ones.
Chromagram chromagram(const Spectrogram &spectrogram)
{
    constexpr int firstNote = 33;  // A1, 55 Hz
    constexpr int lastNote = 95;   // B6
    struct Band {
        int pitchClass;
        int firstBin;
        int lastBin;
    };
    const auto hz = [](float midiNote) { return 440.0f * std::exp2((midiNote - 69.0f) / 12.0f); };
    std::vector<Band> bands;
    for (int note = firstNote; note <= lastNote; ++note) {
        const int centre = spectrogram.binAt(hz(float(note)));
        const int low = std::min(centre, spectrogram.binAt(hz(float(note) - 0.5f)) + 1);
        const int high = std::max(centre, spectrogram.binAt(hz(float(note) + 0.5f)) - 1);
        bands.push_back({note % 12, low, high});
    }

    Chromagram frames(spectrogram.magnitudes.rows(), 12);
    Eigen::Index kept = 0;
    for (Eigen::Index f = 0; f < spectrogram.magnitudes.rows(); ++f) {
        Chroma frame = Chroma::Zero();
        for (const Band &band : bands)
            frame(band.pitchClass) +=
                spectrogram.magnitudes.row(f).segment(band.firstBin, band.lastBin - band.firstBin + 1).maxCoeff();
        const float total = frame.sum();
        if (total > 1e-6f)
            frames.row(kept++) = frame.transpose() / total;
    }
    frames.conservativeResize(kept, 12);
    return frames;
}

float correlation(const Chroma &a, const Chroma &b)
{
    const Chroma da = a - a.mean();
    const Chroma db = b - b.mean();
    const float norm = std::sqrt((da * da).sum() * (db * db).sum());
    return norm > 0.0f ? (da * db).sum() / norm : 0.0f;
}

struct KeyEstimate {
    int key = 0;   // pitch class of the tonic, C = 0
    int mode = 1;  // 1 major, 0 minor
    float confidence = 0.0f;
};

// No key when no profile fits at least this well: noise, drums alone.
constexpr float kMinimumKeyCorrelation = 0.3f;

// The key whose rotated major or minor profile correlates best with the chroma; confidence is
// how far it beats the runner-up, relative to the room left above the runner-up.
std::optional<KeyEstimate> estimateKey(const Chroma &chroma)
{
    KeyEstimate best;
    float bestCorrelation = -2.0f;
    float runnerUp = -2.0f;
    for (int mode : {1, 0}) {
        const Chroma &profile = mode == 1 ? majorProfile() : minorProfile();
        for (int tonic = 0; tonic < 12; ++tonic) {
            Chroma rotated;
            for (int pc = 0; pc < 12; ++pc)
                rotated((tonic + pc) % 12) = profile(pc);
            const float r = correlation(chroma, rotated);
            if (r > bestCorrelation) {
                runnerUp = bestCorrelation;
                bestCorrelation = r;
                best.key = tonic;
                best.mode = mode;
            } else if (r > runnerUp) {
                runnerUp = r;
            }
        }
    }
    if (bestCorrelation < kMinimumKeyCorrelation)
        return std::nullopt;
    best.confidence = clamp01((bestCorrelation - runnerUp) / (1.0f - runnerUp));
    return best;
}

// --- Loudness ------------------------------------------------------------------------------

// Integrated loudness (ITU-R BS.1770 / EBU R128: K-weighting, 400 ms blocks, gating) in LUFS,
// measured by libebur128. The mono signal counts as "dual mono", i.e. played on both speakers,
// which reads as a stereo mix of the same material would.
std::optional<float> integratedLoudness(std::span<const float> samples, int sampleRate)
{
    const auto destroy = [](ebur128_state *state) { ebur128_destroy(&state); };
    const std::unique_ptr<ebur128_state, decltype(destroy)> state(
        ebur128_init(1, static_cast<unsigned long>(sampleRate), EBUR128_MODE_I), destroy);
    if (!state || ebur128_set_channel(state.get(), 0, EBUR128_DUAL_MONO) != EBUR128_SUCCESS
        || ebur128_add_frames_float(state.get(), samples.data(), samples.size()) != EBUR128_SUCCESS)
        return std::nullopt;
    double loudness = 0.0;
    if (ebur128_loudness_global(state.get(), &loudness) != EBUR128_SUCCESS || !std::isfinite(loudness))
        return std::nullopt;
    return float(loudness);
}

float rmsDbfs(std::span<const float> samples)
{
    double sumOfSquares = 0.0;
    for (float s : samples)
        sumOfSquares += double(s) * double(s);
    const double meanSquare = sumOfSquares / double(std::max<std::size_t>(1, samples.size()));
    return float(10.0 * std::log10(std::max(meanSquare, 1e-20)));
}

// --- Timbre and dynamics -------------------------------------------------------------------

// Frame-wise descriptors of the spectrogram, averaged over the frames that are not silent.
struct Timbre {
    float centroidHz = 0.0f;          // where the spectrum's weight lies: brightness
    float spreadHz = 0.0f;            // how widely the spectrum spreads around its centroid
    float flatness = 0.0f;            // 0 = pure tones, about 0.5 = white noise
    float highFrequencyShare = 0.0f;  // share of the power above 3 kHz
    float onsetsPerSecond = 0.0f;
    float voiceSyllableShare = 0.0f;  // see voiceSyllableShare()
    float quietFlatness = 0.0f;       // flatness of the quietest tenth of the frames
    float dynamicRangeDb = 0.0f;      // loud (95th percentile) minus quiet (10th) frame level
    float harmonicity = 0.0f;         // see chromaConcentration()
};

float percentile(std::vector<float> values, float fraction)
{
    const auto at = std::size_t(fraction * float(values.size() - 1));
    std::nth_element(values.begin(), values.begin() + std::ptrdiff_t(at), values.end());
    return values[at];
}

// Onsets per second: local maxima of the onset envelope above its mean plus one standard
// deviation.
float onsetRate(const FrameValues &onsets, float frameRate)
{
    const float threshold = onsets.mean() + std::sqrt((onsets - onsets.mean()).square().mean());
    int count = 0;
    for (Eigen::Index t = 1; t + 1 < onsets.size(); ++t)
        if (onsets(t) > threshold && onsets(t) >= onsets(t - 1) && onsets(t) > onsets(t + 1))
            ++count;
    return float(count) * frameRate / float(onsets.size());
}

// Speech and singing rise and fall with syllables, 3–8 times a second, in the voice band
// (300–3,400 Hz). The share of the voice-band level's modulation (0.5–20 Hz) that lies at syllable
// rates, leaving out what lies on multiples of the beat (drums and strummed chords keep time;
// syllables do not): steady chords and a strict click score low, a voice high.
float voiceSyllableShare(const FrameValues &voiceBandPower, float frameRate, std::optional<float> beatHz)
{
    const float peakDb = 10.0f * std::log10(voiceBandPower.maxCoeff() + kPowerFloor);
    FrameValues levelDb = (10.0f * (voiceBandPower + kPowerFloor).log10()).cwiseMax(peakDb - 60.0f);
    levelDb -= levelDb.mean();

    const int size = int(std::bit_ceil(unsigned(levelDb.size())));
    std::vector<float> padded(std::size_t(size), 0.0f);
    std::copy(levelDb.begin(), levelDb.end(), padded.begin());
    Eigen::FFT<float> fft;
    fft.SetFlag(Eigen::FFT<float>::HalfSpectrum);
    std::vector<std::complex<float>> spectrum;
    fft.fwd(spectrum, padded);

    float syllabic = 0.0f;
    float total = 0.0f;
    for (std::size_t bin = 0; bin < spectrum.size(); ++bin) {
        const float hz = float(bin) * frameRate / float(size);
        if (hz < 0.5f || hz > 20.0f)
            continue;
        const float power = std::norm(spectrum[bin]);
        total += power;
        const bool onBeat = beatHz && std::abs(hz - *beatHz * std::round(hz / *beatHz)) < 0.1f;
        if (hz >= 3.0f && hz <= 8.0f && !onBeat)
            syllabic += power;
    }
    return total > 0.0f ? syllabic / total : 0.0f;
}

// How much of each frame's chroma sits in its three strongest pitch classes, from 0 (spread evenly,
// like speech gliding in pitch, or noise) to 1 (a clear chord or note).
float chromaConcentration(const Chromagram &chroma)
{
    if (chroma.rows() == 0)
        return 0.0f;
    float sum = 0.0f;
    for (Eigen::Index f = 0; f < chroma.rows(); ++f) {
        std::array<float, 12> frame;
        Eigen::Map<Eigen::Array<float, 1, 12>>(frame.data()) = chroma.row(f);
        std::partial_sort(frame.begin(), frame.begin() + 3, frame.end(), std::greater<>());
        sum += frame[0] + frame[1] + frame[2];
    }
    return scaled(sum / float(chroma.rows()), 0.25f, 1.0f);
}

Timbre describeTimbre(const Spectrogram &spectrogram, const OnsetEnvelope &onsets, const Chromagram &chroma,
                      std::optional<float> beatHz)
{
    const SpectrumMatrix power = spectrogram.magnitudes.square();
    const Eigen::Index bins = power.cols();
    const Eigen::ArrayXf frequencies = Eigen::ArrayXf::LinSpaced(bins, 0.0f, float(bins - 1) * spectrogram.binHz());

    const FrameValues framePower = power.rowwise().sum() + kPowerFloor;
    const FrameValues centroid = (power.matrix() * frequencies.matrix()).array() / framePower;
    const FrameValues secondMoment = (power.matrix() * frequencies.square().matrix()).array() / framePower;
    const FrameValues spread = (secondMoment - centroid.square()).cwiseMax(0.0f).sqrt();
    const FrameValues flatness =
        (power + kPowerFloor).log().rowwise().mean().exp() / (power + kPowerFloor).rowwise().mean();
    const int highFrom = spectrogram.binAt(3000.0f);
    const FrameValues highShare = power.rightCols(bins - highFrom).rowwise().sum() / framePower;
    const int voiceFrom = spectrogram.binAt(300.0f);
    const int voiceTo = spectrogram.binAt(3400.0f);
    const FrameValues voicePower = power.middleCols(voiceFrom, voiceTo - voiceFrom + 1).rowwise().sum();

    // Frames more than 60 dB below the loudest are silence and say nothing about timbre.
    const float audible = framePower.maxCoeff() * 1e-6f;
    Timbre timbre;
    float weight = 0.0f;
    std::vector<float> levelsDb;
    std::vector<std::pair<float, float>> levelAndFlatness;
    for (Eigen::Index f = 0; f < framePower.size(); ++f) {
        if (framePower(f) < audible)
            continue;
        const float w = std::sqrt(framePower(f));
        timbre.centroidHz += w * centroid(f);
        timbre.spreadHz += w * spread(f);
        timbre.flatness += w * flatness(f);
        timbre.highFrequencyShare += w * highShare(f);
        weight += w;
        const float levelDb = 10.0f * std::log10(framePower(f));
        levelsDb.push_back(levelDb);
        levelAndFlatness.emplace_back(levelDb, flatness(f));
    }
    timbre.centroidHz /= weight;
    timbre.spreadHz /= weight;
    timbre.flatness /= weight;
    timbre.highFrequencyShare /= weight;

    timbre.dynamicRangeDb = percentile(levelsDb, 0.95f) - percentile(levelsDb, 0.10f);
    const std::size_t quietCount = std::max<std::size_t>(1, levelAndFlatness.size() / 10);
    std::partial_sort(levelAndFlatness.begin(), levelAndFlatness.begin() + std::ptrdiff_t(quietCount),
                      levelAndFlatness.end());
    for (std::size_t i = 0; i < quietCount; ++i)
        timbre.quietFlatness += levelAndFlatness[i].second / float(quietCount);

    timbre.onsetsPerSecond = onsetRate(onsets.strength, spectrogram.frameRate());
    timbre.voiceSyllableShare = voiceSyllableShare(voicePower, spectrogram.frameRate(), beatHz);
    timbre.harmonicity = chromaConcentration(chroma);
    return timbre;
}

// --- Spotify-style estimates ---------------------------------------------------------------
// Each is a small, documented heuristic on the measurements above, not Spotify's trained models;
// the README says how far each can be trusted.

// Loud, busy and spectrally wide sound is energetic.
float estimateEnergy(float loudnessLufs, const Timbre &timbre)
{
    return clamp01(0.5f * scaled(loudnessLufs, -30.0f, -5.0f) + 0.25f * scaled(timbre.onsetsPerSecond, 0.0f, 8.0f)
                   + 0.25f * scaled(timbre.spreadHz, 500.0f, 3000.0f));
}

// A clear, regular pulse at a tempo people dance to (best near 120 BPM); no beat, no dancing.
float estimateDanceability(const std::optional<TempoEstimate> &tempo)
{
    if (!tempo)
        return 0.0f;
    const float octavesFrom120 = std::log2(tempo->bpm / 120.0f);
    const float tempoFit = std::exp(-0.5f * std::pow(octavesFrom120 / 0.35f, 2.0f));
    return clamp01(0.65f * tempo->confidence + 0.35f * tempoFit);
}

// Major, fast and bright sounds happy; unknown mode or tempo counts as neutral.
float estimateValence(std::optional<int> mode, std::optional<float> bpm, const Timbre &timbre)
{
    const float modeScore = mode ? float(*mode) : 0.5f;
    const float tempoScore = bpm ? scaled(*bpm, 60.0f, 180.0f) : 0.5f;
    return clamp01(0.35f * modeScore + 0.3f * tempoScore + 0.35f * scaled(timbre.centroidHz, 500.0f, 3000.0f));
}

// Acoustic instruments give tonal (not noise-like) spectra with little power above 3 kHz;
// distortion, synthesizers and heavy cymbals give flat, bright ones.
float estimateAcousticness(const Timbre &timbre)
{
    return clamp01((1.0f - scaled(timbre.flatness, 0.02f, 0.3f))
                   * (1.0f - scaled(timbre.highFrequencyShare, 0.02f, 0.25f)));
}

// How strongly the voice band moves at syllable rate.
float vocalPresence(const Timbre &timbre)
{
    return scaled(timbre.voiceSyllableShare, 0.3f, 0.7f);
}

float estimateInstrumentalness(const Timbre &timbre)
{
    return 1.0f - vocalPresence(timbre);
}

// Speech is a voice without the steady pitches of singing.
float estimateSpeechiness(const Timbre &timbre)
{
    return clamp01(vocalPresence(timbre) * (1.0f - timbre.harmonicity));
}

// An audience leaves a noise bed under the quietest moments and squeezes the dynamic range.
float estimateLiveness(const Timbre &timbre)
{
    return clamp01(scaled(timbre.quietFlatness, 0.05f, 0.4f) * scaled(timbre.dynamicRangeDb, 30.0f, 6.0f));
}

}  // namespace

Result<AnalysisResult> analyzeSamples(std::span<const float> mono, int sampleRate)
{
    if (sampleRate < kMinimumSampleRate)
        return Error{ErrorKind::Parse,
                     QCoreApplication::translate("encore::featureanalyzer",
                                                 "The audio's sample rate (%1 Hz) is too low "
                                                 "to analyse.")
                         .arg(sampleRate)};
    if (double(mono.size()) < kMinimumSeconds * sampleRate)
        return Error{ErrorKind::Unavailable,
                     QCoreApplication::translate("encore::featureanalyzer",
                                                 "The audio is too short to analyse: it needs at least %1 seconds.")
                         .arg(kMinimumSeconds)};
    if (rmsDbfs(mono) < kSilenceDbfs)
        return Error{ErrorKind::Unavailable,
                     QCoreApplication::translate("encore::featureanalyzer", "The audio is silent.")};

    const int frameSize = analysisFrameSize(sampleRate);
    const Spectrogram spectrogram = stft(mono, sampleRate, frameSize, frameSize / 4);
    // Four times longer frames resolve the semitones of bass notes for the key.
    const Spectrogram fineSpectrogram = stft(mono, sampleRate, 4 * frameSize, 2 * frameSize);
    const OnsetEnvelope onsets = onsetStrength(spectrogram);

    AnalysisResult result;
    AudioFeatures &features = result.features;
    const auto set = [&features](Feature feature, float value) {
        features.set(feature, value, FeatureSource::Analysis);
    };

    const std::optional<TempoEstimate> tempo = estimateTempo(onsets, spectrogram.frameRate());
    if (tempo) {
        set(Feature::Tempo, tempo->bpm);
        result.tempoConfidence = tempo->confidence;
    }
    set(Feature::Danceability, estimateDanceability(tempo));

    const Chromagram chroma = chromagram(fineSpectrogram);
    std::optional<KeyEstimate> key;
    if (chroma.rows() > 0)
        key = estimateKey(chroma.colwise().mean().transpose());
    if (key) {
        set(Feature::Key, float(key->key));
        set(Feature::Mode, float(key->mode));
        result.keyConfidence = key->confidence;
    }

    const std::optional<float> loudness = integratedLoudness(mono, sampleRate);
    if (loudness)
        set(Feature::Loudness, std::clamp(*loudness, -60.0f, 0.0f));

    const Timbre timbre =
        describeTimbre(spectrogram, onsets, chroma, tempo ? std::optional(tempo->bpm / 60.0f) : std::nullopt);
    if (loudness)
        set(Feature::Energy, estimateEnergy(*loudness, timbre));
    set(Feature::Valence,
        estimateValence(key ? std::optional(key->mode) : std::nullopt, tempo ? std::optional(tempo->bpm) : std::nullopt,
                        timbre));
    set(Feature::Acousticness, estimateAcousticness(timbre));
    set(Feature::Instrumentalness, estimateInstrumentalness(timbre));
    set(Feature::Speechiness, estimateSpeechiness(timbre));
    set(Feature::Liveness, estimateLiveness(timbre));
    return result;
}

}  // namespace encore
