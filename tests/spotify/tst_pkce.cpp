#include "spotify/pkce.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace encore;

class TestPkce : public QObject {
    Q_OBJECT

private slots:
    void verifierHasLegalLengthAndAlphabet_data();
    void verifierHasLegalLengthAndAlphabet();
    void verifiersAreUnique();
    void verifierUsesTheWholeAlphabet();
    void validatesVerifiers_data();
    void validatesVerifiers();
    void challengeMatchesRfc7636Example();
    void challengeIsBase64UrlWithoutPadding();
    void stateIsRandomAndUrlSafe();
};

void TestPkce::verifierHasLegalLengthAndAlphabet_data()
{
    QTest::addColumn<int>("asked");
    QTest::addColumn<int>("expected");
    QTest::newRow("default") << pkce::kDefaultVerifierLength << 64;
    QTest::newRow("minimum") << 43 << 43;
    QTest::newRow("maximum") << 128 << 128;
    QTest::newRow("too short is raised") << 10 << 43;
    QTest::newRow("too long is lowered") << 500 << 128;
}

void TestPkce::verifierHasLegalLengthAndAlphabet()
{
    QFETCH(int, asked);
    QFETCH(int, expected);
    static const QRegularExpression unreserved(QStringLiteral("^[A-Za-z0-9._~-]+$"));
    const QString verifier = pkce::makeCodeVerifier(asked);
    QCOMPARE(verifier.size(), expected);
    QVERIFY2(unreserved.match(verifier).hasMatch(), qPrintable(verifier));
    QVERIFY(pkce::isValidCodeVerifier(verifier));
}

void TestPkce::verifiersAreUnique()
{
    QSet<QString> seen;
    for (int i = 0; i < 1000; ++i)
        seen.insert(pkce::makeCodeVerifier());
    QCOMPARE(seen.size(), 1000);
}

void TestPkce::verifierUsesTheWholeAlphabet()
{
    // 200 verifiers of 128 characters draw 25,600 characters from 66: every one should appear.
    QSet<QChar> used;
    for (int i = 0; i < 200; ++i) {
        for (QChar c : pkce::makeCodeVerifier(128))
            used.insert(c);
    }
    QCOMPARE(used.size(), 66);
}

void TestPkce::validatesVerifiers_data()
{
    QTest::addColumn<QString>("verifier");
    QTest::addColumn<bool>("valid");
    QTest::newRow("rfc example") << QStringLiteral("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk") << true;
    QTest::newRow("42 characters") << QString(42, QLatin1Char('a')) << false;
    QTest::newRow("129 characters") << QString(129, QLatin1Char('a')) << false;
    QTest::newRow("plus sign") << QString(42, QLatin1Char('a')) + QLatin1Char('+') << false;
    QTest::newRow("space") << QString(42, QLatin1Char('a')) + QLatin1Char(' ') << false;
    QTest::newRow("non-ascii") << QString(42, QLatin1Char('a')) + QChar(0xe9) << false;
    QTest::newRow("tilde and dot") << QString(41, QLatin1Char('a')) + QStringLiteral("~.") << true;
}

void TestPkce::validatesVerifiers()
{
    QFETCH(QString, verifier);
    QFETCH(bool, valid);
    QCOMPARE(pkce::isValidCodeVerifier(verifier), valid);
}

void TestPkce::challengeMatchesRfc7636Example()
{
    // RFC 7636, appendix B.
    QCOMPARE(pkce::codeChallengeS256(QStringLiteral("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")),
             QStringLiteral("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
}

void TestPkce::challengeIsBase64UrlWithoutPadding()
{
    static const QRegularExpression base64url(QStringLiteral("^[A-Za-z0-9_-]{43}$"));
    for (int i = 0; i < 100; ++i) {
        const QString challenge = pkce::codeChallengeS256(pkce::makeCodeVerifier());
        QVERIFY2(base64url.match(challenge).hasMatch(), qPrintable(challenge));
    }
}

void TestPkce::stateIsRandomAndUrlSafe()
{
    static const QRegularExpression base64url(QStringLiteral("^[A-Za-z0-9_-]{43}$"));
    QSet<QString> seen;
    for (int i = 0; i < 1000; ++i) {
        const QString state = pkce::makeState();
        QVERIFY2(base64url.match(state).hasMatch(), qPrintable(state));
        seen.insert(state);
    }
    QCOMPARE(seen.size(), 1000);
}

QTEST_GUILESS_MAIN(TestPkce)
#include "tst_pkce.moc"
