#include "catalog/cellparsing.h"

#include <QTest>

#include <string>

using namespace encore;

Q_DECLARE_METATYPE(encore::CellNumber)
Q_DECLARE_METATYPE(encore::SpotifyRef::Kind)
Q_DECLARE_METATYPE(encore::ArtistFormat)

namespace {

std::string bytes(const QString &text)
{
    return text.toStdString();
}

}  // namespace

class TestCellParsing : public QObject {
    Q_OBJECT

private slots:
    void parseNumber_data();
    void parseNumber();
    void cellText_data();
    void cellText();
    void spotifyRef_data();
    void spotifyRef();
    void splitArtists_data();
    void splitArtists();
    void firstListItem_data();
    void firstListItem();
};

void TestCellParsing::parseNumber_data()
{
    QTest::addColumn<QString>("cell");
    QTest::addColumn<CellNumber>("result");
    QTest::addColumn<double>("value");

    QTest::newRow("decimal") << "0.735" << CellNumber::Value << 0.735;
    QTest::newRow("negative, padded") << " -5.2 " << CellNumber::Value << -5.2;
    QTest::newRow("exponent") << "1.5e-05" << CellNumber::Value << 1.5e-05;
    QTest::newRow("plus sign") << "+3" << CellNumber::Value << 3.0;
    QTest::newRow("zero") << "0" << CellNumber::Value << 0.0;
    QTest::newRow("integer") << "282707" << CellNumber::Value << 282707.0;
    QTest::newRow("blank") << "" << CellNumber::Missing << 0.0;
    QTest::newRow("spaces") << "   " << CellNumber::Missing << 0.0;
    QTest::newRow("NA") << "NA" << CellNumber::Missing << 0.0;
    QTest::newRow("N/A") << "N/A" << CellNumber::Missing << 0.0;
    QTest::newRow("NaN") << "NaN" << CellNumber::Missing << 0.0;
    QTest::newRow("nan") << "nan" << CellNumber::Missing << 0.0;
    QTest::newRow("null") << "null" << CellNumber::Missing << 0.0;
    QTest::newRow("None") << "None" << CellNumber::Missing << 0.0;
    QTest::newRow("word") << "abc" << CellNumber::Invalid << 0.0;
    QTest::newRow("decimal comma") << "1,5" << CellNumber::Invalid << 0.0;
    QTest::newRow("trailing text") << "12abc" << CellNumber::Invalid << 0.0;
    QTest::newRow("infinity") << "inf" << CellNumber::Invalid << 0.0;
    QTest::newRow("hex") << "0x10" << CellNumber::Invalid << 0.0;
    QTest::newRow("sign only") << "+" << CellNumber::Invalid << 0.0;
}

void TestCellParsing::parseNumber()
{
    QFETCH(QString, cell);
    QFETCH(CellNumber, result);
    QFETCH(double, value);

    const std::string text = bytes(cell);
    double parsed = -1;
    QCOMPARE(encore::parseNumber(text, parsed), result);
    if (result == CellNumber::Value)
        QCOMPARE(parsed, value);
}

void TestCellParsing::cellText_data()
{
    QTest::addColumn<QString>("cell");
    QTest::addColumn<QString>("text");

    QTest::newRow("plain") << "Closer" << "Closer";
    QTest::newRow("trimmed") << "  Closer \t" << "Closer";
    QTest::newRow("NA is missing") << "NA" << "";
    QTest::newRow("padded NA is missing") << " NA " << "";
    QTest::newRow("NA inside a name is kept") << "NAO" << "NAO";
    QTest::newRow("lower-case na is a name") << "na" << "na";
    QTest::newRow("utf-8") << QStringLiteral("Sigur Rós") << QStringLiteral("Sigur Rós");
}

void TestCellParsing::cellText()
{
    QFETCH(QString, cell);
    QFETCH(QString, text);
    QCOMPARE(encore::cellText(bytes(cell)), text);
}

void TestCellParsing::spotifyRef_data()
{
    QTest::addColumn<QString>("cell");
    QTest::addColumn<QString>("type");
    QTest::addColumn<SpotifyRef::Kind>("kind");
    QTest::addColumn<QString>("id");

    const QString id = "6f807x0ima9a1j3VPbc7VN";
    using Kind = SpotifyRef::Kind;
    QTest::newRow("bare id") << id << "track" << Kind::Id << id;
    QTest::newRow("padded id") << " " + id + " " << "track" << Kind::Id << id;
    QTest::newRow("uri") << "spotify:track:" + id << "track" << Kind::Id << id;
    QTest::newRow("link with si") << "https://open.spotify.com/track/" + id + "?si=1a2b3c4d" << "track"
                                  << Kind::Id << id;
    QTest::newRow("link with locale") << "https://open.spotify.com/intl-de/track/" + id << "track"
                                      << Kind::Id << id;
    QTest::newRow("embed link") << "https://open.spotify.com/embed/track/" + id << "track" << Kind::Id << id;
    QTest::newRow("link without scheme") << "open.spotify.com/track/" + id << "track" << Kind::Id << id;
    QTest::newRow("album uri") << "spotify:album:" + id << "album" << Kind::Id << id;
    QTest::newRow("old playlist uri") << "spotify:user:spotify:playlist:" + id << "playlist" << Kind::Id << id;
    QTest::newRow("album uri where a track is wanted") << "spotify:album:" + id << "track" << Kind::Invalid << "";
    QTest::newRow("album link where a track is wanted") << "https://open.spotify.com/album/" + id << "track"
                                                        << Kind::Invalid << "";
    QTest::newRow("local uri") << "spotify:local:Artist:Album:Title:215" << "track" << Kind::Local << "";
    QTest::newRow("local link") << "https://open.spotify.com/local/Artist/Album/Title/215" << "track"
                                << Kind::Local << "";
    QTest::newRow("too short") << "6f807x0ima9a1j3VPbc7V" << "track" << Kind::Invalid << "";
    QTest::newRow("bad character") << "6f807x0ima9a1j3VPbc7V-" << "track" << Kind::Invalid << "";
    QTest::newRow("uri with short id") << "spotify:track:abc" << "track" << Kind::Invalid << "";
    QTest::newRow("other site") << "https://example.com/track/" + id << "track" << Kind::Invalid << "";
    QTest::newRow("empty") << "" << "track" << Kind::Empty << "";
    QTest::newRow("blank") << "   " << "track" << Kind::Empty << "";
}

