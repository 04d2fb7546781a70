#include "help/helpmenu.h"
#include "help/helppage.h"
#include "help/shortcutsdialog.h"
#include "help/shortcuttablemodel.h"
#include "ui/widgettesting.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>

#include <memory>

using namespace encore;
using encore::test::child;
using Row = ShortcutTableModel::Row;

namespace {

QString native(const QKeySequence &keys)
{
    return keys.toString(QKeySequence::NativeText);
}

// A window like Encore's: a menu with a submenu, an action without a shortcut, one on a pane and
// one in two menus, then the Help menu.
std::unique_ptr<QMainWindow> makeWindow()
{
    auto window = std::make_unique<QMainWindow>();
    QMenu *file = window->menuBar()->addMenu(QStringLiteral("&File"));
    file->addAction(QStringLiteral("&Open catalog…"))->setShortcut(QKeySequence::Open);
    file->addAction(QStringLiteral("&Nothing to press"));
    QMenu *recent = file->addMenu(QStringLiteral("&Recent"));
    recent->addAction(QStringLiteral("Rock && &Roll"))->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    file->addSeparator();

    auto *pane = new QWidget(window.get());
    window->setCentralWidget(pane);
    auto *like = new QAction(QStringLiteral("&Like"), pane);
    like->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_L), QKeySequence(Qt::Key_L)});
    pane->addAction(like);
    auto *exportAction = new QAction(QStringLiteral("&Export…"), pane);
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    pane->addAction(exportAction);
    file->addAction(exportAction);
    window->menuBar()->addMenu(QStringLiteral("&Edit"))->addAction(exportAction);

    addHelpMenu(*window);
    return window;
}

}  // namespace

namespace QTest {
template <>
char *toString(const Row &row)
{
    return qstrdup(qPrintable(row.menu + QLatin1String(" | ") + row.action + QLatin1String(" | ") + row.shortcut));
}
}  // namespace QTest

class TestHelp : public QObject {
    Q_OBJECT

private slots:
    void withoutMnemonic_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("plain");
        QTest::newRow("mnemonic") << "&Open catalog…"
                                  << "Open catalog…";
        QTest::newRow("none") << "Copy as text"
                              << "Copy as text";
        QTest::newRow("literal ampersand") << "Rock && &Roll"
                                           << "Rock & Roll";
        QTest::newRow("last character") << "Odd&"
                                        << "Odd";
    }

    void withoutMnemonic()
    {
        QFETCH(QString, text);
        QFETCH(QString, plain);
        QCOMPARE(ShortcutTableModel::withoutMnemonic(text), plain);
    }

    void modelListsEveryActionWithAShortcut()
    {
        const auto window = makeWindow();
        ShortcutTableModel model(*window);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QList<Row> expected{
            {QStringLiteral("File"), QStringLiteral("Open catalog…"), native(QKeySequence::Open)},
            {QStringLiteral("File"), QStringLiteral("Rock & Roll"), native(QKeySequence(Qt::CTRL | Qt::Key_1))},
            {QStringLiteral("File"), QStringLiteral("Export…"), native(QKeySequence(Qt::CTRL | Qt::Key_E))},
            {QStringLiteral("Help"), QStringLiteral("Using Encore"), native(QKeySequence::HelpContents)},
            {QStringLiteral("Help"), QStringLiteral("Keyboard Shortcuts"),
             native(QKeySequence(Qt::CTRL | Qt::Key_Slash))},
            {QStringLiteral("Help"), QStringLiteral("About Encore"), native(QKeySequence(Qt::CTRL | Qt::Key_F1))},
            {QStringLiteral("Help"), QStringLiteral("About Qt"),
             native(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F1))},
            {QStringLiteral("Window"), QStringLiteral("Like"),
             native(QKeySequence(Qt::CTRL | Qt::Key_L)) + QStringLiteral(", ") + native(QKeySequence(Qt::Key_L))},
        };
        QCOMPARE(model.rows(), expected);
        QCOMPARE(model.columnCount(), 3);
        QCOMPARE(model.index(0, int(ShortcutTableModel::Column::Shortcut)).data().toString(),
                 native(QKeySequence::Open));
        QCOMPARE(model.headerData(int(ShortcutTableModel::Column::Action), Qt::Horizontal).toString(),
                 QStringLiteral("Action"));
    }

    void shortcutsDialogSortsAndSearches()
    {
        const auto window = makeWindow();
        child<QAction>(*window, "shortcutsAction")->trigger();
        auto *dialog = child<ShortcutsDialog>(*window, "shortcutsDialog");
        QVERIFY(dialog->isVisible());
        auto *table = child<QTableView>(*dialog, "shortcutTable");
        QAbstractItemModel *shown = table->model();
        QCOMPARE(shown->rowCount(), 8);
        QVERIFY(table->isSortingEnabled());

        table->sortByColumn(int(ShortcutTableModel::Column::Action), Qt::AscendingOrder);
        QCOMPARE(shown->index(0, int(ShortcutTableModel::Column::Action)).data().toString(),
                 QStringLiteral("About Encore"));

        child<QLineEdit>(*dialog, "shortcutSearch")->setText(QStringLiteral("like"));
        QCOMPARE(shown->rowCount(), 1);
        QCOMPARE(shown->index(0, int(ShortcutTableModel::Column::Menu)).data().toString(), QStringLiteral("Window"));

        // Asked for again, the same dialog comes back.
        child<QAction>(*window, "shortcutsAction")->trigger();
        QCOMPARE(window->findChildren<ShortcutsDialog *>().size(), 1);
    }

    void aboutNamesVersionLicencesAndSources()
    {
        QCoreApplication::setApplicationVersion(QStringLiteral("9.8.7"));
        const auto window = makeWindow();
        QAction *about = child<QAction>(*window, "aboutAction");
        QCOMPARE(about->menuRole(), QAction::AboutRole);
        about->trigger();
        auto *dialog = child<HelpPageDialog>(*window, "aboutDialog");
        QVERIFY(dialog->isVisible());
        const QString text = child<QTextBrowser>(*dialog, "helpPageText")->toPlainText();
        QVERIFY2(text.contains(QStringLiteral("Encore 9.8.7")), qPrintable(text));
        for (const char *expected :
             {"Qt 6", "LGPL-3.0", "Qt Charts: GPL-3.0", "QtKeychain: BSD-2-Clause", "Eigen: MPL-2.0", "zlib: Zlib",
              "libebur128: MIT", "Boost (Sort): BSL-1.0", "Spotify Web API", "ReccoBeats", "Deezer API",
              "iTunes Search API", "TidyTuesday", "not affiliated with"}) {
            QVERIFY2(text.contains(QLatin1String(expected)), expected);
        }
    }

    void usingEncoreOpensWithF1()
    {
        const auto window = makeWindow();
        window->show();
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        QVERIFY(!window->findChild<HelpPageDialog *>(QStringLiteral("usingEncoreDialog")));
        QTest::keyClick(window.get(), Qt::Key_F1);
        auto *dialog = window->findChild<HelpPageDialog *>(QStringLiteral("usingEncoreDialog"));
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        const QString text = child<QTextBrowser>(*dialog, "helpPageText")->toPlainText();
        for (const char *step :
             {"Open catalog", "Sign in", "seed", "chart", "preview", "Like", "Dislike", "Export", "Save to Spotify"})
            QVERIFY2(text.contains(QLatin1String(step)), step);
    }
};

QTEST_MAIN(TestHelp)
#include "tst_help.moc"
