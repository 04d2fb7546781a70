#include "playlistpane.h"

#include "common/paneparts.h"
#include "common/searchproxymodel.h"
#include "playlistlistmodel.h"
#include "playlistremoval.h"

#include <QAction>
#include <QFileInfo>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QTreeView>
#include <QVBoxLayout>

namespace encore {

PlaylistPane::PlaylistPane(QWidget *parent)
    : QWidget(parent), m_model(new PlaylistListModel(this)), m_proxy(new SearchProxyModel(this)),
      m_filter(makeFilter(this, QStringLiteral("playlistFilter"), tr("Filter playlists"))), m_view(new QTreeView(this))
{
    setObjectName(QStringLiteral("playlistPane"));
    setMinimumWidth(160);
    m_proxy->setObjectName(QStringLiteral("playlistProxy"));
    m_proxy->setPinnedRows(true);
    m_proxy->setSourceModel(m_model);

    m_view->setObjectName(QStringLiteral("playlistView"));
    m_view->setModel(m_proxy);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(static_cast<int>(PlaylistListModel::Column::Name), Qt::AscendingOrder);
    QHeaderView *header = m_view->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(static_cast<int>(PlaylistListModel::Column::Name), QHeaderView::Stretch);
    header->setSectionResizeMode(static_cast<int>(PlaylistListModel::Column::Tracks), QHeaderView::ResizeToContents);

    connect(m_filter, &QLineEdit::textChanged, m_proxy, &SearchProxyModel::setSearchText);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    emit playlistShown(m_proxy->mapToSource(current).row());
            });
    connect(m_view, &QTreeView::activated, this, &PlaylistPane::playlistActivated);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, &PlaylistPane::showContextMenu);
    for (const bool wholeCatalog : {false, true}) {
        auto *remove = new QAction(m_view);
        remove->setShortcut(wholeCatalog ? QKeySequence(Qt::SHIFT | Qt::Key_Delete)
                                         : QKeySequence(QKeySequence::Delete));
        remove->setShortcutContext(Qt::WidgetShortcut);
        connect(remove, &QAction::triggered, this, [this, wholeCatalog] {
            if (const int playlist = currentPlaylistIndex(); playlist >= 0)
                emit removeRequested(playlist, wholeCatalog);
        });
        m_view->addAction(remove);
    }
    goDownInto(m_filter, m_view);
    openMenuOnShiftF10(m_view);
    setTabOrder(m_filter, m_view);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 0, 0);
    layout->addWidget(m_filter);
    layout->addWidget(m_view);
}

void PlaylistPane::setCatalog(std::shared_ptr<const Catalog> catalog)
{
    m_model->setCatalog(std::move(catalog));
}

void PlaylistPane::setLikedCount(int count)
{
    m_model->setLikedCount(count);
}

void PlaylistPane::selectPlaylist(const QString &playlistId, bool centred)
{
    const int row = m_model->rowForPlaylistId(playlistId);
    QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid()) {  // filtered out
        m_filter->clear();   // which clears the proxy's search
        index = m_proxy->mapFromSource(m_model->index(row, 0));
    }
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index, centred ? QAbstractItemView::PositionAtCenter : QAbstractItemView::EnsureVisible);
}

void PlaylistPane::focusFilter()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

void PlaylistPane::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_view->indexAt(pos);
    if (!index.isValid() || !m_model->catalog())
        return;
    const int row = m_proxy->mapToSource(index).row();
    const int playlist = m_model->playlistIndex(row);
    QMenu menu(this);
    if (row == PlaylistListModel::kLikedRow) {
        const bool anyLiked = m_model->trackCount(row) > 0;
        menu.addAction(tr("Save to &Spotify…"), this, [this] { emit saveRequested(-1); })->setEnabled(anyLiked);
        menu.addAction(tr("&Export liked songs…"), this, [this] { emit exportRequested(-1); })->setEnabled(anyLiked);
    } else if (playlist >= 0) {
        menu.addAction(tr("Recommend for this playlist"), this,
                       [this, playlist] { emit recommendRequested(playlist); });
        menu.addAction(tr("Save to &Spotify…"), this, [this, playlist] { emit saveRequested(playlist); });
        menu.addAction(tr("&Export playlist…"), this, [this, playlist] { emit exportRequested(playlist); });
        menu.addSeparator();
        menu.addAction(tr("&Remove from Library…"), QKeySequence::Delete, this,
                       [this, playlist] { emit removeRequested(playlist, false); });
        if (const int fromFile = playlistsFromSameCatalog(*m_model->catalog(), playlist); fromFile > 1) {
            const QString file = QFileInfo(m_model->catalog()->playlists()[std::size_t(playlist)].origin).fileName();
            menu.addAction(tr("Remove &Catalog “%1” (%n playlists)…", nullptr, fromFile).arg(file),
                           QKeySequence(Qt::SHIFT | Qt::Key_Delete), this,
                           [this, playlist] { emit removeRequested(playlist, true); });
        }
    } else {
        return;  // All tracks
    }
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

int PlaylistPane::currentPlaylistIndex() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? m_model->playlistIndex(m_proxy->mapToSource(current).row()) : -1;
}

}  // namespace encore
