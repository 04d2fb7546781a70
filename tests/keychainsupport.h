#pragma once

#include "spotify/secretstore.h"

#include <QTest>

#include <optional>

namespace encore::test {

// Set by `scripts/bootstrap test`, which runs the suite with a real Secret Service: a missing
// keychain is then a failure, not a reason to skip.
inline bool keychainExpected()
{
    return qEnvironmentVariable("ENCORE_EXPECT_KEYCHAIN") == QLatin1String("1");
}

// Reads a secret through a fresh SecretStore, waiting for the keychain's answer.
inline Result<QString> readSecret(const QString &key)
{
    SecretStore store;
    std::optional<Result<QString>> result;
    store.read(key, [&](Result<QString> r) { result = std::move(r); });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 30000))
        return Error{ErrorKind::Unavailable, QStringLiteral("timed out")};
    return *result;
}

}  // namespace encore::test
