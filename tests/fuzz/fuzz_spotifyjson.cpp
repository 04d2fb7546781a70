// Every Spotify Web API parser on any body: a Parse error or a value, never a crash.

#include "fuzzsupport.h"
#include "spotify/spotifyjson.h"

using namespace encore;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray body = fuzz::bytesOf(data, size);
    (void)parseCurrentUser(body);
    (void)parsePlaylistsPage(body);
    (void)parsePlaylist(body);
    (void)parsePlaylistItemsPage(body);
    (void)parseTrack(body);
    (void)parseTracks(body);
    (void)parseTrackSearch(body);
    (void)parseSnapshotId(body);
    (void)parseAudioFeatures(body);
    for (int status : {0, 200, 401, 403, 404, 429, 500, 503})
        (void)errorFromResponse(status, body);
    return 0;
}
