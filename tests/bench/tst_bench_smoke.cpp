#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <cmath>

namespace {

// The value at a path of member names ("ranking/real/content_ms/median"), or undefined.
QJsonValue valueAt(const QJsonObject &root, const QString &path)
{
    QJsonValue value = root;
    for (const QString &name : path.split(QLatin1Char('/')))
        value = value.toObject().value(name);
    return value;
}

}  // namespace

class TestBenchSmoke : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void machineIsDescribed();
    void everyFigureIsANumber_data();
    void everyFigureIsANumber();
    void playlistIdealFollowsItsFormula();
    void collectionHasThePublishedShape();

private:
    QJsonObject m_report;
};

void TestBenchSmoke::initTestCase()
{
    ENCORE_REQUIRE_FILE(encore::test::realCatalogPath());
    QProcess bench;
    bench.start(QStringLiteral(ENCORE_BENCH_PATH), {QStringLiteral("--quick"), QStringLiteral("--json")});
    QVERIFY(bench.waitForFinished(240000));
    QVERIFY2(bench.exitStatus() == QProcess::NormalExit && bench.exitCode() == 0,
             bench.readAllStandardError().constData());
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bench.readAllStandardOutput(), &error);
    QVERIFY2(document.isObject(), qPrintable(error.errorString()));
    m_report = document.object();
}

void TestBenchSmoke::machineIsDescribed()
{
    QVERIFY(valueAt(m_report, QStringLiteral("quick")).toBool());
    QVERIFY(valueAt(m_report, QStringLiteral("machine/cores")).toInt() >= 1);
    QVERIFY(valueAt(m_report, QStringLiteral("machine/ram_gb")).toDouble() > 0.0);
    QVERIFY(!valueAt(m_report, QStringLiteral("machine/kernel")).toString().isEmpty());
    QVERIFY(!valueAt(m_report, QStringLiteral("machine/build_type")).toString().isEmpty());
}

void TestBenchSmoke::everyFigureIsANumber_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("positive");  // false: 0 is a valid measurement
    const auto stats = [](const QString &path, bool positive) {
        for (const char *part : {"median", "min", "max", "runs"})
            QTest::newRow(qPrintable(path + QLatin1Char('/') + QLatin1String(part)))
                << path + QLatin1Char('/') + QLatin1String(part) << positive;
    };
    for (const QString &catalog : {QStringLiteral("real"), QStringLiteral("generated")}) {
        QTest::newRow(qPrintable(QStringLiteral("ranking/%1/tracks").arg(catalog)))
            << QStringLiteral("ranking/%1/tracks").arg(catalog) << true;
        for (const char *figure : {"content_ms", "content_kernel_ms", "hybrid_ms"})
            stats(QStringLiteral("ranking/%1/%2").arg(catalog, QLatin1String(figure)), true);
        for (const char *figure : {"rows", "file_bytes", "csv_bytes", "rows_per_s", "mb_per_s"})
            QTest::newRow(qPrintable(QStringLiteral("import/%1/%2").arg(catalog, QLatin1String(figure))))
                << QStringLiteral("import/%1/%2").arg(catalog, QLatin1String(figure)) << true;
        stats(QStringLiteral("import/%1/seconds").arg(catalog), true);
    }
    QTest::newRow("cold_open/tracks") << QStringLiteral("cold_open/tracks") << true;
    QTest::newRow("cold_open/store_s") << QStringLiteral("cold_open/store_s") << true;
    for (const char *figure : {"ms", "peak_rss_mb", "open_ms", "load_ms", "build_ms", "rank_ms"})
        stats(QStringLiteral("cold_open/%1").arg(QLatin1String(figure)), true);
    QTest::newRow("window_start/tracks") << QStringLiteral("window_start/tracks") << true;
    stats(QStringLiteral("window_start/ms"), true);
    for (const char *figure : {"tracks", "pages", "concurrency", "latency_ms", "ideal_ms", "vs_ideal"})
        QTest::newRow(qPrintable(QStringLiteral("playlist_read/%1").arg(QLatin1String(figure))))
            << QStringLiteral("playlist_read/%1").arg(QLatin1String(figure)) << true;
    stats(QStringLiteral("playlist_read/ms"), true);
    stats(QStringLiteral("playlist_read/zero_latency_ms"), true);
    for (const char *figure : {"idle_ms", "ranking_content_ms", "ranking_hybrid_ms", "playlist_read_ms"})
        stats(QStringLiteral("gui_stall/%1").arg(QLatin1String(figure)), false);
    for (const char *figure : {"playlists", "entries", "distinct_tracks", "tracks_with_features", "bytes",
                               "most_playlists_of_a_track", "tracks_in_one_playlist"})
        QTest::newRow(qPrintable(QStringLiteral("collection/collection/%1").arg(QLatin1String(figure))))
            << QStringLiteral("collection/collection/%1").arg(QLatin1String(figure)) << true;
    for (const char *figure : {"write_s", "read_s", "import_s", "import_peak_rss_mb", "features_import_s", "load_s",
                               "build_peak_rss_mb", "library_tracks", "library_playlists", "library_mb"})
        QTest::newRow(qPrintable(QStringLiteral("collection/%1").arg(QLatin1String(figure))))
            << QStringLiteral("collection/%1").arg(QLatin1String(figure)) << true;
    QTest::newRow("collection/build_s") << QStringLiteral("collection/build_s") << false;
    for (const char *figure :
         {"cold_open_ms", "rank_peak_rss_mb", "hybrid_with_features_ms", "hybrid_without_features_ms"})
        stats(QStringLiteral("collection/%1").arg(QLatin1String(figure)), true);
}

