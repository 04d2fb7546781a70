#include "discover/spotifysearchbudget.h"

#include <QTest>

using namespace encore;

namespace {

Track song(int n)
{
    Track track;
    track.id = QStringLiteral("deezer:%1").arg(n);
    track.name = QStringLiteral("Song %1").arg(n);
    return track;
}

QStringList idsOf(const std::vector<Track> &tracks)
{
    QStringList ids;
    for (const Track &track : tracks)
        ids << track.id;
    return ids;
}

}  // namespace

class TestSpotifySearchPlan : public QObject {
    Q_OBJECT

private slots:
    void asksOnlyWhatItDoesNotKnowWithinTheBudget()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QHash<QString, SpotifyMatch> answered{
            {QStringLiteral("deezer:1"), {QStringLiteral("S1"), now.addDays(-400)}},  // a match stays true
            {QStringLiteral("deezer:2"), {QString(), now.addDays(-3)}},               // "none", recently
            {QStringLiteral("deezer:3"), {QString(), now.addDays(-31)}},              // "none", long ago
        };
        const std::vector<Track> songs{song(1), song(2), song(3), song(4), song(5), song(6)};

        // 10 of 15 spent: room for two songs of two searches each.
        const SpotifySearchPlan plan = SpotifySearchPlan::make(songs, answered, 10, 15, now);
        QCOMPARE(idsOf(plan.toAsk), (QStringList{QStringLiteral("deezer:3"), QStringLiteral("deezer:4")}));
        QCOMPARE(plan.known.value(QStringLiteral("deezer:1")), QStringLiteral("S1"));
        QVERIFY(plan.known.contains(QStringLiteral("deezer:2")));
        QVERIFY(plan.known.value(QStringLiteral("deezer:2")).isEmpty());
        QCOMPARE(plan.known.size(), 2);
        QCOMPARE(plan.overBudget, 2);

        const SpotifySearchPlan spent = SpotifySearchPlan::make(songs, {}, 15, 15, now);
        QVERIFY(spent.toAsk.empty());
        QCOMPARE(spent.overBudget, 6);
    }

    void givesOneResultPerSongFromEarlierAndNewAnswers()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QHash<QString, SpotifyMatch> answered{
            {QStringLiteral("deezer:1"), {QStringLiteral("S1"), now.addDays(-2)}},
            {QStringLiteral("deezer:2"), {QString(), now.addDays(-2)}},
        };
        const std::vector<Track> songs{song(1), song(2), song(3), song(4)};
        // A save is counted, never refused, however many searches the day has seen.
        const SpotifySearchPlan plan =
            SpotifySearchPlan::make(songs, answered, 5000, SpotifySearchPlan::kNoBudget, now);
        QCOMPARE(idsOf(plan.toAsk), (QStringList{QStringLiteral("deezer:3"), QStringLiteral("deezer:4")}));
        Track found = song(4);
        found.id = QStringLiteral("S4");
        const std::vector<std::optional<Track>> asked{std::nullopt, found};

        const std::vector<SpotifySearchAnswer> answers = plan.answersTo(asked);
        QCOMPARE(answers.size(), std::size_t(2));
        QCOMPARE(answers[0].song.id, QStringLiteral("deezer:3"));
        QVERIFY(!answers[0].found);
        QCOMPARE(answers[1].found->id, QStringLiteral("S4"));

        const std::vector<std::optional<Track>> results = plan.resultsFor(songs, asked);
        QCOMPARE(results.size(), songs.size());
        QCOMPARE(results[0]->id, QStringLiteral("S1"));  // known: the song under its Spotify id
        QCOMPARE(results[0]->name, QStringLiteral("Song 1"));
        QVERIFY(!results[1]);  // known to be none
        QVERIFY(!results[2]);  // just asked: none
        QCOMPARE(results[3]->id, QStringLiteral("S4"));
    }

    void saysHowMuchIsUsed()
    {
        QCOMPARE(spotifyBudgetText(12, 300), QStringLiteral("12 of 300 Spotify searches used today."));
    }
};

QTEST_GUILESS_MAIN(TestSpotifySearchPlan)

#include "tst_spotifysearchplan.moc"
