#include "features/ratelimiter.h"
#include "features/serviceclient.h"

#include "fakefeatureservices.h"
#include "features/featureendpoints.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace encore;
using namespace std::chrono_literals;

class TestRateLimiter : public QObject {
    Q_OBJECT

private slots:
    void spreadsABurstOverTheWindow()
    {
        RateLimiter limiter({3, 1000ms});
        const RateLimiter::Clock::time_point start{};
        // Three at once; the fourth when the first leaves the window, and so on.
        QCOMPARE(limiter.reserve(start), 0ms);
        QCOMPARE(limiter.reserve(start), 0ms);
        QCOMPARE(limiter.reserve(start + 100ms), 0ms);
        QCOMPARE(limiter.reserve(start + 200ms), 800ms);
        QCOMPARE(limiter.reserve(start + 200ms), 800ms);
        QCOMPARE(limiter.reserve(start + 200ms), 900ms);
        QCOMPARE(limiter.reserve(start + 200ms), 1800ms);
        // Long after, the window is empty again.
        QCOMPARE(limiter.reserve(start + 10s), 0ms);
    }

    void noLimitNeverWaits()
    {
        RateLimiter limiter;
        for (int i = 0; i < 1000; ++i)
            QCOMPARE(limiter.reserve(RateLimiter::Clock::time_point{}), 0ms);
    }

    void realServicesHaveTheirPublishedLimits()
    {
        QCOMPARE(rateLimiterFor(FeatureEndpoints().deezer).limit().requests, 50);
        QCOMPARE(rateLimiterFor(FeatureEndpoints().deezer).limit().window, 5000ms);
        QCOMPARE(rateLimiterFor(FeatureEndpoints().iTunes).limit().requests, 20);
        QCOMPARE(rateLimiterFor(QUrl(QStringLiteral("http://127.0.0.1:9/x"))).limit().requests, 0);
    }

    void clientsOfOneHostShareItsLimit()
    {
        test::FakeDeezer deezer;
        QVERIFY(deezer.listen());
        rateLimiterFor(deezer.baseUrl()).setLimit({2, 400ms});
        QNetworkAccessManager network;
        ServiceClient previews(network, QStringLiteral("Deezer"));
        ServiceClient discover(network, QStringLiteral("Deezer"));
        QSignalSpy waits(&previews, &ServiceClient::waitingForRateLimit);
        QSignalSpy otherWaits(&discover, &ServiceClient::waitingForRateLimit);
        int answered = 0;
        const auto count = [&](Result<QByteArray> body, int) { answered += body ? 1 : 0; };
        QElapsedTimer clock;
        clock.start();
        for (int i = 0; i < 3; ++i) {
            previews.get(deezer.urlOf(QStringLiteral("/artist/1/top")), count);
            discover.get(deezer.urlOf(QStringLiteral("/artist/2/top")), count);
        }
        QTRY_COMPARE_WITH_TIMEOUT(answered, 6, 5000);
        // Two at once, two after one window, two after two: it cannot be done sooner.
        QVERIFY2(clock.elapsed() >= 800, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(waits.size() + otherWaits.size(), 4);
        QCOMPARE(deezer.requests().size(), 6);
        rateLimiterFor(deezer.baseUrl()).setLimit({});
    }
};

QTEST_GUILESS_MAIN(TestRateLimiter)
#include "tst_ratelimiter.moc"
