#pragma once

#include <QUrl>

class QWidget;

namespace encore {

// Opens `appUrl` (spotify:track:…, spotify:playlist:…) in the Spotify app, or `webUrl` in the
// browser when nothing on this desktop handles spotify: links; when no browser opens either, a
// dialog over `parent` offers the web link to copy. Never waits: the answer comes through
// `parent`'s event loop.
void openInSpotify(QWidget *parent, const QUrl &appUrl, const QUrl &webUrl);

}  // namespace encore
