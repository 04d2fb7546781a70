#include "common/icons.h"
#include "mainwindow.h"
#include "spotify/spotifyaccount.h"
#include "storage/librarydb.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QSettings>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Encore"));
    QApplication::setApplicationName(QStringLiteral("Encore"));
    QApplication::setApplicationDisplayName(QStringLiteral("Encore"));
    QApplication::setApplicationVersion(QStringLiteral(ENCORE_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral("encore"));
    QApplication::setWindowIcon(encore::icons::app());

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Finds what to play next."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("catalog"),
                                 QStringLiteral("A catalog file (.csv or .csv.gz) to import at start."),
                                 QStringLiteral("[catalog]"));
    parser.process(app);

    QSettings settings;
    encore::SpotifyAccount account(settings);
    encore::MainWindow window(encore::LibraryDb::defaultPath(), settings, account);
    window.show();
    if (const QStringList files = parser.positionalArguments(); !files.isEmpty())
        window.openCatalog(files.constFirst());

    return QApplication::exec();
}
