#include "loopbackreceiver.h"

#include "util/logging.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>

namespace encore {

namespace {

constexpr qsizetype kMaxRequestHeadBytes = 16 * 1024;

QByteArray page(const QString &title, const QString &message)
{
    return QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                          "<title>%1</title></head>\n<body style=\"font-family: sans-serif; margin: 3em;\">"
                          "<h1>%1</h1><p>%2</p></body></html>\n")
        .arg(title.toHtmlEscaped(), message.toHtmlEscaped())
        .toUtf8();
}

QByteArray successPage()
{
    return page(LoopbackReceiver::tr("Signed in to Encore"),
                LoopbackReceiver::tr("Signed in to Encore — you can close this tab."));
}

QByteArray signInFailedPage(const QString &reason)
{
    return page(LoopbackReceiver::tr("Sign-in failed"),
                LoopbackReceiver::tr("Sign-in failed: %1 Return to Encore to try again.").arg(reason));
}

// For a browser whose sign-in ended without a verdict from Encore: it must not claim either.
QByteArray returnToEncorePage()
{
    return page(LoopbackReceiver::tr("Encore"),
                LoopbackReceiver::tr("Return to Encore to see whether the sign-in worked. You "
                                     "can close this tab."));
}

QByteArray failurePage(const QString &error)
{
    const QString message = error == QLatin1String("access_denied")
        ? LoopbackReceiver::tr("Sign-in was cancelled: Encore was not given access to your "
                               "Spotify account. You can close this tab.")
        : LoopbackReceiver::tr("Sign-in did not complete (Spotify said \"%1\"). You can close "
                               "this tab and try again from Encore.")
              .arg(error);
    return page(LoopbackReceiver::tr("Encore"), message);
}

}  // namespace

LoopbackRequest parseLoopbackRequest(const QByteArray &received)
{
    using Verdict = LoopbackRequest::Verdict;
    const qsizetype headEnd = received.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return {received.size() > kMaxRequestHeadBytes ? Verdict::TooLarge : Verdict::Incomplete, {}};

    const QByteArray requestLine = received.left(received.indexOf("\r\n"));
    const QList<QByteArray> parts = requestLine.split(' ');
    if (parts.size() != 3 || !parts[2].startsWith("HTTP/"))
        return {Verdict::BadRequest, {}};
    if (parts[0] != "GET")
        return {Verdict::WrongMethod, {}};
    const QUrl target = QUrl::fromEncoded(parts[1]);
    if (target.path() != QLatin1String("/callback"))
        return {Verdict::NotFound, {}};
    QUrlQuery query(target);
    if (query.queryItemValue(QStringLiteral("error"), QUrl::FullyDecoded).isEmpty()
        && !query.hasQueryItem(QStringLiteral("code")))
        return {Verdict::NoCode, {}};
    return {Verdict::Callback, std::move(query)};
}

LoopbackReceiver::LoopbackReceiver(QObject *parent) : QObject(parent)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(m_timeout).count();
        const int wholeSeconds = int(seconds);
        const QString wait = seconds >= 120 && seconds % 60 == 0
            ? QCoreApplication::translate("encore::loopbackreceiver", "%n minutes", nullptr, wholeSeconds / 60)
            : seconds <= 1
            ? QCoreApplication::translate("encore::loopbackreceiver", "1 second")
            : QCoreApplication::translate("encore::loopbackreceiver", "%n seconds", nullptr, wholeSeconds);
        stop();
        qCInfo(lcSpotify) << "Sign-in callback timed out";
        emit timedOut(Error{ErrorKind::Auth,
                            QCoreApplication::translate("encore::loopbackreceiver",
                                                        "Sign-in timed out: the browser did not come back to "
                                                        "Encore within %1.")
                                .arg(wait)});
    });
    m_answerTimer.setSingleShot(true);
    connect(&m_answerTimer, &QTimer::timeout, this, [this] {
        qCInfo(lcSpotify) << "Nobody said how the sign-in ended; the browser is sent back";
        if (m_waitingBrowser)
            respond(m_waitingBrowser, 200, "OK", "text/html; charset=utf-8", returnToEncorePage());
    });
}

LoopbackReceiver::~LoopbackReceiver()
{
    stop();  // a browser still waiting gets its page rather than a reset connection
}

void LoopbackReceiver::setTimeout(std::chrono::milliseconds timeout)
{
    m_timeout = timeout;
}

std::chrono::milliseconds LoopbackReceiver::timeout() const
{
    return m_timeout;
}

void LoopbackReceiver::setAnswerTimeout(std::chrono::milliseconds timeout)
{
    m_answerTimeout = timeout;
}

Status LoopbackReceiver::listen(quint16 port)
{
    stop();
    m_server = new QTcpServer(this);
    if (!m_server->listen(QHostAddress(QHostAddress::LocalHost), port)) {
        const bool inUse = m_server->serverError() == QAbstractSocket::AddressInUseError;
        const QString reason = m_server->errorString();
        delete m_server;
        m_server = nullptr;
        if (inUse) {
            // The redirect URI names the port, so another one must be registered with Spotify too.
            return Error{ErrorKind::Network,
                         QCoreApplication::translate("encore::loopbackreceiver",
                                                     "Port %1 is already in use by another program: choose "
                                                     "another port and add http://127.0.0.1:PORT/callback "
                                                     "with it to the redirect URIs of your Spotify app.")
                             .arg(port)};
        }
        return Error{ErrorKind::Network,
                     QCoreApplication::translate("encore::loopbackreceiver",
                                                 "Encore could not wait for the browser on 127.0.0.1 port %1 "
                                                 "(%2).")
                         .arg(port)
                         .arg(reason)};
    }
    m_port = m_server->serverPort();
    connect(m_server, &QTcpServer::newConnection, this, &LoopbackReceiver::acceptConnections);
    m_timer.start(m_timeout);
    qCDebug(lcSpotify) << "Waiting for the sign-in callback on port" << m_port;
    return success();
}

