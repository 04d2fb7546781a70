#include "seedcompleter.h"

#include "common/whenfinished.h"

#include <QCompleter>
#include <QLineEdit>
#include <QStringListModel>
#include <QtConcurrent>

namespace encore {

namespace {

constexpr int kShown = 10;

}  // namespace

SeedCompleter::SeedCompleter(QLineEdit *edit)
    : QObject(edit), m_model(new QStringListModel(this)), m_completer(new QCompleter(m_model, this))
{
    // The model holds exactly the matches: the completer must not filter them again.
    m_completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_completer->setMaxVisibleItems(kShown);
    edit->setCompleter(m_completer);
    // Only what the user types: not the text a chosen completion puts there. The line edit
    // shows the popup right after this signal, with the model as offer() left it.
    connect(edit, &QLineEdit::textEdited, this, &SeedCompleter::offer);
}

void SeedCompleter::setCatalog(std::shared_ptr<const Catalog> catalog)
{
    m_catalog = std::move(catalog);
    m_completion.reset();
    m_model->setStringList({});
    if (!m_catalog)
        return;
    whenFinished(QtConcurrent::run([catalog = m_catalog] { return std::make_shared<const SeedCompletion>(catalog); }),
                 this, [this, catalog = m_catalog](std::shared_ptr<const SeedCompletion> completion) {
                     if (catalog == m_catalog)
                         m_completion = std::move(completion);
                 });
}

void SeedCompleter::offer(const QString &typed)
{
    m_model->setStringList(m_completion ? m_completion->complete(typed, kShown) : QStringList());
}

}  // namespace encore
