#include "clirunner.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using encore::test::CliRun;
using encore::test::runCli;

namespace {

// What the encore binary printed and how it ended, run without any display.
struct GuiRun {
    int exitCode = -1;
    QString out;
};

GuiRun runGuiWithoutDisplay(const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        env.remove(QString::fromLatin1(name));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(ENCORE_GUI_PATH), arguments);
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit)
        return {};
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput())};
}

QString readSourceFile(const QString &relativePath)
{
    QFile file(QStringLiteral(ENCORE_SOURCE_DIR "/") + relativePath);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

}  // namespace

// The command lines of encore and encore-cli, and that the README says what they do.
class TestCommandLine : public QObject {
    Q_OBJECT

private slots:
    void encoreAnswersHelpAndVersionWithoutDisplay()
    {
        const GuiRun help = runGuiWithoutDisplay({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        for (const char *expected : {"[FILE...]", "--open-catalog", "--starter", "--version"})
            QVERIFY2(help.out.contains(QLatin1String(expected)), qPrintable(help.out));

        const GuiRun version = runGuiWithoutDisplay({QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        QCOMPARE(version.out, QStringLiteral("Encore " ENCORE_VERSION "\n"));
    }

    // `encore A.csv B.csv` imports both, one after the other (an import refuses to start while
    // another runs), into the library encore-cli reads.
    void encoreImportsEveryFileGiven()
    {
        QTemporaryDir home;
        QVERIFY(home.isValid());
        QStringList files;
        for (const QString &name : {QStringLiteral("Morning"), QStringLiteral("Evening")}) {
            QFile file(home.filePath(name + QStringLiteral(".csv")));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("track_id,track_name,track_artist,danceability,energy,key,loudness,mode,"
                       "speechiness,acousticness,instrumentalness,liveness,valence,tempo\n");
            file.write(QStringLiteral("4uLU6hMCjMI75M1A2tKU%1,%2 song,Artist,0.7,0.8,1,-5,1,0.04,"
                                      "0.1,0,0.1,0.9,113\n")
                           .arg(name.left(2), name)
                           .toUtf8());
            files << file.fileName();
        }
        QProcess encore;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
        encore.setProcessEnvironment(env);
        encore.start(QStringLiteral(ENCORE_GUI_PATH), files);
        QVERIFY(encore.waitForStarted(10000));

        const QHash<QString, QString> cliEnv{{QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data"))}};
        const auto exported = [&](const QString &playlist) {
            const QString output = home.filePath(playlist + QStringLiteral(".json"));
            return runCli({QStringLiteral("export"), playlist, QStringLiteral("--output"), output}, cliEnv).exitCode
                == 0
                && QFile(output).size() > 0;
        };
        const bool bothImported = QTest::qWaitFor(
            [&] { return exported(QStringLiteral("Morning")) && exported(QStringLiteral("Evening")); }, 60000);
        encore.kill();
        encore.waitForFinished(5000);
        QVERIFY2(bothImported, encore.readAllStandardError().constData());
    }

    void cliVersion()
    {
        const CliRun run = runCli({QStringLiteral("--version")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QStringLiteral("encore-cli " ENCORE_VERSION "\n"));
    }

    // Every command a document shows exists, and its --help names each option shown with it.
    void cliAgreesWithDocument_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QStringList>("options");
        const QString readme = readSourceFile(QStringLiteral("README.md"));
        QVERIFY(!readme.isEmpty());
        static const QRegularExpression commandLine(QStringLiteral("^build/app/cli/encore-cli (\\w+)(.*)$"),
                                                    QRegularExpression::MultilineOption);
        static const QRegularExpression option(QStringLiteral("(?<![\\w-])(--?[a-z][a-z-]*)"));
        for (const QRegularExpressionMatch &line : commandLine.globalMatch(readme)) {
            QStringList options;
            for (const QRegularExpressionMatch &match : option.globalMatch(line.captured(2)))
                options << match.captured(1);
            QTest::addRow("README: %s%s", qPrintable(line.captured(1)), qPrintable(line.captured(2).left(30)))
                << line.captured(1) << options;
        }
    }

    void cliAgreesWithDocument()
    {
        QFETCH(QString, command);
        QFETCH(QStringList, options);
        const CliRun usage = runCli({QStringLiteral("--help")});
        QCOMPARE(usage.exitCode, 0);
        QVERIFY2(usage.out.contains(QStringLiteral("\n  ") + command + QLatin1Char(' ')), qPrintable(usage.out));

        const CliRun help = runCli({command, QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY2(help.out.startsWith(QStringLiteral("Usage: encore-cli ") + command + QLatin1Char(' ')),
                 qPrintable(help.out));
        for (const QString &name : options)
            QVERIFY2(help.out.contains(name), qPrintable(name + QLatin1Char('\n') + help.out));
    }

    // Every command of encore-cli --help has an entry in encore-cli(1), which names each long
    // option its --help lists; encore(1) names each option of encore --help.
    void manPagesNameEveryOption_data()
    {
        QTest::addColumn<QString>("page");
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("help");
        const CliRun usage = runCli({QStringLiteral("--help")});
        QCOMPARE(usage.exitCode, 0);
        static const QRegularExpression commandLine(QStringLiteral("^  ([a-z]+) "),
                                                    QRegularExpression::MultilineOption);
        QStringList commands;
        for (const QRegularExpressionMatch &match : commandLine.globalMatch(usage.out))
            if (!commands.contains(match.captured(1)))
                commands << match.captured(1);
        QVERIFY(commands.size() >= 10);
        for (const QString &command : commands)
            QTest::addRow("encore-cli %s", qPrintable(command))
                << QStringLiteral("encore-cli.1") << command << runCli({command, QStringLiteral("--help")}).out;
        QTest::addRow("encore") << QStringLiteral("encore.1") << QString()
                                << runGuiWithoutDisplay({QStringLiteral("--help")}).out;
    }

    void manPagesNameEveryOption()
    {
        QFETCH(QString, page);
        QFETCH(QString, command);
        QFETCH(QString, help);
        const QString man =
            readSourceFile(QStringLiteral("man/") + page).replace(QStringLiteral("\\-"), QStringLiteral("-"));
        QVERIFY(!man.isEmpty());
        QVERIFY(!help.isEmpty());
        if (!command.isEmpty()) {
            const QRegularExpression entry(QStringLiteral("^\\.TP\n\\.B[IR]? \"?") + command + QStringLiteral("\\b"),
                                           QRegularExpression::MultilineOption);
            QVERIFY2(entry.match(man).hasMatch(), qPrintable(command));
        }
        static const QRegularExpression option(QStringLiteral("(?<![\\w-])--[a-z][a-z-]*"));
        for (const QRegularExpressionMatch &match : option.globalMatch(help)) {
            if (match.captured() != QLatin1String("--help"))
                QVERIFY2(man.contains(match.captured()), qPrintable(match.captured()));
        }
    }
};

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
