#pragma once

#include <QLoggingCategory>

// One category per module, so a user can turn on what they need with QT_LOGGING_RULES.
Q_DECLARE_LOGGING_CATEGORY(lcCatalog)
Q_DECLARE_LOGGING_CATEGORY(lcStorage)
Q_DECLARE_LOGGING_CATEGORY(lcRecommend)
Q_DECLARE_LOGGING_CATEGORY(lcSpotify)
Q_DECLARE_LOGGING_CATEGORY(lcSecrets)
Q_DECLARE_LOGGING_CATEGORY(lcFeatures)
Q_DECLARE_LOGGING_CATEGORY(lcUi)
