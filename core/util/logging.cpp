#include "logging.h"

Q_LOGGING_CATEGORY(lcCatalog, "encore.catalog")
Q_LOGGING_CATEGORY(lcStorage, "encore.storage")
Q_LOGGING_CATEGORY(lcRecommend, "encore.recommend")
