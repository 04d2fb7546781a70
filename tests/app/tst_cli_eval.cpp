// `encore-cli eval`: the JSON shape, the table, determinism with a fixed --rng, and usage errors,
// on tests/data/planted_playlists.csv (two genres, four playlists each, tracks recurring within
// their genre).

#include "clirunner.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using encore::test::CliRun;
using encore::test::runCli;

class TestCliEval : public QObject {
    Q_OBJECT

    CliRun cli(const QStringList &arguments)
    {
        // eval never writes there
        return runCli(QStringList{QStringLiteral("eval")} + arguments,
                      {{QStringLiteral("XDG_DATA_HOME"), m_dataHome.path()}});
    }

    static QString fixture() { return QStringLiteral(ENCORE_TEST_DATA "/planted_playlists.csv"); }

    QJsonObject evalJson(const QStringList &extra)
    {
        const CliRun run = cli(QStringList{QStringLiteral("--catalog"), fixture(), QStringLiteral("--json")} + extra);
        if (run.exitCode != 0)
            qWarning("%s", qPrintable(run.err));
        return QJsonDocument::fromJson(run.out.toUtf8()).object();
    }

    // The precisions alone: timings differ from run to run.
    static QJsonObject withoutTimings(QJsonObject report)
    {
        QJsonObject methods = report[QStringLiteral("methods")].toObject();
        for (const QString &name : methods.keys()) {
            QJsonObject method = methods[name].toObject();
            method.remove(QStringLiteral("ms_per_query"));
            methods[name] = method;
        }
        report[QStringLiteral("methods")] = methods;
        return report;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(QFile::exists(fixture()));
        QVERIFY(m_dataHome.isValid());
    }

    void jsonShape()
    {
        const QJsonObject report = evalJson({QStringLiteral("-k"), QStringLiteral("5"), QStringLiteral("--seeds"),
                                             QStringLiteral("60"), QStringLiteral("--rng"), QStringLiteral("3")});
        QCOMPARE(report.keys(), QStringList({QStringLiteral("k"), QStringLiteral("methods"), QStringLiteral("seeds")}));
        QCOMPARE(report[QStringLiteral("k")].toInt(), 5);
        QCOMPARE(report[QStringLiteral("seeds")].toInt(), 60);
        const QJsonObject methods = report[QStringLiteral("methods")].toObject();
        QCOMPARE(methods.keys(),
                 QStringList({QStringLiteral("content"), QStringLiteral("hybrid"), QStringLiteral("popularity"),
                              QStringLiteral("random"), QStringLiteral("tutorial")}));
        for (const QString &name : methods.keys()) {
            const QJsonObject method = methods[name].toObject();
            QCOMPARE(method.keys(),
                     QStringList({QStringLiteral("genre_precision"), QStringLiteral("ms_per_query"),
                                  QStringLiteral("playlist_precision")}));
            for (const QString &metric : {QStringLiteral("genre_precision"), QStringLiteral("playlist_precision")}) {
                const double value = method[metric].toDouble(-1.0);
                QVERIFY2(value >= 0.0 && value <= 1.0, qPrintable(name + u' ' + metric));
            }
            QVERIFY(method[QStringLiteral("ms_per_query")].toDouble(-1.0) >= 0.0);
        }
        // The answers this catalog plants: each genre sounds alike and shares playlists. Each
        // playlist holds 10 of its genre's 21 songs, so picks from the seed's genre alone reach
        // about twice random's playlist precision; the other playlists say little more here.
        const QJsonObject hybrid = methods[QStringLiteral("hybrid")].toObject();
        QCOMPARE(hybrid[QStringLiteral("genre_precision")].toDouble(), 1.0);
        QVERIFY(hybrid[QStringLiteral("playlist_precision")].toDouble()
                > 1.4 * methods[QStringLiteral("random")].toObject()[QStringLiteral("playlist_precision")].toDouble());
    }

    void sameRngSameNumbers()
    {
        const QStringList options{QStringLiteral("--seeds"), QStringLiteral("40"), QStringLiteral("--rng"),
                                  QStringLiteral("11")};
        const QJsonObject first = withoutTimings(evalJson(options));
        QVERIFY(!first.isEmpty());
        QCOMPARE(withoutTimings(evalJson(options)), first);
        const QJsonObject other = withoutTimings(
            evalJson({QStringLiteral("--seeds"), QStringLiteral("40"), QStringLiteral("--rng"), QStringLiteral("12")}));
        QVERIFY(other != first);
    }

