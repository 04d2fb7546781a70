#include "startercatalog.h"

#include "spotify/spotifyendpoints.h"

#include <QCoreApplication>
#include <QDir>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTemporaryDir>

namespace encore {

namespace {

// A stalled transfer (no byte for this long) counts as broken off.
constexpr int kStallTimeoutMs = 30'000;

QString megabytes(qint64 bytes)
{
    return QLocale::c().toString(double(bytes) / 1e6, 'f', 1) + QStringLiteral(" MB");
}

// 32833 → "32,833", as the messages are written in English.
QString englishCount(qint64 count)
{
    return QLocale(QLocale::English, QLocale::UnitedStates).toString(count);
}

}  // namespace

QUrl StarterCatalog::defaultUrl()
{
    return QUrl(QStringLiteral("https://raw.githubusercontent.com/rfordatascience/tidytuesday/main/"
                               "data/2020/2020-01-21/spotify_songs.csv"));
}

Result<QUrl> StarterCatalog::url(const QProcessEnvironment &environment)
{
    return baseUrlFromEnvironment(environment, kUrlVariable, defaultUrl());
}

QByteArray StarterCatalog::header()
{
    return "track_id,track_name,track_artist,track_popularity,track_album_id,track_album_name,"
           "track_album_release_date,playlist_name,playlist_id,playlist_genre,playlist_subgenre,"
           "danceability,energy,key,loudness,mode,speechiness,acousticness,instrumentalness,"
           "liveness,valence,tempo,duration_ms";
}

StarterCatalogDownload::StarterCatalogDownload(QNetworkAccessManager &network, QUrl url, QObject *parent)
    : QObject(parent), m_network(network), m_url(std::move(url))
{}

StarterCatalogDownload::~StarterCatalogDownload()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void StarterCatalogDownload::start()
{
    m_dir = std::make_unique<QTemporaryDir>(QDir::temp().filePath(QStringLiteral("encore-starter-XXXXXX")));
    m_file.setFileName(m_dir->filePath(QStringLiteral("spotify_songs.csv")));
    if (!m_dir->isValid() || !m_file.open(QIODevice::WriteOnly)) {
        finish(Error{ErrorKind::Io,
                     QCoreApplication::translate("encore::startercatalog",
                                                 "Encore could not make a temporary file for the "
                                                 "starter catalog: %1.")
                         .arg(m_dir->isValid() ? m_file.errorString() : m_dir->errorString())});
        return;
    }
    QNetworkRequest request(m_url);
    request.setTransferTimeout(kStallTimeoutMs);
    m_reply = m_network.get(request);
    connect(m_reply, &QNetworkReply::readyRead, this, &StarterCatalogDownload::onReadyRead);
    connect(m_reply, &QNetworkReply::downloadProgress, this, &StarterCatalogDownload::progress);
    connect(m_reply, &QNetworkReply::finished, this, &StarterCatalogDownload::onFinished);
}

void StarterCatalogDownload::cancel()
{
    if (m_done)
        return;
    m_cancelled = true;
    if (m_reply)
        m_reply->abort();  // finished() follows
    else
        finish(Error{ErrorKind::Cancelled,
                     QCoreApplication::translate("encore::startercatalog",
                                                 "The download of the starter catalog was cancelled.")});
}

QString StarterCatalogDownload::filePath() const
{
    return m_done && !m_error ? m_file.fileName() : QString();
}

void StarterCatalogDownload::onReadyRead()
{
    // Only a 200's body is the file; anything else is judged by its status when it ends.
    if (m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200 || m_tooLarge || m_writeFailed) {
        m_reply->readAll();
        return;
    }
    const QByteArray chunk = m_reply->readAll();
    if (chunk.isEmpty())
        return;
    if (!m_firstLineDone) {
        const qsizetype end = chunk.indexOf('\n');
        m_firstLine += chunk.left(end < 0 ? chunk.size() : end);
        m_firstLineDone = end >= 0 || m_firstLine.size() > StarterCatalog::header().size() + 2;
    }
    m_received += chunk.size();
    m_lineEnds += chunk.count('\n');
    m_lastByte = chunk.back();
    if (m_received > StarterCatalog::kMaxBytes) {
        m_tooLarge = true;
        m_reply->abort();
        return;
    }
    if (m_file.write(chunk) != chunk.size()) {
        m_writeFailed = true;
        m_reply->abort();
    }
}

void StarterCatalogDownload::onFinished()
{
    QNetworkReply *reply = m_reply;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (!m_cancelled && reply->error() == QNetworkReply::NoError && status == 200)
        onReadyRead();  // what is still buffered
    m_reply = nullptr;
    reply->deleteLater();
    if (m_done)
        return;
    if (m_cancelled) {
        finish(Error{ErrorKind::Cancelled,
                     QCoreApplication::translate("encore::startercatalog",
                                                 "The download of the starter catalog was cancelled.")});
        return;
    }
    if (m_writeFailed) {
        finish(Error{ErrorKind::Io,
                     QCoreApplication::translate("encore::startercatalog",
                                                 "Encore could not save the starter catalog in %1: %2.")
                         .arg(QDir::toNativeSeparators(m_dir->path()), m_file.errorString())});
        return;
    }
    if (m_tooLarge) {
        finish(Error{ErrorKind::Parse,
                     QCoreApplication::translate("encore::startercatalog",
                                                 "What %1 sent is not the starter catalog: it is "
                                                 "larger than %2.")
                         .arg(m_url.host(), megabytes(StarterCatalog::kMaxBytes))});
        return;
    }
    if (reply->error() != QNetworkReply::NoError || status != 200) {
        finish(failureOf(*reply, status));
        return;
    }
    // A connection closed early can end without an error; fewer bytes than announced tell it
    // (a compressed answer announces fewer than it unpacks to, so this holds for it too).
    const QVariant announced = reply->header(QNetworkRequest::ContentLengthHeader);
    if (announced.isValid() && m_received < announced.toLongLong()) {
        finish(brokeOff());
        return;
    }
    finish(checkContent());
}

Error StarterCatalogDownload::failureOf(const QNetworkReply &reply, int status) const
{
    const QString host = m_url.host();
    if (status != 0 && status != 200) {
        const QString reason = reply.attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
        return {ErrorKind::Http,
                QCoreApplication::translate("encore::startercatalog",
                                            "The starter catalog could not be downloaded: %1 "
                                            "answered %2.")
                    .arg(host,
                         reason.isEmpty() ? QString::number(status) : QStringLiteral("%1 %2").arg(status).arg(reason))};
    }
    switch (reply.error()) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyNotFoundError:
        if (m_received == 0)
            return {ErrorKind::Network,
                    QCoreApplication::translate("encore::startercatalog",
                                                "Encore can't reach %1 to download the starter "
                                                "catalog; are you offline?")
                        .arg(host)};
        break;
    default: break;
    }
    return brokeOff();
}

