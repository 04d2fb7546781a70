#include "rankingcontrols.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <QVBoxLayout>

#include <cmath>

namespace encore {

RankingControls::RankingControls(QWidget *parent)
    : QWidget(parent),
      m_method(new QComboBox(this)),
      m_count(new QSpinBox(this)),
      m_exclude(new QCheckBox(tr("&Leave out tracks already in this playlist"), this)),
      m_weightsGroup(new QGroupBox(tr("Feature weights"), this)),
      m_reset(new QPushButton(tr("&Reset weights"), m_weightsGroup))
{
    m_method->setObjectName(QStringLiteral("methodCombo"));
    m_method->addItem(tr("Content: weighted features"), QVariant::fromValue(static_cast<int>(RankingMethod::Content)));
    m_method->addItem(tr("Tutorial: scaled features, cosine"), QVariant::fromValue(static_cast<int>(RankingMethod::Tutorial)));
    m_method->setItemData(0, tr("Standardised features, key on the pitch circle, log tempo, and "
                                "your weights; compared by weighted cosine similarity."),
                          Qt::ToolTipRole);
    m_method->setItemData(1, tr("The classic recipe: every feature scaled to 0–1 over the "
                                "catalog, compared by cosine similarity. Ignores the weights."),
                          Qt::ToolTipRole);
    m_method->setToolTip(tr("How similarity to the seed is measured"));

    m_count->setObjectName(QStringLiteral("resultCountSpin"));
    m_count->setRange(1, RankingOptions::kMaxK);
    m_count->setValue(RankingOptions::kDefaultK);
    m_count->setToolTip(tr("How many recommendations to show"));
    m_count->setAccelerated(true);

    m_exclude->setObjectName(QStringLiteral("excludePlaylistCheck"));
    m_exclude->setToolTip(tr("Only suggest songs that are not yet in the playlist the seed was "
                             "picked from"));

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    auto *methodLabel = new QLabel(tr("&Method:"), this);
    methodLabel->setBuddy(m_method);
    auto *countLabel = new QLabel(tr("Re&sults:"), this);
    countLabel->setBuddy(m_count);
    form->addRow(methodLabel, m_method);
    form->addRow(countLabel, m_count);
    form->addRow(m_exclude);

    m_weightsGroup->setObjectName(QStringLiteral("weightsGroup"));
    auto *grid = new QGridLayout;
    grid->setVerticalSpacing(2);
    grid->setColumnStretch(1, 1);
    const QLocale locale;
    for (Feature feature : kAllFeatures) {
        const int i = index(feature);
        auto *label = new QLabel(featureLabel(feature), m_weightsGroup);
        auto *slider = new QSlider(Qt::Horizontal, m_weightsGroup);
        slider->setObjectName(QStringLiteral("weightSlider_%1").arg(featureKey(feature)));
        slider->setRange(0, static_cast<int>(RankingOptions::kMaxWeight) * kStepsPerUnit);
        slider->setSingleStep(1);
        slider->setPageStep(kStepsPerUnit / 4);
        slider->setValue(kStepsPerUnit);
        slider->setToolTip(tr("How much %1 counts: 0 ignores it, 1 is normal, 2 doubles it")
                               .arg(featureLabel(feature).toLower()));
        slider->setAccessibleName(tr("%1 weight").arg(featureLabel(feature)));
        label->setBuddy(slider);
        auto *value = new QLabel(m_weightsGroup);
        value->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        value->setMinimumWidth(value->fontMetrics().horizontalAdvance(locale.toString(8.88, 'f', 2)) + 4);
        grid->addWidget(label, i, 0);
        grid->addWidget(slider, i, 1);
        grid->addWidget(value, i, 2);
        m_sliders[i] = slider;
        m_values[i] = value;
        connect(slider, &QSlider::valueChanged, this, [this] {
            updateWeightLabels();
            emitChanged();
        });
    }
    m_reset->setObjectName(QStringLiteral("resetWeightsButton"));
    m_reset->setToolTip(tr("Set every weight back to 1"));
    auto *resetRow = new QHBoxLayout;
    resetRow->addStretch();
    resetRow->addWidget(m_reset);
    auto *groupLayout = new QVBoxLayout(m_weightsGroup);
    groupLayout->addLayout(grid);
    groupLayout->addLayout(resetRow);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addWidget(m_weightsGroup);
    layout->addStretch();

    connect(m_method, &QComboBox::currentIndexChanged, this, [this] {
        updateEnabledState();
        emitChanged();
    });
    connect(m_count, &QSpinBox::valueChanged, this, &RankingControls::emitChanged);
    connect(m_exclude, &QCheckBox::toggled, this, &RankingControls::emitChanged);
    connect(m_reset, &QPushButton::clicked, this, &RankingControls::resetWeights);

    QWidget *previous = m_exclude;
    setTabOrder(m_method, m_count);
    setTabOrder(m_count, m_exclude);
    for (QSlider *slider : m_sliders) {
        setTabOrder(previous, slider);
        previous = slider;
    }
    setTabOrder(previous, m_reset);

    updateWeightLabels();
    updateEnabledState();
}

RankingOptions RankingControls::options() const
{
    RankingOptions options;
    options.method = static_cast<RankingMethod>(m_method->currentData().toInt());
    for (int i = 0; i < kFeatureCount; ++i)
        options.weights.values[i] = static_cast<float>(m_sliders[i]->value()) / kStepsPerUnit;
    options.k = m_count->value();
    options.excludePlaylistTracks = m_exclude->isChecked();
    return options;
}

void RankingControls::setOptions(const RankingOptions &options)
{
    m_updating = true;
    m_method->setCurrentIndex(
        std::max(0, m_method->findData(static_cast<int>(options.method))));
    for (int i = 0; i < kFeatureCount; ++i)
        m_sliders[i]->setValue(static_cast<int>(std::lround(options.weights.values[i] * kStepsPerUnit)));
    m_count->setValue(options.k);
    m_exclude->setChecked(options.excludePlaylistTracks);
    m_updating = false;
    updateWeightLabels();
    updateEnabledState();
}

void RankingControls::updateWeightLabels()
{
    const QLocale locale;
    bool allDefault = true;
    for (int i = 0; i < kFeatureCount; ++i) {
        m_values[i]->setText(locale.toString(static_cast<double>(m_sliders[i]->value()) / kStepsPerUnit, 'f', 2));
        allDefault = allDefault && m_sliders[i]->value() == kStepsPerUnit;
    }
    m_reset->setEnabled(!allDefault);
}

void RankingControls::updateEnabledState()
{
    const bool content = static_cast<RankingMethod>(m_method->currentData().toInt()) == RankingMethod::Content;
    m_weightsGroup->setEnabled(content);
    m_weightsGroup->setToolTip(content ? QString() : tr("Weights apply to the Content method only"));
}

void RankingControls::resetWeights()
{
    m_updating = true;
    for (QSlider *slider : m_sliders)
        slider->setValue(kStepsPerUnit);
    m_updating = false;
    updateWeightLabels();
    emitChanged();
}

void RankingControls::emitChanged()
{
    if (!m_updating)
        emit optionsChanged();
}

}  // namespace encore
