#include "rankingoptions.h"

#include <QSettings>
#include <QVariantList>

#include <algorithm>
#include <cmath>

namespace encore {

namespace {

const QString kMethodKey = QStringLiteral("ranking/method");
const QString kWeightsKey = QStringLiteral("ranking/weights");
const QString kCountKey = QStringLiteral("ranking/k");
const QString kExcludeKey = QStringLiteral("ranking/excludePlaylistTracks");
const QString kAlphaKey = QStringLiteral("ranking/hybrid/alpha");
const QString kPopularityKey = QStringLiteral("ranking/hybrid/popularityWeight");
const QString kDiversityKey = QStringLiteral("ranking/hybrid/diversity");
const QString kMaxPerArtistKey = QStringLiteral("ranking/hybrid/maxPerArtist");
const QString kPlaylistContextKey = QStringLiteral("ranking/hybrid/playlistContext");

// The value at `key` when it is a number in [low, high]; `fallback` otherwise.
float readFloat(const QSettings &settings, const QString &key, float low, float high, float fallback)
{
    bool ok = false;
    const float value = settings.value(key).toFloat(&ok);
    return ok && std::isfinite(value) && value >= low && value <= high ? value : fallback;
}

}  // namespace

RankingOptions loadRankingOptions(const QSettings &settings)
{
    RankingOptions options;
    if (const auto method = rankingMethodFromName(settings.value(kMethodKey).toString()))
        options.method = *method;
    const QVariantList weights = settings.value(kWeightsKey).toList();
    if (weights.size() == kFeatureCount) {
        for (int i = 0; i < kFeatureCount; ++i) {
            bool ok = false;
            const float weight = weights[i].toFloat(&ok);
            if (ok && std::isfinite(weight))
                options.weights.values[i] = std::clamp(weight, 0.0f, RankingOptions::kMaxWeight);
        }
    }
    bool ok = false;
    const int k = settings.value(kCountKey).toInt(&ok);
    if (ok && k >= 1)
        options.k = std::min(k, RankingOptions::kMaxK);
    options.excludePlaylistTracks = settings.value(kExcludeKey, true).toBool();

    HybridSettings &hybrid = options.hybrid;
    hybrid.alpha = readFloat(settings, kAlphaKey, 0.0f, 1.0f, hybrid.alpha);
    hybrid.popularityWeight = readFloat(settings, kPopularityKey, 0.0f,
                                        RankingOptions::kMaxPopularityWeight, hybrid.popularityWeight);
    hybrid.diversity = readFloat(settings, kDiversityKey, 0.0f, 1.0f, hybrid.diversity);
    const int perArtist = settings.value(kMaxPerArtistKey).toInt(&ok);
    if (ok && perArtist >= 0 && perArtist <= RankingOptions::kMaxPerArtistLimit)
        hybrid.maxPerArtist = perArtist;
    options.playlistContext = readFloat(settings, kPlaylistContextKey, 0.0f,
                                        RankingOptions::kMaxPlaylistContext, options.playlistContext);
    return options;
}

void saveRankingOptions(QSettings &settings, const RankingOptions &options)
{
    settings.setValue(kMethodKey, rankingMethodName(options.method));
    QVariantList weights;
    for (float weight : options.weights.values)
        weights.push_back(static_cast<double>(weight));
    settings.setValue(kWeightsKey, weights);
    settings.setValue(kCountKey, options.k);
    settings.setValue(kExcludeKey, options.excludePlaylistTracks);
    settings.setValue(kAlphaKey, static_cast<double>(options.hybrid.alpha));
    settings.setValue(kPopularityKey, static_cast<double>(options.hybrid.popularityWeight));
    settings.setValue(kDiversityKey, static_cast<double>(options.hybrid.diversity));
    settings.setValue(kMaxPerArtistKey, options.hybrid.maxPerArtist);
    settings.setValue(kPlaylistContextKey, static_cast<double>(options.playlistContext));
}

}  // namespace encore
