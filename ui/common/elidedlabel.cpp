#include "elidedlabel.h"

#include <cmath>

namespace encore {

ElidedLabel::ElidedLabel(QWidget *parent) : QLabel(parent)
{
    setTextFormat(Qt::PlainText);
    setWordWrap(false);
}

void ElidedLabel::setFullText(const QString &text, const QString &note)
{
    m_fullText = text;
    setToolTip(note.isEmpty() || text.isEmpty() ? text : text + QStringLiteral("\n\n") + note);
    setAccessibleName(text);
    updateGeometry();
    elide();
}

QSize ElidedLabel::minimumSizeHint() const
{
    return {fontMetrics().horizontalAdvance(QStringLiteral("Abc…")), QLabel::minimumSizeHint().height()};
}

QSize ElidedLabel::sizeHint() const
{
    // Rounded up, or the last letter would give way to "…".
    const auto width = static_cast<int>(std::ceil(QFontMetricsF(font()).horizontalAdvance(m_fullText)));
    return {width + 1, QLabel::sizeHint().height()};
}

void ElidedLabel::resizeEvent(QResizeEvent *event)
{
    QLabel::resizeEvent(event);
    elide();
}

void ElidedLabel::elide()
{
    setText(fontMetrics().elidedText(m_fullText, Qt::ElideRight, contentsRect().width()));
}

}  // namespace encore
