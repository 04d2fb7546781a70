#pragma once

#include "model/track.h"

#include <QMediaPlayer>
#include <QPixmap>
#include <QUrl>
#include <QWidget>

class QAudioOutput;
class QLabel;
class QPushButton;
class QSettings;
class QSlider;
class QStackedWidget;
class QToolButton;

namespace encore {

// A bar that plays a track's 30-second preview: its cover, play/pause, the title and artists, a
// position slider with the elapsed and total time, the volume (kept in settings) and "Open in
// Spotify".
// Finding the preview is the caller's part (PreviewFinder): it says it is looking with
// setSearching() and hands over the answer with setPreview(), or with setUnanswered() when the
// services could not be asked; pressing play then asks for retryRequested().
class PreviewPlayer : public QWidget {
    Q_OBJECT

public:
    enum class State {
        NoTrack,      // nothing to play
        Searching,    // the caller is looking for the track's preview
        NoPreview,    // the track has none
        Unreachable,  // the services with previews could not be reached: no answer yet
        Loading,      // the preview is being opened
        Ready,        // loaded: playing, paused or at its end
        Failed,       // the preview could not be played
    };
    Q_ENUM(State)

    // `settings` must outlive the player.
    explicit PreviewPlayer(QSettings &settings, QWidget *parent = nullptr);

    void clear();
    void setSearching(const Track &track);
    // Loads `preview` for `track`; an empty URL means the track has no preview. Playback goes on
    // with the new preview when the previous one was playing.
    void setPreview(const Track &track, const QUrl &preview);
    // The search for `track`'s preview went unanswered: it could not reach `unreachable`
    // ("Deezer", "iTunes"), and `limited` refused for their rate limit.
    void setUnanswered(const Track &track, const QStringList &unreachable, const QStringList &limited = {});

    // The cover of track() (the caller finds it), in a square of coverSize(); null for none.
    void setCover(const QPixmap &cover);
    int coverSize() const;

    State state() const { return m_state; }
    const Track &track() const { return m_track; }
    // What the player says about the preview: looking for it, none, an error; empty when ready.
    QString statusText() const;
    QMediaPlayer &mediaPlayer() { return *m_player; }

    // Space plays and pauses while `widget` has the focus. Given the tables, not the window, so
    // that text fields keep their spaces.
    void addPlayPauseShortcut(QWidget *widget);

    // spotify:track:ID, opened in the Spotify app.
    static QUrl spotifyAppUrl(const Track &track);
    // https://open.spotify.com/track/ID, the web player.
    static QUrl spotifyWebUrl(const Track &track);

public slots:
    void togglePlayback();
    // The Spotify app when the desktop has one for spotify: links, else the web player. Returns
    // at once; the link opens when the desktop has said which (within 2 s).
    void openInSpotify();

signals:
    void stateChanged(encore::PreviewPlayer::State state);
    // Play was pressed while the services could not be reached: the caller searches again.
    void retryRequested();

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void setState(State state, const QString &status = {});
    void showTrack(const Track &track);
    void elideNames();
    void updateControls();
    void updatePosition();
    void applyVolume(int percent);

    QSettings &m_settings;
    QMediaPlayer *m_player = nullptr;
    QAudioOutput *m_audio = nullptr;
    Track m_track;
    State m_state = State::NoTrack;
    bool m_playOnLoad = false;  // play the next preview as soon as it is found

    QLabel *m_cover = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_artists = nullptr;
    QLabel *m_status = nullptr;
    QStackedWidget *m_timelineStack = nullptr;
    QToolButton *m_playButton = nullptr;
    QSlider *m_position = nullptr;
    QLabel *m_time = nullptr;
    QSlider *m_volume = nullptr;
    QPushButton *m_openInSpotify = nullptr;
};

}  // namespace encore
