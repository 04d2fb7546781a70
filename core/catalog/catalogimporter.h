#pragma once

#include "creditsplitter.h"
#include "model/audiofeatures.h"
#include "model/playlist.h"
#include "model/track.h"
#include "util/result.h"

#include <QHash>
#include <QString>
#include <QUrl>

#include <functional>
#include <vector>

namespace encore {

// A row of the file that could not be used, and why, in words a person understands.
struct RejectedRow {
    qint64 line = 0;  // 1-based physical line where the record starts (the header is line 1)
    QString reason;   // e.g. "no track id", "danceability is not a number: \"abc\""
};

// A row that was imported without some of its values, and why: "tempo is out of range (0 to
// 300): "-120"". Those values are unknown, never clamped.
struct ValueNote {
    qint64 line = 0;
    QString reason;
};

// Everything one catalog file holds, ready to be stored in the library.
struct ImportBatch {
    QString sourcePath;                   // absolute path of the file read
    std::vector<Track> tracks;            // each track id once, first occurrence wins
    std::vector<AudioFeatures> features;  // features[i] belongs to tracks[i]; source Catalog
    std::vector<Playlist> playlists;      // from playlist_id/playlist_name, or one named after the file
    QHash<QString, QUrl> albumCovers;     // album id → a cover link (Spotify's playlists give them)
    std::vector<RejectedRow> rejected;
    std::vector<ValueNote> valuesLeftOut;  // from rows that were imported
    qint64 rowsRead = 0;                   // data rows seen, rejected ones included
    QByteArray contentHash;                // of every byte read (CsvReader::finishContentHash)
};

// Called now and then with how far the import has got; return false to cancel.
using ImportProgress = std::function<bool(qint64 bytesDone, qint64 bytesTotal)>;

// Reads catalog CSV files (plain or gzip-compressed), finding columns by header name.
class CatalogImporter {
public:
    // `knownArtists`: the artists the library already holds, evidence for splitting "A, B"
    // credits beside the file's own.
    explicit CatalogImporter(CreditSplitter knownArtists = {});

    // Fails with Io when the file cannot be read, Parse when no usable header is found
    // (the message names the columns it needs) and Cancelled when `progress` returned false.
    Result<ImportBatch> importFile(const QString &path, const ImportProgress &progress = {}) const;

private:
    CreditSplitter m_knownArtists;
};

}  // namespace encore
