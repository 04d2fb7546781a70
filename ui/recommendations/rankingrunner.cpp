#include "rankingrunner.h"

#include "common/whenfinished.h"

#include <QtConcurrent>

namespace encore {

RankingRunner::RankingRunner(QObject *parent) : QObject(parent) {}

void RankingRunner::run(const LibrarySnapshot &library, const RankingRequest &request)
{
    const quint64 generation = ++m_generation;
    std::shared_ptr<const Recommender> recommender = library.recommender;
    std::shared_ptr<const Catalog> catalog = library.catalog;
    whenFinished(
        QtConcurrent::run([recommender, request, generation] { return rankTracks(*recommender, request, generation); }),
        this, [this, catalog](const RankOutcome &outcome) {
            if (outcome.generation == m_generation)
                emit finished(catalog, outcome);
        });
}

void RankingRunner::cancel()
{
    ++m_generation;
}

}  // namespace encore
