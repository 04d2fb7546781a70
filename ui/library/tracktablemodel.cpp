#include "tracktablemodel.h"

#include "common/icons.h"
#include "common/itemroles.h"
#include "common/uitext.h"

#include <QFont>
#include <QGuiApplication>
#include <QPalette>

#include <algorithm>

namespace encore {

namespace {

// Numbers line up on the right, in cells and headers alike.
QVariant alignmentOf(TrackTableModel::Column column)
{
    switch (column) {
    case TrackTableModel::Column::Position:
    case TrackTableModel::Column::Year:
    case TrackTableModel::Column::Popularity:
    case TrackTableModel::Column::Duration: return (Qt::AlignRight | Qt::AlignVCenter).toInt();
    default: return {};
    }
}

}  // namespace

TrackTableModel::TrackTableModel(QObject *parent) : QAbstractTableModel(parent), m_noFeaturesIcon(icons::noFeatures())
{}

void TrackTableModel::setTracks(std::shared_ptr<const Catalog> catalog, std::vector<int> rows,
                                std::vector<QString> likedFor)
{
    beginResetModel();
    m_catalog = std::move(catalog);
    m_rows = m_catalog ? std::move(rows) : std::vector<int>{};
    m_likedFor = std::move(likedFor);
    m_likedFor.resize(m_rows.size());
    endResetModel();
}

void TrackTableModel::clear()
{
    setTracks(nullptr, {});
}

void TrackTableModel::setSeedRow(int catalogRow)
{
    if (catalogRow == m_seedRow)
        return;
    const int before = rowOfCatalogRow(m_seedRow);
    m_seedRow = catalogRow;
    const int after = rowOfCatalogRow(m_seedRow);
    for (int row : {before, after})
        if (row >= 0)
            emit dataChanged(index(row, 0), index(row, kColumnCount - 1), {Qt::FontRole});
}

int TrackTableModel::rowOfCatalogRow(int catalogRow) const
{
    if (catalogRow < 0)
        return -1;
    const auto it = std::find(m_rows.begin(), m_rows.end(), catalogRow);
    return it == m_rows.end() ? -1 : static_cast<int>(it - m_rows.begin());
}

int TrackTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int TrackTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : kColumnCount;
}

QVariant TrackTableModel::display(const Track &track, int row, Column column) const
{
    switch (column) {
    case Column::Position: return row + 1;
    case Column::Title: return uitext::title(track);
    case Column::Artists: return track.artistsText();
    case Column::Album: return track.album;
    case Column::Year: return track.releaseDate.isValid() ? QVariant(track.releaseDate.yearValue()) : QVariant();
    case Column::Popularity: return track.popularity ? QVariant(*track.popularity) : QVariant();
    case Column::Duration: return uitext::duration(track.durationMs);
    case Column::Genre: return track.genre;
    case Column::Features: return uitext::featureSources(m_catalog->features(m_rows[static_cast<std::size_t>(row)]));
    case Column::LikedFor: return m_likedFor[static_cast<std::size_t>(row)];
    }
    return {};
}

QVariant TrackTableModel::sortKey(const Track &track, int row, Column column) const
{
    switch (column) {
    case Column::Position: return row;
    case Column::Year: return track.releaseDate.isValid() ? track.releaseDate.yearValue() : -1;
    case Column::Popularity: return track.popularity.value_or(-1);
    case Column::Duration: return track.durationMs;
    case Column::Title:
    case Column::Artists:
    case Column::Album:
    case Column::Genre:
    case Column::Features:
    case Column::LikedFor: return display(track, row, column);
    }
    return {};
}

QVariant TrackTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const int catalogRow = m_rows[static_cast<std::size_t>(row)];
    const Track &track = m_catalog->track(catalogRow);
    const bool hasFeatures = m_catalog->hasFeatures(catalogRow);
    const auto column = static_cast<Column>(index.column());

    switch (role) {
    case Qt::DisplayRole: return display(track, row, column);
    case Qt::DecorationRole:
        if (column == Column::Title && !hasFeatures)
            return m_noFeaturesIcon;
        return {};
    case Qt::ToolTipRole:
        if (!hasFeatures || column == Column::Features)
            return uitext::featureSourcesToolTip(m_catalog->features(catalogRow));
        if (column == Column::Album && track.releaseDate.isValid())
            return QStringLiteral("%1 (%2)").arg(track.album, track.releaseDate.toString());
        if (column == Column::Title || column == Column::Artists || column == Column::Album
            || column == Column::LikedFor)
            return display(track, row, column);
        return {};
    case Qt::ForegroundRole:
        if (!hasFeatures)
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    case Qt::FontRole:
        if (catalogRow == m_seedRow) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::TextAlignmentRole: return alignmentOf(column);
    case roles::Sort: return sortKey(track, row, column);
    case roles::Search: return QStringLiteral("%1 %2 %3").arg(track.name, track.artistsText(), track.album);
    case roles::CatalogRow: return catalogRow;
    case roles::Id: return track.id;
    case roles::HasFeatures: return hasFeatures;
    default: return {};
    }
}

QVariant TrackTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= kColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    const auto column = static_cast<Column>(section);
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case Column::Position: return tr("#");
        case Column::Title: return tr("Title");
        case Column::Artists: return tr("Artists");
        case Column::Album: return tr("Album");
        case Column::Year: return tr("Year");
        // Short, so that the names get the room in a narrow window.
        case Column::Popularity: return tr("Pop.", "popularity, as a column header");
        case Column::Duration: return tr("Time", "duration, as a column header");
        case Column::Genre: return tr("Genre");
        case Column::Features: return tr("Features");
        case Column::LikedFor: return tr("Liked for");
        }
        return {};
    case Qt::ToolTipRole:
        switch (column) {
        case Column::Position: return tr("Position in the playlist");
        case Column::Popularity: return tr("Spotify popularity, 0–100, as the catalog gave it");
        case Column::Genre: return tr("Genre of the playlist the catalog found the track in");
        case Column::Features: return tr("Where the track's audio features came from");
        case Column::LikedFor: return tr("The seeds you liked the song for, the latest first");
        default: return {};
        }
    case roles::ColumnName:
        switch (column) {
        case Column::Position: return tr("Position in the playlist");
        case Column::Popularity: return tr("Popularity");
        case Column::Duration: return tr("Duration");
        default: return headerData(section, orientation, Qt::DisplayRole);
        }
    case Qt::TextAlignmentRole: return alignmentOf(column);
    default: return QAbstractTableModel::headerData(section, orientation, role);
    }
}

}  // namespace encore
