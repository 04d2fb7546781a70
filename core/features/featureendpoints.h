#pragma once

#include "util/result.h"

#include <QProcessEnvironment>
#include <QUrl>

namespace encore {

// Where the keyless feature and preview services live. The real hosts are the defaults; the
// environment overrides them, with the same rules as SpotifyEndpoints (https, or plain http on a
// loopback host):
//   ENCORE_RECCOBEATS_URL  replaces https://api.reccobeats.com (/v1/audio-features hangs below)
//   ENCORE_DEEZER_URL      replaces https://api.deezer.com (/track/isrc:... hangs below)
//   ENCORE_ITUNES_URL      replaces https://itunes.apple.com (/search hangs below)
struct FeatureEndpoints {
    static constexpr const char *kReccoBeatsVariable = "ENCORE_RECCOBEATS_URL";
    static constexpr const char *kDeezerVariable = "ENCORE_DEEZER_URL";
    static constexpr const char *kITunesVariable = "ENCORE_ITUNES_URL";

    QUrl reccoBeats = QUrl(QStringLiteral("https://api.reccobeats.com"));
    QUrl deezer = QUrl(QStringLiteral("https://api.deezer.com"));
    QUrl iTunes = QUrl(QStringLiteral("https://itunes.apple.com"));

    // The defaults, with whatever the environment overrides; an Error names a bad variable.
    static Result<FeatureEndpoints>
    fromEnvironment(const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());
};

}  // namespace encore
