// Playlist co-occurrence: the weighted cosine, that big playlists and common tracks do not
// dominate, artists, and that a left-out playlist counts nowhere.

#include "recommend/cooccurrence.h"
#include "syntheticcatalog.h"

#include <QTest>

#include <cmath>
#include <numeric>

using namespace encore;
using namespace encore::test;

namespace {

double weightOf(int size)
{
    return 1.0 / std::log2(1.0 + size);
}

// `count` tracks by the given artists (cycled), with random features.
CatalogParts tracksBy(const QStringList &artists, int count)
{
    std::mt19937 rng(1);
    CatalogParts parts;
    for (int i = 0; i < count; ++i)
        parts.add(QStringLiteral("Song %1").arg(i), artists[i % artists.size()], randomFeatureValues(rng));
    return parts;
}

std::vector<float> trackScores(const Cooccurrence &co, int seed, int leftOut)
{
    std::vector<std::pair<int, float>> sparse;
    co.addTrackScores(seed, 1.0f, leftOut, sparse);
    std::vector<float> scores(static_cast<std::size_t>(co.trackCount()), 0.0f);
    for (const auto &[track, score] : sparse)
        scores[static_cast<std::size_t>(track)] += score;
    return scores;
}

std::vector<float> artistScores(const Cooccurrence &co, int artist, int leftOut)
{
    std::vector<float> scores(static_cast<std::size_t>(co.artistCount()), 0.0f);
    co.addArtistScores(artist, 1.0f, leftOut, scores);
    return scores;
}

}  // namespace

class TestCooccurrence : public QObject {
    Q_OBJECT

private slots:
    void weightedCosine()
    {
        CatalogParts parts = tracksBy({"A", "A", "B", "C", "D", "E"}, 6);
        parts.playlists = {playlistOf("p0", {0, 1, 2}), playlistOf("p1", {0, 2}), playlistOf("p2", {3, 4}),
                           playlistOf("p3", {2, 3})};
        const Cooccurrence co(*parts.build());
        const double f0 = weightOf(3) + weightOf(2);
        const double f1 = weightOf(3);
        const double f2 = weightOf(3) + 2 * weightOf(2);
        const std::vector<float> scores = trackScores(co, 0, -1);
        QVERIFY(std::abs(scores[1] - weightOf(3) / std::sqrt(f0 * f1)) < 1e-5);
        QVERIFY(std::abs(scores[2] - (weightOf(3) + weightOf(2)) / std::sqrt(f0 * f2)) < 1e-5);
        QVERIFY(std::abs(scores[0] - 1.0) < 1e-5);  // the seed with itself
        QCOMPARE(scores[3], 0.0f);                  // never with the seed
        QCOMPARE(scores[5], 0.0f);                  // in no playlist
        QCOMPARE(co.sharedPlaylists(0, 2, -1), 2);
        QCOMPARE(co.sharedPlaylists(0, 2, 1), 1);
        QCOMPARE(co.sharedPlaylists(0, 3, -1), 0);
    }

    // Only the tracks that share a playlist with the seed, each once, ascending, weighted.
    void trackScoresAreSparse()
    {
        CatalogParts parts = tracksBy({"A", "A", "B", "C", "D", "E"}, 6);
        parts.playlists = {playlistOf("p0", {0, 1, 2}), playlistOf("p1", {0, 2}), playlistOf("p2", {3, 4}),
                           playlistOf("p3", {2, 3})};
        const Cooccurrence co(*parts.build());
        std::vector<std::pair<int, float>> scores;
        co.addTrackScores(0, 0.5f, -1, scores);
        QCOMPARE(scores.size(), std::size_t(3));
        QCOMPARE(scores[0].first, 0);
        QCOMPARE(scores[1].first, 1);
        QCOMPARE(scores[2].first, 2);
        QVERIFY(std::abs(scores[0].second - 0.5f) < 1e-6f);  // the seed with itself, weighted
        co.addTrackScores(0, 0.0f, -1, scores);
        QCOMPARE(scores.size(), std::size_t(3));  // a seed of weight 0 adds nothing
    }

    void bigPlaylistsCountLess()
    {
        // 0 shares a 2-track playlist with 1 and a 50-track one with 2.
        CatalogParts parts = tracksBy({"A"}, 52);
        std::vector<int> big{0};
        for (int row = 2; row < 51; ++row)
            big.push_back(row);
        parts.playlists = {playlistOf("small", {0, 1}), playlistOf("big", big)};
        const Cooccurrence co(*parts.build());
        const std::vector<float> scores = trackScores(co, 0, -1);
        QVERIFY(scores[1] > scores[2]);
        QVERIFY(scores[2] > 0.0f);
    }

