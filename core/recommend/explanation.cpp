#include "explanation.h"

#include <QCoreApplication>
#include <QStringList>

#include <cmath>

namespace encore {

namespace {

QString vs(const QString &value, const QString &seedValue)
{
    return QCoreApplication::translate("encore::explanation", "%1 vs %2").arg(value, seedValue);
}

// "124 BPM" and "122 BPM" → "124 vs 122 BPM": the unit said once when both share it.
QString versus(const QString &value, const QString &seedValue)
{
    const qsizetype space = value.lastIndexOf(u' ');
    if (space > 0 && seedValue.endsWith(value.mid(space)))
        return vs(value.left(space), seedValue);
    return vs(value, seedValue);
}

}  // namespace

QString describeFeatureCoverage(const AudioFeatures &seed, const AudioFeatures &recommendation)
{
    std::vector<Feature> compared;
    for (Feature f : kAllFeatures)
        if (std::isfinite(seed.value(f)) && std::isfinite(recommendation.value(f)))
            compared.push_back(f);
    if (compared.size() == kAllFeatures.size())
        return {};
    if (compared.empty())
        return QCoreApplication::translate("encore::explanation", "no audio features compared");
    if (compared.size() == 1)
        return QCoreApplication::translate("encore::explanation", "%1 only: 1 of %2 features compared")
            .arg(featureNameInText(compared.front()))
            .arg(kFeatureCount);
    return QCoreApplication::translate("encore::explanation", "%1 of %2 features compared")
        .arg(compared.size())
        .arg(kFeatureCount);
}

QString describeFeatureMatch(Feature feature, float seedValue, float value)
{
    if (!std::isfinite(seedValue) || !std::isfinite(value))
        return {};
    const QString name = featureNameInText(feature);
    const QString mine = formatFeatureValue(feature, value);
    const QString theirs = formatFeatureValue(feature, seedValue);
    switch (feature) {
    case Feature::Key:
        return mine == theirs ? QCoreApplication::translate("encore::explanation", "same key")
                              : QCoreApplication::translate("encore::explanation", "key %1").arg(versus(mine, theirs));
    case Feature::Mode:
        return mine == theirs ? QCoreApplication::translate("encore::explanation", "both %1").arg(mine)
                              : vs(mine, theirs);
    case Feature::Tempo:
    case Feature::Loudness:
        return mine == theirs ? QCoreApplication::translate("encore::explanation", "same %1 (%2)").arg(name, mine)
                              : QStringLiteral("%1 %2").arg(name, versus(mine, theirs));
    default: return QCoreApplication::translate("encore::explanation", "similar %1").arg(name);
    }
}

QString describeSharedPlaylists(int count, const QString &other)
{
    if (count <= 0)
        return {};
    return count == 1
        ? QCoreApplication::translate("encore::explanation", "in 1 playlist with %1").arg(other)
        : QCoreApplication::translate("encore::explanation", "in %n playlists with %1", nullptr, count).arg(other);
}

QString explainMatch(const AudioFeatures &seed, const AudioFeatures &recommendation,
                     const FeatureSpace::FeatureList &features)
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
    if (anchor < 0 || anchor >= catalog.size() || recommendation.row < 0 || recommendation.row >= catalog.size())
        return {};
    QStringList phrases;
    if (playlistSeed) {
        const QString title = catalog.track(anchor).name;
        phrases.push_back(title.isEmpty()
                              ? QCoreApplication::translate("encore::explanation", "most like one of its songs")
                              : QCoreApplication::translate("encore::explanation", "most like “%1”").arg(title));
    }
    if (recommendation.sameArtist)
        phrases.push_back(QCoreApplication::translate("encore::explanation", "same artist"));
    if (recommendation.sharedPlaylists > 0)
        phrases.push_back(
            describeSharedPlaylists(recommendation.sharedPlaylists,
                                    playlistSeed ? QCoreApplication::translate("encore::explanation", "it")
                                                 : QCoreApplication::translate("encore::explanation", "the seed")));
    const QString features =
        explainMatch(catalog.features(anchor), catalog.features(recommendation.row), recommendation.matchingFeatures);
    if (!features.isEmpty())
        phrases.push_back(features);
    const QString coverage = describeFeatureCoverage(catalog.features(anchor), catalog.features(recommendation.row));
    if (!coverage.isEmpty())
        phrases.push_back(coverage);
    return phrases.join(QStringLiteral(", "));
}

}  // namespace encore
