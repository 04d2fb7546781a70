#include "chart/featurechart.h"
#include "common/itemroles.h"
#include "mainwindow.h"
#include "spotify/spotifyaccount.h"
#include "util/translations.h"

#include "testsupport.h"
#include "ui/widgettesting.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QXmlStreamReader>

#include <algorithm>
#include <memory>
#include <set>

using namespace encore;
using encore::test::child;

namespace {

constexpr int kTimeoutMs = 60'000;

// Words that are the same in both languages, or names: never a sign of English left over.
const QStringList kAllowed = {QStringLiteral("Spotify"),    QStringLiteral("Deezer"),      QStringLiteral("iTunes"),
                              QStringLiteral("ReccoBeats"), QStringLiteral("TidyTuesday"), QStringLiteral("Encore"),
                              QStringLiteral("BPM"),        QStringLiteral("dB"),          QStringLiteral("Qt"),
                              QStringLiteral("README"),     QStringLiteral("CSV"),         QStringLiteral("JSON"),
                              QStringLiteral("M3U8"),       QStringLiteral("ISRC")};

QStringList words(const QString &text)
{
    static const QRegularExpression word(QStringLiteral("\\p{L}{2,}"));
    QStringList found;
    for (auto it = word.globalMatch(text); it.hasNext();)
        found << it.next().captured().toLower();
    return found;
}

// The English words of the translation file: in its source texts and in none of its German
// ones (so "Playlist" and "Album", German too, are not among them). Markup is left out.
std::set<QString> englishOnlyWords(const QString &tsPath)
{
    QFile file(tsPath);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(tsPath));
    static const QRegularExpression markup(QStringLiteral("<[^>]*>|&[a-z]+;|https?://\\S+"));
    std::set<QString> english;
    std::set<QString> german;
    QXmlStreamReader xml(&file);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        const bool source = xml.name() == QLatin1String("source");
        if (!source && xml.name() != QLatin1String("translation") && xml.name() != QLatin1String("numerusform"))
            continue;
        const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements).remove(markup);
        for (const QString &w : words(text))
            (source ? english : german).insert(w);
    }
    for (const QString &w : german)
        english.erase(w);
    for (const QString &w : kAllowed)
        english.erase(w.toLower());
    return english;
}

// The titles, artists, albums and playlist names of a catalog: data, in whatever language.
QStringList catalogStrings(const QString &csvPath)
{
    QFile file(csvPath);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(csvPath));
    const QStringList header = QString::fromUtf8(file.readLine()).trimmed().split(u',');
    const QList<qsizetype> columns = {
        header.indexOf(QStringLiteral("track_name")), header.indexOf(QStringLiteral("track_artist")),
        header.indexOf(QStringLiteral("track_album_name")), header.indexOf(QStringLiteral("playlist_name")),
        header.indexOf(QStringLiteral("playlist_genre"))};
    QStringList strings;
    while (!file.atEnd()) {
        const QStringList cells = QString::fromUtf8(file.readLine()).trimmed().split(u',');
        for (qsizetype column : columns)
            strings << cells.value(column);
    }
    strings.removeDuplicates();
    strings.removeAll(QString());
    // Longest first, so "Rock song 23" goes before "Rock song 2" would leave a "3".
    std::sort(strings.begin(), strings.end(), [](const QString &a, const QString &b) { return a.size() > b.size(); });
    return strings;
}

void addActionTexts(const QList<QAction *> &actions, QStringList &texts)
{
    for (QAction *action : actions) {
        texts << action->text() << action->toolTip() << action->statusTip();
        if (action->menu())
            addActionTexts(action->menu()->actions(), texts);
    }
}

void addViewTexts(const QAbstractItemView &view, QStringList &texts)
{
    const QAbstractItemModel *model = view.model();
    if (!model)
        return;
    for (int column = 0; column < model->columnCount(); ++column) {
        texts << model->headerData(column, Qt::Horizontal).toString()
              << model->headerData(column, Qt::Horizontal, Qt::ToolTipRole).toString();
        for (int row = 0; row < std::min(model->rowCount(), 30); ++row) {
            const QModelIndex index = model->index(row, column);
            texts << index.data().toString() << index.data(Qt::ToolTipRole).toString();
        }
    }
}

// Every text a person can see in `root` and the visible windows it owns: labels, buttons,
// fields, group boxes, combo boxes, views' headers and cells, menus, window titles.
QStringList visibleTexts(const QWidget &root)
{
    QStringList texts{root.windowTitle()};
    QList<QWidget *> widgets = root.findChildren<QWidget *>();
    for (QWidget *widget : std::as_const(widgets)) {
        if (!widget->isVisible())
            continue;
        texts << widget->toolTip() << widget->accessibleName();
        if (widget->isWindow())
            texts << widget->windowTitle();
        if (auto *label = qobject_cast<QLabel *>(widget))
            texts << label->text();
        else if (auto *button = qobject_cast<QAbstractButton *>(widget))
            texts << button->text();
        else if (auto *edit = qobject_cast<QLineEdit *>(widget))
            texts << edit->placeholderText();
        else if (auto *group = qobject_cast<QGroupBox *>(widget))
            texts << group->title();
        else if (auto *combo = qobject_cast<QComboBox *>(widget)) {
            for (int i = 0; i < combo->count(); ++i)
                texts << combo->itemText(i) << combo->itemData(i, Qt::ToolTipRole).toString();
        } else if (auto *browser = qobject_cast<QTextBrowser *>(widget))
            texts << browser->toPlainText();
        else if (auto *view = qobject_cast<QAbstractItemView *>(widget))
            addViewTexts(*view, texts);
        else if (auto *chart = qobject_cast<FeatureChart *>(widget))
            texts << chart->legendText() << chart->captionText();
        addActionTexts(widget->actions(), texts);
    }
    return texts;
}

}  // namespace

