// The window's layout at laptop size (1024×640, and the 960×600 minimum), 1920×1080 and 4K, with
// the real catalog and a seed: no widget is cut off by its parent, no two widgets of one layout
// overlap, no button or one-line label gets less width than its text needs, and both tables
// show every column they show by default without scrolling sideways. Geometry, not pixels; with
// ENCORE_SCREENSHOT_DIR set, each window is also saved there as a PNG to look at.

#include "library/libraryview.h"
#include "mainwindow.h"

#include "testsupport.h"
#include "ui/widgettesting.h"

#include "spotify/secretstore.h"
#include "spotify/spotifyaccount.h"

#include <QAbstractButton>
#include <QAbstractScrollArea>
#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QLayout>
#include <QScrollArea>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitterHandle>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace encore;
using encore::test::child;

namespace {

constexpr int kImportTimeoutMs = 180'000;
constexpr int kRankTimeoutMs = 20'000;

QString describe(const QWidget *widget)
{
    QString name = QString::fromLatin1(widget->metaObject()->className());
    for (const QWidget *w = widget; w; w = w->parentWidget())
        if (!w->objectName().isEmpty() && !w->objectName().startsWith(QLatin1String("qt_")))
            return name + u'#' + w->objectName();
    return name;
}

// Inside a scroll area's viewport, content may be larger than what shows: that is scrolling.
bool isScrolledContent(const QWidget *widget)
{
    for (const QWidget *w = widget->parentWidget(); w; w = w->parentWidget())
        if (auto *area = qobject_cast<const QAbstractScrollArea *>(w->parentWidget()); area && area->viewport() == w)
            return true;
    return false;
}

// Qt's own insides of a composite widget (a spin box's line edit, a scroll bar's container) are
// laid out by the composite itself.
bool isInternal(const QWidget *widget)
{
    for (const QWidget *w = widget; w; w = w->parentWidget())
        if (w->objectName().startsWith(QLatin1String("qt_")))
            return true;
    return false;
}

// What is wrong with the window's layout, one line each.
QStringList layoutProblems(const QWidget &window)
{
    QStringList problems;
    const QList<QWidget *> widgets = window.findChildren<QWidget *>();
    for (QWidget *widget : widgets) {
        if (!widget->isVisible() || widget->isWindow() || isScrolledContent(widget) || isInternal(widget))
            continue;
        const QWidget *parent = widget->parentWidget();
        if (!parent->rect().contains(widget->geometry()))
            problems << QStringLiteral("%1 is cut off by %2: %3 outside %4x%5")
                            .arg(describe(widget), describe(parent))
                            .arg(QString::number(widget->geometry().x()) + u','
                                 + QString::number(widget->geometry().y()) + u' ' + QString::number(widget->width())
                                 + u'x' + QString::number(widget->height()))
                            .arg(parent->width())
                            .arg(parent->height());

        const bool ignoresWidth = widget->sizePolicy().horizontalPolicy() == QSizePolicy::Ignored;
        if (auto *button = qobject_cast<QAbstractButton *>(widget);
            button && !button->text().isEmpty() && !ignoresWidth && button->width() < button->sizeHint().width())
            problems << QStringLiteral("%1 is too narrow for “%2”: %3 < %4")
                            .arg(describe(button), button->text())
                            .arg(button->width())
                            .arg(button->sizeHint().width());
        if (auto *label = qobject_cast<QLabel *>(widget); label && !label->text().isEmpty() && !ignoresWidth) {
            if (!label->wordWrap() && label->width() < label->minimumSizeHint().width())
                problems << QStringLiteral("%1 cuts “%2”").arg(describe(label), label->text());
            if (label->wordWrap() && label->height() < label->heightForWidth(label->width()))
                problems << QStringLiteral("%1 is too short for “%2”").arg(describe(label), label->text());
        }

        // What a scroll area that never scrolls sideways holds must fit its width.
        if (auto *area = qobject_cast<QScrollArea *>(widget); area
            && area->horizontalScrollBarPolicy() == Qt::ScrollBarAlwaysOff && area->widget()
            && area->widget()->minimumSizeHint().width() > area->viewport()->width())
            problems << QStringLiteral("%1 cuts its content: %2 < %3")
                            .arg(describe(area))
                            .arg(area->viewport()->width())
                            .arg(area->widget()->minimumSizeHint().width());

        // Siblings in one layout never overlap (a splitter's handles are drawn between them).
        if (!parent->layout() || qobject_cast<QSplitterHandle *>(widget))
            continue;
        for (QWidget *other : widgets) {
            if (other == widget || other->parentWidget() != parent || !other->isVisible() || other->isWindow()
                || isInternal(other) || qobject_cast<QSplitterHandle *>(other) || other < widget)
                continue;
            if (widget->geometry().intersects(other->geometry()))
                problems << QStringLiteral("%1 overlaps %2").arg(describe(widget), describe(other));
        }
    }
    return problems;
}

// How far the visible columns reach beyond the table's viewport (0 when all show).
int overflow(const QTableView &table)
{
    int total = 0;
    const QHeaderView *header = table.horizontalHeader();
    for (int section = 0; section < header->count(); ++section)
        if (!header->isSectionHidden(section))
            total += header->sectionSize(section);
    return std::max(0, total - table.viewport()->width());
}

QString columnWidths(const QTableView &table)
{
    QStringList widths;
    const QHeaderView *header = table.horizontalHeader();
    for (int section = 0; section < header->count(); ++section)
        if (!header->isSectionHidden(section))
            widths << QStringLiteral("%1 %2")
                          .arg(table.model()->headerData(section, Qt::Horizontal).toString())
                          .arg(header->sectionSize(section));
    return QStringLiteral("columns (%1 wide): %2").arg(table.viewport()->width()).arg(widths.join(u", "));
}

}  // namespace

