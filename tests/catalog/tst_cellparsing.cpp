#include "catalog/cellparsing.h"

#include <QTest>

#include <bit>
#include <charconv>
#include <random>
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

// The double std::from_chars makes of `text`, bit for bit; parseNumber must give the same.
quint64 fromCharsBits(const std::string &text)
{
    double value = 0;
    std::from_chars(text.data(), text.data() + text.size(), value);
    return std::bit_cast<quint64>(value);
}

}  // namespace

class TestCellParsing : public QObject {
    Q_OBJECT

private slots:
    void parseNumber_data();
    void parseNumber();
    void parseNumberAsFromChars_data();
    void parseNumberAsFromChars();
    void parseNumberAsFromCharsRandom();
    void cellText_data();
    void cellText();
    void spotifyRef_data();
    void spotifyRef();
    void splitArtists_data();
    void splitArtists();
    void commasMaySeparate_data();
    void commasMaySeparate();
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

// Numbers near the edges of parseNumber's quick path: its limits of 15 digits and 22 after the
// point, halfway cases and values a double cannot hold exactly.
void TestCellParsing::parseNumberAsFromChars_data()
{
    QTest::addColumn<QString>("cell");
    for (const char *cell : {"0.1",
                             "0.3",
                             "-0",
                             "-0.0",
                             "0.000385495",
                             "-2.7967",
                             "121.189",
                             "19",
                             "123456789012345",
                             "1234567890123456",
                             "999999999999999",
                             "0.999999999999999",
                             "0.9999999999999999",
                             "9007199254740993",
                             "0.0000000000000000000001",
                             "0.00000000000000000000001",
                             "1e5",
                             "2.2250738585072014e-308",
                             "179769313486231570000000000000000000000",
                             "00000000000000012",
                             "5.",
                             ".5",
                             "-.5",
                             "0.30000000000000004",
                             "3.14159265358979"})
        QTest::newRow(cell) << QString::fromLatin1(cell);
}

void TestCellParsing::parseNumberAsFromChars()
{
    QFETCH(QString, cell);
    const std::string text = bytes(cell);
    double parsed = 0;
    const CellNumber result = encore::parseNumber(text, parsed);
    double expected = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), expected);
    QCOMPARE(result == CellNumber::Value, ec == std::errc() && end == text.data() + text.size());
    if (result == CellNumber::Value)
        QCOMPARE(std::bit_cast<quint64>(parsed), fromCharsBits(text));
}

void TestCellParsing::parseNumberAsFromCharsRandom()
{
    std::mt19937_64 rng(42);
    std::uniform_int_distribution<int> digitCount(1, 17);
    std::uniform_int_distribution<int> digit(0, 9);
    for (int n = 0; n < 200000; ++n) {
        std::string text = rng() % 4 == 0 ? "-" : "";
        const int whole = digitCount(rng) % 8 + 1;
        for (int i = 0; i < whole; ++i)
            text.push_back(static_cast<char>('0' + digit(rng)));
        if (rng() % 8 != 0) {
            text.push_back('.');
            const int fraction = digitCount(rng);
            for (int i = 0; i < fraction; ++i)
                text.push_back(static_cast<char>('0' + digit(rng)));
        }
        double parsed = 0;
        QCOMPARE(encore::parseNumber(text, parsed), CellNumber::Value);
        if (std::bit_cast<quint64>(parsed) != fromCharsBits(text))
            QFAIL(qPrintable(QStringLiteral("%1 parsed differently").arg(QString::fromStdString(text))));
    }
}

