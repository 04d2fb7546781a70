#include "fakehttpservice.h"

#include "loopbacklistener.h"

#include <QHostAddress>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>
#include <memory>

namespace encore::test {

FakeHttpService::FakeHttpService(QObject *parent) : QObject(parent)
{
    m_server.setMissingHandler([this](const QHttpServerRequest &httpRequest, QHttpServerResponder &&responder) {
        Request request{httpRequest.url().path(), httpRequest.query()};
        m_requests.append(request);
        ++m_inFlight;
        m_maxInFlight = std::max(m_maxInFlight, m_inFlight);
        for (auto it = m_failures.begin(); it != m_failures.end(); ++it) {
            if (it->times <= 0 || !request.path.startsWith(it->pathPrefix))
                continue;
            Answer failed{
                it->status, json(QJsonObject{{QStringLiteral("error"), QStringLiteral("Injected failure")}}), {}};
            if (it->retryAfter >= 0)
                failed.headers.append({"Retry-After", QByteArray::number(it->retryAfter)});
            if (--it->times <= 0)
                m_failures.erase(it);
            return send(std::move(responder), failed, FakeDelivery{m_latency});
        }
        FakeDelivery delivery{m_latency};
        const Answer answered = answerWithFault(
            m_randomFaults, [&] { return fileOrAnswer(request); },
            [](int, const QString &message) {
                return json(QJsonObject{{QStringLiteral("error"), message}});
            },
            delivery);
        send(std::move(responder), answered, delivery);
    });
}

FakeHttpService::Answer FakeHttpService::fileOrAnswer(const Request &request)
{
    const auto file = m_files.constFind(request.path);
    if (file != m_files.constEnd())
        return Answer{200, file->first, {}, file->second};
    Answer answered = answer(request);
    for (auto it = m_cuts.begin(); it != m_cuts.end(); ++it) {
        if (it->times <= 0 || !request.path.startsWith(it->pathPrefix))
            continue;
        answered.body.truncate(answered.body.size() / 2);
        if (--it->times <= 0)
            m_cuts.erase(it);
        break;
    }
    return answered;
}

bool FakeHttpService::listen()
{
    m_port = listenOnLoopback(m_server);
    return m_port != 0;
}

QUrl FakeHttpService::baseUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_port);
    return url;
}

QUrl FakeHttpService::urlOf(const QString &path) const
{
    QUrl url = baseUrl();
    url.setPath(path);
    return url;
}

QUrl FakeHttpService::serveFile(const QString &path, QByteArray body, QByteArray contentType)
{
    m_files.insert(path, {std::move(body), std::move(contentType)});
    return urlOf(path);
}

void FakeHttpService::failRequests(int status, int times, const QString &pathPrefix, int retryAfterSeconds)
{
    m_failures.append(Failure{status, times, pathPrefix, retryAfterSeconds});
}

void FakeHttpService::cutAnswers(int times, const QString &pathPrefix)
{
    m_cuts.append(Cut{times, pathPrefix});
}

QList<FakeHttpService::Request> FakeHttpService::requestsTo(const QString &pathPrefix) const
{
    QList<Request> found;
    for (const Request &request : m_requests) {
        if (request.path.startsWith(pathPrefix))
            found.append(request);
    }
    return found;
}

void FakeHttpService::resetRecord()
{
    m_requests.clear();
    m_maxInFlight = m_inFlight;
}

QByteArray FakeHttpService::json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

void FakeHttpService::send(QHttpServerResponder &&responder, const Answer &answer, const FakeDelivery &delivery)
{
    sendFakeAnswer(std::move(responder), answer, delivery, this, [this] { --m_inFlight; });
}

FakeAnswer answerWithFault(RandomFaults *faults, const std::function<FakeAnswer()> &answer,
                           const std::function<QByteArray(int, const QString &)> &errorBody, FakeDelivery &delivery)
{
    if (!faults)
        return answer();
    using Fault = RandomFaults::Fault;
    // Drawn before the answer is computed, so that a refused request changes nothing.
    const Fault fault = faults->draw();
    if (fault == Fault::RateLimited) {
        faults->note(fault);
        return FakeAnswer{429,
                          errorBody(429, QStringLiteral("API rate limit exceeded")),
                          {{"Retry-After", QByteArray::number(qint64(faults->retryAfter().count()))}}};
    }
    if (fault == Fault::ServerError) {
        faults->note(fault);
        return FakeAnswer{500, errorBody(500, QStringLiteral("Internal server error")), {}};
    }
    FakeAnswer answered = answer();
    if (fault == Fault::Cut)
        delivery.cut = true;
    else if (fault == Fault::Slow)
        delivery.latency = faults->slowness();
    else if (fault == Fault::Malformed && answered.contentType == "application/json")
        answered.body = QByteArrayLiteral("<html><body>502 Bad Gateway</body></html>");
    else
        return answered;
    faults->note(fault);
    return answered;
}

void sendFakeAnswer(QHttpServerResponder &&responder, const FakeAnswer &answer, const FakeDelivery &delivery,
                    QObject *context, const std::function<void()> &settled)
{
    auto write = [answer, cut = delivery.cut](QHttpServerResponder &target) {
        target.writeStatusLine(QHttpServerResponder::StatusCode(answer.status));
        target.writeHeader("Content-Type", answer.contentType);
        target.writeHeader("Content-Length", QByteArray::number(answer.body.size()));
        for (const auto &[key, value] : answer.headers)
            target.writeHeader(key, value);
        if (!cut)
            return target.writeBody(answer.body);
        target.writeBody(answer.body.left(answer.body.size() / 2));
        target.socket()->disconnectFromHost();
    };
    const std::chrono::milliseconds latency = delivery.latency;
    if (latency.count() <= 0) {
        write(responder);
        settled();
        return;
    }
    auto pending = std::make_shared<QHttpServerResponder>(std::move(responder));
    QPointer<QTcpSocket> socket = pending->socket();
    QTimer::singleShot(latency, context, [pending, socket, write, settled] {
        settled();
        if (socket && socket->state() == QAbstractSocket::ConnectedState)
            write(*pending);
    });
}

}  // namespace encore::test
