#pragma once

#include <QSettings>
#include <QString>

namespace encore {

// What Encore remembers about the user's Spotify app: its Client ID, the loopback port of the
// redirect URI registered for it, and how much of its quota searches may spend. None is a secret,
// so all live in the settings and the user enters them once. (Tokens never go here: they belong
// to SecretStore.)
struct SpotifySettings {
    // The port suggested for http://127.0.0.1:PORT/callback: high, unassigned, and the same on
    // every machine, so the redirect URI registered once in the dashboard keeps working.
    static constexpr quint16 kDefaultRedirectPort = 43117;
    // Of the app's quota of about a thousand calls a day; playlist reads and saves need the rest.
    static constexpr int kDefaultDailySearchBudget = 300;

    // Encore's settings: organization "Encore", application "Encore".
    static QSettings openDefault();

    static QString clientId(const QSettings &settings);  // empty when none was saved
    static void saveClientId(QSettings &settings, const QString &clientId);
    static quint16 redirectPort(const QSettings &settings);  // kDefaultRedirectPort when unset
    static void saveRedirectPort(QSettings &settings, quint16 port);
    // How many Spotify searches Encore may make a day for songs without a Spotify id.
    static int dailySearchBudget(const QSettings &settings);
};

}  // namespace encore
