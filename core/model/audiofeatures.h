#pragma once

#include <QString>

#include <array>
#include <cmath>
#include <cstdint>
#include <limits>

namespace encore {

// The eleven audio features Spotify defined, in the order every matrix and file uses.
enum class Feature : int {
    Danceability,
    Energy,
    Key,
    Loudness,
    Mode,
    Speechiness,
    Acousticness,
    Instrumentalness,
    Liveness,
    Valence,
    Tempo,
};
inline constexpr int kFeatureCount = 11;

inline constexpr std::array<Feature, kFeatureCount> kAllFeatures = {
    Feature::Danceability, Feature::Energy,      Feature::Key,          Feature::Loudness,
    Feature::Mode,         Feature::Speechiness, Feature::Acousticness, Feature::Instrumentalness,
    Feature::Liveness,     Feature::Valence,     Feature::Tempo,
};

inline constexpr int index(Feature feature)
{
    return static_cast<int>(feature);
}

// "danceability": the key used by Spotify's JSON and by catalog column headers.
QString featureKey(Feature feature);
// "Danceability": the name shown to a person, in their language.
QString featureLabel(Feature feature);
// "danceability": the name inside a sentence ("similar danceability"), in the person's language.
QString featureNameInText(Feature feature);
// A value as a person reads it, numbers in the default locale: "124 BPM", "-5.2 dB", "C# minor"
// needs mode, so key alone is "C#".
QString formatFeatureValue(Feature feature, float value);

// The values a feature can take, as Spotify defines them. A value outside is unknown, whichever
// source gave it: a tempo of -120 or a key of 99 would only skew rankings.
struct FeatureRange {
    double min = 0;
    double max = 1;
    bool wholeNumbers = false;
};
FeatureRange featureRange(Feature feature);
bool isInRange(Feature feature, double value);
// The range as a person reads it: "0 to 1", "0 or 1", "-1 to 11, whole numbers".
QString featureRangeText(Feature feature);

// The pitch class (0 = C … 11 = B) of a key value, or -1 when there is none (Spotify's -1, NaN, or
// out of range).
int pitchClassOf(float key);
// "C♯" for pitch class 1; empty for -1.
QString pitchClassName(int pitchClass);
// "A minor"; "unknown key" for pitch class -1.
QString keyName(int pitchClass, bool major);
// The key's place on the Camelot wheel, which DJs use to mix in key: "8B" for C major, "8A" for
// A minor (its relative minor); empty for pitch class -1.
QString camelotCode(int pitchClass, bool major);

// Where a feature value came from. Stored in the library; values never change meaning.
enum class FeatureSource : std::uint8_t {
    Missing = 0,
    Catalog = 1,
    Spotify = 2,
    ReccoBeats = 3,
    Analysis = 4,
    Deezer = 5,  // Deezer's bpm of a discovered song, as its tempo
};
inline constexpr std::size_t kFeatureSourceCount = 6;

QString featureSourceName(FeatureSource source);

// The features of one track. A missing value is NaN with source Missing, never zero.
struct AudioFeatures {
    std::array<float, kFeatureCount> values;
    std::array<FeatureSource, kFeatureCount> sources;

    AudioFeatures()
    {
        values.fill(std::numeric_limits<float>::quiet_NaN());
        sources.fill(FeatureSource::Missing);
    }

    bool has(Feature f) const { return sources[index(f)] != FeatureSource::Missing; }
    float value(Feature f) const { return values[index(f)]; }
    FeatureSource source(Feature f) const { return sources[index(f)]; }

    void set(Feature f, float v, FeatureSource source)
    {
        values[index(f)] = v;
        sources[index(f)] = std::isfinite(v) ? source : FeatureSource::Missing;
    }

    // True when every one of the eleven features is known: only such tracks are ranked.
    bool isComplete() const
    {
        for (FeatureSource s : sources)
            if (s == FeatureSource::Missing)
                return false;
        return true;
    }

    bool isEmpty() const
    {
        for (FeatureSource s : sources)
            if (s != FeatureSource::Missing)
                return false;
        return true;
    }
};

}  // namespace encore
