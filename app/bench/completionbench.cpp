#include "completionbench.h"

#include "catalog/catalog.h"
#include "model/track.h"
#include "recommend/seedcompletion.h"

#include <QElapsedTimer>

#include <random>

namespace encore::bench {

namespace {

constexpr int kCompletions = 10;
constexpr qsizetype kTypedLength = 12;

}  // namespace

QJsonObject CompletionFigures::toJson() const
{
    return QJsonObject{{QStringLiteral("tracks"), tracks},
                       {QStringLiteral("entries"), entries},
                       {QStringLiteral("build_seconds"), buildSeconds},
                       {QStringLiteral("keystroke_us"), keystrokeUs.toJson()}};
}

Result<CompletionFigures> measureCompletion(const std::shared_ptr<const Catalog> &catalog, int names)
{
    CompletionFigures figures;
    figures.tracks = catalog->size();
    if (catalog->isEmpty())
        return Error{ErrorKind::NotFound, QStringLiteral("The library has no track to complete.")};

    QElapsedTimer clock;
    clock.start();
    const SeedCompletion completion(catalog);
    figures.buildSeconds = static_cast<double>(clock.nsecsElapsed()) / 1e9;
    figures.entries = completion.size();

    std::mt19937 rng(7);
    std::uniform_int_distribution<int> rows(0, catalog->size() - 1);
    for (int i = 0; i < names; ++i) {
        const Track track = catalog->track(rows(rng));
        const QString name = i % 2 == 0 ? track.name : track.primaryArtist();
        for (qsizetype typed = 1; typed <= std::min(name.size(), kTypedLength); ++typed) {
            clock.restart();
            const QStringView prefix = QStringView(name).left(typed);
            const QStringList shown = completion.complete(prefix, kCompletions);
            figures.keystrokeUs.add(static_cast<double>(clock.nsecsElapsed()) / 1e3);
            // Every typed name is in the index, unless what is typed so far is punctuation only.
            if (shown.isEmpty() && !normalizedText(prefix).isEmpty())
                return Error{ErrorKind::NotFound, QStringLiteral("Nothing completes \"%1\".").arg(name.left(typed))};
        }
    }
    return figures;
}

}  // namespace encore::bench
