#include "previewplayer.h"

#include "common/uitext.h"
#include "features/serviceclient.h"
#include "spotify/spotifylinks.h"

#include "util/settingskeys.h"

#include <QAudio>
#include <QAudioOutput>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QShortcut>
#include <QSlider>
#include <QStackedWidget>
#include <QStyle>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <functional>
#include <memory>
#include <utility>

namespace encore {

namespace {

constexpr int kDefaultVolume = 70;

QLabel *makeLabel(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    return label;
}

}  // namespace

PreviewPlayer::PreviewPlayer(QSettings &settings, QWidget *parent)
    : QWidget(parent), m_settings(settings), m_player(new QMediaPlayer(this)), m_audio(new QAudioOutput(this))
{
    m_player->setAudioOutput(m_audio);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);

    m_title = makeLabel(this, QStringLiteral("previewTitle"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_artists = makeLabel(this, QStringLiteral("previewArtists"));
    m_cover = new QLabel(this);
    m_cover->setObjectName(QStringLiteral("previewCover"));
    m_cover->setFixedSize(coverSize(), coverSize());
    m_cover->hide();

    m_playButton = new QToolButton(this);
    m_playButton->setObjectName(QStringLiteral("previewPlayButton"));
    m_playButton->setIconSize(QSize(22, 22));
    m_playButton->setAutoRaise(true);

    m_position = new QSlider(Qt::Horizontal, this);
    m_position->setObjectName(QStringLiteral("previewPosition"));
    m_position->setAccessibleName(tr("Position in the preview"));
    m_position->setSingleStep(1000);
    m_position->setPageStep(5000);
    m_time = new QLabel(this);
    m_time->setObjectName(QStringLiteral("previewTime"));
    m_time->setMinimumWidth(m_time->fontMetrics().horizontalAdvance(QStringLiteral("00:00 / 00:00")));
    m_time->setAlignment(Qt::AlignRight | Qt::AlignVCenter);

    m_status = makeLabel(this, QStringLiteral("previewStatus"));
    m_status->setWordWrap(true);  // a long error takes the two lines the names take

    // The status takes the slider's place while there is nothing to play, so nothing jumps.
    auto *timeline = new QWidget(this);
    auto *timelineLayout = new QHBoxLayout(timeline);
    timelineLayout->setContentsMargins(0, 0, 0, 0);
    timelineLayout->addWidget(m_position, 1);
    timelineLayout->addWidget(m_time);
    m_timelineStack = new QStackedWidget(this);
    m_timelineStack->addWidget(timeline);
    m_timelineStack->addWidget(m_status);

    auto *volumeIcon = new QLabel(this);
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize);
    volumeIcon->setPixmap(style()->standardIcon(QStyle::SP_MediaVolume).pixmap(iconSize, iconSize));
    m_volume = new QSlider(Qt::Horizontal, this);
    m_volume->setObjectName(QStringLiteral("previewVolume"));
    m_volume->setAccessibleName(tr("Volume"));
    m_volume->setToolTip(tr("Volume"));
    m_volume->setRange(0, 100);
    m_volume->setPageStep(10);
    m_volume->setMaximumWidth(90);
    m_volume->setValue(std::clamp(m_settings.value(settingskeys::playerVolume, kDefaultVolume).toInt(), 0, 100));
    applyVolume(m_volume->value());

    m_openInSpotify = new QPushButton(tr("Open in Spotify"), this);
    m_openInSpotify->setObjectName(QStringLiteral("previewOpenInSpotify"));
    m_openInSpotify->setToolTip(tr("Open the track in the Spotify app, or in the web player "
                                   "when the app isn't installed"));

    // One row, a bar under the recommendations: what plays, where it is, how loud, and Spotify.
    auto *names = new QVBoxLayout;
    names->setSpacing(0);
    names->addWidget(m_title);
    names->addWidget(m_artists);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 2, 0, 2);  // the cover clear of the window's edge and the line above
    layout->addWidget(m_cover);
    layout->addWidget(m_playButton);
    layout->addLayout(names, 2);
    layout->addWidget(m_timelineStack, 3);
    layout->addSpacing(6);
    layout->addWidget(volumeIcon);
    layout->addWidget(m_volume, 1);
    layout->addWidget(m_openInSpotify);

