#pragma once

#include "util/result.h"

#include <QString>

class QSqlError;

namespace encore {

// "The library database could not <what> (<SQLite's words>).", logged as a warning too.
Error databaseError(const QString &what, const QSqlError &error);
Error databaseError(const QString &what, const QString &sqliteMessage);

}  // namespace encore
