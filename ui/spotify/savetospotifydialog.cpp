#include "savetospotifydialog.h"

#include "common/uitext.h"
#include "spotifylinks.h"
#include "spotifyplaylistmodel.h"

#include "spotify/spotifyaccount.h"
#include "spotify/spotifyclient.h"
#include "spotify/spotifytracklookup.h"

#include "library/libraryjobs.h"
#include "common/whenfinished.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace encore {

namespace {

QString songs(qint64 count)
{
    return uitext::count(QLocale(), count, QObject::tr("song"), QObject::tr("songs"));
}

}  // namespace

SaveToSpotifyDialog::SaveToSpotifyDialog(SpotifyAccount &account, const SpotifyPlaylistModel &playlists,
                                         std::vector<Track> tracks, SaveSeed seed, QString libraryPath, QWidget *parent)
    : QDialog(parent), m_account(account), m_playlists(playlists), m_tracks(std::move(tracks)), m_seed(std::move(seed)),
      m_split(splitBySpotifyId(m_tracks)), m_libraryPath(std::move(libraryPath))
{
    setObjectName(QStringLiteral("saveToSpotifyDialog"));
    setWindowTitle(tr("Save to Spotify"));

    m_heading = new QLabel(tr("Save %1 to Spotify, in this order.").arg(songs(qint64(m_tracks.size()))), this);
    m_heading->setWordWrap(true);

    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("saveProblem"));
    m_problem->setWordWrap(true);
    m_problem->setTextFormat(Qt::PlainText);
    m_signIn = new QPushButton(this);
    m_signIn->setObjectName(QStringLiteral("saveSignInButton"));
    connect(m_signIn, &QPushButton::clicked, this, &SaveToSpotifyDialog::signInRequested);

    m_choices = new QWidget(this);
    m_newPlaylist = new QRadioButton(tr("As a &new playlist"), m_choices);
    m_newPlaylist->setObjectName(QStringLiteral("saveAsNew"));
    m_newPlaylist->setChecked(true);
    m_name = new QLineEdit(savedPlaylistName(m_seed), m_choices);
    m_name->setObjectName(QStringLiteral("saveName"));
    m_name->setMaxLength(100);
    m_description = new QLineEdit(savedPlaylistDescription(m_seed), m_choices);
    m_description->setObjectName(QStringLiteral("saveDescription"));
    m_description->setMaxLength(300);
    m_description->setCursorPosition(0);  // the start of a long description, not its end
    m_public = new QCheckBox(tr("&Public (anyone can find it on your profile)"), m_choices);
    m_public->setObjectName(QStringLiteral("savePublic"));
    m_existingPlaylist = new QRadioButton(tr("&Add to one of your playlists"), m_choices);
    m_existingPlaylist->setObjectName(QStringLiteral("saveToExisting"));
    m_existing = new QComboBox(m_choices);
    m_existing->setObjectName(QStringLiteral("saveExistingPlaylist"));
    m_existing->setToolTip(tr("Only playlists you own or collaborate on can be changed."));
    m_lookUp = new QCheckBox(m_choices);
    m_lookUp->setObjectName(QStringLiteral("saveLookUp"));
    m_lookUp->setChecked(true);
    m_lookUp->setText(tr("Look up the %1 without a Spotify link by ISRC or title (one Spotify call each)")
                          .arg(songs(qint64(m_split.withoutId.size()))));
    m_lookUp->setVisible(!m_split.withoutId.empty());

    auto *newForm = new QFormLayout;
    newForm->addRow(tr("Na&me:"), m_name);
    newForm->addRow(tr("&Description:"), m_description);
    newForm->addRow(QString(), m_public);
    auto *choices = new QVBoxLayout(m_choices);
    choices->setContentsMargins(0, 0, 0, 0);
    choices->addWidget(m_newPlaylist);
    choices->addLayout(newForm);
    choices->addWidget(m_existingPlaylist);
    choices->addWidget(m_existing);
    choices->addWidget(m_lookUp);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("saveProgress"));
    m_progress->hide();
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("saveStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QDialogButtonBox(this);
    m_save = buttons->addButton(tr("&Save"), QDialogButtonBox::AcceptRole);
    m_save->setObjectName(QStringLiteral("saveButton"));
    m_save->setDefault(true);
    m_open = buttons->addButton(tr("&Open in Spotify"), QDialogButtonBox::ActionRole);
    m_open->setObjectName(QStringLiteral("saveOpenButton"));
    m_close = buttons->addButton(QDialogButtonBox::Cancel);
    m_close->setObjectName(QStringLiteral("saveCloseButton"));
    connect(m_save, &QPushButton::clicked, this, &SaveToSpotifyDialog::start);
    connect(m_open, &QPushButton::clicked, this, &SaveToSpotifyDialog::openPlaylist);
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);

    auto *problemRow = new QHBoxLayout;
    problemRow->addWidget(m_problem, 1);
    problemRow->addWidget(m_signIn, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addLayout(problemRow);
    layout->addWidget(m_choices);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addStretch(1);
    layout->addWidget(buttons);
    setMinimumWidth(480);

    connect(m_newPlaylist, &QRadioButton::toggled, this, &SaveToSpotifyDialog::updateButtons);
    connect(m_name, &QLineEdit::textChanged, this, &SaveToSpotifyDialog::updateButtons);
    connect(&m_account, &SpotifyAccount::stateChanged, this, &SaveToSpotifyDialog::updateForAccount);
    connect(&m_playlists, &QAbstractItemModel::modelReset, this, &SaveToSpotifyDialog::fillPlaylists);
    fillPlaylists();
    updateForAccount();
}

