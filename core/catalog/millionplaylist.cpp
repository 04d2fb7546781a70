#include "millionplaylist.h"

#include "cellparsing.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <xxhash.h>

#include <algorithm>
#include <cmath>

namespace encore {
namespace {

// The longest a track can be and still be taken at its word: a day.
constexpr qint64 kLongestDurationMs = 24LL * 60 * 60 * 1000;

// The id a Spotify reference names, or an empty string.
QString spotifyId(const QJsonValue &value, std::string_view type)
{
    const QByteArray utf8 = value.toString().toUtf8();
    const SpotifyRef ref = parseSpotifyRef(std::string_view(utf8.constData(), utf8.size()), type);
    return ref.kind == SpotifyRef::Kind::Id ? QString::fromLatin1(ref.id.data(), qsizetype(ref.id.size())) : QString();
}

QString shown(const QJsonValue &value)
{
    if (value.isUndefined())
        return QCoreApplication::translate("encore::millionplaylist", "nothing");
    if (value.isString())
        return u'"' + value.toString().left(80) + u'"';
    return QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact))
        .mid(1)
        .chopped(1)
        .left(80);
}

// Reads the slice's playlists one by one into the batch.
class SliceReader {
public:
    explicit SliceReader(ImportBatch &batch) : m_batch(batch) {}

    void readPlaylist(qsizetype index, const QJsonValue &value)
    {
        const QJsonObject object = value.toObject();
        const QString name = object.value(QLatin1String("name")).toString().trimmed();
        m_place = name.isEmpty()
            ? QCoreApplication::translate("encore::millionplaylist", "Playlist %1").arg(index + 1)
            : QCoreApplication::translate("encore::millionplaylist", "Playlist %1 (\"%2\")").arg(index + 1).arg(name);
        if (!value.isObject()) {
            reject(QCoreApplication::translate("encore::millionplaylist", "%1 is not a playlist: %2")
                       .arg(m_place, shown(value)));
            return;
        }
        const QJsonArray entries = object.value(QLatin1String("tracks")).toArray();
        const QJsonValue pidValue = object.value(QLatin1String("pid"));
        const double pid = pidValue.toDouble(-1);
        if (!pidValue.isDouble() || pid < 0 || pid != std::floor(pid) || pid > 1e15) {
            m_batch.rowsRead += entries.size();
            reject(QCoreApplication::translate("encore::millionplaylist",
                                               "%1 has no pid (its number in the collection): %2")
                       .arg(m_place, shown(pidValue)));
            return;
        }
        Playlist playlist;
        playlist.id = QStringLiteral("mpd:%1").arg(qint64(pid));
        if (m_playlistIds.contains(playlist.id)) {
            m_batch.rowsRead += entries.size();
            reject(QCoreApplication::translate("encore::millionplaylist",
                                               "%1 repeats pid %2; the first playlist with it was kept")
                       .arg(m_place)
                       .arg(qint64(pid)));
            return;
        }
        playlist.name = name.isEmpty()
            ? QCoreApplication::translate("encore::millionplaylist", "Playlist %1").arg(qint64(pid))
            : name;
        playlist.origin = m_batch.sourcePath;

        QSet<QString> inPlaylist;
        for (qsizetype i = 0; i < entries.size(); ++i) {
            const QString id = readEntry(i, entries.at(i));
            if (!id.isEmpty() && !inPlaylist.contains(id)) {
                inPlaylist.insert(id);
                playlist.trackIds.push_back(id);
            }
        }
        if (playlist.trackIds.isEmpty()) {
            reject(QCoreApplication::translate("encore::millionplaylist", "%1 has no tracks that could be read")
                       .arg(m_place));
            return;
        }
        m_playlistIds.insert(playlist.id);
        m_batch.playlists.push_back(std::move(playlist));
    }

private:
    // The entry's track id, its track added to the batch when new; empty when it was rejected.
    QString readEntry(qsizetype index, const QJsonValue &value)
    {
        ++m_batch.rowsRead;
        const QString place =
            QCoreApplication::translate("encore::millionplaylist", "%1, track %2").arg(m_place).arg(index + 1);
        const QJsonObject entry = value.toObject();
        const QJsonValue uri = entry.value(QLatin1String("track_uri"));
        const QString id = spotifyId(uri, "track");
        if (id.isEmpty()) {
            reject(QCoreApplication::translate("encore::millionplaylist", "%1: not a Spotify track: %2")
                       .arg(place, shown(value.isObject() ? uri : value)));
            return {};
        }
        if (m_rowOfTrack.contains(id))
            return id;

        Track track;
        track.id = id;
        track.name = entry.value(QLatin1String("track_name")).toString().trimmed();
        const QString artist = entry.value(QLatin1String("artist_name")).toString().trimmed();
        if (!artist.isEmpty())
            track.artists = {artist};
        track.album = entry.value(QLatin1String("album_name")).toString().trimmed();
        track.albumId = spotifyId(entry.value(QLatin1String("album_uri")), "album");
        const QJsonValue duration = entry.value(QLatin1String("duration_ms"));
        const double durationMs = duration.toDouble(-1);
        if (durationMs > 0 && durationMs <= kLongestDurationMs)
            track.durationMs = static_cast<int>(durationMs);
        else if (!duration.isUndefined() && !duration.isNull())
            m_batch.valuesLeftOut.push_back(
                {0,
                 QCoreApplication::translate("encore::millionplaylist", "%1: duration_ms is not a length: %2")
                     .arg(place, shown(duration))});

        m_rowOfTrack.insert(id, m_batch.tracks.size());
        m_batch.tracks.push_back(std::move(track));
        m_batch.features.emplace_back();
        return id;
    }

