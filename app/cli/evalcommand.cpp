#include "evalcommand.h"

#include "textoutput.h"

#include "catalog/catalogimporter.h"
#include "recommend/evaluation.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <memory>

namespace encore::cli {

namespace {

double rounded(double value, double scale)
{
    return std::round(value * scale) / scale;
}

QJsonObject qualityJson(const MethodQuality &quality)
{
    QJsonObject object{
        {QStringLiteral("playlist_precision"), rounded(quality.playlistPrecision, 1e4)},
        {QStringLiteral("ms_per_query"), rounded(quality.msPerQuery, 1e3)},
    };
    if (quality.genrePrecision)
        object.insert(QStringLiteral("genre_precision"), rounded(*quality.genrePrecision, 1e4));
    return object;
}

QJsonObject settingsJson(const HybridSettings &settings)
{
    return {{QStringLiteral("alpha"), rounded(settings.alpha, 1e4)},
            {QStringLiteral("popularity_weight"), rounded(settings.popularityWeight, 1e4)},
            {QStringLiteral("diversity"), rounded(settings.diversity, 1e4)},
            {QStringLiteral("max_per_artist"), settings.maxPerArtist}};
}

// "hybrid      0.1234     0.6789      3.210"
QString qualityLine(const QString &name, const MethodQuality &quality)
{
    const QString genre =
        quality.genrePrecision ? QString::number(*quality.genrePrecision, 'f', 4) : QStringLiteral("-");
    return name.leftJustified(26) + QString::number(quality.playlistPrecision, 'f', 4).rightJustified(10)
        + genre.rightJustified(10) + QString::number(quality.msPerQuery, 'f', 3).rightJustified(12) + u'\n';
}

QString tableHeader(int k)
{
    return QStringLiteral("method").leftJustified(26) + QStringLiteral("playlist@%1").arg(k).rightJustified(10)
        + QStringLiteral("genre@%1").arg(k).rightJustified(10) + QStringLiteral("ms/query").rightJustified(12) + u'\n';
}

QString settingsText(const HybridSettings &s)
{
    return QStringLiteral("alpha %1, popularity weight %2, diversity %3, at most %4 per artist")
        .arg(s.alpha)
        .arg(s.popularityWeight)
        .arg(s.diversity)
        .arg(s.maxPerArtist);
}

QJsonObject methodsJson(const std::vector<MethodQuality> &results)
{
    QJsonObject byMethod;
    for (const MethodQuality &quality : results)
        byMethod.insert(evalMethodName(quality.method), qualityJson(quality));
    return byMethod;
}

QString qualityTable(int k, const std::vector<MethodQuality> &results)
{
    QString table = tableHeader(k);
    for (const MethodQuality &quality : results)
        table += qualityLine(evalMethodName(quality.method), quality);
    return table;
}

std::vector<MethodQuality> evaluateAll(const Recommender &recommender, const std::vector<EvalPair> &pairs,
                                       const EvalOptions &options)
{
    std::vector<MethodQuality> results;
    for (EvalMethod method : kAllEvalMethods)
        results.push_back(evaluateMethod(recommender, method, pairs, options.k, options.hybrid, options.rng));
    return results;
}

// One line per pair, "playlist_id,seed_track_id,shares_another_playlist" (0 or 1) after a
// header, so that methods outside Encore can be measured on the same pairs.
std::optional<QString> writePairs(const QString &path, const Recommender &recommender,
                                  const std::vector<EvalPair> &pairs)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text))
        return QStringLiteral("Cannot write the pairs to %1: %2")
            .arg(QDir::toNativeSeparators(path), file.errorString());
    const Catalog &catalog = recommender.catalog();
    QByteArray text("playlist_id,seed_track_id,shares_another_playlist\n");
    for (const EvalPair &pair : pairs) {
        const bool sharing = seedSharesAnotherPlaylist(recommender.hybridRanker().cooccurrence(), pair);
        text += catalog.playlists()[static_cast<std::size_t>(pair.playlist)].id.toUtf8() + ','
            + catalog.trackId(pair.seedRow).toUtf8() + ',' + (sharing ? '1' : '0') + '\n';
    }
    if (file.write(text) != text.size() || !file.flush())
        return QStringLiteral("Cannot write the pairs to %1: %2")
            .arg(QDir::toNativeSeparators(path), file.errorString());
    return std::nullopt;
}