Error StarterCatalogDownload::brokeOff() const
{
    return {ErrorKind::Network,
            QCoreApplication::translate("encore::startercatalog",
                                        "The download of the starter catalog from %1 broke "
                                        "off before the end (%2 received); try again.")
                .arg(m_url.host(), megabytes(m_received))};
}

std::optional<Error> StarterCatalogDownload::checkContent() const
{
    const QString notIt =
        QCoreApplication::translate("encore::startercatalog", "What %1 sent is not the starter catalog: %2.");
    const QString host = m_url.host();
    QByteArray firstLine = m_firstLine;
    if (firstLine.endsWith('\r'))
        firstLine.chop(1);
    if (firstLine != StarterCatalog::header())
        return Error{ErrorKind::Parse,
                     notIt.arg(host,
                               QCoreApplication::translate("encore::startercatalog",
                                                           "its first line is not the "
                                                           "catalog's header row"))};
    if (m_received < StarterCatalog::kMinBytes)
        return Error{ErrorKind::Parse,
                     notIt.arg(host,
                               QCoreApplication::translate("encore::startercatalog", "it is %1, the catalog about 8 MB")
                                   .arg(megabytes(m_received)))};
    // Line ends count rows: the catalog has no line break inside a field.
    const qint64 rows = m_lineEnds + (m_lastByte == '\n' ? 0 : 1) - 1;
    if (rows != StarterCatalog::kDataRows)
        return Error{ErrorKind::Parse,
                     notIt.arg(host,
                               QCoreApplication::translate("encore::startercatalog", "it has %1 rows, the catalog %2")
                                   .arg(englishCount(rows), englishCount(StarterCatalog::kDataRows)))};
    return std::nullopt;
}

void StarterCatalogDownload::finish(std::optional<Error> error)
{
    m_done = true;
    m_error = std::move(error);
    m_file.close();
    if (m_error)
        m_dir.reset();  // nothing half-downloaded stays behind
    emit finished();
}

}  // namespace encore
