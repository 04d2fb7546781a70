#pragma once

#include <QTimer>
#include <QWidget>

#include <memory>
#include <vector>

class QAction;
class QLineEdit;
class QPushButton;
class QTableView;
class QToolButton;

namespace encore {

class Catalog;
class ElidedLabel;
class SearchProxyModel;
class SeedCompleter;
class TrackTableModel;

// The list the sidebar shows (a playlist, All tracks or Liked in Encore): its heading with the
// counts, the filter with its seed completer and "Search all tracks", "Recommend for this
// playlist", and the table. It says what the user asks of a track; the view that owns it decides
// what that means.
class TrackPane : public QWidget {
    Q_OBJECT

public:
    explicit TrackPane(QWidget *parent = nullptr);

    // The library's catalog, for the filter's seed completer (none: nullptr).
    void setCatalog(std::shared_ptr<const Catalog> catalog);
    // Shows `rows` of `catalog` as the list called `name`. `playlist`: a library playlist, which
    // can be the seed; `wholeLibrary`: All tracks, which needs no "Search all tracks". `likedFor`
    // fills the Liked for column, shown only when it is given.
    struct List {
        QString name;
        std::vector<int> rows;
        bool playlist = false;
        bool wholeLibrary = false;
        std::vector<QString> likedFor;
    };
    void showList(const std::shared_ptr<const Catalog> &catalog, List list);
    void clear();

    // Marks the seed's row (-1: none).
    void setSeedRow(int catalogRow);
    // Selects the catalog row and scrolls it to the middle; false when the list lacks it.
    bool selectCatalogRow(int catalogRow);
    bool containsCatalogRow(int catalogRow) const;
    // The catalog row of the current track, or -1.
    int currentCatalogRow() const;

    void focusFilter();
    // Filters by `words` at once (no pause for typing).
    void setFilterText(const QString &words);
    QString filterText() const;

    TrackTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QLineEdit *filter() const { return m_filter; }
    QPushButton *playlistSeedButton() const { return m_playlistSeedButton; }
    // Search the library (Ctrl+K), for the window's Edit menu too.
    QAction *searchLibraryAction() const { return m_searchLibraryAction; }

signals:
    // Enter or a double-click on a track, or Return in the filter on a match.
    void seedChosen(int catalogRow);
    void playlistSeedRequested();
    // The filter's words should be looked for in every track of the library.
    void searchLibraryRequested(const QString &words);
    void currentTrackChanged();
    // Delete on a track.
    void deleteRequested(int catalogRow);
    void contextMenuRequested(const QPoint &pos);

private:
    void updateHeading();

    TrackTableModel *m_model;
    SearchProxyModel *m_proxy;
    ElidedLabel *m_heading;
    ElidedLabel *m_featureSummary;
    QLineEdit *m_filter;
    QTimer m_filterTimer;
    SeedCompleter *m_seedCompleter;
    QAction *m_searchLibraryAction;
    QToolButton *m_searchAllButton;
    QPushButton *m_playlistSeedButton;
    QTableView *m_view;
    QString m_listName;
    bool m_wholeLibrary = true;
};

}  // namespace encore
