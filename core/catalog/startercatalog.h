#pragma once

#include "util/result.h"

#include <QFile>
#include <QObject>
#include <QPointer>
#include <QProcessEnvironment>
#include <QUrl>

#include <memory>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;
class QTemporaryDir;

namespace encore {

// The catalog a new user can start with: TidyTuesday's spotify_songs.csv of 2020-01-21, 28,356
// songs from 471 Spotify playlists (MIT licence), about 8 MB.
struct StarterCatalog {
    // Replaces the download's address (https, or plain http on a loopback host), for tests.
    static constexpr const char *kUrlVariable = "ENCORE_STARTER_CATALOG_URL";
    static constexpr qint64 kDataRows = 32'833;
    // The file is 7,971,379 bytes; a little room either way for line ends, none for another file.
    static constexpr qint64 kMinBytes = 7'000'000;
    static constexpr qint64 kMaxBytes = 9'500'000;

    static QUrl defaultUrl();
    // The default, or the environment's replacement; an Error names a bad variable.
    static Result<QUrl> url(const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());
    // The file's first line, exactly.
    static QByteArray header();
};

// Downloads the starter catalog into a temporary folder and checks that what arrived is that
// catalog: HTTP 200, a size in range, the exact header row and the number of rows. Only then is
// the file handed on (filePath()); a failure or a cancel leaves nothing behind. The folder goes
// with this object, so keep it until the file has been imported.
class StarterCatalogDownload : public QObject {
    Q_OBJECT

public:
    StarterCatalogDownload(QNetworkAccessManager &network, QUrl url, QObject *parent = nullptr);
    ~StarterCatalogDownload() override;

    void start();
    // Stops the download; finished() follows with a Cancelled error.
    void cancel();

    const QUrl &url() const { return m_url; }
    // After finished(): the checked file (named spotify_songs.csv), or empty when error() is set.
    QString filePath() const;
    const std::optional<Error> &error() const { return m_error; }

signals:
    // Bytes received so far and the total (-1 while unknown).
    void progress(qint64 received, qint64 total);
    void finished();

private:
    void onReadyRead();
    void onFinished();
    // The sentence for a reply that ended in error; status is the HTTP status or 0.
    Error failureOf(const QNetworkReply &reply, int status) const;
    Error brokeOff() const;
    std::optional<Error> checkContent() const;
    void finish(std::optional<Error> error);

    QNetworkAccessManager &m_network;
    QUrl m_url;
    std::unique_ptr<QTemporaryDir> m_dir;
    QFile m_file;
    QPointer<QNetworkReply> m_reply;
    QByteArray m_firstLine;  // up to the first line end
    bool m_firstLineDone = false;
    qint64 m_received = 0;
    qint64 m_lineEnds = 0;
    char m_lastByte = '\n';
    bool m_cancelled = false;
    bool m_tooLarge = false;
    bool m_writeFailed = false;
    bool m_done = false;
    std::optional<Error> m_error;
};

}  // namespace encore
