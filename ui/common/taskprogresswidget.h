#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace encore {

// Lives in the status bar while a long task runs (a catalog import, a playlist read from
// Spotify): what is happening, how far, and a Cancel button.
class TaskProgressWidget : public QWidget {
    Q_OBJECT

public:
    // `cancelToolTip` says what Cancel leaves behind ("the library stays as it was").
    TaskProgressWidget(const QString &cancelToolTip, QWidget *parent = nullptr);

    // Starts over: `text`, an empty bar and Cancel enabled.
    void start(const QString &text);
    // `done` of `total` units; a total of 0 or less shows a busy bar.
    void setProgress(const QString &text, qint64 done, qint64 total);
    // A step that has no measure and cannot be cancelled (saving, loading): a busy bar.
    void setBusy(const QString &text);

signals:
    void cancelRequested();

private:
    QLabel *m_label;
    QProgressBar *m_bar;
    QPushButton *m_cancel;
};

}  // namespace encore
