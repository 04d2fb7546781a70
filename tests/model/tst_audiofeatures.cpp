#include "model/audiofeatures.h"

#include <QTest>

#include <limits>

using namespace encore;

Q_DECLARE_METATYPE(encore::Feature)

class TestAudioFeatures : public QObject {
    Q_OBJECT

private slots:
    // All 24 keys against the Camelot wheel as DJs print it.
    void keyNamesAndCamelotCodes_data()
    {
        QTest::addColumn<int>("pitchClass");
        QTest::addColumn<bool>("major");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("camelot");
        const struct {
            const char *name;
            const char *major;
            const char *minor;
        } wheel[] = {
            {"C", "8B", "5A"},  {"C♯", "3B", "12A"}, {"D", "10B", "7A"},  {"D♯", "5B", "2A"},
            {"E", "12B", "9A"}, {"F", "7B", "4A"},   {"F♯", "2B", "11A"}, {"G", "9B", "6A"},
            {"G♯", "4B", "1A"}, {"A", "11B", "8A"},  {"A♯", "6B", "3A"},  {"B", "1B", "10A"},
        };
        for (int pitch = 0; pitch < 12; ++pitch) {
            const QString name = QString::fromUtf8(wheel[pitch].name);
            QTest::addRow("%s major", wheel[pitch].name)
                << pitch << true << name + QStringLiteral(" major") << QString::fromLatin1(wheel[pitch].major);
            QTest::addRow("%s minor", wheel[pitch].name)
                << pitch << false << name + QStringLiteral(" minor") << QString::fromLatin1(wheel[pitch].minor);
        }
        QTest::newRow("no key, major") << -1 << true << QStringLiteral("unknown key") << QString();
        QTest::newRow("no key, minor") << -1 << false << QStringLiteral("unknown key") << QString();
        QTest::newRow("out of range") << 12 << true << QStringLiteral("unknown key") << QString();
    }

    void keyNamesAndCamelotCodes()
    {
        QFETCH(int, pitchClass);
        QFETCH(bool, major);
        QFETCH(QString, name);
        QFETCH(QString, camelot);
        QCOMPARE(keyName(pitchClass, major), name);
        QCOMPARE(camelotCode(pitchClass, major), camelot);
    }

    void pitchClassOfAKeyValue_data()
    {
        QTest::addColumn<float>("key");
        QTest::addColumn<int>("pitchClass");
        QTest::newRow("C") << 0.0f << 0;
        QTest::newRow("B") << 11.0f << 11;
        QTest::newRow("rounded") << 8.9f << 9;
        QTest::newRow("Spotify's no key") << -1.0f << -1;
        QTest::newRow("too high") << 12.0f << -1;
        QTest::newRow("missing") << std::numeric_limits<float>::quiet_NaN() << -1;
    }

    void pitchClassOfAKeyValue()
    {
        QFETCH(float, key);
        QFETCH(int, pitchClass);
        QCOMPARE(pitchClassOf(key), pitchClass);
    }

    void keyValuesReadAsPitchNames_data()
    {
        QTest::addColumn<float>("key");
        QTest::addColumn<QString>("text");
        QTest::newRow("C") << 0.0f << QStringLiteral("C");
        QTest::newRow("F sharp") << 6.0f << QStringLiteral("F♯");
        QTest::newRow("no key") << -1.0f << QStringLiteral("no key");
        QTest::newRow("missing") << std::numeric_limits<float>::quiet_NaN() << QStringLiteral("unknown");
    }

    void keyValuesReadAsPitchNames()
    {
        QFETCH(float, key);
        QFETCH(QString, text);
        QCOMPARE(formatFeatureValue(Feature::Key, key), text);
    }

    // One table for every source: the values of the probe are out, real quirks are in.
    void featureRanges_data()
    {
        QTest::addColumn<Feature>("feature");
        QTest::addColumn<double>("value");
        QTest::addColumn<bool>("inRange");
        const double nan = std::numeric_limits<double>::quiet_NaN();
        QTest::newRow("tempo -120") << Feature::Tempo << -120.0 << false;
        QTest::newRow("tempo 0: none detected") << Feature::Tempo << 0.0 << true;
        QTest::newRow("tempo 239.44") << Feature::Tempo << 239.44 << true;
        QTest::newRow("tempo 1000") << Feature::Tempo << 1000.0 << false;
        QTest::newRow("danceability -5") << Feature::Danceability << -5.0 << false;
        QTest::newRow("danceability 1") << Feature::Danceability << 1.0 << true;
        QTest::newRow("energy 7") << Feature::Energy << 7.0 << false;
        QTest::newRow("valence 1.01") << Feature::Valence << 1.01 << false;
        QTest::newRow("key 99") << Feature::Key << 99.0 << false;
        QTest::newRow("key 11") << Feature::Key << 11.0 << true;
        QTest::newRow("key -1: none detected") << Feature::Key << -1.0 << true;
        QTest::newRow("key 2.5") << Feature::Key << 2.5 << false;
        QTest::newRow("mode 3") << Feature::Mode << 3.0 << false;
        QTest::newRow("mode 0.5") << Feature::Mode << 0.5 << false;
        QTest::newRow("mode 0") << Feature::Mode << 0.0 << true;
        QTest::newRow("loudness +500 dB") << Feature::Loudness << 500.0 << false;
        QTest::newRow("loudness +1.275 dB") << Feature::Loudness << 1.275 << true;
        QTest::newRow("loudness -46 dB") << Feature::Loudness << -46.448 << true;
        QTest::newRow("loudness -200 dB") << Feature::Loudness << -200.0 << false;
        QTest::newRow("NaN") << Feature::Energy << nan << false;
        QTest::newRow("infinity") << Feature::Loudness << std::numeric_limits<double>::infinity() << false;
    }

    void featureRanges()
    {
        QFETCH(Feature, feature);
        QFETCH(double, value);
        QFETCH(bool, inRange);
        QCOMPARE(isInRange(feature, value), inRange);
    }

    void rangesInWords_data()
    {
        QTest::addColumn<Feature>("feature");
        QTest::addColumn<QString>("text");
        QTest::newRow("energy") << Feature::Energy << QStringLiteral("0 to 1");
        QTest::newRow("mode") << Feature::Mode << QStringLiteral("0 or 1");
        QTest::newRow("key") << Feature::Key << QStringLiteral("-1 to 11, whole numbers");
        QTest::newRow("tempo") << Feature::Tempo << QStringLiteral("0 to 300");
    }

    void rangesInWords()
    {
        QFETCH(Feature, feature);
        QFETCH(QString, text);
        QCOMPARE(featureRangeText(feature), text);
    }
};

QTEST_GUILESS_MAIN(TestAudioFeatures)
#include "tst_audiofeatures.moc"
