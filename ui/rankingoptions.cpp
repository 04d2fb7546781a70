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
    options.excludePlaylistTracks = settings.value(kExcludeKey, false).toBool();
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
}

}  // namespace encore
