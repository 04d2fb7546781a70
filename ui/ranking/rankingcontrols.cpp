#include "rankingcontrols.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace encore {

namespace {

// A horizontal slider from 0 to `steps`, with `name` for screen readers.
QSlider *makeSlider(QWidget *parent, const QString &objectName, int steps, const QString &name)
{
    auto *slider = new QSlider(Qt::Horizontal, parent);
    slider->setObjectName(objectName);
    slider->setRange(0, steps);
    slider->setSingleStep(1);
    slider->setPageStep(std::max(1, steps / 10));
    slider->setAccessibleName(name);
    return slider;
}

// A label for a slider's value, wide enough for `widest` so that the sliders line up.
QLabel *makeValueLabel(QWidget *parent, const QString &widest)
{
    auto *value = new QLabel(parent);
    value->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    value->setMinimumWidth(value->fontMetrics().horizontalAdvance(widest) + 4);
    return value;
}

int toSteps(float value, int stepsPerUnit)
{
    return static_cast<int>(std::lround(value * static_cast<float>(stepsPerUnit)));
}

float fromSteps(const QSlider *slider, int stepsPerUnit)
{
    return static_cast<float>(slider->value()) / static_cast<float>(stepsPerUnit);
}

}  // namespace

RankingControls::RankingControls(QWidget *parent)
    : QWidget(parent), m_method(new QComboBox(this)), m_count(new QSpinBox(this)),
      m_exclude(new QCheckBox(tr("&Leave out this playlist's songs"), this)),
      m_onlyNew(new QCheckBox(tr("Only songs &new to my library"), this)), m_discover(new QToolButton(this))
{
    m_method->setObjectName(QStringLiteral("methodCombo"));
    const struct {
        RankingMethod method;
        QString text;
        QString toolTip;
    } methods[] = {
        {RankingMethod::Hybrid, tr("Hybrid: audio + playlists + popularity"),
         tr("Songs that sound like the seed and that people put in playlists with it, a little "
            "popularity, and your likes and dislikes. Tune the blend below.")},
        {RankingMethod::Content, tr("Content: weighted features"),
         tr("Standardised features, key on the pitch circle, log tempo, and your weights; "
            "songs, and how their artists sound on average, compared by weighted cosine similarity.")},
        {RankingMethod::Tutorial, tr("Tutorial: scaled features, cosine"),
         tr("The classic recipe: every feature scaled to 0–1 over the catalog, compared by "
            "cosine similarity. Ignores the weights.")},
    };
    for (const auto &entry : methods) {
        m_method->addItem(entry.text, QVariant::fromValue(static_cast<int>(entry.method)));
        m_method->setItemData(m_method->count() - 1, entry.toolTip, Qt::ToolTipRole);
    }
    m_method->setToolTip(tr("How songs are matched to the seed"));
    // The settings column may be narrow: the method's name shortens rather than cut the panel.
    m_method->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_method->setMinimumContentsLength(12);
    m_method->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);

    m_count->setObjectName(QStringLiteral("resultCountSpin"));
    m_count->setRange(1, RankingOptions::kMaxK);
    m_count->setValue(RankingOptions::kDefaultK);
    m_count->setToolTip(tr("How many recommendations to show"));
    m_count->setAccelerated(true);

    m_exclude->setObjectName(QStringLiteral("excludePlaylistCheck"));
    m_onlyNew->setObjectName(QStringLiteral("onlyNewCheck"));
    m_onlyNew->setToolTip(tr("Only suggest songs that no playlist of your library holds, such as the "
                             "ones Discover found"));
    m_discover->setObjectName(QStringLiteral("discoverButton"));
    m_discover->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_discover->setPopupMode(QToolButton::MenuButtonPopup);  // the arrow chooses the services
    m_discover->hide();                                      // until the view gives it its action
    m_exclude->setToolTip(tr("Only suggest songs that are not yet in the playlist the seed was "
                             "picked from"));

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    auto *methodLabel = new QLabel(tr("&Method:"), this);
    methodLabel->setBuddy(m_method);
    auto *countLabel = new QLabel(tr("Re&sults:"), this);
    countLabel->setBuddy(m_count);
    form->addRow(methodLabel, m_method);
    form->addRow(QString(), m_discover);  // under the method: the panel may be narrow
    form->addRow(countLabel, m_count);
    form->addRow(m_exclude);
    form->addRow(m_onlyNew);

    m_hybridGroup = createHybridGroup();
    m_weightsGroup = createWeightsGroup();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addWidget(m_hybridGroup);
    layout->addWidget(m_weightsToggle);
    layout->addWidget(m_weightsGroup);
    layout->addStretch();

    connect(m_method, &QComboBox::currentIndexChanged, this, [this] {
        updateEnabledState();
        emitChanged();
    });
    connect(m_count, &QSpinBox::valueChanged, this, &RankingControls::emitChanged);
    connect(m_exclude, &QCheckBox::toggled, this, &RankingControls::emitChanged);
    connect(m_onlyNew, &QCheckBox::toggled, this, &RankingControls::emitChanged);

    QList<QWidget *> chain = {m_method,     m_discover,  m_count,   m_exclude,   m_onlyNew,     m_alpha,
                              m_popularity, m_diversity, m_context, m_perArtist, m_resetHybrid, m_weightsToggle};
    for (QSlider *slider : m_sliders)
        chain << slider;
    chain << m_reset;
    for (qsizetype i = 1; i < chain.size(); ++i)
        setTabOrder(chain[i - 1], chain[i]);
    for (QWidget *widget : chain) {
        if (qobject_cast<QAbstractSlider *>(widget) || qobject_cast<QAbstractSpinBox *>(widget)
            || qobject_cast<QComboBox *>(widget)) {
            widget->setFocusPolicy(Qt::StrongFocus);  // not focused by the wheel either
            widget->installEventFilter(this);
        }
    }

    setOptions(RankingOptions());
}

