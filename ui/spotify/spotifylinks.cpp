#include "spotifylinks.h"

#include "common/externallink.h"

#include <QDesktopServices>
#include <QWidget>
#include <QProcess>
#include <QStandardPaths>
#include <QTimer>

#include <functional>
#include <memory>
#include <utility>

namespace encore {

namespace {

constexpr int kXdgMimeTimeoutMs = 2000;

// On freedesktop systems QDesktopServices hands every link to xdg-open and reports success even
// when nothing opens spotify: links, so ask xdg-mime whether something does, without waiting for
// it on the GUI thread. Elsewhere, and without xdg-mime, openUrl() itself is the test. Calls
// `answer` once, from the event loop or (with nobody to ask) at once.
void askWhetherDesktopOpensSpotifyLinks(QObject *context, const std::function<void(bool)> &answer)
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
    const QString xdgMime = QStandardPaths::findExecutable(QStringLiteral("xdg-mime"));
    if (xdgMime.isEmpty()) {
        answer(true);
        return;
    }
    auto *query = new QProcess(context);
    auto settle = [query, answer, answered = std::make_shared<bool>(false)](bool mayOpen) {
        if (std::exchange(*answered, true))
            return;
        query->deleteLater();
        answer(mayOpen);
    };
    QObject::connect(query, &QProcess::finished, context,
                     [query, settle] { settle(!query->readAllStandardOutput().trimmed().isEmpty()); });
    QObject::connect(query, &QProcess::errorOccurred, context, [settle](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            settle(true);
    });
    QTimer::singleShot(kXdgMimeTimeoutMs, query, [settle] { settle(true); });
    query->start(xdgMime,
                 {QStringLiteral("query"), QStringLiteral("default"), QStringLiteral("x-scheme-handler/spotify")});
#else
    Q_UNUSED(context);
    answer(true);
#endif
}

}  // namespace

void openInSpotify(QWidget *parent, const QUrl &appUrl, const QUrl &webUrl)
{
    askWhetherDesktopOpensSpotifyLinks(parent, [parent, appUrl, webUrl](bool mayOpenApp) {
        if (mayOpenApp && QDesktopServices::openUrl(appUrl))
            return;
        openExternalLink(parent, webUrl);
    });
}

}  // namespace encore
