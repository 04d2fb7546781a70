#pragma once

#include <QLabel>

namespace encore {

// A one-line label that shows as much of its text as fits, ending in "…", and all of it in its
// tooltip and to screen readers. It asks for no more width than a few letters, so a long title
// never widens a pane, and for its whole text as its size hint, so it gets that when there is room.
class ElidedLabel : public QLabel {
    Q_OBJECT

public:
    explicit ElidedLabel(QWidget *parent = nullptr);

    // Shows `text`, shortened as needed; `note`, if any, follows it in the tooltip.
    void setFullText(const QString &text, const QString &note = {});
    const QString &fullText() const { return m_fullText; }

    QSize minimumSizeHint() const override;
    QSize sizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void elide();

    QString m_fullText;
};

}  // namespace encore
