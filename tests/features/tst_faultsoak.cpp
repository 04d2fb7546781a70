#include "fakefeatureservices.h"
#include "featuretestsupport.h"
#include "features/featurefiller.h"
#include "randomfaults.h"
#include "spotify/spotifyplaylistimport.h"
#include "storage/librarydb.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <array>

using namespace encore;
using namespace encore::test;
using Fault = RandomFaults::Fault;

// The soak the reliability issue asks for: twenty runs, each with its own fixed seed, against
// fakes that answer a few percent of requests with a fault (a 429, a 500, a connection cut
// halfway, an answer slower than the timeout, a body that is not JSON). A 2,000-track playlist
// read and the feature chain over those tracks must end complete or with a partial result that
// says which service failed; whatever they stored must be what a run without faults stores; and
// one more run without faults must leave the library exactly as a run that never met one:
// nothing stored twice, nothing lost, no failure kept as an answer.

namespace {

const QString kPlaylist = QStringLiteral("7SoakPlaylist000000000");
constexpr int kSongs = 2000;
constexpr int kSeeds = 20;
constexpr double kFaultRate = 0.05;
constexpr auto kTimeout = std::chrono::milliseconds(600);
constexpr auto kSlowness = std::chrono::milliseconds(900);  // beyond the timeout
// A 429 asks to retry at once: the waits themselves are tried elsewhere, and would add minutes.
constexpr auto kRetryAfter = std::chrono::seconds(0);

// Who knows song i: Spotify every 20th, nobody the 19th of each 20 (of those, Deezer has a preview
// of every 200th and iTunes of the 100th after it), ReccoBeats the rest.
bool onSpotify(int i)
{
    return i % 20 == 0;
}
bool onReccoBeats(int i)
{
    return i % 20 != 0 && i % 20 != 19;
}
bool previewOnDeezer(int i)
{
    return i % 200 == 19;
}
bool previewOnITunes(int i)
{
    return i % 200 == 119;
}

// What a library says of each song: its features with their sources, and apart from them what
// the analysis of its preview concluded.
struct LibraryState {
    QHash<QString, QString> features;  // "danceability=0.61(reccobeats) …"; empty when none
    QHash<QString, QString> analysis;  // "ok <preview>", "no-preview"; only for songs analysed

    QString of(const QString &song) const { return features.value(song) + u'|' + analysis.value(song); }
};

LibraryState stateOf(const QString &path)
{
    LibraryState state;
    auto library = LibraryDb::open(path);
    if (!library)
        return state;
    const Result<std::vector<TrackFeatures>> tracks = (*library)->tracks(std::nullopt);
    if (!tracks)
        return state;
    QStringList ids;
    for (const TrackFeatures &row : *tracks) {
        ids << row.track.id;
        QString line;
        for (Feature f : kAllFeatures) {
            if (row.features.has(f))
                line += QStringLiteral("%1=%2(%3) ")
                            .arg(featureNameInText(f))
                            .arg(row.features.value(f))
                            .arg(featureSourceName(row.features.source(f)));
        }
        state.features.insert(row.track.id, line);
    }
    const Result<QHash<QString, AnalysisRecord>> records = (*library)->analysisRecords(ids);
    if (!records)
        return {};
    for (const AnalysisRecord &record : *records)
        state.analysis.insert(
            record.trackId,
            QStringLiteral("%1 %2").arg(analysisOutcomeName(record.outcome), record.previewUrl.toString()));
    return state;
}

// Songs whose answers in `state` contradict the reference: other features, another conclusion of
// the analysis, a preview said to be missing where there is one. A missing answer contradicts
// nothing; nor does "no preview" for a song that another service knows (it has none).
QStringList contradictions(const LibraryState &state, const LibraryState &reference)
{
    QStringList wrong;
    for (auto it = state.features.begin(); it != state.features.end(); ++it) {
        if (!it.value().isEmpty() && it.value() != reference.features.value(it.key()))
            wrong << it.key();
    }
    const QString noPreview = analysisOutcomeName(AnalysisOutcome::NoPreview) + u' ';
    for (auto it = state.analysis.begin(); it != state.analysis.end(); ++it) {
        const QString expected = reference.analysis.value(it.key(), noPreview);
        if (it.value() != expected)
            wrong << it.key();
    }
    return wrong;
}

// Songs whose answers differ from the reference in any way.
QStringList differences(const LibraryState &state, const LibraryState &reference)
{
    QStringList different;
    for (auto it = reference.features.begin(); it != reference.features.end(); ++it) {
        if (state.of(it.key()) != reference.of(it.key()))
            different << it.key();
    }
    for (auto it = state.features.begin(); it != state.features.end(); ++it) {
        if (!reference.features.contains(it.key()))
            different << it.key();
    }
    return different;
}

// Songs whose features or whose analysis that found a preview are not the reference's: the
// answers a run without faults must leave complete.
QStringList incomplete(const LibraryState &state, const LibraryState &reference)
{
    QStringList missing;
    for (auto it = reference.features.begin(); it != reference.features.end(); ++it) {
        if (state.features.value(it.key()) != it.value()
            || state.analysis.value(it.key()) != reference.analysis.value(it.key(), state.analysis.value(it.key())))
            missing << it.key();
    }
    return missing;
}

QString describe(const QStringList &songs, const LibraryState &state, const LibraryState &reference)
{
    if (songs.isEmpty())
        return {};
    const QString &song = songs.first();
    return QStringLiteral("%1 songs differ, first %2: \"%3\" instead of \"%4\"")
        .arg(songs.size())
        .arg(song, state.of(song), reference.of(song));
}

}  // namespace

