#include "seedsession.h"

#include "common/uitext.h"
#include "common/whenfinished.h"

#include "util/logging.h"
#include "util/settingskeys.h"

#include <QSettings>
#include <QtConcurrent>

#include <algorithm>
#include <span>
#include <utility>
#include <vector>

namespace encore {

namespace {

constexpr int kRankDebounceMs = 150;
constexpr int kMaxUndoSteps = 100;
constexpr std::size_t kMaxHistory = 200;

// Feedback for a playlist seed is recorded against this prefix and the playlist's id.
const QString kPlaylistSeedPrefix = QStringLiteral("playlist:");

// True when the playlist holds every song of the library, as the one playlist a catalog file
// without playlists becomes: leaving its songs out would leave nothing to recommend.
bool holdsWholeLibrary(const Catalog &catalog, int playlistIndex)
{
    if (playlistIndex < 0)
        return false;
    const std::span<const std::int32_t> rows = catalog.playlistRows(playlistIndex);
    if (std::ssize(rows) < catalog.size())
        return false;
    std::vector<bool> held(static_cast<std::size_t>(catalog.size()), false);
    for (const std::int32_t row : rows)
        held[static_cast<std::size_t>(row)] = true;
    return std::find(held.begin(), held.end(), false) == held.end();
}

}  // namespace

// A change of likes and dislikes: the log before and after it, and how to bring the library to
// each.
class SeedSession::FeedbackCommand : public QUndoCommand {
public:
    FeedbackCommand(SeedSession &session, const QString &description, FeedbackLog before, FeedbackLog after,
                    LibraryWrite writeBefore, LibraryWrite writeAfter)
        : QUndoCommand(description), m_session(session), m_before(std::move(before)), m_after(std::move(after)),
          m_writeBefore(std::move(writeBefore)), m_writeAfter(std::move(writeAfter))
    {}
    void redo() override { m_session.applyFeedback(m_after, m_writeAfter, text() + u'.'); }
    void undo() override
    {
        m_session.applyFeedback(m_before, m_writeBefore, SeedSession::tr("Undone: %1.").arg(text()));
    }

private:
    SeedSession &m_session;
    FeedbackLog m_before;
    FeedbackLog m_after;
    LibraryWrite m_writeBefore;
    LibraryWrite m_writeAfter;
};

SeedSession::SeedSession(QSettings &settings, QObject *parent)
    : QObject(parent), m_settings(settings), m_options(loadRankingOptions(settings))
{
    m_feedbackWriter.setMaxThreadCount(1);
    m_undoStack.setUndoLimit(kMaxUndoSteps);
    m_rankTimer.setSingleShot(true);
    m_rankTimer.setInterval(kRankDebounceMs);
    connect(&m_rankTimer, &QTimer::timeout, this, &SeedSession::rank);
    connect(&m_runner, &RankingRunner::finished, this, &SeedSession::ranked);
}

SeedSession::~SeedSession()
{
    m_feedbackWriter.waitForDone();  // a reaction the user gave is not dropped on closing
}

void SeedSession::setLibrary(const LibrarySnapshot &library)
{
    // Reactions given here are all in memory, while a library loaded meanwhile may have been read
    // before the last of them was written.
    FeedbackLog feedback = m_library.feedback;
    m_library = library;
    if (m_feedbackChanged)
        m_library.feedback = std::move(feedback);
    m_runner.cancel();  // rankings under way refer to the old catalog
    m_rankTimer.stop();
    m_seed = {};
    emit historyChanged();  // the seeds before may have left the library
}

QString SeedSession::seedId() const
{
    if (!hasLibrary() || !m_seed.isSet())
        return {};
    if (m_seed.isPlaylist)
        return kPlaylistSeedPrefix + m_library.catalog->playlists()[m_seed.playlistIndex].id;
    return m_library.catalog->track(m_seed.row).id;
}

QString SeedSession::seedDescription(const QString &seedId) const
{
    if (seedId.startsWith(kPlaylistSeedPrefix)) {
        const int playlist = m_library.catalog->playlistIndexOf(seedId.mid(kPlaylistSeedPrefix.size()));
        return playlist < 0 ? tr("a playlist no longer in the library")
                            : tr("the playlist “%1”").arg(m_library.catalog->playlists()[playlist].name);
    }
    const int row = m_library.catalog->rowOf(seedId);
    return row < 0 ? tr("a song no longer in the library") : uitext::titleByArtist(m_library.catalog->track(row));
}

// ---- seeds and their history -------------------------------------------------------------------

void SeedSession::chooseTrack(int catalogRow, int fromPlaylistIndex)
{
    if (!hasLibrary() || catalogRow < 0 || catalogRow >= m_library.catalog->size())
        return;
    apply({catalogRow, fromPlaylistIndex, false}, false);
}

void SeedSession::choosePlaylist(int playlistIndex)
{
    if (!hasLibrary() || playlistIndex < 0 || playlistIndex >= static_cast<int>(m_library.catalog->playlists().size()))
        return;
    apply({-1, playlistIndex, true}, false);
}

bool SeedSession::restore()
{
    if (!hasLibrary())
        return false;
    const SeedRef ref{m_settings.value(settingskeys::seedTrackId).toString(),
                      m_settings.value(settingskeys::seedPlaylistId).toString(),
                      m_settings.value(settingskeys::seedIsPlaylist).toBool()};
    const std::optional<Seed> seed = seedOf(ref);
    if (!seed)
        return false;
    apply(*seed, false);
    return true;
}

void SeedSession::clear()
{
    m_runner.cancel();
    m_rankTimer.stop();
    m_seed = {};
    emit seedChanged();
}

SeedSession::SeedRef SeedSession::refOf(const Seed &seed) const
{
    const Catalog &catalog = *m_library.catalog;
    SeedRef ref;
    ref.isPlaylist = seed.isPlaylist;
    if (seed.row >= 0)
        ref.trackId = catalog.track(seed.row).id;
    if (seed.playlistIndex >= 0)
        ref.playlistId = catalog.playlists()[seed.playlistIndex].id;
    return ref;
}

std::optional<Seed> SeedSession::seedOf(const SeedRef &ref) const
{
    if (!hasLibrary())
        return std::nullopt;
    const Catalog &catalog = *m_library.catalog;
    const int playlist = ref.playlistId.isEmpty() ? -1 : catalog.playlistIndexOf(ref.playlistId);
    if (ref.isPlaylist)
        return playlist >= 0 ? std::optional<Seed>({-1, playlist, true}) : std::nullopt;
    const int row = catalog.rowOf(ref.trackId);
    if (row < 0)
        return std::nullopt;
    return Seed{row, playlist, false};
}

void SeedSession::apply(const Seed &seed, bool fromHistory)
{
    m_seed = seed;
    remember(seed);
    if (!fromHistory) {
        const SeedRef ref = refOf(seed);
        if (m_historyIndex < 0 || m_history[std::size_t(m_historyIndex)] != ref) {
            m_history.resize(std::size_t(m_historyIndex + 1));  // a new seed ends the way forward
            m_history.push_back(ref);
            if (m_history.size() > kMaxHistory)
                m_history.erase(m_history.begin());
            m_historyIndex = int(m_history.size()) - 1;
        }
    }
    emit historyChanged();
    emit seedChanged();
    rank();
}

void SeedSession::remember(const Seed &seed)
{
    const SeedRef ref = refOf(seed);
    m_settings.setValue(settingskeys::seedTrackId, ref.trackId);
    m_settings.setValue(settingskeys::seedPlaylistId, ref.playlistId);
    m_settings.setValue(settingskeys::seedIsPlaylist, ref.isPlaylist);
}

bool SeedSession::canGoBack() const
{
    for (int i = m_historyIndex - 1; i >= 0; --i)
        if (seedOf(m_history[std::size_t(i)]))
            return true;
    return false;
}

bool SeedSession::canGoForward() const
{
    for (int i = m_historyIndex + 1; i < int(m_history.size()); ++i)
        if (seedOf(m_history[std::size_t(i)]))
            return true;
    return false;
}

void SeedSession::goBack()
{
    walkHistory(-1);
}

void SeedSession::goForward()
{
    walkHistory(+1);
}

// Steps to the next seed in that direction that is still in the library.
void SeedSession::walkHistory(int step)
{
    for (int i = m_historyIndex + step; i >= 0 && i < int(m_history.size()); i += step) {
        if (const std::optional<Seed> seed = seedOf(m_history[std::size_t(i)])) {
            m_historyIndex = i;
            apply(*seed, true);
            return;
        }
    }
}

// ---- ranking -----------------------------------------------------------------------------------

void SeedSession::setOptions(const RankingOptions &options)
{
    if (options == m_options)
        return;
    m_options = options;
    saveRankingOptions(m_settings, m_options);
    if (m_seed.isSet())
        m_rankTimer.start();
}

RankingRequest SeedSession::rankingRequest() const
{
    if (!hasLibrary() || !m_seed.isSet())
        return {};
    RankingRequest request;
    request.seedRow = m_seed.row;
    request.k = m_options.k;
    request.method = m_options.method;
    request.weights = m_options.weights;
    request.playlistIndex = m_seed.playlistIndex;
    request.excludePlaylistTracks =
        m_options.excludePlaylistTracks && !holdsWholeLibrary(*m_library.catalog, m_seed.playlistIndex);
    if (m_options.onlyNewSongs)
        request.excludedRows = m_library.discoveries.allButNew(m_library.catalog->size());
    request.hybrid = m_options.hybrid;
    request.playlistContext = m_options.playlistContext;
    request.seedIsPlaylist = m_seed.isPlaylist;
    request.feedback = m_library.feedback.forSeed(*m_library.catalog, seedId());
    return request;
}

void SeedSession::rank()
{
    m_rankTimer.stop();
    if (!hasLibrary() || !m_seed.isSet())
        return;
    if (m_seed.isPlaylist && m_options.method != RankingMethod::Hybrid) {
        m_runner.cancel();
        RankOutcome outcome;
        outcome.method = m_options.method;
        outcome.error = Error{ErrorKind::Unavailable,
                              tr("Only the Hybrid method takes a whole playlist as the seed: choose it "
                                 "under Method, or pick one track as the seed.")};
        emit ranked(m_library.catalog, outcome);
        return;
    }
    m_runner.run(m_library, rankingRequest());
}

// ---- likes, dislikes and their undo ------------------------------------------------------------

void SeedSession::react(int catalogRow, std::optional<Reaction> reaction)
{
    if (!hasLibrary() || !m_seed.isSet() || catalogRow < 0 || catalogRow >= m_library.catalog->size()
        || refusedAsUnwritable())
        return;
    const QString seed = seedId();
    const QString track = m_library.catalog->track(catalogRow).id;
    const std::optional<Reaction> before = m_library.feedback.reactionTo(seed, track);
    if (before == reaction)
        return;
    const QString song = uitext::titleByArtist(m_library.catalog->track(catalogRow));
    const QString what = !reaction    ? tr("Cleared your reaction to %1").arg(song)
        : *reaction == Reaction::Like ? tr("Liked %1").arg(song)
                                      : tr("Disliked %1").arg(song);
    FeedbackLog after = m_library.feedback;
    if (reaction)
        after.record(seed, track, *reaction);
    else
        after.clear(seed, track);
    const auto writing = [seed, track](std::optional<Reaction> made) {
        return [seed, track, made](const QString &path) { return storeFeedback(path, seed, track, made); };
    };
    m_undoStack.push(
        new FeedbackCommand(*this, what, m_library.feedback, std::move(after), writing(before), writing(reaction)));
    sayFeedbackNotice(false);
}

void SeedSession::unlikeEverywhere(int catalogRow)
{
    if (!hasLibrary() || catalogRow < 0 || catalogRow >= m_library.catalog->size() || refusedAsUnwritable())
        return;
    const QString track = m_library.catalog->track(catalogRow).id;
    QStringList likedFor;
    for (const FeedbackEntry &entry : m_library.feedback.entries())
        if (entry.trackId == track && entry.reaction == Reaction::Like)
            likedFor << entry.seedId;
    if (likedFor.isEmpty())
        return;
    FeedbackLog after = m_library.feedback;
    after.clearLikes(track);
    const auto relike = [track, likedFor](const QString &path) {
        for (const QString &seed : likedFor)
            if (const Status stored = storeFeedback(path, seed, track, Reaction::Like); !stored)
                return stored;
        return success();
    };
    const auto unlike = [track](const QString &path) { return forgetLikes(path, track); };
    m_undoStack.push(new FeedbackCommand(
        *this, tr("Removed %1 from Liked").arg(uitext::titleByArtist(m_library.catalog->track(catalogRow))),
        m_library.feedback, std::move(after), relike, unlike));
    sayFeedbackNotice(false);
}

QString SeedSession::undoText() const
{
    return m_undoStack.canUndo() ? tr("Undo %1").arg(m_undoStack.undoText()) : QString();
}

QString SeedSession::redoText() const
{
    return m_undoStack.canRedo() ? tr("Redo %1").arg(m_undoStack.redoText()) : QString();
}

void SeedSession::undo()
{
    m_undoStack.undo();
    sayFeedbackNotice(true);
}

void SeedSession::redo()
{
    m_undoStack.redo();
    sayFeedbackNotice(false);
}

// A reaction to a library that cannot be written now is not kept, not even in memory, where it
// would look kept until the next start: reactionRefused says why.
bool SeedSession::refusedAsUnwritable()
{
    if (!m_library.readOnly && !m_libraryBeingSaved)
        return false;
    emit reactionRefused(m_library.readOnly ? tr("Your library cannot be changed now (it is read-only, or its first "
                                                 "import is still saving it), so this reaction was not kept.")
                                            : uitext::reactionWaitsForImport());
    return true;
}

// After the stack has moved, so that the notice's Undo (or Redo) finds the step there.
void SeedSession::sayFeedbackNotice(bool undone)
{
    if (!m_feedbackNotice.isEmpty())
        emit feedbackChanged(std::exchange(m_feedbackNotice, {}), undone);
}

void SeedSession::applyFeedback(const FeedbackLog &log, const LibraryWrite &write, const QString &notice)
{
    m_library.feedback = log;
    m_feedbackChanged = true;
    store(write);
    m_feedbackNotice = notice;
    if (m_seed.isSet())
        rank();
}

void SeedSession::store(LibraryWrite change)
{
    if (m_libraryPath.isEmpty())
        return;
    whenFinished(QtConcurrent::run(&m_feedbackWriter,
                                   [path = m_libraryPath, change = std::move(change)] {
                                       const Status stored = change(path);
                                       return stored ? std::optional<Error>() : std::optional<Error>(stored.error());
                                   }),
                 this, [this](const std::optional<Error> &error) {
                     // Never silent: the user believes the reaction is kept.
                     if (error)
                         qCWarning(lcUi) << "feedback not stored:" << error->message;
                     emit feedbackStored(error);
                 });
}

}  // namespace encore
