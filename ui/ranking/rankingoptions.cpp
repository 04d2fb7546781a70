#include "rankingoptions.h"

#include "util/settingskeys.h"

#include <QSettings>
#include <QVariantList>

#include <algorithm>
#include <cmath>

namespace encore {

namespace {

// The value at `key` when it is a number in [low, high]; `fallback` otherwise.
float readFloat(const QSettings &settings, QLatin1StringView key, float low, float high, float fallback)
{
    bool ok = false;
    const float value = settings.value(key).toFloat(&ok);
    return ok && std::isfinite(value) && value >= low && value <= high ? value : fallback;
}

}  // namespace

RankingOptions loadRankingOptions(const QSettings &settings)
{
    RankingOptions options;
    if (const auto method = rankingMethodFromName(settings.value(settingskeys::rankingMethod).toString()))
        options.method = *method;
    const QVariantList weights = settings.value(settingskeys::rankingWeights).toList();
    if (weights.size() == kFeatureCount) {
        for (int i = 0; i < kFeatureCount; ++i) {
            bool ok = false;
            const float weight = weights[i].toFloat(&ok);
            if (ok && std::isfinite(weight))
                options.weights.values[i] = std::clamp(weight, 0.0f, RankingOptions::kMaxWeight);
        }
    }
    bool ok = false;
    const int k = settings.value(settingskeys::rankingCount).toInt(&ok);
    if (ok && k >= 1)
        options.k = std::min(k, RankingOptions::kMaxK);
    options.excludePlaylistTracks = settings.value(settingskeys::excludePlaylistTracks, true).toBool();
    options.onlyNewSongs = settings.value(settingskeys::onlyNewSongs, false).toBool();

    HybridSettings &hybrid = options.hybrid;
    hybrid.alpha = readFloat(settings, settingskeys::hybridAlpha, 0.0f, 1.0f, hybrid.alpha);
    hybrid.popularityWeight = readFloat(settings, settingskeys::hybridPopularity, 0.0f,
                                        RankingOptions::kMaxPopularityWeight, hybrid.popularityWeight);
    hybrid.diversity = readFloat(settings, settingskeys::hybridDiversity, 0.0f, 1.0f, hybrid.diversity);
    const int perArtist = settings.value(settingskeys::hybridMaxPerArtist).toInt(&ok);
    if (ok && perArtist >= 0 && perArtist <= RankingOptions::kMaxPerArtistLimit)
        hybrid.maxPerArtist = perArtist;
    options.playlistContext = readFloat(settings, settingskeys::hybridPlaylistContext, 0.0f,
                                        RankingOptions::kMaxPlaylistContext, options.playlistContext);
    return options;
}

void saveRankingOptions(QSettings &settings, const RankingOptions &options)
{
    settings.setValue(settingskeys::rankingMethod, rankingMethodName(options.method));
    QVariantList weights;
    for (float weight : options.weights.values)
        weights.push_back(static_cast<double>(weight));
    settings.setValue(settingskeys::rankingWeights, weights);
    settings.setValue(settingskeys::rankingCount, options.k);
    settings.setValue(settingskeys::excludePlaylistTracks, options.excludePlaylistTracks);
    settings.setValue(settingskeys::onlyNewSongs, options.onlyNewSongs);
    settings.setValue(settingskeys::hybridAlpha, static_cast<double>(options.hybrid.alpha));
    settings.setValue(settingskeys::hybridPopularity, static_cast<double>(options.hybrid.popularityWeight));
    settings.setValue(settingskeys::hybridDiversity, static_cast<double>(options.hybrid.diversity));
    settings.setValue(settingskeys::hybridMaxPerArtist, options.hybrid.maxPerArtist);
    settings.setValue(settingskeys::hybridPlaylistContext, static_cast<double>(options.playlistContext));
}

}  // namespace encore
