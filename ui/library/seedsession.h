#pragma once

#include "libraryjobs.h"
#include "ranking/rankingoptions.h"
#include "recommendations/rankingrunner.h"

#include <QObject>
#include <QThreadPool>
#include <QTimer>
#include <QUndoStack>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

class QSettings;

namespace encore {

// What recommendations are for: one track (chosen from a playlist, or from All tracks), or a
// whole playlist.
struct Seed {
    int row = -1;            // the seed track's catalog row; -1 for a playlist seed or none
    int playlistIndex = -1;  // the playlist the track was chosen from, or the playlist seed
    bool isPlaylist = false;

    bool isSet() const { return row >= 0 || isPlaylist; }
    friend bool operator==(const Seed &, const Seed &) = default;
};

// The listening session behind the library panes, without widgets: the library shown, the seed
// and the seeds before it (Back and Forward), the ranking options and the requests they make, and
// the user's likes and dislikes with their undo. Panes observe its signals; tests drive it with
// QSignalSpy. The seed and the options are remembered in `settings` between sessions; feedback is
// stored in the library in the background, in the order it was given.
class SeedSession : public QObject {
    Q_OBJECT

public:
    // `settings` must outlive the session.
    explicit SeedSession(QSettings &settings, QObject *parent = nullptr);
    ~SeedSession() override;

    const LibrarySnapshot &library() const { return m_library; }
    bool hasLibrary() const { return !m_library.isEmpty(); }
    // Where likes and dislikes are stored; with none they last for the session only.
    void setLibraryPath(const QString &path) { m_libraryPath = path; }
    // While an import saves the library its writes wait for it (SQLite's busy timeout, then an
    // error): reactions are refused up front, with a sentence saying why.
    void setLibraryBeingSaved(bool saving) { m_libraryBeingSaved = saving; }
    bool isLibraryBeingSaved() const { return m_libraryBeingSaved; }
    // Shows `library`: the seed is cleared (restore() brings back the last session's), and
    // reactions given here since the last library are kept.
    void setLibrary(const LibrarySnapshot &library);

    const Seed &seed() const { return m_seed; }
    // What feedback is recorded against: the seed track's id, or "playlist:<id>" for a playlist
    // seed (so the two cannot collide); empty without a seed.
    QString seedId() const;
    // "“Title” by Artist", "the playlist “Name”": what a seed id stands for.
    QString seedDescription(const QString &seedId) const;

    // Makes a track the seed and ranks. Any track can be: the hybrid method ranks one without
    // audio features by playlists and artists; a method that cannot says why in the outcome.
    void chooseTrack(int catalogRow, int fromPlaylistIndex);
    // Makes a whole playlist the seed and ranks.
    void choosePlaylist(int playlistIndex);
    // The seed of the last session, if it is still in the library; false when there is none.
    bool restore();
    void clear();

    // The seeds chosen this session, to walk back and forth through.
    bool canGoBack() const;
    bool canGoForward() const;
    void goBack();
    void goForward();

    const RankingOptions &options() const { return m_options; }
    // Takes new options, remembers them and re-ranks after a short pause (sliders move in steps).
    void setOptions(const RankingOptions &options);
    // What is asked of the recommender for the current seed and options (a default request
    // without a seed).
    RankingRequest rankingRequest() const;
    // Ranks now, dropping what earlier requests will answer.
    void rank();

    // Records the user's reaction to a recommendation for the current seed (none: forgets it),
    // re-ranks and stores it. Undoable.
    void react(int catalogRow, std::optional<Reaction> reaction);
    // Forgets every like of the song, for every seed. Undoable.
    void unlikeEverywhere(int catalogRow);

    // The session's changes to undo and redo: likes and dislikes (taken back in memory and in
    // the library), and whatever else the window pushes (removed playlists).
    QUndoStack &undoStack() { return m_undoStack; }
    bool canUndo() const { return m_undoStack.canUndo(); }
    bool canRedo() const { return m_undoStack.canRedo(); }
    // "Undo Disliked “Hello” by Adele": what undo() would take back; empty when nothing.
    QString undoText() const;
    QString redoText() const;
    void undo();
    void redo();

signals:
    // The seed changed (also to none): a new ranking is on its way unless it was cleared.
    void seedChanged();
    void historyChanged();
    // The answer to the latest ranking request (see RankingRunner). An outcome with an error
    // says in its message why there is no list.
    void ranked(const std::shared_ptr<const Catalog> &catalog, const RankOutcome &outcome);
    // Likes or dislikes changed, by a reaction, an undo or a redo; `notice` says what happened
    // ("Disliked “Hello” by Adele.") for a status line with an Undo (a Redo when `undone`).
    void feedbackChanged(const QString &notice, bool undone);
    // Storing the last change failed (`error`), or the one after a failure succeeded (nullopt).
    void feedbackStored(const std::optional<Error> &error);
    // A reaction was not taken, nor kept in memory: the library cannot be written now (`why`).
    void reactionRefused(const QString &why);

private:
    // A seed by ids rather than rows, so that the history outlives a library reload.
    struct SeedRef {
        QString trackId;
        QString playlistId;  // chosen from, or the playlist seed
        bool isPlaylist = false;
        friend bool operator==(const SeedRef &, const SeedRef &) = default;
    };
    class FeedbackCommand;
    // The log as `log`, the library brought to it by `write`; `notice` is said once the undo
    // stack has taken the step (see sayFeedbackNotice).
    using LibraryWrite = std::function<Status(const QString &libraryPath)>;
    void applyFeedback(const FeedbackLog &log, const LibraryWrite &write, const QString &notice);
    bool refusedAsUnwritable();
    void sayFeedbackNotice(bool undone);

    SeedRef refOf(const Seed &seed) const;
    std::optional<Seed> seedOf(const SeedRef &ref) const;
    // Shows `seed` and ranks; pushes it on the history unless it comes from there.
    void apply(const Seed &seed, bool fromHistory);
    void remember(const Seed &seed);
    void walkHistory(int step);
    void store(LibraryWrite change);

    QSettings &m_settings;
    LibrarySnapshot m_library;
    QString m_libraryPath;
    Seed m_seed;
    std::vector<SeedRef> m_history;
    int m_historyIndex = -1;

    RankingOptions m_options;
    RankingRunner m_runner;
    QTimer m_rankTimer;

    bool m_libraryBeingSaved = false;
    bool m_feedbackChanged = false;  // reactions given here: a library loaded meanwhile may miss them
    QUndoStack m_undoStack;
    QString m_feedbackNotice;      // of the step the undo stack is taking
    QThreadPool m_feedbackWriter;  // one thread, so that writes land in the order made
};

}  // namespace encore
