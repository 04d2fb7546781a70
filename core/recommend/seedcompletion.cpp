#include "seedcompletion.h"

#include "model/track.h"

#include <algorithm>
#include <limits>

namespace encore {

SeedCompletion::SeedCompletion(std::shared_ptr<const Catalog> catalog) : m_catalog(std::move(catalog))
{
    if (!m_catalog)
        return;
    const CatalogColumns &columns = m_catalog->columns();
    const auto add = [this](QStringView text, int row, int artist) {
        const QByteArray key = normalizedText(text).toUtf8();
        if (key.isEmpty())
            return;
        const auto length =
            static_cast<std::uint16_t>(std::min<qsizetype>(key.size(), std::numeric_limits<std::uint16_t>::max()));
        m_entries.push_back({m_keys.size(), row, length, static_cast<std::int16_t>(artist)});
        m_keys.append(key.constData(), length);
    };
    m_entries.reserve(static_cast<std::size_t>(m_catalog->size()) * 2);
    for (int row = 0; row < m_catalog->size(); ++row) {
        add(columns.names.view(static_cast<std::size_t>(row)), row, -1);
        int artist = 0;
        for (QStringView name :
             columns.artists.view(static_cast<std::size_t>(row)).tokenize(CatalogColumns::kArtistSeparator)) {
            if (artist == std::numeric_limits<std::int16_t>::max())
                break;
            add(name, row, artist++);
        }
    }
    // By text, then by row: the first row of a text speaks for it, whatever the sort does.
    std::sort(m_entries.begin(), m_entries.end(), [this](const Entry &a, const Entry &b) {
        if (const int order = keyOf(a).compare(keyOf(b)); order != 0)
            return order < 0;
        return a.row < b.row || (a.row == b.row && a.artist < b.artist);
    });
    m_entries.erase(std::unique(m_entries.begin(), m_entries.end(),
                                [this](const Entry &a, const Entry &b) { return keyOf(a) == keyOf(b); }),
                    m_entries.end());
    m_entries.shrink_to_fit();
}

QString SeedCompletion::textOf(const Entry &entry) const
{
    if (entry.artist < 0)
        return m_catalog->trackName(entry.row);
    int artist = 0;
    for (QStringView name : m_catalog->columns()
                                .artists.view(static_cast<std::size_t>(entry.row))
                                .tokenize(CatalogColumns::kArtistSeparator))
        if (artist++ == entry.artist)
            return name.toString();
    return {};
}

QStringList SeedCompletion::complete(QStringView typed, int limit) const
{
    const QByteArray prefixBytes = normalizedText(typed).toUtf8();
    const std::string_view prefix(prefixBytes.constData(), static_cast<std::size_t>(prefixBytes.size()));
    QStringList texts;
    if (prefix.empty() || limit <= 0)
        return texts;
    auto it = std::lower_bound(m_entries.begin(), m_entries.end(), prefix,
                               [this](const Entry &entry, std::string_view key) { return keyOf(entry) < key; });
    for (; it != m_entries.end() && texts.size() < limit && keyOf(*it).starts_with(prefix); ++it)
        texts.push_back(textOf(*it));
    return texts;
}

}  // namespace encore
