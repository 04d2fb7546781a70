#include "clirunner.h"
#include "synthaudio.h"

#include "model/audiofeatures.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace encore;
using encore::test::CliRun;
using encore::test::runCli;

// Runs the real `encore-cli analyze` on audio the test writes.
class TestCliAnalyze : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_wav;  // 124 BPM over C major chords

    static CliRun cli(const QStringList &arguments)
    {
        return runCli(QStringList{QStringLiteral("analyze")} + arguments);
    }

    void checkJson(const QString &path)
    {
        const CliRun run = cli({path, QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(run.out.toUtf8(), &parseError);
        QVERIFY2(document.isObject(), qPrintable(parseError.errorString()));
        const QJsonObject object = document.object();

        QStringList expectedKeys;
        for (Feature feature : kAllFeatures)
            expectedKeys << featureKey(feature);
        expectedKeys.sort();
        QCOMPARE(object.keys(), expectedKeys);
        for (const QString &key : expectedKeys)
            QVERIFY2(object.value(key).isDouble(), qPrintable(key));
        QVERIFY2(std::abs(object.value(QStringLiteral("tempo")).toDouble() - 124.0) <= 2.0, qPrintable(run.out));
        QCOMPARE(object.value(QStringLiteral("key")).toInt(-1), 0);
        QCOMPARE(object.value(QStringLiteral("mode")).toInt(-1), 1);
        const double loudness = object.value(QStringLiteral("loudness")).toDouble();
        QVERIFY(loudness < 0.0 && loudness > -60.0);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_wav = m_dir.filePath(QStringLiteral("song.wav"));
        QVERIFY(test::writeFile(m_wav,
                                test::wavBytes(test::clicksOverChords(
                                    124.0, {{60, 64, 67}, {65, 69, 72}, {67, 71, 74}, {60, 64, 67}}, 12.0))));
    }

    void printsEveryFeature()
    {
        const CliRun run = cli({m_wav});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(run.err.isEmpty());
        const QStringList lines = run.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), kFeatureCount);
        for (int i = 0; i < kFeatureCount; ++i) {
            const QString label = featureLabel(kAllFeatures[std::size_t(i)]);
            QVERIFY2(lines[i].startsWith(label), qPrintable(lines[i]));
        }
        for (const char *line : {"Key +C  \\(confidence [01]\\.\\d\\d\\)", "Mode +major",
                                 "Tempo +12[2-6] BPM  \\(confidence [01]\\.\\d\\d\\)", "Loudness +-\\d+\\.\\d dB"}) {
            const QRegularExpression pattern(QStringLiteral("^%1$").arg(QLatin1String(line)),
                                             QRegularExpression::MultilineOption);
            QVERIFY2(run.out.contains(pattern), qPrintable(run.out));
        }
    }

    void jsonHasTheElevenFeatures() { checkJson(m_wav); }

    void readsMp3()
    {
        ENCORE_REQUIRE_LAME();
        const QString mp3 = test::encodeMp3(m_wav);
        QVERIFY2(!mp3.isEmpty(), "lame could not make an MP3");
        checkJson(mp3);
    }

    void unusableFileFailsWithOneSentence_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("message");
        const QString garbage = m_dir.filePath(QStringLiteral("garbage.wav"));
        QVERIFY(test::writeFile(garbage, QByteArray(20000, 'x')));
        const QString silent = m_dir.filePath(QStringLiteral("silent.wav"));
        const std::vector<float> silence(10 * test::kTestSampleRate, 0.0f);
        QVERIFY(test::writeFile(silent, test::wavBytes(silence)));
        const QString shortClip = m_dir.filePath(QStringLiteral("short.wav"));
        QVERIFY(test::writeFile(shortClip, test::wavBytes(test::clickTrack(120.0, 1.0))));

        QTest::newRow("missing") << m_dir.filePath(QStringLiteral("absent.mp3"))
                                 << QStringLiteral("There is no audio file at");
        QTest::newRow("not audio") << garbage << QStringLiteral("Could not decode");
        QTest::newRow("silent") << silent << QStringLiteral("silent");
        QTest::newRow("too short") << shortClip << QStringLiteral("too short");
    }

    void unusableFileFailsWithOneSentence()
    {
        QFETCH(QString, path);
        QFETCH(QString, message);
        const CliRun run = cli({path});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
        QCOMPARE(run.err.count(u'\n'), 1);
    }

    void needsExactlyOneFile_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("none") << QStringList{};
        QTest::newRow("two") << QStringList{m_wav, m_wav};
    }

    void needsExactlyOneFile()
    {
        QFETCH(QStringList, arguments);
        const CliRun run = cli(arguments);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("Name one audio file")), qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(TestCliAnalyze)
#include "tst_cli_analyze.moc"
