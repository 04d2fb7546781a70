#pragma once

#include <QDialog>

namespace encore {

// A page of help in a dialog: Help ▸ Using Encore and Help ▸ About Encore. Its links open in the
// browser, or are offered to copy when no browser opens.
class HelpPageDialog : public QDialog {
    Q_OBJECT

public:
    HelpPageDialog(const QString &title, const QString &html, QWidget *parent = nullptr);

    // The README's "Using Encore", in short.
    static QString usingEncoreHtml();
    // The version, what Encore is built on and under which licence, the services and data it
    // talks to, and that it is not Spotify's.
    static QString aboutHtml();
};

}  // namespace encore
