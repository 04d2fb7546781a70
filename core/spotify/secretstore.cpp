#include "spotify/secretstore.h"

#include "util/logging.h"

#include <qt6keychain/keychain.h>

#include <QCoreApplication>

namespace encore {

namespace {

// True when the job failed because there is no keychain to talk to, as opposed to a keychain
// that refused. QtKeychain reports a missing Secret Service (or session bus) as OtherError with
// the D-Bus or libsecret message, so that case is recognised by its text. A Secret Service that
// has no collection to store into (a keyring daemon that was never set up) counts as missing too.
bool isMissingBackend(const QKeychain::Job &job)
{
    if (job.error() == QKeychain::NoBackendAvailable || job.error() == QKeychain::NotImplemented)
        return true;
    if (job.error() != QKeychain::OtherError)
        return false;
    const QString text = job.errorString();
    static const char *const markers[] = {
        "org.freedesktop.DBus.Error",  // ServiceUnknown, NoServer, Spawn.*, NotSupported, ...
        "org.freedesktop.secrets",
        "/org/freedesktop/secrets",  // a Secret Service without a default collection
        "Secret Service",
        "secret service",
        "D-Bus",
        "DBus",
        "dbus",
        "session bus",
        "kwallet",
        "KWallet",
        "No such secret collection",
        "Cannot autolaunch",
        "Could not connect",
    };
    for (const char *marker : markers) {
        if (text.contains(QLatin1String(marker)))
            return true;
    }
    return false;
}

}  // namespace

QString SecretStore::refreshTokenKey(const QString &clientId)
{
    return QStringLiteral("spotify-refresh-token:") + clientId;
}

QString SecretStore::notPersistentNotice()
{
    return QStringLiteral("Your sign-in will not be remembered: no keychain is available on this system.");
}

SecretStore::SecretStore(Backend backend, QString service, QObject *parent)
    : QObject(parent), m_service(std::move(service)), m_persistent(backend == Backend::Keychain)
{}

void SecretStore::read(const QString &key, std::function<void(Result<QString>)> done)
{
    run(Operation::Read, key, {}, std::move(done));
}

void SecretStore::write(const QString &key, const QString &secret, std::function<void(Status)> done)
{
    run(Operation::Write, key, secret,
        [done = std::move(done)](const Result<QString> &result) { done(result ? success() : Status(result.error())); });
}

void SecretStore::remove(const QString &key, std::function<void(Status)> done)
{
    run(Operation::Remove, key, {},
        [done = std::move(done)](const Result<QString> &result) { done(result ? success() : Status(result.error())); });
}

void SecretStore::run(Operation operation, const QString &key, const QString &secret,
                      std::function<void(Result<QString>)> done)
{
    if (!m_persistent) {
        // Still asynchronous, so callers see the same order of events either way.
        QMetaObject::invokeMethod(
            this, [this, operation, key, secret, done = std::move(done)] { done(runInMemory(operation, key, secret)); },
            Qt::QueuedConnection);
        return;
    }

    // No parent: QtKeychain's libsecret backend calls back into a job deleted while running
    // (qtkeychain#261), so a job outlives this store and deletes itself when it has finished. A
    // write started just before the store goes still reaches the keychain.
    QKeychain::Job *job = nullptr;
    switch (operation) {
    case Operation::Read: job = new QKeychain::ReadPasswordJob(m_service); break;
    case Operation::Write: {
        auto *writeJob = new QKeychain::WritePasswordJob(m_service);
        writeJob->setTextData(secret);
        job = writeJob;
        break;
    }
    case Operation::Remove: job = new QKeychain::DeletePasswordJob(m_service); break;
    }
    job->setAutoDelete(true);
    job->setInsecureFallback(false);  // never a plain-text file
    job->setKey(key);
    connect(
        job, &QKeychain::Job::finished, this,
        [this, operation, key, secret, done = std::move(done)](QKeychain::Job *finished) {
            if (finished->error() == QKeychain::NoError) {
                if (operation == Operation::Read)
                    done(static_cast<QKeychain::ReadPasswordJob *>(finished)->textData());
                else
                    done(QString());
                return;
            }
            if (finished->error() == QKeychain::EntryNotFound) {
                if (operation == Operation::Remove)
                    done(QString());
                else
                    done(Error{ErrorKind::NotFound,
                               QCoreApplication::translate("encore::secretstore",
                                                           "No saved sign-in was found in the keychain.")});
                return;
            }
            if (isMissingBackend(*finished)) {
                // The error text names services and paths, never the secret.
                qCInfo(lcSecrets) << "No keychain available:" << finished->errorString();
                fallBackToMemory();
                done(runInMemory(operation, key, secret));
                return;
            }
            qCWarning(lcSecrets) << "Keychain error:" << finished->errorString();
            if (finished->error() == QKeychain::AccessDeniedByUser || finished->error() == QKeychain::AccessDenied) {
                done(Error{ErrorKind::Auth,
                           QCoreApplication::translate("encore::secretstore", "Access to the keychain was refused.")});
                return;
            }
            done(Error{ErrorKind::Unavailable,
                       QCoreApplication::translate("encore::secretstore", "The keychain could not be used: %1")
                           .arg(finished->errorString())});
        });
    job->start();
}

Result<QString> SecretStore::runInMemory(Operation operation, const QString &key, const QString &secret)
{
    switch (operation) {
    case Operation::Read: {
        const auto found = m_memory.constFind(key);
        if (found == m_memory.constEnd())
            return Error{
                ErrorKind::NotFound,
                QCoreApplication::translate("encore::secretstore", "No sign-in has been saved in this session.")};
        return *found;
    }
    case Operation::Write: m_memory.insert(key, secret); return QString();
    case Operation::Remove: m_memory.remove(key); return QString();
    }
    return QString();
}

void SecretStore::fallBackToMemory()
{
    if (!m_persistent)
        return;
    m_persistent = false;
    emit persistenceLost();
}

}  // namespace encore
