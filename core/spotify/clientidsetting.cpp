#include "spotify/clientidsetting.h"

namespace encore {

QSettings ClientIdSetting::openDefault()
{
    return QSettings(QStringLiteral("Encore"), QStringLiteral("Encore"));
}

QString ClientIdSetting::load(const QSettings &settings)
{
    return settings.value(QLatin1String(kKey)).toString().trimmed();
}

void ClientIdSetting::save(QSettings &settings, const QString &clientId)
{
    settings.setValue(QLatin1String(kKey), clientId.trimmed());
    settings.sync();
}

}  // namespace encore