class TestFaultSoak : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_reccoBeats.listen() && m_deezer.listen() && m_iTunes.listen());
        qputenv(FeatureEndpoints::kReccoBeatsVariable, m_reccoBeats.baseUrl().toEncoded());
        qputenv(FeatureEndpoints::kDeezerVariable, m_deezer.baseUrl().toEncoded());
        qputenv(FeatureEndpoints::kITunesVariable, m_iTunes.baseUrl().toEncoded());
        QVERIFY(m_spotify.start());
        SpotifyClientOptions options;
        options.transferTimeout = kTimeout;
        options.backoffBase = std::chrono::milliseconds(5);
        m_spotify.client->setOptions(options);

        m_spotify.api.addSyntheticPlaylist(kPlaylist, kSongs);
        m_spotify.api.setAudioFeaturesAccess(true);
        const QByteArray preview = previewWav();
        for (int i = 0; i < kSongs; ++i) {
            const QString id = FakeSpotifyApi::syntheticTrackId(i);
            const QJsonObject track = FakeSpotifyApi::syntheticTrackEntry(i)[QStringLiteral("track")].toObject();
            if (onSpotify(i))
                m_spotify.api.setAudioFeatures(id, featureJson(60 + i % 97));
            if (onReccoBeats(i))
                m_reccoBeats.addTrack(id, featureJson(70 + i % 89));
            if (previewOnDeezer(i))
                m_deezer.addTrack(track[QStringLiteral("external_ids")][QStringLiteral("isrc")].toString(),
                                  m_deezer.serveFile(QStringLiteral("/preview/%1.wav").arg(i), preview));
            if (previewOnITunes(i))
                m_iTunes.addSong(track[QStringLiteral("name")].toString(),
                                 track[QStringLiteral("artists")][0][QStringLiteral("name")].toString(),
                                 m_iTunes.serveFile(QStringLiteral("/preview/%1.wav").arg(i), preview));
        }

        // The references: the playlist as read without faults, then its features found without.
        m_expectedIds =
            m_spotify.api.playlistUris(kPlaylist).replaceInStrings(QStringLiteral("spotify:track:"), QString());
        QCOMPARE(m_expectedIds.size(), kSongs);
        m_readOnly = m_dir.filePath(QStringLiteral("read.sqlite"));
        QString why;
        QVERIFY2(readPlaylist(m_readOnly, &why), qPrintable(why));
        checkPlaylist(m_readOnly);
        const QString filled = m_dir.filePath(QStringLiteral("filled.sqlite"));
        QVERIFY(QFile::copy(m_readOnly, filled));
        const FeatureFillSummary summary = fill(filled);
        QVERIFY2(!summary.error, qPrintable(summary.error ? summary.error->message : QString()));
        QVERIFY(summary.unreachable.isEmpty() && summary.limited.isEmpty());
        QCOMPARE(summary.counts.spotify, kSongs / 20);
        QCOMPARE(summary.counts.reccoBeats, kSongs * 18 / 20);
        QCOMPARE(summary.counts.analysis, kSongs / 100);
        QCOMPARE(summary.counts.missing, kSongs / 20 - kSongs / 100);
        m_reference = stateOf(filled);
        QCOMPARE(m_reference.features.size(), kSongs);
        QCOMPARE(m_reference.analysis.size(), kSongs / 20);
    }

    void cleanupTestCase()
    {
        // Every kind of fault was met somewhere, or the soak proved less than it says.
        for (Fault fault : RandomFaults::kFaults)
            QVERIFY2(m_faultsMet[std::size_t(fault)] > 0, qPrintable(QString::number(int(fault))));
    }

    void playlistReadEndsCompleteOrSaysWhy_data() { seeds(); }
    void playlistReadEndsCompleteOrSaysWhy()
    {
        QFETCH(int, seed);
        const QString path = m_dir.filePath(QStringLiteral("read-%1.sqlite").arg(seed));
        RandomFaults faults(quint32(seed), kFaultRate, kSlowness, kRetryAfter);
        m_spotify.api.setRandomFaults(&faults);
        QString why;
        const bool read = readPlaylist(path, &why);
        m_spotify.api.setRandomFaults(nullptr);
        count(faults);
        if (read) {
            checkPlaylist(path);
        } else {
            QVERIFY(!why.isEmpty() && why.endsWith(u'.'));
            auto library = LibraryDb::open(path);
            QVERIFY(library.ok());
            QVERIFY(!(*library)->playlist(kPlaylist).ok());  // nothing of a read that failed
        }
        // Read again without faults: the same playlist, nothing doubled.
        QVERIFY2(readPlaylist(path, &why), qPrintable(why));
        checkPlaylist(path);
    }

    void featureChainEndsCompleteOrSaysWhy_data() { seeds(); }
    void featureChainEndsCompleteOrSaysWhy()
    {
        QFETCH(int, seed);
        const QString path = m_dir.filePath(QStringLiteral("fill-%1.sqlite").arg(seed));
        QVERIFY(QFile::copy(m_readOnly, path));
        std::array<RandomFaults, 4> faults = {RandomFaults(quint32(seed) * 4, kFaultRate, kSlowness, kRetryAfter),
                                              RandomFaults(quint32(seed) * 4 + 1, kFaultRate, kSlowness, kRetryAfter),
                                              RandomFaults(quint32(seed) * 4 + 2, kFaultRate, kSlowness, kRetryAfter),
                                              RandomFaults(quint32(seed) * 4 + 3, kFaultRate, kSlowness, kRetryAfter)};
        m_spotify.api.setRandomFaults(&faults[0]);
        m_reccoBeats.setRandomFaults(&faults[1]);
        m_deezer.setRandomFaults(&faults[2]);
        m_iTunes.setRandomFaults(&faults[3]);
        const FeatureFillSummary faulty = fill(path);
        m_spotify.api.setRandomFaults(nullptr);
        m_reccoBeats.setRandomFaults(nullptr);
        m_deezer.setRandomFaults(nullptr);
        m_iTunes.setRandomFaults(nullptr);
        int met = 0;
        for (const RandomFaults &each : faults) {
            count(each);
            met += each.total();
        }
        QVERIFY(met > 0);

        // A fault never stops the chain, and never leaves a wrong answer.
        QVERIFY2(!faulty.error, qPrintable(faulty.error ? faulty.error->message : QString()));
        const LibraryState state = stateOf(path);
        const QStringList wrong = contradictions(state, m_reference);
        QVERIFY2(wrong.isEmpty(), qPrintable(describe(wrong, state, m_reference)));
        // What is missing is said: a run that names no service found everything.
        const bool named = !faulty.unreachable.isEmpty() || !faulty.limited.isEmpty();
        const QStringList different = differences(state, m_reference);
        if (!named)
            QVERIFY2(different.isEmpty(), qPrintable(describe(different, state, m_reference)));

        // Nothing was kept as an answer that was not one: a run without faults completes it.
        const FeatureFillSummary clean = fill(path);
        QVERIFY(!clean.error);
        QVERIFY(clean.unreachable.isEmpty() && clean.limited.isEmpty());
        const LibraryState after = stateOf(path);
        const QStringList stillWrong = contradictions(after, m_reference);
        QVERIFY2(stillWrong.isEmpty(), qPrintable(describe(stillWrong, after, m_reference)));
        const QStringList missing = incomplete(after, m_reference);
        QVERIFY2(missing.isEmpty(), qPrintable(describe(missing, after, m_reference)));
    }

