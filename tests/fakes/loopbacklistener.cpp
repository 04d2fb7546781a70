#include "loopbacklistener.h"

#include <QTcpServer>
#include <QTcpSocket>

namespace encore::test {

namespace {

class NoDelayTcpServer : public QTcpServer {
public:
    using QTcpServer::QTcpServer;

protected:
    void incomingConnection(qintptr handle) override
    {
        auto *socket = new QTcpSocket(this);
        if (!socket->setSocketDescriptor(handle)) {
            delete socket;
            return;
        }
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        addPendingConnection(socket);
    }
};

}  // namespace

quint16 listenOnLoopback(QAbstractHttpServer &server)
{
    auto *tcp = new NoDelayTcpServer(&server);
    if (!tcp->listen(QHostAddress(QHostAddress::LocalHost), 0)) {
        delete tcp;
        return 0;
    }
    server.bind(tcp);
    return tcp->serverPort();
}

}  // namespace encore::test