    connect(m_playButton, &QToolButton::clicked, this, &PreviewPlayer::togglePlayback);
    connect(m_openInSpotify, &QPushButton::clicked, this, &PreviewPlayer::openInSpotify);
    connect(m_volume, &QSlider::valueChanged, this, [this](int percent) {
        applyVolume(percent);
        m_settings.setValue(settingskeys::playerVolume, percent);
    });
    // Dragging seeks on release; clicks, wheel and keys seek at once.
    connect(m_position, &QSlider::sliderReleased, this, [this] { m_player->setPosition(m_position->value()); });
    connect(m_position, &QSlider::actionTriggered, this, [this] {
        if (!m_position->isSliderDown())
            m_player->setPosition(m_position->sliderPosition());
    });
    connect(m_position, &QSlider::sliderMoved, this,
            [this](int position) { m_time->setText(uitext::playbackPosition(position, m_player->duration())); });
    connect(m_player, &QMediaPlayer::positionChanged, this, &PreviewPlayer::updatePosition);
    connect(m_player, &QMediaPlayer::durationChanged, this, &PreviewPlayer::updatePosition);
    connect(m_player, &QMediaPlayer::playbackStateChanged, this, &PreviewPlayer::updateControls);
    connect(m_player, &QMediaPlayer::mediaStatusChanged, this, [this](QMediaPlayer::MediaStatus status) {
        const bool loaded = status == QMediaPlayer::LoadedMedia || status == QMediaPlayer::BufferingMedia
            || status == QMediaPlayer::BufferedMedia || status == QMediaPlayer::EndOfMedia;
        if (m_state == State::Loading && loaded)
            setState(State::Ready);
    });
    connect(m_player, &QMediaPlayer::errorOccurred, this,
            [this](QMediaPlayer::Error error, const QString &errorString) {
                if (error != QMediaPlayer::NoError && m_state != State::NoPreview && m_state != State::Unreachable)
                    setState(State::Failed, uitext::playbackError(errorString));
            });

    clear();
}

void PreviewPlayer::setCover(const QPixmap &cover)
{
    m_cover->setPixmap(cover);
    m_cover->setVisible(!cover.isNull());
}

// As high as the two lines of title and artists beside it.
int PreviewPlayer::coverSize() const
{
    return 2 * fontMetrics().height();
}

void PreviewPlayer::clear()
{
    setCover({});
    m_playOnLoad = false;
    m_player->setSource({});
    showTrack({});
    setState(State::NoTrack, tr("Select a seed or a recommendation to hear its preview."));
}

void PreviewPlayer::setSearching(const Track &track)
{
    // Choosing another track while one plays keeps the player playing.
    m_playOnLoad = m_playOnLoad || m_player->playbackState() == QMediaPlayer::PlayingState;
    m_player->setSource({});
    showTrack(track);
    setState(State::Searching, tr("Looking for a preview…"));
}

void PreviewPlayer::setPreview(const Track &track, const QUrl &preview)
{
    const bool play = m_playOnLoad || m_player->playbackState() == QMediaPlayer::PlayingState;
    m_playOnLoad = false;
    showTrack(track);
    if (preview.isEmpty()) {
        m_player->setSource({});
        setState(State::NoPreview, tr("No preview available for this track"));
        return;
    }
    setState(State::Loading, tr("Loading the preview…"));
    m_player->setSource(preview);
    if (play)
        m_player->play();
}

void PreviewPlayer::setUnanswered(const Track &track, const QStringList &unreachable, const QStringList &limited)
{
    m_playOnLoad = false;
    m_player->setSource({});
    showTrack(track);
    setState(State::Unreachable, unansweredMessage(unreachable, limited));
}

