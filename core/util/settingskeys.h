#pragma once

#include <QLatin1StringView>

// Every key Encore keeps in its settings (QSettings, organization and application "Encore"), in one
// place so that two parts never read one key two ways. Renaming a key loses what users saved
// under it: add a new one instead. Never a secret here; tokens belong to SecretStore.
namespace encore::settingskeys {

// The window (MainWindow) and its panes (LibraryView).
inline constexpr QLatin1StringView windowGeometry{"window/geometry"};
inline constexpr QLatin1StringView windowState{"window/state"};
inline constexpr QLatin1StringView lastCatalogDirectory{"window/lastCatalogDirectory"};
inline constexpr QLatin1StringView mainSplitter{"window/mainSplitter"};
inline constexpr QLatin1StringView sidebarSplitter{"window/sidebarSplitter"};
inline constexpr QLatin1StringView centreSplitter{"window/centreSplitter"};
inline constexpr QLatin1StringView rightSplitter{"window/rightSplitter"};
inline constexpr QLatin1StringView playlistHeader{"window/playlistHeader"};
inline constexpr QLatin1StringView trackHeader{"window/trackHeader"};
inline constexpr QLatin1StringView recommendationHeader{"window/recommendationHeader"};
inline constexpr QLatin1StringView weightsShown{"window/weightsShown"};
inline constexpr QLatin1StringView rankingShown{"window/rankingShown"};
inline constexpr QLatin1StringView exportDirectory{"export/lastDirectory"};

// The session: what was shown and recommended for when Encore last closed.
inline constexpr QLatin1StringView playlistId{"session/playlistId"};
inline constexpr QLatin1StringView seedTrackId{"session/seedTrackId"};
inline constexpr QLatin1StringView seedPlaylistId{"session/seedPlaylistId"};
inline constexpr QLatin1StringView seedIsPlaylist{"session/seedIsPlaylist"};

// The ranking options (RankingOptions).
inline constexpr QLatin1StringView rankingMethod{"ranking/method"};
inline constexpr QLatin1StringView rankingWeights{"ranking/weights"};
inline constexpr QLatin1StringView rankingCount{"ranking/k"};
inline constexpr QLatin1StringView excludePlaylistTracks{"ranking/excludePlaylistTracks"};
inline constexpr QLatin1StringView onlyNewSongs{"ranking/onlyNewSongs"};

inline constexpr QLatin1StringView hybridAlpha{"ranking/hybrid/alpha"};
inline constexpr QLatin1StringView hybridPopularity{"ranking/hybrid/popularityWeight"};
inline constexpr QLatin1StringView hybridDiversity{"ranking/hybrid/diversity"};
inline constexpr QLatin1StringView hybridMaxPerArtist{"ranking/hybrid/maxPerArtist"};
inline constexpr QLatin1StringView hybridPlaylistContext{"ranking/hybrid/playlistContext"};

// The services Discover asks (DiscoveryOptions).
inline constexpr QLatin1StringView discoverReccoBeats{"discover/reccoBeats"};
inline constexpr QLatin1StringView discoverDeezer{"discover/deezer"};
inline constexpr QLatin1StringView discoverSpotify{"discover/spotify"};

// The preview player.
inline constexpr QLatin1StringView playerVolume{"player/volume"};

// The user's Spotify app (SpotifySettings): neither is a secret.
inline constexpr QLatin1StringView spotifyClientId{"spotify/clientId"};
inline constexpr QLatin1StringView spotifyRedirectPort{"spotify/redirectPort"};
inline constexpr QLatin1StringView spotifyDailySearchBudget{"spotify/dailySearchBudget"};

}  // namespace encore::settingskeys
