#include "spotify/spotifysettings.h"

#include "util/settingskeys.h"

namespace encore {

QSettings SpotifySettings::openDefault()
{
    return QSettings(QStringLiteral("Encore"), QStringLiteral("Encore"));
}

QString SpotifySettings::clientId(const QSettings &settings)
{
    return settings.value(settingskeys::spotifyClientId).toString().trimmed();
}

void SpotifySettings::saveClientId(QSettings &settings, const QString &clientId)
{
    settings.setValue(settingskeys::spotifyClientId, clientId.trimmed());
    settings.sync();
}

quint16 SpotifySettings::redirectPort(const QSettings &settings)
{
    bool ok = false;
    const int port = settings.value(settingskeys::spotifyRedirectPort).toInt(&ok);
    return ok && port > 0 && port <= 65535 ? quint16(port) : kDefaultRedirectPort;
}

void SpotifySettings::saveRedirectPort(QSettings &settings, quint16 port)
{
    settings.setValue(settingskeys::spotifyRedirectPort, int(port));
    settings.sync();
}

int SpotifySettings::dailySearchBudget(const QSettings &settings)
{
    bool ok = false;
    const int budget = settings.value(settingskeys::spotifyDailySearchBudget).toInt(&ok);
    return ok && budget >= 0 ? budget : kDefaultDailySearchBudget;
}

}  // namespace encore
