#include "columnfitter.h"

#include <QEvent>
#include <QHeaderView>
#include <QScrollBar>
#include <QTableView>
#include <QTimer>

#include <algorithm>
#include <iterator>

namespace encore {

ColumnFitter::ColumnFitter(QTableView *view, std::vector<Flexible> flexible)
    : QObject(view), m_view(view), m_flexible(std::move(flexible))
{
    QHeaderView *header = view->horizontalHeader();
    header->setStretchLastSection(false);  // the flexible columns take the rest, not the last one
    view->viewport()->installEventFilter(this);
    // Later, once the change is laid out: rows and hidden columns change what there is to share.
    auto fitSoon = [this] { QTimer::singleShot(0, this, &ColumnFitter::fit); };
    connect(header, &QHeaderView::sectionCountChanged, this, fitSoon);
    connect(view->model(), &QAbstractItemModel::modelReset, this, fitSoon);
    connect(view->model(), &QAbstractItemModel::layoutChanged, this, fitSoon);
    connect(view->model(), &QAbstractItemModel::rowsInserted, this, fitSoon);
    connect(header, &QHeaderView::sectionResized, this, [this, fitSoon](int, int oldSize, int newSize) {
        // A column hidden or shown (from or to no width): the others share again. A drag is kept.
        if (!m_fitting && (oldSize == 0 || newSize == 0))
            fitSoon();
    });
}

bool ColumnFitter::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize)
        fit();
    return QObject::eventFilter(watched, event);
}

void ColumnFitter::fit()
{
    QHeaderView *header = m_view->horizontalHeader();
    const int columns = header->count();
    if (columns == 0)
        return;
    m_fitting = true;
    auto isFlexible = [this](int column) {
        return std::any_of(m_flexible.begin(), m_flexible.end(),
                           [column](const Flexible &f) { return f.column == column; });
    };
    int left = m_view->viewport()->width();
    for (int column = 0; column < columns; ++column) {
        if (header->isSectionHidden(column) || isFlexible(column))
            continue;
        // QTableView hides the measure of the shown rows that QAbstractItemView offers.
        const QAbstractItemView *view = m_view;
        const int width = std::max(header->sectionSizeHint(column), view->sizeHintForColumn(column));
        header->resizeSection(column, width);
        left -= width;
    }
    // Shares by weight; a column its share would squeeze below its minimum gets the minimum, and
    // the others share what is left.
    std::vector<Flexible> sharing;
    std::copy_if(m_flexible.begin(), m_flexible.end(), std::back_inserter(sharing),
                 [header](const Flexible &f) { return !header->isSectionHidden(f.column); });
    for (bool squeezed = true; squeezed && !sharing.empty();) {
        squeezed = false;
        int weights = 0;
        for (const Flexible &f : sharing)
            weights += f.weight;
        for (auto f = sharing.begin(); f != sharing.end(); ++f) {
            if (left * f->weight / weights < f->minimumWidth) {
                header->resizeSection(f->column, f->minimumWidth);
                left -= f->minimumWidth;
                sharing.erase(f);
                squeezed = true;
                break;
            }
        }
        if (!squeezed)
            for (const Flexible &f : sharing)
                header->resizeSection(f.column, left * f.weight / weights);
    }
    m_fitting = false;
}

}  // namespace encore
