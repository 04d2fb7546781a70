#pragma once

#include "catalog/catalog.h"
#include "recommend/recommender.h"

#include <QAbstractTableModel>
#include <QString>

#include <memory>
#include <vector>

namespace encore {

// The ranked recommendations for a seed, best first. Sort through a SearchProxyModel.
class RecommendationTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum class Column { Rank, Score, Title, Artists, Why };
    static constexpr int kColumnCount = 5;

    explicit RecommendationTableModel(QObject *parent = nullptr);

    // `recommendations` for the seed at `seedRow` of `catalog`, best first.
    void setRecommendations(std::shared_ptr<const Catalog> catalog, int seedRow,
                            std::vector<Recommendation> recommendations);
    void clear();

    const std::shared_ptr<const Catalog> &catalog() const { return m_catalog; }
    int seedRow() const { return m_seedRow; }
    const Recommendation &recommendation(int row) const
    {
        return m_recommendations[static_cast<std::size_t>(row)];
    }
    // The model row showing a catalog row, or -1.
    int rowOfCatalogRow(int catalogRow) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const Catalog> m_catalog;
    int m_seedRow = -1;
    std::vector<Recommendation> m_recommendations;
    std::vector<QString> m_why;  // the explanation of each recommendation
};

}  // namespace encore
