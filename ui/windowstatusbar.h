#pragma once

#include <QStatusBar>

class QLabel;
class QPushButton;

namespace encore {

class TaskProgressWidget;

// The window's foot: short notices that fade, the progress of each long task with its Cancel
// (the window connects them), the rows the last import skipped one click away, the library's
// counts and the Spotify account signed in.
class WindowStatusBar : public QStatusBar {
    Q_OBJECT

public:
    explicit WindowStatusBar(QWidget *parent = nullptr);

    // Shows `text` for a few seconds.
    void notice(const QString &text);

    TaskProgressWidget *importProgress() const { return m_importProgress; }
    TaskProgressWidget *readProgress() const { return m_readProgress; }
    TaskProgressWidget *featureProgress() const { return m_featureProgress; }
    TaskProgressWidget *discoverProgress() const { return m_discoverProgress; }

    // "3 skipped — details…" after an import that skipped rows; none hides it.
    void setSkippedRows(int count);
    void setLibrarySummary(const QString &text);
    // What the Spotify account is doing; empty hides it.
    void setAccount(const QString &text);

signals:
    void skippedRowsRequested();

private:
    QLabel *m_summary;
    QLabel *m_account;
    TaskProgressWidget *m_importProgress;
    TaskProgressWidget *m_readProgress;
    TaskProgressWidget *m_featureProgress;
    TaskProgressWidget *m_discoverProgress;
    QPushButton *m_skippedRows;
};

}  // namespace encore
