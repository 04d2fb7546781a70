// The hybrid method: the blend, metadata, the artist cap, MMR, feedback, playlist context and
// a whole playlist as the seed, leaving a playlist out, and explanations.

#include "recommend/explanation.h"
#include "recommend/recommender.h"
#include "importedcatalog.h"
#include "syntheticcatalog.h"

#include <QTest>

#include <algorithm>
#include <random>

using namespace encore;
using namespace encore::test;

namespace {

const FeatureValues kSeed{0.5f, 0.6f, 3.0f, -8.0f, 1.0f, 0.1f, 0.2f, 0.01f, 0.1f, 0.4f, 120.0f};
const FeatureValues kFar{0.9f, 0.1f, 9.0f, -25.0f, 0.0f, 0.45f, 0.9f, 0.8f, 0.7f, 0.9f, 70.0f};

FeatureValues nudged(FeatureValues values, Feature feature, float delta)
{
    values[static_cast<std::size_t>(index(feature))] += delta;
    return values;
}

// Random fillers by artists of their own, after the rows a test sets up.
void addFillers(CatalogParts &parts, int count, unsigned seed = 3)
{
    std::mt19937 rng(seed);
    for (int i = 0; i < count; ++i)
        parts.add(QStringLiteral("Filler %1").arg(i), QStringLiteral("Filler artist %1").arg(i),
                  randomFeatureValues(rng));
}

HybridSettings plain(float alpha)
{
    HybridSettings settings;
    settings.alpha = alpha;
    settings.popularityWeight = 0.0f;
    settings.diversity = 0.0f;
    settings.maxPerArtist = 0;
    return settings;
}

RankingRequest hybridRequest(int seedRow, int k, const HybridSettings &settings)
{
    RankingRequest request;
    request.method = RankingMethod::Hybrid;
    request.seedRow = seedRow;
    request.k = k;
    request.hybrid = settings;
    return request;
}

std::vector<int> rowsOf(const Recommender &recommender, const RankingRequest &request)
{
    const auto ranked = recommender.recommend(request);
    std::vector<int> rows;
    if (ranked)
        for (const Recommendation &r : *ranked)
            rows.push_back(r.row);
    return rows;
}

int rankOf(const std::vector<int> &rows, int row)
{
    const auto it = std::find(rows.begin(), rows.end(), row);
    return it == rows.end() ? -1 : static_cast<int>(it - rows.begin());
}

}  // namespace

class TestHybridRanker : public QObject {
    Q_OBJECT

private slots:
    void alphaMovesFromAudioToPeople()
    {
        CatalogParts parts;
        parts.add("Seed", "S", kSeed);
        parts.add("Sounds alike", "A", nudged(kSeed, Feature::Energy, 0.01f));
        parts.add("Played together", "B", kFar);
        addFillers(parts, 40);
        parts.playlists = {playlistOf("p0", {0, 2, 10}), playlistOf("p1", {0, 2, 20})};
        const Recommender recommender(parts.build());

        const std::vector<int> audio = rowsOf(recommender, hybridRequest(0, 50, plain(0.0f)));
        const std::vector<int> people = rowsOf(recommender, hybridRequest(0, 50, plain(1.0f)));
        QCOMPARE(audio.front(), 1);
        QVERIFY(rankOf(audio, 2) > 5);
        QCOMPARE(people.front(), 2);
        QVERIFY(rankOf(people, 1) > rankOf(people, 2));
        QCOMPARE(rowsOf(recommender, hybridRequest(0, 50, plain(0.5f))).front(), 2);
    }

    // A song nobody has analysed is found through the playlists it shares with the seed.
    void candidateWithoutFeaturesComesThroughPeople()
    {
        CatalogParts parts;
        parts.add("Seed", "S", kSeed);
        parts.add("Sounds alike", "A", nudged(kSeed, Feature::Energy, 0.01f));
        parts.add("New release", "B", FeatureValues{kNaN, kNaN, kNaN, kNaN, kNaN, kNaN, kNaN, kNaN, kNaN, kNaN, kNaN});
        addFillers(parts, 40);
        parts.playlists = {playlistOf("p0", {0, 2, 10}), playlistOf("p1", {0, 2, 20})};
        const Recommender recommender(parts.build());

        QCOMPARE(rowsOf(recommender, hybridRequest(0, 5, plain(0.5f))).front(), 2);
        const std::vector<int> audioOnly = rowsOf(recommender, hybridRequest(0, 50, plain(0.0f)));
        QCOMPARE(audioOnly.front(), 1);
        QVERIFY(rankOf(audioOnly, 2) > 5);
    }

