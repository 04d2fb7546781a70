#include "syntheticcollection.h"

#include <QDir>
#include <QFile>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

namespace encore::bench {

namespace {

constexpr int kPlaylistsPerSlice = 1000;
constexpr int kTopics = 400;
constexpr int kPoolPerPlaylist = 6;
constexpr double kZipfExponent = 1.4;
constexpr double kZipfOffset = 600;
constexpr double kOwnTopicShare = 0.8;
constexpr int kTracksPerArtist = 8;
constexpr int kTracksPerAlbum = 4;
constexpr int kFeaturePercent = 30;
constexpr std::uint64_t kSeed = 20261206;
constexpr char kBase62[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

std::uint64_t mix(std::uint64_t x)
{
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

// 22 base-62 characters, different for every track: the first 11 spell an odd multiple of the
// track number (one to one), the rest a hash of it.
QByteArray spotifyIdOf(std::uint64_t track, std::uint64_t salt)
{
    QByteArray id(22, '0');
    std::uint64_t unique = (track + 1) * 0x9E3779B97F4A7C15ULL + salt;
    std::uint64_t hashed = mix(track ^ salt);
    for (int i = 10; i >= 0; --i, unique /= 62)
        id[i] = kBase62[unique % 62];
    for (int i = 21; i >= 11; --i, hashed /= 62)
        id[i] = kBase62[hashed % 62];
    return id;
}

// Ranks 0 .. size - 1 drawn with probability ∝ (rank + offset)^-exponent, by inverting the
// continuous law's distribution function.
class ZipfMandelbrot {
public:
    ZipfMandelbrot(double size, double exponent, double offset)
        : m_exponent(exponent), m_offset(offset), m_low(std::pow(offset, 1.0 - exponent)),
          m_span(std::pow(size + offset, 1.0 - exponent) - m_low), m_size(size)
    {}
    std::int64_t operator()(std::mt19937_64 &random) const
    {
        const double u = std::uniform_real_distribution<double>(0.0, 1.0)(random);
        const double rank = std::pow(u * m_span + m_low, 1.0 / (1.0 - m_exponent)) - m_offset;
        return std::clamp<std::int64_t>(static_cast<std::int64_t>(rank), 0, static_cast<std::int64_t>(m_size) - 1);
    }

private:
    double m_exponent;
    double m_offset;
    double m_low;
    double m_span;
    double m_size;
};

// A track is its number in the pool: popular ones first, topic = number % kTopics.
struct PoolTrack {
    std::int64_t number;
    int topic() const { return static_cast<int>(number % kTopics); }
    std::int64_t inTopic() const { return number / kTopics; }
    std::int64_t artist() const { return inTopic() / kTracksPerArtist * kTopics + topic(); }
    std::int64_t album() const { return inTopic() / kTracksPerAlbum * kTopics + topic(); }
};

void appendEntry(QByteArray &out, const PoolTrack &track, int position)
{
    const QByteArray number = QByteArray::number(track.number);
    const QByteArray artist = QByteArray::number(track.artist());
    const QByteArray album = QByteArray::number(track.album());
    out += R"({"pos": )" + QByteArray::number(position) + R"(, "artist_name": "Artist )" + artist
        + R"(", "track_uri": "spotify:track:)" + spotifyIdOf(track.number, 1) + R"(", "artist_uri": "spotify:artist:)"
        + spotifyIdOf(track.artist(), 2) + R"(", "track_name": "Song )" + number + R"(", "album_uri": "spotify:album:)"
        + spotifyIdOf(track.album(), 3) + R"(", "duration_ms": )" + QByteArray::number(150000 + track.number % 120000)
        + R"(, "album_name": "Album )" + album + R"("})";
}

// The features of a track: its topic's sound and a little of its own.
void appendFeatures(QByteArray &out, const PoolTrack &track)
{
    std::mt19937_64 topicRandom(mix(static_cast<std::uint64_t>(track.topic()) + kSeed));
    std::mt19937_64 ownRandom(mix(static_cast<std::uint64_t>(track.number) ^ kSeed));
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::normal_distribution<double> noise(0.0, 0.08);
    const auto value = [&](double low, double high) {
        const double centre = unit(topicRandom);
        return low + (high - low) * std::clamp(centre + noise(ownRandom), 0.0, 1.0);
    };
    const double danceability = value(0, 1), energy = value(0, 1);
    const int key = static_cast<int>(value(0, 11.99));
    const double loudness = value(-30, 0);
    const int mode = value(0, 1) > 0.5 ? 1 : 0;
    const double speechiness = value(0, 0.6), acousticness = value(0, 1), instrumentalness = value(0, 1);
    const double liveness = value(0, 0.8), valence = value(0, 1), tempo = value(60, 190);
    out += spotifyIdOf(track.number, 1) + ",Song " + QByteArray::number(track.number) + ",Artist "
        + QByteArray::number(track.artist()) + ",Album " + QByteArray::number(track.album()) + ','
        + QByteArray::number(danceability, 'f', 3) + ',' + QByteArray::number(energy, 'f', 3) + ','
        + QByteArray::number(key) + ',' + QByteArray::number(loudness, 'f', 2) + ',' + QByteArray::number(mode) + ','
        + QByteArray::number(speechiness, 'f', 3) + ',' + QByteArray::number(acousticness, 'f', 3) + ','
        + QByteArray::number(instrumentalness, 'f', 3) + ',' + QByteArray::number(liveness, 'f', 3) + ','
        + QByteArray::number(valence, 'f', 3) + ',' + QByteArray::number(tempo, 'f', 1) + ','
        + QByteArray::number(150000 + track.number % 120000) + '\n';
}

Status writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return Error{ErrorKind::Io, QStringLiteral("Cannot write %1: %2").arg(path, file.errorString())};
    return success();
}

}  // namespace

