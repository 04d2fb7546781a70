#include "playlistremoval.h"

#include "common/whenfinished.h"

#include "util/logging.h"

#include <QFileInfo>
#include <QPointer>
#include <QUndoCommand>
#include <QtConcurrent>

namespace encore {

namespace {

// A playlist's origin is the catalog file it came from, or a word such as "spotify".
bool isCatalogFile(const QString &origin)
{
    return QFileInfo(origin).isAbsolute();
}

}  // namespace

QString PlaylistRemoval::description() const
{
    return wholeCatalog ? PlaylistRemover::tr("the catalog “%1”").arg(name) : PlaylistRemover::tr("“%1”").arg(name);
}

int playlistsFromSameCatalog(const Catalog &catalog, int playlistIndex)
{
    const std::vector<Playlist> &playlists = catalog.playlists();
    if (playlistIndex < 0 || playlistIndex >= int(playlists.size()))
        return 0;
    const QString &origin = playlists[std::size_t(playlistIndex)].origin;
    if (!isCatalogFile(origin))
        return 0;
    return int(std::count_if(playlists.begin(), playlists.end(),
                             [&](const Playlist &playlist) { return playlist.origin == origin; }));
}

std::optional<PlaylistRemoval> removalOf(const Catalog &catalog, int playlistIndex, bool wholeCatalog)
{
    const std::vector<Playlist> &playlists = catalog.playlists();
    if (playlistIndex < 0 || playlistIndex >= int(playlists.size()))
        return std::nullopt;
    const Playlist &chosen = playlists[std::size_t(playlistIndex)];
    if (wholeCatalog && !isCatalogFile(chosen.origin))
        return std::nullopt;

    PlaylistRemoval removal;
    removal.wholeCatalog = wholeCatalog;
    removal.name = wholeCatalog ? QFileInfo(chosen.origin).fileName() : chosen.name;
    std::vector<char> removed(playlists.size(), 0);
    for (std::size_t i = 0; i < playlists.size(); ++i) {
        if (int(i) == playlistIndex || (wholeCatalog && playlists[i].origin == chosen.origin)) {
            removed[i] = 1;
            removal.playlistIds << playlists[i].id;
        }
    }
    // A song leaves when every playlist holding it goes.
    enum : char { InNone, OnlyInRemoved, Kept };
    std::vector<char> song(std::size_t(catalog.size()), InNone);
    for (std::size_t i = 0; i < playlists.size(); ++i)
        for (const std::int32_t row : catalog.playlistRows(int(i))) {
            char &state = song[std::size_t(row)];
            state = removed[i] ? (state == Kept ? Kept : OnlyInRemoved) : Kept;
        }
    removal.songsLeaving = int(std::count(song.begin(), song.end(), OnlyInRemoved));
    return removal;
}

// A removal on the undo stack. Its first redo is the removal just made; the removal's id
// changes with each redo, and is shared with the jobs that learn it.
class PlaylistRemover::Command : public QUndoCommand {
public:
    Command(PlaylistRemover &remover, PlaylistRemoval removal, std::shared_ptr<qint64> removalId)
        : QUndoCommand(PlaylistRemover::tr("Remove %1").arg(removal.description())), m_remover(&remover),
          m_removal(std::move(removal)), m_removalId(std::move(removalId))
    {}
    void redo() override
    {
        if (std::exchange(m_made, false) || !m_remover)
            return;
        m_remover->removeAgain(m_removal, m_removalId);
    }
    void undo() override
    {
        if (m_remover)
            m_remover->restore(m_removal, m_removalId);
    }

private:
    QPointer<PlaylistRemover> m_remover;
    PlaylistRemoval m_removal;
    std::shared_ptr<qint64> m_removalId;
    bool m_made = true;
};

PlaylistRemover::PlaylistRemover(QString libraryPath, QUndoStack &undoStack, QObject *parent)
    : QObject(parent), m_libraryPath(std::move(libraryPath)), m_undoStack(undoStack)
{
    m_writer.setMaxThreadCount(1);
}

PlaylistRemover::~PlaylistRemover()
{
    m_writer.waitForDone();
}

namespace {

QString removedNotice(const PlaylistRemoval &removal)
{
    switch (removal.songsLeaving) {
    case 0: return PlaylistRemover::tr("Removed %1.").arg(removal.description());
    case 1: return PlaylistRemover::tr("Removed %1 and the one song only it held.").arg(removal.description());
    default:
        return PlaylistRemover::tr("Removed %1 and the %n songs only it held.", nullptr, removal.songsLeaving)
            .arg(removal.description());
    }
}

// The removal in the background: it learns its id there, for a later restore to read.
std::function<Status(LibraryDb &)> removing(const PlaylistRemoval &removal, const std::shared_ptr<qint64> &removalId)
{
    return [ids = removal.playlistIds, removalId](LibraryDb &db) -> Status {
        const Result<Removal> removed = db.removePlaylists(ids);
        if (!removed)
            return removed.error();
        *removalId = removed->id;
        return success();
    };
}

}  // namespace

void PlaylistRemover::remove(const PlaylistRemoval &removal)
{
    auto removalId = std::make_shared<qint64>(0);
    run(removing(removal, removalId), removedNotice(removal), false,
        [this, removal, removalId] { m_undoStack.push(new Command(*this, removal, removalId)); });
}

void PlaylistRemover::removeAgain(const PlaylistRemoval &removal, const std::shared_ptr<qint64> &removalId)
{
    run(removing(removal, removalId), removedNotice(removal), false);
}

void PlaylistRemover::restore(const PlaylistRemoval &removal, const std::shared_ptr<qint64> &removalId)
{
    run([removalId](LibraryDb &db) { return db.restoreRemoval(*removalId); },
        tr("Put back %1.").arg(removal.description()), true);
}

void PlaylistRemover::run(std::function<Status(LibraryDb &)> change, const QString &notice, bool undone,
                          std::function<void()> done)
{
    ++m_running;
    whenFinished(
        QtConcurrent::run(&m_writer,
                          [path = m_libraryPath, change = std::move(change)] { return changeLibrary(path, change); }),
        this, [this, notice, undone, done = std::move(done)](const LoadOutcome &outcome) {
            --m_running;
            if (!outcome.error && done)
                done();
            emit libraryChanged(outcome, notice, undone);
        });
}

void PlaylistRemover::finish()
{
    m_writer.waitForDone();
    if (const Status forgotten = forgetRemovals(m_libraryPath); !forgotten)
        qCWarning(lcUi) << "removed playlists not forgotten:" << forgotten.error().message;
}

Status PlaylistRemover::forgetRemovals(const QString &libraryPath)
{
    auto db = LibraryDb::open(libraryPath);
    if (!db)
        return db.error();
    return (*db)->purgeRemovals();
}

}  // namespace encore