QGroupBox *RankingControls::createHybridGroup()
{
    auto *group = new QGroupBox(tr("Hybrid blend"), this);
    group->setObjectName(QStringLiteral("hybridGroup"));

    m_alpha = makeSlider(group, QStringLiteral("alphaSlider"), kStepsPerUnit, tr("Audio or people"));
    m_alpha->setToolTip(tr("Left: only how the songs sound. Right: only what people do: songs "
                           "and artists that share playlists with the seed."));
    m_popularity = makeSlider(group, QStringLiteral("popularitySlider"),
                              toSteps(RankingOptions::kMaxPopularityWeight, kPopularityStepsPerUnit), tr("Popularity"));
    m_popularity->setToolTip(tr("How much popular, recent songs are favoured: 0 ignores popularity"));
    m_diversity = makeSlider(group, QStringLiteral("diversitySlider"), kStepsPerUnit, tr("Diversity"));
    m_diversity->setToolTip(tr("0 lists the closest songs; higher values make each song differ "
                               "more from the ones above it"));
    m_perArtist = new QSpinBox(group);
    m_perArtist->setObjectName(QStringLiteral("perArtistSpin"));
    m_perArtist->setRange(0, RankingOptions::kMaxPerArtistLimit);
    m_perArtist->setPrefix(tr("at most "));
    m_perArtist->setSpecialValueText(tr("No limit"));
    m_perArtist->setToolTip(tr("At most this many songs by one artist in the list; 0 for no limit"));
    m_context = makeSlider(group, QStringLiteral("playlistContextSlider"),
                           toSteps(RankingOptions::kMaxPlaylistContext, kStepsPerUnit), tr("Playlist spirit"));
    m_context->setToolTip(tr("More like the seed, in the spirit of the playlist it was picked "
                             "from: how much the rest of that playlist counts. 0 ignores it."));
    m_resetHybrid = new QPushButton(tr("Reset &blend"), group);
    m_resetHybrid->setObjectName(QStringLiteral("resetHybridButton"));
    m_resetHybrid->setToolTip(tr("Back to the defaults, which were measured to work best"));

    const QLocale locale;
    m_alphaValue = makeValueLabel(group, locale.toString(0.888, 'f', 3));
    m_popularityValue = makeValueLabel(group, locale.toString(0.888, 'f', 3));
    m_diversityValue = makeValueLabel(group, locale.toString(0.888, 'f', 3));
    m_contextValue = makeValueLabel(group, locale.toString(0.888, 'f', 3));

    auto *audioEnd = new QLabel(tr("Audio"), group);
    auto *peopleEnd = new QLabel(tr("People"), group);
    auto *alphaRow = new QHBoxLayout;
    alphaRow->addWidget(audioEnd);
    alphaRow->addWidget(m_alpha, 1);
    alphaRow->addWidget(peopleEnd);

    auto *grid = new QGridLayout;
    grid->setVerticalSpacing(2);
    grid->setColumnStretch(1, 1);
    auto addRow = [&](int row, const QString &text, QWidget *buddy, QLayout *field, QWidget *fieldWidget,
                      QLabel *value) {
        auto *label = new QLabel(text, group);
        label->setBuddy(buddy);
        grid->addWidget(label, row, 0);
        if (field)
            grid->addLayout(field, row, 1);
        else
            grid->addWidget(fieldWidget, row, 1);
        if (value)
            grid->addWidget(value, row, 2);
    };
    addRow(0, tr("Mi&x:"), m_alpha, alphaRow, nullptr, m_alphaValue);
    addRow(1, tr("P&opularity:"), m_popularity, nullptr, m_popularity, m_popularityValue);
    addRow(2, tr("&Diversity:"), m_diversity, nullptr, m_diversity, m_diversityValue);
    addRow(3, tr("Pla&ylist spirit:"), m_context, nullptr, m_context, m_contextValue);
    addRow(4, tr("Per &artist:"), m_perArtist, nullptr, m_perArtist, nullptr);
    m_perArtist->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
    grid->setAlignment(m_perArtist, Qt::AlignLeft);

    auto *resetRow = new QHBoxLayout;
    resetRow->addStretch();
    resetRow->addWidget(m_resetHybrid);
    auto *groupLayout = new QVBoxLayout(group);
    groupLayout->addLayout(grid);
    groupLayout->addLayout(resetRow);

    for (QSlider *slider : {m_alpha, m_popularity, m_diversity, m_context})
        connect(slider, &QSlider::valueChanged, this, [this] {
            updateLabels();
            emitChanged();
        });
    connect(m_perArtist, &QSpinBox::valueChanged, this, [this] {
        updateLabels();
        emitChanged();
    });
    connect(m_resetHybrid, &QPushButton::clicked, this, &RankingControls::resetHybrid);
    return group;
}