std::optional<int> positiveValue(const QCommandLineParser &parser, const QCommandLineOption &option, Streams io)
{
    bool ok = false;
    const int value = parser.value(option).toInt(&ok);
    if (ok && value >= 1)
        return value;
    io.err << "--" << option.names().constLast() << " takes a whole number, 1 or more, not \"" << parser.value(option)
           << "\".\n";
    return std::nullopt;
}

}  // namespace

int runEval(const QStringList &arguments, Streams io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Measure how well each ranking method predicts a catalog's playlists, leaving the seed's "
                       "playlist out."));
    const QCommandLineOption catalogOption(QStringLiteral("catalog"),
                                           QStringLiteral("The catalog to measure on (.csv, .csv.gz)."),
                                           QStringLiteral("FILE"));
    const QCommandLineOption countOption(QStringLiteral("k"),
                                         QStringLiteral("Precision at this many songs (default 10)."),
                                         QStringLiteral("N"), QStringLiteral("10"));
    const QCommandLineOption seedsOption(QStringLiteral("seeds"),
                                         QStringLiteral("How many (playlist, seed) pairs (default 1000)."),
                                         QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption rngOption(QStringLiteral("rng"),
                                       QStringLiteral("Random seed for drawing the pairs (default 7)."),
                                       QStringLiteral("N"), QStringLiteral("7"));
    const QCommandLineOption tuneOption(
        QStringLiteral("tune"),
        QStringLiteral("Choose the hybrid settings on half of the playlists, report them on the other half."));
    const QCommandLineOption segmentsOption(
        QStringLiteral("segments"),
        QStringLiteral("Also measure separately the seeds that share another playlist with some track and "
                       "those that do not."));
    const QCommandLineOption dumpPairsOption(
        QStringLiteral("dump-pairs"), QStringLiteral("Write the (playlist, seed) pairs measured on to FILE as CSV."),
        QStringLiteral("FILE"));
    const QCommandLineOption dropOption(
        QStringLiteral("drop-features"),
        QStringLiteral("Remove this share (0 to 1) of the feature values at random first, drawn with --rng."),
        QStringLiteral("SHARE"), QStringLiteral("0"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Print JSON."));
    parser.addOptions({catalogOption, countOption, seedsOption, rngOption, tuneOption, segmentsOption, dumpPairsOption,
                       dropOption, jsonOption});
    if (const auto exit = parseOrExit(parser, arguments, io, Positionals::Refused))
        return *exit;

    if (!parser.isSet(catalogOption)) {
        io.err << "Name the catalog to measure on with --catalog FILE.\n";
        return ExitFailure;
    }
    const std::optional<int> k = positiveValue(parser, countOption, io);
    const std::optional<int> seeds = k ? positiveValue(parser, seedsOption, io) : std::nullopt;
    if (!k || !seeds)
        return ExitFailure;
    bool rngOk = false;
    const uint rng = parser.value(rngOption).toUInt(&rngOk);
    if (!rngOk) {
        io.err << "--rng takes a whole number, 0 or more, not \"" << parser.value(rngOption) << "\".\n";
        return ExitFailure;
    }
    bool dropOk = false;
    const double dropShare = parser.value(dropOption).toDouble(&dropOk);
    if (!dropOk || !(dropShare >= 0.0 && dropShare <= 1.0)) {
        io.err << "--drop-features takes a share from 0 to 1, not \"" << parser.value(dropOption) << "\".\n";
        return ExitFailure;
    }

    const QString path = parser.value(catalogOption);
    Result<ImportBatch> batch = CatalogImporter().importFile(path);
    if (!batch) {
        io.err << batch.error().message << '\n';
        return ExitFailure;
    }
    for (const RejectedRow &row : batch->rejected)
        io.err << QDir::toNativeSeparators(path) << ':' << row.line << ": skipped: " << row.reason << '\n';
    if (dropShare > 0.0) {
        EvalRandom random(rng);
        dropFeatureValues(batch->features, dropShare, random);
    }
    const Recommender recommender(std::make_shared<const Catalog>(std::move(batch->tracks), std::move(batch->features),
                                                                  std::move(batch->playlists)));

    EvalOptions options;
    options.k = *k;
    options.seeds = *seeds;
    options.rng = rng;
    const bool json = parser.isSet(jsonOption);
    if (parser.isSet(tuneOption)) {
        const Result<TuningResult> tuned = tuneHybrid(recommender, options);
        if (!tuned) {
            io.err << tuned.error().message << '\n';
            return ExitFailure;
        }
        if (json) {
            io.out << QJsonDocument(
                          QJsonObject{
                              {QStringLiteral("k"), options.k},
                              {QStringLiteral("seeds"), options.seeds},
                              {QStringLiteral("best"), settingsJson(tuned->best)},
                              {QStringLiteral("defaults"), settingsJson(HybridSettings{})},
                              {QStringLiteral("tuning_half"), qualityJson(tuned->onTuningHalf)},
                              {QStringLiteral("held_out_half"), qualityJson(tuned->onHeldOutHalf)},
                              {QStringLiteral("defaults_on_held_out_half"), qualityJson(tuned->defaultsOnHeldOutHalf)},
                              {QStringLiteral("content_tuning_half"), qualityJson(tuned->contentOnTuningHalf)},
                              {QStringLiteral("content_held_out_half"), qualityJson(tuned->contentOnHeldOutHalf)}})
                          .toJson(QJsonDocument::Indented);
        } else {
            io.out << "Best on the tuning half: " << settingsText(tuned->best) << '\n'
                   << "Defaults: " << settingsText(HybridSettings{}) << "\n\n"
                   << tableHeader(options.k) << qualityLine(QStringLiteral("best, tuning half"), tuned->onTuningHalf)
                   << qualityLine(QStringLiteral("best, held-out half"), tuned->onHeldOutHalf)
                   << qualityLine(QStringLiteral("defaults, held-out half"), tuned->defaultsOnHeldOutHalf)
                   << qualityLine(QStringLiteral("content, tuning half"), tuned->contentOnTuningHalf)
                   << qualityLine(QStringLiteral("content, held-out half"), tuned->contentOnHeldOutHalf);
        }
        return ExitOk;
    }

    const Result<std::vector<EvalPair>> pairs = drawEvalPairs(recommender, options);
    if (!pairs) {
        io.err << pairs.error().message << '\n';
        return ExitFailure;
    }
    if (parser.isSet(dumpPairsOption)) {
        if (const auto error = writePairs(parser.value(dumpPairsOption), recommender, *pairs)) {
            io.err << *error << '\n';
            return ExitFailure;
        }
    }
    const std::vector<MethodQuality> results = evaluateAll(recommender, *pairs, options);
    const bool segmented = parser.isSet(segmentsOption);
    const EvalSegments segments =
        segmented ? segmentEvalPairs(recommender.hybridRanker().cooccurrence(), *pairs) : EvalSegments{};
    const std::vector<MethodQuality> sharing =
        segmented ? evaluateAll(recommender, segments.sharing, options) : std::vector<MethodQuality>{};
    const std::vector<MethodQuality> alone =
        segmented ? evaluateAll(recommender, segments.alone, options) : std::vector<MethodQuality>{};
    if (json) {
        QJsonObject report{{QStringLiteral("k"), options.k},
                           {QStringLiteral("seeds"), options.seeds},
                           {QStringLiteral("methods"), methodsJson(results)}};
        if (segmented) {
            const auto segmentJson = [](const std::vector<EvalPair> &part,
                                        const std::vector<MethodQuality> &qualities) {
                return QJsonObject{{QStringLiteral("pairs"), static_cast<int>(part.size())},
                                   {QStringLiteral("methods"), methodsJson(qualities)}};
            };
            report.insert(
                QStringLiteral("segments"),
                QJsonObject{{QStringLiteral("shares_another_playlist"), segmentJson(segments.sharing, sharing)},
                            {QStringLiteral("no_other_playlist"), segmentJson(segments.alone, alone)}});
        }
        io.out << QJsonDocument(report).toJson(QJsonDocument::Indented);
    } else {
        io.out << qualityTable(options.k, results);
        if (segmented) {
            io.out << "\nSeeds that share another playlist with some track (" << segments.sharing.size() << " pairs):\n"
                   << qualityTable(options.k, sharing) << "\nSeeds in no other playlist with another track ("
                   << segments.alone.size() << " pairs):\n"
                   << qualityTable(options.k, alone);
        }
    }
    return ExitOk;
}

}  // namespace encore::cli
