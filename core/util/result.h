#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace encore {

// What went wrong, in a form the UI can turn into one clear sentence.
enum class ErrorKind {
    Io,         // a file could not be read or written
    Parse,      // data was not in the expected format
    Database,   // the library database refused an operation
    NotFound,   // the thing asked for does not exist
    Ambiguous,  // more than one thing matches what was asked for
    Cancelled,  // the user stopped the operation
    Network,
    Http,
    Api,
    Auth,
    Unavailable,
    Quota,
};

struct Error {
    ErrorKind kind = ErrorKind::Io;
    QString message;  // one sentence, ready to show to a user
};

QString errorKindName(ErrorKind kind);

// A value or the error that prevented it.
template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_state(std::move(value)) {}
    Result(Error error) : m_state(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<T>(m_state); }
    T &value() & { return std::get<T>(m_state); }
    T &&value() && { return std::get<T>(std::move(m_state)); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }
    const T &operator*() const & { return value(); }
    T &operator*() & { return value(); }

    const Error &error() const { return std::get<Error>(m_state); }

private:
    std::variant<T, Error> m_state;
};

// For operations that produce nothing but may fail.
struct Done {};
using Status = Result<Done>;
inline Status success()
{
    return Done{};
}

}  // namespace encore
