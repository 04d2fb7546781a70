#pragma once

#include <QSortFilterProxyModel>
#include <QStringList>

namespace encore {

// Sorts by roles::Sort (so numbers sort as numbers) and keeps the rows whose roles::Search text
// contains every word of the search text, in any order and case. With setPinnedRows(true), a row
// whose roles::Pinned is true (such as "All tracks") always stays, first.
class SearchProxyModel : public QSortFilterProxyModel {
    Q_OBJECT

public:
    explicit SearchProxyModel(QObject *parent = nullptr);

    QString searchText() const { return m_text; }

    // Whether to look for pinned rows at all (off by default: it costs a lookup per comparison).
    void setPinnedRows(bool pinned);
    bool hasPinnedRows() const { return m_pinnedRows; }

public slots:
    void setSearchText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QString m_text;
    QStringList m_words;
    bool m_pinnedRows = false;
};

}  // namespace encore
