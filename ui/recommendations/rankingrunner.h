#pragma once

#include "library/libraryjobs.h"

#include <QObject>

#include <memory>

namespace encore {

// Ranks in QtConcurrent workers and hands back only the answer to the latest request. Every
// run() and cancel() takes a new generation number; an answer that comes back with an older one
// is dropped, because the user has asked for something else meanwhile.
class RankingRunner : public QObject {
    Q_OBJECT

public:
    explicit RankingRunner(QObject *parent = nullptr);

    // Ranks on `library`'s recommender; the worker keeps the library alive until it is done.
    void run(const LibrarySnapshot &library, const RankingRequest &request);
    // Drops the answers to every request made so far.
    void cancel();

signals:
    // The answer to the latest request, delivered from the event loop, never inside run().
    // `catalog` is the one the outcome's rows refer to.
    void finished(const std::shared_ptr<const Catalog> &catalog, const RankOutcome &outcome);

private:
    quint64 m_generation = 0;
};

}  // namespace encore
