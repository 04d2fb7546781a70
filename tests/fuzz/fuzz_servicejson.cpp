// The answers of the feature, preview and discovery services on any body: ReccoBeats' features
// and recommendations, Deezer's preview by ISRC, track, track lists and related artists, and the
// iTunes Search API's.

#include "discover/discoveryjson.h"
#include "features/previewfinder.h"
#include "features/reccobeatsprovider.h"
#include "fuzzsupport.h"

using namespace encore;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const Track track = [] {
        Track t;
        t.id = QStringLiteral("4uLU6hMCjMI75M1A2tKUQC");
        t.name = QStringLiteral("Never Gonna Give You Up");
        t.artists = QStringList{QStringLiteral("Rick Astley")};
        return t;
    }();
    const QByteArray body = fuzz::bytesOf(data, size);
    (void)parseReccoBeatsFeatures(body);
    bool quotaExceeded = false;
    (void)deezerPreview(body, &quotaExceeded);
    (void)iTunesPreview(body, track);
    (void)parseReccoBeatsRecommendation(body);
    (void)parseDeezerTrack(body);
    (void)parseDeezerTracks(body);
    (void)parseDeezerArtists(body);
    return 0;
}