QString PreviewPlayer::statusText() const
{
    return m_status->text();
}

void PreviewPlayer::addPlayPauseShortcut(QWidget *widget)
{
    auto *shortcut = new QShortcut(QKeySequence(Qt::Key_Space), widget);
    shortcut->setContext(Qt::WidgetShortcut);
    connect(shortcut, &QShortcut::activated, this, &PreviewPlayer::togglePlayback);
}

QUrl PreviewPlayer::spotifyAppUrl(const Track &track)
{
    return QUrl(QStringLiteral("spotify:track:%1").arg(track.id));
}

QUrl PreviewPlayer::spotifyWebUrl(const Track &track)
{
    return QUrl(QStringLiteral("https://open.spotify.com/track/%1").arg(track.id));
}

void PreviewPlayer::togglePlayback()
{
    if (m_state == State::Unreachable) {
        m_playOnLoad = true;  // the preview plays once found
        emit retryRequested();
        return;
    }
    if (m_state != State::Loading && m_state != State::Ready)
        return;
    if (m_player->playbackState() == QMediaPlayer::PlayingState)
        m_player->pause();
    else
        m_player->play();
}

void PreviewPlayer::openInSpotify()
{
    if (m_track.id.isEmpty())
        return;
    encore::openInSpotify(this, spotifyAppUrl(m_track), spotifyWebUrl(m_track));
}

void PreviewPlayer::setState(State state, const QString &status)
{
    m_status->setText(status);
    m_status->setToolTip(status);
    // Errors in full colour, the rest dimmed.
    m_status->setEnabled(state == State::Failed || state == State::Unreachable);
    m_timelineStack->setCurrentIndex(status.isEmpty() ? 0 : 1);
    const bool changed = state != m_state;
    m_state = state;
    updateControls();
    updatePosition();
    if (changed)
        emit stateChanged(state);
}

void PreviewPlayer::showTrack(const Track &track)
{
    m_track = track;
    const bool any = !track.id.isEmpty();
    // The tooltips hold the full names, the labels what fits.
    m_title->setToolTip(any ? uitext::title(track) : QString());
    m_artists->setToolTip(any ? uitext::artists(track) : QString());
    elideNames();
    m_openInSpotify->setEnabled(any);
}

void PreviewPlayer::elideNames()
{
    for (QLabel *label : {m_title, m_artists})
        label->setText(label->fontMetrics().elidedText(label->toolTip(), Qt::ElideRight, label->width()));
}

void PreviewPlayer::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    elideNames();
}

void PreviewPlayer::updateControls()
{
    const bool playable = m_state == State::Loading || m_state == State::Ready;
    const bool playing = m_player->playbackState() == QMediaPlayer::PlayingState;
    m_playButton->setEnabled(playable || m_state == State::Unreachable);
    m_position->setEnabled(m_state == State::Ready);
    m_playButton->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    if (m_state == State::Unreachable)
        m_playButton->setToolTip(tr("Look for the preview again (Space)"));
    else
        m_playButton->setToolTip(playing ? tr("Pause (Space)") : tr("Play the preview (Space)"));
    m_playButton->setAccessibleName(playing ? tr("Pause") : tr("Play"));
}

void PreviewPlayer::updatePosition()
{
    const qint64 duration = m_state == State::Ready ? m_player->duration() : 0;
    const qint64 position = m_state == State::Ready ? m_player->position() : 0;
    m_position->setRange(0, static_cast<int>(duration));
    if (!m_position->isSliderDown())
        m_position->setValue(static_cast<int>(position));
    m_time->setText(uitext::playbackPosition(position, duration));
}

void PreviewPlayer::applyVolume(int percent)
{
    // The slider moves in steps the ear hears as even; the output wants a linear gain.
    m_audio->setVolume(
        QAudio::convertVolume(percent / 100.0f, QAudio::LogarithmicVolumeScale, QAudio::LinearVolumeScale));
}

}  // namespace encore
