#include "spotify/spotifysettings.h"

namespace encore {

QSettings SpotifySettings::openDefault()
{
    return QSettings(QStringLiteral("Encore"), QStringLiteral("Encore"));
}

QString SpotifySettings::clientId(const QSettings &settings)
{
    return settings.value(QLatin1String(kClientIdKey)).toString().trimmed();
}

void SpotifySettings::saveClientId(QSettings &settings, const QString &clientId)
{
    settings.setValue(QLatin1String(kClientIdKey), clientId.trimmed());
    settings.sync();
}

quint16 SpotifySettings::redirectPort(const QSettings &settings)
{
    bool ok = false;
    const int port = settings.value(QLatin1String(kRedirectPortKey)).toInt(&ok);
    return ok && port > 0 && port <= 65535 ? quint16(port) : kDefaultRedirectPort;
}

void SpotifySettings::saveRedirectPort(QSettings &settings, quint16 port)
{
    settings.setValue(QLatin1String(kRedirectPortKey), int(port));
    settings.sync();
}

}  // namespace encore
