#pragma once

#include <QWidget>

class QAction;
class QScrollArea;
class QSettings;
class QSplitter;
class QToolButton;

namespace encore {

class FeatureChart;
class RankingControls;
struct RankingOptions;

// The right-hand column: the ranking settings above the chart that explains the selected
// recommendation. The settings fold away (F9) so that on a laptop the chart gets the column; the
// fold's header then says what is set ("Ranking: Hybrid, 20 results"), so nothing that matters is
// hidden. Remembers the fold, the feature weights' fold and the split in `settings`.
class RankingPane : public QWidget {
    Q_OBJECT

public:
    // `settings` must outlive the pane.
    RankingPane(QSettings &settings, const RankingOptions &options, QWidget *parent = nullptr);

    RankingControls *controls() const { return m_controls; }
    // Shows options set elsewhere (not by the user in the controls), the fold's header too.
    void setOptions(const RankingOptions &options);
    FeatureChart *chart() const { return m_chart; }
    // Shows or folds the settings (F9), for the window's View menu.
    QAction *foldAction() const { return m_foldAction; }

    void restoreState();
    void saveState();

private:
    void updateFoldButton();

    QSettings &m_settings;
    RankingControls *m_controls;
    QScrollArea *m_scroll;
    FeatureChart *m_chart;
    QSplitter *m_splitter;
    QAction *m_foldAction;
    QToolButton *m_foldButton;
};

}  // namespace encore
