#pragma once

#include <QObject>

#include <vector>

class QTableView;

namespace encore {

// Keeps a table's columns filling its width, whatever the window's size: the narrow columns
// (numbers, years, durations) at the width their header and shown rows need, the text columns
// sharing what is left by weight, none below its minimum (a horizontal scroll bar then). Hidden
// columns give their share to the others. Fits again when the table is resized, its columns are
// shown or hidden, or its rows change; a column the user drags keeps its width until then.
class ColumnFitter : public QObject {
    Q_OBJECT

public:
    struct Flexible {
        int column = 0;
        int weight = 1;
        int minimumWidth = 60;
    };

    // Fits `view`'s columns from now on; every column not in `flexible` is sized to its content.
    ColumnFitter(QTableView *view, std::vector<Flexible> flexible);

    void fit();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QTableView *m_view;
    std::vector<Flexible> m_flexible;
    bool m_fitting = false;
};

}  // namespace encore
