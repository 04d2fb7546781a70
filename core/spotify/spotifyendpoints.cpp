#include "spotifyendpoints.h"

#include <QCoreApplication>
#include <QHostAddress>

namespace encore {

QUrl urlBelow(const QUrl &base, const QString &path)
{
    QString relative = path;
    QString query;
    if (const qsizetype mark = relative.indexOf(QLatin1Char('?')); mark >= 0) {
        query = relative.mid(mark + 1);
        relative.truncate(mark);
    }
    while (relative.startsWith(QLatin1Char('/')))
        relative.remove(0, 1);
    QString basePath = base.path();
    while (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    QUrl url = base;
    url.setPath(basePath + QLatin1Char('/') + relative);
    url.setQuery(query.isEmpty() ? QString() : query);
    return url;
}

Result<QUrl> baseUrlFromEnvironment(const QProcessEnvironment &environment, const char *variable, const QUrl &fallback)
{
    const QString name = QString::fromLatin1(variable);
    const QString value = environment.value(name).trimmed();
    if (value.isEmpty())
        return fallback;
    const QUrl url(value, QUrl::StrictMode);
    if (Status valid = SpotifyEndpoints::validateBase(url, name); !valid)
        return valid.error();
    return url;
}

bool isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

Status SpotifyEndpoints::validateBase(const QUrl &base, const QString &what)
{
    if (!base.isValid() || base.host().isEmpty()) {
        return Error{ErrorKind::Parse,
                     QCoreApplication::translate("encore::spotifyendpoints", "%1 is not a valid web address: \"%2\".")
                         .arg(what, base.toString(QUrl::RemoveUserInfo))};
    }
    const QString scheme = base.scheme().toLower();
    if (scheme == QLatin1String("https"))
        return success();
    if (scheme == QLatin1String("http")) {
        if (isLoopbackHost(base.host()))
            return success();
        return Error{ErrorKind::Parse,
                     QCoreApplication::translate("encore::spotifyendpoints",
                                                 "%1 must use https; plain http is only allowed for this "
                                                 "computer (127.0.0.1, ::1 or localhost), not for \"%2\".")
                         .arg(what, base.host())};
    }
    return Error{ErrorKind::Parse,
                 QCoreApplication::translate("encore::spotifyendpoints", "%1 must be an https address, not \"%2\".")
                     .arg(what, base.toString(QUrl::RemoveUserInfo))};
}

Result<SpotifyEndpoints> SpotifyEndpoints::fromEnvironment(const QProcessEnvironment &environment)
{
    SpotifyEndpoints endpoints;
    Result<QUrl> accounts = baseUrlFromEnvironment(environment, kAccountsVariable, endpoints.accounts);
    if (!accounts)
        return accounts.error();
    Result<QUrl> apiBase = baseUrlFromEnvironment(environment, kApiVariable, endpoints.api);
    if (!apiBase)
        return apiBase.error();
    endpoints.accounts = *accounts;
    endpoints.api = *apiBase;
    return endpoints;
}

QUrl SpotifyEndpoints::authorizeUrl() const
{
    return urlBelow(accounts, QStringLiteral("authorize"));
}

QUrl SpotifyEndpoints::tokenUrl() const
{
    return urlBelow(accounts, QStringLiteral("api/token"));
}

QUrl SpotifyEndpoints::apiUrl(const QString &path) const
{
    return urlBelow(api, path);
}

}  // namespace encore
