#pragma once

#include "recommend/seedcompletion.h"

#include <QObject>

#include <memory>

class QCompleter;
class QLineEdit;
class QStringListModel;

namespace encore {

// Offers the library's titles and artists under a line edit as the user types them. The index
// (SeedCompletion) is built once per library off the GUI thread, so a keystroke is a binary
// search; until the index is ready nothing is offered. A completion chosen goes into the line
// edit as if typed.
class SeedCompleter : public QObject {
    Q_OBJECT

public:
    explicit SeedCompleter(QLineEdit *edit);

    void setCatalog(std::shared_ptr<const Catalog> catalog);

private:
    void offer(const QString &typed);

    QStringListModel *m_model;
    QCompleter *m_completer;
    std::shared_ptr<const Catalog> m_catalog;  // the one being indexed; an older index is dropped
    std::shared_ptr<const SeedCompletion> m_completion;
};

}  // namespace encore
