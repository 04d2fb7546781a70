#pragma once

#include "catalog/catalog.h"
#include "common/discoveries.h"
#include "recommend/recommender.h"

#include <QAbstractTableModel>
#include <QString>

#include <memory>
#include <vector>

namespace encore {

class CoverArt;

// The ranked recommendations for a seed, in the list's order (Rank). Sort through a
// SearchProxyModel. Liked tracks are marked with ♥ in the Why column; songs new to the library
// (no playlist holds them) with "New" beside their title, and where Discover found them in Why.
// With CoverArt, each title has its song's cover, asked for only when a row is shown.
class RecommendationTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum class Column { Rank, Score, Title, Artists, Why };
    static constexpr int kColumnCount = 5;

    explicit RecommendationTableModel(QObject *parent = nullptr);

    // `recommendations` for the seed at `seedRow` of `catalog` (-1 for a playlist), in the
    // list's order, as `method` ranked them (which says what the scores mean).
    void setRecommendations(std::shared_ptr<const Catalog> catalog, int seedRow,
                            std::vector<Recommendation> recommendations, RankingMethod method = RankingMethod::Content);
    void clear();
    // What the library knows of discovered songs, for the catalog of the next recommendations.
    void setDiscoveries(Discoveries discoveries) { m_discoveries = std::move(discoveries); }
    bool isNew(int row) const;
    // The catalog rows the user liked for this seed (any order); their rows are marked.
    void setLikedRows(std::vector<int> catalogRows);
    // Shows the covers of `covers` (which must outlive the model) in squares of `size` pixels.
    void setCoverArt(CoverArt *covers, int size);
    bool isLiked(int row) const;
    RankingMethod method() const { return m_method; }

    const std::shared_ptr<const Catalog> &catalog() const { return m_catalog; }
    int seedRow() const { return m_seedRow; }
    const Recommendation &recommendation(int row) const { return m_recommendations[static_cast<std::size_t>(row)]; }
    // The model row showing a catalog row, or -1.
    int rowOfCatalogRow(int catalogRow) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString scoreToolTip() const;
    void onCoverChanged(const QString &trackId);

    std::shared_ptr<const Catalog> m_catalog;
    int m_seedRow = -1;
    std::vector<Recommendation> m_recommendations;
    std::vector<QString> m_why;    // the explanation of each recommendation
    std::vector<int> m_likedRows;  // catalog rows, ascending
    RankingMethod m_method = RankingMethod::Content;
    Discoveries m_discoveries;
    CoverArt *m_covers = nullptr;
    int m_coverSize = 0;
};

}  // namespace encore