    // A catalog file's list of all its songs is no one's playlist: it joins nothing.
    void aListLongerThanSpotifyAllowsCountsAsEmpty()
    {
        const int size = int(Cooccurrence::kLongestPlaylist) + 1;
        CatalogParts parts = tracksBy({"A", "B"}, size + 1);
        std::vector<int> everything(static_cast<std::size_t>(size));
        std::iota(everything.begin(), everything.end(), 0);
        std::vector<int> longest(everything.begin(), everything.end() - 1);
        parts.playlists = {playlistOf("file", everything), playlistOf("longest", longest),
                           playlistOf("pair", {0, size})};
        const Cooccurrence co(*parts.build());
        QCOMPARE(co.columns().tracksOfPlaylist.of(0).size(), std::size_t(0));
        QCOMPARE(co.columns().playlistWeights[0], 0.0f);
        QCOMPARE(co.columns().tracksOfPlaylist.of(1).size(), Cooccurrence::kLongestPlaylist);
        QCOMPARE(co.sharedPlaylists(0, 1, -1), 1);  // through "longest" alone
        QCOMPARE(co.sharedPlaylists(0, size - 1, -1), 0);
        std::vector<std::pair<int, float>> scores;
        co.addTrackScores(size - 1, 1.0f, -1, scores);
        QCOMPARE(scores.size(), std::size_t(0));            // only in the file's list: no one put it with anything
        QCOMPARE(artistScores(co, 0, -1)[1] > 0.0f, true);  // the artists still meet in "longest"
    }

    void commonTracksDoNotDominate()
    {
        // Track 1 is in every playlist; track 2 only in the two the seed is in.
        CatalogParts parts = tracksBy({"A", "B", "C"}, 12);
        parts.playlists = {playlistOf("p0", {0, 1, 2}), playlistOf("p1", {0, 1, 2})};
        for (int p = 2; p < 10; ++p)
            parts.playlists.push_back(playlistOf(QStringLiteral("p%1").arg(p), {1, p + 1}));
        const Cooccurrence co(*parts.build());
        const std::vector<float> scores = trackScores(co, 0, -1);
        QVERIFY(std::abs(scores[2] - 1.0f) < 1e-5);
        QVERIFY(scores[1] < 0.5f);
    }

    void artistsShareWhenTracksDoNot()
    {
        // Artists A and B share playlists; A's track 4 shares none with any of B's tracks.
        CatalogParts parts = tracksBy({"A", "B", "A", "B", "A", "C"}, 6);
        parts.playlists = {playlistOf("p0", {0, 1}), playlistOf("p1", {2, 3}), playlistOf("p2", {4, 5})};
        const Cooccurrence co(*parts.build());
        QCOMPARE(co.artistOf(0), co.artistOf(4));
        QVERIFY(co.artistOf(0) != co.artistOf(1));
        const std::vector<float> tracks = trackScores(co, 4, -1);
        QCOMPARE(tracks[1], 0.0f);
        QCOMPARE(tracks[3], 0.0f);
        const std::vector<float> artists = artistScores(co, co.artistOf(4), -1);
        QVERIFY(artists[static_cast<std::size_t>(co.artistOf(1))] > 0.0f);
        QVERIFY(artists[static_cast<std::size_t>(co.artistOf(5))] > 0.0f);
        // A is in three playlists, B in two of them, C in one: B is closer to A than C is.
        QVERIFY(artists[static_cast<std::size_t>(co.artistOf(1))] > artists[static_cast<std::size_t>(co.artistOf(5))]);
    }

    // Leaving playlist P out gives exactly what a library without P gives: P's membership has
    // no influence on any score.
    void leftOutPlaylistCountsNowhere()
    {
        CatalogParts parts = randomCatalogParts(120, 9);
        std::mt19937 rng(4);
        parts.playlists.clear();
        for (int p = 0; p < 12; ++p) {
            std::vector<int> rows;
            for (int t = 0; t < 4 + p * 3; ++t)
                rows.push_back(std::uniform_int_distribution<int>(0, 119)(rng));
            std::sort(rows.begin(), rows.end());
            rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
            parts.playlists.push_back(playlistOf(QStringLiteral("p%1").arg(p), rows));
        }
        const auto full = parts.build();
        const Cooccurrence withAll(*full);
        for (int leftOut = 0; leftOut < 12; ++leftOut) {
            CatalogParts without = parts;
            without.playlists.erase(without.playlists.begin() + leftOut);
            const Cooccurrence withoutP(*without.build());
            for (int seed : full->playlistRows(leftOut)) {
                const std::vector<float> a = trackScores(withAll, seed, leftOut);
                const std::vector<float> b = trackScores(withoutP, seed, -1);
                for (std::size_t i = 0; i < a.size(); ++i)
                    QVERIFY2(std::abs(a[i] - b[i]) < 1e-5,
                             qPrintable(QStringLiteral("P %1 seed %2 row %3").arg(leftOut).arg(seed).arg(i)));
                const int artist = withAll.artistOf(seed);
                const std::vector<float> x = artistScores(withAll, artist, leftOut);
                const std::vector<float> y = artistScores(withoutP, artist, -1);
                for (std::size_t i = 0; i < x.size(); ++i)
                    QVERIFY(std::abs(x[i] - y[i]) < 1e-5);
                for (int other = 0; other < full->size(); ++other)
                    QCOMPARE(withAll.sharedPlaylists(seed, other, leftOut), withoutP.sharedPlaylists(seed, other, -1));
            }
        }
    }

    void emptyLibrary()
    {
        const Cooccurrence co{Catalog()};
        QCOMPARE(co.trackCount(), 0);
        QCOMPARE(co.artistCount(), 0);
        QCOMPARE(co.sharedPlaylists(0, 1, -1), 0);
    }
};

QTEST_GUILESS_MAIN(TestCooccurrence)
#include "tst_cooccurrence.moc"