SaveToSpotifyDialog::~SaveToSpotifyDialog()
{
    delete m_lookupJob.data();
    delete m_saveJob.data();
}

void SaveToSpotifyDialog::fillPlaylists()
{
    const QString current = m_existing->currentData().toString();
    m_existing->clear();
    for (int row = 0; row < m_playlists.rowCount(); ++row) {
        if (m_playlists.isReadable(row))
            m_existing->addItem(m_playlists.index(row, int(SpotifyPlaylistModel::Column::Name)).data().toString(),
                                m_playlists.playlist(row).id);
    }
    if (const int again = m_existing->findData(current); again >= 0)
        m_existing->setCurrentIndex(again);
    updateButtons();
}

void SaveToSpotifyDialog::updateForAccount()
{
    if (!m_account.isSignedIn()) {
        const bool waiting = m_account.state() != SpotifyAccount::State::SignedOut;
        showProblem(waiting ? tr("Signing in to Spotify…") : tr("Sign in to Spotify to save playlists there."),
                    !waiting);
        m_signIn->setText(tr("Sign &in…"));
    } else if (!m_account.canChangePlaylists()) {
        showProblem(tr("Your Spotify sign-in does not let Encore change playlists: it was made before "
                       "Encore asked for that. Sign in again to allow it."),
                    true);
        m_signIn->setText(tr("Sign &in again…"));
    } else {
        showProblem(QString(), false);
    }
    updateButtons();
}

void SaveToSpotifyDialog::showProblem(const QString &text, bool offerSignIn)
{
    m_problem->setText(text);
    m_problem->setVisible(!text.isEmpty());
    m_signIn->setVisible(offerSignIn);
}

void SaveToSpotifyDialog::updateButtons()
{
    const bool started = hasStarted();
    const bool ready = m_account.isSignedIn() && m_account.canChangePlaylists() && !isBusy();
    m_existingPlaylist->setEnabled(m_existing->count() > 0);
    m_existing->setEnabled(m_existingPlaylist->isChecked() && m_existing->count() > 0);
    m_name->setEnabled(m_newPlaylist->isChecked());
    m_description->setEnabled(m_newPlaylist->isChecked());
    m_public->setEnabled(m_newPlaylist->isChecked());
    m_choices->setEnabled(!started && !isBusy());
    const bool named = m_existingPlaylist->isChecked() ? m_existing->count() > 0 : !m_name->text().trimmed().isEmpty();
    m_save->setEnabled(ready && (started || named) && !m_state.isComplete());
    m_save->setVisible(!m_state.isComplete());
    m_open->setVisible(m_state.isComplete());
    m_save->setText(started ? tr("&Retry") : tr("&Save"));
}

void SaveToSpotifyDialog::start()
{
    if (isBusy() || !m_account.client())
        return;
    m_status->clear();
    const bool started = hasStarted();
    if (!started && !m_lookedUp && m_lookUp->isChecked() && !m_split.withoutId.empty())
        return lookUpMissing();
    startSave();
}

// Asks Spotify only about the songs the library has no answer for: the developer quota is small.
// A save spends the day's budget of searches but is not refused by it: the user asked.
void SaveToSpotifyDialog::lookUpMissing()
{
    m_status->setText(tr("Looking up songs on Spotify…"));
    m_progress->setRange(0, 0);
    m_progress->show();
    m_looking = true;
    updateButtons();
    if (m_libraryPath.isEmpty())
        return onPlanned(SpotifySearchPlan::make(m_split.withoutId, {}, 0, SpotifySearchPlan::kNoBudget,
                                                 QDateTime::currentDateTimeUtc()));
    whenFinished(QtConcurrent::run(planSpotifySearches, m_libraryPath, m_split.withoutId, SpotifySearchPlan::kNoBudget),
                 this, [this](const Result<SpotifySearchPlan> &plan) { onPlanned(plan); });
}

