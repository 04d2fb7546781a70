#pragma once

#include "discover/spotifysearchbudget.h"
#include "model/track.h"
#include "spotify/playlistsaving.h"
#include "spotify/spotifyjson.h"
#include "spotify/spotifysave.h"
#include "spotify/spotifytracklookup.h"

#include <QDialog>
#include <QPointer>

#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;

namespace encore {

class SpotifyAccount;
class SpotifyPlaylistModel;

// Saves a list of songs to Spotify, in the list's order: as a new playlist (name and description
// offered from the seed, private unless the user ticks Public) or added to one of the user's
// playlists that they own or collaborate on. Songs without a Spotify id can be looked up first.
// Says what stands in the way (not signed in, a sign-in without the right to change playlists)
// with a button that signs in. Shows progress; after a failure Retry goes on after the last batch
// that landed, never adding a song twice; afterwards it offers to open the playlist.
class SaveToSpotifyDialog : public QDialog {
    Q_OBJECT

public:
    // `playlists` lists the user's Spotify playlists (the sidebar's model); both it and `account`
    // must outlive the dialog.
    // Songs without a Spotify id are first looked for among the answers the library at
    // `libraryPath` keeps (none when empty), then searched for (see spotifyAnswered).
    SaveToSpotifyDialog(SpotifyAccount &account, const SpotifyPlaylistModel &playlists, std::vector<Track> tracks,
                        SaveSeed seed, QString libraryPath = {}, QWidget *parent = nullptr);
    ~SaveToSpotifyDialog() override;

    // The save so far (complete once the dialog says so).
    const SpotifyPlaylistSave &state() const { return m_state; }

signals:
    // The user asked to sign in (again); the dialog follows the account meanwhile.
    void signInRequested();
    // The songs are in the playlist: `tracks` are those behind state.uris; `listed` is the
    // existing playlist added to, as listed before (empty for a new one). See savedPlaylistBatch.
    void saved(const encore::SpotifyPlaylistSave &state, const std::vector<encore::Track> &tracks,
               const encore::SpotifyPlaylist &listed);
    // Spotify was searched for songs of the library: what it said, and the searches it cost
    // (also when the search failed), for the library to keep (LibraryController::keepSpotifyAnswers).
    void spotifyAnswered(const std::vector<encore::SpotifySearchAnswer> &answers, int searches);

private:
    void updateForAccount();
    void fillPlaylists();
    void updateButtons();
    void start();
    void lookUpMissing();
    void onPlanned(const Result<SpotifySearchPlan> &plan);
    void onLookedUp();
    void saveFound(const std::vector<std::optional<Track>> &asked);
    void startSave();
    void onSaveFinished();
    void showProblem(const QString &text, bool offerSignIn);
    void openPlaylist();
    bool isBusy() const { return m_looking || m_saveJob; }
    // A save has begun: what is left is Retry, to the same playlist.
    bool hasStarted() const { return !m_state.playlistId.isEmpty() || m_state.added > 0 || m_state.uncertain; }

    SpotifyAccount &m_account;
    const SpotifyPlaylistModel &m_playlists;
    std::vector<Track> m_tracks;  // as asked, in order
    SaveSeed m_seed;
    SpotifyUriSplit m_split;        // what will be saved, after any lookup
    std::vector<Track> m_notFound;  // looked up in vain
    QString m_libraryPath;
    SpotifySearchPlan m_plan;  // for the songs without an id
    bool m_lookedUp = false;
    SpotifyPlaylist m_target;  // the existing playlist added to, as listed
    SpotifyPlaylistSave m_state;
    bool m_looking = false;  // from the library's answers to Spotify's search's end
    QPointer<SpotifyTrackLookupJob> m_lookupJob;
    QPointer<SpotifySaveJob> m_saveJob;

    QLabel *m_heading = nullptr;
    QLabel *m_problem = nullptr;
    QPushButton *m_signIn = nullptr;
    QWidget *m_choices = nullptr;
    QRadioButton *m_newPlaylist = nullptr;
    QRadioButton *m_existingPlaylist = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_description = nullptr;
    QCheckBox *m_public = nullptr;
    QComboBox *m_existing = nullptr;
    QCheckBox *m_lookUp = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_open = nullptr;
    QPushButton *m_close = nullptr;
};

}  // namespace encore
