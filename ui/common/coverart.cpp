#include "coverart.h"

#include "whenfinished.h"

#include "util/logging.h"

#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <QPixmapCache>
#include <QStandardPaths>
#include <QtConcurrent>

namespace encore {

namespace {

constexpr int kMemoryCapKiB = 48 * 1024;  // about 130 decoded covers
constexpr int kTrimEveryWrites = 50;

// An image that is not a cover (damaged, hostile, not an image at all) decodes to a null image.
QImage decodeCover(const QByteArray &bytes)
{
    QImage image;
    if (bytes.isEmpty() || !image.loadFromData(bytes))
        return {};
    if (image.width() > CoverArt::kDecodedSize || image.height() > CoverArt::kDecodedSize)
        image =
            image.scaled(CoverArt::kDecodedSize, CoverArt::kDecodedSize, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    return image.convertToFormat(QImage::Format_ARGB32_Premultiplied);
}

}  // namespace

// What the worker made of a cover: from disk, or Deezer's answer once stored.
struct CoverArt::Decoded {
    CoverStore::Entry::Kind kind = CoverStore::Entry::Kind::Unknown;
    QImage image;
};

CoverArt::CoverArt(QNetworkAccessManager &network, const QString &directory, QObject *parent)
    : QObject(parent), m_store(directory, kDiskCap), m_finder(network), m_images(kMemoryCapKiB)
{
    m_disk.setMaxThreadCount(1);
    m_disk.start([store = m_store] { store.trim(); });
}

CoverArt::~CoverArt()
{
    m_finder.cancelAll();
    m_disk.waitForDone();
}

QString CoverArt::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/covers");
}

QPixmap CoverArt::cover(const Track &track, int size, qreal devicePixelRatio)
{
    const int pixels = qRound(size * devicePixelRatio);
    if (const QImage *image = m_images.object(track.id)) {
        const QString key = QStringLiteral("cover/%1/%2").arg(track.id).arg(pixels);
        QPixmap scaled;
        if (!QPixmapCache::find(key, &scaled)) {
            scaled = QPixmap::fromImage(image->scaled(pixels, pixels, Qt::KeepAspectRatio, Qt::SmoothTransformation));
            QPixmapCache::insert(key, scaled);
        }
        scaled.setDevicePixelRatio(devicePixelRatio);
        return scaled;
    }
    const auto wait = m_waits.constFind(track.id);
    const bool retry = wait != m_waits.constEnd() && *wait == Wait::Unanswered
        && m_retryAt.value(track.id) <= QDateTime::currentDateTimeUtc();
    if (!track.id.isEmpty() && (wait == m_waits.constEnd() || retry))
        lookOnDisk(track);
    return placeholder(size, devicePixelRatio, QPalette());
}

QPixmap CoverArt::placeholder(int size, qreal devicePixelRatio, const QPalette &palette)
{
    const QString key = QStringLiteral("cover/placeholder/%1/%2/%3")
                            .arg(size)
                            .arg(devicePixelRatio)
                            .arg(palette.color(QPalette::Mid).rgba());
    QPixmap pixmap;
    if (QPixmapCache::find(key, &pixmap))
        return pixmap;
    pixmap = QPixmap(qRound(size * devicePixelRatio), qRound(size * devicePixelRatio));
    pixmap.setDevicePixelRatio(devicePixelRatio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    QPainterPath square;
    square.addRoundedRect(QRectF(0.5, 0.5, size - 1, size - 1), size / 8.0, size / 8.0);
    painter.fillPath(square, palette.color(QPalette::Midlight));
    painter.setPen(palette.color(QPalette::Mid));
    painter.drawPath(square);
    QFont font = painter.font();
    font.setPixelSize(std::max(6, size / 2));
    painter.setFont(font);
    painter.drawText(QRectF(0, 0, size, size), Qt::AlignCenter, QStringLiteral("♪"));
    painter.end();
    QPixmapCache::insert(key, pixmap);
    return pixmap;
}

void CoverArt::lookOnDisk(const Track &track)
{
    m_waits.insert(track.id, Wait::Looking);
    QFuture<Decoded> read = QtConcurrent::run(&m_disk, [store = m_store, id = track.id] {
        CoverStore::Entry entry = store.read(id);
        if (entry.kind != CoverStore::Entry::Kind::Image)
            return Decoded{entry.kind, {}};
        QImage image = decodeCover(entry.image);
        if (image.isNull()) {  // damaged on disk: look it up again
            store.forget(id);
            return Decoded{};
        }
        return Decoded{entry.kind, std::move(image)};
    });
    whenFinished(read, this, [this, track](const Decoded &decoded) {
        switch (decoded.kind) {
        case CoverStore::Entry::Kind::Image: return accept(track.id, decoded.image);
        case CoverStore::Entry::Kind::None: m_waits.insert(track.id, Wait::None); return;
        case CoverStore::Entry::Kind::Unknown:
            m_toLookUp.push_back(track);
            if (m_toLookUp.size() > std::size_t(kMaxWaiting)) {
                m_waits.remove(m_toLookUp.front().id);  // asked again when shown again
                m_toLookUp.erase(m_toLookUp.begin());
            }
            pump();
        }
    });
}

void CoverArt::pump()
{
    while (m_lookingUp < kConcurrentLookups && !m_toLookUp.empty()) {
        const Track track = m_toLookUp.back();
        m_toLookUp.pop_back();
        ++m_lookingUp;
        m_finder.find(track, m_albumCovers.value(track.albumId),
                      [this, track](const CoverSearch &search) { onFound(track, search); });
    }
}

void CoverArt::onFound(const Track &track, const CoverSearch &search)
{
    --m_lookingUp;
    pump();
    if (!search.answered) {
        m_waits.insert(track.id, Wait::Unanswered);
        m_retryAt.insert(track.id, QDateTime::currentDateTimeUtc().addSecs(kRetryAfterSeconds));
        return;
    }
    const bool trim = ++m_writesSinceTrim >= kTrimEveryWrites;
    if (trim)
        m_writesSinceTrim = 0;
    QFuture<Decoded> stored = QtConcurrent::run(&m_disk, [store = m_store, id = track.id, image = search.image, trim] {
        QImage decoded = decodeCover(image);
        // What does not decode is no cover: "none", not the bytes. One that cannot be kept
        // still shows, and is looked up again in the next session.
        if (const Status kept = store.write(id, decoded.isNull() ? QByteArray() : image); !kept)
            qCWarning(lcUi) << "cover not kept:" << kept.error().message;
        if (trim)
            store.trim();
        return Decoded{decoded.isNull() ? CoverStore::Entry::Kind::None : CoverStore::Entry::Kind::Image,
                       std::move(decoded)};
    });
    whenFinished(stored, this, [this, id = track.id](const Decoded &decoded) {
        if (decoded.kind == CoverStore::Entry::Kind::Image)
            accept(id, decoded.image);
        else
            m_waits.insert(id, Wait::None);
    });
}

void CoverArt::accept(const QString &trackId, const QImage &image)
{
    m_waits.remove(trackId);
    m_retryAt.remove(trackId);
    m_images.insert(trackId, new QImage(image), std::max<qsizetype>(1, image.sizeInBytes() / 1024));
    emit coverChanged(trackId);
}

}  // namespace encore
