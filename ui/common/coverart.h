#pragma once

#include "features/coverfinder.h"
#include "features/coverstore.h"
#include "model/track.h"

#include <QCache>
#include <QDateTime>
#include <QHash>
#include <QImage>
#include <QObject>
#include <QPixmap>
#include <QThreadPool>

#include <vector>

class QNetworkAccessManager;
class QPalette;

namespace encore {

// Album covers for the window. cover() never waits: it gives the cover when it is at hand, else
// the placeholder, and looks for it once: on disk (a CoverStore under the cache directory, read
// and decoded on a worker thread), then by Spotify's link for the album or on Deezer
// (CoverFinder), the latest asked first so that
// what is on screen comes first; coverChanged() says when one came. A cover no service could be
// asked for is asked again a minute later and never stored as "none".
class CoverArt : public QObject {
    Q_OBJECT
public:
    static constexpr qint64 kDiskCap = 100 * 1024 * 1024;
    static constexpr int kConcurrentLookups = 4;
    static constexpr int kMaxWaiting = 60;  // older requests give way (they are off screen by now)
    static constexpr int kRetryAfterSeconds = 60;
    static constexpr int kDecodedSize = 300;  // pixels, enough for the largest place a cover goes

    // Covers are kept in `directory` (defaultDirectory() in the app).
    CoverArt(QNetworkAccessManager &network, const QString &directory, QObject *parent = nullptr);
    ~CoverArt() override;

    // <cache directory>/covers.
    static QString defaultDirectory();

    // `track`'s cover in a square of `size` device-independent pixels for a screen of
    // `devicePixelRatio`, or the placeholder while it is looked for or when there is none.
    QPixmap cover(const Track &track, int size, qreal devicePixelRatio);
    // Whether `trackId`'s cover is at hand (not the placeholder).
    bool hasCover(const QString &trackId) const { return m_images.contains(trackId); }
    // The links Spotify gave for albums' covers (LibrarySnapshot::albumCovers), tried before Deezer.
    void setAlbumCovers(QHash<QString, QUrl> albumCovers) { m_albumCovers = std::move(albumCovers); }
    // A rounded square with a note, in `palette`'s colours.
    static QPixmap placeholder(int size, qreal devicePixelRatio, const QPalette &palette);

    CoverFinder &finder() { return m_finder; }

signals:
    void coverChanged(const QString &trackId);

private:
    enum class Wait { Looking, None, Unanswered };
    struct Decoded;

    void lookOnDisk(const Track &track);
    void pump();
    void onFound(const Track &track, const CoverSearch &search);
    void accept(const QString &trackId, const QImage &image);

    CoverStore m_store;
    CoverFinder m_finder;
    QThreadPool m_disk;                // one thread: reads, writes and trims never race one another
    QCache<QString, QImage> m_images;  // decoded, by track id; cost in KiB
    QHash<QString, Wait> m_waits;      // covers not at hand, and why
    QHash<QString, QDateTime> m_retryAt;
    QHash<QString, QUrl> m_albumCovers;
    std::vector<Track> m_toLookUp;  // the latest asked last
    int m_lookingUp = 0;
    int m_writesSinceTrim = 0;
};

}  // namespace encore
