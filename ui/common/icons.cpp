#include "icons.h"

#include <QApplication>
#include <QStyle>

#include <initializer_list>

// Q_INIT_RESOURCE may not be used inside a namespace.
static void initEncoreResources()
{
    Q_INIT_RESOURCE(encore);
}

namespace encore::icons {

namespace {

QIcon fromSizes(const QString &name, std::initializer_list<int> sizes)
{
    static const bool initialised = [] {
        initEncoreResources();
        return true;
    }();
    Q_UNUSED(initialised);
    QIcon icon;
    for (int size : sizes)
        icon.addFile(QStringLiteral(":/encore/icons/%1-%2.png").arg(name).arg(size), QSize(size, size));
    return icon;
}

QIcon themed(const QString &name, QStyle::StandardPixmap fallback)
{
    return QIcon::fromTheme(name, QApplication::style()->standardIcon(fallback));
}

}  // namespace

QIcon app()
{
    return fromSizes(QStringLiteral("encore"), {16, 24, 32, 48, 64, 128, 256});
}

QIcon noFeatures()
{
    return fromSizes(QStringLiteral("no-features"), {16, 32});
}

QIcon inLibrary()
{
    return themed(QStringLiteral("emblem-default"), QStyle::SP_DialogApplyButton);
}

QIcon changedOnSpotify()
{
    return themed(QStringLiteral("view-refresh"), QStyle::SP_BrowserReload);
}

QIcon notReadYet()
{
    return themed(QStringLiteral("go-down"), QStyle::SP_ArrowDown);
}

}  // namespace encore::icons
