#pragma once

#include <QElapsedTimer>
#include <QJsonObject>
#include <QString>

namespace encore::bench {

// What the figures were measured on, read from /proc and uname.
struct Machine {
    QString cpu;
    int cores = 0;
    double ramGb = 0.0;
    QString kernel;
    QString buildType;
    double loadAverage = 0.0;  // over the last minute, when the measuring started

    static Machine current();
    QString text() const;
    QJsonObject toJson() const;
};

// Milliseconds on `clock` since it started.
double msSince(const QElapsedTimer &clock);
// VmHWM of /proc/self/status: the peak resident memory of this process, in MB.
double peakResidentMb();
// Milliseconds since this process started (the kernel's start time, 10 ms resolution).
double msSinceProcessStart();

}  // namespace encore::bench
