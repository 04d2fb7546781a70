#include "discover/candidate.h"

#include <QTest>

using namespace encore;

namespace {

Candidate candidate(const QString &spotifyId, const QString &isrc, const QString &title, const QString &artist,
                    const QString &origin)
{
    Candidate found;
    found.track.id = spotifyId;
    found.track.isrc = isrc;
    found.track.name = title;
    found.track.artists = {artist};
    found.origins = {DiscoveryOrigin{DiscoveryOrigin::Source::DeezerTop, origin, {}}};
    return found;
}

}  // namespace

class TestCandidatePool : public QObject {
    Q_OBJECT

private slots:
    void songsTheLibraryHoldsTakeItsIds()
    {
        Track held;
        held.id = QStringLiteral("lib1");
        held.name = QStringLiteral("Rehab");
        held.artists = {QStringLiteral("Amy Winehouse")};
        held.isrc = QStringLiteral("GBUM70603811");
        Track other = held;
        other.id = QStringLiteral("lib2");
        other.name = QStringLiteral("Valerie");
        other.isrc.clear();
        const Catalog catalog({held, other}, {AudioFeatures{}, AudioFeatures{}}, {});

        std::vector<Candidate> candidates = {
            candidate({}, QStringLiteral("gbum70603811"), QStringLiteral("Rehab (Live)"), QStringLiteral("X"), {}),
            candidate(QStringLiteral("sp9"), {}, QStringLiteral("VALERIE"), QStringLiteral("amy winehouse"), {}),
            candidate(QStringLiteral("sp8"), {}, QStringLiteral("Back to Black"), QStringLiteral("Amy Winehouse"), {}),
            candidate({}, {}, QStringLiteral("Tears Dry"), QStringLiteral("Amy Winehouse"), {}),
        };
        matchToLibrary(catalog, candidates);
        QCOMPARE(candidates[0].track.id, QStringLiteral("lib1"));  // by ISRC
        QCOMPARE(candidates[1].track.id, QStringLiteral("lib2"));  // by title and artist
        QCOMPARE(candidates[2].track.id, QStringLiteral("sp8"));   // not held: its own id
        QCOMPARE(candidates[3].track.id, QString());
        candidates[3].deezerId = 77;
        QCOMPARE(discoveredTrackId(candidates[3]), QStringLiteral("deezer:77"));
        QCOMPARE(discoveredTrackId(candidates[2]), QStringLiteral("sp8"));
    }

    void sameSongMergesBySpotifyIdIsrcOrName()
    {
        CandidatePool pool;
        int index = -1;
        QCOMPARE(pool.add(candidate(QStringLiteral("sp1"), {}, QStringLiteral("Rehab"), QStringLiteral("Amy Winehouse"),
                                    QStringLiteral("ReccoBeats")),
                          &index),
                 CandidatePool::Added::New);
        QCOMPARE(index, 0);

        // Deezer names it differently, without a Spotify id: the same song by its name.
        Candidate deezer = candidate({}, QStringLiteral("GBUM70603811"), QStringLiteral("REHAB!"),
                                     QStringLiteral("amy winehouse"), QStringLiteral("Deezer"));
        deezer.deezerId = 1109731;
        deezer.deezerBpm = 72.0;
        QCOMPARE(pool.add(deezer, &index), CandidatePool::Added::Merged);
        QCOMPARE(index, 0);
        // Now known by its ISRC too: another title (a remaster) with that ISRC is the same song.
        QCOMPARE(pool.add(candidate({}, QStringLiteral("gbum70603811"), QStringLiteral("Rehab - Remastered"),
                                    QStringLiteral("Amy Winehouse"), QStringLiteral("Deezer")),
                          &index),
                 CandidatePool::Added::Merged);
        // And by its Spotify id under any name.
        QCOMPARE(pool.add(candidate(QStringLiteral("sp1"), {}, QStringLiteral("Other"), QStringLiteral("Other"),
                                    QStringLiteral("Spotify"))),
                 CandidatePool::Added::Merged);

        QCOMPARE(pool.size(), 1);
        const Candidate &held = pool.candidates().front();
        QCOMPARE(held.track.id, QStringLiteral("sp1"));
        QCOMPARE(held.track.name, QStringLiteral("Rehab"));  // the first name stays
        QCOMPARE(held.track.isrc, QStringLiteral("GBUM70603811"));
        QCOMPARE(held.deezerId, 1109731);
        QCOMPARE(held.deezerBpm, std::optional<double>(72.0));
        QStringList origins;
        for (const DiscoveryOrigin &origin : held.origins)
            origins << origin.artist;
        QCOMPARE(origins,
                 (QStringList{QStringLiteral("ReccoBeats"), QStringLiteral("Deezer"), QStringLiteral("Spotify")}));
    }

    void otherSongsStayApart()
    {
        CandidatePool pool;
        pool.add(candidate(QStringLiteral("sp1"), QStringLiteral("A1"), QStringLiteral("Rehab"),
                           QStringLiteral("Amy Winehouse"), QStringLiteral("r")));
        // Same title, another artist; another Spotify id and ISRC with an empty name.
        QCOMPARE(pool.add(candidate({}, {}, QStringLiteral("Rehab"), QStringLiteral("Rihanna"), QStringLiteral("r"))),
                 CandidatePool::Added::New);
        QCOMPARE(pool.add(candidate(QStringLiteral("sp2"), QStringLiteral("A2"), {}, {}, QStringLiteral("r"))),
                 CandidatePool::Added::New);
        // Nameless songs are not one song.
        QCOMPARE(pool.add(candidate({}, {}, {}, {}, QStringLiteral("r"))), CandidatePool::Added::New);
        QCOMPARE(pool.size(), 4);

        pool.clear();
        QCOMPARE(pool.add(candidate(QStringLiteral("sp1"), {}, QStringLiteral("x"), QStringLiteral("y"),
                                    QStringLiteral("r"))),
                 CandidatePool::Added::New);
    }
};

QTEST_GUILESS_MAIN(TestCandidatePool)
#include "tst_candidatepool.moc"
