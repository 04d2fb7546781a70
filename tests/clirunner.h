#pragma once

#include <QByteArray>
#include <QHash>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTest>

#include <functional>

namespace encore::test {

// What a run of encore-cli printed and how it ended (exitCode -1: it did not start, crashed or
// was killed after the time limit).
struct CliRun {
    int exitCode = -1;
    QString firstLine;  // with onFirstLine: the line it was called with
    QString out;        // all of stdout, the first line included
    QString err;
};

// An encore-cli built with AddressSanitizer (the asan preset) runs several times slower.
#ifdef __SANITIZE_ADDRESS__
inline constexpr int kCliSlowdown = 4;
#else
inline constexpr int kCliSlowdown = 1;
#endif

// Runs the real encore-cli with `arguments` and this process's environment plus `environment`.
// Fakes served by this process need its event loop, so the wait keeps it running. When
// `onFirstLine` is given it is called with stdout's first line as soon as it is printed (login
// prints the authorization URL there, which the test then opens like a browser).
inline CliRun runCli(const QStringList &arguments, const QHash<QString, QString> &environment = {},
                     const std::function<void(const QString &)> &onFirstLine = {}, int timeoutMs = 120000)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (auto it = environment.begin(); it != environment.end(); ++it)
        env.insert(it.key(), it.value());
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(ENCORE_CLI_PATH), arguments);
    CliRun run;
    if (!process.waitForStarted(10000))
        return run;
    QByteArray out;
    if (onFirstLine) {
        (void)QTest::qWaitFor(
            [&] {
                out += process.readAllStandardOutput();
                return out.contains('\n') || process.state() == QProcess::NotRunning;
            },
            30000);
        run.firstLine = QString::fromUtf8(out.left(out.indexOf('\n'))).trimmed();
        onFirstLine(run.firstLine);
    }
    (void)QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, timeoutMs * kCliSlowdown);
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished(5000);
        return run;
    }
    out += process.readAllStandardOutput();
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(out);
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

}  // namespace encore::test
