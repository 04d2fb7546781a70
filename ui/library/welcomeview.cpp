#include "welcomeview.h"

#include "common/icons.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace encore {

WelcomeView::WelcomeView(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("welcomeView"));

    auto *icon = new QLabel(this);
    icon->setPixmap(icons::app().pixmap(96, 96));
    icon->setAlignment(Qt::AlignHCenter);

    auto *title = new QLabel(tr("Welcome to Encore"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.8);
    titleFont.setBold(true);
    title->setFont(titleFont);
    title->setAlignment(Qt::AlignHCenter);

    auto *tagline =
        new QLabel(tr("Pick a song you love and Encore finds the songs that sound most like it, and shows why."), this);
    tagline->setObjectName(QStringLiteral("welcomeTagline"));
    tagline->setWordWrap(true);
    tagline->setAlignment(Qt::AlignHCenter);
    QFont taglineFont = tagline->font();
    taglineFont.setPointSizeF(taglineFont.pointSizeF() * 1.15);
    tagline->setFont(taglineFont);

    auto *open = new QPushButton(tr("&Open catalog…"), this);
    open->setObjectName(QStringLiteral("openCatalogButton"));
    open->setDefault(true);
    open->setAutoDefault(true);
    open->setMinimumSize(220, 34);
    open->setToolTip(tr("Import a catalog file (.csv or .csv.gz) into your library"));
    connect(open, &QPushButton::clicked, this, &WelcomeView::openCatalogRequested);

    auto *signIn = new QPushButton(tr("Sign &in with Spotify…"), this);
    signIn->setObjectName(QStringLiteral("welcomeSignInButton"));
    signIn->setMinimumSize(220, 34);
    signIn->setToolTip(tr("Use your own playlists: sign in with a Spotify app of your own"));
    connect(signIn, &QPushButton::clicked, this, &WelcomeView::signInRequested);

    m_signInNote = new QLabel(this);
    m_signInNote->setObjectName(QStringLiteral("signInNote"));
    m_signInNote->setWordWrap(true);
    m_signInNote->setAlignment(Qt::AlignHCenter);
    setSignInNote(QString());

    auto *starter = new QPushButton(tr("&Get the starter catalog"), this);
    starter->setObjectName(QStringLiteral("starterCatalogButton"));
    starter->setMinimumSize(220, 34);
    starter->setToolTip(tr("Download TidyTuesday's catalog of 28,356 songs from 471 Spotify "
                           "playlists (about 8 MB, MIT licence) and import it"));
    connect(starter, &QPushButton::clicked, this, &WelcomeView::starterCatalogRequested);

    auto *hint = new QLabel(tr("No catalog yet? The starter catalog is TidyTuesday's of 2020-01-21: "
                               "28,356 songs from 471 Spotify playlists, about 8 MB. You can also "
                               "drop a .csv or .csv.gz file onto this window."),
                            this);
    hint->setObjectName(QStringLiteral("welcomeHint"));
    hint->setWordWrap(true);
    hint->setAlignment(Qt::AlignHCenter);

    auto centred = [](QWidget *widget) {
        auto *row = new QHBoxLayout;
        row->addStretch();
        row->addWidget(widget);
        row->addStretch();
        return row;
    };

    auto *column = new QVBoxLayout;
    column->setSpacing(12);
    column->addWidget(icon);
    column->addWidget(title);
    column->addWidget(tagline);
    column->addSpacing(12);
    column->addLayout(centred(open));
    column->addLayout(centred(starter));
    column->addLayout(centred(signIn));
    column->addWidget(m_signInNote);
    column->addSpacing(16);
    column->addWidget(hint);

    auto *content = new QWidget(this);
    content->setLayout(column);
    content->setMinimumWidth(480);
    content->setMaximumWidth(560);

    auto *outer = new QVBoxLayout(this);
    outer->addStretch(2);
    outer->addLayout(centred(content));
    outer->addStretch(3);

    setFocusProxy(open);
}

void WelcomeView::setSignInNote(const QString &text)
{
    m_signInNote->setText(text.isEmpty() ? tr("Encore reads your playlists with a free Spotify "
                                              "developer app of your own; the sign-in dialog "
                                              "shows how to make one in two minutes.")
                                         : text);
}

}  // namespace encore
