#include "audiofeatures.h"

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
    QString key = featureKey(feature);
    if (!key.isEmpty())
        key[0] = key[0].toUpper();
    return key;
}

QString formatFeatureValue(Feature feature, float value)
{
    static const char *const pitchClasses[] = {"C", "C♯", "D", "D♯", "E", "F",
                                               "F♯", "G", "G♯", "A", "A♯", "B"};
    if (!std::isfinite(value))
        return QStringLiteral("unknown");
    switch (feature) {
    case Feature::Key: {
        const int pitch = static_cast<int>(std::lround(value));
        return pitch >= 0 && pitch < 12 ? QString::fromUtf8(pitchClasses[pitch])
                                        : QStringLiteral("no key");
    }
    case Feature::Mode:
        return value >= 0.5f ? QStringLiteral("major") : QStringLiteral("minor");
    case Feature::Loudness:
        return QStringLiteral("%1 dB").arg(value, 0, 'f', 1);
    case Feature::Tempo:
        return QStringLiteral("%1 BPM").arg(value, 0, 'f', 0);
    default:
        return QString::number(value, 'f', 2);
    }
}

QString featureSourceName(FeatureSource source)
{
    switch (source) {
    case FeatureSource::Missing: return QStringLiteral("missing");
    case FeatureSource::Catalog: return QStringLiteral("catalog");
    case FeatureSource::Spotify: return QStringLiteral("spotify");
    case FeatureSource::ReccoBeats: return QStringLiteral("reccobeats");
    case FeatureSource::Analysis: return QStringLiteral("analysis");
    }
    return {};
}

}  // namespace encore