    // A seed with only a tempo (Deezer's bpm), or nothing at all, is ranked for: by the tempo and
    // by the playlists it is in.
    void partialAndEmptySeedsAreRankedFor_data()
    {
        QTest::addColumn<bool>("tempoKnown");
        QTest::newRow("tempo only") << true;
        QTest::newRow("no features") << false;
    }

    void partialAndEmptySeedsAreRankedFor()
    {
        QFETCH(bool, tempoKnown);
        CatalogParts parts;
        FeatureValues seed{kNaN, kNaN, kNaN, kNaN, kNaN, kNaN, kNaN, kNaN, kNaN, kNaN, kNaN};
        if (tempoKnown)
            seed[std::size_t(index(Feature::Tempo))] = 120.0f;
        parts.add("Seed", "S", seed);
        parts.add("Played together", "B", kFar);
        addFillers(parts, 40);
        parts.playlists = {playlistOf("p0", {0, 1, 10}), playlistOf("p1", {0, 1, 20})};
        const Recommender recommender(parts.build());

        const std::vector<int> rows = rowsOf(recommender, hybridRequest(0, 5, plain(0.5f)));
        QCOMPARE(rows.size(), std::size_t(5));
        QCOMPARE(rows.front(), 1);
    }

    void sameArtistAndAlbumCount()
    {
        CatalogParts parts;
        parts.add("Seed", "S", kSeed);
        parts.add("Other artist", "A", nudged(kSeed, Feature::Valence, 0.1f));
        parts.add("Seed's artist", "S", nudged(kSeed, Feature::Valence, 0.1f));
        parts.add("Seed's album", "B", nudged(kSeed, Feature::Valence, 0.15f));  // farther than row 1
        parts.tracks[0].albumId = parts.tracks[3].albumId = QStringLiteral("album");
        addFillers(parts, 30);
        parts.tracks[1].albumId = parts.tracks[10].albumId = QStringLiteral("another album");
        const Recommender recommender(parts.build());
        const std::vector<int> rows = rowsOf(recommender, hybridRequest(0, 3, plain(0.0f)));
        QVERIFY2(rows == std::vector<int>({2, 3, 1}),
                 qPrintable(QStringLiteral("%1 %2 %3").arg(rows[0]).arg(rows[1]).arg(rows[2])));
    }

    void artistsWhoSoundAlikeCount()
    {
        // Two songs as close to the seed as each other; the artist whose other songs sound like
        // the seed's artist's comes first, though the other has the lower row.
        CatalogParts parts;
        parts.add("Seed", "S", kSeed);
        parts.add("Seed's other", "S", nudged(kSeed, Feature::Energy, 0.05f));
        parts.add("Far artist's one", "Far", nudged(kSeed, Feature::Valence, 0.1f));
        parts.add("Far artist's other", "Far", kFar);
        parts.add("Far artist's third", "Far", nudged(kFar, Feature::Energy, 0.05f));
        parts.add("Alike artist's one", "Alike", nudged(kSeed, Feature::Valence, 0.1f));
        parts.add("Alike artist's other", "Alike", nudged(kSeed, Feature::Energy, -0.05f));
        addFillers(parts, 30);
        const Recommender recommender(parts.build());
        const std::vector<int> rows = rowsOf(recommender, hybridRequest(0, 40, plain(0.0f)));
        const auto at = [&rows](int row) { return std::find(rows.begin(), rows.end(), row) - rows.begin(); };
        QVERIFY2(at(5) < at(2), qPrintable(QStringLiteral("alike at %1, far at %2").arg(at(5)).arg(at(2))));
    }

    void atMostNTracksPerArtist_data()
    {
        QTest::addColumn<int>("cap");
        QTest::addColumn<int>("expectedMost");
        QTest::newRow("default 2") << 2 << 2;
        QTest::newRow("1") << 1 << 1;
        QTest::newRow("no cap") << 0 << 8;
    }

