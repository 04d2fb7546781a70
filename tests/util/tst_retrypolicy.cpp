#include "util/retrypolicy.h"

#include <QTest>

using namespace encore;
using namespace std::chrono_literals;

Q_DECLARE_METATYPE(std::optional<std::chrono::milliseconds>)

// The retry rules shared by SpotifyClient and ServiceClient.
class TestRetryPolicy : public QObject {
    Q_OBJECT

private slots:
    void delayBeforeRetry_data()
    {
        QTest::addColumn<int>("retriesSoFar");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("retryAfter");
        QTest::addColumn<std::optional<std::chrono::milliseconds>>("expected");
        using Delay = std::optional<std::chrono::milliseconds>;

        QTest::newRow("no answer: backoff") << 0 << 0 << QByteArray() << Delay(100ms);
        QTest::newRow("no answer, again: doubled") << 1 << 0 << QByteArray() << Delay(200ms);
        QTest::newRow("503: backoff") << 2 << 503 << QByteArray() << Delay(400ms);
        QTest::newRow("500 after the last retry: final") << 3 << 500 << QByteArray() << Delay();
        QTest::newRow("429 waits Retry-After") << 0 << 429 << QByteArray(" 7 ") << Delay(7000ms);
        QTest::newRow("429 Retry-After 0") << 0 << 429 << QByteArray("0") << Delay(0ms);
        QTest::newRow("429 without Retry-After: backoff") << 1 << 429 << QByteArray() << Delay(200ms);
        QTest::newRow("429 with a date: backoff")
            << 0 << 429 << QByteArray("Wed, 21 Oct 2026 07:28:00 GMT") << Delay(100ms);
        QTest::newRow("429 too long to wait") << 0 << 429 << QByteArray("11") << Delay();
        QTest::newRow("429 after the last retry") << 3 << 429 << QByteArray("1") << Delay();
        QTest::newRow("404 is final") << 0 << 404 << QByteArray() << Delay();
        QTest::newRow("403 is final") << 0 << 403 << QByteArray("1") << Delay();
        QTest::newRow("400 is final") << 0 << 400 << QByteArray() << Delay();
    }

    void delayBeforeRetry()
    {
        QFETCH(int, retriesSoFar);
        QFETCH(int, status);
        QFETCH(QByteArray, retryAfter);
        QFETCH(std::optional<std::chrono::milliseconds>, expected);
        const RetryPolicy policy{100ms, 3, 10s};
        QCOMPARE(policy.delayBeforeRetry(retriesSoFar, status, retryAfter), expected);
    }
};

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