// The window in German, page by page: no English word may be left in what it shows.
class TestGermanWindow : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<SpotifyAccount> m_account;
    std::unique_ptr<MainWindow> m_window;
    std::set<QString> m_english;
    QStringList m_data;

    // Fails with each English word of `page` and the text it is in.
    void checkGerman(const QWidget &root, const char *page)
    {
        static const QRegularExpression markup(QStringLiteral("<[^>]*>|&[a-z]+;|https?://\\S+"));
        QStringList leftOver;
        for (QString text : visibleTexts(root)) {
            text.remove(markup);
            for (const QString &data : std::as_const(m_data))
                text.remove(data);
            for (const QString &w : words(text)) {
                if (m_english.count(w))
                    leftOver << QStringLiteral("“%1” in “%2”").arg(w, text.simplified().left(120));
            }
        }
        leftOver.removeDuplicates();
        QVERIFY2(leftOver.isEmpty(),
                 qPrintable(QStringLiteral("English on the %1: %2").arg(QLatin1String(page), leftOver.join(u'\n'))));
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        installTranslations(QLocale(QLocale::German, QLocale::Germany));
        m_english = englishOnlyWords(QStringLiteral(ENCORE_TRANSLATIONS_DIR "/encore_de.ts"));
        QVERIFY(m_english.count(QStringLiteral("the")));  // the list is the English of the sources
        m_data = catalogStrings(QStringLiteral(ENCORE_TEST_DATA "/planted_playlists.csv"));
        QVERIFY(m_dir.isValid());
        m_settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        m_account = std::make_unique<SpotifyAccount>(*m_settings, SecretStore::Backend::Memory);
        m_window =
            std::make_unique<MainWindow>(m_dir.filePath(QStringLiteral("library.sqlite")), *m_settings, *m_account);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void welcomePage()
    {
        QCOMPARE(child<QStackedWidget>(*m_window, "pages")->currentWidget()->objectName(),
                 QStringLiteral("welcomeView"));
        QCOMPARE(child<QPushButton>(*m_window, "openCatalogButton")->text().isEmpty(), false);
        checkGerman(*m_window, "welcome page");
    }

    void libraryAndRanking()
    {
        QSignalSpy finished(m_window.get(), &MainWindow::importFinished);
        m_window->openCatalog(QStringLiteral(ENCORE_TEST_DATA "/planted_playlists.csv"));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kTimeoutMs);
        QCOMPARE(finished.at(0).at(0).toBool(), true);
        QCOMPARE(child<QStackedWidget>(*m_window, "pages")->currentWidget()->objectName(), QStringLiteral("mainView"));
        checkGerman(*m_window, "library page");

        auto *tracks = child<QTableView>(*m_window, "trackView");
        QModelIndex seed;
        for (int row = 0; row < tracks->model()->rowCount() && !seed.isValid(); ++row) {
            if (tracks->model()->index(row, 0).data(roles::HasFeatures).toBool())
                seed = tracks->model()->index(row, 1);
        }
        QVERIFY(seed.isValid());
        QSignalSpy ranked(m_window.get(), &MainWindow::recommendationsChanged);
        tracks->setFocus();
        tracks->setCurrentIndex(seed);
        QTest::keyClick(tracks, Qt::Key_Return);
        auto *recommendations = child<QTableView>(*m_window, "recommendationView");
        QTRY_VERIFY_WITH_TIMEOUT(ranked.count() >= 1, kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(recommendations->model()->rowCount() > 0, kTimeoutMs);
        checkGerman(*m_window, "ranking panel");
    }

    void helpPagesAndDialogs()
    {
        for (const char *action : {"usingEncoreAction", "shortcutsAction", "aboutAction"})
            child<QAction>(*m_window, action)->trigger();
        child<QAction>(*m_window, "signInAction")->trigger();
        for (QWidget *window : QApplication::topLevelWidgets()) {
            if (window != m_window.get() && window->isVisible())
                checkGerman(*window, qPrintable(window->objectName()));
        }
        QVERIFY(child<QWidget>(*m_window, "aboutDialog")->isVisible());
        QVERIFY(child<QWidget>(*m_window, "spotifySignInDialog")->isVisible());
    }
};

QTEST_MAIN(TestGermanWindow)
#include "tst_germanwindow.moc"
