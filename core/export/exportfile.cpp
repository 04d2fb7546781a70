#include "exportfile.h"

#include "csvexport.h"
#include "jsonexport.h"
#include "m3uexport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

namespace encore {

Result<ExportFormat> exportFormatOf(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("csv"))
        return ExportFormat::Csv;
    if (suffix == QLatin1String("m3u8") || suffix == QLatin1String("m3u"))
        return ExportFormat::M3u8;
    if (suffix == QLatin1String("json"))
        return ExportFormat::Json;
    return Error{ErrorKind::Parse,
                 QCoreApplication::translate("encore::exportfile",
                                             "Encore can't tell what to write from the name \"%1\": end it in "
                                             ".csv, .m3u8 or .json.")
                     .arg(QFileInfo(path).fileName())};
}

Status writeTrackList(const QString &path, const TrackList &list)
{
    const Result<ExportFormat> format = exportFormatOf(path);
    if (!format)
        return format.error();
    QByteArray bytes;
    switch (*format) {
    case ExportFormat::Csv: bytes = exportCsv(list); break;
    case ExportFormat::M3u8: bytes = exportM3u8(list); break;
    case ExportFormat::Json: bytes = exportJson(list); break;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        return Error{ErrorKind::Io,
                     QCoreApplication::translate("encore::exportfile", "Encore could not write %1: %2.")
                         .arg(QDir::toNativeSeparators(path), file.errorString())};
    }
    return success();
}

}  // namespace encore
