#include "track.h"

#include <algorithm>
#include <cstdint>

namespace encore {

QString normalizedText(QStringView text)
{
    QString out;
    out.reserve(text.size());
    bool pendingSpace = false;
    for (QChar c : text) {
        if (c.isLetterOrNumber()) {
            if (pendingSpace && !out.isEmpty())
                out += u' ';
            pendingSpace = false;
            out += c.toCaseFolded();
        } else {
            pendingSpace = true;
        }
    }
    return out;
}

QString songIdentity(const Track &track)
{
    return normalizedText(track.name) + u'\x1f' + normalizedText(track.primaryArtist());
}

std::vector<std::size_t> orderById(const std::vector<Track> &tracks)
{
    // Each id's first four UTF-16 units as one number (a missing one as 0) decide nearly every
    // comparison of Spotify's random ids without comparing the strings, which took most of the
    // time of sorting 1M of them; ties are compared whole, then by position.
    struct Keyed {
        std::uint64_t prefix;
        std::size_t position;
    };
    std::vector<Keyed> keyed(tracks.size());
    for (std::size_t i = 0; i < tracks.size(); ++i) {
        const QString &id = tracks[i].id;
        std::uint64_t prefix = 0;
        for (qsizetype unit = 0; unit < 4; ++unit)
            prefix = prefix << 16 | (unit < id.size() ? id[unit].unicode() : 0u);
        keyed[i] = {prefix, i};
    }
    std::sort(keyed.begin(), keyed.end(), [&tracks](const Keyed &a, const Keyed &b) {
        if (a.prefix != b.prefix)
            return a.prefix < b.prefix;
        const int order = QStringView(tracks[a.position].id).compare(tracks[b.position].id);
        return order != 0 ? order < 0 : a.position < b.position;
    });
    std::vector<std::size_t> order(tracks.size());
    for (std::size_t i = 0; i < keyed.size(); ++i)
        order[i] = keyed[i].position;
    return order;
}

}  // namespace encore
