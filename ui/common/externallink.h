#pragma once

#include <QDialog>
#include <QUrl>

class QWidget;

namespace encore {

// Opens `url` with the desktop (the browser, the Spotify app). When nothing opens it, shows an
// ExternalLinkDialog over `parent` instead of failing silently.
void openExternalLink(QWidget *parent, const QUrl &url);

// What the user sees when no browser opened a link: one sentence, the link (selectable) and a
// button that copies it, so they can open it themselves.
class ExternalLinkDialog : public QDialog {
    Q_OBJECT

public:
    explicit ExternalLinkDialog(const QUrl &url, QWidget *parent = nullptr);
};

}  // namespace encore
