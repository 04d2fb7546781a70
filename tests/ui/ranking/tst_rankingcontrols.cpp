#include "ranking/rankingcontrols.h"
#include "ranking/rankingoptions.h"
#include "ui/widgettesting.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QWheelEvent>

#include <algorithm>

using namespace encore;
using encore::test::child;

namespace {

// Options with every value away from its default, on the controls' steps.
RankingOptions changedOptions()
{
    RankingOptions options;
    options.method = RankingMethod::Content;
    options.k = 7;
    options.excludePlaylistTracks = false;
    options.weights[Feature::Tempo] = 2.0f;
    options.weights[Feature::Key] = 0.0f;
    options.weights[Feature::Valence] = 0.35f;
    options.hybrid.alpha = 0.65f;
    options.hybrid.popularityWeight = 0.115f;
    options.hybrid.diversity = 0.3f;
    options.hybrid.maxPerArtist = 0;
    options.playlistContext = 0.0f;
    return options;
}

}  // namespace

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
        QCOMPARE(options.method, RankingMethod::Hybrid);
        QCOMPARE(options.k, RankingOptions::kDefaultK);
        QCOMPARE(options.hybrid, HybridSettings());
        QCOMPARE(options.playlistContext, RankingRequest().playlistContext);
        auto *method = child<QComboBox>(controls, QStringLiteral("methodCombo"));
        QCOMPARE(method->itemData(0).toInt(), static_cast<int>(RankingMethod::Hybrid));
        QVERIFY(method->itemText(0).startsWith(QStringLiteral("Hybrid")));
        QVERIFY(!method->itemData(0, Qt::ToolTipRole).toString().isEmpty());
        QVERIFY(child<QGroupBox>(controls, QStringLiteral("hybridGroup"))->isEnabled());
        QVERIFY(child<QGroupBox>(controls, QStringLiteral("weightsGroup"))->isEnabled());
        QVERIFY(!child<QPushButton>(controls, QStringLiteral("resetWeightsButton"))->isEnabled());
        QVERIFY(!child<QPushButton>(controls, QStringLiteral("resetHybridButton"))->isEnabled());
        QCOMPARE(controls.findChildren<QSlider *>(QRegularExpression(QStringLiteral("^weightSlider_"))).size(),
                 kFeatureCount);
    }

    void setOptionsRoundTripsWithoutSignal()
    {
        RankingControls controls;
        QSignalSpy changed(&controls, &RankingControls::optionsChanged);
        RankingOptions options = changedOptions();
        controls.setOptions(options);
        QCOMPARE(controls.options(), options);
        options.method = RankingMethod::Tutorial;
        controls.setOptions(options);
        QCOMPARE(controls.options(), options);
        QCOMPARE(changed.count(), 0);
        QVERIFY(!child<QGroupBox>(controls, QStringLiteral("weightsGroup"))->isEnabled());
        QVERIFY(!child<QGroupBox>(controls, QStringLiteral("hybridGroup"))->isEnabled());
    }

    // Each control changes its own part of the options and nothing else.
    void userChangesEmit_data()
    {
        QTest::addColumn<QString>("what");
        for (const char *what :
             {"method", "count", "exclude", "weight", "alpha", "popularity", "diversity", "perArtist", "context"})
            QTest::newRow(what) << QString::fromLatin1(what);
    }
    void userChangesEmit()
    {
        QFETCH(QString, what);
        RankingControls controls;
        QSignalSpy changed(&controls, &RankingControls::optionsChanged);
        RankingOptions expected;
        if (what == QLatin1String("method")) {
            child<QComboBox>(controls, QStringLiteral("methodCombo"))->setCurrentIndex(1);
            expected.method = RankingMethod::Content;
        } else if (what == QLatin1String("count")) {
            child<QSpinBox>(controls, QStringLiteral("resultCountSpin"))->setValue(33);
            expected.k = 33;
        } else if (what == QLatin1String("exclude")) {
            auto *exclude = child<QCheckBox>(controls, QStringLiteral("excludePlaylistCheck"));
            QVERIFY(exclude->isChecked());  // songs the user does not have yet, by default
            exclude->setChecked(false);
            expected.excludePlaylistTracks = false;
        } else if (what == QLatin1String("weight")) {
            child<QSlider>(controls, QStringLiteral("weightSlider_energy"))->setValue(30);
            expected.weights[Feature::Energy] = 1.5f;
        } else if (what == QLatin1String("alpha")) {
            child<QSlider>(controls, QStringLiteral("alphaSlider"))->setValue(20);
            expected.hybrid.alpha = 1.0f;
        } else if (what == QLatin1String("popularity")) {
            auto *slider = child<QSlider>(controls, QStringLiteral("popularitySlider"));
            slider->setValue(slider->maximum());
            expected.hybrid.popularityWeight = RankingOptions::kMaxPopularityWeight;
        } else if (what == QLatin1String("diversity")) {
            child<QSlider>(controls, QStringLiteral("diversitySlider"))->setValue(10);
            expected.hybrid.diversity = 0.5f;
        } else if (what == QLatin1String("perArtist")) {
            child<QSpinBox>(controls, QStringLiteral("perArtistSpin"))->setValue(0);
            expected.hybrid.maxPerArtist = 0;
        } else {
            child<QSlider>(controls, QStringLiteral("playlistContextSlider"))->setValue(0);
            expected.playlistContext = 0.0f;
        }
        QCOMPARE(changed.count(), 1);
        QVERIFY(controls.options() != RankingOptions());
        QCOMPARE(controls.options(), expected);
    }

    void weightsFollowSliders()
    {
        RankingControls controls;
        auto *energy = child<QSlider>(controls, QStringLiteral("weightSlider_energy"));
        energy->setValue(energy->maximum());
        QCOMPARE(controls.options().weights[Feature::Energy], RankingOptions::kMaxWeight);
        energy->setValue(0);
        QCOMPARE(controls.options().weights[Feature::Energy], 0.0f);

        auto *reset = child<QPushButton>(controls, QStringLiteral("resetWeightsButton"));
        QVERIFY(reset->isEnabled());
        QSignalSpy changed(&controls, &RankingControls::optionsChanged);
        reset->click();
        QCOMPARE(changed.count(), 1);
        QCOMPARE(controls.options().weights, FeatureWeights());
        QVERIFY(!reset->isEnabled());
    }

    void resetBlendRestoresDefaults()
    {
        RankingControls controls;
        RankingOptions options = changedOptions();
        options.method = RankingMethod::Hybrid;
        controls.setOptions(options);
        auto *reset = child<QPushButton>(controls, QStringLiteral("resetHybridButton"));
        QVERIFY(reset->isEnabled());
        QSignalSpy changed(&controls, &RankingControls::optionsChanged);
        reset->click();
        QCOMPARE(changed.count(), 1);
        QCOMPARE(controls.options().hybrid, HybridSettings());
        QCOMPARE(controls.options().playlistContext, RankingOptions().playlistContext);
        // Only the blend: the rest stays as it was.
        QCOMPARE(controls.options().k, options.k);
        QCOMPARE(controls.options().weights, options.weights);
        QVERIFY(!reset->isEnabled());
    }

    void valuesAreShown()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        RankingControls controls;
        RankingOptions options;
        options.hybrid.popularityWeight = 0.115f;
        controls.setOptions(options);
        const QList<QLabel *> labels = controls.findChildren<QLabel *>();
        QVERIFY(std::any_of(labels.begin(), labels.end(),
                            [](const QLabel *label) { return label->text() == QLatin1String("0.115"); }));
        QVERIFY(std::any_of(labels.begin(), labels.end(),
                            [](const QLabel *label) { return label->text() == QLatin1String("Audio"); }));
        QVERIFY(std::any_of(labels.begin(), labels.end(),
                            [](const QLabel *label) { return label->text() == QLatin1String("People"); }));
    }

    // The weights fold away and say when they differ from the defaults.
    void weightsFold()
    {
        RankingControls controls;
        auto *toggle = child<QAbstractButton>(controls, QStringLiteral("weightsToggle"));
        auto *group = child<QGroupBox>(controls, QStringLiteral("weightsGroup"));
        QVERIFY(!controls.weightsShown());
        QVERIFY(!group->isVisibleTo(&controls));
        QSignalSpy changed(&controls, &RankingControls::optionsChanged);
        QSignalSpy unfolded(&controls, &RankingControls::weightsUnfolded);
        toggle->click();
        QVERIFY(controls.weightsShown());
        QCOMPARE(unfolded.count(), 1);  // for the panel to scroll them into view
        QVERIFY(group->isVisibleTo(&controls));
        QCOMPARE(changed.count(), 0);  // not a ranking option
        controls.setWeightsShown(false);
        QVERIFY(!toggle->isChecked());
        QVERIFY(!group->isVisibleTo(&controls));

        QVERIFY(!toggle->text().contains(QStringLiteral("changed")));
        child<QSlider>(controls, QStringLiteral("weightSlider_key"))->setValue(0);
        QVERIFY(toggle->text().contains(QStringLiteral("changed")));
    }

    // A wheel turned over a control changes it only while it has the focus; otherwise the panel
    // scrolls (the event is left unaccepted for it).
    void wheelChangesOnlyAFocusedControl_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("slider") << QStringLiteral("playlistContextSlider");
        QTest::newRow("spin box") << QStringLiteral("perArtistSpin");
        QTest::newRow("method") << QStringLiteral("methodCombo");
    }
    void wheelChangesOnlyAFocusedControl()
    {
        QFETCH(QString, name);
        RankingControls controls;
        controls.show();
        controls.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&controls));
        auto *widget = child<QWidget>(controls, name);
        QCOMPARE(widget->focusPolicy(), Qt::StrongFocus);
        QSignalSpy changed(&controls, &RankingControls::optionsChanged);
        auto turn = [widget] {
            const QPointF at = QRectF(widget->rect()).center();
            QWheelEvent wheel(at, widget->mapToGlobal(at), QPoint(), QPoint(0, -120), Qt::NoButton, Qt::NoModifier,
                              Qt::NoScrollPhase, false);
            QCoreApplication::sendEvent(widget, &wheel);
            return wheel.isAccepted();
        };
        child<QWidget>(controls, QStringLiteral("resultCountSpin"))->setFocus();
        QVERIFY(!turn());
        QCOMPARE(changed.count(), 0);
        widget->setFocus();
        QTRY_VERIFY(widget->hasFocus());
        turn();
        QCOMPARE(changed.count(), 1);
    }

    // Which groups apply to which method: hybrid uses the weights for its audio part.
    void groupsFollowMethod_data()
    {
        QTest::addColumn<int>("methodValue");
        QTest::addColumn<bool>("hybrid");
        QTest::addColumn<bool>("weights");
        QTest::newRow("hybrid") << int(RankingMethod::Hybrid) << true << true;
        QTest::newRow("content") << int(RankingMethod::Content) << false << true;
        QTest::newRow("tutorial") << int(RankingMethod::Tutorial) << false << false;
    }
    void groupsFollowMethod()
    {
        QFETCH(int, methodValue);
        const auto method = static_cast<RankingMethod>(methodValue);
        QFETCH(bool, hybrid);
        QFETCH(bool, weights);
        RankingControls controls;
        auto *combo = child<QComboBox>(controls, QStringLiteral("methodCombo"));
        combo->setCurrentIndex(combo->findData(static_cast<int>(method)));
        QCOMPARE(controls.options().method, method);
        QCOMPARE(child<QGroupBox>(controls, QStringLiteral("hybridGroup"))->isEnabled(), hybrid);
        QCOMPARE(child<QGroupBox>(controls, QStringLiteral("weightsGroup"))->isEnabled(), weights);
    }

    // Every control is reachable by Tab, in reading order, and has a label with a mnemonic.
    void keyboardReachesEveryControl()
    {
        RankingControls controls;
        const QStringList order = {QStringLiteral("methodCombo"),
                                   QStringLiteral("resultCountSpin"),
                                   QStringLiteral("excludePlaylistCheck"),
                                   QStringLiteral("alphaSlider"),
                                   QStringLiteral("popularitySlider"),
                                   QStringLiteral("diversitySlider"),
                                   QStringLiteral("playlistContextSlider"),
                                   QStringLiteral("perArtistSpin"),
                                   QStringLiteral("resetHybridButton"),
                                   QStringLiteral("weightsToggle"),
                                   QStringLiteral("weightSlider_danceability"),
                                   QStringLiteral("resetWeightsButton")};
        QStringList visited;
        QWidget *widget = child<QWidget>(controls, order.first());
        for (int i = 0; i < 200 && widget && widget != &controls; ++i) {
            if (order.contains(widget->objectName()) && !visited.contains(widget->objectName()))
                visited << widget->objectName();
            widget = widget->nextInFocusChain();
        }
        QCOMPARE(visited, order);

        const QList<QLabel *> labels = controls.findChildren<QLabel *>();
        for (const QString &name :
             {QStringLiteral("methodCombo"), QStringLiteral("resultCountSpin"), QStringLiteral("alphaSlider"),
              QStringLiteral("popularitySlider"), QStringLiteral("diversitySlider"), QStringLiteral("perArtistSpin"),
              QStringLiteral("playlistContextSlider")}) {
            QWidget *control = child<QWidget>(controls, name);
            QVERIFY2(control->focusPolicy() & Qt::TabFocus, qPrintable(name));
            const bool labelled = std::any_of(labels.begin(), labels.end(), [control](const QLabel *label) {
                return label->buddy() == control && label->text().contains(QLatin1Char('&'));
            });
            QVERIFY2(labelled, qPrintable(name));
        }
        for (const QString &name : {QStringLiteral("excludePlaylistCheck"), QStringLiteral("resetHybridButton"),
                                    QStringLiteral("weightsToggle"), QStringLiteral("resetWeightsButton")})
            QVERIFY2(child<QAbstractButton>(controls, name)->text().contains(QLatin1Char('&')), qPrintable(name));
    }

    void settingsRoundTrip()
    {
        const RankingOptions options = changedOptions();
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
        QTest::newRow("alpha above 1") << QStringLiteral("ranking/hybrid/alpha") << QVariant(1.5);
        QTest::newRow("alpha negative") << QStringLiteral("ranking/hybrid/alpha") << QVariant(-0.1);
        QTest::newRow("alpha not a number")
            << QStringLiteral("ranking/hybrid/alpha") << QVariant(QStringLiteral("half"));
        QTest::newRow("alpha nan") << QStringLiteral("ranking/hybrid/alpha") << QVariant(QStringLiteral("nan"));
        QTest::newRow("popularity too high") << QStringLiteral("ranking/hybrid/popularityWeight") << QVariant(0.5);
        QTest::newRow("popularity negative") << QStringLiteral("ranking/hybrid/popularityWeight") << QVariant(-0.01);
        QTest::newRow("diversity above 1") << QStringLiteral("ranking/hybrid/diversity") << QVariant(2.0);
        QTest::newRow("per artist negative") << QStringLiteral("ranking/hybrid/maxPerArtist") << QVariant(-1);
        QTest::newRow("per artist too many") << QStringLiteral("ranking/hybrid/maxPerArtist") << QVariant(999);
        QTest::newRow("per artist not a number")
            << QStringLiteral("ranking/hybrid/maxPerArtist") << QVariant(QStringLiteral("two"));
        QTest::newRow("context too high") << QStringLiteral("ranking/hybrid/playlistContext") << QVariant(3.0);
        QTest::newRow("context inf") << QStringLiteral("ranking/hybrid/playlistContext")
                                     << QVariant(QStringLiteral("inf"));
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

    // The limits themselves are valid values.
    void limitsAreKept()
    {
        QSettings settings(settingsFile(QStringLiteral("limits.ini")), QSettings::IniFormat);
        settings.setValue(QStringLiteral("ranking/hybrid/alpha"), 1.0);
        settings.setValue(QStringLiteral("ranking/hybrid/popularityWeight"),
                          double(RankingOptions::kMaxPopularityWeight));
        settings.setValue(QStringLiteral("ranking/hybrid/diversity"), 0.0);
        settings.setValue(QStringLiteral("ranking/hybrid/maxPerArtist"), RankingOptions::kMaxPerArtistLimit);
        settings.setValue(QStringLiteral("ranking/hybrid/playlistContext"),
                          double(RankingOptions::kMaxPlaylistContext));
        const RankingOptions options = loadRankingOptions(settings);
        QCOMPARE(options.hybrid.alpha, 1.0f);
        QCOMPARE(options.hybrid.popularityWeight, RankingOptions::kMaxPopularityWeight);
        QCOMPARE(options.hybrid.diversity, 0.0f);
        QCOMPARE(options.hybrid.maxPerArtist, RankingOptions::kMaxPerArtistLimit);
        QCOMPARE(options.playlistContext, RankingOptions::kMaxPlaylistContext);
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
