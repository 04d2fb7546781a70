#include "pkce.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QRandomGenerator>

#include <algorithm>
#include <array>
#include <string_view>

namespace encore::pkce {

namespace {

// RFC 3986 unreserved characters: the alphabet RFC 7636 allows in a code verifier.
constexpr std::string_view kUnreserved = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

bool isUnreserved(QChar c)
{
    return c.unicode() < 128 && kUnreserved.find(char(c.unicode())) != std::string_view::npos;
}

constexpr QByteArray::Base64Options kBase64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

}  // namespace

QString makeCodeVerifier(int length)
{
    length = std::clamp(length, kMinVerifierLength, kMaxVerifierLength);
    constexpr quint32 alphabetSize = quint32(kUnreserved.size());  // 66
    // Rejection sampling keeps every character equally likely: only values below the largest
    // multiple of 66 that fits in 32 bits are used.
    constexpr quint32 limit = quint32(0xFFFFFFFFu / alphabetSize) * alphabetSize;
    QRandomGenerator *random = QRandomGenerator::system();
    QString verifier;
    verifier.reserve(length);
    while (verifier.size() < length) {
        const quint32 value = random->generate();
        if (value >= limit)
            continue;
        verifier.append(QLatin1Char(kUnreserved[value % alphabetSize]));
    }
    return verifier;
}

bool isValidCodeVerifier(const QString &verifier)
{
    return verifier.size() >= kMinVerifierLength && verifier.size() <= kMaxVerifierLength
        && std::all_of(verifier.begin(), verifier.end(), isUnreserved);
}

QString codeChallengeS256(const QString &verifier)
{
    const QByteArray digest = QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256);
    return QString::fromLatin1(digest.toBase64(kBase64Url));
}

QString makeState()
{
    std::array<quint32, 8> words{};
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    const QByteArray bytes(reinterpret_cast<const char *>(words.data()), qsizetype(words.size() * sizeof(quint32)));
    return QString::fromLatin1(bytes.toBase64(kBase64Url));
}

}  // namespace encore::pkce