QJsonObject SyntheticCollection::toJson() const
{
    return QJsonObject{{QStringLiteral("playlists"), playlists},
                       {QStringLiteral("entries"), entries},
                       {QStringLiteral("distinct_tracks"), distinctTracks},
                       {QStringLiteral("tracks_with_features"), tracksWithFeatures},
                       {QStringLiteral("bytes"), bytes},
                       {QStringLiteral("most_playlists_of_a_track"), mostPlaylistsOfATrack},
                       {QStringLiteral("tracks_in_one_playlist"), tracksInOnePlaylist}};
}

Result<SyntheticCollection> writeSyntheticCollection(const QString &folder, int playlists)
{
    SyntheticCollection collection;
    collection.folder = QDir(folder).filePath(QStringLiteral("mpd"));
    collection.featuresPath = QDir(folder).filePath(QStringLiteral("features.csv"));
    collection.playlists = playlists;
    if (!QDir().mkpath(collection.folder))
        return Error{ErrorKind::Io, QStringLiteral("Cannot create %1.").arg(collection.folder)};

    const double pool = double(playlists) * kPoolPerPlaylist;
    const ZipfMandelbrot anyTrack(pool, kZipfExponent, kZipfOffset);
    const ZipfMandelbrot inTopic(pool / kTopics, kZipfExponent, kZipfOffset / kTopics);
    std::lognormal_distribution<double> length(std::log(66.0) - 0.25, 0.8);
    std::mt19937_64 random(kSeed);
    std::vector<std::int32_t> playlistsOf(static_cast<std::size_t>(pool), 0);

    QByteArray slice;
    std::vector<std::int64_t> tracks;
    for (int first = 0; first < playlists; first += kPlaylistsPerSlice) {
        const int last = std::min(first + kPlaylistsPerSlice, playlists) - 1;
        slice = R"({"info": {"generated_on": "encore-bench", "slice": ")" + QByteArray::number(first) + '-'
            + QByteArray::number(last) + R"(", "version": "v1"}, "playlists": [)" + '\n';
        for (int pid = first; pid <= last; ++pid) {
            const int topic = static_cast<int>(random() % kTopics);
            const int size = std::clamp(static_cast<int>(length(random)), 5, 250);
            tracks.clear();
            for (int attempt = 0; static_cast<int>(tracks.size()) < size && attempt < 4 * size; ++attempt) {
                const std::int64_t number = std::bernoulli_distribution(kOwnTopicShare)(random)
                    ? inTopic(random) * kTopics + topic
                    : anyTrack(random);
                if (number < pool && std::find(tracks.begin(), tracks.end(), number) == tracks.end())
                    tracks.push_back(number);
            }
            slice += R"({"name": "Mix )" + QByteArray::number(topic) + R"(", "collaborative": "false", "pid": )"
                + QByteArray::number(pid) + R"(, "num_tracks": )" + QByteArray::number(qsizetype(tracks.size()))
                + R"(, "tracks": [)" + '\n';
            for (std::size_t i = 0; i < tracks.size(); ++i) {
                appendEntry(slice, PoolTrack{tracks[i]}, static_cast<int>(i));
                slice += i + 1 < tracks.size() ? ",\n" : "\n";
                ++playlistsOf[static_cast<std::size_t>(tracks[i])];
            }
            collection.entries += static_cast<qint64>(tracks.size());
            slice += pid < last ? "]},\n" : "]}\n";
        }
        slice += "]}\n";
        const QString name = QStringLiteral("mpd.slice.%1-%2.json").arg(first).arg(last);
        if (const Status written = writeFile(QDir(collection.folder).filePath(name), slice); !written)
            return written.error();
        collection.bytes += slice.size();
    }

    QByteArray features = "track_id,track_name,track_artist,track_album_name,danceability,energy,key,loudness,mode,"
                          "speechiness,acousticness,instrumentalness,liveness,valence,tempo,duration_ms\n";
    for (std::size_t number = 0; number < playlistsOf.size(); ++number) {
        const int count = playlistsOf[number];
        if (count == 0)
            continue;
        ++collection.distinctTracks;
        collection.tracksInOnePlaylist += count == 1 ? 1 : 0;
        collection.mostPlaylistsOfATrack = std::max(collection.mostPlaylistsOfATrack, count);
        if (mix(number) % 100 < kFeaturePercent) {
            appendFeatures(features, PoolTrack{static_cast<std::int64_t>(number)});
            ++collection.tracksWithFeatures;
        }
    }
    if (const Status written = writeFile(collection.featuresPath, features); !written)
        return written.error();
    return collection;
}

}  // namespace encore::bench
