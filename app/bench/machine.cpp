#include "machine.h"

#include <QFile>
#include <QSysInfo>
#include <QThread>

#include <ctime>
#include <unistd.h>

namespace encore::bench {

namespace {

QByteArray readProcFile(const char *path)
{
    QFile file(QString::fromLatin1(path));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();  // /proc files report no size: read to the end
}

// The value of a "Name: value" line of a /proc file, or empty.
QByteArray procField(const QByteArray &text, const QByteArray &name)
{
    for (const QByteArray &line : text.split('\n')) {
        const int colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed() == name)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

}  // namespace

Machine Machine::current()
{
    Machine m;
    m.cpu = QString::fromUtf8(procField(readProcFile("/proc/cpuinfo"), "model name"));
    m.cores = QThread::idealThreadCount();
    const QByteArray memTotal = procField(readProcFile("/proc/meminfo"), "MemTotal");
    m.ramGb = memTotal.split(' ').value(0).toDouble() / (1024.0 * 1024.0);
    m.kernel = QSysInfo::kernelType() + QLatin1Char(' ') + QSysInfo::kernelVersion();
    m.buildType = QStringLiteral(ENCORE_BUILD_TYPE);
    m.loadAverage = readProcFile("/proc/loadavg").split(' ').value(0).toDouble();
    return m;
}

QString Machine::text() const
{
    return QStringLiteral("machine: %1, %2 cores, %3 GB RAM, %4, %5 build, load average %6")
        .arg(cpu.isEmpty() ? QStringLiteral("unknown CPU") : cpu)
        .arg(cores)
        .arg(ramGb, 0, 'f', 1)
        .arg(kernel, buildType.isEmpty() ? QStringLiteral("unknown") : buildType)
        .arg(loadAverage, 0, 'f', 2);
}

QJsonObject Machine::toJson() const
{
    return QJsonObject{{QStringLiteral("cpu"), cpu},
                       {QStringLiteral("cores"), cores},
                       {QStringLiteral("ram_gb"), ramGb},
                       {QStringLiteral("kernel"), kernel},
                       {QStringLiteral("build_type"), buildType},
                       {QStringLiteral("load_average"), loadAverage}};
}

double peakResidentMb()
{
    const QByteArray hwm = procField(readProcFile("/proc/self/status"), "VmHWM");
    return hwm.split(' ').value(0).toDouble() / 1024.0;  // reported in kB
}

double msSince(const QElapsedTimer &clock)
{
    return static_cast<double>(clock.nsecsElapsed()) / 1e6;
}

double msSinceProcessStart()
{
    // Field 22 of /proc/self/stat, counted after the ")" that ends the command name (which may
    // hold spaces): the start time in clock ticks since boot.
    const QByteArray stat = readProcFile("/proc/self/stat");
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    const double startTicks = fields.value(19).toDouble();
    timespec now{};
    clock_gettime(CLOCK_BOOTTIME, &now);
    const double nowMs = static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
    return nowMs - startTicks * 1e3 / static_cast<double>(sysconf(_SC_CLK_TCK));
}

}  // namespace encore::bench
