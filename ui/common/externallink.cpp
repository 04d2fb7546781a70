#include "externallink.h"

#include <QClipboard>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace encore {

namespace {

// Wide enough to show a typical link (open.spotify.com/track/…) whole.
constexpr int kLinkMinimumWidth = 420;

}  // namespace

void openExternalLink(QWidget *parent, const QUrl &url)
{
    if (QDesktopServices::openUrl(url))
        return;
    auto *dialog = new ExternalLinkDialog(url, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

ExternalLinkDialog::ExternalLinkDialog(const QUrl &url, QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("externalLinkDialog"));
    setWindowTitle(tr("Open Link"));

    auto *message = new QLabel(tr("No browser opened this link; copy it and open it yourself."), this);
    message->setWordWrap(true);

    auto *link = new QLineEdit(url.toString(), this);
    link->setObjectName(QStringLiteral("externalLinkEdit"));
    link->setReadOnly(true);
    link->setMinimumWidth(kLinkMinimumWidth);
    link->setCursorPosition(0);

    auto *copy = new QPushButton(tr("&Copy"), this);
    copy->setObjectName(QStringLiteral("copyExternalLinkButton"));
    connect(copy, &QPushButton::clicked, this, [copy, text = link->text(), copied = tr("Copied")] {
        QGuiApplication::clipboard()->setText(text);
        copy->setText(copied);
    });

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *linkRow = new QHBoxLayout;
    linkRow->addWidget(link, 1);
    linkRow->addWidget(copy);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(message);
    layout->addLayout(linkRow);
    layout->addWidget(buttons);

    copy->setFocus();  // Enter copies, Escape closes
}

}  // namespace encore
