#pragma once

#include <QAbstractHttpServer>

namespace encore::test {

// Makes `server` listen on 127.0.0.1 at a free port, with Nagle's algorithm off on every
// connection, as real web servers have it: QHttpServer writes headers and body separately, and
// with Nagle on, the body waits for the client's delayed ACK (about 40 ms per answer on Linux).
// Returns the port, or 0 when it cannot listen.
quint16 listenOnLoopback(QAbstractHttpServer &server);

}  // namespace encore::test
