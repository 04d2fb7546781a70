#pragma once

#include "tracklist.h"
#include "util/result.h"

#include <QString>

namespace encore {

enum class ExportFormat { Csv, M3u8, Json };

// The format a file name asks for by its suffix: .csv, .m3u8 (or .m3u) or .json, in any case;
// a Parse error in one sentence for anything else.
Result<ExportFormat> exportFormatOf(const QString &path);

// Writes `list` to `path` in the format its suffix names. Through QSaveFile: the file appears
// whole or not at all, and a file already there is only replaced by a complete one.
Status writeTrackList(const QString &path, const TrackList &list);

}  // namespace encore
