#pragma once

#include "rankingoptions.h"

#include <QWidget>

#include <array>

class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QPushButton;
class QSlider;
class QSpinBox;

namespace encore {

// The ranking method, the number of results, "leave out this playlist's tracks" and the eleven
// feature weights (0–2, only used by the content method).
class RankingControls : public QWidget {
    Q_OBJECT

public:
    explicit RankingControls(QWidget *parent = nullptr);

    RankingOptions options() const;
    // Shows `options` without emitting optionsChanged.
    void setOptions(const RankingOptions &options);

signals:
    // The user changed something.
    void optionsChanged();

private:
    static constexpr int kStepsPerUnit = 20;  // a slider step is 0.05

    void updateWeightLabels();
    void updateEnabledState();
    void resetWeights();
    void emitChanged();

    QComboBox *m_method;
    QSpinBox *m_count;
    QCheckBox *m_exclude;
    QGroupBox *m_weightsGroup;
    std::array<QSlider *, kFeatureCount> m_sliders{};
    std::array<QLabel *, kFeatureCount> m_values{};
    QPushButton *m_reset;
    bool m_updating = false;
};

}  // namespace encore
