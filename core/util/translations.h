#pragma once

#include <QLocale>

namespace encore {

// Installs Encore's translation for `locale`'s languages and Qt's own (qtbase_*, from Debian's
// qt6-translations-l10n), so the standard dialogs speak the same language. Makes `locale` the
// default for numbers and dates. English needs nothing: it is the source language.
void installTranslations(const QLocale &locale = QLocale::system());

}  // namespace encore