void TestCellParsing::spotifyRef()
{
    QFETCH(QString, cell);
    QFETCH(QString, type);
    QFETCH(SpotifyRef::Kind, kind);
    QFETCH(QString, id);

    const std::string text = bytes(cell);
    const std::string wanted = bytes(type);
    const SpotifyRef ref = parseSpotifyRef(text, wanted);
    QCOMPARE(ref.kind, kind);
    QCOMPARE(QString::fromLatin1(ref.id.data(), static_cast<qsizetype>(ref.id.size())), id);
}

void TestCellParsing::splitArtists_data()
{
    QTest::addColumn<QString>("cell");
    QTest::addColumn<ArtistFormat>("format");
    QTest::addColumn<QStringList>("artists");

    QTest::newRow("exportify escaped comma")
        << "Tyler\\, The Creator,Kali Uchis" << ArtistFormat::EscapedCommas
        << QStringList{"Tyler, The Creator", "Kali Uchis"};
    QTest::newRow("exportify plain list") << "Calvin Harris,Dua Lipa" << ArtistFormat::EscapedCommas
                                          << QStringList{"Calvin Harris", "Dua Lipa"};
    QTest::newRow("exportify one artist") << "Adele" << ArtistFormat::EscapedCommas << QStringList{"Adele"};
    QTest::newRow("exportify escaped comma last") << "Kali Uchis,Tyler\\, The Creator"
                                                  << ArtistFormat::EscapedCommas
                                                  << QStringList{"Kali Uchis", "Tyler, The Creator"};
    QTest::newRow("single keeps commas") << "Tyler, The Creator" << ArtistFormat::Single
                                         << QStringList{"Tyler, The Creator"};
    QTest::newRow("single NA") << "NA" << ArtistFormat::Single << QStringList{};
    QTest::newRow("single blank") << " " << ArtistFormat::Single << QStringList{};
    QTest::newRow("python list") << "['Artist A', 'Artist B']" << ArtistFormat::List
                                 << QStringList{"Artist A", "Artist B"};
    QTest::newRow("python list with apostrophe") << "[\"Guns N' Roses\", 'Slash']" << ArtistFormat::List
                                                 << QStringList{"Guns N' Roses", "Slash"};
    QTest::newRow("python list with escape") << "['Don\\'t Stop', 'B, C']" << ArtistFormat::List
                                             << QStringList{"Don't Stop", "B, C"};
    QTest::newRow("empty python list") << "[]" << ArtistFormat::List << QStringList{};
    QTest::newRow("semicolons") << "Artist A;Artist B" << ArtistFormat::List
                                << QStringList{"Artist A", "Artist B"};
    QTest::newRow("list keeps commas") << "Tyler, The Creator" << ArtistFormat::List
                                       << QStringList{"Tyler, The Creator"};
    QTest::newRow("utf-8") << QStringLiteral("Beyoncé,Björk") << ArtistFormat::EscapedCommas
                           << QStringList{QStringLiteral("Beyoncé"), QStringLiteral("Björk")};
}

void TestCellParsing::splitArtists()
{
    QFETCH(QString, cell);
    QFETCH(ArtistFormat, format);
    QFETCH(QStringList, artists);
    QCOMPARE(encore::splitArtists(bytes(cell), format), artists);
}

void TestCellParsing::firstListItem_data()
{
    QTest::addColumn<QString>("cell");
    QTest::addColumn<QString>("item");

    QTest::newRow("comma list") << "dance pop,pop" << "dance pop";
    QTest::newRow("python list") << "['pop', 'rock']" << "pop";
    QTest::newRow("one") << "edm" << "edm";
    QTest::newRow("empty") << "" << "";
    QTest::newRow("empty python list") << "[]" << "";
    QTest::newRow("NA") << "NA" << "";
}

void TestCellParsing::firstListItem()
{
    QFETCH(QString, cell);
    QFETCH(QString, item);
    QCOMPARE(encore::firstListItem(bytes(cell)), item);
}

QTEST_GUILESS_MAIN(TestCellParsing)
#include "tst_cellparsing.moc"
