#pragma once

#include <QWidget>

namespace encore {

// What an empty library shows: what Encore does, how to open a catalog and where to get one.
class WelcomeView : public QWidget {
    Q_OBJECT

public:
    explicit WelcomeView(QWidget *parent = nullptr);

signals:
    void openCatalogRequested();
};

}  // namespace encore
