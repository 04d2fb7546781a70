#include "helppage.h"

#include "common/externallink.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace encore {

HelpPageDialog::HelpPageDialog(const QString &title, const QString &html, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(title);

    auto *browser = new QTextBrowser(this);
    browser->setObjectName(QStringLiteral("helpPageText"));
    browser->setOpenLinks(false);  // links go to the browser, with a fallback if none opens
    browser->setHtml(html);
    connect(browser, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) { openExternalLink(this, url); });

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(browser);
    layout->addWidget(buttons);
    resize(560, 600);
}

QString HelpPageDialog::usingEncoreHtml()
{
    return tr("<h2>Using Encore</h2>"
              "<ol>"
              "<li><b>Bring in songs.</b> <i>File ▸ Open catalog…</i> (Ctrl+O) imports a catalog file "
              "(.csv or .csv.gz; you can also drop one on the window); <i>File ▸ Open playlist "
              "collection…</i> imports a folder of Million Playlist slice files, slice by slice, and "
              "goes on where it stopped if you cancel. <i>File ▸ Get the starter "
              "catalog</i> downloads 28,356 songs from 471 Spotify playlists. Or <i>Spotify ▸ Sign "
              "in…</i> with a Spotify app of your own (the dialog shows how to make one), then click "
              "one of your playlists in the sidebar to read it into the library.</li>"
              "<li><b>Pick a playlist and a seed.</b> Choose a playlist on the left (or <i>All "
              "tracks</i>), then a song in the table: double-click it or press Enter. Ctrl+F finds "
              "tracks by title or artist. <i>Recommend for this playlist</i> makes the whole playlist "
              "the seed.</li>"
              "<li><b>Read the chart.</b> Select a recommendation to compare it with the seed: each "
              "audio feature is scaled 0–1 over your library; hover a bar for the raw value. The "
              "<i>Why</i> column names what the two share. The method and its settings are beside the "
              "list; <i>Hybrid</i> blends how songs sound with what people play together.</li>"
              "<li><b>Preview.</b> The player under the recommendations plays a 30-second preview "
              "(from Deezer or iTunes); Space plays and pauses. <i>Open in Spotify</i> opens the "
              "song in the Spotify app or web player.</li>"
              "<li><b>Like and dislike.</b> ♥ Like (Ctrl+L) pulls songs like it up; ✕ Dislike "
              "(Ctrl+D) keeps a song out for that seed. Liked songs gather under <i>♥ Liked in "
              "Encore</i> in the sidebar.</li>"
              "<li><b>Keep the good ones.</b> Select recommendations and press <i>Export…</i> "
              "(Ctrl+E) for a CSV, M3U8 or JSON file, <i>Copy</i> (Ctrl+C) for their Spotify links, "
              "or <i>Save to Spotify…</i> (Ctrl+S) for a playlist in your account.</li>"
              "</ol>"
              "<p><i>Help ▸ Keyboard Shortcuts</i> lists every shortcut. Encore's README has the "
              "details: the catalog formats, the ranking methods and where Encore keeps your "
              "data.</p>");
}

// The licences are those of the libraries' Debian packages (/usr/share/doc/*/copyright).
QString HelpPageDialog::aboutHtml()
{
    return tr("<h2>Encore %1</h2>"
              "<p>Finds what to play next: pick a seed song and Encore ranks the songs of your "
              "library that sound most like it, and shows why.</p>"
              "<h3>Built on</h3>"
              "<ul>"
              "<li><a href=\"https://www.qt.io/\">Qt 6</a> (Core, GUI, Widgets, Network, SQL, "
              "Concurrent, Multimedia): LGPL-3.0</li>"
              "<li>Qt Charts: GPL-3.0</li>"
              "<li><a href=\"https://github.com/frankosterfeld/qtkeychain\">QtKeychain</a>: "
              "BSD-2-Clause</li>"
              "<li><a href=\"https://eigen.tuxfamily.org/\">Eigen</a>: MPL-2.0</li>"
              "<li><a href=\"https://zlib.net/\">zlib</a>: Zlib</li>"
              "<li><a href=\"https://github.com/jiixyj/libebur128\">libebur128</a>: MIT</li>"
              "<li><a href=\"https://www.boost.org/\">Boost</a> (Sort): BSL-1.0</li>"
              "</ul>"
              "<h3>Data sources</h3>"
              "<ul>"
              "<li><a href=\"https://developer.spotify.com/documentation/web-api\">Spotify Web "
              "API</a>: sign-in, your playlists, finding songs and saving playlists, through a "
              "Spotify app of your own</li>"
              "<li><a href=\"https://reccobeats.com/\">ReccoBeats</a>: audio features and "
              "similar songs</li>"
              "<li><a href=\"https://developers.deezer.com/api\">Deezer API</a>: previews, "
              "related artists and their top songs</li>"
              "<li><a href=\"https://performance-partners.apple.com/search-api\">iTunes Search "
              "API</a>: previews Deezer does not have</li>"
              "<li>The starter catalog: <a href=\"https://github.com/rfordatascience/tidytuesday/"
              "tree/master/data/2020/2020-01-21\">TidyTuesday's Spotify songs</a> of 2020-01-21, "
              "MIT licence</li>"
              "</ul>"
              "<p>Encore is not affiliated with, endorsed or sponsored by Spotify. Spotify is a "
              "trademark of Spotify AB.</p>")
        .arg(QCoreApplication::applicationVersion().toHtmlEscaped());
}

}  // namespace encore
