#include "collectionbench.h"

#include "catalog/millionplaylist.h"
#include "machine.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>

namespace encore::bench {

namespace {

// Runs one step of encore-bench-collection and returns what it printed.
Result<QJsonObject> runStep(const QString &child, const QStringList &arguments)
{
    QProcess process;
    process.start(child, arguments);
    if (!process.waitForFinished(-1) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return Error{ErrorKind::Io,
                     QStringLiteral("encore-bench-collection %1 failed: %2")
                         .arg(arguments.value(0), QString::fromUtf8(process.readAllStandardError()).trimmed())};
    return QJsonDocument::fromJson(process.readAllStandardOutput()).object();
}

// Reads every slice as the import does, without storing anything.
Result<double> secondsToRead(const QString &folder)
{
    const Result<QStringList> slices = millionPlaylistSlices(folder);
    if (!slices)
        return slices.error();
    QElapsedTimer clock;
    clock.start();
    for (const QString &path : *slices) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return Error{ErrorKind::Io, QStringLiteral("Cannot read %1.").arg(path)};
        const Result<ImportBatch> batch = readMillionPlaylistSlice(file.readAll(), path);
        if (!batch)
            return batch.error();
    }
    return msSince(clock) / 1000;
}

void addEach(Stats &stats, const QJsonValue &values)
{
    for (const QJsonValue &value : values.toArray())
        stats.add(value.toDouble());
}

}  // namespace

QJsonObject CollectionFigures::toJson() const
{
    return QJsonObject{{QStringLiteral("collection"), collection.toJson()},
                       {QStringLiteral("write_s"), writeSeconds},
                       {QStringLiteral("read_s"), readSeconds},
                       {QStringLiteral("import_s"), importSeconds},
                       {QStringLiteral("import_peak_rss_mb"), importPeakRssMb},
                       {QStringLiteral("features_import_s"), featuresImportSeconds},
                       {QStringLiteral("load_s"), loadSeconds},
                       {QStringLiteral("load_peak_rss_mb"), loadPeakRssMb},
                       {QStringLiteral("build_s"), buildSeconds},
                       {QStringLiteral("build_peak_rss_mb"), buildPeakRssMb},
                       {QStringLiteral("library_tracks"), libraryTracks},
                       {QStringLiteral("library_playlists"), libraryPlaylists},
                       {QStringLiteral("library_mb"), libraryMb},
                       {QStringLiteral("cold_open_ms"), coldOpenMs.toJson()},
                       {QStringLiteral("rank_peak_rss_mb"), rankPeakRssMb.toJson()},
                       {QStringLiteral("hybrid_with_features_ms"), withFeaturesMs.toJson()},
                       {QStringLiteral("hybrid_without_features_ms"), withoutFeaturesMs.toJson()}};
}

Result<CollectionFigures> measureCollection(const QString &child, const QString &workDir, int playlists, int queries,
                                            int coldOpenRuns)
{
    CollectionFigures figures;
    const QDir dir(QDir(workDir).filePath(QStringLiteral("collection-%1").arg(playlists)));
    if (!QDir().mkpath(dir.path()))
        return Error{ErrorKind::Io, QStringLiteral("Cannot create %1.").arg(dir.path())};
    QElapsedTimer clock;
    clock.start();
    Result<SyntheticCollection> written = writeSyntheticCollection(dir.path(), playlists);
    if (!written)
        return written.error();
    figures.collection = *written;
    figures.writeSeconds = msSince(clock) / 1000;

    const Result<double> read = secondsToRead(figures.collection.folder);
    if (!read)
        return read.error();
    figures.readSeconds = *read;

    const QString library = dir.filePath(QStringLiteral("library.sqlite"));
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral(".catalog"),
                                  QStringLiteral(".ranking")})
        QFile::remove(library + suffix);
    const Result<QJsonObject> imported = runStep(child, {QStringLiteral("import"), library, figures.collection.folder});
    if (!imported)
        return imported.error();
    figures.importSeconds = imported->value(QStringLiteral("ms")).toDouble() / 1000;
    figures.importPeakRssMb = imported->value(QStringLiteral("peak_rss_mb")).toDouble();
    const Result<QJsonObject> features =
        runStep(child, {QStringLiteral("import"), library, figures.collection.featuresPath});
    if (!features)
        return features.error();
    figures.featuresImportSeconds = features->value(QStringLiteral("ms")).toDouble() / 1000;

    const Result<QJsonObject> built = runStep(child, {QStringLiteral("build"), library});
    if (!built)
        return built.error();
    figures.loadSeconds = built->value(QStringLiteral("load_ms")).toDouble() / 1000;
    figures.loadPeakRssMb = built->value(QStringLiteral("load_peak_rss_mb")).toDouble();
    figures.buildSeconds = built->value(QStringLiteral("build_ms")).toDouble() / 1000;
    figures.buildPeakRssMb = built->value(QStringLiteral("peak_rss_mb")).toDouble();
    figures.libraryTracks = built->value(QStringLiteral("tracks")).toInt();
    figures.libraryPlaylists = built->value(QStringLiteral("playlists")).toInt();
    for (const QString &suffix : {QString(), QStringLiteral(".catalog"), QStringLiteral(".ranking")})
        figures.libraryMb += static_cast<double>(QFileInfo(library + suffix).size()) / 1e6;

    for (int run = 0; run < coldOpenRuns; ++run) {
        const Result<QJsonObject> ranked =
            runStep(child, {QStringLiteral("rank"), library, QString::number(run == 0 ? queries : 0)});
        if (!ranked)
            return ranked.error();
        figures.coldOpenMs.add(ranked->value(QStringLiteral("cold_open_ms")).toDouble());
        figures.rankPeakRssMb.add(ranked->value(QStringLiteral("peak_rss_mb")).toDouble());
        addEach(figures.withFeaturesMs, ranked->value(QStringLiteral("with_features_ms")));
        addEach(figures.withoutFeaturesMs, ranked->value(QStringLiteral("without_features_ms")));
    }
    return figures;
}

}  // namespace encore::bench
