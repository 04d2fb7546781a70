#include "savedsignin.h"

#include <QEventLoop>

namespace encore::cli {

namespace {

// Prints why the saved sign-in could not be used; the exit status that stands for it. The
// account's sentences tell a GUI user what to do; these tell it with the command to run.
int restoreFailed(const Error &error, Streams io)
{
    switch (error.kind) {
    case ErrorKind::NotFound:
        io.err << "Not signed in to Spotify: run encore-cli login first.\n";
        return ExitSignInFailed;
    case ErrorKind::Auth:
        io.err << "Your Spotify sign-in has expired or was revoked: run encore-cli login again.\n";
        return ExitSignInFailed;
    case ErrorKind::Parse:  // a misconfigured endpoint, or an answer that cannot be read
        io.err << error.message << '\n';
        return ExitFailure;
    default: io.err << error.message << '\n'; return ExitSignInFailed;
    }
}

}  // namespace

// Waits until every keychain write of `account` has finished (a rotated refresh token that
// never reached the keychain would end the saved sign-in).
void waitForKeychain(SpotifyAccount &account)
{
    if (!account.hasPendingKeychainWrites())
        return;
    QEventLoop loop;
    QObject::connect(&account, &SpotifyAccount::keychainWritesFinished, &loop, &QEventLoop::quit);
    loop.exec();
}

std::optional<int> SavedSignIn::restore()
{
    std::optional<Error> failure;
    QEventLoop loop;
    QObject::connect(&m_account, &SpotifyAccount::signedIn, &loop, &QEventLoop::quit);
    QObject::connect(&m_account, &SpotifyAccount::restoreFailed, &loop, [&](const Error &error) {
        failure = error;
        loop.quit();
    });
    m_account.restore();
    loop.exec();
    if (failure)
        return restoreFailed(*failure, m_io);

    QObject::connect(&m_account, &SpotifyAccount::notice, &m_account,
                     [this](const QString &text) { m_io.err << text << '\n'; });
    QObject::connect(&m_account, &SpotifyAccount::restoreFailed, &m_account,
                     [this](const Error &error) { m_lost = error; });
    return std::nullopt;
}

std::optional<int> SavedSignIn::run(SpotifyJob *job)
{
    if (!job->isFinished()) {
        QEventLoop loop;
        QObject::connect(job, &SpotifyJob::finished, &loop, &QEventLoop::quit);
        loop.exec();
    }
    // A revoked sign-in cancels the job; the reason that matters is the sign-in's.
    if (m_lost)
        return restoreFailed(*m_lost, m_io);
    if (!job->error())
        return std::nullopt;
    m_io.err << job->error()->message << '\n';
    return job->error()->kind == ErrorKind::Auth ? ExitSignInFailed : ExitFailure;
}

}  // namespace encore::cli
