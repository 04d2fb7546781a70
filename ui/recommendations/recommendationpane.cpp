#include "recommendationpane.h"

#include "common/columnfitter.h"
#include "common/elidedlabel.h"
#include "common/itemroles.h"
#include "common/paneparts.h"
#include "common/searchproxymodel.h"
#include "common/uitext.h"
#include "recommendationtablemodel.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QStackedWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <numeric>

namespace encore {

namespace {

constexpr int kNoticeMs = 8000;  // long enough to read the notice and reach its Undo

using Column = RecommendationTableModel::Column;

QAction *makeAction(QWidget *pane, const QString &text, const char *name, const QKeySequence &shortcut,
                    const QString &toolTip = {})
{
    auto *action = new QAction(text, pane);
    action->setObjectName(QString::fromLatin1(name));
    action->setShortcut(shortcut);
    action->setToolTip(toolTip);
    action->setEnabled(false);
    return action;
}

}  // namespace

RecommendationPane::RecommendationPane(const QList<QAction *> &historyActions, QWidget *parent)
    : QWidget(parent), m_model(new RecommendationTableModel(this)), m_proxy(new SearchProxyModel(this)),
      m_heading(makeHeading(this, QStringLiteral("recommendationsHeading"))),
      m_rankingNote(makeHeading(this, QStringLiteral("rankingNote"), true)),
      m_storeError(new QLabel(tr("Your like or dislike could not be saved in the library, so it "
                                 "only lasts until Encore closes."),
                              this)),
      m_notice(new QLabel(this)), m_stack(new QStackedWidget(this)), m_message(new QLabel(this)),
      m_view(makeTable(this, QStringLiteral("recommendationView")))
{
    setObjectName(QStringLiteral("recommendationPane"));
    setMinimumSize(360, 160);
    m_proxy->setObjectName(QStringLiteral("recommendationProxy"));
    m_proxy->setSourceModel(m_model);

    m_storeError->setObjectName(QStringLiteral("feedbackError"));
    m_storeError->setWordWrap(true);
    m_storeError->hide();

    // A change says what it did for a while, with its Undo one click (or Ctrl+Z) away.
    m_notice->setObjectName(QStringLiteral("feedbackNotice"));
    m_notice->setTextFormat(Qt::RichText);
    m_notice->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_notice->setWordWrap(true);  // a long one takes a second line rather than lose its end
    m_notice->hide();
    connect(m_notice, &QLabel::linkActivated, this, &RecommendationPane::noticeLinkActivated);
    m_noticeTimer.setSingleShot(true);
    m_noticeTimer.setInterval(kNoticeMs);
    connect(&m_noticeTimer, &QTimer::timeout, this, [this] {
        m_notice->hide();
        updateRankingNote();
    });

    m_message->setObjectName(QStringLiteral("recommendationsMessage"));
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setEnabled(false);
    m_message->setMargin(12);

    m_view->setModel(m_proxy);
    // Several songs can be kept at once; the chart, preview and reactions follow the current row.
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSortingEnabled(true);
    sortByRank();
    // Why gets the most room: it is what this list has that a playlist does not.
    new ColumnFitter(m_view, {{int(Column::Title), 3, 100}, {int(Column::Artists), 2, 70}, {int(Column::Why), 5, 140}});
    addColumnChooser(m_view->horizontalHeader(), int(Column::Title));
    openMenuOnShiftF10(m_view);
    connect(m_view, &QWidget::customContextMenuRequested, this, &RecommendationPane::contextMenuRequested);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        updateActions();
        emit currentChanged();
    });

    // The reactions work on the current recommendation, from the buttons, the context menu and
    // their shortcuts anywhere in this pane.
    m_likeAction = makeAction(this, tr("&Like"), "likeAction", QKeySequence(Qt::CTRL | Qt::Key_L),
                              tr("Like this recommendation (Ctrl+L): songs like it rank higher for this seed"));
    m_likeAction->setIconText(tr("♥ Like"));
    m_dislikeAction = makeAction(this, tr("&Dislike"), "dislikeAction", QKeySequence(Qt::CTRL | Qt::Key_D),
                                 tr("Dislike this recommendation (Ctrl+D): it never comes back for this seed"));
    m_dislikeAction->setIconText(tr("✕ Dislike"));
    m_clearReactionAction = makeAction(this, tr("&Clear your like"), "clearReactionAction", {});
    for (QAction *action : {m_likeAction, m_dislikeAction, m_clearReactionAction}) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
    }
    m_reactionButtons = makeButtonRow(this, {m_likeAction, m_dislikeAction});

    // Keeping the good ones: the selection, or the whole list, to a file or the clipboard.
    m_exportAction = makeAction(this, tr("&Export…"), "exportAction", QKeySequence(Qt::CTRL | Qt::Key_E),
                                tr("Write the selected recommendations, or all of them, to a CSV, M3U8 or JSON "
                                   "file (Ctrl+E)"));
    m_saveToSpotifyAction = makeAction(this, tr("Save to &Spotify…"), "saveToSpotifyAction", QKeySequence::Save,
                                       tr("Save the selected recommendations, or all of them, as a Spotify "
                                          "playlist, in this order (Ctrl+S)"));
    m_copyAction = makeAction(this, tr("&Copy"), "copyAction", QKeySequence::Copy,
                              tr("Copy the Spotify links of the selected recommendations"));
    m_copyTextAction =
        makeAction(this, tr("Copy as &text"), "copyTextAction", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    for (QAction *action : {m_copyAction, m_copyTextAction}) {
        action->setShortcutContext(Qt::WidgetShortcut);
        m_view->addAction(action);
    }
    QWidget *keepButtons = makeButtonRow(this, {m_saveToSpotifyAction, m_exportAction});

    m_stack->setObjectName(QStringLiteral("recommendationStack"));
    m_stack->addWidget(m_message);
    m_stack->addWidget(m_view);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 4);
    // The heading has a line of its own, so that it stays readable beside the buttons at any width.
    auto *heading = new QHBoxLayout;
    heading->addWidget(makeButtonRow(this, historyActions));
    heading->addWidget(m_heading, 1);
    layout->addLayout(heading);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_notice, 1);
    actions->addWidget(m_rankingNote, 1);
    actions->addStretch();  // keeps the buttons on the right while the note is hidden
    actions->addWidget(keepButtons);
    actions->addWidget(m_reactionButtons);
    layout->addLayout(actions);
    layout->addWidget(m_storeError);
    layout->addWidget(m_stack, 1);
}

