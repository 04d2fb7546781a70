#pragma once

#include "util/result.h"

#include <QProcessEnvironment>
#include <QString>
#include <QUrl>

namespace encore {

// Where Spotify lives. The real hosts are the defaults; tests and power users point Encore
// elsewhere through the environment:
//   ENCORE_SPOTIFY_ACCOUNTS_URL  replaces the accounts base (/authorize and /api/token hang below)
//   ENCORE_SPOTIFY_API_URL       replaces the Web API base (/me, /playlists/... hang below)
// A base must be https, or plain http on a loopback host (127.0.0.0/8, ::1, localhost).
struct SpotifyEndpoints {
    static constexpr const char *kAccountsVariable = "ENCORE_SPOTIFY_ACCOUNTS_URL";
    static constexpr const char *kApiVariable = "ENCORE_SPOTIFY_API_URL";

    QUrl accounts = QUrl(QStringLiteral("https://accounts.spotify.com"));
    QUrl api = QUrl(QStringLiteral("https://api.spotify.com/v1"));

    // The defaults, with whatever the environment overrides; an Error names a bad variable.
    static Result<SpotifyEndpoints>
    fromEnvironment(const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());

    // Ok for an https URL, or an http URL whose host is loopback; otherwise one clear sentence
    // that names `what` (e.g. the variable the value came from).
    static Status validateBase(const QUrl &base, const QString &what);

    QUrl authorizeUrl() const;  // {accounts}/authorize
    QUrl tokenUrl() const;      // {accounts}/api/token
    // {api}/path; a query in `path` ("me/playlists?limit=50") is kept as the URL's query.
    // (Named apiUrl because `api` is the base member.)
    QUrl apiUrl(const QString &path) const;
};

// A service's base URL: the value of the environment `variable` when set, validated as
// SpotifyEndpoints::validateBase does (an Error names the variable), else `fallback`.
Result<QUrl> baseUrlFromEnvironment(const QProcessEnvironment &environment, const char *variable, const QUrl &fallback);
// {base}/path; a query in `path` ("search?term=x") is kept as the URL's query.
QUrl urlBelow(const QUrl &base, const QString &path);

// True for 127.0.0.0/8, ::1 and "localhost".
bool isLoopbackHost(const QString &host);

}  // namespace encore