QGroupBox *RankingControls::createWeightsGroup()
{
    m_weightsToggle = new QToolButton(this);
    m_weightsToggle->setObjectName(QStringLiteral("weightsToggle"));
    m_weightsToggle->setCheckable(true);
    m_weightsToggle->setAutoRaise(true);
    m_weightsToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_weightsToggle->setArrowType(Qt::RightArrow);
    m_weightsToggle->setToolTip(tr("Show or hide how much each feature counts"));

    auto *group = new QGroupBox(this);
    group->setObjectName(QStringLiteral("weightsGroup"));
    group->hide();
    connect(m_weightsToggle, &QToolButton::toggled, this, &RankingControls::setWeightsShown);
    connect(m_weightsToggle, &QToolButton::clicked, this, [this](bool shown) {
        if (shown)
            emit weightsUnfolded();
    });
    auto *grid = new QGridLayout;
    grid->setVerticalSpacing(2);
    grid->setColumnStretch(1, 1);
    const QLocale locale;
    for (Feature feature : kAllFeatures) {
        const int i = index(feature);
        auto *label = new QLabel(featureLabel(feature), group);
        QSlider *slider = makeSlider(group, QStringLiteral("weightSlider_%1").arg(featureKey(feature)),
                                     static_cast<int>(RankingOptions::kMaxWeight) * kStepsPerUnit,
                                     tr("%1 weight").arg(featureLabel(feature)));
        slider->setPageStep(kStepsPerUnit / 4);
        slider->setValue(kStepsPerUnit);
        slider->setToolTip(
            tr("How much %1 counts: 0 ignores it, 1 is normal, 2 doubles it").arg(featureNameInText(feature)));
        label->setBuddy(slider);
        QLabel *value = makeValueLabel(group, locale.toString(8.88, 'f', 2));
        grid->addWidget(label, i, 0);
        grid->addWidget(slider, i, 1);
        grid->addWidget(value, i, 2);
        m_sliders[i] = slider;
        m_values[i] = value;
        connect(slider, &QSlider::valueChanged, this, [this] {
            updateLabels();
            emitChanged();
        });
    }
    m_reset = new QPushButton(tr("&Reset weights"), group);
    m_reset->setObjectName(QStringLiteral("resetWeightsButton"));
    m_reset->setToolTip(tr("Set every weight back to 1"));
    connect(m_reset, &QPushButton::clicked, this, &RankingControls::resetWeights);
    auto *resetRow = new QHBoxLayout;
    resetRow->addStretch();
    resetRow->addWidget(m_reset);
    auto *groupLayout = new QVBoxLayout(group);
    groupLayout->addLayout(grid);
    groupLayout->addLayout(resetRow);
    return group;
}