    void atMostNTracksPerArtist()
    {
        QFETCH(int, cap);
        QFETCH(int, expectedMost);
        CatalogParts parts;
        parts.add("Seed", "S", kSeed);
        for (int i = 0; i < 8; ++i)
            parts.add(QStringLiteral("Close %1").arg(i), "Prolific",
                      nudged(kSeed, Feature::Energy, 0.005f * float(i + 1)));
        addFillers(parts, 40);
        const Recommender recommender(parts.build());
        HybridSettings settings = plain(0.0f);
        settings.maxPerArtist = cap;
        const std::vector<int> rows = rowsOf(recommender, hybridRequest(0, 10, settings));
        QCOMPARE(rows.size(), std::size_t(10));
        const auto prolific = std::count_if(rows.begin(), rows.end(), [](int row) { return row >= 1 && row <= 8; });
        QCOMPARE(int(prolific), expectedMost);
        QCOMPARE(HybridSettings().maxPerArtist, 2);
    }

    // Far more rows than the pool first gathers are copies of three songs by one artist, all
    // closer to the seed than anything else: the list still fills, each song once, two of them.
    void copiesOfAProlificArtistStillLeaveAFullList()
    {
        CatalogParts parts;
        parts.add("Seed", "S", kSeed);
        const QStringList hits{QStringLiteral("Hit"), QStringLiteral("Other hit"), QStringLiteral("Third hit")};
        constexpr int kCopies = 300;
        for (int i = 0; i < kCopies; ++i)
            parts.add(hits[i * 3 / kCopies], "Prolific", nudged(kSeed, Feature::Energy, 0.0001f * float(i + 1)));
        addFillers(parts, 60);
        const Recommender recommender(parts.build());
        HybridSettings settings = plain(0.0f);
        settings.maxPerArtist = 2;
        const std::vector<int> rows = rowsOf(recommender, hybridRequest(0, 10, settings));
        QCOMPARE(rows.size(), std::size_t(10));
        QVERIFY2(rows[0] >= 1 && rows[0] <= kCopies && rows[1] >= 1 && rows[1] <= kCopies, "the copies lead");
        QCOMPARE(rows[0], 1);                // the closest copy of "Hit"
        QCOMPARE(rows[1], 1 + kCopies / 3);  // then of "Other hit", not another copy of "Hit"
        QVERIFY(std::all_of(rows.begin() + 2, rows.end(), [](int row) { return row > kCopies; }));
    }

    // In a library far larger than the pool it first gathers, the ranking skips the rows that
    // cannot make the list and gathers more when its pool runs short: a short list is still the
    // start of the list of every row, which gathers them all. With metadata, artists, albums,
    // years, playlists and popularity can each lift a row into the list; without, only how it
    // sounds can, which a skip that ignored the audio would miss. When every row sounds the same,
    // all tie and the lower rows come first.
    void shortListStartsTheListOfEveryRow_data()
    {
        QTest::addColumn<bool>("metadata");
        QTest::addColumn<bool>("sameSound");
        QTest::addColumn<float>("popularityWeight");
        QTest::addColumn<int>("maxPerArtist");
        QTest::newRow("default") << true << false << 0.0f << 2;
        QTest::newRow("popularity, no cap") << true << false << 0.5f << 0;
        QTest::newRow("audio alone") << false << false << 0.0f << 2;
        QTest::newRow("all tied") << false << true << 0.0f << 2;
    }

    void shortListStartsTheListOfEveryRow()
    {
        QFETCH(bool, metadata);
        QFETCH(bool, sameSound);
        QFETCH(float, popularityWeight);
        QFETCH(int, maxPerArtist);
        constexpr int kTracks = 6000;
        std::mt19937 rng(11);
        CatalogParts parts;
        std::uniform_int_distribution<int> artistOf(0, 299);
        std::uniform_int_distribution<int> yearOf(1960, 2020);
        for (int i = 0; i < kTracks; ++i) {
            parts.add(QStringLiteral("Song %1").arg(i % 5000),
                      metadata ? QStringLiteral("Artist %1").arg(artistOf(rng)) : QString(),
                      sameSound ? kSeed : randomFeatureValues(rng));
            if (metadata) {
                parts.tracks.back().albumId = QStringLiteral("album-%1").arg(i / 12);
                parts.tracks.back().releaseDate = ReleaseDate::year(yearOf(rng));
            }
        }
        std::uniform_int_distribution<int> rowOf(0, kTracks - 1);
        for (int p = 0; metadata && p < 300; ++p) {
            std::vector<int> rows;
            for (int t = 0; t < 25; ++t)
                rows.push_back(rowOf(rng));
            std::sort(rows.begin(), rows.end());
            rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
            parts.playlists.push_back(playlistOf(QStringLiteral("p%1").arg(p), rows));
        }
        const Recommender recommender(parts.build());
        HybridSettings settings;
        settings.popularityWeight = popularityWeight;
        settings.maxPerArtist = maxPerArtist;
        for (int seed : {0, 17, 1234, 4999, 5999}) {
            const std::vector<int> every = rowsOf(recommender, hybridRequest(seed, kTracks, settings));
            const std::vector<int> few = rowsOf(recommender, hybridRequest(seed, 5, settings));
            QCOMPARE(few.size(), std::size_t(5));
            QVERIFY(every.size() > 100);
            QCOMPARE(few, std::vector<int>(every.begin(), every.begin() + 5));
        }
    }

