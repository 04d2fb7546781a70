#include "shortcutsdialog.h"

#include "common/searchproxymodel.h"
#include "help/shortcuttablemodel.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QMainWindow>
#include <QTableView>
#include <QVBoxLayout>

namespace encore {

ShortcutsDialog::ShortcutsDialog(QMainWindow &window) : QDialog(&window)
{
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard Shortcuts"));

    auto *model = new ShortcutTableModel(window, this);
    auto *proxy = new SearchProxyModel(this);
    proxy->setSourceModel(model);

    auto *search = new QLineEdit(this);
    search->setObjectName(QStringLiteral("shortcutSearch"));
    search->setPlaceholderText(tr("Search shortcuts"));
    search->setClearButtonEnabled(true);
    connect(search, &QLineEdit::textChanged, proxy, &SearchProxyModel::setSearchText);

    auto *table = new QTableView(this);
    table->setObjectName(QStringLiteral("shortcutTable"));
    table->setModel(proxy);
    table->setSortingEnabled(true);
    table->sortByColumn(-1, Qt::AscendingOrder);  // the menus' own order until a header is clicked
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->verticalHeader()->hide();
    QHeaderView *header = table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(int(ShortcutTableModel::Column::Action), QHeaderView::Stretch);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(search);
    layout->addWidget(table);
    layout->addWidget(buttons);
    resize(520, 480);
}

}  // namespace encore
