#include "trackpane.h"

#include "common/columnfitter.h"
#include "common/elidedlabel.h"
#include "common/itemroles.h"
#include "common/paneparts.h"
#include "common/searchproxymodel.h"
#include "common/uitext.h"
#include "seedcompleter.h"
#include "tracktablemodel.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace encore {

namespace {

constexpr int kFilterDebounceMs = 120;  // filtering all 28,000 tracks takes ~0.1 s: not per key

}  // namespace

TrackPane::TrackPane(QWidget *parent)
    : QWidget(parent), m_model(new TrackTableModel(this)), m_proxy(new SearchProxyModel(this)),
      m_heading(makeHeading(this, QStringLiteral("trackHeading"))),
      m_featureSummary(makeHeading(this, QStringLiteral("featureSummary"), true)),
      m_filter(makeFilter(this, QStringLiteral("trackFilter"), tr("Filter by title, artist or album (Ctrl+F)"))),
      m_seedCompleter(new SeedCompleter(m_filter)), m_searchLibraryAction(new QAction(tr("Search the &library"), this)),
      m_searchAllButton(new QToolButton(this)),
      m_playlistSeedButton(new QPushButton(tr("Recomme&nd for this playlist"), this)),
      m_view(makeTable(this, QStringLiteral("trackView")))
{
    setObjectName(QStringLiteral("trackPane"));
    setMinimumSize(360, 160);
    m_proxy->setObjectName(QStringLiteral("trackProxy"));
    m_proxy->setSourceModel(m_model);
    m_featureSummary->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_filter->setMinimumWidth(160);

    m_playlistSeedButton->setObjectName(QStringLiteral("playlistSeedButton"));
    m_playlistSeedButton->setToolTip(tr("Find songs for the whole playlist shown, as if all its "
                                        "tracks were the seed (Hybrid method)"));
    m_playlistSeedButton->setEnabled(false);
    connect(m_playlistSeedButton, &QPushButton::clicked, this, &TrackPane::playlistSeedRequested);

    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(static_cast<int>(TrackTableModel::Column::Position), Qt::AscendingOrder);
    m_view->setToolTip(QString());
    // The names share the width; the numbers take what they need. Genre is there on demand.
    using Column = TrackTableModel::Column;
    new ColumnFitter(m_view,
                     {{int(Column::Title), 4, 100},
                      {int(Column::Artists), 3, 70},
                      {int(Column::Album), 3, 55},
                      {int(Column::Genre), 2, 50},
                      {int(Column::Features), 1, 50},
                      {int(Column::LikedFor), 3, 100}});
    m_view->setColumnHidden(int(Column::Genre), true);
    addColumnChooser(m_view->horizontalHeader(), int(Column::Title));

    m_filterTimer.setSingleShot(true);
    m_filterTimer.setInterval(kFilterDebounceMs);
    connect(&m_filterTimer, &QTimer::timeout, this, [this] { m_proxy->setSearchText(m_filter->text()); });
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.isEmpty()) {  // clearing is quick and should feel instant
            m_filterTimer.stop();
            m_proxy->setSearchText(text);
        } else {
            m_filterTimer.start();
        }
    });
    // Return seeds the match at once: the selected one if the filter kept it, else the first.
    connect(m_filter, &QLineEdit::returnPressed, this, [this] {
        setFilterText(m_filter->text());
        if (!m_view->currentIndex().isValid() && m_proxy->rowCount() > 0)
            m_view->setCurrentIndex(m_proxy->index(0, int(Column::Title)));
        m_view->setFocus(Qt::TabFocusReason);
        if (const int row = currentCatalogRow(); row >= 0)
            emit seedChosen(row);
    });
    goDownInto(m_filter, m_view);
    openMenuOnShiftF10(m_view);
    connect(m_view, &QTableView::activated, this,
            [this](const QModelIndex &index) { emit seedChosen(index.data(roles::CatalogRow).toInt()); });
    connect(m_view, &QWidget::customContextMenuRequested, this, &TrackPane::contextMenuRequested);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &TrackPane::currentTrackChanged);
    auto *remove = new QShortcut(QKeySequence::Delete, m_view, nullptr, nullptr, Qt::WidgetShortcut);
    connect(remove, &QShortcut::activated, this, [this] {
        if (const int row = currentCatalogRow(); row >= 0)
            emit deleteRequested(row);
    });
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &TrackPane::updateHeading);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &TrackPane::updateHeading);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &TrackPane::updateHeading);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &TrackPane::updateHeading);

    // A search that finds too little in one list goes on in the whole library in one click.
    m_searchLibraryAction->setObjectName(QStringLiteral("searchLibraryAction"));
    m_searchLibraryAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    m_searchLibraryAction->setToolTip(tr("Look for the words in every track of the library (Ctrl+K)"));
    connect(m_searchLibraryAction, &QAction::triggered, this,
            [this] { emit searchLibraryRequested(m_filter->text()); });
    m_searchAllButton->setObjectName(QStringLiteral("searchAllButton"));
    m_searchAllButton->setDefaultAction(m_searchLibraryAction);
    m_searchAllButton->setText(tr("Search all tracks"));
    m_searchAllButton->setAutoRaise(true);
    m_searchAllButton->hide();

    // The list's name and counts on a line of their own, so they stay readable at any width;
    // the filter takes what the buttons leave on the next.
    auto *heading = new QHBoxLayout;
    heading->addWidget(m_heading, 3);
    heading->addWidget(m_featureSummary, 2);
    auto *tools = new QHBoxLayout;
    tools->addWidget(m_filter, 1);
    tools->addWidget(m_searchAllButton);
    tools->addWidget(m_playlistSeedButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->addLayout(heading);
    layout->addLayout(tools);
    layout->addWidget(m_view);
}

