#include "fakespotify.h"

namespace encore::test {

FakeSpotify::FakeSpotify(const QString &clientId, const QString &apiDataDir) : accounts(clientId), api(apiDataDir)
{
    api.setTokenValidator([this](const QString &token) { return accounts.issuedSecrets().contains(token); });
    api.setScopeLookup([this](const QString &token) { return accounts.scopeOf(token); });
}

QString FakeSpotify::start()
{
    if (!accounts.listen())
        return QStringLiteral("the accounts fake could not listen");
    if (!api.listen())
        return api.loadError();
    qputenv("ENCORE_SPOTIFY_ACCOUNTS_URL", accounts.baseUrl().toEncoded());
    qputenv("ENCORE_SPOTIFY_API_URL", api.baseUrl().toEncoded());
    return {};
}

}  // namespace encore::test
