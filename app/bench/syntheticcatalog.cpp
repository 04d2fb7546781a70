#include "syntheticcatalog.h"

#include "catalog/csvreader.h"

#include <QFile>

#include <algorithm>
#include <array>
#include <charconv>
#include <random>
#include <string>
#include <vector>

namespace encore::bench {

namespace {

constexpr int kReplicas = 32;
constexpr std::uint64_t kSeed = 20260121;
constexpr char kBase62[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

enum class Jitter { None, Unit, Loudness, Tempo };

Jitter jitterOf(std::string_view column)
{
    static constexpr std::array<std::string_view, 7> unitFeatures{
        "danceability", "energy", "speechiness", "acousticness", "instrumentalness", "liveness", "valence"};
    if (std::find(unitFeatures.begin(), unitFeatures.end(), column) != unitFeatures.end())
        return Jitter::Unit;
    if (column == "loudness")
        return Jitter::Loudness;
    if (column == "tempo")
        return Jitter::Tempo;
    return Jitter::None;
}

void appendCell(QByteArray &out, std::string_view cell)
{
    if (cell.find_first_of(",\"\r\n") == std::string_view::npos) {
        out.append(cell.data(), static_cast<qsizetype>(cell.size()));
        return;
    }
    out.append('"');
    for (char c : cell) {
        if (c == '"')
            out.append('"');
        out.append(c);
    }
    out.append('"');
}

// splitmix64's finaliser: a bijection of 64-bit numbers that scatters neighbours.
std::uint64_t scatter(std::uint64_t x)
{
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

// Appends `number` as 11 base-62 digits (enough for 64 bits).
void appendBase62(std::string &out, std::uint64_t number)
{
    for (int i = 0; i < 11; ++i) {
        out.push_back(kBase62[number % 62]);
        number /= 62;
    }
}

// A 22-character base-62 id as random-looking as Spotify's, one per `number`: the first half is
// a bijection of it, so ids never repeat.
std::string spotifyLikeId(std::uint64_t number)
{
    std::string id;
    appendBase62(id, scatter(number));
    appendBase62(id, scatter(~number));
    return id;
}

}  // namespace

Status writeSyntheticCatalog(const QString &realPath, const QString &outPath, int rows)
{
    CsvReader reader;
    if (Status opened = reader.open(realPath); !opened)
        return opened;
    CsvRecord record;
    if (!reader.next(record))
        return Error{ErrorKind::Parse, QStringLiteral("%1 has no header row.").arg(realPath)};
    std::vector<std::string> header(record.fields.begin(), record.fields.end());
    std::vector<std::vector<std::string>> source;
    while (reader.next(record))
        source.emplace_back(record.fields.begin(), record.fields.end());
    if (reader.error())
        return *reader.error();
    if (source.empty())
        return Error{ErrorKind::Parse, QStringLiteral("%1 has no rows to resample.").arg(realPath)};

    const auto columnOf = [&header](std::string_view name) {
        const auto it = std::find(header.begin(), header.end(), name);
        return it == header.end() ? -1 : static_cast<int>(it - header.begin());
    };
    const int idColumn = columnOf("track_id");
    const int nameColumn = columnOf("track_name");
    const int playlistColumn = columnOf("playlist_id");
    if (idColumn < 0 || nameColumn < 0)
        return Error{ErrorKind::Parse, QStringLiteral("%1 has no track_id and track_name columns.").arg(realPath)};
    std::vector<Jitter> jitter;
    for (const std::string &column : header)
        jitter.push_back(jitterOf(column));

    // Draw the rows, then order them by replica and source row so playlists stay together.
    std::mt19937_64 rng(kSeed);
    std::uniform_int_distribution<std::size_t> pick(0, source.size() - 1);
    std::vector<std::pair<int, std::size_t>> drawn(static_cast<std::size_t>(std::max(rows, 0)));
    for (std::size_t i = 0; i < drawn.size(); ++i)
        drawn[i] = {static_cast<int>(i % kReplicas), pick(rng)};
    std::sort(drawn.begin(), drawn.end());

    QFile file(outPath);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return Error{ErrorKind::Io, QStringLiteral("Cannot write %1: %2").arg(outPath, file.errorString())};
    std::normal_distribution<double> noise(0.0, 1.0);
    QByteArray out;
    out.reserve(1 << 22);
    for (std::size_t c = 0; c < header.size(); ++c) {
        if (c > 0)
            out.append(',');
        appendCell(out, header[c]);
    }
    out.append('\n');
    for (std::size_t i = 0; i < drawn.size(); ++i) {
        const auto [replica, sourceRow] = drawn[i];
        const std::vector<std::string> &cells = source[sourceRow];
        for (std::size_t c = 0; c < header.size(); ++c) {
            if (c > 0)
                out.append(',');
            const std::string_view cell = c < cells.size() ? std::string_view(cells[c]) : std::string_view();
            const int column = static_cast<int>(c);
            if (column == idColumn) {
                out.append(spotifyLikeId(i));
            } else if (column == nameColumn) {
                appendCell(out, std::string(cell) + " #" + std::to_string(i));
            } else if (column == playlistColumn && cell.size() == 22) {
                std::string id(cell.substr(0, 20));
                id.push_back(kBase62[replica / 62]);
                id.push_back(kBase62[replica % 62]);
                out.append(id);
            } else if (jitter[c] != Jitter::None) {
                double value = 0.0;
                const auto [end, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), value);
                if (ec != std::errc() || end != cell.data() + cell.size()) {
                    appendCell(out, cell);  // NA or empty stays as it is
                    continue;
                }
                const double n = noise(rng);
                switch (jitter[c]) {
                case Jitter::Unit: value = std::clamp(value + 0.01 * n, 0.0, 1.0); break;
                case Jitter::Loudness: value += 0.2 * n; break;
                case Jitter::Tempo: value = value > 0.0 ? value * (1.0 + 0.005 * n) : value; break;
                case Jitter::None: break;
                }
                out.append(QByteArray::number(value, 'g', 6));
            } else {
                appendCell(out, cell);
            }
        }
        out.append('\n');
        if (out.size() > (1 << 22)) {
            if (file.write(out) != out.size())
                return Error{ErrorKind::Io, QStringLiteral("Cannot write %1: %2").arg(outPath, file.errorString())};
            out.clear();
        }
    }
    if (file.write(out) != out.size() || !file.flush())
        return Error{ErrorKind::Io, QStringLiteral("Cannot write %1: %2").arg(outPath, file.errorString())};
    return success();
}

}  // namespace encore::bench
