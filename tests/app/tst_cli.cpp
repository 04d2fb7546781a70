#include "clirunner.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <limits>

#include <grp.h>
#include <unistd.h>

using encore::test::CliRun;
using encore::test::runCli;

// Runs the real encore-cli, with its library in a temporary data directory.
class TestCli : public QObject {
    Q_OBJECT

    CliRun cli(const QStringList &arguments, const QString &dataHome = {})
    {
        return runCli(arguments,
                      {{QStringLiteral("XDG_DATA_HOME"), dataHome.isEmpty() ? m_dataHome.path() : dataHome}});
    }

    // encore-cli with `input` written to its standard input, a pipe.
    CliRun cliWithInput(const QStringList &arguments, const QByteArray &input, const QString &dataHome)
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), dataHome);
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(ENCORE_CLI_PATH), arguments);
        CliRun run;
        if (!process.waitForStarted(10000))
            return run;
        process.write(input);
        process.closeWriteChannel();
        return finished(process);
    }

    // What a started encore-cli printed and how it ended.
    static CliRun finished(QProcess &process)
    {
        CliRun run;
        if (!process.waitForFinished(120000))
            return run;
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        run.out = QString::fromUtf8(process.readAllStandardOutput());
        run.err = QString::fromUtf8(process.readAllStandardError());
        return run;
    }

    QString writeFile(const QString &name, const QByteArray &content)
    {
        QFile file(m_files.filePath(name));
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(content);
        return file.fileName();
    }