private:
    static void seeds()
    {
        QTest::addColumn<int>("seed");
        for (int seed = 1; seed <= kSeeds; ++seed)
            QTest::addRow("seed %d", seed) << seed;
    }

    void count(const RandomFaults &faults)
    {
        for (Fault fault : RandomFaults::kFaults)
            m_faultsMet[std::size_t(fault)] += faults.count(fault);
    }

    // Reads the playlist from the fake Spotify and stores it in the library at `path`, as
    // `encore-cli fetch` and the window do; false with the error's sentence when the read failed.
    bool readPlaylist(const QString &path, QString *why)
    {
        SpotifyPlaylistTracksJob *job = m_spotify.client->playlistTracks(kPlaylist);
        const bool ended = QTest::qWaitFor([job] { return job->isFinished(); }, 120000);
        job->deleteLater();
        if (!ended) {
            *why = QStringLiteral("the read did not end");
            return false;
        }
        if (job->error()) {
            *why = job->error()->message;
            return false;
        }
        SpotifyPlaylist listed;
        listed.id = kPlaylist;
        listed.name = QStringLiteral("Soak");
        auto library = LibraryDb::open(path);
        if (!library) {
            *why = library.error().message;
            return false;
        }
        const Status stored = (*library)->store(spotifyPlaylistBatch(listed, job->result()), {});
        if (!stored)
            *why = stored.error().message;
        return stored.ok();
    }

    void checkPlaylist(const QString &path)
    {
        auto library = LibraryDb::open(path);
        QVERIFY(library.ok());
        const Result<Playlist> playlist = (*library)->playlist(kPlaylist);
        QVERIFY(playlist.ok());
        QCOMPARE(playlist->trackIds, m_expectedIds);
        QCOMPARE((*library)->trackCount(), kSongs);
    }

    FeatureFillSummary fill(const QString &path)
    {
        FeatureFiller filler(path, m_spotify.client.get(), m_network);
        ServiceClientOptions options = quickServiceOptions();
        options.transferTimeout = kTimeout;
        filler.setServiceOptions(options, std::chrono::milliseconds(10));
        QSignalSpy finished(&filler, &FeatureFiller::finished);
        filler.start();
        if (!finished.wait(240000))
            return {{}, 0, Error{ErrorKind::Cancelled, QStringLiteral("the fill did not finish")}, {}, {}};
        return filler.summary();
    }

    QTemporaryDir m_dir;
    QNetworkAccessManager m_network;
    FakeReccoBeats m_reccoBeats;
    FakeDeezer m_deezer;
    FakeITunes m_iTunes;
    SignedInSpotify m_spotify;
    QStringList m_expectedIds;
    QString m_readOnly;  // the library after a read without faults, no features yet
    LibraryState m_reference;
    std::array<int, RandomFaults::kFaults.size() + 1> m_faultsMet{};
};

QTEST_GUILESS_MAIN(TestFaultSoak)
#include "tst_faultsoak.moc"
