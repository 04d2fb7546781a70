#include "common/externallink.h"
#include "player/previewplayer.h"

#include "ui/uitestcatalog.h"
#include "ui/widgettesting.h"

#include <QAudioOutput>
#include <QDataStream>
#include <QDesktopServices>
#include <QFile>
#include <QHBoxLayout>
#include <QHttpServer>
#include <QHttpServerResponse>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QStandardItemModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <cmath>
#include <memory>

using namespace encore;
using encore::test::child;
using State = PreviewPlayer::State;

namespace {

constexpr int kLoadTimeoutMs = 15'000;
constexpr int kSampleRate = 22'050;
constexpr int kPreviewSeconds = 2;

// A mono 16-bit PCM WAV of a 440 Hz tone.
QByteArray toneWav(int seconds)
{
    const quint32 samples = static_cast<quint32>(kSampleRate * seconds);
    QByteArray wav;
    QDataStream out(&wav, QIODevice::WriteOnly);
    out.setByteOrder(QDataStream::LittleEndian);
    out.writeRawData("RIFF", 4);
    out << quint32(36 + samples * 2);
    out.writeRawData("WAVEfmt ", 8);
    out << quint32(16) << quint16(1) << quint16(1) << quint32(kSampleRate) << quint32(kSampleRate * 2) << quint16(2)
        << quint16(16);
    out.writeRawData("data", 4);
    out << quint32(samples * 2);
    for (quint32 i = 0; i < samples; ++i)
        out << qint16(8000 * std::sin(2 * M_PI * 440 * i / kSampleRate));
    return wav;
}

Track makeTrack(const QString &id, const QString &name, const QString &artist)
{
    return test::makeTrack(id, name, {artist}, {}, 0, {}, 0);
}

}  // namespace

// Receives the links QDesktopServices would hand to the desktop.
class UrlCatcher : public QObject {
    Q_OBJECT
public:
    QList<QUrl> opened;
public slots:
    void open(const QUrl &url) { opened << url; }
};