class TestWindowLayout : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<SpotifyAccount> m_account;

    QString libraryPath() const { return m_dir.filePath(QStringLiteral("library.sqlite")); }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        qputenv("ENCORE_DEEZER_URL", "http://127.0.0.1:9");  // previews: none, quickly
        qputenv("ENCORE_ITUNES_URL", "http://127.0.0.1:9");
        QVERIFY(m_dir.isValid());
        const QString catalog = test::realCatalogPath();
        ENCORE_REQUIRE_FILE(catalog);
        m_settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        m_account = std::make_unique<SpotifyAccount>(*m_settings, SecretStore::Backend::Memory);

        MainWindow window(libraryPath(), *m_settings, *m_account);
        QSignalSpy imported(&window, &MainWindow::importFinished);
        window.openCatalog(catalog);
        QTRY_VERIFY_WITH_TIMEOUT(imported.count() == 1, kImportTimeoutMs);
        QVERIFY(imported.first().first().toBool());
    }

    void holdsAtEverySize_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<bool>("rankingShown");
        QTest::newRow("960x600, ranking folded") << QSize(960, 600) << false;
        QTest::newRow("1024x640, ranking folded") << QSize(1024, 640) << false;
        QTest::newRow("1024x640, ranking shown") << QSize(1024, 640) << true;
        QTest::newRow("1920x1080, ranking shown") << QSize(1920, 1080) << true;
        QTest::newRow("3840x2160, ranking shown") << QSize(3840, 2160) << true;
    }

    void holdsAtEverySize()
    {
        QFETCH(QSize, size);
        QFETCH(bool, rankingShown);
        // A session as a user leaves it: "Pop Hits 2000-2019" shown, "Rolling In The Deep" the
        // seed; the window at this size for the first time (no saved splitters).
        m_settings->clear();
        m_settings->setValue(QStringLiteral("session/playlistId"), QStringLiteral("6mtYuOxzl58vSGnEDtZ9uB"));
        m_settings->setValue(QStringLiteral("session/seedPlaylistId"), QStringLiteral("6mtYuOxzl58vSGnEDtZ9uB"));
        m_settings->setValue(QStringLiteral("session/seedTrackId"), QStringLiteral("2GblQ918RbkOs4Yo1Rpkcj"));
        m_settings->setValue(QStringLiteral("window/rankingShown"), rankingShown);

        MainWindow window(libraryPath(), *m_settings, *m_account);
        QSignalSpy ranked(&window, &MainWindow::recommendationsChanged);
        window.resize(size);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY_WITH_TIMEOUT(ranked.count() >= 1, kRankTimeoutMs);
        QTest::qWait(100);  // the columns fit once the rows are in
        QCOMPARE(window.size(), size);

        if (const QByteArray dir = qgetenv("ENCORE_SCREENSHOT_DIR"); !dir.isEmpty())
            window.grab().save(QString::fromLocal8Bit(dir)
                               + QStringLiteral("/layout-%1x%2-%3.png")
                                     .arg(size.width())
                                     .arg(size.height())
                                     .arg(rankingShown ? u"shown" : u"folded"));

        const QStringList problems = layoutProblems(window);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));

        auto *recommendations = child<QTableView>(window, "recommendationView");
        QVERIFY(recommendations->model()->rowCount() > 0);
        QCOMPARE(overflow(*recommendations), 0);
        QVERIFY(recommendations->columnWidth(4) >= 140);  // Why
        auto *tracks = child<QTableView>(window, "trackView");
        QVERIFY2(overflow(*tracks) == 0, qPrintable(columnWidths(*tracks)));
        QVERIFY(tracks->columnWidth(1) >= 100);  // Title
        QVERIFY(child<QWidget>(window, "rankingControlsScroll")->isVisible() == rankingShown);
    }
};

QTEST_MAIN(TestWindowLayout)
#include "tst_windowlayout.moc"
