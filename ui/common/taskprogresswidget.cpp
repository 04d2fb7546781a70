#include "taskprogresswidget.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

#include <algorithm>

namespace encore {

namespace {
constexpr int kBarSteps = 1000;
}

TaskProgressWidget::TaskProgressWidget(const QString &cancelToolTip, QWidget *parent)
    : QWidget(parent), m_label(new QLabel(this)), m_bar(new QProgressBar(this)),
      m_cancel(new QPushButton(tr("Cancel"), this))
{
    m_bar->setFixedWidth(180);
    m_bar->setTextVisible(false);
    m_cancel->setToolTip(cancelToolTip);
    m_cancel->setAutoDefault(false);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_bar);
    layout->addWidget(m_cancel);

    connect(m_cancel, &QPushButton::clicked, this, &TaskProgressWidget::cancelRequested);
}

void TaskProgressWidget::start(const QString &text)
{
    m_label->setText(text);
    m_bar->setRange(0, kBarSteps);
    m_bar->setValue(0);
    m_cancel->setEnabled(true);
}

void TaskProgressWidget::setProgress(const QString &text, qint64 done, qint64 total)
{
    m_label->setText(text);
    if (total <= 0) {
        m_bar->setRange(0, 0);
        return;
    }
    m_bar->setRange(0, kBarSteps);
    m_bar->setValue(static_cast<int>(std::clamp<qint64>(done, 0, total) * kBarSteps / total));
}

void TaskProgressWidget::setBusy(const QString &text)
{
    m_label->setText(text);
    m_bar->setRange(0, 0);
    m_cancel->setEnabled(false);
}

}  // namespace encore
