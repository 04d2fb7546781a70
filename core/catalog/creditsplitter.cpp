#include "creditsplitter.h"

#include "model/track.h"

#include <vector>

namespace encore {

namespace {

constexpr int kKeyChars = 3;

}  // namespace

quint64 CreditSplitter::keyStart(QStringView name)
{
    // normalizedText's first characters, by its rules, without building a string: this runs for
    // every artist of a file.
    quint64 key = 0;
    int count = 0;
    bool pendingSpace = false;
    for (QChar c : name) {
        if (!c.isLetterOrNumber()) {
            pendingSpace = true;
            continue;
        }
        if (pendingSpace && count > 0 && ++count <= kKeyChars)
            key = key << 16 | u' ';
        pendingSpace = false;
        if (++count > kKeyChars)
            break;
        key = key << 16 | c.toCaseFolded().unicode();
    }
    return key;
}

void CreditSplitter::addKnownArtist(QStringView name)
{
    if (QString key = normalizedText(name); !key.isEmpty())
        m_known.insert(std::move(key));
}

bool CreditSplitter::isKnown(QStringView name) const
{
    return m_known.contains(normalizedText(name));
}

QStringList CreditSplitter::split(const QString &name) const
{
    // Each part's place in `name`, so that a run of parts keeps its original text.
    struct Part {
        qsizetype begin;
        qsizetype end;
    };
    std::vector<Part> parts;
    for (qsizetype begin = 0; begin <= name.size();) {
        qsizetype end = name.indexOf(u',', begin);
        if (end < 0)
            end = name.size();
        qsizetype first = begin;
        qsizetype last = end;
        while (first < last && name[first].isSpace())
            ++first;
        while (last > first && name[last - 1].isSpace())
            --last;
        if (first < last)
            parts.push_back({first, last});
        begin = end + 1;
    }
    if (parts.size() < 2)
        return {name};

    const auto text = [&](std::size_t from, std::size_t to) {  // parts [from, to]
        return QStringView(name).mid(parts[from].begin, parts[to].end - parts[from].begin);
    };
    QStringList artists;
    std::size_t unknownFrom = 0;
    const auto flushUnknown = [&](std::size_t upTo) {
        if (unknownFrom < upTo)
            artists.push_back(text(unknownFrom, upTo - 1).toString());
    };
    for (std::size_t i = 0; i < parts.size();) {
        // The longest known run starting here, so that a name known whole stays whole.
        std::size_t j = parts.size();
        while (j > i && !isKnown(text(i, j - 1)))
            --j;
        if (j == i) {
            ++i;
            continue;
        }
        flushUnknown(i);
        artists.push_back(text(i, j - 1).toString());
        i = j;
        unknownFrom = j;
    }
    flushUnknown(parts.size());
    if (artists.size() < 2)
        return {name};
    return artists;
}

}  // namespace encore