void RankingControls::setDiscoverAction(QAction *action, QMenu *sources)
{
    m_discover->setDefaultAction(action);
    m_discover->setMenu(sources);
    m_discover->show();
}

RankingOptions RankingControls::options() const
{
    RankingOptions options;
    options.method = static_cast<RankingMethod>(m_method->currentData().toInt());
    for (int i = 0; i < kFeatureCount; ++i)
        options.weights.values[i] = fromSteps(m_sliders[i], kStepsPerUnit);
    options.k = m_count->value();
    options.excludePlaylistTracks = m_exclude->isChecked();
    options.onlyNewSongs = m_onlyNew->isChecked();
    options.hybrid.alpha = fromSteps(m_alpha, kStepsPerUnit);
    options.hybrid.popularityWeight = fromSteps(m_popularity, kPopularityStepsPerUnit);
    options.hybrid.diversity = fromSteps(m_diversity, kStepsPerUnit);
    options.hybrid.maxPerArtist = m_perArtist->value();
    options.playlistContext = fromSteps(m_context, kStepsPerUnit);
    return options;
}

void RankingControls::setOptions(const RankingOptions &options)
{
    m_updating = true;
    m_method->setCurrentIndex(std::max(0, m_method->findData(static_cast<int>(options.method))));
    for (int i = 0; i < kFeatureCount; ++i)
        m_sliders[i]->setValue(toSteps(options.weights.values[i], kStepsPerUnit));
    m_count->setValue(options.k);
    m_exclude->setChecked(options.excludePlaylistTracks);
    m_onlyNew->setChecked(options.onlyNewSongs);
    m_alpha->setValue(toSteps(options.hybrid.alpha, kStepsPerUnit));
    m_popularity->setValue(toSteps(options.hybrid.popularityWeight, kPopularityStepsPerUnit));
    m_diversity->setValue(toSteps(options.hybrid.diversity, kStepsPerUnit));
    m_perArtist->setValue(options.hybrid.maxPerArtist);
    m_context->setValue(toSteps(options.playlistContext, kStepsPerUnit));
    m_updating = false;
    updateLabels();
    updateEnabledState();
}

