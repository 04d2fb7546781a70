#pragma once

#include "rankingoptions.h"

#include <QWidget>

#include <array>

class QAction;
class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QMenu;
class QPushButton;
class QSlider;
class QSpinBox;
class QToolButton;

namespace encore {

// The ranking method, the number of results, "leave out this playlist's tracks", the hybrid
// blend (audio ↔ people, popularity, diversity, the cap per artist, the playlist's spirit; only
// used by the hybrid method) and the eleven feature weights (0–2, used by the content method and
// the audio part of hybrid).
class RankingControls : public QWidget {
    Q_OBJECT

public:
    explicit RankingControls(QWidget *parent = nullptr);

    RankingOptions options() const;
    // Shows `options` without emitting optionsChanged.
    void setOptions(const RankingOptions &options);

    // Whether the feature weights are shown: they fold away (the default) to keep the chart
    // below them roomy.
    bool weightsShown() const;
    void setWeightsShown(bool shown);
    QWidget *weightsGroup() const;
    // Discover new songs, as a button beside the method; its arrow opens `sources`.
    void setDiscoverAction(QAction *action, QMenu *sources);
    // "Hybrid, 20 results" ("Hybrid, 20 new songs" with only new ones): what is set, for the
    // folded settings.
    QString summary() const;

signals:
    // The user changed something.
    void optionsChanged();
    // The feature weights were unfolded by the user: the panel should bring them into view.
    void weightsUnfolded();

protected:
    // The wheel moves a slider, spin box or the method only while it has the focus; otherwise it
    // scrolls the panel, which would else change the ranking under a passing mouse.
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    static constexpr int kStepsPerUnit = 20;             // a weight, alpha, diversity step is 0.05
    static constexpr int kPopularityStepsPerUnit = 200;  // a popularity step is 0.005

    QGroupBox *createHybridGroup();
    QGroupBox *createWeightsGroup();
    void updateLabels();
    void updateEnabledState();
    void resetHybrid();
    void resetWeights();
    void emitChanged();

    QComboBox *m_method;
    QSpinBox *m_count;
    QCheckBox *m_exclude;
    QCheckBox *m_onlyNew;
    QToolButton *m_discover;

    QGroupBox *m_hybridGroup = nullptr;
    QSlider *m_alpha = nullptr;
    QLabel *m_alphaValue = nullptr;
    QSlider *m_popularity = nullptr;
    QLabel *m_popularityValue = nullptr;
    QSlider *m_diversity = nullptr;
    QLabel *m_diversityValue = nullptr;
    QSpinBox *m_perArtist = nullptr;
    QSlider *m_context = nullptr;
    QLabel *m_contextValue = nullptr;
    QPushButton *m_resetHybrid = nullptr;

    QToolButton *m_weightsToggle = nullptr;
    QGroupBox *m_weightsGroup = nullptr;
    std::array<QSlider *, kFeatureCount> m_sliders{};
    std::array<QLabel *, kFeatureCount> m_values{};
    QPushButton *m_reset = nullptr;
    bool m_updating = false;
};

}  // namespace encore
