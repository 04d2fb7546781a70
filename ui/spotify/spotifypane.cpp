#include "spotifypane.h"

#include "spotifyplaylistmodel.h"

#include "spotify/spotifyaccount.h"
#include "spotify/spotifyclient.h"

#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QStyle>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace encore {

namespace {

QLabel *makeWrappingLabel(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    return label;
}

}  // namespace

SpotifyPane::SpotifyPane(SpotifyAccount &account, QWidget *parent)
    : QWidget(parent), m_account(account), m_model(new SpotifyPlaylistModel(this))
{
    setObjectName(QStringLiteral("spotifyPane"));

    m_heading = new QLabel(this);
    m_heading->setObjectName(QStringLiteral("spotifyHeading"));
    m_heading->setTextFormat(Qt::RichText);
    m_heading->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    m_refresh = new QToolButton(this);
    m_refresh->setObjectName(QStringLiteral("refreshSpotifyButton"));
    m_refresh->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    m_refresh->setToolTip(tr("Read your playlists from Spotify again"));
    m_refresh->setAutoRaise(true);
    connect(m_refresh, &QToolButton::clicked, this, &SpotifyPane::reloadPlaylists);

    m_note = makeWrappingLabel(this, QStringLiteral("spotifyNote"));
    m_note->hide();

    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("spotifyPlaylistView"));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    QHeaderView *header = m_view->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(int(SpotifyPlaylistModel::Column::Name), QHeaderView::Stretch);
    header->setSectionResizeMode(int(SpotifyPlaylistModel::Column::Tracks), QHeaderView::ResizeToContents);
    // A click reads a playlist, as it shows one in the library list; some styles also activate
    // on that click, which the window treats as the same request.
    connect(m_view, &QTreeView::clicked, this, &SpotifyPane::choose);
    connect(m_view, &QTreeView::activated, this, &SpotifyPane::choose);

    m_listError = makeWrappingLabel(this, QStringLiteral("spotifyListError"));
    m_listError->hide();
    m_listPage = new QWidget(this);
    auto *listLayout = new QVBoxLayout(m_listPage);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addWidget(m_listError);
    listLayout->addWidget(m_view);

    m_pages = new QStackedWidget(this);
    m_signedOutPage = createSignedOutPage();
    m_busyPage = createBusyPage();
    m_pages->addWidget(m_signedOutPage);
    m_pages->addWidget(m_busyPage);
    m_pages->addWidget(m_listPage);

    auto *headingRow = new QHBoxLayout;
    headingRow->addWidget(m_heading, 1);
    headingRow->addWidget(m_refresh);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 0, 0);
    layout->addLayout(headingRow);
    layout->addWidget(m_note);
    layout->addWidget(m_pages, 1);

    connect(&m_account, &SpotifyAccount::stateChanged, this, &SpotifyPane::updateForAccount);
    connect(&m_account, &SpotifyAccount::signedIn, this, &SpotifyPane::reloadPlaylists);
    connect(&m_account, &SpotifyAccount::signedOut, this, [this] { m_model->clear(); });
    updateForAccount();
}

QWidget *SpotifyPane::createSignedOutPage()
{
    auto *page = new QWidget(this);
    auto *text = makeWrappingLabel(page, QStringLiteral("spotifySignedOutText"));
    text->setText(tr("Sign in with your Spotify app to bring your own playlists into Encore."));
    auto *signIn = new QPushButton(tr("Sign in with Spotify…"), page);
    signIn->setObjectName(QStringLiteral("spotifySignInButton"));
    signIn->setAutoDefault(false);
    connect(signIn, &QPushButton::clicked, this, &SpotifyPane::signInRequested);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 6, 0);
    layout->addWidget(text);
    layout->addWidget(signIn, 0, Qt::AlignLeft);
    layout->addStretch();
    return page;
}

QWidget *SpotifyPane::createBusyPage()
{
    auto *page = new QWidget(this);
    m_busyLabel = makeWrappingLabel(page, QStringLiteral("spotifyBusyText"));
    auto *bar = new QProgressBar(page);
    bar->setRange(0, 0);
    bar->setTextVisible(false);
    bar->setMaximumWidth(160);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 6, 0);
    layout->addWidget(m_busyLabel);
    layout->addWidget(bar);
    layout->addStretch();
    return page;
}

void SpotifyPane::setLibraryPlaylists(const std::vector<Playlist> &playlists)
{
    m_libraryPlaylists = playlists;
    m_model->setLibraryPlaylists(m_libraryPlaylists);
}

void SpotifyPane::setNote(const QString &text)
{
    m_note->setText(text);
    m_note->setVisible(!text.isEmpty());
}

void SpotifyPane::updateForAccount()
{
    using State = SpotifyAccount::State;
    const State state = m_account.state();
    const bool signedIn = state == State::SignedIn;
    m_heading->setText(signedIn ? tr("<b>Spotify</b> · %1").arg(m_account.user().displayName.toHtmlEscaped())
                                : tr("<b>Spotify</b>"));
    m_refresh->setVisible(signedIn);
    m_refresh->setEnabled(!isReadingPlaylists());
    switch (state) {
    case State::SignedOut:
        delete m_playlistsJob.data();  // deleting a job cancels it silently
        m_pages->setCurrentWidget(m_signedOutPage);
        break;
    case State::Restoring:
    case State::SigningIn:
        setNote(QString());  // what it said was about the sign-in before this one
        m_busyLabel->setText(tr("Signing in to Spotify…"));
        m_pages->setCurrentWidget(m_busyPage);
        break;
    case State::SignedIn:
        if (isReadingPlaylists()) {
            m_busyLabel->setText(tr("Reading your playlists…"));
            m_pages->setCurrentWidget(m_busyPage);
        } else {
            m_pages->setCurrentWidget(m_listPage);
        }
        break;
    }
}

void SpotifyPane::reloadPlaylists()
{
    SpotifyClient *client = m_account.client();
    if (!client || isReadingPlaylists())
        return;
    m_playlistsJob = client->allPlaylists();
    connect(m_playlistsJob, &SpotifyJob::finished, this, &SpotifyPane::onPlaylistsRead);
    updateForAccount();
}

void SpotifyPane::onPlaylistsRead()
{
    SpotifyPlaylistsJob *job = m_playlistsJob;
    m_playlistsJob.clear();
    job->deleteLater();
    if (job->error()) {
        if (job->error()->kind != ErrorKind::Cancelled) {
            m_listError->setText(tr("Your playlists could not be read: %1").arg(job->error()->message));
            m_listError->show();
        }
    } else {
        m_listError->hide();
        m_model->setPlaylists(job->result().playlists, m_account.user().id);
        m_model->setLibraryPlaylists(m_libraryPlaylists);
    }
    updateForAccount();
    emit playlistsLoaded();
}

void SpotifyPane::choose(const QModelIndex &index)
{
    if (index.isValid() && m_model->isReadable(index.row()))
        emit playlistChosen(m_model->playlist(index.row()));
}

}  // namespace encore
