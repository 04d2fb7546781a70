#pragma once

#include <QString>
#include <QStringList>

class QSqlQuery;

// How the library's tables hold values, for every file that writes or reads them.
namespace encore {

// Bumps the number that tells a catalog snapshot whether it still shows the library.
extern const QString kRaiseGeneration;

// QtSql binds a null QString as SQL NULL; text columns hold '' for "unknown".
QString text(const QString &value);

// tracks.artists: a JSON array, primary artist first.
QString artistsToJson(const QStringList &artists);
QStringList artistsFromJson(const QString &json);

struct Track;
// Binds the tracks columns id, name, artists, album, album_id, release_date, duration_ms, isrc
// and popularity of `track`, in that order.
void bindTrackColumns(QSqlQuery &query, const Track &track);

}  // namespace encore