class TestPreviewPlayer : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    QString m_wavPath;
    QByteArray m_path;  // PATH as the test started
    UrlCatcher m_catcher;

    QUrl wavUrl() const { return QUrl::fromLocalFile(m_wavPath); }

    // Puts an xdg-mime on PATH that names `handler` as the desktop's app for spotify: links.
    void fakeXdgMime(const QString &handler)
    {
        const QString bin = m_dir.filePath(QStringLiteral("bin"));
        QVERIFY(QDir().mkpath(bin));
        QFile script(bin + QStringLiteral("/xdg-mime"));
        QVERIFY(script.open(QIODevice::WriteOnly | QIODevice::Truncate));
        script.write(QStringLiteral("#!/bin/sh\n[ \"$3\" = x-scheme-handler/spotify ] && echo '%1'\nexit 0\n")
                         .arg(handler)
                         .toUtf8());
        script.close();
        QVERIFY(script.setPermissions(script.permissions() | QFileDevice::ExeUser));
        qputenv("PATH", bin.toUtf8() + ':' + m_path);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        m_wavPath = m_dir.filePath(QStringLiteral("tone.wav"));
        QFile wav(m_wavPath);
        QVERIFY(wav.open(QIODevice::WriteOnly));
        wav.write(toneWav(kPreviewSeconds));
        m_path = qgetenv("PATH");
    }

    void cleanup()
    {
        qputenv("PATH", m_path);
        QDesktopServices::unsetUrlHandler(QStringLiteral("spotify"));
        QDesktopServices::unsetUrlHandler(QStringLiteral("https"));
        m_catcher.opened.clear();
    }

    void nothingToPlayAtFirst()
    {
        PreviewPlayer player(*m_settings);
        QCOMPARE(player.state(), State::NoTrack);
        QVERIFY(!player.statusText().isEmpty());
        QVERIFY(!child<QToolButton>(player, "previewPlayButton")->isEnabled());
        QVERIFY(!child<QPushButton>(player, "previewOpenInSpotify")->isEnabled());
    }

    void searchingThenNoPreview()
    {
        PreviewPlayer player(*m_settings);
        QSignalSpy states(&player, &PreviewPlayer::stateChanged);
        const Track track = makeTrack(QStringLiteral("abc"), QStringLiteral("Song"), QStringLiteral("Singer"));

        player.setSearching(track);
        QCOMPARE(player.state(), State::Searching);
        QCOMPARE(player.statusText(), QStringLiteral("Looking for a preview…"));
        QCOMPARE(child<QLabel>(player, "previewTitle")->toolTip(), QStringLiteral("Song"));
        QCOMPARE(child<QLabel>(player, "previewArtists")->toolTip(), QStringLiteral("Singer"));
        QVERIFY(!child<QToolButton>(player, "previewPlayButton")->isEnabled());
        QVERIFY(child<QPushButton>(player, "previewOpenInSpotify")->isEnabled());

        player.setPreview(track, QUrl());
        QCOMPARE(player.state(), State::NoPreview);
        QCOMPARE(player.statusText(), QStringLiteral("No preview available for this track"));
        QVERIFY(!child<QToolButton>(player, "previewPlayButton")->isEnabled());
        QSignalSpy retries(&player, &PreviewPlayer::retryRequested);
        player.togglePlayback();
        QCOMPARE(player.mediaPlayer().playbackState(), QMediaPlayer::StoppedState);
        QCOMPARE(retries.count(), 0);  // an answer: nothing to look for again
        QCOMPARE(states.count(), 2);
        QCOMPARE(states.at(1).at(0).value<State>(), State::NoPreview);

        player.clear();
        QCOMPARE(player.state(), State::NoTrack);
        QCOMPARE(child<QLabel>(player, "previewTitle")->toolTip(), QString());
    }

    // Offline is not an answer about the song: the player says so, and play looks again.
    void unreachableServicesAreNamed_data()
    {
        QTest::addColumn<QStringList>("services");
        QTest::addColumn<QString>("status");
        QTest::newRow("one") << QStringList{QStringLiteral("iTunes")}
                             << QStringLiteral("Can't reach iTunes — are you offline?");
        QTest::newRow("both") << QStringList{QStringLiteral("Deezer"), QStringLiteral("iTunes")}
                              << QStringLiteral("Can't reach Deezer or iTunes — are you offline?");
    }

    void unreachableServicesAreNamed()
    {
        QFETCH(QStringList, services);
        QFETCH(QString, status);
        PreviewPlayer player(*m_settings);
        QSignalSpy retries(&player, &PreviewPlayer::retryRequested);
        const Track track = makeTrack(QStringLiteral("abc"), QStringLiteral("Song"), QStringLiteral("Singer"));
        player.setSearching(track);
        player.setUnanswered(track, services);
        QCOMPARE(player.state(), State::Unreachable);
        QCOMPARE(player.statusText(), status);
        QCOMPARE(player.track().id, track.id);

        auto *play = child<QToolButton>(player, "previewPlayButton");
        QVERIFY(play->isEnabled());
        QTest::mouseClick(play, Qt::LeftButton);
        QCOMPARE(retries.count(), 1);
        // Found this time: it plays, as asked.
        player.setSearching(track);
        player.setPreview(track, wavUrl());
        QTRY_COMPARE_WITH_TIMEOUT(player.mediaPlayer().playbackState(), QMediaPlayer::PlayingState, kLoadTimeoutMs);
    }

    void longNamesAreElided()
    {
        PreviewPlayer player(*m_settings);
        player.resize(500, player.sizeHint().height());
        player.show();
        QVERIFY(QTest::qWaitForWindowExposed(&player));
        const QString title = QStringLiteral("A Title Far Too Long To Fit In The Little Space A Bar Has Left");
        player.setSearching(makeTrack(QStringLiteral("abc"), title, QStringLiteral("Singer")));
        const QLabel *label = child<QLabel>(player, "previewTitle");
        QVERIFY2(label->text().endsWith(QChar(0x2026)) && label->text().size() < title.size(),
                 qPrintable(label->text()));
        QCOMPARE(label->toolTip(), title);
        QCOMPARE(child<QLabel>(player, "previewArtists")->text(), QStringLiteral("Singer"));
    }

    void loadsALocalPreview()
    {
        PreviewPlayer player(*m_settings);
        const Track track = makeTrack(QStringLiteral("abc"), QStringLiteral("Song"), QStringLiteral("Singer"));
        player.setSearching(track);
        player.setPreview(track, wavUrl());
        QCOMPARE(player.state(), State::Loading);
        QTRY_COMPARE_WITH_TIMEOUT(player.state(), State::Ready, kLoadTimeoutMs);
        QCOMPARE(player.statusText(), QString());
        QTRY_VERIFY_WITH_TIMEOUT(std::abs(player.mediaPlayer().duration() - kPreviewSeconds * 1000) < 50,
                                 kLoadTimeoutMs);
        QTRY_COMPARE(child<QLabel>(player, "previewTime")->text(), QStringLiteral("0:00 / 0:02"));
        QCOMPARE(child<QSlider>(player, "previewPosition")->maximum(), int(player.mediaPlayer().duration()));
        QVERIFY(child<QToolButton>(player, "previewPlayButton")->isEnabled());
    }

    // Plays to the end: the position moves and the player reaches the end of the preview. Needs
    // an audio output; headless machines get a null sink from GStreamer, which still plays.
    void playsAndPauses()
    {
        PreviewPlayer player(*m_settings);
        const Track track = makeTrack(QStringLiteral("abc"), QStringLiteral("Song"), QStringLiteral("Singer"));
        player.setPreview(track, wavUrl());
        QTRY_COMPARE_WITH_TIMEOUT(player.state(), State::Ready, kLoadTimeoutMs);

        player.togglePlayback();
        QTRY_COMPARE(player.mediaPlayer().playbackState(), QMediaPlayer::PlayingState);
        QTRY_VERIFY_WITH_TIMEOUT(player.mediaPlayer().position() > 200, kLoadTimeoutMs);
        QCOMPARE(child<QToolButton>(player, "previewPlayButton")->toolTip(), QStringLiteral("Pause (Space)"));

        player.togglePlayback();
        QTRY_COMPARE(player.mediaPlayer().playbackState(), QMediaPlayer::PausedState);
        const qint64 paused = player.mediaPlayer().position();
        QTest::qWait(300);
        QCOMPARE(player.mediaPlayer().position(), paused);

        player.togglePlayback();
        QTRY_COMPARE_WITH_TIMEOUT(player.mediaPlayer().mediaStatus(), QMediaPlayer::EndOfMedia, kLoadTimeoutMs);
        QCOMPARE(player.state(), State::Ready);
    }

    // A preview found while another plays starts at once; one found while paused waits.
    void nextPreviewPlaysOnWhenPlaying()
    {
        PreviewPlayer player(*m_settings);
        const Track first = makeTrack(QStringLiteral("a"), QStringLiteral("First"), QStringLiteral("A"));
        const Track second = makeTrack(QStringLiteral("b"), QStringLiteral("Second"), QStringLiteral("B"));
        player.setPreview(first, wavUrl());
        player.togglePlayback();
        QTRY_COMPARE_WITH_TIMEOUT(player.mediaPlayer().playbackState(), QMediaPlayer::PlayingState, kLoadTimeoutMs);

        player.setSearching(second);
        QCOMPARE(player.mediaPlayer().playbackState(), QMediaPlayer::StoppedState);
        player.setPreview(second, wavUrl());
        QTRY_COMPARE_WITH_TIMEOUT(player.mediaPlayer().playbackState(), QMediaPlayer::PlayingState, kLoadTimeoutMs);
        QCOMPARE(player.track().id, QStringLiteral("b"));

        player.togglePlayback();
        QTRY_COMPARE(player.mediaPlayer().playbackState(), QMediaPlayer::PausedState);
        player.setSearching(first);
        player.setPreview(first, wavUrl());
        QTRY_COMPARE_WITH_TIMEOUT(player.state(), State::Ready, kLoadTimeoutMs);
        QTest::qWait(200);
        QCOMPARE(player.mediaPlayer().playbackState(), QMediaPlayer::StoppedState);
    }

    void loadsAPreviewOverHttp()
    {
        QHttpServer server;
        const QByteArray wav = toneWav(kPreviewSeconds);
        server.route(QStringLiteral("/preview.wav"), [wav] { return QHttpServerResponse("audio/wav", wav); });
        const quint16 port = server.listen(QHostAddress(QHostAddress::LocalHost), 0);
        QVERIFY(port != 0);

        PreviewPlayer player(*m_settings);
        player.setPreview(makeTrack(QStringLiteral("abc"), QStringLiteral("Song"), QStringLiteral("Singer")),
                          QUrl(QStringLiteral("http://127.0.0.1:%1/preview.wav").arg(port)));
        QTRY_COMPARE_WITH_TIMEOUT(player.state(), State::Ready, kLoadTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(std::abs(player.mediaPlayer().duration() - kPreviewSeconds * 1000) < 50,
                                 kLoadTimeoutMs);
    }

    void playbackErrorIsOneSentence()
    {
        const QString garbage = m_dir.filePath(QStringLiteral("garbage.mp3"));
        QFile file(garbage);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, 'x'));
        file.close();

        PreviewPlayer player(*m_settings);
        player.setPreview(makeTrack(QStringLiteral("abc"), QStringLiteral("Song"), QStringLiteral("Singer")),
                          QUrl::fromLocalFile(garbage));
        QTRY_COMPARE_WITH_TIMEOUT(player.state(), State::Failed, kLoadTimeoutMs);
        const QString status = player.statusText();
        QVERIFY2(status.startsWith(QStringLiteral("This preview can't be played")), qPrintable(status));
        QVERIFY2(status.endsWith(QLatin1Char('.')) && status.count(QLatin1Char('.')) >= 1
                     && !status.contains(QLatin1Char('\n')),
                 qPrintable(status));
        QVERIFY(!child<QToolButton>(player, "previewPlayButton")->isEnabled());
    }

    // Space plays and pauses in the tables it was given, and stays a space in text fields.
    void spaceTogglesInTablesOnly()
    {
        QWidget window;
        auto *table = new QTableView(&window);
        QStandardItemModel model(3, 2);
        table->setModel(&model);
        auto *edit = new QLineEdit(&window);
        auto *player = new PreviewPlayer(*m_settings, &window);
        auto *layout = new QHBoxLayout(&window);
        layout->addWidget(table);
        layout->addWidget(edit);
        layout->addWidget(player);
        player->addPlayPauseShortcut(table);
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));

        player->setPreview(makeTrack(QStringLiteral("abc"), QStringLiteral("Song"), QStringLiteral("Singer")),
                           wavUrl());
        QTRY_COMPARE_WITH_TIMEOUT(player->state(), State::Ready, kLoadTimeoutMs);

        table->setFocus();
        QTest::keyClick(table, Qt::Key_Space);
        QTRY_COMPARE(player->mediaPlayer().playbackState(), QMediaPlayer::PlayingState);
        QTest::keyClick(table, Qt::Key_Space);
        QTRY_COMPARE(player->mediaPlayer().playbackState(), QMediaPlayer::PausedState);

        edit->setFocus();
        QTest::keyClick(edit, Qt::Key_Space);
        QCOMPARE(edit->text(), QStringLiteral(" "));
        QTest::qWait(100);
        QCOMPARE(player->mediaPlayer().playbackState(), QMediaPlayer::PausedState);
    }

    void volumeIsRemembered()
    {
        {
            PreviewPlayer player(*m_settings);
            child<QSlider>(player, "previewVolume")->setValue(30);
            QCOMPARE(m_settings->value(QStringLiteral("player/volume")).toInt(), 30);
            const float linear = player.mediaPlayer().audioOutput()->volume();
            QVERIFY2(linear > 0.0f && linear < 0.3f, qPrintable(QString::number(linear)));
        }
        PreviewPlayer player(*m_settings);
        QCOMPARE(child<QSlider>(player, "previewVolume")->value(), 30);
    }

    void spotifyUrls()
    {
        const Track track =
            makeTrack(QStringLiteral("4uLU6hMCjMI75M1A2tKUQC"), QStringLiteral("Song"), QStringLiteral("Singer"));
        QCOMPARE(PreviewPlayer::spotifyAppUrl(track), QUrl(QStringLiteral("spotify:track:4uLU6hMCjMI75M1A2tKUQC")));
        QCOMPARE(PreviewPlayer::spotifyWebUrl(track),
                 QUrl(QStringLiteral("https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC")));
    }

    void opensTheSpotifyAppWhenTheDesktopHasOne()
    {
        fakeXdgMime(QStringLiteral("spotify.desktop"));
        QDesktopServices::setUrlHandler(QStringLiteral("spotify"), &m_catcher, "open");
        QDesktopServices::setUrlHandler(QStringLiteral("https"), &m_catcher, "open");
        PreviewPlayer player(*m_settings);
        player.setSearching(makeTrack(QStringLiteral("xyz"), QStringLiteral("Song"), QStringLiteral("Singer")));
        QTest::mouseClick(child<QPushButton>(player, "previewOpenInSpotify"), Qt::LeftButton);
        QTRY_COMPARE(m_catcher.opened, QList<QUrl>{QUrl(QStringLiteral("spotify:track:xyz"))});
    }

    void opensTheWebPlayerOtherwise()
    {
        fakeXdgMime(QString());
        QDesktopServices::setUrlHandler(QStringLiteral("spotify"), &m_catcher, "open");
        QDesktopServices::setUrlHandler(QStringLiteral("https"), &m_catcher, "open");
        PreviewPlayer player(*m_settings);
        player.setSearching(makeTrack(QStringLiteral("xyz"), QStringLiteral("Song"), QStringLiteral("Singer")));
        player.openInSpotify();
        QTRY_COMPARE(m_catcher.opened, QList<QUrl>{QUrl(QStringLiteral("https://open.spotify.com/track/xyz"))});
    }

    // Without xdg-mime the desktop's answer to openUrl() decides; offscreen it opens nothing.
    void opensTheWebPlayerWhenTheAppLinkFails()
    {
        qputenv("PATH", m_dir.filePath(QStringLiteral("empty")).toUtf8());
        QDesktopServices::setUrlHandler(QStringLiteral("https"), &m_catcher, "open");
        PreviewPlayer player(*m_settings);
        player.setSearching(makeTrack(QStringLiteral("xyz"), QStringLiteral("Song"), QStringLiteral("Singer")));
        player.openInSpotify();
        QTRY_COMPARE(m_catcher.opened, QList<QUrl>{QUrl(QStringLiteral("https://open.spotify.com/track/xyz"))});
    }

    // Offscreen with no handlers, nothing opens either link: the web link is offered to copy.
    void offersTheWebLinkWhenNothingOpensIt()
    {
        qputenv("PATH", m_dir.filePath(QStringLiteral("empty")).toUtf8());
        PreviewPlayer player(*m_settings);
        player.show();
        player.setSearching(makeTrack(QStringLiteral("xyz"), QStringLiteral("Song"), QStringLiteral("Singer")));
        player.openInSpotify();
        QTRY_VERIFY(player.findChild<ExternalLinkDialog *>());
        QCOMPARE(child<QLineEdit>(*player.findChild<ExternalLinkDialog *>(), "externalLinkEdit")->text(),
                 QStringLiteral("https://open.spotify.com/track/xyz"));
    }
};

QTEST_MAIN(TestPreviewPlayer)
#include "tst_previewplayer.moc"