void SaveToSpotifyDialog::onPlanned(const Result<SpotifySearchPlan> &plan)
{
    SpotifyClient *client = m_account.client();
    if (!plan || !client) {
        m_looking = false;
        m_progress->hide();
        m_status->setText(plan ? QString() : plan.error().message);
        updateButtons();
        return;
    }
    m_plan = *plan;
    if (m_plan.toAsk.empty())
        return saveFound({});
    m_lookupJob = client->lookUpTracks(m_plan.toAsk);
    m_progress->setRange(0, int(m_plan.toAsk.size()));
    m_progress->setValue(0);
    connect(m_lookupJob, &SpotifyJob::progress, m_progress, &QProgressBar::setValue);
    connect(m_lookupJob, &SpotifyJob::finished, this, &SaveToSpotifyDialog::onLookedUp);
}

void SaveToSpotifyDialog::onLookedUp()
{
    SpotifyTrackLookupJob *job = m_lookupJob;
    m_lookupJob.clear();
    job->deleteLater();
    const std::vector<std::optional<Track>> asked = job->error() ? std::vector<std::optional<Track>>{} : job->result();
    if (!m_libraryPath.isEmpty())
        emit spotifyAnswered(m_plan.answersTo(asked), job->searchesMade());
    if (job->error()) {
        m_looking = false;
        m_progress->hide();
        m_status->setText(job->error()->message);
        updateButtons();
        return;
    }
    saveFound(asked);
}

void SaveToSpotifyDialog::saveFound(const std::vector<std::optional<Track>> &asked)
{
    m_looking = false;
    m_split = withFoundTracks(m_tracks, m_plan.resultsFor(m_split.withoutId, asked), m_notFound);
    m_lookedUp = true;
    startSave();
}

void SaveToSpotifyDialog::startSave()
{
    if (m_split.uris.isEmpty()) {
        m_progress->hide();
        m_status->setText(tr("None of these songs could be found on Spotify, so nothing was saved."));
        updateButtons();
        return;
    }
    const bool started = hasStarted();
    if (!started) {
        m_state = {};
        m_state.uris = m_split.uris;
        if (m_existingPlaylist->isChecked()) {
            const int row = m_playlists.rowForId(m_existing->currentData().toString());
            if (row < 0)
                return;
            m_target = m_playlists.playlist(row);
            m_state.playlistId = m_target.id;
        } else {
            m_state.name = m_name->text().trimmed();
            m_state.description = m_description->text().simplified();
            m_state.isPublic = m_public->isChecked();
        }
    }
    m_saveJob = m_account.client()->savePlaylist(m_state);
    m_progress->setRange(0, int(m_state.uris.size()));
    m_progress->setValue(m_state.added);
    m_progress->show();
    m_status->setText(tr("Saving to Spotify…"));
    connect(m_saveJob, &SpotifyJob::progress, this, [this](int done, int total) {
        m_progress->setValue(done);
        m_status->setText(tr("Added %1 of %2…").arg(QLocale().toString(done), songs(total)));
    });
    connect(m_saveJob, &SpotifyJob::finished, this, &SaveToSpotifyDialog::onSaveFinished);
    updateButtons();
}

void SaveToSpotifyDialog::onSaveFinished()
{
    SpotifySaveJob *job = m_saveJob;
    m_saveJob.clear();
    job->deleteLater();
    m_state = job->state();
    const QString name = m_state.createdHere ? m_state.playlist.name : m_target.name;
    if (job->error()) {
        QString text = job->error()->message;
        if (m_state.added > 0)
            text += QLatin1Char(' ')
                + tr("%1 of %2 are in “%3”; Retry adds the rest.")
                      .arg(QLocale().toString(m_state.added), songs(m_state.uris.size()), name);
        m_status->setText(text);
        if (job->error()->kind == ErrorKind::Auth)
            updateForAccount();
        updateButtons();
        return;
    }
    QString text = tr("Added %1 to “%2”.").arg(songs(m_state.added), name);
    if (!m_notFound.empty()) {
        QStringList missing;
        for (const Track &track : m_notFound)
            missing.append(uitext::titleByArtist(track));
        text +=
            QLatin1Char(' ') + tr("Not found on Spotify, so not saved: %1.").arg(missing.join(QStringLiteral("; ")));
    }
    m_status->setText(text);
    m_progress->setValue(m_state.added);
    m_open->setDefault(true);
    m_close->setText(tr("Close"));
    updateButtons();
    emit saved(m_state, m_split.saved, m_target);
}

void SaveToSpotifyDialog::openPlaylist()
{
    const QString id = m_state.playlistId;
    openInSpotify(this, QUrl(QStringLiteral("spotify:playlist:") + id),
                  QUrl(QStringLiteral("https://open.spotify.com/playlist/") + id));
}

}  // namespace encore
