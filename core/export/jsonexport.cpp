#include "jsonexport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace encore {

QByteArray exportJson(const TrackList &list)
{
    QJsonArray array;
    for (const TrackListEntry &entry : list.entries) {
        QJsonObject object{
            {QStringLiteral("rank"), qint64(entry.rank)},
            {QStringLiteral("track_id"), list.catalog->trackId(entry.row)},
            {QStringLiteral("name"), list.catalog->trackName(entry.row)},
            {QStringLiteral("artists"), QJsonArray::fromStringList(list.catalog->track(entry.row).artists)},
        };
        if (entry.score) {
            object.insert(QStringLiteral("score"), std::round(double(*entry.score) * 1e6) / 1e6);
            object.insert(QStringLiteral("why"), entry.why);
        }
        array.append(object);
    }
    return QJsonDocument(array).toJson(QJsonDocument::Indented);
}

}  // namespace encore