private slots:
    void initTestCase()
    {
        ENCORE_REQUIRE_FILE(encore::test::realCatalogPath());
        QVERIFY(m_dataHome.isValid());
        QVERIFY(m_files.isValid());
        const CliRun run = cli({QStringLiteral("import"), encore::test::realCatalogPath()});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QStringLiteral("28,356 tracks, 471 playlists, 32,833 rows read")),
                 qPrintable(run.out));
    }

    void importingAgainChangesNothing()
    {
        const CliRun run = cli({QStringLiteral("import"), encore::test::realCatalogPath()});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QStringLiteral("already in the library")), qPrintable(run.out));
        QVERIFY2(run.out.contains(QStringLiteral("Library: 28,356 tracks")), qPrintable(run.out));
    }

    void reportsSkippedRowsOnStderr()
    {
        QTemporaryDir home;
        const QString path = writeFile(QStringLiteral("broken.csv"),
                                       "track_id,track_name,track_artist,danceability\n"
                                       "4uLU6hMCjMI75M1A2tKUQC,Never Gonna Give You Up,Rick Astley,0.7\n"
                                       ",No Id,Somebody,0.5\n"
                                       "7GhIk7Il098yCjg4BQjzvb,Bad Number,Somebody,lots\n");
        const CliRun run = cli({QStringLiteral("import"), path}, home.path());
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QStringLiteral("1 track, 1 playlist, 3 rows read, 2 skipped")), qPrintable(run.out));
        QVERIFY2(run.err.contains(path + QStringLiteral(":3: skipped:")), qPrintable(run.err));
        QVERIFY2(run.err.contains(path + QStringLiteral(":4: skipped:")), qPrintable(run.err));
    }

    void reportsValuesOutOfRangeOnStderr()
    {
        QTemporaryDir home;
        const QString path = writeFile(QStringLiteral("outofrange.csv"),
                                       "track_id,track_name,track_artist,danceability,tempo\n"
                                       "4uLU6hMCjMI75M1A2tKUQC,Never Gonna Give You Up,Rick Astley,0.7,113\n"
                                       "7GhIk7Il098yCjg4BQjzvb,Backwards,Somebody,0.5,-120\n");
        const CliRun run = cli({QStringLiteral("import"), path}, home.path());
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QStringLiteral("2 tracks, 1 playlist, 2 rows read, 0 skipped, 1 row with values "
                                                 "out of range left unknown")),
                 qPrintable(run.out));
        QVERIFY2(
            run.err.contains(path + QStringLiteral(":3: left unknown: tempo is out of range (0 to 300): \"-120\"")),
            qPrintable(run.err));
    }

    void unreadableFileFails()
    {
        const CliRun run = cli({QStringLiteral("import"), m_files.filePath(QStringLiteral("absent.csv"))});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains(QStringLiteral("absent.csv")));
    }

    void recommendAcceptsEverySeedForm_data()
    {
        QTest::addColumn<QString>("seed");
        QTest::addColumn<QString>("expectedId");
        const QString id = QStringLiteral("6f807x0ima9a1j3VPbc7VN");
        QTest::newRow("id") << id << id;
        QTest::newRow("uri") << QStringLiteral("spotify:track:") + id << id;
        QTest::newRow("url") << QStringLiteral("https://open.spotify.com/track/%1?si=0123abcd").arg(id) << id;
        QTest::newRow("title - artist") << QStringLiteral("Memories - Maroon 5")
                                        << QStringLiteral("2b8fOow8UzyDFAE27YhOZM");
        QTest::newRow("title with dash - artist, any case")
            << QStringLiteral("memories - DILLON FRANCIS remix - maroon 5") << QStringLiteral("0r7CVbZTWZgbTCYdfa2P31");
    }

    void recommendAcceptsEverySeedForm()
    {
        QFETCH(QString, seed);
        QFETCH(QString, expectedId);
        const CliRun run = cli(
            {QStringLiteral("recommend"), QStringLiteral("--seed"), seed, QStringLiteral("-k"), QStringLiteral("5")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QStringList lines = run.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 7);  // seed line, header, five songs
        QVERIFY2(lines[0].startsWith(QStringLiteral("Seed: ")) && lines[0].contains(expectedId), qPrintable(lines[0]));
        for (int i = 2; i < lines.size(); ++i) {
            QVERIFY(lines[i].trimmed().startsWith(QString::number(i - 1) + QStringLiteral("  ")));
            QVERIFY(!lines[i].contains(expectedId));
        }
    }

    void jsonOutput_data()
    {
        QTest::addColumn<QString>("method");
        QTest::newRow("hybrid") << QStringLiteral("hybrid");
        QTest::newRow("content") << QStringLiteral("content");
        QTest::newRow("tutorial") << QStringLiteral("tutorial");
    }

    void jsonOutput()
    {
        QFETCH(QString, method);
        const CliRun run =
            cli({QStringLiteral("recommend"), QStringLiteral("--catalog"), encore::test::realCatalogPath(),
                 QStringLiteral("--seed"), QStringLiteral("2b8fOow8UzyDFAE27YhOZM"), QStringLiteral("-k"),
                 QStringLiteral("8"), QStringLiteral("--method"), method, QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(run.out.toUtf8(), &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        const QJsonArray array = doc.array();
        QCOMPARE(array.size(), 8);
        double previousScore = 100.0;
        for (int i = 0; i < array.size(); ++i) {
            const QJsonObject entry = array[i].toObject();
            QCOMPARE(entry.keys(),
                     QStringList({QStringLiteral("artists"), QStringLiteral("name"), QStringLiteral("rank"),
                                  QStringLiteral("score"), QStringLiteral("track_id"), QStringLiteral("why")}));
            QVERIFY(!entry[QStringLiteral("why")].toString().isEmpty());
            QCOMPARE(entry[QStringLiteral("rank")].toInt(), i + 1);
            QVERIFY(entry[QStringLiteral("artists")].isArray());
            QVERIFY(entry[QStringLiteral("track_id")].toString().size() == 22);
            QVERIFY(entry[QStringLiteral("track_id")].toString() != QStringLiteral("2b8fOow8UzyDFAE27YhOZM"));
            const double score = entry[QStringLiteral("score")].toDouble();
            QVERIFY(score <= previousScore);
            if (method != QStringLiteral("hybrid"))  // a cosine similarity
                QVERIFY(score <= 1.0 + 1e-6 && score >= -1.0 - 1e-6);
            previousScore = score;
        }
    }

    // A k beyond the library lists what a k of the library's size does, not an overflow.
    void theLargestKListsTheWholeLibrary()
    {
        const auto withK = [this](qint64 k) {
            return cli({QStringLiteral("recommend"), QStringLiteral("--seed"), QStringLiteral("2b8fOow8UzyDFAE27YhOZM"),
                        QStringLiteral("-k"), QString::number(k), QStringLiteral("--json")});
        };
        const CliRun largest = withK(std::numeric_limits<int>::max());
        QVERIFY2(largest.exitCode == 0, qPrintable(largest.err));
        const CliRun whole = withK(28356);
        QVERIFY(QJsonDocument::fromJson(largest.out.toUtf8()).array().size() > 10000);
        QCOMPARE(largest.out, whole.out);
    }

    // Control characters from data are shown escaped, never sent to the terminal: ESC ] 0;
    // would retitle it, ESC [2J clear it, U+009B (CSI) start a sequence too.
    void controlCharactersInDataAreEscaped()
    {
        const QString path = writeFile(
            QStringLiteral("controls.csv"),
            "track_id,track_name,track_artist,danceability,energy,key,loudness,mode,speechiness,"
            "acousticness,instrumentalness,liveness,valence,tempo\n"
            "0000000000000000000001,\"Evil\x1b]0;pwned\x07\x1b[2J\",Ann\xc2\x9bx,0.5,0.5,1,-5,1,0.1,0.1,0.1,0.1,0.5,120\n"
            "0000000000000000000002,\"Two\nLines\",Bob,0.4,0.6,2,-6,1,0.1,0.2,0.1,0.1,0.4,110\n"
            "0000000000000000000003,\"Bad\x1b[2J\",Cy,0.3\n"
            "0000000000000000000004,Caf\xc3\xa9 \xe2\x80\x94 \xc2\xa9,Dee,0.3,0.7,3,-7,0,0.1,0.3,0.1,0.1,0.3,100\n");
        QTemporaryDir home;
        const CliRun imported = cli({QStringLiteral("import"), path}, home.path());
        QCOMPARE(imported.exitCode, 0);
        const CliRun run =
            cli({QStringLiteral("recommend"), QStringLiteral("--seed"), QStringLiteral("0000000000000000000002"),
                 QStringLiteral("--method"), QStringLiteral("content")},
                home.path());
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        for (const QString &output : {imported.out, imported.err, run.out, run.err}) {
            QVERIFY2(std::none_of(output.begin(), output.end(),
                                  [](QChar c) { return c.category() == QChar::Other_Control && c != u'\n'; }),
                     qPrintable(output));
        }
        QVERIFY2(run.out.contains(QStringLiteral("Evil\\x1B]0;pwned\\x07\\x1B[2J")), qPrintable(run.out));
        QVERIFY2(run.out.contains(QStringLiteral("Ann\\u009Bx")), qPrintable(run.out));
        QVERIFY2(run.out.contains(QStringLiteral("Café — ©")), qPrintable(run.out));  // only controls are escaped
        QVERIFY2(run.out.contains(QStringLiteral("Seed: Two\\x0ALines - Bob")), qPrintable(run.out));
    }

    // The whole input is read once, so a pipe imports like a file, and the same bytes through
    // either are the same import.
    void importsFromStandardInput()
    {
        const QByteArray csv = "track_id,track_name,track_artist,danceability\n"
                               "4uLU6hMCjMI75M1A2tKUQC,Never Gonna Give You Up,Rick Astley,0.7\n"
                               "7GhIk7Il098yCjg4BQjzvb,Never Gonna Stop,Rick Astley,0.6\n";
        QTemporaryDir home;
        const CliRun piped = cliWithInput({QStringLiteral("import"), QStringLiteral("-")}, csv, home.path());
        QVERIFY2(piped.exitCode == 0, qPrintable(piped.err));
        QVERIFY2(piped.out.startsWith(QStringLiteral("stdin: 2 tracks")), qPrintable(piped.out));
        const CliRun file = cli({QStringLiteral("import"), writeFile(QStringLiteral("piped.csv"), csv)}, home.path());
        QVERIFY2(file.out.contains(QStringLiteral("already in the library")), qPrintable(file.out));
    }

    // Nothing usable is an error, and nothing is recorded: the same bytes fail the same way again.
    void aFileWithoutAUsableRowFailsEveryTime()
    {
        const QString path =
            writeFile(QStringLiteral("unusable.csv"), "track_id,track_name,danceability\n4uLU6hMCjMI75M1A2tKUQC,A\n");
        QTemporaryDir home;
        for (int attempt = 0; attempt < 2; ++attempt) {
            const CliRun run = cli({QStringLiteral("import"), path}, home.path());
            QCOMPARE(run.exitCode, 1);
            QVERIFY2(run.err.contains(QStringLiteral("No row of \"unusable.csv\" could be used")), qPrintable(run.err));
        }
    }

    void devicesThatNeverEndAreRefused()
    {
        for (const QString &device : {QStringLiteral("/dev/zero"), QStringLiteral("/dev/urandom")}) {
            QTemporaryDir home;
            const CliRun run = cli({QStringLiteral("import"), device}, home.path());
            QCOMPARE(run.exitCode, 1);
            QVERIFY2(run.err.contains(QStringLiteral("it is a device, not a file")), qPrintable(run.err));
        }
    }

    // A pipe of zeros has no line end: the record cap ends it.
    void aPipeWithoutLineEndsStops()
    {
        QTemporaryDir home;
        const CliRun run = cliWithInput({QStringLiteral("import"), QStringLiteral("-")},
                                        QByteArray(65 * 1024 * 1024, '\0'), home.path());
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("never ends")), qPrintable(run.err));
    }

    void methodsDisagree()
    {
        const QStringList base{QStringLiteral("recommend"), QStringLiteral("--seed"),
                               QStringLiteral("2b8fOow8UzyDFAE27YhOZM"), QStringLiteral("--json")};
        const CliRun tutorial = cli(base + QStringList{QStringLiteral("--method"), QStringLiteral("tutorial")});
        const CliRun content = cli(base + QStringList{QStringLiteral("--method"), QStringLiteral("content")});
        const CliRun hybrid = cli(base + QStringList{QStringLiteral("--method"), QStringLiteral("hybrid")});
        const CliRun byDefault = cli(base);
        QCOMPARE(tutorial.exitCode, 0);
        QCOMPARE(content.exitCode, 0);
        QCOMPARE(hybrid.exitCode, 0);
        QVERIFY(tutorial.out != content.out);
        QVERIFY(hybrid.out != content.out);
        QCOMPARE(byDefault.out, hybrid.out);
    }

    void recommendForAPlaylist()
    {
        // "Pop Remix", the first playlist of the file.
        const QString playlist = QStringLiteral("37i9dQZF1DXcZDD7cfEKhW");
        const QString seed = QStringLiteral("2b8fOow8UzyDFAE27YhOZM");
        const CliRun alone =
            cli({QStringLiteral("recommend"), QStringLiteral("--seed"), seed, QStringLiteral("--json")});
        const CliRun inSpirit = cli({QStringLiteral("recommend"), QStringLiteral("--seed"), seed,
                                     QStringLiteral("--playlist"), playlist, QStringLiteral("--json")});
        QVERIFY2(inSpirit.exitCode == 0, qPrintable(inSpirit.err));
        QVERIFY(inSpirit.out != alone.out);

        const CliRun whole = cli({QStringLiteral("recommend"), QStringLiteral("--playlist"), playlist});
        QVERIFY2(whole.exitCode == 0, qPrintable(whole.err));
        QVERIFY2(whole.out.startsWith(QStringLiteral("Seed: the playlist Pop Remix [") + playlist + u']'),
                 qPrintable(whole.out));
        QCOMPARE(whole.out.split(u'\n', Qt::SkipEmptyParts).size(), 12);         // seed line, header, ten songs
        QVERIFY(!whole.out.contains(QStringLiteral("0r7CVbZTWZgbTCYdfa2P31")));  // a member: left out

        const CliRun unknown =
            cli({QStringLiteral("recommend"), QStringLiteral("--playlist"), QStringLiteral("No Such Mix")});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY2(unknown.err.contains(QStringLiteral("No playlist in the library is called")), qPrintable(unknown.err));
        const CliRun content = cli({QStringLiteral("recommend"), QStringLiteral("--playlist"), playlist,
                                    QStringLiteral("--method"), QStringLiteral("content")});
        QCOMPARE(content.exitCode, 1);
        QVERIFY(content.err.contains(QStringLiteral("--method hybrid")));
    }

    void badSeedsExitWithStatusTwo_data()
    {
        QTest::addColumn<QString>("seed");
        QTest::addColumn<QString>("expectedMessage");
        QTest::newRow("unknown title") << QStringLiteral("No Such Song - Nobody At All")
                                       << QStringLiteral("No song in the library matches");
        QTest::newRow("unknown id") << QStringLiteral("spotify:track:0000000000000000000000")
                                    << QStringLiteral("No song in the library matches");
        QTest::newRow("ambiguous title") << QStringLiteral("Memories") << QStringLiteral("matches 6 songs");
    }

    void badSeedsExitWithStatusTwo()
    {
        QFETCH(QString, seed);
        QFETCH(QString, expectedMessage);
        const CliRun run = cli({QStringLiteral("recommend"), QStringLiteral("--seed"), seed});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.err.contains(expectedMessage), qPrintable(run.err));
    }

    void ambiguousSeedListsCandidates()
    {
        const CliRun run = cli({QStringLiteral("recommend"), QStringLiteral("--seed"), QStringLiteral("memories")});
        QCOMPARE(run.exitCode, 2);
        for (const char *id : {"2b8fOow8UzyDFAE27YhOZM", "2oZLGAJWR4DQINOTh9W9Zx", "5WeryDMDd3BtnIIPthC7Gz",
                               "1K6oIHSzqcLpToFiwIDSI7", "4HNX9g2kXZ6F9bp2Wm9CYW", "4Ptzp31UszO8vPqoSKtr8U"})
            QVERIFY2(run.err.contains(QLatin1String(id)), id);
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("no command") << QStringList{};
        QTest::newRow("unknown command") << QStringList{QStringLiteral("dance")};
        QTest::newRow("no seed") << QStringList{QStringLiteral("recommend")};
        QTest::newRow("bad k") << QStringList{QStringLiteral("recommend"), QStringLiteral("--seed"),
                                              QStringLiteral("x"), QStringLiteral("-k"), QStringLiteral("0")};
        QTest::newRow("bad method") << QStringList{QStringLiteral("recommend"), QStringLiteral("--seed"),
                                                   QStringLiteral("x"), QStringLiteral("--method"),
                                                   QStringLiteral("magic")};
        QTest::newRow("import nothing") << QStringList{QStringLiteral("import")};
        QTest::newRow("json and output") << QStringList{QStringLiteral("recommend"), QStringLiteral("--seed"),
                                                        QStringLiteral("x"),         QStringLiteral("--json"),
                                                        QStringLiteral("--output"),  QStringLiteral("a.json")};
        QTest::newRow("export without output") << QStringList{QStringLiteral("export"), QStringLiteral("Pop Remix")};
        QTest::newRow("export without playlist")
            << QStringList{QStringLiteral("export"), QStringLiteral("--output"), QStringLiteral("a.csv")};
    }

    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        const CliRun run = cli(arguments);
        QCOMPARE(run.exitCode, 1);
        QVERIFY(!run.err.trimmed().isEmpty());
    }

    void recommendToAFile_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("start");
        QTest::addColumn<int>("lines");  // -1: not counted
        QTest::newRow("csv") << QStringLiteral("kept.csv") << QStringLiteral("Track URI,Track Name,") << 6;
        QTest::newRow("m3u8") << QStringLiteral("kept.m3u8") << QStringLiteral("#EXTM3U\n#EXTINF:") << 11;
        QTest::newRow("json") << QStringLiteral("kept.json") << QStringLiteral("[\n") << -1;
    }

    void recommendToAFile()
    {
        QFETCH(QString, name);
        QFETCH(QString, start);
        QFETCH(int, lines);
        const QString path = m_files.filePath(name);
        const QStringList base{QStringLiteral("recommend"), QStringLiteral("--seed"),
                               QStringLiteral("2b8fOow8UzyDFAE27YhOZM"), QStringLiteral("-k"), QStringLiteral("5")};
        const CliRun run = cli(base + QStringList{QStringLiteral("--output"), path});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(run.out, QStringLiteral("Wrote 5 songs to %1\n").arg(QDir::toNativeSeparators(path)));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        QVERIFY2(text.startsWith(start), qPrintable(text));
        if (lines >= 0)
            QCOMPARE(text.count(u'\n'), lines);
        QVERIFY(text.contains(QStringLiteral("Girls Like You")));  // first, in one of its two copies
        if (name.endsWith(QStringLiteral(".json")))                // the file is what --json prints
            QCOMPARE(text, cli(base + QStringList{QStringLiteral("--json")}).out);
    }

    void unknownSuffixIsRefused()
    {
        const QString path = m_files.filePath(QStringLiteral("kept.xlsx"));
        const CliRun run = cli({QStringLiteral("recommend"), QStringLiteral("--seed"),
                                QStringLiteral("2b8fOow8UzyDFAE27YhOZM"), QStringLiteral("--output"), path});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("end it in .csv, .m3u8 or .json")), qPrintable(run.err));
        QVERIFY(!QFile::exists(path));
    }

    void exportAPlaylist_data()
    {
        QTest::addColumn<QString>("playlist");
        QTest::newRow("by name, any case") << QStringLiteral("pop remix");
        QTest::newRow("by id") << QStringLiteral("37i9dQZF1DXcZDD7cfEKhW");
    }

    void exportAPlaylist()
    {
        QFETCH(QString, playlist);
        const QString path = m_files.filePath(QStringLiteral("pop-remix.csv"));
        const CliRun run = cli({QStringLiteral("export"), playlist, QStringLiteral("--output"), path});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.startsWith(QStringLiteral("Wrote 70 songs to ")), qPrintable(run.out));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().split('\n');
        QCOMPARE(lines.size(), 72);                  // header, 70 songs, the last line end
        QVERIFY(lines[1].contains(",1,,,catalog"));  // position 1, no score or why

        const CliRun unknown =
            cli({QStringLiteral("export"), QStringLiteral("No Such Mix"), QStringLiteral("--output"), path});
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY2(unknown.err.contains(QStringLiteral("No playlist in the library is called")), qPrintable(unknown.err));
    }

    void emptyLibrarySaysWhatToDo()
    {
        QTemporaryDir home;
        const CliRun run =
            cli({QStringLiteral("recommend"), QStringLiteral("--seed"), QStringLiteral("x")}, home.path());
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("import a catalog first")), qPrintable(run.err));
    }

    // A library Encore may not write: it ranks, says so once, imports nothing and leaves no
    // cache beside the library.
    void readOnlyLibraryRanks_data()
    {
        QTest::addColumn<bool>("folderReadOnly");
        QTest::newRow("read-only folder") << true;
        QTest::newRow("read-only file") << false;
    }

    void readOnlyLibraryRanks()
    {
        QFETCH(bool, folderReadOnly);
        QTemporaryDir home;
        const QString folder = home.filePath(QStringLiteral("Encore"));
        QVERIFY(QDir().mkpath(folder));
        const QString library = folder + QStringLiteral("/library.sqlite");
        QVERIFY(QFile::copy(m_dataHome.filePath(QStringLiteral("Encore/library.sqlite")), library));
        QVERIFY(QFile::setPermissions(library, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
        const QFile::Permissions readAndList = QFile::ReadOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup
            | QFile::ReadOther | QFile::ExeOther;
        QVERIFY(QFile::setPermissions(
            folder,
            folderReadOnly ? readAndList : readAndList | QFile::WriteUser | QFile::WriteGroup | QFile::WriteOther));
        QVERIFY(QFile::setPermissions(home.path(), readAndList));

        const CliRun ranked =
            cliAsUser({QStringLiteral("recommend"), QStringLiteral("--seed"), QStringLiteral("2b8fOow8UzyDFAE27YhOZM"),
                       QStringLiteral("-k"), QStringLiteral("5")},
                      home.path());
        QVERIFY2(ranked.exitCode == 0, qPrintable(ranked.err));
        QVERIFY2(ranked.out.contains(QStringLiteral("Seed: Memories")), qPrintable(ranked.out));
        QCOMPARE(ranked.err.count(QStringLiteral("is read-only")), 1);
        QVERIFY2(ranked.err.contains(QStringLiteral("cannot save any change")), qPrintable(ranked.err));

        const CliRun imported = cliAsUser({QStringLiteral("import"), encore::test::realCatalogPath()}, home.path());
        QCOMPARE(imported.exitCode, 1);
        QVERIFY2(imported.err.contains(QStringLiteral("so nothing can be imported into it")), qPrintable(imported.err));

        const QStringList left = QDir(folder).entryList(QDir::Files);
        QVERIFY2(!left.contains(QStringLiteral("library.sqlite.catalog"))
                     && !left.contains(QStringLiteral("library.sqlite.ranking")),
                 qPrintable(left.join(u' ')));
        // For the cleanup.
        QVERIFY(QFile::setPermissions(folder, readAndList | QFile::WriteUser));
        QVERIFY(QFile::setPermissions(home.path(), readAndList | QFile::WriteUser));
    }

private:
    // encore-cli as a user the file permissions hold for: root may write anything, so a test run
    // as root runs it as nobody.
    CliRun cliAsUser(const QStringList &arguments, const QString &dataHome)
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), dataHome);
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_userConfig.path());
        process.setProcessEnvironment(env);
        if (::geteuid() == 0) {
            // nobody writes its settings here.
            if (!QFile::setPermissions(m_userConfig.path(), QFile::Permissions(0x7777)))
                return {};
            process.setChildProcessModifier([] {
                constexpr uid_t kNobody = 65534;
                if (::setgroups(0, nullptr) != 0 || ::setgid(kNobody) != 0 || ::setuid(kNobody) != 0)
                    ::_exit(126);
            });
        }
        process.start(QStringLiteral(ENCORE_CLI_PATH), arguments);
        return finished(process);
    }

    QTemporaryDir m_dataHome;
    QTemporaryDir m_userConfig;
    QTemporaryDir m_files;
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
