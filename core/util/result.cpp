#include "result.h"

namespace encore {

QString errorKindName(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::Io: return QStringLiteral("io");
    case ErrorKind::Parse: return QStringLiteral("parse");
    case ErrorKind::Database: return QStringLiteral("database");
    case ErrorKind::NotFound: return QStringLiteral("not-found");
    case ErrorKind::Ambiguous: return QStringLiteral("ambiguous");
    case ErrorKind::Cancelled: return QStringLiteral("cancelled");
    case ErrorKind::Network: return QStringLiteral("network");
    case ErrorKind::Http: return QStringLiteral("http");
    case ErrorKind::Api: return QStringLiteral("api");
    case ErrorKind::Auth: return QStringLiteral("auth");
    case ErrorKind::Unavailable: return QStringLiteral("unavailable");
    case ErrorKind::Quota: return QStringLiteral("quota");
    }
    return QStringLiteral("unknown");
}

}  // namespace encore