    // The seed's artist lifts thirty of its rows to the top while the pass runs; they share the
    // only playlist with a disliked track, whose terms, added last, pull them below every filler.
    // The list counted them while they led, so it gathers again: a short list is still the start
    // of the full one.
    void rowsADislikePullsDownLeaveTheListFull()
    {
        constexpr int kLifted = 30;
        CatalogParts parts;
        parts.add("Seed", "A", kSeed);
        parts.add("Disliked", "D", kFar);
        std::vector<int> playlist{1};
        for (int i = 0; i < kLifted; ++i) {
            parts.add(QStringLiteral("By A %1").arg(i), "A", nudged(kFar, Feature::Energy, -0.01f * float(i)));
            playlist.push_back(2 + i);
        }
        addFillers(parts, 60);
        parts.playlists = {playlistOf("with the disliked", playlist)};
        const auto catalog = parts.build();
        const Recommender recommender(catalog);
        FeedbackLog log;
        log.record(syntheticTrackId(0), syntheticTrackId(1), Reaction::Dislike);
        RankingRequest request = hybridRequest(0, 5, plain(1.0f));
        request.feedback = log.forSeed(*catalog, syntheticTrackId(0));
        const std::vector<int> few = rowsOf(recommender, request);
        request.k = catalog->size();
        const std::vector<int> every = rowsOf(recommender, request);
        QCOMPARE(few.size(), std::size_t(5));
        QCOMPARE(few, std::vector<int>(every.begin(), every.begin() + 5));
        QVERIFY2(std::all_of(few.begin(), few.end(), [](int row) { return row > 1 + kLifted; }), "fillers lead");
    }

    // A singer alone and first in a credit list ("Ana Ruiz, Ben Cole" in a Kaggle artists cell)
    // is one artist to the cap.
    void capCountsCreditsAsTheirArtist_data()
    {
        QTest::addColumn<int>("cap");
        QTest::addColumn<int>("expectedSinger");
        QTest::newRow("1") << 1 << 1;
        QTest::newRow("no cap") << 0 << 3;
    }

    void capCountsCreditsAsTheirArtist()
    {
        QFETCH(int, cap);
        QFETCH(int, expectedSinger);
        QList<QByteArray> rows{
            importedRow(0, "Seed", "S", kSeed),
            importedRow(1, "Solo", "Ana Ruiz", nudged(kSeed, Feature::Energy, 0.005f)),
            importedRow(2, "Duet", "\"Ana Ruiz, Ben Cole\"", nudged(kSeed, Feature::Energy, 0.01f)),
            importedRow(3, "Trio", "\"Ana Ruiz, Ben Cole, Cy Dunn\"", nudged(kSeed, Feature::Energy, 0.015f)),
        };
        std::mt19937 rng(3);
        for (int i = 4; i < 40; ++i)
            rows.push_back(importedRow(i, "Filler " + QByteArray::number(i), "Filler artist " + QByteArray::number(i),
                                       randomFeatureValues(rng)));
        const std::shared_ptr<const Catalog> catalog = importedCatalog(rows);
        QVERIFY(catalog);
        const Recommender recommender(catalog);
        HybridSettings settings = plain(0.0f);
        settings.maxPerArtist = cap;
        const std::vector<int> ranked = rowsOf(recommender, hybridRequest(0, 10, settings));
        QCOMPARE(ranked.size(), std::size_t(10));
        const auto singer = std::count_if(ranked.begin(), ranked.end(), [](int row) { return row >= 1 && row <= 3; });
        QCOMPARE(int(singer), expectedSinger);
    }

