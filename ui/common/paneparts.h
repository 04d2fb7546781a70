#pragma once

#include <QString>

#include <QList>

class QAbstractItemView;
class QAction;
class QHeaderView;
class QLineEdit;
class QTableView;
class QWidget;

// The building blocks the library's panes share, so that their lists, filters and buttons look
// and answer the keyboard alike.
namespace encore {

class ElidedLabel;

// A read-only table of rows (one selected at a time until the caller says otherwise), with a
// context menu and no grid.
QTableView *makeTable(QWidget *parent, const QString &objectName);
// A context menu on a table's header to show and hide its columns (all but `keep`).
void addColumnChooser(QHeaderView *header, int keep);
// A filter box with a clear button; a file dropped on it goes to the window instead.
QLineEdit *makeFilter(QWidget *parent, const QString &objectName, const QString &placeholder);
// Down in a filter box goes on into the list it filters, at its first row when none is current.
void goDownInto(QLineEdit *filter, QAbstractItemView *view);
// Shift+F10 opens a list's context menu at its current row, as the Menu key does.
void openMenuOnShiftF10(QAbstractItemView *view);
// A row of flat text buttons for `actions`, each named after its action ("likeActionButton").
QWidget *makeButtonRow(QWidget *parent, const QList<QAction *> &actions);
// A one-line label that shortens its text to the width it gets; bold for a heading, greyed for
// what is secondary to one.
ElidedLabel *makeHeading(QWidget *parent, const QString &objectName, bool secondary = false);

}  // namespace encore
