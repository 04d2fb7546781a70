#include "recommendationtablemodel.h"

#include "common/coverart.h"
#include "common/itemroles.h"
#include "common/uitext.h"
#include "recommend/explanation.h"

#include <QGuiApplication>
#include <QLocale>

#include <algorithm>

namespace encore {

RecommendationTableModel::RecommendationTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void RecommendationTableModel::setRecommendations(std::shared_ptr<const Catalog> catalog, int seedRow,
                                                  std::vector<Recommendation> recommendations, RankingMethod method)
{
    beginResetModel();
    m_method = method;
    m_catalog = std::move(catalog);
    m_seedRow = m_catalog ? seedRow : -1;
    m_recommendations = m_catalog ? std::move(recommendations) : std::vector<Recommendation>{};
    m_why.clear();
    m_why.reserve(m_recommendations.size());
    for (const Recommendation &recommendation : m_recommendations) {
        QString why = explainMatch(*m_catalog, m_seedRow, recommendation);
        if (why.isEmpty())
            why = uitext::matchingFeatures(recommendation.matchingFeatures);
        if (const QString origins = m_discoveries.origins(recommendation.row); !origins.isEmpty())
            why = why.isEmpty() ? origins : tr("%1 · %2", "why it fits · where Discover found it").arg(why, origins);
        m_why.push_back(why);
    }
    endResetModel();
}

void RecommendationTableModel::clear()
{
    setRecommendations(nullptr, -1, {}, m_method);
}

void RecommendationTableModel::setLikedRows(std::vector<int> catalogRows)
{
    std::sort(catalogRows.begin(), catalogRows.end());
    if (catalogRows == m_likedRows)
        return;
    m_likedRows = std::move(catalogRows);
    if (!m_recommendations.empty()) {
        const int why = static_cast<int>(Column::Why);
        emit dataChanged(index(0, why), index(rowCount() - 1, why));
    }
}

void RecommendationTableModel::setCoverArt(CoverArt *covers, int size)
{
    m_covers = covers;
    m_coverSize = size;
    connect(covers, &CoverArt::coverChanged, this, &RecommendationTableModel::onCoverChanged);
}

void RecommendationTableModel::onCoverChanged(const QString &trackId)
{
    const int title = static_cast<int>(Column::Title);
    for (int row = 0; row < rowCount(); ++row)
        if (m_catalog->track(m_recommendations[static_cast<std::size_t>(row)].row).id == trackId)
            emit dataChanged(index(row, title), index(row, title), {Qt::DecorationRole});
}

bool RecommendationTableModel::isNew(int row) const
{
    return row >= 0 && row < rowCount() && m_discoveries.isNew(m_recommendations[static_cast<std::size_t>(row)].row);
}

bool RecommendationTableModel::isLiked(int row) const
{
    return row >= 0 && row < rowCount()
        && std::binary_search(m_likedRows.begin(), m_likedRows.end(),
                              m_recommendations[static_cast<std::size_t>(row)].row);
}

QString RecommendationTableModel::scoreToolTip() const
{
    return m_method == RankingMethod::Hybrid
        ? tr("Relevance in the hybrid blend of audio, playlists and popularity; higher fits "
             "better. Not a similarity: the list's order (#) also weighs variety.")
        : tr("Similarity to the seed: 1 is identical");
}

int RecommendationTableModel::rowOfCatalogRow(int catalogRow) const
{
    const auto it = std::find_if(m_recommendations.begin(), m_recommendations.end(),
                                 [catalogRow](const Recommendation &r) { return r.row == catalogRow; });
    return it == m_recommendations.end() ? -1 : static_cast<int>(it - m_recommendations.begin());
}

int RecommendationTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_recommendations.size());
}

int RecommendationTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : kColumnCount;
}

QVariant RecommendationTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const Recommendation &recommendation = m_recommendations[static_cast<std::size_t>(row)];
    const Track &track = m_catalog->track(recommendation.row);
    const auto column = static_cast<Column>(index.column());

    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case Column::Rank: return row + 1;
        case Column::Score: return QLocale().toString(recommendation.score, 'f', 3);
        case Column::Title:
            return isNew(row) ? tr("%1 · New", "a song no playlist of the library holds").arg(uitext::title(track))
                              : uitext::title(track);
        case Column::Artists: return track.artistsText();
        case Column::Why:
            return isLiked(row) ? QStringLiteral("♥ %1").arg(m_why[static_cast<std::size_t>(row)]).trimmed()
                                : m_why[static_cast<std::size_t>(row)];
        }
        return {};
    case Qt::ToolTipRole:
        switch (column) {
        case Column::Score: return scoreToolTip();
        case Column::Why: {
            QString tip = m_why[static_cast<std::size_t>(row)].isEmpty()
                ? QString()
                : tr("Closest to the seed: %1").arg(m_why[static_cast<std::size_t>(row)]);
            if (isLiked(row))
                tip = tip.isEmpty() ? tr("You liked this") : tr("You liked this. %1").arg(tip);
            return tip.isEmpty() ? QVariant() : QVariant(tip);
        }
        case Column::Title:
            return isNew(row)
                ? tr("%1 — new to your library: no playlist of it holds this song").arg(uitext::titleByArtist(track))
                : uitext::titleByArtist(track);
        case Column::Artists: return uitext::titleByArtist(track);
        default: return {};
        }
    case Qt::DecorationRole:
        if (column == Column::Title && m_covers)
            return m_covers->cover(track, m_coverSize, qApp->devicePixelRatio());
        return {};
    case Qt::TextAlignmentRole:
        if (column == Column::Rank || column == Column::Score)
            return (Qt::AlignRight | Qt::AlignVCenter).toInt();
        return {};
    case roles::Sort:
        switch (column) {
        case Column::Rank: return row;
        case Column::Score: return static_cast<double>(recommendation.score);
        case Column::Title: return uitext::title(track);
        case Column::Artists: return track.artistsText();
        case Column::Why: return m_why[static_cast<std::size_t>(row)];
        }
        return {};
    case roles::Search: return QStringLiteral("%1 %2").arg(track.name, track.artistsText());
    case roles::CatalogRow: return recommendation.row;
    case roles::Id: return track.id;
    case roles::HasFeatures: return m_catalog->hasFeatures(recommendation.row);
    default: return {};
    }
}

QVariant RecommendationTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= kColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    const auto column = static_cast<Column>(section);
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case Column::Rank: return tr("#");
        case Column::Score: return m_method == RankingMethod::Hybrid ? tr("Relevance") : tr("Score");
        case Column::Title: return tr("Title");
        case Column::Artists: return tr("Artists");
        case Column::Why: return tr("Why");
        }
        return {};
    case Qt::ToolTipRole:
        switch (column) {
        case Column::Rank: return tr("Rank, best first");
        case Column::Score: return scoreToolTip();
        case Column::Why:
            return tr("Why it was suggested: the artist, the playlists and the features it "
                      "shares with the seed; ♥ marks the ones you liked");
        default: return {};
        }
    case roles::ColumnName:
        return column == Column::Rank ? tr("Rank") : headerData(section, orientation, Qt::DisplayRole);
    case Qt::TextAlignmentRole:
        if (column == Column::Rank || column == Column::Score)
            return (Qt::AlignRight | Qt::AlignVCenter).toInt();
        return {};
    default: return QAbstractTableModel::headerData(section, orientation, role);
    }
}

}  // namespace encore
