#include "features/coverstore.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <algorithm>
#include <vector>

namespace encore {

CoverStore::CoverStore(QString directory, qint64 maxBytes) : m_directory(std::move(directory)), m_maxBytes(maxBytes) {}

// Track ids come from files users bring: hashed, any id is a safe file name.
QString CoverStore::pathOf(const QString &trackId) const
{
    const QByteArray hash = QCryptographicHash::hash(trackId.toUtf8(), QCryptographicHash::Sha1).toHex();
    return m_directory + u'/' + QString::fromLatin1(hash) + QStringLiteral(".cover");
}

CoverStore::Entry CoverStore::read(const QString &trackId) const
{
    QFile file(pathOf(trackId));
    if (!file.open(QIODevice::ReadOnly | QIODevice::ExistingOnly))
        return {};
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (file.size() == 0) {
        const QDateTime asked = file.fileTime(QFileDevice::FileModificationTime);
        if (asked.daysTo(now) >= kForgetNoneAfterDays)
            return {};
        return {Entry::Kind::None, {}};
    }
    if (file.size() > kMaxCoverBytes) {
        file.remove();
        return {};
    }
    QByteArray image = file.readAll();
    file.close();
    // The access time is often not kept (noatime): the modification time says when it was used.
    QFile touched(file.fileName());
    if (touched.open(QIODevice::ReadWrite | QIODevice::ExistingOnly))
        touched.setFileTime(now, QFileDevice::FileModificationTime);
    return {Entry::Kind::Image, std::move(image)};
}

Status CoverStore::write(const QString &trackId, const QByteArray &image) const
{
    const auto failed = [&] {
        return Error{ErrorKind::Io,
                     QCoreApplication::translate("encore::CoverStore", "Cannot keep covers in %1.")
                         .arg(QDir::toNativeSeparators(m_directory))};
    };
    if (!QDir().mkpath(m_directory))
        return failed();
    QSaveFile file(pathOf(trackId));
    if (!file.open(QIODevice::WriteOnly) || file.write(image) != image.size() || !file.commit())
        return failed();
    return success();
}

void CoverStore::forget(const QString &trackId) const
{
    QFile::remove(pathOf(trackId));
}

qint64 CoverStore::trim() const
{
    struct Kept {
        QString path;
        qint64 size;
        QDateTime used;
    };
    std::vector<Kept> kept;
    qint64 total = 0;
    QDirIterator files(m_directory, {QStringLiteral("*.cover")}, QDir::Files);
    while (files.hasNext()) {
        const QFileInfo info = files.nextFileInfo();
        kept.push_back({info.filePath(), info.size(), info.lastModified()});
        total += info.size();
    }
    if (total <= m_maxBytes)
        return total;
    std::sort(kept.begin(), kept.end(), [](const Kept &a, const Kept &b) { return a.used < b.used; });
    for (const Kept &cover : kept) {
        if (total <= m_maxBytes / 4 * 3)
            break;
        if (QFile::remove(cover.path))
            total -= cover.size;
    }
    return total;
}

}  // namespace encore
