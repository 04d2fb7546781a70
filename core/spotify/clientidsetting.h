#pragma once

#include <QSettings>
#include <QString>

namespace encore {

// The Spotify app's client ID is not a secret: it lives in the settings, so the user enters it
// once. (Tokens never go here: they belong to SecretStore.)
struct ClientIdSetting {
    static constexpr const char *kKey = "spotify/clientId";

    // Encore's settings: organization "Encore", application "Encore".
    static QSettings openDefault();

    static QString load(const QSettings &settings);  // empty when none was saved
    static void save(QSettings &settings, const QString &clientId);
};

}  // namespace encore
