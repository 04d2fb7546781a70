#pragma once

#include <QFileInfo>
#include <QString>
#include <QTest>

namespace encore::test {

// A file from ../shared/data; the calling test fails (QFAIL in the caller) when it is absent.
inline QString sharedDataFile(const QString &relativePath)
{
    return QStringLiteral(ENCORE_SHARED_DATA "/") + relativePath;
}

inline QString realCatalogPath()
{
    return sharedDataFile(QStringLiteral("catalogs/spotify_songs_2020.csv.gz"));
}

}  // namespace encore::test

// Fails the current test when a fixture the test depends on is missing.
#define ENCORE_REQUIRE_FILE(path)                                                                                      \
    do {                                                                                                               \
        if (!QFileInfo::exists(path))                                                                                  \
            QFAIL(qPrintable(QStringLiteral("fixture missing: %1").arg(path)));                                        \
    } while (false)
