#include "searchproxymodel.h"

#include "itemroles.h"

namespace encore {

SearchProxyModel::SearchProxyModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(roles::Sort);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setSortLocaleAware(false);
    setDynamicSortFilter(true);
}

void SearchProxyModel::setSearchText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    m_words = text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    invalidateFilter();
}

void SearchProxyModel::setPinnedRows(bool pinned)
{
    if (pinned == m_pinnedRows)
        return;
    m_pinnedRows = pinned;
    invalidate();
}

bool SearchProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_words.isEmpty())
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_pinnedRows && index.data(roles::Pinned).toBool())
        return true;
    const QString text = index.data(roles::Search).toString();
    for (const QString &word : m_words)
        if (!text.contains(word, Qt::CaseInsensitive))
            return false;
    return true;
}

bool SearchProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (m_pinnedRows) {
        const bool leftPinned = left.data(roles::Pinned).toBool();
        const bool rightPinned = right.data(roles::Pinned).toBool();
        if (leftPinned != rightPinned)  // pinned first in either order
            return sortOrder() == Qt::AscendingOrder ? leftPinned : rightPinned;
        if (leftPinned)  // pinned rows keep the model's order in either order
            return sortOrder() == Qt::AscendingOrder ? left.row() < right.row() : left.row() > right.row();
    }
    return QSortFilterProxyModel::lessThan(left, right);
}

}  // namespace encore
