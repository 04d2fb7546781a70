#pragma once

#include "columnmap.h"
#include "csvreader.h"
#include "model/audiofeatures.h"
#include "model/track.h"

#include <QString>

#include <array>
#include <string_view>

namespace encore {

// What one record of a catalog file says on its own, before it meets the rows around it: whether
// it is data, whether it is usable, and the values read from its own cells. Working it out needs
// no state of the import, so it can be done ahead of the import, on another thread.
struct CatalogRow {
    static constexpr std::size_t kIdSize = 22;

    enum class Kind {
        Blank,     // an empty record or one of empty fields: not data
        Rejected,  // `reason` says why
        Usable,
    };
    Kind kind = Kind::Blank;
    QString reason;
    // For a usable row, the feature values it gave out of range, left unknown: "tempo is out of
    // range (0 to 300): "-120"". Empty for most rows.
    QString outOfRange;
    std::array<char, kIdSize> id{};  // the track id's bytes, when Usable
    AudioFeatures features;
    // The track as far as its own row tells: id, duration, ISRC and popularity. The name is left
    // to the import, which makes it only for a new track: that keeps the two threads about even.
    // Cells that repeat across rows (artists, album, release date, genre) are left to the import
    // too, which makes each distinct one once.
    Track track;

    std::string_view idView() const { return {id.data(), id.size()}; }
};

// Checks `record` against the header's columns, in the order a person would: blank, unclosed
// quote, field count, track id, then each feature.
CatalogRow readCatalogRow(const ColumnMap &columns, const CsvRecord &record);

// Whether `record`, read across several lines, is a quote that ran on over rows rather than a
// field with line ends in it: the quote is never closed, the field count is wrong, or one of the
// lines it swallowed (`laterLines`, CsvReader::laterLines()) is a usable row on its own. Such a
// record is rejected (quoteRanOnRow) and its later lines read again (rereadAfterFirstLine).
bool quoteRanOn(const ColumnMap &columns, const CsvRecord &record, std::string_view laterLines);
CatalogRow quoteRanOnRow(const CsvRecord &record);

}  // namespace encore
