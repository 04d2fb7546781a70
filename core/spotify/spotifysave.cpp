#include "spotify/spotifysave.h"

#include "util/logging.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>

namespace encore {

namespace {

bool mayHaveLanded(int httpStatus)
{
    return httpStatus == 0 || httpStatus >= 500;
}

// Spotify answers 403 "Insufficient client scope" to a token that may not change playlists.
bool lacksScope(const Error &error)
{
    return error.message.contains(QLatin1String("scope"), Qt::CaseInsensitive);
}

Error scopeError()
{
    return {ErrorKind::Auth,
            QCoreApplication::translate("encore::spotifysave",
                                        "Your Spotify sign-in does not let Encore change playlists; "
                                        "sign in again to allow it.")};
}

Error explainCreate(const Error &error, int httpStatus)
{
    if (httpStatus != 403)
        return error;
    if (lacksScope(error))
        return scopeError();
    return {ErrorKind::Api,
            QCoreApplication::translate("encore::spotifysave",
                                        "Spotify refused to make the playlist; your account may not be "
                                        "on this Spotify app's list of users.")};
}

Error explainAdd(const Error &error, int httpStatus)
{
    if (httpStatus == 403) {
        if (lacksScope(error))
            return scopeError();
        return {ErrorKind::Api,
                QCoreApplication::translate("encore::spotifysave",
                                            "Spotify refused to change this playlist; you may no longer own "
                                            "it or collaborate on it.")};
    }
    if (httpStatus == 404)
        return {ErrorKind::NotFound,
                QCoreApplication::translate("encore::spotifysave",
                                            "Spotify could not find this playlist; it may have been "
                                            "deleted.")};
    return error;
}

std::optional<int> totalIn(const QByteArray &body)
{
    const QJsonValue total = QJsonDocument::fromJson(body).object().value(QLatin1String("total"));
    if (!total.isDouble() || total.toDouble() < 0)
        return std::nullopt;
    return total.toInt();
}

}  // namespace

SpotifySaveJob::SpotifySaveJob(SpotifyClient &client, SpotifyPlaylistSave state)
    : SpotifyJob(client), m_state(std::move(state))
{}

void SpotifySaveJob::start()
{
    // Later, so that the caller can connect to the job's signals first.
    QTimer::singleShot(0, this, [this] {
        emit progress(m_state.added, int(m_state.uris.size()));
        next();
    });
}

void SpotifySaveJob::next()
{
    if (isFinished())
        return;
    if (m_state.uncertain && m_state.playlistId.isEmpty())
        return adoptCreated();
    if (m_state.playlistId.isEmpty())
        return create();
    if (m_state.uncertain || m_state.totalBefore < 0)
        return readTotal();
    if (m_state.added < m_state.uris.size())
        return addBatch();
    finish(std::nullopt);
}

void SpotifySaveJob::failRequest(const Error &error, int httpStatus, Error (*explain)(const Error &, int))
{
    if (mayHaveLanded(httpStatus)) {
        m_state.uncertain = true;
        if (m_settles++ == 0) {
            qCDebug(lcSpotify) << "unclear answer while saving; reading the playlist to settle it";
            return next();
        }
    }
    finish(explain(error, httpStatus));
}

void SpotifySaveJob::create()
{
    const QJsonObject body{{QStringLiteral("name"), m_state.name},
                           {QStringLiteral("description"), m_state.description},
                           {QStringLiteral("public"), m_state.isPublic}};
    post(m_client.endpoints().apiUrl(QStringLiteral("me/playlists")), body,
         [this](Result<QByteArray> answer, int httpStatus) {
             if (!answer)
                 return failRequest(answer.error(), httpStatus, explainCreate);
             Result<SpotifyPlaylistDetail> made = parsePlaylist(*answer);
             if (!made)
                 return finish(made.error());
             m_state.playlist = made->playlist;
             m_state.playlistId = made->playlist.id;
             m_state.createdHere = true;
             m_state.totalBefore = 0;
             m_state.uncertain = false;
             next();
         });
}

// The request that made the playlist got no clear answer: a new, empty playlist of that name at
// the top of the user's list is the one it made.
void SpotifySaveJob::adoptCreated()
{
    get(m_client.endpoints().apiUrl(QStringLiteral("me/playlists?limit=%1").arg(SpotifyClient::kPageLimit)),
        [this](Result<QByteArray> answer, int) {
            if (!answer)
                return finish(answer.error());
            Result<SpotifyPlaylistPage> page = parsePlaylistsPage(*answer);
            if (!page)
                return finish(page.error());
            const auto made =
                std::find_if(page->playlists.begin(), page->playlists.end(), [this](const SpotifyPlaylist &playlist) {
                    return playlist.name == m_state.name && playlist.trackCount == 0;
                });
            if (made != page->playlists.end()) {
                m_state.playlist = *made;
                m_state.playlistId = made->id;
                m_state.createdHere = true;
                m_state.totalBefore = 0;
            }
            m_state.uncertain = false;
            next();
        });
}

void SpotifySaveJob::readTotal()
{
    QUrl url = m_client.endpoints().apiUrl(QStringLiteral("playlists/%1/items").arg(m_state.playlistId));
    url.setQuery(
        QUrlQuery{{QStringLiteral("limit"), QStringLiteral("1")}, {QStringLiteral("fields"), QStringLiteral("total")}});
    get(url, [this](Result<QByteArray> answer, int httpStatus) {
        if (!answer)
            return finish(explainAdd(answer.error(), httpStatus));
        const std::optional<int> total = totalIn(*answer);
        if (!total)
            return finish(Error{ErrorKind::Parse,
                                QCoreApplication::translate("encore::spotifysave",
                                                            "Spotify's answer did not say how long the "
                                                            "playlist is.")});
        if (m_state.totalBefore < 0) {
            m_state.totalBefore = *total - m_state.added;
        } else if (m_state.uncertain) {
            const int batch = std::min<int>(SpotifyPlaylistSave::kBatchSize, int(m_state.uris.size()) - m_state.added);
            const int landed = *total - m_state.totalBefore - m_state.added;
            if (landed < 0 || landed > batch)
                return finish(Error{ErrorKind::Api,
                                    QCoreApplication::translate("encore::spotifysave",
                                                                "The playlist changed in Spotify while "
                                                                "Encore was adding to it; check it there.")});
            m_state.added += landed;
            if (landed > 0)
                m_state.snapshotIds.append(QString());  // it landed, but its version is unknown
            emit progress(m_state.added, int(m_state.uris.size()));
        }
        m_state.uncertain = false;
        next();
    });
}

void SpotifySaveJob::addBatch()
{
    const int count = std::min<int>(SpotifyPlaylistSave::kBatchSize, int(m_state.uris.size()) - m_state.added);
    const QStringList batch = m_state.uris.mid(m_state.added, count);
    const QJsonObject body{{QStringLiteral("uris"), QJsonArray::fromStringList(batch)}};
    post(m_client.endpoints().apiUrl(QStringLiteral("playlists/%1/items").arg(m_state.playlistId)), body,
         [this, count](Result<QByteArray> answer, int httpStatus) {
             if (!answer)
                 return failRequest(answer.error(), httpStatus, explainAdd);
             // The songs are in; a missing snapshot id only costs reading the playlist once more.
             if (Result<QString> snapshot = parseSnapshotId(*answer))
                 m_state.snapshotIds.append(*snapshot);
             m_state.added += count;
             emit progress(m_state.added, int(m_state.uris.size()));
             next();
         });
}

}  // namespace encore
