#pragma once

#include <QSet>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace encore {

// Decides which commas in an artist name separate credited artists ("A, B" in a track_artist or
// Kaggle artists cell) and which belong to the name ("Tyler, The Creator"). Only evidence decides,
// never a list of names: a part that stands alone as an artist elsewhere, in the same file or in
// the library, is an artist of its own; a name known whole is never cut.
class CreditSplitter {
public:
    // `name` was seen as one artist: a cell without commas, or an item of a list whose
    // separators are certain (Python list text, ';', Exportify's escaped commas).
    void addKnownArtist(QStringView name);
    bool isKnown(QStringView name) const;
    bool isEmpty() const { return m_known.isEmpty(); }

    // The first few characters of `name` as addKnownArtist and split compare it, packed in a
    // number: two names that start differently are not the same artist.
    static quint64 keyStart(QStringView name);

    // The artists credited in `name`, in order: each run of comma-separated parts that is a
    // known artist becomes one, and the parts between them stay together as one name. `name`
    // alone when nothing in it is known on its own.
    QStringList split(const QString &name) const;

private:
    QSet<QString> m_known;  // normalizedText of each name
};

}  // namespace encore
