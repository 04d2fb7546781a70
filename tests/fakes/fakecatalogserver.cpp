#include "fakecatalogserver.h"

#include <QHostAddress>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#include <memory>

namespace encore::test {

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 404: return "Not Found";
    case 500: return "Internal Server Error";
    default: return "Status";
    }
}

}  // namespace

FakeCatalogServer::FakeCatalogServer(QObject *parent) : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            socket->setParent(this);
            auto request = std::make_shared<QByteArray>();
            connect(socket, &QTcpSocket::readyRead, this, [this, socket, request] {
                *request += socket->readAll();
                if (request->contains("\r\n\r\n")) {
                    request->clear();
                    answer(socket);
                }
            });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
}

bool FakeCatalogServer::listen()
{
    return m_server.listen(QHostAddress::LocalHost);
}

QUrl FakeCatalogServer::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/spotify_songs.csv").arg(m_server.serverPort()));
}

void FakeCatalogServer::serve(QByteArray body, int status, QByteArray contentType)
{
    m_body = std::move(body);
    m_status = status;
    m_contentType = std::move(contentType);
}

void FakeCatalogServer::answer(QTcpSocket *socket)
{
    ++m_requests;
    socket->write("HTTP/1.1 " + QByteArray::number(m_status) + ' ' + reasonPhrase(m_status) + "\r\n"
                  + "Content-Type: " + m_contentType + "\r\n" + "Content-Length: " + QByteArray::number(m_body.size())
                  + "\r\n" + "Connection: close\r\n\r\n");
    const QByteArray body = m_cutAfter >= 0 ? m_body.left(m_cutAfter) : m_body;
    if (m_pacedChunk <= 0) {
        socket->write(body);
        socket->disconnectFromHost();  // after what was written has gone
        return;
    }
    auto *timer = new QTimer(socket);
    auto sent = std::make_shared<qint64>(0);
    connect(timer, &QTimer::timeout, socket, [socket, timer, body, sent, chunk = m_pacedChunk] {
        socket->write(body.mid(*sent, chunk));
        *sent += chunk;
        if (*sent >= body.size()) {
            timer->stop();
            socket->disconnectFromHost();
        }
    });
    timer->start(20);
}

}  // namespace encore::test