void TestCellParsing::cellText_data()
{
    QTest::addColumn<QString>("cell");
    QTest::addColumn<QString>("text");

    QTest::newRow("plain") << "Closer"
                           << "Closer";
    QTest::newRow("trimmed") << "  Closer \t"
                             << "Closer";
    QTest::newRow("NA is missing") << "NA"
                                   << "";
    QTest::newRow("padded NA is missing") << " NA "
                                          << "";
    QTest::newRow("NA inside a name is kept") << "NAO"
                                              << "NAO";
    QTest::newRow("lower-case na is a name") << "na"
                                             << "na";
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
    QTest::newRow("padded id") << " " + id + " "
                               << "track" << Kind::Id << id;
    QTest::newRow("uri") << "spotify:track:" + id << "track" << Kind::Id << id;
    QTest::newRow("link with si") << "https://open.spotify.com/track/" + id + "?si=1a2b3c4d"
                                  << "track" << Kind::Id << id;
    QTest::newRow("link with locale") << "https://open.spotify.com/intl-de/track/" + id << "track" << Kind::Id << id;
    QTest::newRow("embed link") << "https://open.spotify.com/embed/track/" + id << "track" << Kind::Id << id;
    QTest::newRow("link without scheme") << "open.spotify.com/track/" + id << "track" << Kind::Id << id;
    QTest::newRow("album uri") << "spotify:album:" + id << "album" << Kind::Id << id;
    QTest::newRow("old playlist uri") << "spotify:user:spotify:playlist:" + id << "playlist" << Kind::Id << id;
    QTest::newRow("album uri where a track is wanted") << "spotify:album:" + id << "track" << Kind::Invalid << "";
    QTest::newRow("album link where a track is wanted")
        << "https://open.spotify.com/album/" + id << "track" << Kind::Invalid << "";
    QTest::newRow("local uri") << "spotify:local:Artist:Album:Title:215"
                               << "track" << Kind::Local << "";
    QTest::newRow("local link") << "https://open.spotify.com/local/Artist/Album/Title/215"
                                << "track" << Kind::Local << "";
    QTest::newRow("too short") << "6f807x0ima9a1j3VPbc7V"
                               << "track" << Kind::Invalid << "";
    QTest::newRow("bad character") << "6f807x0ima9a1j3VPbc7V-"
                                   << "track" << Kind::Invalid << "";
    QTest::newRow("uri with short id") << "spotify:track:abc"
                                       << "track" << Kind::Invalid << "";
    QTest::newRow("other site") << "https://example.com/track/" + id << "track" << Kind::Invalid << "";
    QTest::newRow("empty") << ""
                           << "track" << Kind::Empty << "";
    QTest::newRow("blank") << "   "
                           << "track" << Kind::Empty << "";
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

    QTest::newRow("exportify escaped comma") << "Tyler\\, The Creator,Kali Uchis" << ArtistFormat::EscapedCommas
                                             << QStringList{"Tyler, The Creator", "Kali Uchis"};
    QTest::newRow("exportify plain list")
        << "Calvin Harris,Dua Lipa" << ArtistFormat::EscapedCommas << QStringList{"Calvin Harris", "Dua Lipa"};
    QTest::newRow("exportify one artist") << "Adele" << ArtistFormat::EscapedCommas << QStringList{"Adele"};
    QTest::newRow("exportify escaped comma last") << "Kali Uchis,Tyler\\, The Creator" << ArtistFormat::EscapedCommas
                                                  << QStringList{"Kali Uchis", "Tyler, The Creator"};
    QTest::newRow("credits, one name for now")
        << "Tyler, The Creator" << ArtistFormat::Credits << QStringList{"Tyler, The Creator"};
    QTest::newRow("credits NA") << "NA" << ArtistFormat::Credits << QStringList{};
    QTest::newRow("credits blank") << " " << ArtistFormat::Credits << QStringList{};
    QTest::newRow("python list") << "['Artist A', 'Artist B']" << ArtistFormat::List
                                 << QStringList{"Artist A", "Artist B"};
    QTest::newRow("python list with apostrophe")
        << "[\"Guns N' Roses\", 'Slash']" << ArtistFormat::List << QStringList{"Guns N' Roses", "Slash"};
    QTest::newRow("python list with escape")
        << "['Don\\'t Stop', 'B, C']" << ArtistFormat::List << QStringList{"Don't Stop", "B, C"};
    QTest::newRow("empty python list") << "[]" << ArtistFormat::List << QStringList{};
    QTest::newRow("semicolons") << "Artist A;Artist B" << ArtistFormat::List << QStringList{"Artist A", "Artist B"};
    QTest::newRow("list keeps commas") << "Tyler, The Creator" << ArtistFormat::List
                                       << QStringList{"Tyler, The Creator"};
    QTest::newRow("utf-8") << QStringLiteral("Beyoncé,Björk") << ArtistFormat::EscapedCommas
                           << QStringList{QStringLiteral("Beyoncé"), QStringLiteral("Björk")};
}

void TestCellParsing::commasMaySeparate_data()
{
    QTest::addColumn<QString>("cell");
    QTest::addColumn<ArtistFormat>("format");
    QTest::addColumn<bool>("maySeparate");

    QTest::newRow("credits") << "A, B" << ArtistFormat::Credits << true;
    QTest::newRow("exportify") << "Tyler\\, The Creator" << ArtistFormat::EscapedCommas << false;
    QTest::newRow("plain kaggle artists") << "A, B" << ArtistFormat::List << true;
    QTest::newRow("python list") << " ['Tyler, The Creator'] " << ArtistFormat::List << false;
    QTest::newRow("semicolons") << "Tyler, The Creator;B" << ArtistFormat::List << false;
}

void TestCellParsing::commasMaySeparate()
{
    QFETCH(QString, cell);
    QFETCH(ArtistFormat, format);
    QFETCH(bool, maySeparate);
    QCOMPARE(encore::commasMaySeparate(bytes(cell), format), maySeparate);
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

    QTest::newRow("comma list") << "dance pop,pop"
                                << "dance pop";
    QTest::newRow("python list") << "['pop', 'rock']"
                                 << "pop";
    QTest::newRow("one") << "edm"
                         << "edm";
    QTest::newRow("empty") << ""
                           << "";
    QTest::newRow("empty python list") << "[]"
                                       << "";
    QTest::newRow("NA") << "NA"
                        << "";
}

void TestCellParsing::firstListItem()
{
    QFETCH(QString, cell);
    QFETCH(QString, item);
    QCOMPARE(encore::firstListItem(bytes(cell)), item);
}

QTEST_GUILESS_MAIN(TestCellParsing)
#include "tst_cellparsing.moc"
