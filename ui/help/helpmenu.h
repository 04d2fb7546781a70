#pragma once

#include <QObject>
#include <QPointer>

class QMainWindow;
class QMenu;

namespace encore {

class HelpPageDialog;
class ShortcutsDialog;

// The Help menu of a main window: Using Encore (F1), Keyboard Shortcuts, About Encore and About
// Qt. Each dialog opens once and comes to the front when asked for again.
class HelpMenu : public QObject {
    Q_OBJECT

public:
    // Adds the menu to the end of `window`'s menu bar; the window owns it.
    explicit HelpMenu(QMainWindow &window);

    void showUsingEncore();
    void showShortcuts();
    void showAbout();

private:
    QMainWindow &m_window;
    QMenu *m_menu = nullptr;
    QPointer<HelpPageDialog> m_usingEncore;
    QPointer<ShortcutsDialog> m_shortcuts;
    QPointer<HelpPageDialog> m_about;
};

// Adds Help to `window`'s menu bar: the one line a main window needs.
HelpMenu *addHelpMenu(QMainWindow &window);

}  // namespace encore
