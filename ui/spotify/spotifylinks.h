#pragma once

#include <QUrl>

class QObject;

namespace encore {

// Opens `appUrl` (spotify:track:…, spotify:playlist:…) in the Spotify app, or `webUrl` in the
// browser when nothing on this desktop handles spotify: links. Never waits: the answer comes
// through `context`'s event loop.
void openInSpotify(QObject *context, const QUrl &appUrl, const QUrl &webUrl);

}  // namespace encore