bool LoopbackReceiver::isListening() const
{
    return m_server && m_server->isListening();
}

quint16 LoopbackReceiver::port() const
{
    return isListening() ? m_port : 0;
}

QUrl LoopbackReceiver::redirectUri() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_port);
    url.setPath(QStringLiteral("/callback"));
    return url;
}

void LoopbackReceiver::stop()
{
    m_timer.stop();
    m_answerTimer.stop();
    if (m_waitingBrowser)
        respond(m_waitingBrowser, 200, "OK", "text/html; charset=utf-8", returnToEncorePage());
    const auto sockets = m_buffers.keys();
    m_buffers.clear();
    for (QTcpSocket *socket : sockets) {
        socket->disconnect(this);
        socket->abort();
        socket->deleteLater();
    }
    finishListening();
}

void LoopbackReceiver::finishListening()
{
    m_timer.stop();
    if (m_server) {
        m_server->close();
        m_server->deleteLater();
        m_server = nullptr;
    }
}

void LoopbackReceiver::answerBrowser(const Status &outcome)
{
    if (!m_waitingBrowser)
        return;
    m_answerTimer.stop();
    respond(m_waitingBrowser, 200, "OK", "text/html; charset=utf-8",
            outcome ? successPage() : signInFailedPage(outcome.error().message));
}

bool LoopbackReceiver::isBrowserWaiting() const
{
    return m_waitingBrowser != nullptr;
}

void LoopbackReceiver::holdCallback(QTcpSocket *socket)
{
    m_buffers.remove(socket);  // answered later, by answerBrowser()
    m_waitingBrowser = socket;
    m_answerTimer.start(m_answerTimeout);
}

void LoopbackReceiver::acceptConnections()
{
    while (m_server && m_server->hasPendingConnections()) {
        QTcpSocket *socket = m_server->nextPendingConnection();
        socket->setParent(this);  // outlives the server, which goes away after the callback
        m_buffers.insert(socket, {});
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { readFrom(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            socket->deleteLater();
        });
    }
}

void LoopbackReceiver::readFrom(QTcpSocket *socket)
{
    auto buffer = m_buffers.find(socket);
    if (buffer == m_buffers.end())
        return;  // already answered
    buffer->append(socket->readAll());
    const LoopbackRequest request = parseLoopbackRequest(*buffer);
    switch (request.verdict) {
    case LoopbackRequest::Verdict::Incomplete: return;  // wait for the rest of the request
    case LoopbackRequest::Verdict::TooLarge:
        respond(socket, 431, "Request Header Fields Too Large", "text/plain; charset=utf-8", "Request too large.\n");
        return;
    case LoopbackRequest::Verdict::BadRequest:
        respond(socket, 400, "Bad Request", "text/plain; charset=utf-8", "Bad request.\n");
        return;
    case LoopbackRequest::Verdict::WrongMethod:
        respond(socket, 405, "Method Not Allowed", "text/plain; charset=utf-8", "Method not allowed.\n");
        return;
    case LoopbackRequest::Verdict::NotFound:
        respond(socket, 404, "Not Found", "text/plain; charset=utf-8", "Not found.\n");
        return;
    case LoopbackRequest::Verdict::NoCode:
        respond(socket, 400, "Bad Request", "text/html; charset=utf-8",
                failurePage(QCoreApplication::translate("encore::loopbackreceiver", "no code")));
        return;
    case LoopbackRequest::Verdict::Callback: break;
    }

    const QString error = request.query.queryItemValue(QStringLiteral("error"), QUrl::FullyDecoded);
    if (error.isEmpty())
        holdCallback(socket);
    else
        respond(socket, 200, "OK", "text/html; charset=utf-8", failurePage(error));
    qCInfo(lcSpotify) << "Sign-in callback received" << (error.isEmpty() ? "with a code" : "with an error");
    // One shot: stop accepting, let the other connections go, then report.
    finishListening();
    emit callbackReceived(request.query);
}

void LoopbackReceiver::respond(QTcpSocket *socket, int status, const QByteArray &reason, const QByteArray &contentType,
                               const QByteArray &body)
{
    m_buffers.remove(socket);
    if (socket == m_waitingBrowser)
        m_waitingBrowser = nullptr;
    QByteArray response = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n";
    response += "Content-Type: " + contentType + "\r\n";
    response += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    response += "Cache-Control: no-store\r\nConnection: close\r\n\r\n";
    response += body;
    // The answered connection lives on its own until the browser has the page, even when this
    // receiver is deleted right after answering (as SpotifyAuth does).
    socket->disconnect(this);
    socket->setParent(nullptr);
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    QTimer::singleShot(std::chrono::seconds(10), socket, [socket] {
        socket->abort();
        socket->deleteLater();
    });
    socket->write(response);
    socket->disconnectFromHost();  // after the bytes are written
}

}  // namespace encore
