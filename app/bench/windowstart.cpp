#include "windowstart.h"

#include "library/libraryjobs.h"
#include "util/settingskeys.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSettings>

#include <optional>
#include <span>

namespace encore::bench {

namespace {

// What the window logs (encore.ui, debug) once its first recommendations are in the list.
constexpr QLatin1StringView kShown{"first recommendations shown"};
constexpr int kTimeoutMs = 60'000;

// Stores the catalog where the window of `home` finds its library, writes both caches, and
// names the catalog's first playlist of two or more tracks and its first track as the session.
Result<int> prepareHome(const QString &home, const QString &csvPath)
{
    const QString dataDir = home + QStringLiteral("/data/Encore");
    const QString configDir = home + QStringLiteral("/config/Encore");
    if (!QDir().mkpath(dataDir) || !QDir().mkpath(configDir) || !QDir().mkpath(home + QStringLiteral("/runtime"))
        || !QFile::setPermissions(home + QStringLiteral("/runtime"),
                                  QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner))
        return Error{ErrorKind::Io, QStringLiteral("Cannot create the window's home in %1.").arg(home)};
    // As the window imports a file: stored, then loaded, which leaves both caches behind.
    ImportProgressState progress;
    const ImportOutcome imported = importIntoLibrary(dataDir + QStringLiteral("/library.sqlite"), csvPath, progress);
    if (imported.error)
        return *imported.error;
    const std::shared_ptr<const Catalog> &catalog = imported.snapshot.catalog;
    if (!catalog)
        return Error{ErrorKind::NotFound, QStringLiteral("%1 holds no tracks.").arg(csvPath)};
    for (int p = 0; p < catalog->playlistCount(); ++p) {
        const std::span<const std::int32_t> rows = catalog->playlistRows(p);
        if (rows.size() < 2)
            continue;
        const QString playlistId = catalog->playlists()[static_cast<std::size_t>(p)].id;
        QSettings session(configDir + QStringLiteral("/Encore.conf"), QSettings::IniFormat);
        session.setValue(settingskeys::playlistId, playlistId);
        session.setValue(settingskeys::seedPlaylistId, playlistId);
        session.setValue(settingskeys::seedTrackId, catalog->trackId(rows.front()));
        return catalog->size();
    }
    return Error{ErrorKind::NotFound, QStringLiteral("%1 has no playlist of two tracks to start on.").arg(csvPath)};
}

// Milliseconds from starting the window to its log line, or an error with what it printed.
Result<double> startOnce(const QString &encore, const QString &home)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
    environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), home + QStringLiteral("/runtime"));
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("encore.ui.debug=true"));
    QProcess window;
    window.setProcessEnvironment(environment);
    QElapsedTimer clock;
    clock.start();
    window.start(encore, {});
    QByteArray printed;
    std::optional<double> shownMs;
    while (!shownMs && clock.elapsed() < kTimeoutMs && window.state() != QProcess::NotRunning) {
        window.waitForReadyRead(100);
        printed += window.readAllStandardError();
        if (printed.contains(QByteArrayView(kShown.data(), kShown.size())))
            shownMs = static_cast<double>(clock.nsecsElapsed()) / 1e6;
    }
    window.kill();
    window.waitForFinished();
    if (!shownMs)
        return Error{ErrorKind::Io,
                     QStringLiteral("The window showed no recommendations within %1 s: %2")
                         .arg(kTimeoutMs / 1000)
                         .arg(QString::fromUtf8(printed.right(400)).trimmed())};
    return *shownMs;
}

}  // namespace

QJsonObject WindowStartFigures::toJson() const
{
    return QJsonObject{{QStringLiteral("tracks"), tracks}, {QStringLiteral("ms"), ms.toJson()}};
}

Result<WindowStartFigures> measureWindowStart(const QString &encore, const QString &csvPath, const QString &workDir,
                                              int runs)
{
    const QString home = QDir(workDir).filePath(QStringLiteral("window-start"));
    QDir(home).removeRecursively();
    Result<int> tracks = prepareHome(home, csvPath);
    if (!tracks)
        return tracks.error();
    WindowStartFigures figures;
    figures.tracks = *tracks;
    for (int run = -1; run < runs; ++run) {  // run -1 warms the disk cache
        Result<double> ms = startOnce(encore, home);
        if (!ms)
            return ms.error();
        if (run >= 0)
            figures.ms.add(*ms);
    }
    return figures;
}

}  // namespace encore::bench
