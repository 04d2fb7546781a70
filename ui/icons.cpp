#include "icons.h"

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

}  // namespace

QIcon app()
{
    return fromSizes(QStringLiteral("encore"), {16, 24, 32, 48, 64, 128, 256});
}

QIcon noFeatures()
{
    return fromSizes(QStringLiteral("no-features"), {16, 32});
}

}  // namespace encore::icons
