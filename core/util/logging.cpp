#include "logging.h"

Q_LOGGING_CATEGORY(lcCatalog, "encore.catalog", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStorage, "encore.storage", QtInfoMsg)
Q_LOGGING_CATEGORY(lcRecommend, "encore.recommend", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSpotify, "encore.spotify", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSecrets, "encore.secrets")
Q_LOGGING_CATEGORY(lcFeatures, "encore.features", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUi, "encore.ui", QtInfoMsg)