void RecommendationPane::setHeading(const QString &text)
{
    m_heading->setFullText(text);
}

bool RecommendationPane::showsList() const
{
    return m_stack->currentWidget() == m_view;
}

void RecommendationPane::showMessage(const QString &text)
{
    m_message->setText(text);
    m_stack->setCurrentWidget(m_message);
    m_rankingNote->hide();
    updateActions();
}

void RecommendationPane::setCoverArt(CoverArt *covers)
{
    // A row is the font's height and a margin (paneparts): the cover fills it but for a sliver.
    const int size = m_view->verticalHeader()->defaultSectionSize() - 4;
    m_view->setIconSize(QSize(size, size));
    m_model->setCoverArt(covers, size);
}

void RecommendationPane::setDiscoveries(const Discoveries &discoveries)
{
    m_model->setDiscoveries(discoveries);
}

void RecommendationPane::showRecommendations(const std::shared_ptr<const Catalog> &catalog, int seedRow,
                                             const std::vector<Recommendation> &recommendations, RankingMethod method,
                                             const std::vector<int> &likedRows, int preferredRow, int leftOut)
{
    // A fresh list has a current row (the chart's) but no selection, so that Export… and Save to
    // Spotify… take the whole list until the user picks songs.
    const bool keepSelection = preferredRow >= 0 || m_view->selectionModel()->hasSelection();
    const bool asked = preferredRow >= 0;
    const int position = m_view->currentIndex().row();
    if (preferredRow < 0)
        preferredRow = currentCatalogRow();

    m_model->setRecommendations(catalog, seedRow, recommendations, method);
    m_model->setLikedRows(likedRows);
    m_stack->setCurrentWidget(m_view);
    m_rankingNote->setFullText(uitext::leftOutOfRanking(leftOut, method, QLocale()),
                               tr("The tutorial method ranks tracks with all eleven audio features, the "
                                  "content method those with any. The Features column of the track "
                                  "table says which features each has."));
    updateRankingNote();
    // A song asked for that the new ranking dropped (a dislike can reorder the whole list) leaves
    // the selection where the user was, not back at the top.
    const int row = m_model->rowOfCatalogRow(preferredRow);
    const QModelIndex index = row < 0 && asked
        ? m_proxy->index(std::max(0, std::min(position, m_proxy->rowCount() - 1)), int(Column::Title))
        : m_proxy->mapFromSource(m_model->index(std::max(row, 0), int(Column::Title)));
    m_view->selectionModel()->setCurrentIndex(index,
                                              keepSelection
                                                  ? QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows
                                                  : QItemSelectionModel::NoUpdate);
    m_view->scrollTo(index);
    updateActions();
}

