#include "importprogresswidget.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>

namespace encore {

ImportProgressWidget::ImportProgressWidget(QWidget *parent)
    : QWidget(parent),
      m_label(new QLabel(this)),
      m_bar(new QProgressBar(this)),
      m_cancel(new QPushButton(tr("Cancel"), this))
{
    setObjectName(QStringLiteral("importProgress"));
    m_bar->setObjectName(QStringLiteral("importProgressBar"));
    m_bar->setFixedWidth(180);
    m_bar->setRange(0, 1000);
    m_bar->setTextVisible(false);
    m_cancel->setObjectName(QStringLiteral("cancelImportButton"));
    m_cancel->setToolTip(tr("Stop the import; the library stays as it was"));
    m_cancel->setAutoDefault(false);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_bar);
    layout->addWidget(m_cancel);

    connect(m_cancel, &QPushButton::clicked, this, &ImportProgressWidget::cancelRequested);
}

void ImportProgressWidget::start(const QString &fileName)
{
    m_fileName = fileName;
    m_label->setText(tr("Importing %1…").arg(fileName));
    m_bar->setRange(0, 1000);
    m_bar->setValue(0);
    m_cancel->setEnabled(true);
}

void ImportProgressWidget::setBytes(qint64 done, qint64 total)
{
    if (total <= 0) {
        m_bar->setRange(0, 0);
        return;
    }
    const QLocale locale;
    m_bar->setRange(0, 1000);
    m_bar->setValue(static_cast<int>(std::min<qint64>(done, total) * 1000 / total));
    m_label->setText(tr("Importing %1: %2 of %3")
                         .arg(m_fileName,
                              locale.formattedDataSize(done, 1, QLocale::DataSizeTraditionalFormat),
                              locale.formattedDataSize(total, 1, QLocale::DataSizeTraditionalFormat)));
}

void ImportProgressWidget::setBusy(const QString &text)
{
    m_label->setText(text);
    m_bar->setRange(0, 0);
    m_cancel->setEnabled(false);
}

}  // namespace encore
