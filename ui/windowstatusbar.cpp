#include "windowstatusbar.h"

#include "common/taskprogresswidget.h"
#include "common/uitext.h"

#include <QLabel>
#include <QPushButton>

namespace encore {

namespace {

constexpr int kNoticeMs = 6000;

}  // namespace

WindowStatusBar::WindowStatusBar(QWidget *parent)
    : QStatusBar(parent), m_summary(new QLabel(this)), m_account(new QLabel(this)),
      m_importProgress(new TaskProgressWidget(tr("Stop the import; the library stays as it was"), this)),
      m_readProgress(new TaskProgressWidget(tr("Stop reading; the library stays as it was"), this)),
      m_featureProgress(new TaskProgressWidget(tr("Stop looking; the features found so far are kept"), this)),
      m_discoverProgress(new TaskProgressWidget(tr("Stop discovering; the songs found so far are kept"), this)),
      m_skippedRows(new QPushButton(this))
{
    setObjectName(QStringLiteral("statusBar"));
    m_summary->setObjectName(QStringLiteral("librarySummary"));
    m_account->setObjectName(QStringLiteral("spotifyAccountLabel"));
    m_importProgress->setObjectName(QStringLiteral("importProgress"));
    m_readProgress->setObjectName(QStringLiteral("spotifyReadProgress"));
    m_featureProgress->setObjectName(QStringLiteral("featureProgress"));
    m_discoverProgress->setObjectName(QStringLiteral("discoverProgress"));
    m_skippedRows->setObjectName(QStringLiteral("skippedRowsButton"));
    m_skippedRows->setFlat(true);
    m_skippedRows->setToolTip(tr("Which rows of the last catalog were skipped, and why"));
    connect(m_skippedRows, &QPushButton::clicked, this, &WindowStatusBar::skippedRowsRequested);
    for (QWidget *widget :
         std::initializer_list<QWidget *>{m_skippedRows, m_importProgress, m_readProgress, m_featureProgress,
                                          m_discoverProgress, m_summary, m_account}) {
        widget->hide();
        addPermanentWidget(widget);
    }
}

void WindowStatusBar::notice(const QString &text)
{
    showMessage(text, kNoticeMs);
}

void WindowStatusBar::setSkippedRows(int count)
{
    m_skippedRows->setVisible(count > 0);
    if (count > 0)
        m_skippedRows->setText(tr("%1 skipped — details…").arg(uitext::count(QLocale(), count, tr("row"), tr("rows"))));
}

void WindowStatusBar::setLibrarySummary(const QString &text)
{
    m_summary->setText(text);
    m_summary->setVisible(!text.isEmpty());
}

void WindowStatusBar::setAccount(const QString &text)
{
    m_account->setText(text);
    m_account->setVisible(!text.isEmpty());
}

}  // namespace encore
