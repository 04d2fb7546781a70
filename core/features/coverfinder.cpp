#include "features/coverfinder.h"

#include "discover/deezerlookup.h"
#include "discover/discoveryjson.h"
#include "util/logging.h"

#include <QTimer>

namespace encore {

namespace {

// Whether Deezer's answer is that it does not know the song (a fact), rather than no answer.
bool isNoSuchSong(const Error &error)
{
    return error.kind == ErrorKind::NotFound;
}

}  // namespace

CoverFinder::CoverFinder(QNetworkAccessManager &network, QObject *parent)
    : QObject(parent), m_deezer(network, QStringLiteral("Deezer"), this),
      m_images(network, QStringLiteral("Covers"), this)
{
    m_images.setAnswersAreFiles();
    Result<FeatureEndpoints> endpoints = FeatureEndpoints::fromEnvironment();
    if (endpoints)
        m_endpoints = *endpoints;
    else
        qCWarning(lcFeatures) << "covers are not looked up:" << endpoints.error().message;
}

CoverFinder::~CoverFinder() = default;

void CoverFinder::setServiceOptions(const ServiceClientOptions &options)
{
    m_deezer.setOptions(options);
    m_images.setOptions(options);
}

void CoverFinder::cancelAll()
{
    m_deezer.cancelAll();
    m_images.cancelAll();
}

void CoverFinder::find(const Track &track, const QUrl &albumCover, Done done)
{
    if (!albumCover.isEmpty())
        return download(albumCover, done, [this, track, done] { askDeezer(track, done); });
    askDeezer(track, std::move(done));
}

void CoverFinder::askDeezer(const Track &track, Done done)
{
    if (!m_endpoints) {
        QTimer::singleShot(0, this, [done] { done({}); });
        return;
    }
    const QUrl url = deezerTrackUrl(m_endpoints->deezer, track);
    if (url.isEmpty())
        return search(track, std::move(done));
    m_deezer.get(url, [this, track, done](Result<QByteArray> body, int) {
        const Result<Candidate> found = body ? parseDeezerTrack(*body) : Result<Candidate>(body.error());
        if (found && !found->cover.isEmpty())
            return download(found->cover, done);
        if (found || isNoSuchSong(found.error()))  // another edition may have a cover
            return search(track, done);
        qCDebug(lcFeatures) << "no cover from Deezer:" << found.error().message;
        done({});
    });
}

void CoverFinder::search(const Track &track, Done done)
{
    const QUrl url = deezerSearchUrl(m_endpoints->deezer, track);
    if (url.isEmpty()) {
        QTimer::singleShot(0, this, [done] { done(CoverSearch{{}, true}); });
        return;
    }
    m_deezer.get(url, [this, track, done](Result<QByteArray> body, int) {
        const Result<std::vector<Candidate>> found =
            body ? parseDeezerTracks(*body) : Result<std::vector<Candidate>>(body.error());
        if (!found) {
            qCDebug(lcFeatures) << "no cover from Deezer:" << found.error().message;
            return done(CoverSearch{{}, isNoSuchSong(found.error())});
        }
        const QString song = songIdentity(track);
        for (const Candidate &candidate : *found)
            if (songIdentity(candidate.track) == song && !candidate.cover.isEmpty())
                return download(candidate.cover, done);
        done(CoverSearch{{}, true});
    });
}

void CoverFinder::download(const QUrl &cover, Done done, std::function<void()> orElse)
{
    m_images.get(cover, [done, orElse](Result<QByteArray> image, int httpStatus) {
        if (image)
            return done(CoverSearch{*image, true});
        qCDebug(lcFeatures) << "cover not downloaded:" << image.error().message;
        // A cover its server says is gone is none; anything else is no answer.
        const bool gone = httpStatus == 404 || httpStatus == 410;
        if (gone && orElse)
            return orElse();
        done(CoverSearch{{}, gone});
    });
}

}  // namespace encore
