#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <chrono>

namespace encore {

// Album covers on disk, one file per song under a directory: the image as the service sent it,
// or an empty file for "no service has one", which is asked again after kForgetNoneAfterDays (a
// cover may be added). Kept under a size cap by removing the covers read least recently. Every
// call reads or atomically replaces whole files, so worker threads may use one store at once; a
// file read while trim() removes it is simply not there.
class CoverStore {
public:
    static constexpr int kForgetNoneAfterDays = 30;
    // A longer file is not a cover Encore wrote: it is taken as damaged and removed.
    static constexpr qint64 kMaxCoverBytes = 2 * 1024 * 1024;

    CoverStore(QString directory, qint64 maxBytes);

    struct Entry {
        enum class Kind { Unknown, None, Image };
        Kind kind = Kind::Unknown;
        QByteArray image;  // for Image
    };
    // What the store holds for `trackId`; reading marks it as recently used.
    Entry read(const QString &trackId) const;
    // Keeps `image` as the cover of `trackId`, or "none" when it is empty.
    Status write(const QString &trackId, const QByteArray &image) const;
    // Removes `trackId`'s file (a cover that would not decode).
    void forget(const QString &trackId) const;
    // Removes the covers read least recently until the rest take at most three quarters of the
    // cap, so that trimming is rare. Returns the bytes the store takes afterwards.
    qint64 trim() const;

    const QString &directory() const { return m_directory; }
    qint64 maxBytes() const { return m_maxBytes; }

private:
    QString pathOf(const QString &trackId) const;

    QString m_directory;
    qint64 m_maxBytes;
};

}  // namespace encore
