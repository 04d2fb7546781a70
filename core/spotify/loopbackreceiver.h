#pragma once

#include "util/result.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>

#include <chrono>

class QTcpServer;
class QTcpSocket;

namespace encore {

// A one-shot HTTP listener on 127.0.0.1 that waits for the browser to come back from Spotify's
// consent page: GET /callback?code=...&state=... (or ?error=access_denied&state=...). It answers
// the browser with a short page, emits callbackReceived with the query and stops listening.
// Other paths (/favicon.ico, ...) get a 404 and do not end the wait. If nothing arrives within
// the timeout, it stops and emits timedOut. The query is not checked here: `state` and `code` are
// the caller's business.
class LoopbackReceiver : public QObject {
    Q_OBJECT
public:
    static constexpr std::chrono::milliseconds kDefaultTimeout = std::chrono::minutes(5);

    explicit LoopbackReceiver(QObject *parent = nullptr);
    ~LoopbackReceiver() override;

    void setTimeout(std::chrono::milliseconds timeout);  // before listen()
    std::chrono::milliseconds timeout() const;

    // Starts listening on 127.0.0.1:port (0 = any free port) and starts the timeout.
    Status listen(quint16 port = 0);
    bool isListening() const;
    quint16 port() const;       // the bound port, 0 when not listening
    QUrl redirectUri() const;   // http://127.0.0.1:PORT/callback
    // Stops listening without emitting anything; connections in progress are dropped.
    void stop();

signals:
    void callbackReceived(const QUrlQuery &query);
    void timedOut(const encore::Error &error);

private:
    void acceptConnections();
    void readFrom(QTcpSocket *socket);
    void respond(QTcpSocket *socket, int status, const QByteArray &reason,
                 const QByteArray &contentType, const QByteArray &body);
    void finishListening();

    QTcpServer *m_server = nullptr;
    QTimer m_timer;
    std::chrono::milliseconds m_timeout = kDefaultTimeout;
    quint16 m_port = 0;
    QHash<QTcpSocket *, QByteArray> m_buffers;  // request bytes received so far, per connection
};

}  // namespace encore
