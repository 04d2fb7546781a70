#pragma once

#include "libraryjobs.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <QThreadPool>

#include <optional>

class QUndoStack;

namespace encore {

// What removing a playlist, or every playlist of the catalog file it came from, would take out
// of the library.
struct PlaylistRemoval {
    QStringList playlistIds;
    QString name;  // the playlist's name, or the catalog's file name
    bool wholeCatalog = false;
    int songsLeaving = 0;  // songs no other playlist holds, which leave with them

    // "“Roadtrip”", "the catalog “songs.csv”"
    QString description() const;
};

// The removal of the playlist at `playlistIndex`, or of every playlist from its catalog file;
// nullopt when there is no such playlist or (wholeCatalog) it came from no file.
std::optional<PlaylistRemoval> removalOf(const Catalog &catalog, int playlistIndex, bool wholeCatalog);
// How many playlists the catalog file of the playlist at `playlistIndex` brought; 0 when it came
// from no file (Spotify).
int playlistsFromSameCatalog(const Catalog &catalog, int playlistIndex);

// Removes playlists from the library at `libraryPath` in the background, and puts an undo step for
// each on `undoStack`: undo puts the playlists and their songs back, redo removes them again.
// What a removal takes is kept in the library until forgetRemovals(), which the window calls at
// start and at quit, so undo lasts until Encore quits. Changes run one at a time, in order.
class PlaylistRemover : public QObject {
    Q_OBJECT

public:
    // `undoStack` must outlive the remover's use of it.
    PlaylistRemover(QString libraryPath, QUndoStack &undoStack, QObject *parent = nullptr);
    ~PlaylistRemover() override;

    void remove(const PlaylistRemoval &removal);
    // True while a removal, an undo or a redo is being written.
    bool isBusy() const { return m_running > 0; }

    static Status forgetRemovals(const QString &libraryPath);
    // Waits for the changes under way, then forgets the removals: undo ends here.
    void finish();

signals:
    // The library after a removal, its undo or its redo (an outcome with an error when it
    // failed, the library unchanged); `notice` says what was done.
    void libraryChanged(const encore::LoadOutcome &outcome, const QString &notice, bool undone);

private:
    class Command;
    // Runs `change` on the library in the background, then calls `done` if it worked and says
    // `notice`.
    void run(std::function<Status(LibraryDb &)> change, const QString &notice, bool undone,
             std::function<void()> done = {});
    void removeAgain(const PlaylistRemoval &removal, const std::shared_ptr<qint64> &removalId);
    void restore(const PlaylistRemoval &removal, const std::shared_ptr<qint64> &removalId);

    QString m_libraryPath;
    QUndoStack &m_undoStack;
    QThreadPool m_writer;  // one thread, so that changes land in the order made
    int m_running = 0;
};

}  // namespace encore
