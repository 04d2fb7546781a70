// What the sign-in redirect listener makes of any bytes a browser (or anything else on the
// machine) sends it.

#include "fuzzsupport.h"
#include "spotify/loopbackreceiver.h"

using namespace encore;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const LoopbackRequest request = parseLoopbackRequest(fuzz::bytesOf(data, size));
    if (request.verdict == LoopbackRequest::Verdict::Callback) {
        for (const char *item : {"code", "state", "error"})
            (void)request.query.queryItemValue(QLatin1String(item), QUrl::FullyDecoded);
    }
    return 0;
}