bool RankingControls::eventFilter(QObject *watched, QEvent *event)
{
    auto *widget = qobject_cast<QWidget *>(watched);
    if (event->type() == QEvent::Wheel && widget && !widget->hasFocus()) {
        event->ignore();  // handled here, not accepted: the wheel goes on to the scrolling panel
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

QString RankingControls::summary() const
{
    const QString method = m_method->currentText().section(u':', 0, 0);
    if (m_onlyNew->isChecked())
        return tr("%1, %n new songs", nullptr, m_count->value()).arg(method);
    return tr("%1, %n results", nullptr, m_count->value()).arg(method);
}

QWidget *RankingControls::weightsGroup() const
{
    return m_weightsGroup;
}

bool RankingControls::weightsShown() const
{
    return m_weightsToggle->isChecked();
}

void RankingControls::setWeightsShown(bool shown)
{
    m_weightsToggle->setChecked(shown);
    m_weightsToggle->setArrowType(shown ? Qt::DownArrow : Qt::RightArrow);
    m_weightsGroup->setVisible(shown);
}

void RankingControls::updateLabels()
{
    const QLocale locale;
    auto show = [&](QLabel *label, float value, int decimals) {
        label->setText(locale.toString(static_cast<double>(value), 'f', decimals));
    };
    bool allDefault = true;
    for (int i = 0; i < kFeatureCount; ++i) {
        show(m_values[i], fromSteps(m_sliders[i], kStepsPerUnit), 2);
        allDefault = allDefault && m_sliders[i]->value() == kStepsPerUnit;
    }
    m_reset->setEnabled(!allDefault);
    // Folded away, changed weights still show.
    m_weightsToggle->setText(allDefault ? tr("Feature &weights") : tr("Feature &weights (changed)"));

    const RankingOptions current = options();
    show(m_alphaValue, current.hybrid.alpha, 2);
    show(m_popularityValue, current.hybrid.popularityWeight, 3);
    show(m_diversityValue, current.hybrid.diversity, 2);
    show(m_contextValue, current.playlistContext, 2);
    const RankingOptions defaults;
    m_resetHybrid->setEnabled(current.hybrid != defaults.hybrid || current.playlistContext != defaults.playlistContext);
}

void RankingControls::updateEnabledState()
{
    const auto method = static_cast<RankingMethod>(m_method->currentData().toInt());
    m_hybridGroup->setEnabled(method == RankingMethod::Hybrid);
    m_hybridGroup->setToolTip(method == RankingMethod::Hybrid ? QString()
                                                              : tr("The blend applies to the Hybrid method only"));
    // Hybrid measures the audio part with the weights too.
    m_weightsGroup->setEnabled(method != RankingMethod::Tutorial);
    m_weightsGroup->setToolTip(
        method == RankingMethod::Tutorial ? tr("Weights apply to the Content and Hybrid methods only") : QString());
}

void RankingControls::resetHybrid()
{
    const RankingOptions defaults;
    m_updating = true;
    m_alpha->setValue(toSteps(defaults.hybrid.alpha, kStepsPerUnit));
    m_popularity->setValue(toSteps(defaults.hybrid.popularityWeight, kPopularityStepsPerUnit));
    m_diversity->setValue(toSteps(defaults.hybrid.diversity, kStepsPerUnit));
    m_perArtist->setValue(defaults.hybrid.maxPerArtist);
    m_context->setValue(toSteps(defaults.playlistContext, kStepsPerUnit));
    m_updating = false;
    updateLabels();
    emitChanged();
}

void RankingControls::resetWeights()
{
    m_updating = true;
    for (QSlider *slider : m_sliders)
        slider->setValue(kStepsPerUnit);
    m_updating = false;
    updateLabels();
    emitChanged();
}

void RankingControls::emitChanged()
{
    if (!m_updating)
        emit optionsChanged();
}

}  // namespace encore
