#pragma once

#include "randomfaults.h"

#include <QByteArray>
#include <QHash>
#include <QHttpServer>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

#include <chrono>
#include <functional>
#include <utility>

namespace encore::test {

// An HTTP answer of a fake service.
struct FakeAnswer {
    int status = 200;
    QByteArray body;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray contentType = "application/json";
};

// How an answer reaches the client.
struct FakeDelivery {
    std::chrono::milliseconds latency{0};
    bool cut = false;  // the connection closes halfway through the body, as a dropped one does
};

// Writes `answer` now, or after the delivery's latency unless the client has gone meanwhile;
// `settled` runs once either way (after `context` is gone, neither happens).
void sendFakeAnswer(QHttpServerResponder &&responder, const FakeAnswer &answer, const FakeDelivery &delivery,
                    QObject *context, const std::function<void()> &settled);

// The fault `faults` draws for a request (none without `faults`) applied to its answer:
// `answer()` computes the real one, which a rate limit or a server error replaces without it
// being computed (so nothing it would change happens); `errorBody` gives those their body, as the
// service words it, from the status and a message. Sets `delivery` for a cut or slow answer.
FakeAnswer answerWithFault(RandomFaults *faults, const std::function<FakeAnswer()> &answer,
                           const std::function<QByteArray(int, const QString &)> &errorBody, FakeDelivery &delivery);

// What the small fakes of keyless web services (ReccoBeats, Deezer, iTunes) share: a QHttpServer
// on 127.0.0.1 and a random port, files served at fixed paths (previews), injected failures,
// latency, and a record of every request. Subclasses answer the rest.
class FakeHttpService : public QObject {
    Q_OBJECT
public:
    struct Request {
        QString path;
        QUrlQuery query;
    };
    using Answer = FakeAnswer;

    bool listen();
    quint16 port() const { return m_port; }
    QUrl baseUrl() const;  // http://127.0.0.1:PORT
    QUrl urlOf(const QString &path) const;

    // Serves `body` at `path` from now on; returns its URL.
    QUrl serveFile(const QString &path, QByteArray body, QByteArray contentType = "audio/wav");
    // The next `times` requests whose path starts with `pathPrefix` (all when empty) get `status`
    // with a JSON error body, and Retry-After when retryAfterSeconds >= 0.
    void failRequests(int status, int times = 1, const QString &pathPrefix = {}, int retryAfterSeconds = -1);
    // The next `times` answers whose path starts with `pathPrefix` lose the second half of their
    // body: a 200 whose JSON breaks off, as a proxy that drops the connection passes it on.
    void cutAnswers(int times = 1, const QString &pathPrefix = {});
    // Every answer waits this long (answers to closed connections are dropped).
    void setLatency(std::chrono::milliseconds latency) { m_latency = latency; }
    // From now on each request may meet a fault that `faults` draws (nullptr: none). Not owned.
    void setRandomFaults(RandomFaults *faults) { m_randomFaults = faults; }

    QList<Request> requests() const { return m_requests; }
    QList<Request> requestsTo(const QString &pathPrefix) const;
    int maxInFlight() const { return m_maxInFlight; }
    void resetRecord();

protected:
    explicit FakeHttpService(QObject *parent = nullptr);
    virtual Answer answer(const Request &request) = 0;
    static QByteArray json(const QJsonObject &object);

private:
    struct Failure {
        int status = 500;
        int times = 0;
        QString pathPrefix;
        int retryAfter = -1;
    };
    void send(QHttpServerResponder &&responder, const Answer &answer, const FakeDelivery &delivery);
    // A file served at the request's path, else answer(), shortened by a pending cutAnswers().
    Answer fileOrAnswer(const Request &request);

    QHttpServer m_server;
    quint16 m_port = 0;
    QHash<QString, std::pair<QByteArray, QByteArray>> m_files;  // path → body, content type
    QList<Failure> m_failures;
    struct Cut {
        int times = 0;
        QString pathPrefix;
    };
    QList<Cut> m_cuts;
    std::chrono::milliseconds m_latency{0};
    RandomFaults *m_randomFaults = nullptr;
    QList<Request> m_requests;
    int m_inFlight = 0;
    int m_maxInFlight = 0;
};

}  // namespace encore::test
