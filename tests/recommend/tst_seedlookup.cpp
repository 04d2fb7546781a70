#include "recommend/seedlookup.h"

#include "importedcatalog.h"
#include "syntheticcatalog.h"

#include <QTest>

using namespace encore;
using namespace encore::test;

Q_DECLARE_METATYPE(encore::SeedLookup::Outcome)

namespace {

// Real-looking ids, so the rows follow their sort order rather than the order given here.
struct Song {
    const char *id;
    const char *title;
    QStringList artists;
};

const std::vector<Song> kSongs{
    {"6RUKPb4LETWmmr3iAEQktW", "Memories", {"Maroon 5"}},
    {"0sY6ZUTh4yoctD8VIXz339", "Memories - Dillon Francis Remix", {"Maroon 5", "Dillon Francis"}},
    {"3ZCTVFBt2Brf31RLEnCkWJ", "Memories", {"Conan Gray"}},
    {"0VjIjW4GlUZAMYd2vXMi3b", "Blinding Lights", {"The Weeknd"}},
    {"7MXVkk9YMctZqd1Srtv4MB", "Blinding Lights", {"The Weeknd"}},  // the same song, on another album
    {"6WrI0LAC5M1Rw2MnX2ZvEg", "Don't Start Now", {"Dua Lipa"}},
    {"1aBcDeFgHiJkLmNoPqRsTu", "Café del Mar", {"Energy 52"}},
    {"2Fxmhks0bxGSBdJ92vM42m", "Hello - Adele", {"Tribute Band"}},
    {"4sPmO7WMQUAf45kwMOtONw", "Hello", {"Adele"}},
    {"5xUo0AiQSMjPbDXMyfqPhS", "Hello", {"Lionel Richie"}},
};

Catalog lookupCatalog()
{
    std::vector<Track> tracks;
    std::vector<AudioFeatures> features;
    for (const Song &song : kSongs) {
        Track track;
        track.id = QString::fromLatin1(song.id);
        track.name = QString::fromUtf8(song.title);
        track.artists = song.artists;
        tracks.push_back(track);
        features.emplace_back();
    }
    return Catalog(std::move(tracks), std::move(features), {});
}

}  // namespace

class TestSeedLookup : public QObject {
    Q_OBJECT

private slots:
    void findsSeed_data();
    void findsSeed();
    void findsByAnyCreditedArtist_data();
    void findsByAnyCreditedArtist();
};

void TestSeedLookup::findsSeed_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<SeedLookup::Outcome>("outcome");
    QTest::addColumn<QStringList>("ids");  // the rows expected, as track ids

    using O = SeedLookup::Outcome;
    const QString weeknd1 = "0VjIjW4GlUZAMYd2vXMi3b";
    const QString weeknd2 = "7MXVkk9YMctZqd1Srtv4MB";
    const QString maroon = "6RUKPb4LETWmmr3iAEQktW";
    const QString remix = "0sY6ZUTh4yoctD8VIXz339";
    const QString conan = "3ZCTVFBt2Brf31RLEnCkWJ";
    const QString adele = "4sPmO7WMQUAf45kwMOtONw";

    // Ids, URIs and links.
    QTest::newRow("track id") << maroon << O::Found << QStringList{maroon};
    QTest::newRow("track id with spaces around") << "  " + maroon + "\n" << O::Found << QStringList{maroon};
    QTest::newRow("uri") << "spotify:track:" + remix << O::Found << QStringList{remix};
    QTest::newRow("uri, upper-case prefix") << "Spotify:Track:" + remix << O::Found << QStringList{remix};
    QTest::newRow("link with si") << "https://open.spotify.com/track/" + conan + "?si=4f2a9c1b8e3d4a7f" << O::Found
                                  << QStringList{conan};
    QTest::newRow("link, intl segment") << "https://open.spotify.com/intl-de/track/" + conan + "?si=abc" << O::Found
                                        << QStringList{conan};
    QTest::newRow("link, intl with region")
        << "https://open.spotify.com/intl-pt-br/track/" + conan << O::Found << QStringList{conan};
    QTest::newRow("link without scheme") << "open.spotify.com/track/" + adele << O::Found << QStringList{adele};
    QTest::newRow("link, http and trailing slash")
        << "http://open.spotify.com/track/" + adele + "/" << O::Found << QStringList{adele};
    QTest::newRow("unknown id") << "0000000000000000000000" << O::NotFound << QStringList{};
    QTest::newRow("unknown id in uri") << "spotify:track:1111111111111111111111" << O::NotFound << QStringList{};
    QTest::newRow("unknown id in link") << "https://open.spotify.com/track/1111111111111111111111?si=x" << O::NotFound
                                        << QStringList{};
    QTest::newRow("uri with a bad id") << "spotify:track:abc" << O::NotFound << QStringList{};
    QTest::newRow("album link") << "https://open.spotify.com/album/" + maroon << O::NotFound << QStringList{};

    // "Title - Artist", split at every " - ".
    QTest::newRow("title - artist") << "Memories - Maroon 5" << O::Found << QStringList{maroon};
    QTest::newRow("title - artist, other artist") << "Memories - Conan Gray" << O::Found << QStringList{conan};
    QTest::newRow("title with a dash - artist")
        << "Memories - Dillon Francis Remix - Maroon 5" << O::Found << QStringList{remix};
    QTest::newRow("title - second artist")
        << "Memories - Dillon Francis Remix - Dillon Francis" << O::Found << QStringList{remix};
    QTest::newRow("case and spacing") << "  memories - DILLON francis remix -   maroon 5 " << O::Found
                                      << QStringList{remix};
    QTest::newRow("en dash") << QString::fromUtf8("Memories – Maroon 5") << O::Found << QStringList{maroon};
    QTest::newRow("title - artist beats a title with a dash") << "Hello - Adele" << O::Found << QStringList{adele};
    QTest::newRow("artist - title, as a last resort")
        << "Dua Lipa - Don't Start Now" << O::Found << QStringList{"6WrI0LAC5M1Rw2MnX2ZvEg"};

    // A title alone.
    QTest::newRow("title") << "Don't Start Now" << O::Found << QStringList{"6WrI0LAC5M1Rw2MnX2ZvEg"};
    QTest::newRow("title, other punctuation")
        << QString::fromUtf8("don’t start now!") << O::Found << QStringList{"6WrI0LAC5M1Rw2MnX2ZvEg"};
    QTest::newRow("title, accents and case")
        << QString::fromUtf8("CAFÉ DEL MAR") << O::Found << QStringList{"1aBcDeFgHiJkLmNoPqRsTu"};
    QTest::newRow("title containing a dash") << "Memories - Dillon Francis Remix" << O::Found << QStringList{remix};

    // Several tracks: the user picks.
    QTest::newRow("title shared by two songs") << "memories" << O::Ambiguous << QStringList{maroon, conan};
    QTest::newRow("two copies of one song") << "Blinding Lights" << O::Ambiguous << QStringList{weeknd1, weeknd2};
    QTest::newRow("two copies, with the artist")
        << "blinding lights - the weeknd" << O::Ambiguous << QStringList{weeknd1, weeknd2};
    QTest::newRow("two titled Hello") << "Hello" << O::Ambiguous << QStringList{adele, "5xUo0AiQSMjPbDXMyfqPhS"};

    // Nothing.
    QTest::newRow("unknown title") << "Levitating" << O::NotFound << QStringList{};
    QTest::newRow("known title, wrong artist") << "Memories - Adele" << O::NotFound << QStringList{};
    QTest::newRow("part of a title") << "Memor" << O::NotFound << QStringList{};
    QTest::newRow("empty") << "" << O::NotFound << QStringList{};
    QTest::newRow("blank") << "   " << O::NotFound << QStringList{};
    QTest::newRow("punctuation only") << " - " << O::NotFound << QStringList{};
}