    void diversityPicksSomethingDifferent()
    {
        // Three near-copies of one sound on one side of the seed, slightly closer to it than a
        // fourth track on the other side.
        CatalogParts parts;
        parts.add("Seed", "S", kSeed);
        for (int i = 0; i < 3; ++i)
            parts.add(QStringLiteral("Twin %1").arg(i), QStringLiteral("T%1").arg(i),
                      nudged(nudged(kSeed, Feature::Energy, 0.2f), Feature::Danceability, 0.001f * float(i)));
        parts.add("Different", "D", nudged(kSeed, Feature::Energy, -0.21f));
        addFillers(parts, 40);
        const Recommender recommender(parts.build());

        const std::vector<int> relevance = rowsOf(recommender, hybridRequest(0, 4, plain(0.0f)));
        QCOMPARE(rankOf(relevance, 4), 3);
        HybridSettings diverse = plain(0.0f);
        diverse.diversity = 0.3f;
        const std::vector<int> mmr = rowsOf(recommender, hybridRequest(0, 4, diverse));
        QCOMPARE(mmr.front(), relevance.front());
        QCOMPARE(rankOf(mmr, 4), 1);
    }

    void feedbackReranksAndDislikesNeverComeBack()
    {
        CatalogParts parts;
        parts.add("Seed", "S", kSeed);
        parts.add("Liked", "L", kFar);
        parts.add("Like the liked", "M", nudged(kFar, Feature::Energy, 0.02f));
        addFillers(parts, 60);
        const auto catalog = parts.build();
        const Recommender recommender(catalog);
        const RankingRequest before = hybridRequest(0, 63, plain(0.3f));
        const std::vector<int> rows = rowsOf(recommender, before);
        const int disliked = rows.front();

        FeedbackLog log;
        log.record(syntheticTrackId(0), syntheticTrackId(disliked), Reaction::Dislike);
        log.record(syntheticTrackId(0), syntheticTrackId(1), Reaction::Like);
        RankingRequest after = before;
        after.feedback = log.forSeed(*catalog, syntheticTrackId(0));
        const std::vector<int> reranked = rowsOf(recommender, after);
        QCOMPARE(rankOf(reranked, disliked), -1);
        QVERIFY(rankOf(reranked, 2) < rankOf(rows, 2));
        QVERIFY(rankOf(reranked, 1) < rankOf(rows, 1));
        for (RankingMethod method : {RankingMethod::Content, RankingMethod::Tutorial}) {
            after.method = method;
            QCOMPARE(rankOf(rowsOf(recommender, after), disliked), -1);
        }
    }

    void playlistShapesTheRankingOrIsTheSeed()
    {
        // The playlist holds the seed and four tracks of another sound; "Fits the playlist"
        // sounds like those four and is in no playlist.
        CatalogParts parts;
        parts.add("Seed", "S", kSeed);
        for (int i = 0; i < 4; ++i)
            parts.add(QStringLiteral("Member %1").arg(i), QStringLiteral("M%1").arg(i),
                      nudged(kFar, Feature::Energy, 0.01f * float(i)));
        parts.add("Fits the playlist", "F", nudged(kFar, Feature::Energy, 0.05f));
        addFillers(parts, 40);
        parts.playlists = {playlistOf("mix", {0, 1, 2, 3, 4})};
        const Recommender recommender(parts.build());

        RankingRequest request = hybridRequest(0, 45, plain(0.5f));
        request.playlistIndex = 0;
        request.playlistContext = 0.0f;
        const int alone = rankOf(rowsOf(recommender, request), 5);
        request.playlistContext = 1.0f;
        const int inSpirit = rankOf(rowsOf(recommender, request), 5);
        QVERIFY2(inSpirit < alone, qPrintable(QStringLiteral("%1 vs %2").arg(inSpirit).arg(alone)));

        request.seedIsPlaylist = true;
        request.seedRow = -1;
        const std::vector<int> forPlaylist = rowsOf(recommender, request);
        QCOMPARE(forPlaylist.front(), 5);
        for (int member = 0; member < 5; ++member)
            QCOMPARE(rankOf(forPlaylist, member), -1);
        // Explained against the playlist's song that sounds most like it: the nearest in energy.
        const auto explained = recommender.recommend(request);
        QVERIFY(explained.ok());
        const Recommendation &top = explained->front();
        QCOMPARE(top.anchorRow, 4);
        QVERIFY(!top.matchingFeatures.empty());
        QVERIFY2(explainMatch(recommender.catalog(), -1, top).startsWith(QStringLiteral("most like “Member 3”, ")),
                 qPrintable(explainMatch(recommender.catalog(), -1, top)));

        request.playlistIndex = 3;
        const auto unknown = recommender.recommend(request);
        QVERIFY(!unknown.ok());
        QCOMPARE(unknown.error().kind, ErrorKind::NotFound);
    }

