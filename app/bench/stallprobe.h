#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace encore::bench {

// Measures how long the event loop of the thread it lives in goes without turning: a 1 ms
// timer notes the gap between its ticks; the longest gap is the longest stall.
class StallProbe : public QObject {
    Q_OBJECT
public:
    static constexpr int kIntervalMs = 1;

    explicit StallProbe(QObject *parent = nullptr);

    void start();
    // The longest gap between ticks since start(), including the time to the stop, in ms.
    double stop();

private:
    void tick();

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastNs = 0;
    qint64 m_maxGapNs = 0;
};

}  // namespace encore::bench
