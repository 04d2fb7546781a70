#include "model/track.h"

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <numeric>

using namespace encore;

class TestTrack : public QObject {
    Q_OBJECT

private slots:
    // orderById sorts as QString's operator< does, a repeated id in the order given, whatever
    // the ids' first four units leave undecided: equal prefixes, shorter ids, a NUL unit, units
    // of a character beyond U+FFFF.
    void orderByIdIsAStableSortById()
    {
        const QStringList awkward{QStringLiteral("abcdX"),
                                  QStringLiteral("abcd"),
                                  QStringLiteral("abc"),
                                  QStringLiteral("ab"),
                                  QString(),
                                  QStringLiteral("abcdA"),
                                  QStringLiteral("abcdX"),
                                  QStringView(u"ab\0", 3).toString(),
                                  QStringView(u"ab\0\0", 4).toString(),
                                  QStringLiteral("a😀b"),
                                  QStringLiteral("a\uFF21b"),
                                  QStringLiteral("abcdX"),
                                  QStringLiteral("abcde1"),
                                  QStringLiteral("abcde0")};
        std::vector<Track> tracks;
        for (const QString &id : awkward) {
            Track track;
            track.id = id;
            tracks.push_back(track);
        }
        QRandomGenerator random(7);
        for (int i = 0; i < 2000; ++i) {
            Track track;
            for (int unit = 0; unit < 6; ++unit)
                track.id += QChar(u"AaBb0\u00e9"[random.bounded(6)]);
            tracks.push_back(track);
        }
        std::vector<std::size_t> expected(tracks.size());
        std::iota(expected.begin(), expected.end(), std::size_t{0});
        std::stable_sort(expected.begin(), expected.end(),
                         [&](std::size_t a, std::size_t b) { return tracks[a].id < tracks[b].id; });
        QVERIFY(orderById(tracks) == expected);
        QVERIFY(orderById({}).empty());
    }
};

QTEST_APPLESS_MAIN(TestTrack)
#include "tst_track.moc"
