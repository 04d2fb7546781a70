#include "rankingcontrols.h"
#include "rankingoptions.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGroupBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace encore;

class TestRankingControls : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString settingsFile(const QString &name) const { return m_dir.filePath(name); }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void defaults()
    {
        RankingControls controls;
        const RankingOptions options = controls.options();
        QCOMPARE(options, RankingOptions());
        QCOMPARE(options.method, RankingMethod::Content);
        QCOMPARE(options.k, RankingOptions::kDefaultK);
        QVERIFY(controls.findChild<QGroupBox *>(QStringLiteral("weightsGroup"))->isEnabled());
        QVERIFY(!controls.findChild<QPushButton *>(QStringLiteral("resetWeightsButton"))->isEnabled());
        QCOMPARE(controls.findChildren<QSlider *>().size(), kFeatureCount);
    }

    void setOptionsRoundTripsWithoutSignal()
    {
        RankingControls controls;
        QSignalSpy changed(&controls, &RankingControls::optionsChanged);
        RankingOptions options;
        options.method = RankingMethod::Tutorial;
        options.k = 7;
        options.excludePlaylistTracks = true;
        options.weights[Feature::Tempo] = 2.0f;
        options.weights[Feature::Key] = 0.0f;
        options.weights[Feature::Valence] = 0.35f;
        controls.setOptions(options);
        QCOMPARE(controls.options(), options);
        QCOMPARE(changed.count(), 0);
        QVERIFY(!controls.findChild<QGroupBox *>(QStringLiteral("weightsGroup"))->isEnabled());
    }

    void userChangesEmit_data()
    {
        QTest::addColumn<QString>("what");
        QTest::newRow("method") << QStringLiteral("method");
        QTest::newRow("count") << QStringLiteral("count");
        QTest::newRow("exclude") << QStringLiteral("exclude");
        QTest::newRow("weight") << QStringLiteral("weight");
    }
    void userChangesEmit()
    {
        QFETCH(QString, what);
        RankingControls controls;
        QSignalSpy changed(&controls, &RankingControls::optionsChanged);
        if (what == QLatin1String("method"))
            controls.findChild<QComboBox *>(QStringLiteral("methodCombo"))->setCurrentIndex(1);
        else if (what == QLatin1String("count"))
            controls.findChild<QSpinBox *>(QStringLiteral("resultCountSpin"))->setValue(33);
        else if (what == QLatin1String("exclude"))
            controls.findChild<QCheckBox *>(QStringLiteral("excludePlaylistCheck"))->setChecked(true);
        else
            controls.findChild<QSlider *>(QStringLiteral("weightSlider_energy"))->setValue(30);
        QCOMPARE(changed.count(), 1);
        QVERIFY(controls.options() != RankingOptions());
    }

    void weightsFollowSliders()
    {
        RankingControls controls;
        auto *energy = controls.findChild<QSlider *>(QStringLiteral("weightSlider_energy"));
        QVERIFY(energy);
        energy->setValue(energy->maximum());
        QCOMPARE(controls.options().weights[Feature::Energy], RankingOptions::kMaxWeight);
        energy->setValue(0);
        QCOMPARE(controls.options().weights[Feature::Energy], 0.0f);

        auto *reset = controls.findChild<QPushButton *>(QStringLiteral("resetWeightsButton"));
        QVERIFY(reset->isEnabled());
        QSignalSpy changed(&controls, &RankingControls::optionsChanged);
        reset->click();
        QCOMPARE(changed.count(), 1);
        QCOMPARE(controls.options().weights, FeatureWeights());
        QVERIFY(!reset->isEnabled());
    }

    void weightsOnlyForContent()
    {
        RankingControls controls;
        auto *method = controls.findChild<QComboBox *>(QStringLiteral("methodCombo"));
        auto *weights = controls.findChild<QGroupBox *>(QStringLiteral("weightsGroup"));
        method->setCurrentIndex(method->findData(static_cast<int>(RankingMethod::Tutorial)));
        QCOMPARE(controls.options().method, RankingMethod::Tutorial);
        QVERIFY(!weights->isEnabled());
        method->setCurrentIndex(method->findData(static_cast<int>(RankingMethod::Content)));
        QVERIFY(weights->isEnabled());
    }

    void settingsRoundTrip()
    {
        RankingOptions options;
        options.method = RankingMethod::Tutorial;
        options.k = 50;
        options.excludePlaylistTracks = true;
        options.weights[Feature::Liveness] = 1.5f;
        {
            QSettings settings(settingsFile(QStringLiteral("roundtrip.ini")), QSettings::IniFormat);
            saveRankingOptions(settings, options);
        }
        const QSettings settings(settingsFile(QStringLiteral("roundtrip.ini")), QSettings::IniFormat);
        QCOMPARE(loadRankingOptions(settings), options);
    }

    void badSettingsFallBack_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QVariant>("value");
        QTest::newRow("unknown method") << QStringLiteral("ranking/method") << QVariant(QStringLiteral("magic"));
        QTest::newRow("k not a number") << QStringLiteral("ranking/k") << QVariant(QStringLiteral("many"));
        QTest::newRow("k zero") << QStringLiteral("ranking/k") << QVariant(0);
        QTest::newRow("too few weights") << QStringLiteral("ranking/weights") << QVariant(QVariantList{1.0, 2.0});
    }
    void badSettingsFallBack()
    {
        QFETCH(QString, key);
        QFETCH(QVariant, value);
        QSettings settings(settingsFile(QStringLiteral("bad-%1.ini").arg(QString::fromUtf8(QTest::currentDataTag()))),
                           QSettings::IniFormat);
        settings.setValue(key, value);
        QCOMPARE(loadRankingOptions(settings), RankingOptions());
    }

    void settingsAreClamped()
    {
        QSettings settings(settingsFile(QStringLiteral("clamped.ini")), QSettings::IniFormat);
        QVariantList weights(kFeatureCount, 1.0);
        weights[index(Feature::Tempo)] = 9.0;
        weights[index(Feature::Key)] = -1.0;
        settings.setValue(QStringLiteral("ranking/weights"), weights);
        settings.setValue(QStringLiteral("ranking/k"), 100000);
        const RankingOptions options = loadRankingOptions(settings);
        QCOMPARE(options.weights[Feature::Tempo], RankingOptions::kMaxWeight);
        QCOMPARE(options.weights[Feature::Key], 0.0f);
        QCOMPARE(options.k, RankingOptions::kMaxK);
    }
};

QTEST_MAIN(TestRankingControls)
#include "tst_rankingcontrols.moc"
