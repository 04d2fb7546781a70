#include "explanation.h"

#include <QStringList>

#include <cmath>

namespace encore {

namespace {

// "124 BPM" and "122 BPM" → "124 vs 122 BPM": the unit said once when both share it.
QString versus(const QString &value, const QString &seedValue)
{
    const qsizetype space = value.lastIndexOf(u' ');
    if (space > 0 && seedValue.endsWith(value.mid(space)))
        return value.left(space) + QStringLiteral(" vs ") + seedValue;
    return value + QStringLiteral(" vs ") + seedValue;
}

}  // namespace

QString describeFeatureMatch(Feature feature, float seedValue, float value)
{
    if (!std::isfinite(seedValue) || !std::isfinite(value))
        return {};
    const QString name = featureLabel(feature).toLower();
    const QString mine = formatFeatureValue(feature, value);
    const QString theirs = formatFeatureValue(feature, seedValue);
    switch (feature) {
    case Feature::Key:
        return mine == theirs ? QStringLiteral("same key") : QStringLiteral("key ") + versus(mine, theirs);
    case Feature::Mode:
        return mine == theirs ? QStringLiteral("both ") + mine : mine + QStringLiteral(" vs ") + theirs;
    case Feature::Tempo:
    case Feature::Loudness:
        return mine == theirs ? QStringLiteral("same %1 (%2)").arg(name, mine)
                              : name + u' ' + versus(mine, theirs);
    default:
        return QStringLiteral("similar ") + name;
    }
}

QString describeSharedPlaylists(int count, const QString &other)
{
    if (count <= 0)
        return {};
    return count == 1 ? QStringLiteral("in 1 playlist with %1").arg(other)
                      : QStringLiteral("in %1 playlists with %2").arg(count).arg(other);
}

QString explainMatch(const AudioFeatures &seed, const AudioFeatures &recommendation,
                     const std::vector<Feature> &features)
{
    QStringList phrases;
    for (Feature f : features) {
        const QString phrase = describeFeatureMatch(f, seed.value(f), recommendation.value(f));
        if (!phrase.isEmpty())
            phrases.push_back(phrase);
    }
    return phrases.join(QStringLiteral(", "));
}

QString explainMatch(const Catalog &catalog, int seedRow, const Recommendation &recommendation)
{
    const bool playlistSeed = seedRow < 0;
    const int anchor = playlistSeed ? recommendation.anchorRow : seedRow;
    if (anchor < 0 || anchor >= catalog.size() || recommendation.row < 0
        || recommendation.row >= catalog.size())
        return {};
    QStringList phrases;
    if (playlistSeed) {
        const QString title = catalog.track(anchor).name;
        phrases.push_back(title.isEmpty() ? QStringLiteral("most like one of its songs")
                                          : QStringLiteral("most like “%1”").arg(title));
    }
    if (recommendation.sameArtist)
        phrases.push_back(QStringLiteral("same artist"));
    if (recommendation.sharedPlaylists > 0)
        phrases.push_back(describeSharedPlaylists(recommendation.sharedPlaylists,
                                                  playlistSeed ? QStringLiteral("it") : QStringLiteral("the seed")));
    const QString features = explainMatch(catalog.features(anchor), catalog.features(recommendation.row),
                                          recommendation.matchingFeatures);
    if (!features.isEmpty())
        phrases.push_back(features);
    return phrases.join(QStringLiteral(", "));
}

}  // namespace encore
