#pragma once

#include "model/track.h"
#include "storage/librarydb.h"
#include "util/logging.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <vector>

namespace encore {

// One link of the chain that finds audio features for tracks that lack them (see FeatureFiller).
// Asynchronous on the thread that owns it; a provider that cannot help (no sign-in, service down)
// simply finds nothing, and names the services it could not reach.
class FeatureProvider : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    // What the values it finds are stored as.
    virtual FeatureSource source() const = 0;
    // What it is doing, for a progress line: "Asking ReccoBeats".
    virtual QString stage() const = 0;

    // Looks for the features of `tracks`. Emits `found` for each batch as it comes in, `progress`
    // as tracks are dealt with, and `finished` once at the end, always after start() returns.
    // Start once.
    virtual void start(std::vector<Track> tracks) = 0;
    // Stops at once: nothing more is found; `finished` follows (later, not inside cancel()).
    virtual void cancel() = 0;

    // The services it could not reach (no network, timeout, 5xx), so what it did not find may
    // still be known there.
    const QStringList &unreachable() const { return m_unreachable; }
    // The services that refused for their rate limit, past the retries: what they know is
    // unknown too.
    const QStringList &limited() const { return m_limited; }

signals:
    void found(const std::vector<encore::FoundFeatures> &features);
    void progress(int done, int total);
    void finished();

protected:
    // Emits `finished` from the event loop, once however often it is called.
    void finishLater();
    void addUnreachable(const QString &service);
    void addLimited(const QString &service);
    // Notes a service that did not answer for `error`, when the error says it could not.
    void noteUnanswered(const QString &service, const Error &error);

private:
    bool m_finishing = false;
    QStringList m_unreachable;
    QStringList m_limited;
};

// Leaves out the tracks not known by a Spotify id (songs Discover found on Deezer): a service that
// answers by Spotify id knows nothing of them.
void keepSpotifyTracks(std::vector<Track> &tracks);

// The Spotify ids of `tracks`, in chunks of at most `size`.
std::vector<QStringList> idBatches(const std::vector<Track> &tracks, int size);

}  // namespace encore
