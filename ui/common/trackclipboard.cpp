#include "trackclipboard.h"

#include "uitext.h"

#include <QList>
#include <QMimeData>
#include <QStringList>
#include <QUrl>

namespace encore {

namespace {

QString titleAndArtists(const Track &track)
{
    return uitext::title(track) + QStringLiteral(" — ") + uitext::artists(track);
}

}  // namespace

QMimeData *trackLinksMimeData(const TrackList &list)
{
    QList<QUrl> urls;
    QStringList links;
    QStringList html;
    for (const TrackListEntry &entry : list.entries) {
        const Track track = list.catalog->track(entry.row);
        const QString link = trackWebLink(track.id);
        urls.push_back(QUrl(link));
        links.push_back(link);
        html.push_back(
            QStringLiteral("<a href=\"%1\">%2</a>").arg(link.toHtmlEscaped(), titleAndArtists(track).toHtmlEscaped()));
    }
    auto *mime = new QMimeData;
    mime->setUrls(urls);
    mime->setText(links.join(u'\n'));
    mime->setHtml(html.join(QStringLiteral("<br>\n")));
    return mime;
}

QMimeData *trackTextMimeData(const TrackList &list)
{
    QStringList lines;
    for (const TrackListEntry &entry : list.entries)
        lines.push_back(titleAndArtists(list.catalog->track(entry.row)));
    auto *mime = new QMimeData;
    mime->setText(lines.join(u'\n'));
    return mime;
}

}  // namespace encore
