#include "discoveries.h"

#include <QStringList>

namespace encore {

QString Discoveries::origins(int row) const
{
    QStringList sentences;
    for (const DiscoveryOrigin &origin : originsOf.value(row))
        sentences << origin.describe();
    sentences.removeDuplicates();
    return sentences.join(QStringLiteral("; "));
}

std::vector<int> Discoveries::allButNew(int size) const
{
    std::vector<int> rows;
    rows.reserve(std::size_t(std::max(0, size)));
    for (int row = 0; row < size; ++row)
        if (!isNew(row))
            rows.push_back(row);
    return rows;
}

}  // namespace encore
