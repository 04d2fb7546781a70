#pragma once

// What every harness shares: no log output (a damaged input is expected to be logged, millions of
// times), and a file to hand inputs to code that reads files. Included once by each harness.

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QTemporaryDir>
#include <QtGlobal>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace encore::fuzz {

inline void quietLogs()
{
    qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &, const QString &message) {
        if (type == QtFatalMsg) {
            fprintf(stderr, "%s\n", qPrintable(message));
            std::abort();
        }
    });
}

// Reads the first and last byte of `text`, so that ASan checks both lie in memory it owns.
inline void touch(std::string_view text)
{
    static volatile char sink;
    if (!text.empty())
        sink = static_cast<char>(text.front() ^ text.back());
}

inline QByteArray bytesOf(const std::uint8_t *data, std::size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
}

// `data` written to a file of this process's own, overwritten by each call.
inline QString writtenToFile(const std::uint8_t *data, std::size_t size, const QString &name)
{
    static const QTemporaryDir dir;
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || file.write(reinterpret_cast<const char *>(data), static_cast<qint64>(size)) != static_cast<qint64>(size))
        qFatal("cannot write the fuzz input to %s", qPrintable(path));
    return path;
}

}  // namespace encore::fuzz

// libFuzzer calls this once, before the first input.
extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    encore::fuzz::quietLogs();
    return 0;
}
