#pragma once

#include "common/discoveries.h"
#include "export/tracklist.h"
#include "recommend/recommender.h"
#include "util/result.h"

#include <QTimer>
#include <QWidget>

#include <memory>
#include <optional>
#include <vector>

class QAction;
class QLabel;
class QStackedWidget;
class QTableView;

namespace encore {

class Catalog;
class CoverArt;
class ElidedLabel;
class RecommendationTableModel;
class SearchProxyModel;

// The ranked list for the seed: its heading with Back and Forward, a line for notices (with Undo)
// or what the ranking left out, the reactions (Like, Dislike) and the ways to keep songs (Export,
// Save to Spotify, Copy), and the table, or a message in its place. Its actions say what the user
// asks; the view that owns it decides what that means.
class RecommendationPane : public QWidget {
    Q_OBJECT

public:
    // `historyActions` (Back, Forward) become buttons beside the heading.
    explicit RecommendationPane(const QList<QAction *> &historyActions, QWidget *parent = nullptr);

    void setHeading(const QString &text);
    // A message in place of the list (no seed, still ranking, an error).
    void showMessage(const QString &text);
    // The ranking's answer, which is not empty (say why with showMessage()). The current
    // recommendation stays current if still listed, or `preferredRow` (a catalog row) takes its
    // place, or, when that one is not listed, the row at the current one's position; `leftOut`
    // tracks could not be ranked.
    void showRecommendations(const std::shared_ptr<const Catalog> &catalog, int seedRow,
                             const std::vector<Recommendation> &recommendations, RankingMethod method,
                             const std::vector<int> &likedRows, int preferredRow, int leftOut);
    void setLikedRows(const std::vector<int> &likedRows);
    // What the library knows of discovered songs (see RecommendationTableModel).
    void setDiscoveries(const Discoveries &discoveries);
    // Small covers beside the titles, from `covers` (which must outlive the pane).
    void setCoverArt(CoverArt *covers);
    void clear();
    // A new seed's list reads best first: a sort chosen for the last list is not kept.
    void sortByRank();

    // "Disliked “Hello” by Adele. Undo" for a few seconds; `link` ("undo", "redo") or none.
    void showNotice(const QString &text, const QString &link, const QString &linkText);
    // A reaction could not be stored: it lasts for this session only.
    void setStoreError(const std::optional<Error> &error);

    // The catalog row of the current recommendation, or -1 (also while a message is shown).
    int currentCatalogRow() const;
    // The recommendation the chart compares with the seed, or nullptr.
    const Recommendation *currentRecommendation(const std::shared_ptr<const Catalog> &catalog) const;
    // The catalog row that takes the selection when the current one leaves the list, or -1.
    int rowAfterCurrent() const;
    RankingMethod method() const;
    // The selected recommendations in rank order, or the whole list when none is selected.
    TrackList toKeep() const;

    QTableView *view() const { return m_view; }
    QAction *likeAction() const { return m_likeAction; }
    QAction *dislikeAction() const { return m_dislikeAction; }
    QAction *clearReactionAction() const { return m_clearReactionAction; }
    QAction *exportAction() const { return m_exportAction; }
    QAction *saveToSpotifyAction() const { return m_saveToSpotifyAction; }
    QAction *copyAction() const { return m_copyAction; }
    QAction *copyTextAction() const { return m_copyTextAction; }
    // The reaction buttons, for the window's tab order.
    QList<QWidget *> reactionButtons() const;

signals:
    void currentChanged();
    void contextMenuRequested(const QPoint &pos);
    void noticeLinkActivated(const QString &link);

private:
    bool showsList() const;
    void updateActions();
    void updateRankingNote();

    RecommendationTableModel *m_model;
    SearchProxyModel *m_proxy;
    ElidedLabel *m_heading;
    ElidedLabel *m_rankingNote;
    QLabel *m_storeError;
    QLabel *m_notice;
    QTimer m_noticeTimer;
    QAction *m_likeAction;
    QAction *m_dislikeAction;
    QAction *m_clearReactionAction;
    QWidget *m_reactionButtons;
    QAction *m_exportAction;
    QAction *m_saveToSpotifyAction;
    QAction *m_copyAction;
    QAction *m_copyTextAction;
    QStackedWidget *m_stack;
    QLabel *m_message;
    QTableView *m_view;
};

}  // namespace encore
