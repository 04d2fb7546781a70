#pragma once

#include <QWidget>

class QLabel;

namespace encore {

// What an empty library shows: what Encore does, how to open a catalog or download the starter
// catalog, and signing in with Spotify to use one's own playlists.
class WelcomeView : public QWidget {
    Q_OBJECT

public:
    explicit WelcomeView(QWidget *parent = nullptr);

    // Says something about the Spotify sign-in under its button (that it expired, say); empty
    // restores the usual explanation.
    void setSignInNote(const QString &text);

signals:
    void openCatalogRequested();
    void starterCatalogRequested();
    void signInRequested();

private:
    QLabel *m_signInNote = nullptr;
};

}  // namespace encore
