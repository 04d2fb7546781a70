#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace encore {

// Lives in the status bar while a catalog is imported: what is happening, how far (in bytes of
// the file) and a Cancel button.
class ImportProgressWidget : public QWidget {
    Q_OBJECT

public:
    explicit ImportProgressWidget(QWidget *parent = nullptr);

    void start(const QString &fileName);
    // Bytes read so far; a total of 0 shows a busy bar.
    void setBytes(qint64 done, qint64 total);
    // A step after reading (saving, loading) that has no measure: a busy bar and no Cancel.
    void setBusy(const QString &text);

signals:
    void cancelRequested();

private:
    QLabel *m_label;
    QProgressBar *m_bar;
    QPushButton *m_cancel;
    QString m_fileName;
};

}  // namespace encore
