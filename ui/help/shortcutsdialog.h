#pragma once

#include <QDialog>

class QMainWindow;

namespace encore {

// Help ▸ Keyboard Shortcuts: the window's shortcuts in a table that sorts by any column and
// filters as you type.
class ShortcutsDialog : public QDialog {
    Q_OBJECT

public:
    explicit ShortcutsDialog(QMainWindow &window);
};

}  // namespace encore
