#include "releasedate.h"

namespace encore {

namespace {

// Parses exactly `digits` ASCII digits; -1 otherwise.
int parseDigits(QStringView text, qsizetype digits)
{
    if (text.size() != digits)
        return -1;
    int value = 0;
    for (QChar c : text) {
        if (c < u'0' || c > u'9')
            return -1;
        value = value * 10 + (c.unicode() - u'0');
    }
    return value;
}

}  // namespace

ReleaseDate ReleaseDate::year(int y)
{
    ReleaseDate date;
    if (y > 0 && y <= 9999) {
        date.m_precision = Precision::Year;
        date.m_year = y;
    }
    return date;
}

ReleaseDate ReleaseDate::month(int y, int m)
{
    ReleaseDate date = year(y);
    if (!date.isValid() || m < 1 || m > 12)
        return {};
    date.m_precision = Precision::Month;
    date.m_month = m;
    return date;
}

ReleaseDate ReleaseDate::day(int y, int m, int d)
{
    if (!QDate::isValid(y, m, d))
        return {};
    ReleaseDate date = month(y, m);
    if (!date.isValid())
        return {};
    date.m_precision = Precision::Day;
    date.m_day = d;
    return date;
}

ReleaseDate ReleaseDate::parse(QStringView text)
{
    text = text.trimmed();
    const auto parts = text.split(u'-');
    switch (parts.size()) {
    case 1: return year(parseDigits(parts[0], 4));
    case 2: return month(parseDigits(parts[0], 4), parseDigits(parts[1], 2));
    case 3: return day(parseDigits(parts[0], 4), parseDigits(parts[1], 2), parseDigits(parts[2], 2));
    default: return {};
    }
}

QDate ReleaseDate::earliestDate() const
{
    switch (m_precision) {
    case Precision::Unknown: return {};
    case Precision::Year: return QDate(m_year, 1, 1);
    case Precision::Month: return QDate(m_year, m_month, 1);
    case Precision::Day: return QDate(m_year, m_month, m_day);
    }
    return {};
}

QDate ReleaseDate::middleDate() const
{
    const QDate first = earliestDate();
    switch (m_precision) {
    case Precision::Year: return first.addDays((first.daysInYear() - 1) / 2);
    case Precision::Month: return first.addDays((first.daysInMonth() - 1) / 2);
    default: return first;
    }
}

QString ReleaseDate::toString() const
{
    switch (m_precision) {
    case Precision::Unknown: return {};
    case Precision::Year: return QStringLiteral("%1").arg(m_year, 4, 10, QLatin1Char('0'));
    case Precision::Month:
        return QStringLiteral("%1-%2").arg(m_year, 4, 10, QLatin1Char('0')).arg(m_month, 2, 10, QLatin1Char('0'));
    case Precision::Day:
        return QStringLiteral("%1-%2-%3")
            .arg(m_year, 4, 10, QLatin1Char('0'))
            .arg(m_month, 2, 10, QLatin1Char('0'))
            .arg(m_day, 2, 10, QLatin1Char('0'));
    }
    return {};
}

}  // namespace encore
