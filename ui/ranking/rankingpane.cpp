#include "rankingpane.h"

#include "chart/featurechart.h"
#include "rankingcontrols.h"
#include "rankingoptions.h"

#include "util/settingskeys.h"

#include <QAction>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace encore {

namespace {

constexpr int kMaxControlsHeight = 300;  // of the 720 or so the column has at first
constexpr int kRoomyHeight = 800;        // screens at least this tall show the settings at first

}  // namespace

RankingPane::RankingPane(QSettings &settings, const RankingOptions &options, QWidget *parent)
    : QWidget(parent), m_settings(settings), m_controls(new RankingControls(this)), m_scroll(new QScrollArea(this)),
      m_chart(new FeatureChart(this)), m_splitter(new QSplitter(Qt::Vertical, this)),
      m_foldAction(new QAction(tr("&Ranking settings"), this)), m_foldButton(new QToolButton(this))
{
    setObjectName(QStringLiteral("detailsPane"));
    setMinimumWidth(260);
    m_controls->setObjectName(QStringLiteral("rankingControls"));
    m_controls->setOptions(options);
    m_chart->setObjectName(QStringLiteral("featureChart"));

    auto *controlsHolder = new QWidget(this);
    auto *controlsLayout = new QVBoxLayout(controlsHolder);
    controlsLayout->setContentsMargins(6, 6, 6, 0);
    controlsLayout->addWidget(m_controls);
    m_scroll->setObjectName(QStringLiteral("rankingControlsScroll"));
    m_scroll->setWidget(controlsHolder);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_scroll->setMinimumHeight(120);
    connect(m_controls, &RankingControls::weightsUnfolded, m_scroll, [this] {
        // Once the layout has made room for them.
        QTimer::singleShot(0, m_scroll, [this] { m_scroll->ensureWidgetVisible(m_controls->weightsGroup()); });
    });

    m_splitter->setObjectName(QStringLiteral("rightSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_scroll);
    m_splitter->addWidget(m_chart);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);

    m_foldAction->setObjectName(QStringLiteral("rankingPanelAction"));
    m_foldAction->setCheckable(true);
    m_foldAction->setChecked(true);
    m_foldAction->setShortcut(QKeySequence(Qt::Key_F9));
    m_foldAction->setToolTip(tr("Show or hide the ranking settings (F9)"));
    m_foldButton->setObjectName(QStringLiteral("rankingToggle"));
    m_foldButton->setDefaultAction(m_foldAction);
    m_foldButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_foldButton->setAutoRaise(true);
    connect(m_foldAction, &QAction::toggled, this, [this](bool shown) {
        m_scroll->setVisible(shown);
        updateFoldButton();
    });
    connect(m_controls, &RankingControls::optionsChanged, this, &RankingPane::updateFoldButton);
    updateFoldButton();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_foldButton, 0, Qt::AlignLeft);
    layout->addWidget(m_splitter, 1);
}

void RankingPane::setOptions(const RankingOptions &options)
{
    m_controls->setOptions(options);
    updateFoldButton();
}

void RankingPane::updateFoldButton()
{
    const bool shown = m_foldAction->isChecked();
    m_foldButton->setArrowType(shown ? Qt::DownArrow : Qt::RightArrow);
    m_foldButton->setText(shown ? tr("Ranking settings") : tr("Ranking: %1").arg(m_controls->summary()));
    m_foldButton->setToolTip(m_foldAction->toolTip());
}

void RankingPane::restoreState()
{
    m_controls->setWeightsShown(m_settings.value(settingskeys::weightsShown, false).toBool());
    // Folded at first on a short screen, where the chart would otherwise get too little height.
    const QScreen *screen = this->screen();
    const bool roomy = screen && screen->availableGeometry().height() >= kRoomyHeight;
    m_foldAction->setChecked(m_settings.value(settingskeys::rankingShown, roomy).toBool());
    if (!m_splitter->restoreState(m_settings.value(settingskeys::rightSplitter).toByteArray())) {
        // All controls without a scroll bar, unless the chart would get too little room for
        // its bars, legend and caption (with the feature weights unfolded, say).
        const int controls = std::min(m_controls->sizeHint().height() + 12, kMaxControlsHeight);
        m_splitter->setSizes({controls, 720 - controls});
    }
}

void RankingPane::saveState()
{
    m_settings.setValue(settingskeys::rightSplitter, m_splitter->saveState());
    m_settings.setValue(settingskeys::weightsShown, m_controls->weightsShown());
    m_settings.setValue(settingskeys::rankingShown, m_foldAction->isChecked());
}

}  // namespace encore
