#include "discover/discoveryjson.h"

#include "discoveryanswers.h"

#include <QTest>

using namespace encore;

class TestDiscoveryJson : public QObject {
    Q_OBJECT

private slots:
    void reccoBeatsRecommendation()
    {
        const QByteArray body = test::answers::reccoBeatsRecommendation();
        const Result<std::vector<Candidate>> parsed = parseReccoBeatsRecommendation(body);
        QVERIFY(parsed);
        QCOMPARE(parsed->size(), std::size_t(2));
        const Track &valerie = parsed->at(0).track;
        QCOMPARE(valerie.id, QStringLiteral("4pAnwHrE5AP5HQzTnU3ddY"));
        QCOMPARE(valerie.name, QStringLiteral("Valerie"));
        QCOMPARE(valerie.artists, (QStringList{QStringLiteral("Amy Winehouse"), QStringLiteral("Mark Ronson")}));
        QCOMPARE(valerie.isrc, QStringLiteral("GBARL0700584"));
        QCOMPARE(valerie.durationMs, 219000);
        QCOMPARE(valerie.popularity, std::optional<int>(71));
        QVERIFY(parsed->at(1).track.id.isEmpty());  // kept, to be matched by name
        QVERIFY(!parsed->at(1).track.popularity);
    }

    void unreadableAnswers_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("html") << QByteArray("<html>busy</html>");
        QTest::newRow("array") << QByteArray("[1,2]");
        QTest::newRow("content not a list") << QByteArray(R"({"content":{}})");
        QTest::newRow("truncated") << QByteArray(R"({"content":[{"trackTitle":"a")");
    }
    void unreadableAnswers()
    {
        QFETCH(QByteArray, body);
        QCOMPARE(parseReccoBeatsRecommendation(body).error().kind, ErrorKind::Parse);
        QCOMPARE(parseDeezerTracks(body).error().kind, ErrorKind::Parse);
        QCOMPARE(parseDeezerArtists(body).error().kind, ErrorKind::Parse);
    }

    void deezerTrack()
    {
        const QByteArray body = test::answers::deezerTrack();
        const Result<Candidate> parsed = parseDeezerTrack(body);
        QVERIFY(parsed);
        QCOMPARE(parsed->deezerId, 3135556);
        QCOMPARE(parsed->track.name, QStringLiteral("Harder, Better, Faster, Stronger"));
        QCOMPARE(parsed->track.artists, QStringList{QStringLiteral("Daft Punk")});
        QCOMPARE(parsed->track.album, QStringLiteral("Discovery"));
        QCOMPARE(parsed->track.isrc, QStringLiteral("GBDUW0000059"));
        QCOMPARE(parsed->track.durationMs, 224000);
        QCOMPARE(parsed->deezerBpm, std::optional<double>(123.4));
        QCOMPARE(parsed->deezerRank, 956167);
        QCOMPARE(parsed->cover, QUrl(QStringLiteral("https://e-cdns-images.example/cover/250x250.jpg")));
        QVERIFY(parsed->track.previewUrl.isEmpty());  // signed and short-lived: never kept
        QCOMPARE(parsed->deezerArtistId, 27);

        // Deezer says 0 for a tempo it does not know.
        const QByteArray noTempo = R"({"id":1,"title":"T","bpm":0,"artist":{"id":2,"name":"A"}})";
        QVERIFY(!parseDeezerTrack(noTempo)->deezerBpm);
        // A length no song has (a fuzzer's: milliseconds overflowed) is unknown.
        const QByteArray endless = R"({"id":1,"title":"T","duration":21500000,"artist":{"id":2,"name":"A"}})";
        QCOMPARE(parseDeezerTrack(endless)->track.durationMs, 0);
    }

    void deezerErrors_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<ErrorKind>("kind");
        QTest::newRow("no data") << QByteArray(R"({"error":{"type":"DataException","message":"no data","code":800}})")
                                 << ErrorKind::NotFound;
        QTest::newRow("quota")
            << QByteArray(R"({"error":{"type":"Exception","message":"Quota limit exceeded","code":4}})")
            << ErrorKind::Quota;
        QTest::newRow("other")
            << QByteArray(R"({"error":{"type":"ParameterException","message":"Wrong parameter","code":500}})")
            << ErrorKind::Api;
    }
    void deezerErrors()
    {
        QFETCH(QByteArray, body);
        QFETCH(ErrorKind, kind);
        QCOMPARE(parseDeezerTrack(body).error().kind, kind);
        QCOMPARE(parseDeezerTracks(body).error().kind, kind);
        QCOMPARE(parseDeezerArtists(body).error().kind, kind);
    }

    void deezerTrackLists()
    {
        const QByteArray body = test::answers::deezerArtistTop();
        const Result<std::vector<Candidate>> parsed = parseDeezerTracks(body);
        QVERIFY(parsed);
        QCOMPARE(parsed->size(), std::size_t(1));
        QCOMPARE(parsed->at(0).track.artists, QStringList{QStringLiteral("Amy Winehouse")});
        QVERIFY(parsed->at(0).cover.isEmpty());
        QVERIFY(parsed->at(0).track.isrc.isEmpty());  // lists carry no ISRC

        const QByteArray related = R"({"data":[{"id":1281,"name":"Duffy","nb_fan":1},{"id":0,"name":"Bad"},
            {"id":1282,"name":""},{"id":1283,"name":"Adele"}],"total":4})";
        const Result<std::vector<DeezerArtist>> artists = parseDeezerArtists(related);
        QVERIFY(artists);
        QCOMPARE(artists->size(), std::size_t(2));
        QCOMPARE(artists->at(0).id, 1281);
        QCOMPARE(artists->at(1).name, QStringLiteral("Adele"));
    }
};

QTEST_GUILESS_MAIN(TestDiscoveryJson)
#include "tst_discoveryjson.moc"
