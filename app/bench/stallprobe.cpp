#include "stallprobe.h"

#include <algorithm>

namespace encore::bench {

StallProbe::StallProbe(QObject *parent) : QObject(parent)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(kIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &StallProbe::tick);
}

void StallProbe::start()
{
    m_maxGapNs = 0;
    m_clock.start();
    m_lastNs = 0;
    m_timer.start();
}

double StallProbe::stop()
{
    tick();
    m_timer.stop();
    return static_cast<double>(m_maxGapNs) / 1e6;
}

void StallProbe::tick()
{
    const qint64 now = m_clock.nsecsElapsed();
    m_maxGapNs = std::max(m_maxGapNs, now - m_lastNs);
    m_lastNs = now;
}

}  // namespace encore::bench
