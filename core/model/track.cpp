#include "track.h"

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

}  // namespace encore