void TestSeedLookup::findsSeed()
{
    QFETCH(QString, text);
    QFETCH(SeedLookup::Outcome, outcome);
    QFETCH(QStringList, ids);

    const Catalog catalog = lookupCatalog();
    std::vector<int> expectedRows;
    for (const QString &id : ids) {
        expectedRows.push_back(catalog.rowOf(id));
        QVERIFY2(expectedRows.back() >= 0, qPrintable(id));
    }
    std::sort(expectedRows.begin(), expectedRows.end());

    const SeedLookup lookup = findSeed(catalog, text);
    QCOMPARE(lookup.outcome, outcome);
    QCOMPARE(lookup.rows, expectedRows);
}

void TestSeedLookup::findsByAnyCreditedArtist_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<SeedLookup::Outcome>("outcome");
    QTest::addColumn<QList<int>>("indexes");  // of the tracks expected, as imported

    using O = SeedLookup::Outcome;
    QTest::newRow("title - first artist") << "Duet - Ana Ruiz" << O::Found << QList<int>{0};
    QTest::newRow("title - second artist") << "Duet - Ben Cole" << O::Found << QList<int>{0};
    QTest::newRow("artist - title") << "Ben Cole - Duet" << O::Found << QList<int>{0};
    QTest::newRow("the singer alone") << "Solo - Ana Ruiz" << O::Found << QList<int>{1};
    QTest::newRow("artist - title, the singer alone") << "Ana Ruiz - Solo" << O::Found << QList<int>{1};
    QTest::newRow("a name with a comma, whole") << "Duet - Tyler, The Creator" << O::Found << QList<int>{3};
    QTest::newRow("a name with a comma is not cut") << "Duet - The Creator" << O::NotFound << QList<int>{};
    QTest::newRow("the title alone, ambiguous") << "duet" << O::Ambiguous << QList<int>{0, 3};
}

void TestSeedLookup::findsByAnyCreditedArtist()
{
    QFETCH(QString, text);
    QFETCH(SeedLookup::Outcome, outcome);
    QFETCH(QList<int>, indexes);

    // The same singer alone and in a credit list; "Tyler, The Creator" is one artist.
    const std::shared_ptr<const Catalog> catalog = importedCatalog({
        importedRow(0, "Duet", "\"Ana Ruiz, Ben Cole\""),
        importedRow(1, "Solo", "Ana Ruiz"),
        importedRow(2, "Other", "Ben Cole"),
        importedRow(3, "Duet", "\"Tyler, The Creator\""),
        importedRow(4, "Creator", "The Creators"),
    });
    QVERIFY(catalog);
    std::vector<int> expectedRows;
    for (int index : indexes)
        expectedRows.push_back(catalog->rowOf(syntheticTrackId(index)));

    const SeedLookup lookup = findSeed(*catalog, text);
    QCOMPARE(lookup.outcome, outcome);
    QCOMPARE(lookup.rows, expectedRows);
}

QTEST_GUILESS_MAIN(TestSeedLookup)
#include "tst_seedlookup.moc"
