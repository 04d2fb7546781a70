#pragma once

#include <QIcon>

// Icons compiled into encore_ui from resources/encore.qrc (PNG renderings of the SVG sources, so
// that they show without the Qt SVG plugin), and a few from the desktop's icon theme, falling back
// to the style's standard icons where there is no theme.
namespace encore::icons {

QIcon app();
QIcon noFeatures();

// Whether the library holds a Spotify playlist: at its current version, at an older one, not yet.
QIcon inLibrary();
QIcon changedOnSpotify();
QIcon notReadYet();

}  // namespace encore::icons
