#pragma once

#include <QString>

// Proof Key for Code Exchange (RFC 7636) for the Authorization Code flow: the app keeps a random
// code verifier, sends only its S256 challenge with the authorize request, and proves it owns the
// verifier when it exchanges the code. Everything random here comes from the system CSPRNG.
namespace encore::pkce {

inline constexpr int kMinVerifierLength = 43;
inline constexpr int kMaxVerifierLength = 128;
inline constexpr int kDefaultVerifierLength = 64;

// A fresh code verifier of `length` characters (clamped to 43..128) from the unreserved set
// A-Z a-z 0-9 - . _ ~ .
QString makeCodeVerifier(int length = kDefaultVerifierLength);

// True when `verifier` has a legal length and uses only unreserved characters.
bool isValidCodeVerifier(const QString &verifier);

// BASE64URL(SHA256(ASCII(verifier))) without padding: the code_challenge for method S256.
QString codeChallengeS256(const QString &verifier);

// A fresh, unguessable `state` value (256 random bits, base64url without padding: 43 characters).
QString makeState();

}  // namespace encore::pkce