    // Removing features changes what the audio methods can do, not which pairs are measured.
    void dropFeaturesMeasuresAPartlyKnownCatalog()
    {
        const QStringList options{QStringLiteral("--seeds"), QStringLiteral("40")};
        const QJsonObject complete = withoutTimings(evalJson(options));
        const QStringList dropping = options + QStringList{QStringLiteral("--drop-features"), QStringLiteral("0.3")};
        const QJsonObject partial = withoutTimings(evalJson(dropping));
        QVERIFY(!partial.isEmpty());
        QCOMPARE(withoutTimings(evalJson(dropping)), partial);
        const auto methods = [](const QJsonObject &report) { return report[QStringLiteral("methods")].toObject(); };
        QCOMPARE(methods(partial)[QStringLiteral("random")], methods(complete)[QStringLiteral("random")]);
        QVERIFY(methods(partial)[QStringLiteral("tutorial")] != methods(complete)[QStringLiteral("tutorial")]);
        QVERIFY(methods(partial)[QStringLiteral("content")] != methods(complete)[QStringLiteral("content")]);
    }

    void tableByDefault()
    {
        const CliRun run =
            cli({QStringLiteral("--catalog"), fixture(), QStringLiteral("--seeds"), QStringLiteral("20")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QStringList lines = run.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 6);
        QVERIFY(lines[0].contains(QStringLiteral("playlist@10")) && lines[0].contains(QStringLiteral("genre@10")));
        for (const QString &method : {QStringLiteral("random"), QStringLiteral("popularity"),
                                      QStringLiteral("tutorial"), QStringLiteral("content"), QStringLiteral("hybrid")})
            QVERIFY2(run.out.contains(u'\n' + method + u' '), qPrintable(method));
    }

    void withoutGenresNoGenrePrecision()
    {
        QTemporaryDir dir;
        QFile in(fixture());
        QVERIFY(in.open(QIODevice::ReadOnly));
        QFile out(dir.filePath(QStringLiteral("no-genre.csv")));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(in.readAll().replace("playlist_genre", "playlist_mood"));
        out.close();
        const CliRun run = cli({QStringLiteral("--catalog"), out.fileName(), QStringLiteral("--seeds"),
                                QStringLiteral("10"), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject methods =
            QJsonDocument::fromJson(run.out.toUtf8()).object()[QStringLiteral("methods")].toObject();
        QVERIFY(!methods[QStringLiteral("hybrid")].toObject().contains(QStringLiteral("genre_precision")));
        QVERIFY(methods[QStringLiteral("hybrid")].toObject().contains(QStringLiteral("playlist_precision")));
    }

    void dumpPairsWritesTheMeasuredPairs()
    {
        // Which playlists each track is in, read from the fixture itself.
        QFile in(fixture());
        QVERIFY(in.open(QIODevice::ReadOnly | QIODevice::Text));
        const QStringList header = QString::fromUtf8(in.readLine()).trimmed().split(u',');
        const qsizetype trackColumn = header.indexOf(QStringLiteral("track_id"));
        const qsizetype playlistColumn = header.indexOf(QStringLiteral("playlist_id"));
        QHash<QString, QSet<QString>> playlistsOf;
        while (!in.atEnd()) {
            const QStringList cells = QString::fromUtf8(in.readLine()).trimmed().split(u',');
            if (cells.size() == header.size())
                playlistsOf[cells[trackColumn]].insert(cells[playlistColumn]);
        }

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("pairs.csv"));
        const QStringList options{QStringLiteral("--seeds"), QStringLiteral("40"), QStringLiteral("--rng"),
                                  QStringLiteral("3"), QStringLiteral("--segments")};
        const QJsonObject report = evalJson(options + QStringList{QStringLiteral("--dump-pairs"), path});
        QFile pairs(path);
        QVERIFY(pairs.open(QIODevice::ReadOnly | QIODevice::Text));
        const QStringList lines = QString::fromUtf8(pairs.readAll()).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 41);
        QCOMPARE(lines[0], QStringLiteral("playlist_id,seed_track_id,shares_another_playlist"));
        int sharing = 0;
        for (const QString &line : lines.mid(1)) {
            const QStringList cells = line.split(u',');
            QCOMPARE(cells.size(), 3);
            const QSet<QString> playlists = playlistsOf.value(cells[1]);
            QVERIFY2(playlists.contains(cells[0]), qPrintable(line));
            // Every playlist of this file holds more than one track.
            QCOMPARE(cells[2], playlists.size() > 1 ? QStringLiteral("1") : QStringLiteral("0"));
            sharing += cells[2] == u'1' ? 1 : 0;
        }
        const QJsonObject segments = report[QStringLiteral("segments")].toObject();
        QCOMPARE(segments[QStringLiteral("shares_another_playlist")].toObject()[QStringLiteral("pairs")].toInt(),
                 sharing);
        QCOMPARE(segments[QStringLiteral("no_other_playlist")].toObject()[QStringLiteral("pairs")].toInt(),
                 40 - sharing);
        QVERIFY(sharing > 0 && sharing < 40);
    }

    void segmentsSplitTheFigures()
    {
        const QJsonObject report = evalJson({QStringLiteral("--seeds"), QStringLiteral("40"), QStringLiteral("--rng"),
                                             QStringLiteral("3"), QStringLiteral("--segments")});
        const QJsonObject segments = report[QStringLiteral("segments")].toObject();
        QCOMPARE(segments.keys(),
                 QStringList({QStringLiteral("no_other_playlist"), QStringLiteral("shares_another_playlist")}));
        const QJsonObject sharing = segments[QStringLiteral("shares_another_playlist")].toObject();
        const QJsonObject alone = segments[QStringLiteral("no_other_playlist")].toObject();
        const int sharingPairs = sharing[QStringLiteral("pairs")].toInt();
        const int alonePairs = alone[QStringLiteral("pairs")].toInt();
        QCOMPARE(sharingPairs + alonePairs, 40);
        // The deterministic methods' figures over all pairs are the pair-weighted mean of the two parts'.
        for (const QString &method :
             {QStringLiteral("tutorial"), QStringLiteral("content"), QStringLiteral("hybrid")}) {
            for (const QString &metric : {QStringLiteral("playlist_precision"), QStringLiteral("genre_precision")}) {
                const auto value = [&](const QJsonObject &part) {
                    return part[QStringLiteral("methods")].toObject()[method].toObject()[metric].toDouble(-1.0);
                };
                const double mixed = (sharingPairs * value(sharing) + alonePairs * value(alone)) / 40.0;
                QVERIFY2(std::abs(mixed - value(report)) < 2e-4, qPrintable(method + u' ' + metric));
            }
        }
        // Without --segments there are none.
        QVERIFY(!evalJson({QStringLiteral("--seeds"), QStringLiteral("40")}).contains(QStringLiteral("segments")));
    }

    void segmentsTable()
    {
        const CliRun run = cli({QStringLiteral("--catalog"), fixture(), QStringLiteral("--seeds"), QStringLiteral("20"),
                                QStringLiteral("--segments")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(run.out.count(QStringLiteral("\nhybrid ")), 3);
        QVERIFY(run.out.contains(QStringLiteral("Seeds that share another playlist with some track (")));
        QVERIFY(run.out.contains(QStringLiteral("Seeds in no other playlist with another track (")));
    }

    void unwritablePairsFile()
    {
        const CliRun run = cli({QStringLiteral("--catalog"), fixture(), QStringLiteral("--dump-pairs"),
                                QStringLiteral("/nonexistent/pairs.csv")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.err.contains(QStringLiteral("pairs.csv")), qPrintable(run.err));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("no catalog") << QStringList{} << "--catalog";
        QTest::newRow("bad k")
            << QStringList{QStringLiteral("--catalog"), fixture(), QStringLiteral("-k"), QStringLiteral("0")} << "-k";
        QTest::newRow("bad seeds")
            << QStringList{QStringLiteral("--catalog"), fixture(), QStringLiteral("--seeds"), QStringLiteral("many")}
            << "--seeds";
        QTest::newRow("bad rng")
            << QStringList{QStringLiteral("--catalog"), fixture(), QStringLiteral("--rng"), QStringLiteral("-1")}
            << "--rng";
        QTest::newRow("drop share above 1") << QStringList{QStringLiteral("--catalog"), fixture(),
                                                           QStringLiteral("--drop-features"), QStringLiteral("1.5")}
                                            << "--drop-features";
        QTest::newRow("stray argument") << QStringList{QStringLiteral("--catalog"), fixture(), QStringLiteral("extra")}
                                        << "extra";
        QTest::newRow("missing file") << QStringList{QStringLiteral("--catalog"), QStringLiteral("/nonexistent/x.csv")}
                                      << "x.csv";
    }

    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const CliRun run = cli(arguments);
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
    }

    void noQualifyingPlaylist()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("tiny.csv")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        QFile in(fixture());
        QVERIFY(in.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = in.readAll().split('\n');
        for (int i = 0; i < 5; ++i)  // the header and four tracks of one playlist
            file.write(lines[i] + '\n');
        file.close();
        const CliRun run = cli({QStringLiteral("--catalog"), file.fileName()});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("No playlist has 5 or more tracks")), qPrintable(run.err));
    }

private:
    QTemporaryDir m_dataHome;
};

QTEST_GUILESS_MAIN(TestCliEval)
#include "tst_cli_eval.moc"
