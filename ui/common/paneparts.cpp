#include "paneparts.h"

#include "common/elidedlabel.h"
#include "common/itemroles.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QShortcut>
#include <QTableView>
#include <QToolButton>

namespace encore {

QTableView *makeTable(QWidget *parent, const QString &objectName)
{
    auto *view = new QTableView(parent);
    view->setObjectName(objectName);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->setShowGrid(false);
    view->setTabKeyNavigation(false);
    view->setContextMenuPolicy(Qt::CustomContextMenu);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setHighlightSections(false);
    view->horizontalHeader()->setSectionsMovable(true);
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    return view;
}

void addColumnChooser(QHeaderView *header, int keep)
{
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    QObject::connect(header, &QWidget::customContextMenuRequested, header, [header, keep](const QPoint &pos) {
        QMenu menu(header);
        const QAbstractItemModel *model = header->model();
        for (int section = 0; section < model->columnCount(); ++section) {
            QString name = model->headerData(section, Qt::Horizontal, roles::ColumnName).toString();
            if (name.isEmpty())
                name = model->headerData(section, Qt::Horizontal).toString();
            QAction *action = menu.addAction(name);
            action->setCheckable(true);
            action->setChecked(!header->isSectionHidden(section));
            action->setEnabled(section != keep);
            QObject::connect(action, &QAction::toggled, header,
                             [header, section](bool shown) { header->setSectionHidden(section, !shown); });
        }
        menu.exec(header->mapToGlobal(pos));
    });
}

QLineEdit *makeFilter(QWidget *parent, const QString &objectName, const QString &placeholder)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setPlaceholderText(placeholder);
    edit->setClearButtonEnabled(true);
    edit->setAcceptDrops(false);  // a dropped catalog file goes to the window
    return edit;
}

void goDownInto(QLineEdit *filter, QAbstractItemView *view)
{
    auto *down = new QShortcut(QKeySequence(Qt::Key_Down), filter, nullptr, nullptr, Qt::WidgetShortcut);
    QObject::connect(down, &QShortcut::activated, view, [view] {
        if (!view->currentIndex().isValid() && view->model()->rowCount() > 0)
            view->setCurrentIndex(view->model()->index(0, 0));
        view->setFocus(Qt::TabFocusReason);
    });
}

void openMenuOnShiftF10(QAbstractItemView *view)
{
    auto *menuKey = new QShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F10), view, nullptr, nullptr, Qt::WidgetShortcut);
    QObject::connect(menuKey, &QShortcut::activated, view, [view] {
        const QRect row = view->visualRect(view->currentIndex());
        emit view->customContextMenuRequested(row.isValid() ? row.center() : QPoint(0, 0));
    });
}

QWidget *makeButtonRow(QWidget *parent, const QList<QAction *> &actions)
{
    auto *row = new QWidget(parent);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    for (QAction *action : actions) {
        auto *button = new QToolButton(row);
        button->setObjectName(action->objectName() + QStringLiteral("Button"));
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        button->setAutoRaise(true);
        layout->addWidget(button);
    }
    return row;
}

ElidedLabel *makeHeading(QWidget *parent, const QString &objectName, bool secondary)
{
    auto *label = new ElidedLabel(parent);
    label->setObjectName(objectName);
    if (secondary) {
        label->setEnabled(false);
    } else {
        QFont bold = label->font();
        bold.setBold(true);
        label->setFont(bold);
    }
    return label;
}

}  // namespace encore
