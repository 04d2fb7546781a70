#include "translations.h"

#include "logging.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace encore {

void installTranslations(const QLocale &locale)
{
    QLocale::setDefault(locale);
    const auto install = [&locale](const QString &name, const QString &directory) {
        auto *translator = new QTranslator(QCoreApplication::instance());
        if (translator->load(locale, name, QStringLiteral("_"), directory)) {
            QCoreApplication::installTranslator(translator);
        } else {
            qCDebug(lcUi) << "No" << name << "translation for" << locale.uiLanguages();
            delete translator;
        }
    };
    install(QStringLiteral("qtbase"), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    install(QStringLiteral("encore"), QStringLiteral(":/i18n"));
}

}  // namespace encore
