#include "databaseerror.h"

#include "util/logging.h"

#include <QCoreApplication>
#include <QSqlError>

namespace encore {

Error databaseError(const QString &what, const QSqlError &error)
{
    return databaseError(what, error.text());
}

Error databaseError(const QString &what, const QString &sqliteMessage)
{
    qCWarning(lcStorage) << what << sqliteMessage;
    return Error{ErrorKind::Database,
                 QCoreApplication::translate("encore::databaseerror", "The library database could not %1 (%2).")
                     .arg(what, sqliteMessage)};
}

}  // namespace encore
