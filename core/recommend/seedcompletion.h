#pragma once

#include "catalog/catalog.h"

#include <QStringList>
#include <QStringView>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace encore {

// The titles and artists of a catalog sorted by their normalised text, so that completing what
// the user types in a seed box is a binary search, not a scan of every track. Built once per
// catalog (about a second at a million tracks: build it off the GUI thread); immutable after.
class SeedCompletion {
public:
    SeedCompletion() = default;
    explicit SeedCompletion(std::shared_ptr<const Catalog> catalog);

    // Up to `limit` titles and artists, as the catalog writes them, whose normalised text starts
    // with the normalised `typed`; in the order of that text, each once.
    QStringList complete(QStringView typed, int limit) const;
    // How many distinct titles and artists there are to complete.
    int size() const { return static_cast<int>(m_entries.size()); }

private:
    struct Entry {
        std::uint64_t keyBegin;  // in m_keys
        std::int32_t row;
        std::uint16_t keyLength;
        std::int16_t artist;  // which of the row's artists, or -1 for its title
    };

    std::string_view keyOf(const Entry &entry) const
    {
        return std::string_view(m_keys).substr(entry.keyBegin, entry.keyLength);
    }
    QString textOf(const Entry &entry) const;

    std::shared_ptr<const Catalog> m_catalog;
    std::string m_keys;  // every normalised text, UTF-8 (its byte order is the code points')
    std::vector<Entry> m_entries;
};

}  // namespace encore
