#include "shortcuttablemodel.h"

#include "common/itemroles.h"

#include <QAction>
#include <QKeySequence>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QSet>
#include <QStringList>

#include <functional>

namespace encore {

namespace {

QString shortcutText(const QAction &action)
{
    QStringList keys;
    for (const QKeySequence &shortcut : action.shortcuts())
        keys << shortcut.toString(QKeySequence::NativeText);
    return keys.join(QStringLiteral(", "));
}

}  // namespace

QString ShortcutTableModel::withoutMnemonic(const QString &text)
{
    QString plain;
    plain.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == QLatin1Char('&')) {
            if (i + 1 < text.size() && text[i + 1] == QLatin1Char('&'))
                plain += text[++i];
            continue;
        }
        plain += text[i];
    }
    return plain;
}

ShortcutTableModel::ShortcutTableModel(const QMainWindow &window, QObject *parent) : QAbstractTableModel(parent)
{
    QSet<const QAction *> listed;
    auto add = [&](const QString &menu, const QAction *action) {
        if (action->isSeparator() || action->menu() || action->shortcut().isEmpty() || listed.contains(action))
            return;
        listed.insert(action);
        m_rows.append({menu, withoutMnemonic(action->text()), shortcutText(*action)});
    };

    // Menus first, in the menu bar's order; an action in two menus is listed under the first.
    std::function<void(const QString &, const QMenu &)> addMenu = [&](const QString &title, const QMenu &menu) {
        for (const QAction *action : menu.actions()) {
            if (const QMenu *submenu = action->menu())
                addMenu(title, *submenu);
            else
                add(title, action);
        }
    };
    for (const QAction *entry : window.menuBar()->actions()) {
        if (const QMenu *menu = entry->menu())
            addMenu(withoutMnemonic(menu->title()), *menu);
    }
    // Then the actions that live on the window's panes and lists (Like, Copy, …).
    const QString elsewhere = tr("Window");
    for (const QAction *action : window.findChildren<QAction *>())
        add(elsewhere, action);
}

int ShortcutTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ShortcutTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(Column::Count);
}

QVariant ShortcutTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case roles::Sort:
        switch (Column(index.column())) {
        case Column::Menu: return row.menu;
        case Column::Action: return row.action;
        case Column::Shortcut: return row.shortcut;
        case Column::Count: break;
        }
        break;
    case roles::Search: return QStringList{row.menu, row.action, row.shortcut}.join(QLatin1Char(' '));
    default: break;
    }
    return {};
}

QVariant ShortcutTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Column::Menu: return tr("Menu");
    case Column::Action: return tr("Action");
    case Column::Shortcut: return tr("Shortcut");
    case Column::Count: break;
    }
    return {};
}

}  // namespace encore
