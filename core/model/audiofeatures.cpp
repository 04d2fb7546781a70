#include "audiofeatures.h"

#include <QCoreApplication>
#include <QLocale>

namespace encore {

QString featureKey(Feature feature)
{
    switch (feature) {
    case Feature::Danceability: return QStringLiteral("danceability");
    case Feature::Energy: return QStringLiteral("energy");
    case Feature::Key: return QStringLiteral("key");
    case Feature::Loudness: return QStringLiteral("loudness");
    case Feature::Mode: return QStringLiteral("mode");
    case Feature::Speechiness: return QStringLiteral("speechiness");
    case Feature::Acousticness: return QStringLiteral("acousticness");
    case Feature::Instrumentalness: return QStringLiteral("instrumentalness");
    case Feature::Liveness: return QStringLiteral("liveness");
    case Feature::Valence: return QStringLiteral("valence");
    case Feature::Tempo: return QStringLiteral("tempo");
    }
    return {};
}

QString featureLabel(Feature feature)
{
    switch (feature) {
    case Feature::Danceability: return QCoreApplication::translate("encore::audiofeatures", "Danceability");
    case Feature::Energy: return QCoreApplication::translate("encore::audiofeatures", "Energy");
    case Feature::Key: return QCoreApplication::translate("encore::audiofeatures", "Key");
    case Feature::Loudness: return QCoreApplication::translate("encore::audiofeatures", "Loudness");
    case Feature::Mode: return QCoreApplication::translate("encore::audiofeatures", "Mode");
    case Feature::Speechiness: return QCoreApplication::translate("encore::audiofeatures", "Speechiness");
    case Feature::Acousticness: return QCoreApplication::translate("encore::audiofeatures", "Acousticness");
    case Feature::Instrumentalness: return QCoreApplication::translate("encore::audiofeatures", "Instrumentalness");
    case Feature::Liveness: return QCoreApplication::translate("encore::audiofeatures", "Liveness");
    case Feature::Valence: return QCoreApplication::translate("encore::audiofeatures", "Valence");
    case Feature::Tempo: return QCoreApplication::translate("encore::audiofeatures", "Tempo");
    }
    return {};
}

// Translated apart from the labels: languages differ in how a name is written inside a sentence.
QString featureNameInText(Feature feature)
{
    switch (feature) {
    case Feature::Danceability: return QCoreApplication::translate("encore::audiofeatures", "danceability");
    case Feature::Energy: return QCoreApplication::translate("encore::audiofeatures", "energy");
    case Feature::Key: return QCoreApplication::translate("encore::audiofeatures", "key");
    case Feature::Loudness: return QCoreApplication::translate("encore::audiofeatures", "loudness");
    case Feature::Mode: return QCoreApplication::translate("encore::audiofeatures", "mode");
    case Feature::Speechiness: return QCoreApplication::translate("encore::audiofeatures", "speechiness");
    case Feature::Acousticness: return QCoreApplication::translate("encore::audiofeatures", "acousticness");
    case Feature::Instrumentalness: return QCoreApplication::translate("encore::audiofeatures", "instrumentalness");
    case Feature::Liveness: return QCoreApplication::translate("encore::audiofeatures", "liveness");
    case Feature::Valence: return QCoreApplication::translate("encore::audiofeatures", "valence");
    case Feature::Tempo: return QCoreApplication::translate("encore::audiofeatures", "tempo");
    }
    return {};
}

QString formatFeatureValue(Feature feature, float value)
{
    if (!std::isfinite(value))
        return QCoreApplication::translate("encore::audiofeatures", "unknown");
    switch (feature) {
    case Feature::Key: {
        const QString name = pitchClassName(pitchClassOf(value));
        return name.isEmpty() ? QCoreApplication::translate("encore::audiofeatures", "no key") : name;
    }
    case Feature::Mode:
        return value >= 0.5f ? QCoreApplication::translate("encore::audiofeatures", "major")
                             : QCoreApplication::translate("encore::audiofeatures", "minor");
    case Feature::Loudness: return QStringLiteral("%1 dB").arg(QLocale().toString(value, 'f', 1));
    case Feature::Tempo: return QStringLiteral("%1 BPM").arg(QLocale().toString(value, 'f', 0));
    default: return QLocale().toString(value, 'f', 2);
    }
}

FeatureRange featureRange(Feature feature)
{
    switch (feature) {
    case Feature::Key: return {-1, 11, true};  // -1: no key detected
    case Feature::Mode: return {0, 1, true};
    // Spotify's -60 to 0 dB, with room for the few masters louder than 0 dB real catalogs hold.
    case Feature::Loudness: return {-60, 10, false};
    // 0 is Spotify's "no tempo detected"; its estimates stay below 250 BPM.
    case Feature::Tempo: return {0, 300, false};
    default: return {0, 1, false};
    }
}

bool isInRange(Feature feature, double value)
{
    const FeatureRange range = featureRange(feature);
    // Written so that NaN is out of range too.
    return value >= range.min && value <= range.max && (!range.wholeNumbers || std::floor(value) == value);
}

QString featureRangeText(Feature feature)
{
    const FeatureRange range = featureRange(feature);
    const QLocale locale;
    const QString min = locale.toString(range.min);
    const QString max = locale.toString(range.max);
    if (range.wholeNumbers && range.max - range.min == 1)
        return QCoreApplication::translate("encore::audiofeatures", "%1 or %2").arg(min, max);
    if (range.wholeNumbers)
        return QCoreApplication::translate("encore::audiofeatures", "%1 to %2, whole numbers").arg(min, max);
    return QCoreApplication::translate("encore::audiofeatures", "%1 to %2").arg(min, max);
}

int pitchClassOf(float key)
{
    if (!std::isfinite(key))
        return -1;
    const long pitch = std::lround(key);
    return pitch >= 0 && pitch < 12 ? static_cast<int>(pitch) : -1;
}

QString pitchClassName(int pitchClass)
{
    static const char *const names[] = {"C", "C♯", "D", "D♯", "E", "F", "F♯", "G", "G♯", "A", "A♯", "B"};
    return pitchClass >= 0 && pitchClass < 12 ? QString::fromUtf8(names[pitchClass]) : QString();
}

QString keyName(int pitchClass, bool major)
{
    const QString pitch = pitchClassName(pitchClass);
    if (pitch.isEmpty())
        return QCoreApplication::translate("encore::audiofeatures", "unknown key");
    return major ? QCoreApplication::translate("encore::audiofeatures", "%1 major").arg(pitch)
                 : QCoreApplication::translate("encore::audiofeatures", "%1 minor").arg(pitch);
}

QString camelotCode(int pitchClass, bool major)
{
    if (pitchClass < 0 || pitchClass >= 12)
        return {};
    // The wheel walks the circle of fifths (7 semitones a step) with C major at 8B; a minor key
    // shares its number with its relative major, three semitones up.
    const int relativeMajor = major ? pitchClass : (pitchClass + 3) % 12;
    const int number = (relativeMajor * 7 + 7) % 12 + 1;
    return QString::number(number) + (major ? u'B' : u'A');
}

QString featureSourceName(FeatureSource source)
{
    switch (source) {
    case FeatureSource::Missing: return QStringLiteral("missing");
    case FeatureSource::Catalog: return QStringLiteral("catalog");
    case FeatureSource::Spotify: return QStringLiteral("spotify");
    case FeatureSource::ReccoBeats: return QStringLiteral("reccobeats");
    case FeatureSource::Analysis: return QStringLiteral("analysis");
    case FeatureSource::Deezer: return QStringLiteral("deezer");
    }
    return {};
}

}  // namespace encore
