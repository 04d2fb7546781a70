#include "textoutput.h"

#include "recommend/explanation.h"

#include <algorithm>

namespace encore::cli {

namespace {

constexpr qsizetype kMaxColumnWidth = 48;

QString clipped(const QString &text)
{
    return text.size() <= kMaxColumnWidth ? text : text.left(kMaxColumnWidth - 1) + QChar(0x2026);
}

}  // namespace

QString formatCount(qint64 count)
{
    QString digits = QString::number(count < 0 ? -count : count);
    for (qsizetype at = digits.size() - 3; at > 0; at -= 3)
        digits.insert(at, u',');
    return count < 0 ? u'-' + digits : digits;
}

QString countOf(qint64 count, const QString &singular, const QString &plural)
{
    return formatCount(count) + u' ' + (count == 1 ? singular : plural);
}

QString recommendationTable(const Catalog &catalog, int seedRow, const std::vector<Recommendation> &list)
{
    struct Line {
        QString rank, score, title, artists, id, why;
    };
    std::vector<Line> lines{{QStringLiteral("#"), QStringLiteral("score"), QStringLiteral("title"),
                             QStringLiteral("artists"), QStringLiteral("track id"), QStringLiteral("why")}};
    for (std::size_t i = 0; i < list.size(); ++i) {
        const Track &track = catalog.track(list[i].row);
        lines.push_back({QString::number(i + 1), QString::number(list[i].score, 'f', 4),
                         clipped(track.name), clipped(track.artistsText()), track.id,
                         explainMatch(catalog, seedRow, list[i])});
    }

    qsizetype rankWidth = 0, scoreWidth = 0, titleWidth = 0, artistsWidth = 0, idWidth = 0;
    for (const Line &line : lines) {
        rankWidth = std::max(rankWidth, line.rank.size());
        scoreWidth = std::max(scoreWidth, line.score.size());
        titleWidth = std::max(titleWidth, line.title.size());
        artistsWidth = std::max(artistsWidth, line.artists.size());
        idWidth = std::max(idWidth, line.id.size());
    }
    QString table;
    for (const Line &line : lines) {
        table += line.rank.rightJustified(rankWidth) + QStringLiteral("  ")
                 + line.score.rightJustified(scoreWidth) + QStringLiteral("  ")
                 + line.title.leftJustified(titleWidth) + QStringLiteral("  ")
                 + line.artists.leftJustified(artistsWidth) + QStringLiteral("  ")
                 + (line.why.isEmpty() ? line.id : line.id.leftJustified(idWidth) + QStringLiteral("  ") + line.why)
                 + u'\n';
    }
    return table;
}

}  // namespace encore::cli
