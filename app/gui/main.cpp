#include "common/icons.h"
#include "mainwindow.h"
#include "spotify/spotifyaccount.h"
#include "storage/librarydb.h"
#include "util/translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QSettings>

namespace {

struct Options {
    QCommandLineOption help;
    QCommandLineOption version;
    QCommandLineOption openCatalog{QStringLiteral("open-catalog"),
                                   QCoreApplication::translate("encore::main", "Show the Open catalog dialog.")};
    QCommandLineOption starter{QStringLiteral("starter"),
                               QCoreApplication::translate("encore::main", "Download and import the starter catalog.")};
};

Options describeOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(QCoreApplication::translate("encore::main",
                                                                 "Finds what to play next. Opens the library with the "
                                                                 "playlist and seed of the last run."));
    Options options{parser.addHelpOption(), parser.addVersionOption()};
    parser.addOption(options.openCatalog);
    parser.addOption(options.starter);
    parser.addPositionalArgument(
        QStringLiteral("files"),
        QCoreApplication::translate("encore::main", "Catalog files (.csv or .csv.gz) to import, one after the other."),
        //: The placeholder for file names in the usage line
        QCoreApplication::translate("encore::main", "[FILE...]"));
    return options;
}

// --help and --version are answered before QApplication is made, since it needs a display and
// they are asked where there may be none. Other mistakes wait for QApplication, which first takes
// its own options (-platform, -style, …) out of the arguments. The help is described again once
// the translations are in.
void answerOnTerminal(int &argc, char **argv)
{
    QCommandLineParser parser;
    const Options options = describeOptions(parser);
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    (void)parser.parse(arguments);
    if (!parser.isSet(options.help) && !parser.isSet(options.version) && !parser.isSet(QStringLiteral("help-all")))
        return;
    QCoreApplication app(argc, argv);
    encore::installTranslations();
    QCommandLineParser translated;
    describeOptions(translated);
    translated.process(app);  // prints the help or the version, and exits
}

// Imports `files` one at a time, each once the one before it has finished.
void importInTurn(encore::MainWindow &window, QStringList files)
{
    if (files.isEmpty())
        return;
    auto pending = std::make_shared<QStringList>(std::move(files));
    window.openCatalog(pending->takeFirst());
    QObject::connect(&window, &encore::MainWindow::importFinished, &window, [&window, pending] {
        if (!pending->isEmpty())
            window.openCatalog(pending->takeFirst());
    });
}

}  // namespace

int main(int argc, char *argv[])
{
    QCoreApplication::setOrganizationName(QStringLiteral("Encore"));
    QCoreApplication::setApplicationName(QStringLiteral("Encore"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ENCORE_VERSION));
    answerOnTerminal(argc, argv);

    QApplication app(argc, argv);
    encore::installTranslations();
    QCommandLineParser parser;
    const Options options = describeOptions(parser);
    QApplication::setApplicationDisplayName(QStringLiteral("Encore"));
    QGuiApplication::setDesktopFileName(QStringLiteral(ENCORE_APP_ID));
    QApplication::setWindowIcon(encore::icons::app());
    parser.process(app);

    QSettings settings;
    encore::SpotifyAccount account(settings);
    encore::MainWindow window(encore::LibraryDb::defaultPath(), settings, account);
    window.show();
    importInTurn(window, parser.positionalArguments());
    if (parser.isSet(options.starter))
        window.getStarterCatalog();
    if (parser.isSet(options.openCatalog))
        window.showOpenCatalogDialog();

    return QApplication::exec();
}