    // With playlist P left out, the hybrid ranking is the one a library without P gives: a
    // test that fails if any signal sees P's membership.
    void leftOutPlaylistHasNoInfluence()
    {
        CatalogParts parts = randomCatalogParts(150, 21);
        std::mt19937 rng(8);
        parts.playlists.clear();
        for (int p = 0; p < 10; ++p) {
            Playlist playlist;
            playlist.id = QStringLiteral("p%1").arg(p);
            for (int t = 0; t < 12; ++t)
                playlist.trackIds.push_back(syntheticTrackId(std::uniform_int_distribution<int>(0, 149)(rng)));
            playlist.trackIds.removeDuplicates();
            parts.playlists.push_back(playlist);
        }
        const Recommender full(parts.build());
        for (int leftOut : {0, 4, 9}) {
            CatalogParts without = parts;
            without.playlists.erase(without.playlists.begin() + leftOut);
            const Recommender withoutP(without.build());
            for (int seed : full.catalog().playlistRows(leftOut)) {
                if (!full.catalog().hasFeatures(seed))
                    continue;
                RankingRequest request = hybridRequest(seed, 20, HybridSettings());
                RankingRequest leaving = request;
                leaving.leftOutPlaylist = leftOut;
                const auto a = full.recommend(leaving);
                const auto b = withoutP.recommend(request);
                QVERIFY(a.ok() && b.ok());
                QCOMPARE(a->size(), b->size());
                for (std::size_t i = 0; i < a->size(); ++i) {
                    QCOMPARE((*a)[i].row, (*b)[i].row);
                    QVERIFY(std::abs((*a)[i].score - (*b)[i].score) < 1e-5f);
                    QCOMPARE((*a)[i].sharedPlaylists, (*b)[i].sharedPlaylists);
                }
                // And P does count when it is not left out.
                const auto seen = full.recommend(request);
                QVERIFY(seen.ok());
                QVERIFY(std::any_of(seen->begin(), seen->end(),
                                    [](const Recommendation &r) { return r.sharedPlaylists > 0; }));
            }
        }
    }

    void explainsInWords()
    {
        CatalogParts parts;
        parts.add("Seed", "S", kSeed);
        parts.add("Friend", "S", nudged(kSeed, Feature::Tempo, 2.0f));
        addFillers(parts, 30);
        parts.playlists = {playlistOf("p0", {0, 1}), playlistOf("p1", {0, 1, 5}), playlistOf("p2", {0, 1, 7})};
        const auto catalog = parts.build();
        const Recommender recommender(catalog);
        const auto ranked = recommender.recommend(hybridRequest(0, 1, HybridSettings()));
        QVERIFY(ranked.ok());
        QCOMPARE(ranked->front().row, 1);
        QCOMPARE(ranked->front().sharedPlaylists, 3);
        QVERIFY(ranked->front().sameArtist);
        const QString why = explainMatch(*catalog, 0, ranked->front());
        QVERIFY2(why.startsWith(QStringLiteral("same artist, in 3 playlists with the seed, ")), qPrintable(why));
        QCOMPARE(describeSharedPlaylists(1), QStringLiteral("in 1 playlist with the seed"));
        QCOMPARE(describeSharedPlaylists(0), QString());
        QCOMPARE(describeSharedPlaylists(2, QStringLiteral("it")), QStringLiteral("in 2 playlists with it"));
    }

    void methodName()
    {
        QCOMPARE(rankingMethodName(RankingMethod::Hybrid), QStringLiteral("hybrid"));
        QCOMPARE(rankingMethodFromName(QStringLiteral(" Hybrid ")), std::optional(RankingMethod::Hybrid));
    }
};

QTEST_GUILESS_MAIN(TestHybridRanker)
#include "tst_hybridranker.moc"
