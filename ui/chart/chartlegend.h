#pragma once

#include <QColor>
#include <QPixmap>
#include <QString>
#include <QWidget>

#include <array>
#include <vector>

class QLabel;

namespace encore {

class ElidedLabel;

// The chart's legend: a row for each colour of bars, saying whose they are (elided to fit, in full
// in the tooltip) and what bars cannot show: the key with its Camelot code, the tempo in BPM and
// the loudness in dB. Tempo and loudness give way when the names would not fit and get less than
// half the width (the chart's tooltips still have them). Each row may show its song's cover.
class ChartLegend : public QWidget {
    Q_OBJECT

public:
    struct Entry {
        QColor color;
        QString name;  // "Seed: Alpha by Ann"
        QString key;   // "A minor (8A)"
        QString keyToolTip;
        QString tempo;     // "124 BPM"
        QString loudness;  // "-4.0 dB"
    };
    static constexpr int kMaxEntries = 2;

    explicit ChartLegend(QWidget *parent = nullptr);

    // Shows the first kMaxEntries of `entries`; none hides the legend.
    void setEntries(const std::vector<Entry> &entries);
    // `cover` beside the entry at `index` (a null pixmap: none), in a square of coverSize().
    void setCover(int index, const QPixmap &cover);
    int coverSize() const;
    // One line per entry, "■ Seed: Alpha by Ann · A minor (8A) · 124 BPM · -4.0 dB", in full.
    QString text() const;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    struct Row {
        QLabel *cover;
        QLabel *swatch;
        ElidedLabel *name;
        QLabel *key;
        QLabel *tempo;
        QLabel *loudness;
    };

    void fitColumns();

    std::array<Row, kMaxEntries> m_rows;
    std::vector<Entry> m_entries;
};

}  // namespace encore