    void reject(const QString &reason) { m_batch.rejected.push_back({0, reason}); }

    ImportBatch &m_batch;
    QString m_place;  // the playlist being read, as a person would name it
    QHash<QString, std::size_t> m_rowOfTrack;
    QSet<QString> m_playlistIds;
};

}  // namespace

bool isMillionPlaylistSource(const QString &path)
{
    const QFileInfo info(path);
    return info.isDir() || info.fileName().endsWith(QLatin1String(".json"), Qt::CaseInsensitive);
}

Result<QStringList> millionPlaylistSlices(const QString &path)
{
    const QFileInfo info(path);
    if (!info.isDir())
        return QStringList{info.absoluteFilePath()};
    const QDir folder(info.absoluteFilePath());
    QStringList names = folder.entryList({QStringLiteral("*.json"), QStringLiteral("*.JSON")}, QDir::Files);
    if (names.isEmpty())
        return Error{
            ErrorKind::NotFound,
            QCoreApplication::translate("encore::millionplaylist",
                                        "The folder %1 holds no playlist slice files (such as mpd.slice.0-999.json).")
                .arg(QDir::toNativeSeparators(folder.path()))};
    // mpd.slice.2000-2999.json before mpd.slice.10000-10999.json: by the first number in the name.
    const auto firstNumber = [](const QString &name) {
        static const QRegularExpression digits(QStringLiteral("\\d+"));
        const QRegularExpressionMatch match = digits.match(name);
        return match.hasMatch() ? match.captured().toULongLong() : 0;
    };
    std::sort(names.begin(), names.end(), [&](const QString &a, const QString &b) {
        return std::pair(firstNumber(a), a) < std::pair(firstNumber(b), b);
    });
    names.removeDuplicates();
    QStringList slices;
    for (const QString &name : std::as_const(names))
        slices.push_back(folder.filePath(name));
    return slices;
}

Result<ImportBatch> readMillionPlaylistSlice(const QByteArray &json, const QString &sourcePath)
{
    const QString file = QDir::toNativeSeparators(sourcePath);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error{ErrorKind::Parse,
                     QCoreApplication::translate("encore::millionplaylist", "%1 is not valid JSON: %2 at byte %3.")
                         .arg(file, parseError.errorString())
                         .arg(parseError.offset)};
    const QJsonValue playlists = document.object().value(QLatin1String("playlists"));
    if (!playlists.isArray())
        return Error{ErrorKind::Parse,
                     QCoreApplication::translate(
                         "encore::millionplaylist",
                         "%1 is not a playlist slice: it has no \"playlists\" list (see mpd.slice.0-999.json).")
                         .arg(file)};

    ImportBatch batch;
    batch.sourcePath = sourcePath;
    SliceReader reader(batch);
    const QJsonArray list = playlists.toArray();
    for (qsizetype i = 0; i < list.size(); ++i)
        reader.readPlaylist(i, list.at(i));
    return batch;
}

QByteArray contentHashOf(const QByteArray &bytes)
{
    XXH128_canonical_t canonical;
    XXH128_canonicalFromHash(&canonical, XXH3_128bits(bytes.constData(), static_cast<std::size_t>(bytes.size())));
    return QByteArray(reinterpret_cast<const char *>(canonical.digest), sizeof canonical.digest);
}

}  // namespace encore
