#pragma once

// Catalogs read by the importer from CSV text, as a user's file would be: for tests of what the
// importer's reading of artist credits means for seed lookup and ranking.

#include "catalog/catalogimporter.h"
#include "syntheticcatalog.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QList>
#include <QTemporaryDir>

#include <memory>

namespace encore::test {

// One line of an imported file: the track at `index` (id syntheticTrackId(index), so rows keep
// that order) with its features. `artistCell` goes in as it is, CSV quotes and all.
inline QByteArray importedRow(int index, const QByteArray &title, const QByteArray &artistCell,
                              const FeatureValues &values = {})
{
    QByteArray row = syntheticTrackId(index).toLatin1() + "," + title + "," + artistCell;
    for (float value : values)
        row += "," + QByteArray::number(value);
    return row;
}

// The catalog the importer makes of `rows` under a header of id, name, artists and the eleven
// features; null when the import fails.
inline std::shared_ptr<const Catalog> importedCatalog(const QList<QByteArray> &rows)
{
    QByteArray csv = "id,name,artists";
    for (Feature feature : kAllFeatures)
        csv += "," + featureKey(feature).toLatin1();
    for (const QByteArray &row : rows)
        csv += "\n" + row;
    QTemporaryDir dir;
    QFile file(QDir(dir.path()).filePath(QStringLiteral("catalog.csv")));
    if (!dir.isValid() || !file.open(QIODevice::WriteOnly) || file.write(csv + "\n") < 0)
        return nullptr;
    file.close();
    Result<ImportBatch> batch = CatalogImporter().importFile(file.fileName());
    if (!batch || !batch->rejected.empty())
        return nullptr;
    return std::make_shared<const Catalog>(std::move(batch->tracks), std::move(batch->features),
                                           std::move(batch->playlists));
}

}  // namespace encore::test
