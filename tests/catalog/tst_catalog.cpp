#include "catalog/catalog.h"
#include "storage/libraryfixtures.h"

#include <QTest>

using namespace encore;
using encore::testing::makeTrack;

class TestCatalog : public QObject {
    Q_OBJECT

    // Each column's bytes, in forEachColumn() order.
    static QList<QByteArray> columnBytes(const Catalog &catalog)
    {
        QList<QByteArray> bytes;
        forEachColumn(catalog.columns(), [&bytes](const auto &column) {
            const auto raw = std::as_bytes(column.span());
            bytes.push_back(QByteArray(reinterpret_cast<const char *>(raw.data()), qsizetype(raw.size())));
        });
        return bytes;
    }

private slots:
    // Entries given as positions in the tracks make the catalog that the same entries as ids
    // make: rows by id, a repeated id's entries on its first occurrence, playlists without
    // entries kept, each playlist's order kept.
    void entriesByPositionAreEntriesById()
    {
        const std::vector<Track> tracks{
            makeTrack(QStringLiteral("7MXVkk9YMctZqd1Srtv4MB"), QStringLiteral("Zeta"), QStringLiteral("Ana Ruiz")),
            makeTrack(QStringLiteral("0VjIjW4GlUZAMYd2vXMi3b"), QStringLiteral("夜に駆ける"),
                      QStringLiteral("YOASOBI")),
            makeTrack(QStringLiteral("4uLU6hMCjMI75M1A2tKUQC"), QStringLiteral("Alpha"),
                      QStringLiteral("Tyler, The Creator")),
            makeTrack(QStringLiteral("0VjIjW4GlUZAMYd2vXMi3b"), QStringLiteral("Again"),
                      QStringLiteral("Someone Else")),
            makeTrack(QStringLiteral("2takcwOaAZWiXQijPHIx7B"), QStringLiteral("Solo"), QStringLiteral("Ana Ruiz"))};
        const std::vector<AudioFeatures> features(tracks.size());
        std::vector<Playlist> byId{{QStringLiteral("0AAAAAAAAAAAAAAAAAAAAA"), QStringLiteral("Early"), {}, {}, {}, {}},
                                   {QStringLiteral("37i9dQZF1DXcBWIGoYBM5M"), QStringLiteral("Mix"), {}, {}, {}, {}},
                                   {QStringLiteral("file:empty"), QStringLiteral("Empty"), {}, {}, {}, {}}};
        std::vector<Playlist> headers = byId;
        Catalog::Entries entries;
        entries.starts = {0, 3, 7, 7};
        entries.positions = {4, 3, 0, 1, 2, 4, 0};
        for (std::size_t p = 0; p < byId.size(); ++p)
            for (auto e = entries.starts[p]; e < entries.starts[p + 1]; ++e)
                byId[p].trackIds << tracks[std::size_t(entries.positions[std::size_t(e)])].id;

        const Catalog fromIds(tracks, features, byId);
        const Catalog fromPositions(tracks, features, headers, entries);
        QCOMPARE(fromPositions.size(), 4);
        QCOMPARE(fromPositions.playlistCount(), 3);
        QCOMPARE(fromPositions.playlistRows(0).size(), 3u);
        QCOMPARE(fromPositions.trackName(fromPositions.playlistRows(0)[1]), QStringLiteral("夜に駆ける"));
        QVERIFY(fromPositions.playlistRows(2).empty());
        QCOMPARE(columnBytes(fromPositions), columnBytes(fromIds));
    }
};

QTEST_GUILESS_MAIN(TestCatalog)
#include "tst_catalog.moc"