void RecommendationPane::setLikedRows(const std::vector<int> &likedRows)
{
    m_model->setLikedRows(likedRows);
    updateActions();
}

void RecommendationPane::clear()
{
    m_model->clear();
}

void RecommendationPane::sortByRank()
{
    m_view->sortByColumn(int(Column::Rank), Qt::AscendingOrder);
}

void RecommendationPane::showNotice(const QString &text, const QString &link, const QString &linkText)
{
    QString html = text.toHtmlEscaped();
    if (!link.isEmpty())
        html += QStringLiteral("&nbsp;&nbsp;<a href=\"%1\">%2</a>").arg(link, linkText.toHtmlEscaped());
    m_notice->setText(html);
    m_notice->setToolTip(text);
    m_notice->show();
    m_rankingNote->hide();
    m_noticeTimer.start();
}

void RecommendationPane::updateRankingNote()
{
    m_rankingNote->setVisible(!m_rankingNote->fullText().isEmpty() && showsList() && !m_noticeTimer.isActive());
}

void RecommendationPane::setStoreError(const std::optional<Error> &error)
{
    m_storeError->setVisible(error.has_value());
    m_storeError->setToolTip(error ? error->message : QString());
}

int RecommendationPane::currentCatalogRow() const
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid() || !showsList())
        return -1;
    return current.data(roles::CatalogRow).toInt();
}

const Recommendation *RecommendationPane::currentRecommendation(const std::shared_ptr<const Catalog> &catalog) const
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid() || m_model->catalog() != catalog)
        return nullptr;
    const int row = m_proxy->mapToSource(current).row();
    return row >= 0 && row < m_model->rowCount() ? &m_model->recommendation(row) : nullptr;
}

int RecommendationPane::rowAfterCurrent() const
{
    const QModelIndex current = m_view->currentIndex();
    QModelIndex next = current.siblingAtRow(current.row() + 1);
    if (!next.isValid())
        next = current.siblingAtRow(current.row() - 1);
    return next.isValid() ? next.data(roles::CatalogRow).toInt() : -1;
}

RankingMethod RecommendationPane::method() const
{
    return m_model->method();
}

TrackList RecommendationPane::toKeep() const
{
    TrackList list;
    if (!showsList() || !m_model->catalog())
        return list;
    std::vector<int> rows;  // of the model, which keeps the list's order
    for (const QModelIndex &index : m_view->selectionModel()->selectedIndexes())
        rows.push_back(m_proxy->mapToSource(index).row());
    if (rows.empty()) {
        rows.resize(static_cast<std::size_t>(m_model->rowCount()));
        std::iota(rows.begin(), rows.end(), 0);
    }
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    list.catalog = m_model->catalog();
    for (int row : rows)
        list.entries.push_back(
            recommendationEntry(*list.catalog, m_model->seedRow(), m_model->recommendation(row), row + 1));
    return list;
}

QList<QWidget *> RecommendationPane::reactionButtons() const
{
    QList<QWidget *> buttons;
    for (QToolButton *button : m_reactionButtons->findChildren<QToolButton *>())
        buttons << button;
    return buttons;
}

void RecommendationPane::updateActions()
{
    const int row = currentCatalogRow();
    const bool liked = row >= 0 && m_model->isLiked(m_model->rowOfCatalogRow(row));
    m_likeAction->setEnabled(row >= 0 && !liked);
    m_dislikeAction->setEnabled(row >= 0);
    m_clearReactionAction->setEnabled(liked);
    const bool listed = showsList() && m_model->rowCount() > 0;
    for (QAction *action : {m_exportAction, m_saveToSpotifyAction, m_copyAction, m_copyTextAction})
        action->setEnabled(listed);
}

}  // namespace encore
