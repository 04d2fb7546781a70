#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QString>

class QMainWindow;

namespace encore {

// Every action of a window that has a keyboard shortcut: the menu it is in (or "Window" for the
// actions that live on a pane or list), its text as the menu shows it without the '&', and its
// shortcuts as this platform writes them. Read from the window's actions when it is built, so it
// can never disagree with them.
class ShortcutTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum class Column { Menu, Action, Shortcut, Count };

    struct Row {
        QString menu;
        QString action;
        QString shortcut;

        bool operator==(const Row &) const = default;
    };

    explicit ShortcutTableModel(const QMainWindow &window, QObject *parent = nullptr);

    const QList<Row> &rows() const { return m_rows; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "&Open catalog…" → "Open catalog…"; "&&" stays one '&'.
    static QString withoutMnemonic(const QString &text);

private:
    QList<Row> m_rows;
};

}  // namespace encore
