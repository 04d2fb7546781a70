#include "databaseerror.h"

#include "util/logging.h"

#include <QCoreApplication>
#include <QSqlError>

namespace encore {

Error databaseError(const QString &what, const QSqlError &error)
{
    qCWarning(lcStorage) << what << error.text();
    return Error{ErrorKind::Database,
                 QCoreApplication::translate("encore::databaseerror", "The library database could not %1 (%2).")
                     .arg(what, error.text())};
}

}  // namespace encore
