#pragma once

#include <QIcon>

// Icons compiled into encore_ui from resources/encore.qrc (PNG renderings of the SVG sources, so
// that they show without the Qt SVG plugin).
namespace encore::icons {

QIcon app();
QIcon noFeatures();

}  // namespace encore::icons
