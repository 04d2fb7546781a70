#include "textoutput.h"

#include "recommend/explanation.h"

#include <algorithm>

namespace encore::cli {

namespace {

constexpr qsizetype kMaxColumnWidth = 48;

QString clipped(const QString &text)
{
    const QString line = oneLine(text);
    return line.size() <= kMaxColumnWidth ? line : line.left(kMaxColumnWidth - 1) + QChar(0x2026);
}

bool isControl(char32_t code)
{
    return code < 0x20 || (code >= 0x7f && code <= 0x9f);
}

QByteArray escaped(char32_t control)
{
    const QByteArray hex = QByteArray::number(static_cast<uint>(control), 16).toUpper().rightJustified(2, '0');
    return (control < 0x80 ? QByteArrayLiteral("\\x") : QByteArrayLiteral("\\u00")) + hex;
}

}  // namespace

EscapingDevice::EscapingDevice(FILE *target)
{
    m_target.open(target, QIODevice::WriteOnly);
    open(QIODevice::WriteOnly);
}

void EscapingDevice::writeControl(QByteArrayView control)
{
    m_target.write(control.data(), control.size());
    m_target.flush();
}

qint64 EscapingDevice::writeData(const char *data, qint64 size)
{
    QByteArray out;
    out.reserve(size);
    for (const auto byte : QByteArrayView(data, size)) {
        const auto code = static_cast<unsigned char>(byte);
        if (m_afterC2) {
            m_afterC2 = false;
            if (code >= 0x80 && code <= 0x9f) {  // U+0080 .. U+009F
                out += escaped(code);
                continue;
            }
            out += '\xc2';
        }
        if (code == 0xc2)
            m_afterC2 = true;  // decided by the next byte, which may come with the next write
        else if ((code < 0x20 || code == 0x7f) && code != '\n' && code != '\t')  // bytes 0x80.. continue characters
            out += escaped(code);
        else
            out += byte;
    }
    if (m_target.write(out) != out.size())
        return -1;
    m_target.flush();
    return size;
}

void restartLine(QTextStream &stream)
{
    stream.flush();
    if (auto *device = dynamic_cast<EscapingDevice *>(stream.device()))
        device->writeControl("\r\033[K");
    else
        stream << "\r\033[K" << Qt::flush;
}

QString oneLine(const QString &text)
{
    QString line;
    line.reserve(text.size());
    for (const QChar c : text) {
        if (isControl(c.unicode()))
            line += QString::fromLatin1(escaped(c.unicode()));
        else
            line += c;
    }
    return line;
}

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

QString trackListTable(const TrackList &list)
{
    struct Line {
        QString rank, score, title, artists, id, why;
    };
    std::vector<Line> lines{{QStringLiteral("#"), QStringLiteral("score"), QStringLiteral("title"),
                             QStringLiteral("artists"), QStringLiteral("track id"), QStringLiteral("why")}};
    for (const TrackListEntry &entry : list.entries) {
        const Track track = list.catalog->track(entry.row);
        lines.push_back({QString::number(entry.rank), entry.score ? QString::number(*entry.score, 'f', 4) : QString(),
                         clipped(track.name), clipped(track.artistsText()), oneLine(track.id), oneLine(entry.why)});
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
        table += line.rank.rightJustified(rankWidth) + QStringLiteral("  ") + line.score.rightJustified(scoreWidth)
            + QStringLiteral("  ") + line.title.leftJustified(titleWidth) + QStringLiteral("  ")
            + line.artists.leftJustified(artistsWidth) + QStringLiteral("  ")
            + (line.why.isEmpty() ? line.id : line.id.leftJustified(idWidth) + QStringLiteral("  ") + line.why) + u'\n';
    }
    return table;
}

}  // namespace encore::cli
