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

// What a loopback listener makes of the bytes a connection has sent so far: wait for more, refuse
// the request (and how), or take it as the callback, with its query (a code or an error, and the
// state). Pure, so that it can be tested and fuzzed without a socket.
struct LoopbackRequest {
    enum class Verdict { Incomplete, TooLarge, BadRequest, WrongMethod, NotFound, NoCode, Callback };
    Verdict verdict = Verdict::Incomplete;
    QUrlQuery query;  // the callback's query, for Callback
};
LoopbackRequest parseLoopbackRequest(const QByteArray &received);

// A one-shot HTTP listener on 127.0.0.1 that waits for the browser to come back from Spotify's
// consent page: GET /callback?code=...&state=... (or ?error=access_denied&state=...). It emits
// callbackReceived with the query and stops listening. Other paths (/favicon.ico, ...) get a 404
// and do not end the wait. If nothing arrives within the timeout, it stops and emits timedOut.
// The query is not checked here: `state` and `code` are the caller's business.
//
// A callback with an error is answered at once. A callback with a code is held open until the
// caller says how the sign-in ended (answerBrowser), so the page never claims a sign-in that then
// fails; if no answer comes in time, or the receiver stops first, the browser is sent back to
// Encore without a verdict.
class LoopbackReceiver : public QObject {
    Q_OBJECT
public:
    static constexpr std::chrono::milliseconds kDefaultTimeout = std::chrono::minutes(5);
    // Longer than a token exchange may take (SpotifyAuth::kDefaultTransferTimeout).
    static constexpr std::chrono::milliseconds kAnswerTimeout = std::chrono::minutes(1);

    explicit LoopbackReceiver(QObject *parent = nullptr);
    ~LoopbackReceiver() override;

    void setTimeout(std::chrono::milliseconds timeout);  // before listen()
    std::chrono::milliseconds timeout() const;
    // How long a browser with a code waits for answerBrowser (kAnswerTimeout unless set).
    void setAnswerTimeout(std::chrono::milliseconds timeout);

    // Starts listening on 127.0.0.1:port (0 = any free port) and starts the timeout.
    Status listen(quint16 port = 0);
    bool isListening() const;
    quint16 port() const;      // the bound port, 0 when not listening
    QUrl redirectUri() const;  // http://127.0.0.1:PORT/callback
    // Stops listening without emitting anything; connections in progress are dropped, and a
    // browser still waiting for the outcome is sent back to Encore.
    void stop();

    // Tells the browser that came back with a code how the sign-in ended: signed in, or the
    // error's sentence. Does nothing when no browser is waiting.
    void answerBrowser(const Status &outcome);
    bool isBrowserWaiting() const;

signals:
    void callbackReceived(const QUrlQuery &query);
    void timedOut(const encore::Error &error);

private:
    void acceptConnections();
    void readFrom(QTcpSocket *socket);
    void respond(QTcpSocket *socket, int status, const QByteArray &reason, const QByteArray &contentType,
                 const QByteArray &body);
    void finishListening();
    void holdCallback(QTcpSocket *socket);

    QTcpServer *m_server = nullptr;
    QTimer m_timer;
    QTimer m_answerTimer;
    QPointer<QTcpSocket> m_waitingBrowser;  // the held callback request, until it is answered
    std::chrono::milliseconds m_timeout = kDefaultTimeout;
    std::chrono::milliseconds m_answerTimeout = kAnswerTimeout;
    quint16 m_port = 0;
    QHash<QTcpSocket *, QByteArray> m_buffers;  // request bytes received so far, per connection
};

}  // namespace encore