void TrackPane::setCatalog(std::shared_ptr<const Catalog> catalog)
{
    m_seedCompleter->setCatalog(std::move(catalog));
}

void TrackPane::showList(const std::shared_ptr<const Catalog> &catalog, List list)
{
    m_listName = list.name;
    m_wholeLibrary = list.wholeLibrary;
    m_view->setColumnHidden(int(TrackTableModel::Column::LikedFor), list.likedFor.empty());
    m_playlistSeedButton->setEnabled(list.playlist);
    m_featureSummary->setFullText(uitext::featureSummary(*catalog, list.rows, QLocale()));
    m_model->setTracks(catalog, std::move(list.rows), std::move(list.likedFor));
}

void TrackPane::clear()
{
    m_listName.clear();
    m_model->clear();
    m_playlistSeedButton->setEnabled(false);
    updateHeading();
}

void TrackPane::setSeedRow(int catalogRow)
{
    m_model->setSeedRow(catalogRow);
}

bool TrackPane::containsCatalogRow(int catalogRow) const
{
    return m_model->rowOfCatalogRow(catalogRow) >= 0;
}

bool TrackPane::selectCatalogRow(int catalogRow)
{
    const int row = m_model->rowOfCatalogRow(catalogRow);
    if (row < 0)
        return false;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, int(TrackTableModel::Column::Title)));
    if (!index.isValid())
        return false;
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index, QAbstractItemView::PositionAtCenter);
    return true;
}

int TrackPane::currentCatalogRow() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.data(roles::CatalogRow).toInt() : -1;
}

void TrackPane::focusFilter()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

void TrackPane::setFilterText(const QString &words)
{
    if (m_filter->text() != words)
        m_filter->setText(words);  // starts the pause for typing, which is not wanted here
    m_filterTimer.stop();
    m_proxy->setSearchText(words);
}

QString TrackPane::filterText() const
{
    return m_filter->text();
}

void TrackPane::updateHeading()
{
    if (m_listName.isEmpty()) {
        m_heading->setFullText({});
        m_featureSummary->setFullText({});
        m_searchAllButton->hide();
        return;
    }
    const QLocale locale;
    const int total = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    QString counts = uitext::count(locale, total, tr("track"), tr("tracks"));
    if (shown != total)
        counts = tr("%1 of %2 shown").arg(locale.toString(shown), counts);
    m_searchAllButton->setVisible(!m_filter->text().isEmpty() && !m_wholeLibrary);
    m_heading->setFullText(tr("%1 — %2", "list name — its track count").arg(m_listName, counts));
}

}  // namespace encore
