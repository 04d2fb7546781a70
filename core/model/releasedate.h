#pragma once

#include <QDate>
#include <QString>
#include <QStringView>

namespace encore {

// A release date as precise as its source gave it: "2012", "2012-06" or "2012-06-14".
class ReleaseDate {
public:
    enum class Precision { Unknown, Year, Month, Day };

    ReleaseDate() = default;
    static ReleaseDate parse(QStringView text);  // Unknown when text is not one of the forms
    static ReleaseDate year(int year);
    static ReleaseDate month(int year, int month);
    static ReleaseDate day(int year, int month, int day);

    Precision precision() const { return m_precision; }
    bool isValid() const { return m_precision != Precision::Unknown; }
    int yearValue() const { return m_year; }
    int monthValue() const { return m_month; }  // 0 below month precision
    int dayValue() const { return m_day; }      // 0 below day precision

    // The first day the release could have been: Jan 1 for a year, the 1st for a month.
    QDate earliestDate() const;
    // The middle of the period it names: the 183rd day of a year, the middle day of a month,
    // the day itself; for "days since release" without pretending a year means January 1.
    QDate middleDate() const;
    // Back to the form it came in: "2012", "2012-06", "2012-06-14"; empty when unknown.
    QString toString() const;

    friend bool operator==(const ReleaseDate &, const ReleaseDate &) = default;

private:
    Precision m_precision = Precision::Unknown;
    int m_year = 0;
    int m_month = 0;
    int m_day = 0;
};

}  // namespace encore
