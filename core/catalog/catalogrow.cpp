#include "catalogrow.h"

#include "cellparsing.h"

#include <cmath>
#include <cstring>
#include <limits>

#include <QCoreApplication>

namespace encore {

namespace {

// Longest cell value quoted in a rejection reason.
constexpr std::size_t kMaxQuotedValue = 40;

// A cell value as a reason quotes it: trimmed, shortened when long.
QString quotedValue(std::string_view cell)
{
    cell = trimmedCell(cell);
    QString text = QString::fromUtf8(cell.data(), static_cast<qsizetype>(cell.size()));
    if (text.size() > static_cast<qsizetype>(kMaxQuotedValue))
        text = text.left(static_cast<qsizetype>(kMaxQuotedValue) - 1) + QChar(0x2026);
    return QLatin1Char('"') + text + QLatin1Char('"');
}

bool isBlankRecord(const CsvRecord &record)
{
    for (std::string_view field : record.fields)
        if (!trimmedCell(field).empty())
            return false;
    return true;
}

CatalogRow rejected(QString reason)
{
    CatalogRow row;
    row.kind = CatalogRow::Kind::Rejected;
    row.reason = std::move(reason);
    return row;
}

bool fieldCountFits(const ColumnMap &columns, const CsvRecord &record)
{
    const int headerSize = static_cast<int>(columns.headers.size());
    bool fits = record.size() >= headerSize;
    for (int column = headerSize; fits && column < record.size(); ++column)
        fits = trimmedCell(record.field(column)).empty();  // trailing empty fields are fine
    return fits;
}

void readOwnCells(const ColumnMap &c, const CsvRecord &record, std::string_view id, Track &track)
{
    track.id = QString::fromLatin1(id.data(), static_cast<qsizetype>(id.size()));
    double number = 0;
    if (c.durationMs >= 0 && parseNumber(record.field(c.durationMs), number) == CellNumber::Value && number > 0
        && number < std::numeric_limits<int>::max())
        track.durationMs = static_cast<int>(std::lround(number));
    track.isrc = cellText(record.field(c.isrc)).toUpper();
    if (c.popularity >= 0 && parseNumber(record.field(c.popularity), number) == CellNumber::Value && number >= 0
        && number <= 100)
        track.popularity = static_cast<int>(std::lround(number));
}

}  // namespace

CatalogRow readCatalogRow(const ColumnMap &columns, const CsvRecord &record)
{
    if (isBlankRecord(record))
        return {};  // ",,,," rows that spreadsheets leave behind are not data
    if (record.unterminatedQuote)
        return rejected(QCoreApplication::translate("encore::catalogrow", "a quoted field is not closed"));

    if (!fieldCountFits(columns, record))
        return rejected(QCoreApplication::translate("encore::catalogrow", "row has %1 fields, header has %2")
                            .arg(record.size())
                            .arg(columns.headers.size()));

    SpotifyRef ref;
    std::string_view idCell;
    for (int column : columns.idColumns) {
        idCell = record.field(column);
        ref = parseSpotifyRef(idCell, "track");
        if (ref.kind != SpotifyRef::Kind::Empty)
            break;
    }
    switch (ref.kind) {
    case SpotifyRef::Kind::Id: break;
    case SpotifyRef::Kind::Empty: return rejected(QCoreApplication::translate("encore::catalogrow", "no track id"));
    case SpotifyRef::Kind::Local:
        return rejected(QCoreApplication::translate("encore::catalogrow", "local file, not on Spotify"));
    case SpotifyRef::Kind::Invalid:
        return rejected(
            QCoreApplication::translate("encore::catalogrow", "not a Spotify track id: %1").arg(quotedValue(idCell)));
    }

    CatalogRow row;
    row.kind = CatalogRow::Kind::Usable;
    for (Feature feature : kAllFeatures) {
        const int column = columns.featureColumn(feature);
        if (column < 0)
            continue;
        double value = 0;
        switch (parseNumber(record.field(column), value)) {
        case CellNumber::Value:
            if (isInRange(feature, value)) {
                row.features.set(feature, static_cast<float>(value), FeatureSource::Catalog);
                break;
            }
            if (!row.outOfRange.isEmpty())
                row.outOfRange += QLatin1String("; ");
            row.outOfRange +=
                QCoreApplication::translate("encore::catalogrow", "%1 is out of range (%2): %3")
                    .arg(columns.headerName(column), featureRangeText(feature), quotedValue(record.field(column)));
            break;
        case CellNumber::Missing: break;  // stays NaN with source Missing
        case CellNumber::Invalid:
            return rejected(QCoreApplication::translate("encore::catalogrow", "%1 is not a number: %2")
                                .arg(columns.headerName(column), quotedValue(record.field(column))));
        }
    }
    Q_ASSERT(ref.id.size() == CatalogRow::kIdSize);
    std::memcpy(row.id.data(), ref.id.data(), CatalogRow::kIdSize);
    readOwnCells(columns, record, ref.id, row.track);
    return row;
}

bool quoteRanOn(const ColumnMap &columns, const CsvRecord &record, std::string_view laterLines)
{
    if (record.lastLine == record.line)
        return false;
    if (record.unterminatedQuote || !fieldCountFits(columns, record))
        return true;
    CsvReader swallowed;
    if (!swallowed.openData(QByteArray(laterLines.data(), static_cast<qsizetype>(laterLines.size()))))
        return false;
    for (CsvRecord line; swallowed.next(line);)
        if (readCatalogRow(columns, line).kind == CatalogRow::Kind::Usable)
            return true;
    return false;
}

CatalogRow quoteRanOnRow(const CsvRecord &record)
{
    return rejected(QStringLiteral("a quote on this line is not closed where the row ends; lines %1 to %2 "
                                   "are read again as rows")
                        .arg(record.line + 1)
                        .arg(record.lastLine));
}

}  // namespace encore
