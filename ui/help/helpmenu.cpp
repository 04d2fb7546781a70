#include "helpmenu.h"

#include "help/helppage.h"
#include "help/shortcutsdialog.h"

#include <QAction>
#include <QApplication>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>

namespace encore {

namespace {

// Shows the dialog `dialog` points to, made by `make` unless it is still open.
template <typename Dialog, typename Make>
void showOnce(QPointer<Dialog> &dialog, Make make)
{
    if (!dialog) {
        dialog = make();
        dialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

}  // namespace

HelpMenu::HelpMenu(QMainWindow &window)
    : QObject(&window), m_window(window), m_menu(window.menuBar()->addMenu(tr("&Help")))
{
    m_menu->setObjectName(QStringLiteral("helpMenu"));
    QAction *usingEncore = m_menu->addAction(tr("&Using Encore"), this, &HelpMenu::showUsingEncore);
    usingEncore->setObjectName(QStringLiteral("usingEncoreAction"));
    usingEncore->setShortcut(QKeySequence::HelpContents);
    QAction *shortcuts = m_menu->addAction(tr("&Keyboard Shortcuts"), this, &HelpMenu::showShortcuts);
    shortcuts->setObjectName(QStringLiteral("shortcutsAction"));
    shortcuts->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Slash));
    m_menu->addSeparator();
    QAction *about = m_menu->addAction(tr("&About Encore"), this, &HelpMenu::showAbout);
    about->setObjectName(QStringLiteral("aboutAction"));
    about->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F1));
    about->setMenuRole(QAction::AboutRole);
    QAction *aboutQt = m_menu->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setObjectName(QStringLiteral("aboutQtAction"));
    aboutQt->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F1));
    aboutQt->setMenuRole(QAction::AboutQtRole);
}

void HelpMenu::showUsingEncore()
{
    showOnce(m_usingEncore, [this] {
        auto *page = new HelpPageDialog(tr("Using Encore"), HelpPageDialog::usingEncoreHtml(), &m_window);
        page->setObjectName(QStringLiteral("usingEncoreDialog"));
        return page;
    });
}

void HelpMenu::showShortcuts()
{
    showOnce(m_shortcuts, [this] { return new ShortcutsDialog(m_window); });
}

void HelpMenu::showAbout()
{
    showOnce(m_about, [this] {
        auto *page = new HelpPageDialog(tr("About Encore"), HelpPageDialog::aboutHtml(), &m_window);
        page->setObjectName(QStringLiteral("aboutDialog"));
        return page;
    });
}

HelpMenu *addHelpMenu(QMainWindow &window)
{
    return new HelpMenu(window);
}

}  // namespace encore
