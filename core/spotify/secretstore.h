#pragma once

#include "util/result.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <functional>

namespace encore {

// Keeps secrets (the Spotify refresh token) in the system keychain through QtKeychain, under one
// service name. All calls are asynchronous and end with their callback, on the caller's thread;
// a store destroyed meanwhile calls no callback, but the keychain operation still completes.
//
// When the system has no keychain (no Secret Service on the session bus, or no session bus at all)
// the store falls back to memory for the rest of its life: secrets then last only as long as the
// session, isPersistent() turns false and persistenceLost() is emitted once, so the UI can show
// notPersistentNotice(). Secrets are never written anywhere else, nor logged.
class SecretStore : public QObject {
    Q_OBJECT
public:
    enum class Backend {
        Keychain,  // the system keychain, falling back to memory when there is none
        Memory,    // memory only, as if no keychain existed (tests, --no-keychain)
    };

    static QString defaultService() { return QStringLiteral("Encore"); }
    // "spotify-refresh-token:<clientId>": one refresh token per Spotify app.
    static QString refreshTokenKey(const QString &clientId);
    // The one sentence to show when isPersistent() is false.
    static QString notPersistentNotice();

    explicit SecretStore(Backend backend = Backend::Keychain, QString service = defaultService(),
                         QObject *parent = nullptr);

    QString service() const { return m_service; }
    // False once the store knows there is no keychain (from the start with Backend::Memory, else
    // after the first call that found none).
    bool isPersistent() const { return m_persistent; }

    // Ends with the secret, NotFound when there is none under `key`, or another error (Auth when
    // the user refused access, Unavailable when the keychain failed).
    void read(const QString &key, std::function<void(Result<QString>)> done);
    // Stores or replaces the secret under `key`.
    void write(const QString &key, const QString &secret, std::function<void(Status)> done);
    // Removes the secret under `key`; removing a secret that is not there is a success.
    void remove(const QString &key, std::function<void(Status)> done);

signals:
    void persistenceLost();

private:
    enum class Operation { Read, Write, Remove };
    void run(Operation operation, const QString &key, const QString &secret, std::function<void(Result<QString>)> done);
    Result<QString> runInMemory(Operation operation, const QString &key, const QString &secret);
    void fallBackToMemory();

    QString m_service;
    bool m_persistent = true;
    QHash<QString, QString> m_memory;
};

}  // namespace encore
