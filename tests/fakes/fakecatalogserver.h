#pragma once

#include <QByteArray>
#include <QObject>
#include <QTcpServer>
#include <QUrl>

namespace encore::test {

// A file server on 127.0.0.1 for the starter catalog's download, written on a bare QTcpServer so
// that it can also misbehave as real networks do: answer with another status, send something
// else, close the connection in the middle of the body, or send slowly enough to be cancelled.
class FakeCatalogServer : public QObject {
    Q_OBJECT

public:
    explicit FakeCatalogServer(QObject *parent = nullptr);

    bool listen();
    // http://127.0.0.1:PORT/spotify_songs.csv
    QUrl url() const;

    // What every request gets: `status` with `body` (Content-Length is always the whole body's).
    void serve(QByteArray body, int status = 200, QByteArray contentType = "text/csv");
    // Closes the connection after this many bytes of the body (-1: sends it all).
    void setCutAfter(qint64 bytes) { m_cutAfter = bytes; }
    // Sends the body in chunks of this size, one every 20 ms (0: all at once).
    void setPacedChunk(qint64 bytes) { m_pacedChunk = bytes; }

    int requestCount() const { return m_requests; }

private:
    void answer(QTcpSocket *socket);

    QTcpServer m_server;
    QByteArray m_body;
    int m_status = 200;
    QByteArray m_contentType;
    qint64 m_cutAfter = -1;
    qint64 m_pacedChunk = 0;
    int m_requests = 0;
};

}  // namespace encore::test