// The generated collection has the published shape: playlists of about 66 tracks, a long tail.
void TestBenchSmoke::collectionHasThePublishedShape()
{
    const QJsonObject collection = valueAt(m_report, QStringLiteral("collection/collection")).toObject();
    const double playlists = collection.value(QStringLiteral("playlists")).toDouble();
    const double entries = collection.value(QStringLiteral("entries")).toDouble();
    QVERIFY2(entries / playlists > 55 && entries / playlists < 77, qPrintable(QString::number(entries / playlists)));
    QCOMPARE(valueAt(m_report, QStringLiteral("collection/library_playlists")).toDouble(), playlists + 1);
    QVERIFY(collection.value(QStringLiteral("most_playlists_of_a_track")).toDouble() > 10);
    QVERIFY(collection.value(QStringLiteral("tracks_in_one_playlist")).toDouble() > 0);
}

void TestBenchSmoke::everyFigureIsANumber()
{
    QFETCH(QString, path);
    QFETCH(bool, positive);
    const QJsonValue value = valueAt(m_report, path);
    QVERIFY2(value.isDouble(), qPrintable(path + QStringLiteral(" is missing or not a number")));
    QVERIFY(std::isfinite(value.toDouble()));
    QVERIFY(positive ? value.toDouble() > 0.0 : value.toDouble() >= 0.0);
}

void TestBenchSmoke::playlistIdealFollowsItsFormula()
{
    const QJsonObject read = m_report.value(QStringLiteral("playlist_read")).toObject();
    const int pages = read.value(QStringLiteral("pages")).toInt();
    const int concurrency = read.value(QStringLiteral("concurrency")).toInt();
    const double latency = read.value(QStringLiteral("latency_ms")).toDouble();
    QCOMPARE(pages, (read.value(QStringLiteral("tracks")).toInt() + 49) / 50);
    QCOMPARE(read.value(QStringLiteral("ideal_ms")).toDouble(),
             latency * (1 + std::ceil(double(pages - 1) / concurrency)));
    QVERIFY(read.value(QStringLiteral("ms")).toObject().value(QStringLiteral("min")).toDouble() >= latency);
}

QTEST_GUILESS_MAIN(TestBenchSmoke)
#include "tst_bench_smoke.moc"
