#include "chartlegend.h"

#include "common/elidedlabel.h"

#include <QGridLayout>
#include <QLabel>
#include <QStringList>

#include <algorithm>

namespace encore {

ChartLegend::ChartLegend(QWidget *parent) : QWidget(parent)
{
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(6, 2, 6, 0);
    grid->setHorizontalSpacing(10);
    grid->setVerticalSpacing(1);
    // The names take what they need and give way first; the space left over goes to the right.
    grid->setColumnStretch(6, 1);
    for (int i = 0; i < kMaxEntries; ++i) {
        auto label = [this, i](const char *name, Qt::Alignment alignment) {
            auto *widget = new QLabel(this);
            widget->setObjectName(QStringLiteral("%1%2").arg(QLatin1String(name)).arg(i));
            widget->setAlignment(alignment | Qt::AlignVCenter);
            return widget;
        };
        Row &row = m_rows[static_cast<std::size_t>(i)];
        row.cover = label("legendCover", Qt::AlignLeft);
        row.cover->setFixedSize(coverSize(), coverSize());
        row.cover->hide();
        row.swatch = label("legendSwatch", Qt::AlignLeft);
        row.swatch->setText(QStringLiteral("■"));
        row.name = new ElidedLabel(this);
        row.name->setObjectName(QStringLiteral("legendName%1").arg(i));
        row.key = label("legendKey", Qt::AlignLeft);
        row.tempo = label("legendTempo", Qt::AlignRight);
        row.loudness = label("legendLoudness", Qt::AlignRight);
        grid->addWidget(row.cover, i, 0);
        grid->addWidget(row.swatch, i, 1);
        grid->addWidget(row.name, i, 2);
        grid->addWidget(row.key, i, 3);
        grid->addWidget(row.tempo, i, 4);
        grid->addWidget(row.loudness, i, 5);
    }
    hide();
}

void ChartLegend::setEntries(const std::vector<Entry> &entries)
{
    m_entries.assign(entries.begin(), entries.begin() + std::min<std::ptrdiff_t>(std::ssize(entries), kMaxEntries));
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        const Row &row = m_rows[i];
        const bool shown = i < m_entries.size();
        const Entry entry = shown ? m_entries[i] : Entry{};
        row.swatch->setStyleSheet(QStringLiteral("color: %1").arg(entry.color.name()));
        row.name->setFullText(entry.name);
        row.key->setText(entry.key);
        row.key->setToolTip(entry.keyToolTip);
        row.tempo->setText(entry.tempo);
        row.loudness->setText(entry.loudness);
        for (QWidget *widget : std::initializer_list<QWidget *>{row.swatch, row.name, row.key})
            widget->setVisible(shown);
        row.cover->setVisible(shown && !row.cover->pixmap().isNull());
    }
    setVisible(!m_entries.empty());
    fitColumns();
}

void ChartLegend::setCover(int index, const QPixmap &cover)
{
    const Row &row = m_rows.at(static_cast<std::size_t>(index));
    row.cover->setPixmap(cover);
    row.cover->setVisible(!cover.isNull() && std::size_t(index) < m_entries.size());
    fitColumns();
}

// Two lines high: a cover a glance can tell apart, in a legend that stays a legend.
int ChartLegend::coverSize() const
{
    return 2 * fontMetrics().height();
}

QString ChartLegend::text() const
{
    QStringList lines;
    for (const Entry &entry : m_entries) {
        QStringList parts = {QStringLiteral("■ ") + entry.name};
        for (const QString &fact : {entry.key, entry.tempo, entry.loudness})
            if (!fact.isEmpty())
                parts.push_back(fact);
        lines.push_back(parts.join(QStringLiteral(" · ")));
    }
    return lines.join(u'\n');
}

void ChartLegend::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitColumns();
}

void ChartLegend::fitColumns()
{
    const auto widest = [this](auto Row::*column) {
        int width = 0;
        for (std::size_t i = 0; i < m_entries.size(); ++i)
            width = std::max(width, (m_rows[i].*column)->sizeHint().width());
        return width;
    };
    const auto *grid = static_cast<QGridLayout *>(layout());
    const int covers = m_rows[0].cover->isHidden() ? 0 : coverSize() + grid->horizontalSpacing();
    const int others = covers + widest(&Row::swatch) + widest(&Row::key) + widest(&Row::tempo) + widest(&Row::loudness)
        + 4 * grid->horizontalSpacing() + grid->contentsMargins().left() + grid->contentsMargins().right();
    const bool roomy = width() - others >= std::min(widest(&Row::name), width() / 2);
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        const bool shown = roomy && i < m_entries.size();
        m_rows[i].tempo->setVisible(shown);
        m_rows[i].loudness->setVisible(shown);
    }
}

}  // namespace encore
