<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>QObject</name>
    <message>
        <source>song</source>
        <translation>Song</translation>
    </message>
    <message>
        <source>songs</source>
        <translation>Songs</translation>
    </message>
</context>
<context>
    <name>encore::CoverStore</name>
    <message>
        <source>Cannot keep covers in %1.</source>
        <translation>Cover können nicht in %1 abgelegt werden.</translation>
    </message>
</context>
<context>
    <name>encore::ExternalLinkDialog</name>
    <message>
        <source>Open Link</source>
        <translation>Link öffnen</translation>
    </message>
    <message>
        <source>No browser opened this link; copy it and open it yourself.</source>
        <translation>Kein Browser hat diesen Link geöffnet; kopieren Sie ihn und öffnen Sie ihn selbst.</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
</context>
<context>
    <name>encore::FeatureChart</name>
    <message>
        <source>No key was found for this song.</source>
        <translation>Für diesen Song wurde keine Tonart gefunden.</translation>
    </message>
    <message>
        <source>Key: %1, %2 on the Camelot wheel (songs a number apart, or with the same number, mix well).</source>
        <translation>Tonart: %1, %2 im Camelot-Rad (Songs mit derselben oder einer benachbarten Zahl lassen sich gut mischen).</translation>
    </message>
    <message>
        <source>Audio feature</source>
        <translation>Audiomerkmal</translation>
    </message>
    <message>
        <source>Scaled value, 0–1</source>
        <translation>Skalierter Wert, 0–1</translation>
    </message>
    <message>
        <source>Double-click a track, or select it and press Enter, to find songs like it.</source>
        <translation>Doppelklicken Sie auf einen Titel oder wählen Sie ihn aus und drücken Sie die Eingabetaste, um ähnliche Songs zu finden.</translation>
    </message>
    <message>
        <source>Recommendation</source>
        <translation>Empfehlung</translation>
    </message>
    <message>
        <source>Recommendation: %1 by %2</source>
        <translation>Empfehlung: %1 von %2</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Ausgangssong</translation>
    </message>
    <message>
        <source>Seed: %1 by %2</source>
        <translation>Ausgangssong: %1 von %2</translation>
    </message>
    <message>
        <source>Each bar runs from the catalog&apos;s lowest value (0) to its highest (1); hover over one for its value. Select a recommendation to compare it with the seed.</source>
        <translation>Jeder Balken reicht vom niedrigsten Wert des Katalogs (0) bis zu seinem höchsten (1); zeigen Sie mit der Maus auf einen Balken, um seinen Wert zu sehen. Wählen Sie eine Empfehlung aus, um sie mit dem Ausgangssong zu vergleichen.</translation>
    </message>
    <message>
        <source>Closest: %1.</source>
        <translation>Am nächsten: %1.</translation>
    </message>
    <message>
        <source>the seed&apos;s</source>
        <translation>der des Ausgangssongs</translation>
    </message>
    <message>
        <source>Playlist average</source>
        <translation>Playlist-Durchschnitt</translation>
    </message>
    <message>
        <source>No track of this playlist has audio features.</source>
        <translation>Kein Titel dieser Playlist hat Audiomerkmale.</translation>
    </message>
    <message>
        <source>track</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>tracks</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>mixed keys, %1% major</source>
        <translation>gemischte Tonarten, %1 % Dur</translation>
    </message>
    <message>
        <source>Average of %1 (%2)</source>
        <translation>Durchschnitt von %1 (%2)</translation>
    </message>
    <message>
        <source>The whole playlist is the seed: its bars are the average of its tracks. Select a recommendation to compare it with them.</source>
        <translation>Die ganze Playlist ist der Ausgangspunkt: Ihre Balken sind der Durchschnitt ihrer Titel. Wählen Sie eine Empfehlung aus, um sie damit zu vergleichen.</translation>
    </message>
    <message>
        <source>Why: %1.</source>
        <translation>Warum: %1.</translation>
    </message>
    <message>
        <source>the playlist&apos;s average</source>
        <translation>der Playlist-Durchschnitt</translation>
    </message>
    <message>
        <source>Relevance in the hybrid blend: %1.</source>
        <translation>Relevanz in der hybriden Mischung: %1.</translation>
    </message>
    <message>
        <source>Similarity to the seed: %1.</source>
        <translation>Ähnlichkeit zum Ausgangssong: %1.</translation>
    </message>
    <message>
        <source>No feature is further than %1% of the catalog&apos;s range from %2.</source>
        <translation>Kein Merkmal liegt weiter als %1 % des Katalogbereichs von %2 entfernt.</translation>
    </message>
    <message>
        <source>Furthest apart in %1 (%2 against %3 %4).</source>
        <translation>Am weitesten auseinander bei %1 (%2 gegenüber %3 %4).</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 (not known)</source>
        <translation>%1 (unbekannt)</translation>
    </message>
    <message>
        <source>%1 (not known for the seed)</source>
        <translation>%1 (beim Ausgangssong unbekannt)</translation>
    </message>
    <message>
        <source>%1 (not known for the recommendation)</source>
        <translation>%1 (bei der Empfehlung unbekannt)</translation>
    </message>
    <message>
        <source>no features known</source>
        <translation>keine Merkmale bekannt</translation>
    </message>
</context>
<context>
    <name>encore::HelpMenu</name>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Using Encore</source>
        <translation>Encore &amp;verwenden</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;About Encore</source>
        <translation>&amp;Über Encore</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Using Encore</source>
        <translation>Encore verwenden</translation>
    </message>
    <message>
        <source>About Encore</source>
        <translation>Über Encore</translation>
    </message>
</context>
<context>
    <name>encore::HelpPageDialog</name>
    <message>
        <source>&lt;h2&gt;Encore %1&lt;/h2&gt;&lt;p&gt;Finds what to play next: pick a seed song and Encore ranks the songs of your library that sound most like it, and shows why.&lt;/p&gt;&lt;h3&gt;Built on&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;a href=&quot;https://www.qt.io/&quot;&gt;Qt 6&lt;/a&gt; (Core, GUI, Widgets, Network, SQL, Concurrent, Multimedia): LGPL-3.0&lt;/li&gt;&lt;li&gt;Qt Charts: GPL-3.0&lt;/li&gt;&lt;li&gt;&lt;a href=&quot;https://github.com/frankosterfeld/qtkeychain&quot;&gt;QtKeychain&lt;/a&gt;: BSD-2-Clause&lt;/li&gt;&lt;li&gt;&lt;a href=&quot;https://eigen.tuxfamily.org/&quot;&gt;Eigen&lt;/a&gt;: MPL-2.0&lt;/li&gt;&lt;li&gt;&lt;a href=&quot;https://zlib.net/&quot;&gt;zlib&lt;/a&gt;: Zlib&lt;/li&gt;&lt;li&gt;&lt;a href=&quot;https://github.com/jiixyj/libebur128&quot;&gt;libebur128&lt;/a&gt;: MIT&lt;/li&gt;&lt;li&gt;&lt;a href=&quot;https://www.boost.org/&quot;&gt;Boost&lt;/a&gt; (Sort): BSL-1.0&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;Data sources&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;a href=&quot;https://developer.spotify.com/documentation/web-api&quot;&gt;Spotify Web API&lt;/a&gt;: sign-in, your playlists, finding songs and saving playlists, through a Spotify app of your own&lt;/li&gt;&lt;li&gt;&lt;a href=&quot;https://reccobeats.com/&quot;&gt;ReccoBeats&lt;/a&gt;: audio features and similar songs&lt;/li&gt;&lt;li&gt;&lt;a href=&quot;https://developers.deezer.com/api&quot;&gt;Deezer API&lt;/a&gt;: previews, related artists and their top songs&lt;/li&gt;&lt;li&gt;&lt;a href=&quot;https://performance-partners.apple.com/search-api&quot;&gt;iTunes Search API&lt;/a&gt;: previews Deezer does not have&lt;/li&gt;&lt;li&gt;The starter catalog: &lt;a href=&quot;https://github.com/rfordatascience/tidytuesday/tree/master/data/2020/2020-01-21&quot;&gt;TidyTuesday&apos;s Spotify songs&lt;/a&gt; of 2020-01-21, MIT licence&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Encore is not affiliated with, endorsed or sponsored by Spotify. Spotify is a trademark of Spotify AB.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Encore %1&lt;/h2&gt;&lt;p&gt;Findet, was als Nächstes laufen soll: Wählen Sie einen Ausgangssong, und Encore ordnet die Songs Ihrer Bibliothek, die am ähnlichsten klingen, und zeigt, warum.&lt;/p&gt;&lt;h3&gt;Aufgebaut auf&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;a href=&quot;https://www.qt.io/&quot;&gt;Qt 6&lt;/a&gt; (Core, GUI, Widgets, Network, SQL, Concurrent, Multimedia): LGPL-3.0&lt;/li&gt;&lt;li&gt;Qt Charts: GPL-3.0&lt;/li&gt;&lt;li&gt;&lt;a href=&quot;https://github.com/frankosterfeld/qtkeychain&quot;&gt;QtKeychain&lt;/a&gt;: BSD-2-Clause&lt;/li&gt;&lt;li&gt;&lt;a href=&quot;https://eigen.tuxfamily.org/&quot;&gt;Eigen&lt;/a&gt;: MPL-2.0&lt;/li&gt;&lt;li&gt;&lt;a href=&quot;https://zlib.net/&quot;&gt;zlib&lt;/a&gt;: Zlib&lt;/li&gt;&lt;li&gt;&lt;a href=&quot;https://github.com/jiixyj/libebur128&quot;&gt;libebur128&lt;/a&gt;: MIT&lt;/li&gt;&lt;li&gt;&lt;a href=&quot;https://www.boost.org/&quot;&gt;Boost&lt;/a&gt; (Sort): BSL-1.0&lt;/li&gt;&lt;/ul&gt;&lt;h3&gt;Datenquellen&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;a href=&quot;https://developer.spotify.com/documentation/web-api&quot;&gt;Spotify Web API&lt;/a&gt;: Anmeldung, Ihre Playlists, Songsuche und Speichern von Playlists, über eine eigene Spotify-App&lt;/li&gt;&lt;li&gt;&lt;a href=&quot;https://reccobeats.com/&quot;&gt;ReccoBeats&lt;/a&gt;: Audiomerkmale und ähnliche Songs&lt;/li&gt;&lt;li&gt;&lt;a href=&quot;https://developers.deezer.com/api&quot;&gt;Deezer API&lt;/a&gt;: Hörproben, verwandte Interpreten und ihre Top-Songs&lt;/li&gt;&lt;li&gt;&lt;a href=&quot;https://performance-partners.apple.com/search-api&quot;&gt;iTunes Search API&lt;/a&gt;: Hörproben, die Deezer nicht hat&lt;/li&gt;&lt;li&gt;Der Startkatalog: &lt;a href=&quot;https://github.com/rfordatascience/tidytuesday/tree/master/data/2020/2020-01-21&quot;&gt;Spotify-Songs von TidyTuesday&lt;/a&gt; vom 21.01.2020, MIT-Lizenz&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Encore ist nicht mit Spotify verbunden und wird von Spotify weder unterstützt noch gesponsert. Spotify ist eine Marke der Spotify AB.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Using Encore&lt;/h2&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;Bring in songs.&lt;/b&gt; &lt;i&gt;File ▸ Open catalog…&lt;/i&gt; (Ctrl+O) imports a catalog file (.csv or .csv.gz; you can also drop one on the window); &lt;i&gt;File ▸ Open playlist collection…&lt;/i&gt; imports a folder of Million Playlist slice files, slice by slice, and goes on where it stopped if you cancel. &lt;i&gt;File ▸ Get the starter catalog&lt;/i&gt; downloads 28,356 songs from 471 Spotify playlists. Or &lt;i&gt;Spotify ▸ Sign in…&lt;/i&gt; with a Spotify app of your own (the dialog shows how to make one), then click one of your playlists in the sidebar to read it into the library.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Pick a playlist and a seed.&lt;/b&gt; Choose a playlist on the left (or &lt;i&gt;All tracks&lt;/i&gt;), then a song in the table: double-click it or press Enter. Ctrl+F finds tracks by title or artist. &lt;i&gt;Recommend for this playlist&lt;/i&gt; makes the whole playlist the seed.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Read the chart.&lt;/b&gt; Select a recommendation to compare it with the seed: each audio feature is scaled 0–1 over your library; hover a bar for the raw value. The &lt;i&gt;Why&lt;/i&gt; column names what the two share. The method and its settings are beside the list; &lt;i&gt;Hybrid&lt;/i&gt; blends how songs sound with what people play together.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Preview.&lt;/b&gt; The player under the recommendations plays a 30-second preview (from Deezer or iTunes); Space plays and pauses. &lt;i&gt;Open in Spotify&lt;/i&gt; opens the song in the Spotify app or web player.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Like and dislike.&lt;/b&gt; ♥ Like (Ctrl+L) pulls songs like it up; ✕ Dislike (Ctrl+D) keeps a song out for that seed. Liked songs gather under &lt;i&gt;♥ Liked in Encore&lt;/i&gt; in the sidebar.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Keep the good ones.&lt;/b&gt; Select recommendations and press &lt;i&gt;Export…&lt;/i&gt; (Ctrl+E) for a CSV, M3U8 or JSON file, &lt;i&gt;Copy&lt;/i&gt; (Ctrl+C) for their Spotify links, or &lt;i&gt;Save to Spotify…&lt;/i&gt; (Ctrl+S) for a playlist in your account.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;&lt;i&gt;Help ▸ Keyboard Shortcuts&lt;/i&gt; lists every shortcut. Encore&apos;s README has the details: the catalog formats, the ranking methods and where Encore keeps your data.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Encore verwenden&lt;/h2&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;Songs hereinholen.&lt;/b&gt; &lt;i&gt;Datei ▸ Katalog öffnen …&lt;/i&gt; (Strg+O) importiert eine Katalogdatei (.csv oder .csv.gz; Sie können sie auch auf das Fenster ziehen); &lt;i&gt;Datei ▸ Playlist-Sammlung öffnen …&lt;/i&gt; importiert einen Ordner mit Teildateien des Million Playlist Dataset, Teil für Teil, und macht nach einem Abbruch dort weiter, wo er aufgehört hat. &lt;i&gt;Datei ▸ Startkatalog holen&lt;/i&gt; lädt 28.356 Songs aus 471 Spotify-Playlists herunter. Oder melden Sie sich über &lt;i&gt;Spotify ▸ Anmelden …&lt;/i&gt; mit einer eigenen Spotify-App an (der Dialog zeigt, wie Sie eine anlegen) und klicken Sie dann in der Seitenleiste auf eine Ihrer Playlists, um sie in die Bibliothek einzulesen.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Playlist und Ausgangssong wählen.&lt;/b&gt; Wählen Sie links eine Playlist (oder &lt;i&gt;Alle Titel&lt;/i&gt;), dann einen Song in der Tabelle: Doppelklicken Sie darauf oder drücken Sie die Eingabetaste. Strg+F findet Titel nach Name oder Interpret. &lt;i&gt;Für diese Playlist empfehlen&lt;/i&gt; macht die ganze Playlist zum Ausgangspunkt.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Das Diagramm lesen.&lt;/b&gt; Wählen Sie eine Empfehlung aus, um sie mit dem Ausgangssong zu vergleichen: Jedes Audiomerkmal ist über Ihre Bibliothek auf 0–1 skaliert; zeigen Sie auf einen Balken, um den Rohwert zu sehen. Die Spalte &lt;i&gt;Warum&lt;/i&gt; nennt, was die beiden gemeinsam haben. Die Methode und ihre Einstellungen stehen neben der Liste; &lt;i&gt;Hybrid&lt;/i&gt; mischt, wie Songs klingen, mit dem, was Menschen zusammen hören.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Hörprobe.&lt;/b&gt; Der Player unter den Empfehlungen spielt eine 30-sekündige Hörprobe (von Deezer oder iTunes); die Leertaste spielt ab und pausiert. &lt;i&gt;In Spotify öffnen&lt;/i&gt; öffnet den Song in der Spotify-App oder im Webplayer.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Mögen und ablehnen.&lt;/b&gt; ♥ Gefällt mir (Strg+L) holt ähnliche Songs nach oben; ✕ Ablehnen (Strg+D) hält einen Song für diesen Ausgangssong heraus. Gemochte Songs sammeln sich in der Seitenleiste unter &lt;i&gt;♥ Gefällt mir in Encore&lt;/i&gt;.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Die guten behalten.&lt;/b&gt; Wählen Sie Empfehlungen aus und drücken Sie &lt;i&gt;Exportieren …&lt;/i&gt; (Strg+E) für eine CSV-, M3U8- oder JSON-Datei, &lt;i&gt;Kopieren&lt;/i&gt; (Strg+C) für ihre Spotify-Links oder &lt;i&gt;In Spotify speichern …&lt;/i&gt; (Strg+S) für eine Playlist in Ihrem Konto.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;&lt;i&gt;Hilfe ▸ Tastenkürzel&lt;/i&gt; listet jedes Tastenkürzel auf. Die README von Encore enthält die Einzelheiten: die Katalogformate, die Rangfolge-Methoden und wo Encore Ihre Daten ablegt.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>encore::LibraryController</name>
    <message>
        <source>Loading the library</source>
        <translation>Die Bibliothek wird geladen</translation>
    </message>
    <message>
        <source>An import is already running.</source>
        <translation>Ein Import läuft bereits.</translation>
    </message>
    <message>
        <source>Saving to your library…</source>
        <translation>Wird in Ihrer Bibliothek gespeichert …</translation>
    </message>
    <message>
        <source>Loading library…</source>
        <translation>Bibliothek wird geladen …</translation>
    </message>
    <message>
        <source>Getting the starter catalog</source>
        <translation>Der Startkatalog wird geholt</translation>
    </message>
    <message>
        <source>Download cancelled; your library is unchanged.</source>
        <translation>Download abgebrochen; Ihre Bibliothek ist unverändert.</translation>
    </message>
    <message>
        <source>Open catalog… imports a catalog file you already have.</source>
        <translation>„Katalog öffnen …“ importiert eine Katalogdatei, die Sie bereits haben.</translation>
    </message>
    <message>
        <source>Import cancelled; your library is unchanged.</source>
        <translation>Import abgebrochen; Ihre Bibliothek ist unverändert.</translation>
    </message>
    <message>
        <source>Opening the catalog</source>
        <translation>Der Katalog wird geöffnet</translation>
    </message>
    <message>
        <source>Encore is busy with your library; try again in a moment.</source>
        <translation>Encore ist mit Ihrer Bibliothek beschäftigt; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>Stopped reading “%1”; your library is unchanged.</source>
        <translation>Einlesen von „%1“ gestoppt; Ihre Bibliothek ist unverändert.</translation>
    </message>
    <message>
        <source>Reading “%1”</source>
        <translation>„%1“ wird eingelesen</translation>
    </message>
    <message>
        <source>Saving “%1” to your library…</source>
        <translation>„%1“ wird in Ihrer Bibliothek gespeichert …</translation>
    </message>
    <message>
        <source>Saving “%1”</source>
        <translation>„%1“ wird gespeichert</translation>
    </message>
    <message>
        <source>Keeping the playlist in your library</source>
        <translation>Die Playlist wird in Ihrer Bibliothek abgelegt</translation>
    </message>
    <message>
        <source>Undoing the removal</source>
        <translation>Das Entfernen wird rückgängig gemacht</translation>
    </message>
    <message>
        <source>Removing playlists</source>
        <translation>Playlists werden entfernt</translation>
    </message>
    <message>
        <source>Looking for audio features…</source>
        <translation>Audiomerkmale werden gesucht …</translation>
    </message>
    <message>
        <source>Stopped looking for audio features for the import; it goes on afterwards.</source>
        <translation>Suche nach Audiomerkmalen für den Import angehalten; sie geht danach weiter.</translation>
    </message>
    <message>
        <source>Stopped looking for audio features; the ones found are kept.</source>
        <translation>Suche nach Audiomerkmalen gestoppt; die gefundenen bleiben erhalten.</translation>
    </message>
    <message>
        <source>Finding audio features</source>
        <translation>Audiomerkmale werden gesucht</translation>
    </message>
    <message>
        <source>Your library at %1 is read-only: Encore can rank from it, but cannot save any change to it.</source>
        <translation>Ihre Bibliothek unter %1 ist schreibgeschützt: Encore kann daraus empfehlen, aber keine Änderung speichern.</translation>
    </message>
    <message>
        <source>Another Encore is importing into your library; waiting for it…</source>
        <translation>Ein anderes Encore importiert gerade in Ihre Bibliothek; es wird darauf gewartet …</translation>
    </message>
    <message>
        <source>Discovering new songs</source>
        <translation>Neue Songs entdecken</translation>
    </message>
    <message>
        <source>Keeping the discovered songs</source>
        <translation>Entdeckte Songs speichern</translation>
    </message>
    <message>
        <source>Finding the new songs on Spotify</source>
        <translation>Neue Songs auf Spotify suchen</translation>
    </message>
    <message>
        <source>Keeping what Spotify said of the new songs</source>
        <translation>Spotifys Antworten zu den neuen Songs speichern</translation>
    </message>
</context>
<context>
    <name>encore::LibraryView</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Zurück</translation>
    </message>
    <message>
        <source>Back to the previous seed (Alt+Left)</source>
        <translation>Zurück zum vorigen Ausgangssong (Alt+Links)</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>&amp;Vor</translation>
    </message>
    <message>
        <source>Forward to the next seed (Alt+Right)</source>
        <translation>Vor zum nächsten Ausgangssong (Alt+Rechts)</translation>
    </message>
    <message>
        <source>Your library is empty. Choose one of your Spotify playlists on the left to read it into the library, or open a catalog (Ctrl+O).</source>
        <translation>Ihre Bibliothek ist leer. Wählen Sie links eine Ihrer Spotify-Playlists, um sie in die Bibliothek einzulesen, oder öffnen Sie einen Katalog (Strg+O).</translation>
    </message>
    <message>
        <source>Double-click a track, or select it and press Enter, to find songs like it.</source>
        <translation>Doppelklicken Sie auf einen Titel oder wählen Sie ihn aus und drücken Sie die Eingabetaste, um ähnliche Songs zu finden.</translation>
    </message>
    <message>
        <source>Finding songs for %1…</source>
        <translation>Songs für %1 werden gesucht …</translation>
    </message>
    <message>
        <source>Finding songs like %1…</source>
        <translation>Songs wie %1 werden gesucht …</translation>
    </message>
    <message>
        <source>The chart compares the seed with the selected recommendation.</source>
        <translation>Das Diagramm vergleicht den Ausgangssong mit der ausgewählten Empfehlung.</translation>
    </message>
    <message>
        <source>Recommendations for the whole playlist %1</source>
        <translation>Empfehlungen für die ganze Playlist %1</translation>
    </message>
    <message>
        <source>Recommendations</source>
        <translation>Empfehlungen</translation>
    </message>
    <message>
        <source>Recommendations for %1</source>
        <translation>Empfehlungen für %1</translation>
    </message>
    <message>
        <source>Recommendations for %1 — from %2</source>
        <comment>song — the playlist it was picked from</comment>
        <translation>Empfehlungen für %1 – aus %2</translation>
    </message>
    <message>
        <source>&amp;Undo a dislike</source>
        <translation>Ablehnung &amp;zurücknehmen</translation>
    </message>
    <message>
        <source>&amp;Remove from Liked</source>
        <translation>Aus „Gefällt mir“ &amp;entfernen</translation>
    </message>
    <message>
        <source>Find songs like this</source>
        <translation>Ähnliche Songs finden</translation>
    </message>
    <message>
        <source>Copy Spotify link</source>
        <translation>Spotify-Link kopieren</translation>
    </message>
    <message>
        <source>Songs for %1</source>
        <translation>Songs für %1</translation>
    </message>
    <message>
        <source>Songs like %1</source>
        <translation>Songs wie %1</translation>
    </message>
    <message>
        <source>liked for %1</source>
        <translation>gemocht für %1</translation>
    </message>
    <message>
        <source>Liked in Encore</source>
        <translation>Gefällt mir in Encore</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>CSV, Exportify&apos;s layout (*.csv)</source>
        <translation>CSV im Exportify-Format (*.csv)</translation>
    </message>
    <message>
        <source>M3U8 playlist (*.m3u8)</source>
        <translation>M3U8-Playlist (*.m3u8)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Exported %1 to %2.</source>
        <translation>%1 nach %2 exportiert.</translation>
    </message>
    <message>
        <source>song</source>
        <translation>Song</translation>
    </message>
    <message>
        <source>songs</source>
        <translation>Songs</translation>
    </message>
    <message>
        <source>Remove Catalog</source>
        <translation>Katalog entfernen</translation>
    </message>
    <message>
        <source>Remove Playlist</source>
        <translation>Playlist entfernen</translation>
    </message>
    <message numerus="yes">
        <source>Remove %1 and its %n playlists from your library?</source>
        <translation>
            <numerusform>%1 und seine %n Playlist aus Ihrer Bibliothek entfernen?</numerusform>
            <numerusform>%1 und seine %n Playlists aus Ihrer Bibliothek entfernen?</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove %1 from your library?</source>
        <translation>%1 aus Ihrer Bibliothek entfernen?</translation>
    </message>
    <message>
        <source>Its songs stay: other playlists hold them.</source>
        <translation>Ihre Songs bleiben: Andere Playlists enthalten sie.</translation>
    </message>
    <message>
        <source>One song that no other playlist holds leaves the library with it.</source>
        <translation>Ein Song, den keine andere Playlist enthält, verlässt mit ihr die Bibliothek.</translation>
    </message>
    <message numerus="yes">
        <source>%n songs that no other playlist holds leave the library with it.</source>
        <translation>
            <numerusform>%n Song, den keine andere Playlist enthält, verlässt mit ihr die Bibliothek.</numerusform>
            <numerusform>%n Songs, die keine andere Playlist enthält, verlassen mit ihr die Bibliothek.</numerusform>
        </translation>
    </message>
    <message>
        <source>Edit ▸ Undo puts everything back until you quit Encore.</source>
        <translation>Bearbeiten ▸ Rückgängig stellt alles wieder her, bis Sie Encore beenden.</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 und %n weiterer</numerusform>
            <numerusform>%1 und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>Every song in your library with audio features is in this playlist or left out, so there is nothing to recommend for it. Import another catalog or read more playlists from Spotify.</source>
        <translation>Jeder Song Ihrer Bibliothek mit Audiomerkmalen ist in dieser Playlist oder ausgeschlossen, daher gibt es nichts zu empfehlen. Importieren Sie einen weiteren Katalog oder lesen Sie weitere Playlists von Spotify.</translation>
    </message>
    <message>
        <source>No other track is similar enough to show. Try another seed or include this playlist&apos;s tracks.</source>
        <translation>Kein anderer Titel ist ähnlich genug. Versuchen Sie einen anderen Ausgangssong oder beziehen Sie die Titel dieser Playlist ein.</translation>
    </message>
    <message>
        <source>No other track is similar enough to show. Try another seed.</source>
        <translation>Kein anderer Titel ist ähnlich genug. Versuchen Sie einen anderen Ausgangssong.</translation>
    </message>
    <message>
        <source>Discover &amp;New Songs</source>
        <translation>&amp;Neue Songs entdecken</translation>
    </message>
    <message>
        <source>Discover</source>
        <translation>Entdecken</translation>
    </message>
    <message>
        <source>Ask ReccoBeats and Deezer for songs like the seed that your library does not hold (Ctrl+N)</source>
        <translation>ReccoBeats und Deezer nach Songs wie dem Ausgangssong fragen, die Ihre Bibliothek noch nicht hat (Strg+N)</translation>
    </message>
    <message>
        <source>Ask &amp;ReccoBeats</source>
        <translation>&amp;ReccoBeats fragen</translation>
    </message>
    <message>
        <source>Ask &amp;Deezer</source>
        <translation>&amp;Deezer fragen</translation>
    </message>
    <message>
        <source>No song new to your library fits this seed yet. Discover new songs (Ctrl+N), or turn off “Only songs new to my library” in the ranking settings.</source>
        <translation>Noch passt kein für Ihre Bibliothek neuer Song zu diesem Ausgangssong. Entdecken Sie neue Songs (Strg+N), oder schalten Sie „Nur für meine Bibliothek neue Songs“ in den Ranking-Einstellungen aus.</translation>
    </message>
    <message>
        <source>Discover new songs like this</source>
        <translation>Neue Songs wie diesen entdecken</translation>
    </message>
    <message>
        <source>Find the Top Songs on &amp;Spotify</source>
        <translation>Beste Songs auf &amp;Spotify suchen</translation>
    </message>
    <message>
        <source>When signed in, look up the best new songs that only Deezer knows on Spotify, so that they get audio features and can be saved there (at most %1 searches a day)</source>
        <translation>Wenn Sie angemeldet sind, die besten neuen Songs, die nur Deezer kennt, auf Spotify nachschlagen, damit sie Audio-Merkmale erhalten und dort gespeichert werden können (höchstens %1 Suchen am Tag)</translation>
    </message>
</context>
<context>
    <name>encore::LoopbackReceiver</name>
    <message>
        <source>Signed in to Encore</source>
        <translation>Bei Encore angemeldet</translation>
    </message>
    <message>
        <source>Signed in to Encore — you can close this tab.</source>
        <translation>Bei Encore angemeldet – Sie können diesen Tab schließen.</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>Anmeldung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Sign-in failed: %1 Return to Encore to try again.</source>
        <translation>Anmeldung fehlgeschlagen: %1 Kehren Sie zu Encore zurück, um es erneut zu versuchen.</translation>
    </message>
    <message>
        <source>Encore</source>
        <translation>Encore</translation>
    </message>
    <message>
        <source>Return to Encore to see whether the sign-in worked. You can close this tab.</source>
        <translation>Kehren Sie zu Encore zurück, um zu sehen, ob die Anmeldung geklappt hat. Sie können diesen Tab schließen.</translation>
    </message>
    <message>
        <source>Sign-in was cancelled: Encore was not given access to your Spotify account. You can close this tab.</source>
        <translation>Die Anmeldung wurde abgebrochen: Encore hat keinen Zugriff auf Ihr Spotify-Konto erhalten. Sie können diesen Tab schließen.</translation>
    </message>
    <message>
        <source>Sign-in did not complete (Spotify said &quot;%1&quot;). You can close this tab and try again from Encore.</source>
        <translation>Die Anmeldung wurde nicht abgeschlossen (Spotify meldete „%1“). Sie können diesen Tab schließen und es in Encore erneut versuchen.</translation>
    </message>
</context>
<context>
    <name>encore::MainWindow</name>
    <message>
        <source>Encore</source>
        <translation>Encore</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open catalog…</source>
        <translation>Katalog ö&amp;ffnen …</translation>
    </message>
    <message>
        <source>Import a catalog file (.csv or .csv.gz) into your library</source>
        <translation>Eine Katalogdatei (.csv oder .csv.gz) in Ihre Bibliothek importieren</translation>
    </message>
    <message>
        <source>Get the &amp;starter catalog</source>
        <translation>&amp;Startkatalog holen</translation>
    </message>
    <message>
        <source>Download TidyTuesday&apos;s catalog of 28,356 songs from 471 Spotify playlists (about 8 MB) and import it</source>
        <translation>Den TidyTuesday-Katalog mit 28.356 Songs aus 471 Spotify-Playlists (etwa 8 MB) herunterladen und importieren</translation>
    </message>
    <message>
        <source>Find missing audio &amp;features</source>
        <translation>Fehlende Audio&amp;merkmale suchen</translation>
    </message>
    <message>
        <source>Ask Spotify, ReccoBeats and your catalogs for the features your tracks lack, and analyse the previews of the rest</source>
        <translation>Spotify, ReccoBeats und Ihre Kataloge nach den Merkmalen fragen, die Ihren Titeln fehlen, und die Hörproben der übrigen analysieren</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Find tracks</source>
        <translation>Titel &amp;suchen</translation>
    </message>
    <message>
        <source>Find &amp;playlists</source>
        <translation>&amp;Playlists suchen</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Spotify</source>
        <translation>&amp;Spotify</translation>
    </message>
    <message>
        <source>Sign &amp;in…</source>
        <translation>&amp;Anmelden …</translation>
    </message>
    <message>
        <source>Sign in with your own Spotify app to read your playlists</source>
        <translation>Mit Ihrer eigenen Spotify-App anmelden, um Ihre Playlists einzulesen</translation>
    </message>
    <message>
        <source>&amp;Refresh playlists</source>
        <translation>Playlists &amp;aktualisieren</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Ab&amp;melden</translation>
    </message>
    <message>
        <source>Forget your Spotify sign-in on this computer; your library keeps its playlists</source>
        <translation>Ihre Spotify-Anmeldung auf diesem Computer vergessen; Ihre Bibliothek behält ihre Playlists</translation>
    </message>
    <message>
        <source>Loading library…</source>
        <translation>Bibliothek wird geladen …</translation>
    </message>
    <message>
        <source>Open catalog</source>
        <translation>Katalog öffnen</translation>
    </message>
    <message>
        <source>Rows skipped</source>
        <translation>Übersprungene Zeilen</translation>
    </message>
    <message>
        <source>Show Details lists each skipped row and why.</source>
        <translation>„Details einblenden“ listet jede übersprungene Zeile mit Grund auf.</translation>
    </message>
    <message>
        <source>Something went wrong (%1).</source>
        <translation>Etwas ist schiefgegangen (%1).</translation>
    </message>
    <message>
        <source>Signed in to Spotify as %1.</source>
        <translation>Bei Spotify als %1 angemeldet.</translation>
    </message>
    <message>
        <source>Signed out of Spotify.</source>
        <translation>Von Spotify abgemeldet.</translation>
    </message>
    <message>
        <source>Signing in to Spotify…</source>
        <translation>Anmeldung bei Spotify …</translation>
    </message>
    <message>
        <source>Spotify: %1</source>
        <translation>Spotify: %1</translation>
    </message>
    <message>
        <source>Open playlist &amp;collection…</source>
        <translation>Playlist-&amp;Sammlung öffnen …</translation>
    </message>
    <message>
        <source>Import a folder of Million Playlist slice files (mpd.slice.*.json) into your library</source>
        <translation>Einen Ordner mit Teildateien des Million Playlist Dataset (mpd.slice.*.json) in Ihre Bibliothek importieren</translation>
    </message>
    <message>
        <source>Catalogs (*.csv *.csv.gz);;Million Playlist slices (*.json);;All files (*)</source>
        <translation>Kataloge (*.csv *.csv.gz);;Million-Playlist-Teildateien (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Open playlist collection</source>
        <translation>Playlist-Sammlung öffnen</translation>
    </message>
    <message>
        <source>Quit Encore?</source>
        <translation>Encore beenden?</translation>
    </message>
    <message>
        <source>Encore is still importing into your library.</source>
        <translation>Encore importiert noch in Ihre Bibliothek.</translation>
    </message>
    <message>
        <source>If you quit now, the import stops and what it has not saved yet is not kept.</source>
        <translation>Wenn Sie jetzt beenden, stoppt der Import, und was er noch nicht gespeichert hat, geht verloren.</translation>
    </message>
    <message>
        <source>Stop Import and Quit</source>
        <translation>Import stoppen und beenden</translation>
    </message>
    <message>
        <source>Keep Importing</source>
        <translation>Weiter importieren</translation>
    </message>
</context>
<context>
    <name>encore::PlaylistListModel</name>
    <message>
        <source>♥ Liked in Encore</source>
        <translation>♥ Gefällt mir in Encore</translation>
    </message>
    <message>
        <source>All tracks</source>
        <translation>Alle Titel</translation>
    </message>
    <message>
        <source>(untitled playlist)</source>
        <translation>(Playlist ohne Namen)</translation>
    </message>
    <message>
        <source>track</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>tracks</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Every song you liked, for any seed, the latest first</source>
        <translation>Jeder Song, der Ihnen gefallen hat, für jeden Ausgangssong, der neueste zuerst</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>von %1</translation>
    </message>
    <message>
        <source>Playlist</source>
        <translation>Playlist</translation>
    </message>
    <message>
        <source>Tracks</source>
        <translation>Titel</translation>
    </message>
</context>
<context>
    <name>encore::PlaylistPane</name>
    <message>
        <source>Filter playlists</source>
        <translation>Playlists filtern</translation>
    </message>
    <message>
        <source>Save to &amp;Spotify…</source>
        <translation>In &amp;Spotify speichern …</translation>
    </message>
    <message>
        <source>&amp;Export liked songs…</source>
        <translation>Gemochte Songs &amp;exportieren …</translation>
    </message>
    <message>
        <source>Recommend for this playlist</source>
        <translation>Für diese Playlist empfehlen</translation>
    </message>
    <message>
        <source>&amp;Export playlist…</source>
        <translation>Playlist &amp;exportieren …</translation>
    </message>
    <message>
        <source>&amp;Remove from Library…</source>
        <translation>Aus der Bibliothek &amp;entfernen …</translation>
    </message>
    <message numerus="yes">
        <source>Remove &amp;Catalog “%1” (%n playlists)…</source>
        <translation>
            <numerusform>&amp;Katalog „%1“ entfernen (%n Playlist) …</numerusform>
            <numerusform>&amp;Katalog „%1“ entfernen (%n Playlists) …</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>encore::PlaylistRemover</name>
    <message>
        <source>the catalog “%1”</source>
        <translation>den Katalog „%1“</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>„%1“</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
    <message>
        <source>Removed %1.</source>
        <translation>%1 entfernt.</translation>
    </message>
    <message>
        <source>Removed %1 and the one song only it held.</source>
        <translation>%1 und den einen Song, den nur sie enthielt, entfernt.</translation>
    </message>
    <message numerus="yes">
        <source>Removed %1 and the %n songs only it held.</source>
        <translation>
            <numerusform>%1 und den %n Song, den nur sie enthielt, entfernt.</numerusform>
            <numerusform>%1 und die %n Songs, die nur sie enthielt, entfernt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Put back %1.</source>
        <translation>%1 wiederhergestellt.</translation>
    </message>
</context>
<context>
    <name>encore::PreviewPlayer</name>
    <message>
        <source>Position in the preview</source>
        <translation>Position in der Hörprobe</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Lautstärke</translation>
    </message>
    <message>
        <source>Open in Spotify</source>
        <translation>In Spotify öffnen</translation>
    </message>
    <message>
        <source>Open the track in the Spotify app, or in the web player when the app isn&apos;t installed</source>
        <translation>Den Titel in der Spotify-App öffnen oder im Webplayer, wenn die App nicht installiert ist</translation>
    </message>
    <message>
        <source>Select a seed or a recommendation to hear its preview.</source>
        <translation>Wählen Sie einen Ausgangssong oder eine Empfehlung, um die Hörprobe zu hören.</translation>
    </message>
    <message>
        <source>Looking for a preview…</source>
        <translation>Hörprobe wird gesucht …</translation>
    </message>
    <message>
        <source>No preview available for this track</source>
        <translation>Für diesen Titel gibt es keine Hörprobe</translation>
    </message>
    <message>
        <source>Loading the preview…</source>
        <translation>Hörprobe wird geladen …</translation>
    </message>
    <message>
        <source>Look for the preview again (Space)</source>
        <translation>Erneut nach der Hörprobe suchen (Leertaste)</translation>
    </message>
    <message>
        <source>Pause (Space)</source>
        <translation>Pause (Leertaste)</translation>
    </message>
    <message>
        <source>Play the preview (Space)</source>
        <translation>Hörprobe abspielen (Leertaste)</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
</context>
<context>
    <name>encore::RankingControls</name>
    <message>
        <source>&amp;Leave out this playlist&apos;s songs</source>
        <translation>Songs dieser Playlist &amp;auslassen</translation>
    </message>
    <message>
        <source>Hybrid: audio + playlists + popularity</source>
        <translation>Hybrid: Klang + Playlists + Beliebtheit</translation>
    </message>
    <message>
        <source>Songs that sound like the seed and that people put in playlists with it, a little popularity, and your likes and dislikes. Tune the blend below.</source>
        <translation>Songs, die wie der Ausgangssong klingen und die andere mit ihm in Playlists stellen, etwas Beliebtheit sowie was Ihnen gefällt und was nicht. Die Mischung stellen Sie unten ein.</translation>
    </message>
    <message>
        <source>Content: weighted features</source>
        <translation>Inhalt: gewichtete Merkmale</translation>
    </message>
    <message>
        <source>Standardised features, key on the pitch circle, log tempo, and your weights; songs, and how their artists sound on average, compared by weighted cosine similarity.</source>
        <translation>Standardisierte Merkmale, Tonart auf dem Quintenkreis, logarithmisches Tempo und Ihre Gewichte; Songs und der durchschnittliche Klang ihrer Interpreten, verglichen über gewichtete Kosinus-Ähnlichkeit.</translation>
    </message>
    <message>
        <source>Tutorial: scaled features, cosine</source>
        <translation>Tutorial: skalierte Merkmale, Kosinus</translation>
    </message>
    <message>
        <source>The classic recipe: every feature scaled to 0–1 over the catalog, compared by cosine similarity. Ignores the weights.</source>
        <translation>Das klassische Rezept: Jedes Merkmal über den Katalog auf 0–1 skaliert, verglichen über Kosinus-Ähnlichkeit. Ignoriert die Gewichte.</translation>
    </message>
    <message>
        <source>How songs are matched to the seed</source>
        <translation>Wie Songs dem Ausgangssong zugeordnet werden</translation>
    </message>
    <message>
        <source>How many recommendations to show</source>
        <translation>Wie viele Empfehlungen angezeigt werden</translation>
    </message>
    <message>
        <source>Only suggest songs that are not yet in the playlist the seed was picked from</source>
        <translation>Nur Songs vorschlagen, die noch nicht in der Playlist des Ausgangssongs sind</translation>
    </message>
    <message>
        <source>&amp;Method:</source>
        <translation>&amp;Methode:</translation>
    </message>
    <message>
        <source>Re&amp;sults:</source>
        <translation>Er&amp;gebnisse:</translation>
    </message>
    <message>
        <source>Hybrid blend</source>
        <translation>Hybride Mischung</translation>
    </message>
    <message>
        <source>Audio or people</source>
        <translation>Klang oder Menschen</translation>
    </message>
    <message>
        <source>Left: only how the songs sound. Right: only what people do: songs and artists that share playlists with the seed.</source>
        <translation>Links: nur wie die Songs klingen. Rechts: nur was Menschen tun: Songs und Interpreten, die Playlists mit dem Ausgangssong teilen.</translation>
    </message>
    <message>
        <source>Popularity</source>
        <translation>Beliebtheit</translation>
    </message>
    <message>
        <source>How much popular, recent songs are favoured: 0 ignores popularity</source>
        <translation>Wie stark beliebte, neue Songs bevorzugt werden: 0 ignoriert die Beliebtheit</translation>
    </message>
    <message>
        <source>Diversity</source>
        <translation>Vielfalt</translation>
    </message>
    <message>
        <source>0 lists the closest songs; higher values make each song differ more from the ones above it</source>
        <translation>0 listet die ähnlichsten Songs; höhere Werte lassen jeden Song sich stärker von den Songs darüber unterscheiden</translation>
    </message>
    <message>
        <source>at most </source>
        <translation>höchstens </translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Keine Grenze</translation>
    </message>
    <message>
        <source>At most this many songs by one artist in the list; 0 for no limit</source>
        <translation>Höchstens so viele Songs eines Interpreten in der Liste; 0 für keine Grenze</translation>
    </message>
    <message>
        <source>Playlist spirit</source>
        <translation>Geist der Playlist</translation>
    </message>
    <message>
        <source>More like the seed, in the spirit of the playlist it was picked from: how much the rest of that playlist counts. 0 ignores it.</source>
        <translation>Mehr wie der Ausgangssong, im Geist der Playlist, aus der er stammt: wie stark der Rest dieser Playlist zählt. 0 ignoriert ihn.</translation>
    </message>
    <message>
        <source>Reset &amp;blend</source>
        <translation>Mischung &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>Back to the defaults, which were measured to work best</source>
        <translation>Zurück zu den Standardwerten, die sich in Messungen als am besten erwiesen haben</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>Klang</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Menschen</translation>
    </message>
    <message>
        <source>Mi&amp;x:</source>
        <translation>Mi&amp;schung:</translation>
    </message>
    <message>
        <source>P&amp;opularity:</source>
        <translation>&amp;Beliebtheit:</translation>
    </message>
    <message>
        <source>&amp;Diversity:</source>
        <translation>&amp;Vielfalt:</translation>
    </message>
    <message>
        <source>Pla&amp;ylist spirit:</source>
        <translation>&amp;Geist der Playlist:</translation>
    </message>
    <message>
        <source>Per &amp;artist:</source>
        <translation>Je &amp;Interpret:</translation>
    </message>
    <message>
        <source>Show or hide how much each feature counts</source>
        <translation>Ein- oder ausblenden, wie stark jedes Merkmal zählt</translation>
    </message>
    <message>
        <source>%1 weight</source>
        <translation>Gewicht von %1</translation>
    </message>
    <message>
        <source>How much %1 counts: 0 ignores it, 1 is normal, 2 doubles it</source>
        <translation>Wie stark %1 zählt: 0 ignoriert es, 1 ist normal, 2 verdoppelt es</translation>
    </message>
    <message>
        <source>&amp;Reset weights</source>
        <translation>Gewichte &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>Set every weight back to 1</source>
        <translation>Jedes Gewicht wieder auf 1 setzen</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n results</source>
        <translation>
            <numerusform>%1, %n Ergebnis</numerusform>
            <numerusform>%1, %n Ergebnisse</numerusform>
        </translation>
    </message>
    <message>
        <source>Feature &amp;weights</source>
        <translation>Merkmals&amp;gewichte</translation>
    </message>
    <message>
        <source>Feature &amp;weights (changed)</source>
        <translation>Merkmals&amp;gewichte (geändert)</translation>
    </message>
    <message>
        <source>The blend applies to the Hybrid method only</source>
        <translation>Die Mischung gilt nur für die Methode Hybrid</translation>
    </message>
    <message>
        <source>Weights apply to the Content and Hybrid methods only</source>
        <translation>Die Gewichte gelten nur für die Methoden Inhalt und Hybrid</translation>
    </message>
    <message>
        <source>Only songs &amp;new to my library</source>
        <translation>Nur für meine Bibliothek &amp;neue Songs</translation>
    </message>
    <message>
        <source>Only suggest songs that no playlist of your library holds, such as the ones Discover found</source>
        <translation>Nur Songs vorschlagen, die in keiner Playlist Ihrer Bibliothek stehen, etwa die beim Entdecken gefundenen</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n new songs</source>
        <translation>
            <numerusform>%1, %n neuer Song</numerusform>
            <numerusform>%1, %n neue Songs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>encore::RankingPane</name>
    <message>
        <source>&amp;Ranking settings</source>
        <translation>&amp;Rangfolge-Einstellungen</translation>
    </message>
    <message>
        <source>Show or hide the ranking settings (F9)</source>
        <translation>Die Rangfolge-Einstellungen ein- oder ausblenden (F9)</translation>
    </message>
    <message>
        <source>Ranking settings</source>
        <translation>Rangfolge-Einstellungen</translation>
    </message>
    <message>
        <source>Ranking: %1</source>
        <translation>Rangfolge: %1</translation>
    </message>
</context>
<context>
    <name>encore::RecommendationPane</name>
    <message>
        <source>Your like or dislike could not be saved in the library, so it only lasts until Encore closes.</source>
        <translation>Ihre Bewertung konnte nicht in der Bibliothek gespeichert werden; sie gilt daher nur, bis Encore geschlossen wird.</translation>
    </message>
    <message>
        <source>&amp;Like</source>
        <translation>&amp;Gefällt mir</translation>
    </message>
    <message>
        <source>Like this recommendation (Ctrl+L): songs like it rank higher for this seed</source>
        <translation>Diese Empfehlung mögen (Strg+L): Ähnliche Songs rücken für diesen Ausgangssong nach oben</translation>
    </message>
    <message>
        <source>♥ Like</source>
        <translation>♥ Gefällt mir</translation>
    </message>
    <message>
        <source>&amp;Dislike</source>
        <translation>&amp;Ablehnen</translation>
    </message>
    <message>
        <source>Dislike this recommendation (Ctrl+D): it never comes back for this seed</source>
        <translation>Diese Empfehlung ablehnen (Strg+D): Sie kommt für diesen Ausgangssong nie wieder</translation>
    </message>
    <message>
        <source>✕ Dislike</source>
        <translation>✕ Ablehnen</translation>
    </message>
    <message>
        <source>&amp;Clear your like</source>
        <translation>Bewertung &amp;löschen</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren …</translation>
    </message>
    <message>
        <source>Write the selected recommendations, or all of them, to a CSV, M3U8 or JSON file (Ctrl+E)</source>
        <translation>Die ausgewählten Empfehlungen oder alle in eine CSV-, M3U8- oder JSON-Datei schreiben (Strg+E)</translation>
    </message>
    <message>
        <source>Save to &amp;Spotify…</source>
        <translation>In &amp;Spotify speichern …</translation>
    </message>
    <message>
        <source>Save the selected recommendations, or all of them, as a Spotify playlist, in this order (Ctrl+S)</source>
        <translation>Die ausgewählten Empfehlungen oder alle in dieser Reihenfolge als Spotify-Playlist speichern (Strg+S)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy the Spotify links of the selected recommendations</source>
        <translation>Die Spotify-Links der ausgewählten Empfehlungen kopieren</translation>
    </message>
    <message>
        <source>Copy as &amp;text</source>
        <translation>Als &amp;Text kopieren</translation>
    </message>
    <message>
        <source>The tutorial method ranks tracks with all eleven audio features, the content method those with any. The Features column of the track table says which features each has.</source>
        <translation>Die Tutorial-Methode ordnet Titel mit allen elf Audiomerkmalen, die Inhaltsmethode Titel mit irgendeinem. Die Spalte „Merkmale“ der Titeltabelle zeigt, welche Merkmale jeder hat.</translation>
    </message>
</context>
<context>
    <name>encore::RecommendationTableModel</name>
    <message>
        <source>Relevance in the hybrid blend of audio, playlists and popularity; higher fits better. Not a similarity: the list&apos;s order (#) also weighs variety.</source>
        <translation>Relevanz in der hybriden Mischung aus Klang, Playlists und Beliebtheit; höher passt besser. Keine Ähnlichkeit: Die Reihenfolge der Liste (Nr.) berücksichtigt auch Abwechslung.</translation>
    </message>
    <message>
        <source>Similarity to the seed: 1 is identical</source>
        <translation>Ähnlichkeit zum Ausgangssong: 1 ist identisch</translation>
    </message>
    <message>
        <source>Closest to the seed: %1</source>
        <translation>Am nächsten am Ausgangssong: %1</translation>
    </message>
    <message>
        <source>You liked this</source>
        <translation>Gefällt Ihnen</translation>
    </message>
    <message>
        <source>You liked this. %1</source>
        <translation>Gefällt Ihnen. %1</translation>
    </message>
    <message>
        <source>#</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Relevance</source>
        <translation>Relevanz</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Artists</source>
        <translation>Interpreten</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <source>Rank, best first</source>
        <translation>Rang, der beste zuerst</translation>
    </message>
    <message>
        <source>Why it was suggested: the artist, the playlists and the features it shares with the seed; ♥ marks the ones you liked</source>
        <translation>Warum er vorgeschlagen wurde: Interpret, Playlists und Merkmale, die er mit dem Ausgangssong teilt; ♥ markiert die, die Ihnen gefallen</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Rang</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>why it fits · where Discover found it</comment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 · New</source>
        <comment>a song no playlist of the library holds</comment>
        <translation>%1 · Neu</translation>
    </message>
    <message>
        <source>%1 — new to your library: no playlist of it holds this song</source>
        <translation>%1 – neu in Ihrer Bibliothek: keine ihrer Playlists enthält diesen Song</translation>
    </message>
</context>
<context>
    <name>encore::SaveToSpotifyDialog</name>
    <message>
        <source>Save to Spotify</source>
        <translation>In Spotify speichern</translation>
    </message>
    <message>
        <source>Save %1 to Spotify, in this order.</source>
        <translation>%1 in dieser Reihenfolge in Spotify speichern.</translation>
    </message>
    <message>
        <source>As a &amp;new playlist</source>
        <translation>Als &amp;neue Playlist</translation>
    </message>
    <message>
        <source>&amp;Public (anyone can find it on your profile)</source>
        <translation>&amp;Öffentlich (jeder kann sie in Ihrem Profil finden)</translation>
    </message>
    <message>
        <source>&amp;Add to one of your playlists</source>
        <translation>Zu einer Ihrer Playlists &amp;hinzufügen</translation>
    </message>
    <message>
        <source>Only playlists you own or collaborate on can be changed.</source>
        <translation>Nur eigene Playlists und solche, an denen Sie mitarbeiten, können geändert werden.</translation>
    </message>
    <message>
        <source>Look up the %1 without a Spotify link by ISRC or title (one Spotify call each)</source>
        <translation>Die %1 ohne Spotify-Link über ISRC oder Titel nachschlagen (je eine Spotify-Anfrage)</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>Na&amp;me:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>&amp;Open in Spotify</source>
        <translation>In Spotify ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Signing in to Spotify…</source>
        <translation>Anmeldung bei Spotify …</translation>
    </message>
    <message>
        <source>Sign in to Spotify to save playlists there.</source>
        <translation>Melden Sie sich bei Spotify an, um dort Playlists zu speichern.</translation>
    </message>
    <message>
        <source>Sign &amp;in…</source>
        <translation>&amp;Anmelden …</translation>
    </message>
    <message>
        <source>Your Spotify sign-in does not let Encore change playlists: it was made before Encore asked for that. Sign in again to allow it.</source>
        <translation>Ihre Spotify-Anmeldung erlaubt Encore nicht, Playlists zu ändern: Sie stammt aus der Zeit, bevor Encore darum gebeten hat. Melden Sie sich erneut an, um es zu erlauben.</translation>
    </message>
    <message>
        <source>Sign &amp;in again…</source>
        <translation>Erneut &amp;anmelden …</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Looking up songs on Spotify…</source>
        <translation>Songs werden auf Spotify gesucht …</translation>
    </message>
    <message>
        <source>None of these songs could be found on Spotify, so nothing was saved.</source>
        <translation>Keiner dieser Songs wurde auf Spotify gefunden; daher wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>Saving to Spotify…</source>
        <translation>Wird in Spotify gespeichert …</translation>
    </message>
    <message>
        <source>Added %1 of %2…</source>
        <translation>%1 von %2 hinzugefügt …</translation>
    </message>
    <message>
        <source>%1 of %2 are in “%3”; Retry adds the rest.</source>
        <translation>%1 von %2 sind in „%3“; „Wiederholen“ fügt den Rest hinzu.</translation>
    </message>
    <message>
        <source>Added %1 to “%2”.</source>
        <translation>%1 zu „%2“ hinzugefügt.</translation>
    </message>
    <message>
        <source>Not found on Spotify, so not saved: %1.</source>
        <translation>Nicht auf Spotify gefunden und daher nicht gespeichert: %1.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>encore::SeedSession</name>
    <message>
        <source>Undone: %1.</source>
        <translation>Rückgängig gemacht: %1.</translation>
    </message>
    <message>
        <source>a playlist no longer in the library</source>
        <translation>eine Playlist, die nicht mehr in der Bibliothek ist</translation>
    </message>
    <message>
        <source>the playlist “%1”</source>
        <translation>die Playlist „%1“</translation>
    </message>
    <message>
        <source>a song no longer in the library</source>
        <translation>ein Song, der nicht mehr in der Bibliothek ist</translation>
    </message>
    <message>
        <source>Only the Hybrid method takes a whole playlist as the seed: choose it under Method, or pick one track as the seed.</source>
        <translation>Nur die Methode Hybrid nimmt eine ganze Playlist als Ausgangspunkt: Wählen Sie sie unter „Methode“ oder nehmen Sie einen einzelnen Titel als Ausgangssong.</translation>
    </message>
    <message>
        <source>Cleared your reaction to %1</source>
        <translation>Ihre Bewertung von %1 gelöscht</translation>
    </message>
    <message>
        <source>Liked %1</source>
        <translation>%1 gemocht</translation>
    </message>
    <message>
        <source>Disliked %1</source>
        <translation>%1 abgelehnt</translation>
    </message>
    <message>
        <source>Removed %1 from Liked</source>
        <translation>%1 aus „Gefällt mir“ entfernt</translation>
    </message>
    <message>
        <source>Undo %1</source>
        <translation>%1 rückgängig machen</translation>
    </message>
    <message>
        <source>Redo %1</source>
        <translation>%1 wiederherstellen</translation>
    </message>
    <message>
        <source>Your library cannot be changed now (it is read-only, or its first import is still saving it), so this reaction was not kept.</source>
        <translation>Ihre Bibliothek kann gerade nicht geändert werden (sie ist schreibgeschützt, oder ihr erster Import speichert sie noch), daher wurde diese Reaktion nicht übernommen.</translation>
    </message>
</context>
<context>
    <name>encore::ShortcutTableModel</name>
    <message>
        <source>Window</source>
        <translation>Fenster</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menü</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Tastenkürzel</translation>
    </message>
</context>
<context>
    <name>encore::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Search shortcuts</source>
        <translation>Tastenkürzel durchsuchen</translation>
    </message>
</context>
<context>
    <name>encore::SpotifyPane</name>
    <message>
        <source>Read your playlists from Spotify again</source>
        <translation>Ihre Playlists erneut von Spotify einlesen</translation>
    </message>
    <message>
        <source>Sign in with your Spotify app to bring your own playlists into Encore.</source>
        <translation>Melden Sie sich mit Ihrer Spotify-App an, um Ihre eigenen Playlists in Encore zu holen.</translation>
    </message>
    <message>
        <source>Sign in with Spotify…</source>
        <translation>Mit Spotify anmelden …</translation>
    </message>
    <message>
        <source>&lt;b&gt;Spotify&lt;/b&gt; · %1</source>
        <translation>&lt;b&gt;Spotify&lt;/b&gt; · %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Spotify&lt;/b&gt;</source>
        <translation>&lt;b&gt;Spotify&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Signing in to Spotify…</source>
        <translation>Anmeldung bei Spotify …</translation>
    </message>
    <message>
        <source>Reading your playlists…</source>
        <translation>Ihre Playlists werden eingelesen …</translation>
    </message>
    <message>
        <source>Your playlists could not be read: %1</source>
        <translation>Ihre Playlists konnten nicht eingelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>encore::SpotifyPlaylistModel</name>
    <message>
        <source>(untitled playlist)</source>
        <translation>(Playlist ohne Namen)</translation>
    </message>
    <message>
        <source>Collaborative, by %1</source>
        <translation>Gemeinsam, von %1</translation>
    </message>
    <message>
        <source>By %1</source>
        <translation>Von %1</translation>
    </message>
    <message>
        <source>In your library</source>
        <translation>In Ihrer Bibliothek</translation>
    </message>
    <message>
        <source>Changed on Spotify since it was read</source>
        <translation>Seit dem Einlesen auf Spotify geändert</translation>
    </message>
    <message>
        <source>Not read yet: select it to read its tracks</source>
        <translation>Noch nicht eingelesen: Wählen Sie sie aus, um ihre Titel einzulesen</translation>
    </message>
</context>
<context>
    <name>encore::SpotifySearchPlan</name>
    <message>
        <source>%1 of %2 Spotify searches used today.</source>
        <translation>%1 von %2 Spotify-Suchen heute verbraucht.</translation>
    </message>
</context>
<context>
    <name>encore::SpotifySignInDialog</name>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy &amp;link</source>
        <translation>&amp;Link kopieren</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Sign in with Spotify</source>
        <translation>Mit Spotify anmelden</translation>
    </message>
    <message>
        <source>&lt;p&gt;Encore signs in through a Spotify app of your own. Setting one up takes a few minutes, once:&lt;/p&gt;&lt;ol&gt;&lt;li&gt;Open the &lt;a href=&quot;https://developer.spotify.com/dashboard&quot;&gt;Spotify developer dashboard&lt;/a&gt;, log in and choose &lt;b&gt;Create app&lt;/b&gt;. Any name and description will do; under the APIs it uses, tick &lt;b&gt;Web API&lt;/b&gt;.&lt;/li&gt;&lt;li&gt;Add the &lt;b&gt;Redirect URI&lt;/b&gt; shown below, exactly as it is. (Spotify refuses &lt;i&gt;localhost&lt;/i&gt;; use 127.0.0.1 as shown.)&lt;/li&gt;&lt;li&gt;While the app is in development mode, only the people listed may sign in: under &lt;b&gt;User Management&lt;/b&gt;, add the e-mail address of your Spotify account.&lt;/li&gt;&lt;li&gt;Copy the app&apos;s &lt;b&gt;Client ID&lt;/b&gt; from its settings and paste it below.&lt;/li&gt;&lt;/ol&gt;</source>
        <translation>&lt;p&gt;Encore meldet sich über eine eigene Spotify-App an. Das Einrichten dauert einmalig ein paar Minuten:&lt;/p&gt;&lt;ol&gt;&lt;li&gt;Öffnen Sie das &lt;a href=&quot;https://developer.spotify.com/dashboard&quot;&gt;Spotify-Entwickler-Dashboard&lt;/a&gt;, melden Sie sich an und wählen Sie &lt;b&gt;Create app&lt;/b&gt;. Name und Beschreibung sind beliebig; kreuzen Sie bei den verwendeten APIs &lt;b&gt;Web API&lt;/b&gt; an.&lt;/li&gt;&lt;li&gt;Tragen Sie die unten gezeigte &lt;b&gt;Redirect URI&lt;/b&gt; genau so ein. (Spotify lehnt &lt;i&gt;localhost&lt;/i&gt; ab; verwenden Sie wie gezeigt 127.0.0.1.)&lt;/li&gt;&lt;li&gt;Solange die App im Entwicklungsmodus ist, dürfen sich nur die eingetragenen Personen anmelden: Fügen Sie unter &lt;b&gt;User Management&lt;/b&gt; die E-Mail-Adresse Ihres Spotify-Kontos hinzu.&lt;/li&gt;&lt;li&gt;Kopieren Sie die &lt;b&gt;Client ID&lt;/b&gt; der App aus ihren Einstellungen und fügen Sie sie unten ein.&lt;/li&gt;&lt;/ol&gt;</translation>
    </message>
    <message>
        <source>Copy the redirect URI, to paste it into the dashboard</source>
        <translation>Die Weiterleitungs-URI kopieren, um sie im Dashboard einzufügen</translation>
    </message>
    <message>
        <source>The port on this computer where Spotify sends you back to Encore. If you change it, add the new redirect URI to your app too.</source>
        <translation>Der Port auf diesem Computer, über den Spotify Sie zu Encore zurückschickt. Wenn Sie ihn ändern, tragen Sie die neue Weiterleitungs-URI auch in Ihrer App ein.</translation>
    </message>
    <message>
        <source>Change it only if this port is taken.</source>
        <translation>Ändern Sie ihn nur, wenn dieser Port belegt ist.</translation>
    </message>
    <message>
        <source>32 letters and digits, from the app&apos;s settings</source>
        <translation>32 Buchstaben und Ziffern, aus den Einstellungen der App</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>Redirect URI:</source>
        <translation>Weiterleitungs-URI:</translation>
    </message>
    <message>
        <source>Client &amp;ID:</source>
        <translation>Client-&amp;ID:</translation>
    </message>
    <message>
        <source>No browser opened? Copy the link to Spotify&apos;s page and open it in your browser.</source>
        <translation>Kein Browser geöffnet? Kopieren Sie den Link zur Spotify-Seite und öffnen Sie ihn in Ihrem Browser.</translation>
    </message>
    <message>
        <source>A Client ID has only letters and digits; check what was pasted.</source>
        <translation>Eine Client-ID besteht nur aus Buchstaben und Ziffern; prüfen Sie, was eingefügt wurde.</translation>
    </message>
    <message>
        <source>Spotify&apos;s Client IDs are 32 characters of 0–9 and a–f; check that all of it was copied.</source>
        <translation>Spotify-Client-IDs bestehen aus 32 Zeichen aus 0–9 und a–f; prüfen Sie, ob alles kopiert wurde.</translation>
    </message>
    <message>
        <source>No browser opened. Copy the link, open it in your browser and approve Encore there…</source>
        <translation>Kein Browser geöffnet. Kopieren Sie den Link, öffnen Sie ihn in Ihrem Browser und erlauben Sie Encore dort den Zugriff …</translation>
    </message>
    <message>
        <source>Waiting for you to approve Encore in your browser…</source>
        <translation>Warten, bis Sie Encore in Ihrem Browser den Zugriff erlauben …</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
</context>
<context>
    <name>encore::TaskProgressWidget</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>encore::TrackPane</name>
    <message>
        <source>Filter by title, artist or album (Ctrl+F)</source>
        <translation>Nach Titel, Interpret oder Album filtern (Strg+F)</translation>
    </message>
    <message>
        <source>Search the &amp;library</source>
        <translation>Die &amp;Bibliothek durchsuchen</translation>
    </message>
    <message>
        <source>Recomme&amp;nd for this playlist</source>
        <translation>Für diese Playlist em&amp;pfehlen</translation>
    </message>
    <message>
        <source>Find songs for the whole playlist shown, as if all its tracks were the seed (Hybrid method)</source>
        <translation>Songs für die ganze angezeigte Playlist finden, als wären alle ihre Titel der Ausgangssong (Methode Hybrid)</translation>
    </message>
    <message>
        <source>Look for the words in every track of the library (Ctrl+K)</source>
        <translation>In allen Titeln der Bibliothek nach den Wörtern suchen (Strg+K)</translation>
    </message>
    <message>
        <source>Search all tracks</source>
        <translation>Alle Titel durchsuchen</translation>
    </message>
    <message>
        <source>track</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>tracks</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>%1 of %2 shown</source>
        <translation>%1 von %2 angezeigt</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <comment>list name — its track count</comment>
        <translation>%1 – %2</translation>
    </message>
</context>
<context>
    <name>encore::TrackTableModel</name>
    <message>
        <source>#</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Artists</source>
        <translation>Interpreten</translation>
    </message>
    <message>
        <source>Album</source>
        <translation>Album</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Jahr</translation>
    </message>
    <message>
        <source>Pop.</source>
        <comment>popularity, as a column header</comment>
        <translation>Bel.</translation>
    </message>
    <message>
        <source>Time</source>
        <comment>duration, as a column header</comment>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Genre</source>
        <translation>Genre</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>Merkmale</translation>
    </message>
    <message>
        <source>Liked for</source>
        <translation>Gemocht für</translation>
    </message>
    <message>
        <source>Position in the playlist</source>
        <translation>Position in der Playlist</translation>
    </message>
    <message>
        <source>Spotify popularity, 0–100, as the catalog gave it</source>
        <translation>Spotify-Beliebtheit, 0–100, laut Katalog</translation>
    </message>
    <message>
        <source>Genre of the playlist the catalog found the track in</source>
        <translation>Genre der Playlist, in der der Katalog den Titel fand</translation>
    </message>
    <message>
        <source>Where the track&apos;s audio features came from</source>
        <translation>Woher die Audiomerkmale des Titels stammen</translation>
    </message>
    <message>
        <source>The seeds you liked the song for, the latest first</source>
        <translation>Die Ausgangssongs, für die Ihnen der Song gefiel, der neueste zuerst</translation>
    </message>
    <message>
        <source>Popularity</source>
        <translation>Beliebtheit</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
</context>
<context>
    <name>encore::WelcomeView</name>
    <message>
        <source>Welcome to Encore</source>
        <translation>Willkommen bei Encore</translation>
    </message>
    <message>
        <source>Pick a song you love and Encore finds the songs that sound most like it, and shows why.</source>
        <translation>Wählen Sie einen Song, den Sie lieben, und Encore findet die Songs, die am ähnlichsten klingen, und zeigt, warum.</translation>
    </message>
    <message>
        <source>&amp;Open catalog…</source>
        <translation>Katalog ö&amp;ffnen …</translation>
    </message>
    <message>
        <source>Import a catalog file (.csv or .csv.gz) into your library</source>
        <translation>Eine Katalogdatei (.csv oder .csv.gz) in Ihre Bibliothek importieren</translation>
    </message>
    <message>
        <source>Sign &amp;in with Spotify…</source>
        <translation>Mit Spotify &amp;anmelden …</translation>
    </message>
    <message>
        <source>Use your own playlists: sign in with a Spotify app of your own</source>
        <translation>Ihre eigenen Playlists verwenden: mit einer eigenen Spotify-App anmelden</translation>
    </message>
    <message>
        <source>&amp;Get the starter catalog</source>
        <translation>&amp;Startkatalog holen</translation>
    </message>
    <message>
        <source>Download TidyTuesday&apos;s catalog of 28,356 songs from 471 Spotify playlists (about 8 MB, MIT licence) and import it</source>
        <translation>Den TidyTuesday-Katalog mit 28.356 Songs aus 471 Spotify-Playlists (etwa 8 MB, MIT-Lizenz) herunterladen und importieren</translation>
    </message>
    <message>
        <source>No catalog yet? The starter catalog is TidyTuesday&apos;s of 2020-01-21: 28,356 songs from 471 Spotify playlists, about 8 MB. You can also drop a .csv or .csv.gz file onto this window.</source>
        <translation>Noch kein Katalog? Der Startkatalog ist der von TidyTuesday vom 21.01.2020: 28.356 Songs aus 471 Spotify-Playlists, etwa 8 MB. Sie können auch eine .csv- oder .csv.gz-Datei auf dieses Fenster ziehen.</translation>
    </message>
    <message>
        <source>Encore reads your playlists with a free Spotify developer app of your own; the sign-in dialog shows how to make one in two minutes.</source>
        <translation>Encore liest Ihre Playlists mit einer eigenen, kostenlosen Spotify-Entwickler-App; der Anmeldedialog zeigt, wie Sie in zwei Minuten eine anlegen.</translation>
    </message>
</context>
<context>
    <name>encore::WindowStatusBar</name>
    <message>
        <source>Stop the import; the library stays as it was</source>
        <translation>Den Import stoppen; die Bibliothek bleibt, wie sie war</translation>
    </message>
    <message>
        <source>Stop reading; the library stays as it was</source>
        <translation>Das Einlesen stoppen; die Bibliothek bleibt, wie sie war</translation>
    </message>
    <message>
        <source>Stop looking; the features found so far are kept</source>
        <translation>Die Suche stoppen; die bisher gefundenen Merkmale bleiben erhalten</translation>
    </message>
    <message>
        <source>Which rows of the last catalog were skipped, and why</source>
        <translation>Welche Zeilen des letzten Katalogs übersprungen wurden und warum</translation>
    </message>
    <message>
        <source>%1 skipped — details…</source>
        <translation>%1 übersprungen – Details …</translation>
    </message>
    <message>
        <source>row</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>Stop discovering; the songs found so far are kept</source>
        <translation>Entdecken beenden; die bisher gefundenen Songs bleiben erhalten</translation>
    </message>
</context>
<context>
    <name>encore::analysisprovider</name>
    <message>
        <source>The preview&apos;s server</source>
        <translation>Der Server der Hörprobe</translation>
    </message>
    <message>
        <source>Analysing previews</source>
        <translation>Hörproben werden analysiert</translation>
    </message>
</context>
<context>
    <name>encore::audiodecoder</name>
    <message>
        <source>Could not read %1 (%2).</source>
        <translation>%1 konnte nicht gelesen werden (%2).</translation>
    </message>
    <message>
        <source>Audio decoding is not available on this system (%1).</source>
        <translation>Audio-Dekodierung ist auf diesem System nicht verfügbar (%1).</translation>
    </message>
    <message>
        <source>Could not decode %1: the format is unknown or the data is damaged (%2).</source>
        <translation>%1 konnte nicht dekodiert werden: Das Format ist unbekannt oder die Daten sind beschädigt (%2).</translation>
    </message>
    <message>
        <source>Decoding has not finished.</source>
        <translation>Die Dekodierung ist nicht abgeschlossen.</translation>
    </message>
    <message>
        <source>Decoding %1 took longer than %2 seconds.</source>
        <translation>Die Dekodierung von %1 dauerte länger als %2 Sekunden.</translation>
    </message>
    <message>
        <source>There is no audio file at %1.</source>
        <translation>Unter %1 gibt es keine Audiodatei.</translation>
    </message>
    <message>
        <source>Could not read %1.</source>
        <translation>%1 konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>the audio data</source>
        <translation>die Audiodaten</translation>
    </message>
    <message>
        <source>The audio data is empty.</source>
        <translation>Die Audiodaten sind leer.</translation>
    </message>
    <message>
        <source>Audio decoding is not available on this system.</source>
        <translation>Audio-Dekodierung ist auf diesem System nicht verfügbar.</translation>
    </message>
    <message>
        <source>Decoding was cancelled.</source>
        <translation>Die Dekodierung wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The audio decoder gave %1 Hz audio instead of %2 Hz.</source>
        <translation>Der Audio-Dekoder lieferte %1 Hz statt %2 Hz.</translation>
    </message>
    <message>
        <source>Found no audio in %1.</source>
        <translation>In %1 wurde kein Audio gefunden.</translation>
    </message>
</context>
<context>
    <name>encore::audiofeatures</name>
    <message>
        <source>Danceability</source>
        <translation>Tanzbarkeit</translation>
    </message>
    <message>
        <source>Energy</source>
        <translation>Energie</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Tonart</translation>
    </message>
    <message>
        <source>Loudness</source>
        <translation>Lautheit</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Tongeschlecht</translation>
    </message>
    <message>
        <source>Speechiness</source>
        <translation>Sprachanteil</translation>
    </message>
    <message>
        <source>Acousticness</source>
        <translation>Akustik</translation>
    </message>
    <message>
        <source>Instrumentalness</source>
        <translation>Instrumentalität</translation>
    </message>
    <message>
        <source>Liveness</source>
        <translation>Live-Charakter</translation>
    </message>
    <message>
        <source>Valence</source>
        <translation>Stimmung</translation>
    </message>
    <message>
        <source>Tempo</source>
        <translation>Tempo</translation>
    </message>
    <message>
        <source>danceability</source>
        <translation>Tanzbarkeit</translation>
    </message>
    <message>
        <source>energy</source>
        <translation>Energie</translation>
    </message>
    <message>
        <source>key</source>
        <translation>Tonart</translation>
    </message>
    <message>
        <source>loudness</source>
        <translation>Lautheit</translation>
    </message>
    <message>
        <source>mode</source>
        <translation>Tongeschlecht</translation>
    </message>
    <message>
        <source>speechiness</source>
        <translation>Sprachanteil</translation>
    </message>
    <message>
        <source>acousticness</source>
        <translation>Akustik</translation>
    </message>
    <message>
        <source>instrumentalness</source>
        <translation>Instrumentalität</translation>
    </message>
    <message>
        <source>liveness</source>
        <translation>Live-Charakter</translation>
    </message>
    <message>
        <source>valence</source>
        <translation>Stimmung</translation>
    </message>
    <message>
        <source>tempo</source>
        <translation>Tempo</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>no key</source>
        <translation>keine Tonart</translation>
    </message>
    <message>
        <source>major</source>
        <translation>Dur</translation>
    </message>
    <message>
        <source>minor</source>
        <translation>Moll</translation>
    </message>
    <message>
        <source>unknown key</source>
        <translation>unbekannte Tonart</translation>
    </message>
    <message>
        <source>%1 major</source>
        <translation>%1-Dur</translation>
    </message>
    <message>
        <source>%1 minor</source>
        <translation>%1-Moll</translation>
    </message>
    <message>
        <source>%1 or %2</source>
        <translation>%1 oder %2</translation>
    </message>
    <message>
        <source>%1 to %2, whole numbers</source>
        <translation>%1 bis %2, ganze Zahlen</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
</context>
<context>
    <name>encore::catalogimporter</name>
    <message>
        <source>Import of &quot;%1&quot; was cancelled.</source>
        <translation>Der Import von „%1“ wurde abgebrochen.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is empty; a catalog needs a header row naming its columns.</source>
        <translation>„%1“ ist leer; ein Katalog braucht eine Kopfzeile, die seine Spalten benennt.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; separates its columns with %2; Encore reads comma-separated files. Save it as CSV with commas and import that.</source>
        <translation>„%1“ trennt seine Spalten mit %2; Encore liest durch Kommas getrennte Dateien. Speichern Sie sie als CSV mit Kommas und importieren Sie diese.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has two columns named &quot;%2&quot; (columns %3 and %4); rename one and import it again.</source>
        <translation>„%1“ hat zwei Spalten namens „%2“ (Spalten %3 und %4); benennen Sie eine um und importieren Sie die Datei erneut.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has no track id column; the header needs one of %2 (case, spaces and underscores do not matter).</source>
        <translation>„%1“ hat keine Spalte mit Titel-IDs; die Kopfzeile braucht eine von %2 (Groß- und Kleinschreibung, Leerzeichen und Unterstriche spielen keine Rolle).</translation>
    </message>
    <message>
        <source>No row of &quot;%1&quot; could be used, so nothing was imported (%2 skipped; the first, on line %3: %4).</source>
        <translation>Keine Zeile von „%1“ war verwendbar, daher wurde nichts importiert (%2 übersprungen; die erste, in Zeile %3: %4).</translation>
    </message>
</context>
<context>
    <name>encore::catalogprovider</name>
    <message>
        <source>Matching the imported catalogs</source>
        <translation>Abgleich mit den importierten Katalogen</translation>
    </message>
</context>
<context>
    <name>encore::catalogrow</name>
    <message>
        <source>a quoted field is not closed</source>
        <translation>ein Feld in Anführungszeichen ist nicht geschlossen</translation>
    </message>
    <message>
        <source>row has %1 fields, header has %2</source>
        <translation>die Zeile hat %1 Felder, die Kopfzeile %2</translation>
    </message>
    <message>
        <source>no track id</source>
        <translation>keine Titel-ID</translation>
    </message>
    <message>
        <source>local file, not on Spotify</source>
        <translation>lokale Datei, nicht auf Spotify</translation>
    </message>
    <message>
        <source>not a Spotify track id: %1</source>
        <translation>keine Spotify-Titel-ID: %1</translation>
    </message>
    <message>
        <source>%1 is not a number: %2</source>
        <translation>%1 ist keine Zahl: %2</translation>
    </message>
    <message>
        <source>%1 is out of range (%2): %3</source>
        <translation>%1 liegt außerhalb des Bereichs (%2): %3</translation>
    </message>
</context>
<context>
    <name>encore::columnfile</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>encore::csvreader</name>
    <message>
        <source>Cannot read &quot;%1&quot;: it is a folder.</source>
        <translation>„%1“ kann nicht gelesen werden: Es ist ein Ordner.</translation>
    </message>
    <message>
        <source>Cannot read &quot;%1&quot;: it is a device, not a file, and may never end. Import a file, or pipe one in.</source>
        <translation>„%1“ kann nicht gelesen werden: Es ist ein Gerät, keine Datei, und endet vielleicht nie. Importieren Sie eine Datei oder leiten Sie eine per Pipe ein.</translation>
    </message>
    <message>
        <source>Cannot open &quot;%1&quot;: %2.</source>
        <translation>„%1“ kann nicht geöffnet werden: %2.</translation>
    </message>
    <message>
        <source>Cannot decompress &quot;%1&quot;: zlib did not start.</source>
        <translation>„%1“ kann nicht entpackt werden: zlib ist nicht gestartet.</translation>
    </message>
    <message>
        <source>Cannot read &quot;%1&quot;: %2.</source>
        <translation>„%1“ kann nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>the compressed data ends too early (the file is truncated)</source>
        <translation>die komprimierten Daten enden zu früh (die Datei ist abgeschnitten)</translation>
    </message>
    <message>
        <source>the compressed data is damaged (%1)</source>
        <translation>die komprimierten Daten sind beschädigt (%1)</translation>
    </message>
    <message>
        <source>it is UTF-32 text; save it as UTF-8 and import that</source>
        <translation>es ist UTF-32-Text; speichern Sie ihn als UTF-8 und importieren Sie diesen</translation>
    </message>
    <message>
        <source>it is UTF-16 text (as Excel&apos;s &quot;Unicode text&quot; saves); save it as UTF-8 and import that</source>
        <translation>es ist UTF-16-Text (wie ihn Excel als „Unicode-Text“ speichert); speichern Sie ihn als UTF-8 und importieren Sie diesen</translation>
    </message>
    <message>
        <source>Cannot read &quot;%1&quot;: the record starting on line %2 never ends; a quote is probably not closed.</source>
        <translation>„%1“ kann nicht gelesen werden: Der Datensatz ab Zeile %2 endet nie; vermutlich ist ein Anführungszeichen nicht geschlossen.</translation>
    </message>
</context>
<context>
    <name>encore::databaseerror</name>
    <message>
        <source>The library database could not %1 (%2).</source>
        <translation>Die Bibliotheksdatenbank konnte nicht %1 (%2).</translation>
    </message>
</context>
<context>
    <name>encore::deezertempoprovider</name>
    <message>
        <source>Asking Deezer</source>
        <translation>Deezer wird gefragt</translation>
    </message>
</context>
<context>
    <name>encore::discovery</name>
    <message>
        <source>ReccoBeats recommends it for this seed</source>
        <translation>ReccoBeats empfiehlt ihn für diesen Ausgangssong</translation>
    </message>
    <message>
        <source>top song of %1 on Deezer</source>
        <translation>Top-Song von %1 bei Deezer</translation>
    </message>
    <message>
        <source>top song of %1, related to %2 on Deezer</source>
        <translation>Top-Song von %1, verwandt mit %2 bei Deezer</translation>
    </message>
</context>
<context>
    <name>encore::discoveryjson</name>
    <message>
        <source>%1 sent an answer Encore cannot read.</source>
        <translation>%1 hat eine Antwort geschickt, die Encore nicht lesen kann.</translation>
    </message>
    <message>
        <source>Deezer is limiting requests; try again in a few minutes.</source>
        <translation>Deezer begrenzt die Anfragen; versuchen Sie es in ein paar Minuten erneut.</translation>
    </message>
    <message>
        <source>Deezer does not know this song.</source>
        <translation>Deezer kennt diesen Song nicht.</translation>
    </message>
    <message>
        <source>Deezer refused the request: %1</source>
        <translation>Deezer hat die Anfrage abgelehnt: %1</translation>
    </message>
</context>
<context>
    <name>encore::evaluation</name>
    <message>
        <source>No playlist has %1 or more tracks with audio features to measure with.</source>
        <translation>Keine Playlist hat %1 oder mehr Titel mit Audiomerkmalen, mit denen sich messen ließe.</translation>
    </message>
    <message>
        <source>Tuning needs two playlists with %1 or more tracks with audio features.</source>
        <translation>Das Abstimmen braucht zwei Playlists mit %1 oder mehr Titeln mit Audiomerkmalen.</translation>
    </message>
</context>
<context>
    <name>encore::explanation</name>
    <message>
        <source>%1 vs %2</source>
        <translation>%1 gegenüber %2</translation>
    </message>
    <message>
        <source>same key</source>
        <translation>gleiche Tonart</translation>
    </message>
    <message>
        <source>key %1</source>
        <translation>Tonart %1</translation>
    </message>
    <message>
        <source>both %1</source>
        <translation>beide %1</translation>
    </message>
    <message>
        <source>similar %1</source>
        <translation>%1 ähnlich</translation>
    </message>
    <message>
        <source>most like one of its songs</source>
        <translation>am ähnlichsten einem ihrer Songs</translation>
    </message>
    <message>
        <source>most like “%1”</source>
        <translation>am ähnlichsten „%1“</translation>
    </message>
    <message>
        <source>same artist</source>
        <translation>gleicher Interpret</translation>
    </message>
    <message>
        <source>it</source>
        <translation>ihr</translation>
    </message>
    <message>
        <source>the seed</source>
        <translation>dem Ausgangssong</translation>
    </message>
    <message>
        <source>in 1 playlist with %1</source>
        <translation>in 1 Playlist mit %1</translation>
    </message>
    <message numerus="yes">
        <source>in %n playlists with %1</source>
        <translation>
            <numerusform>in %n Playlist mit %1</numerusform>
            <numerusform>in %n Playlists mit %1</numerusform>
        </translation>
    </message>
    <message>
        <source>same %1 (%2)</source>
        <translation>%1 gleich (%2)</translation>
    </message>
    <message>
        <source>no audio features compared</source>
        <translation>keine Audiomerkmale verglichen</translation>
    </message>
    <message>
        <source>%1 only: 1 of %2 features compared</source>
        <translation>nur %1: 1 von %2 Merkmalen verglichen</translation>
    </message>
    <message>
        <source>%1 of %2 features compared</source>
        <translation>%1 von %2 Merkmalen verglichen</translation>
    </message>
</context>
<context>
    <name>encore::exportfile</name>
    <message>
        <source>Encore can&apos;t tell what to write from the name &quot;%1&quot;: end it in .csv, .m3u8 or .json.</source>
        <translation>Encore erkennt am Namen „%1“ nicht, was geschrieben werden soll: Lassen Sie ihn auf .csv, .m3u8 oder .json enden.</translation>
    </message>
    <message>
        <source>Encore could not write %1: %2.</source>
        <translation>Encore konnte %1 nicht schreiben: %2.</translation>
    </message>
</context>
<context>
    <name>encore::featureanalyzer</name>
    <message>
        <source>The audio&apos;s sample rate (%1 Hz) is too low to analyse.</source>
        <translation>Die Abtastrate des Audios (%1 Hz) ist zu niedrig für eine Analyse.</translation>
    </message>
    <message>
        <source>The audio is too short to analyse: it needs at least %1 seconds.</source>
        <translation>Das Audio ist zu kurz für eine Analyse: Es braucht mindestens %1 Sekunden.</translation>
    </message>
    <message>
        <source>The audio is silent.</source>
        <translation>Das Audio ist still.</translation>
    </message>
</context>
<context>
    <name>encore::featurefiller</name>
    <message>
        <source>Finding audio features was cancelled.</source>
        <translation>Die Suche nach Audiomerkmalen wurde abgebrochen.</translation>
    </message>
</context>
<context>
    <name>encore::librarydb</name>
    <message>
        <source>Could not create the folder %1 for the library.</source>
        <translation>Der Ordner %1 für die Bibliothek konnte nicht angelegt werden.</translation>
    </message>
    <message>
        <source>be opened</source>
        <translation>geöffnet werden</translation>
    </message>
    <message>
        <source>be configured</source>
        <translation>eingerichtet werden</translation>
    </message>
    <message>
        <source>report its version</source>
        <translation>ihre Version melden</translation>
    </message>
    <message>
        <source>The library at %1 was written by a newer version of Encore.</source>
        <translation>Die Bibliothek unter %1 wurde von einer neueren Version von Encore geschrieben.</translation>
    </message>
    <message>
        <source>be upgraded</source>
        <translation>aktualisiert werden</translation>
    </message>
    <message>
        <source>read the library&apos;s artists</source>
        <translation>die Interpreten der Bibliothek lesen</translation>
    </message>
    <message>
        <source>start a transaction</source>
        <translation>eine Transaktion beginnen</translation>
    </message>
    <message>
        <source>split a track&apos;s artists</source>
        <translation>die Interpreten eines Titels aufteilen</translation>
    </message>
    <message>
        <source>store a track</source>
        <translation>einen Titel speichern</translation>
    </message>
    <message>
        <source>store audio features</source>
        <translation>Audiomerkmale speichern</translation>
    </message>
    <message>
        <source>store a playlist</source>
        <translation>eine Playlist speichern</translation>
    </message>
    <message>
        <source>update a playlist</source>
        <translation>eine Playlist aktualisieren</translation>
    </message>
    <message>
        <source>store a playlist entry</source>
        <translation>einen Playlist-Eintrag speichern</translation>
    </message>
    <message>
        <source>record the import</source>
        <translation>den Import verzeichnen</translation>
    </message>
    <message>
        <source>record the change</source>
        <translation>die Änderung verzeichnen</translation>
    </message>
    <message>
        <source>save the import</source>
        <translation>den Import speichern</translation>
    </message>
    <message>
        <source>read a playlist</source>
        <translation>eine Playlist lesen</translation>
    </message>
    <message>
        <source>The playlist %1 is not in the library.</source>
        <translation>Die Playlist %1 ist nicht in der Bibliothek.</translation>
    </message>
    <message>
        <source>read the library&apos;s generation</source>
        <translation>den Stand der Bibliothek lesen</translation>
    </message>
    <message>
        <source>read the tracks</source>
        <translation>die Titel lesen</translation>
    </message>
    <message>
        <source>read the playlists</source>
        <translation>die Playlists lesen</translation>
    </message>
    <message>
        <source>read the playlist entries</source>
        <translation>die Playlist-Einträge lesen</translation>
    </message>
    <message>
        <source>save audio features</source>
        <translation>Audiomerkmale speichern</translation>
    </message>
    <message>
        <source>read the analyses</source>
        <translation>die Analysen lesen</translation>
    </message>
    <message>
        <source>record an analysis</source>
        <translation>eine Analyse verzeichnen</translation>
    </message>
    <message>
        <source>read your likes and dislikes</source>
        <translation>Ihre Bewertungen lesen</translation>
    </message>
    <message>
        <source>save your reaction</source>
        <translation>Ihre Bewertung speichern</translation>
    </message>
    <message>
        <source>clear your reaction</source>
        <translation>Ihre Bewertung löschen</translation>
    </message>
    <message>
        <source>remove the song from your likes</source>
        <translation>den Song aus „Gefällt mir“ entfernen</translation>
    </message>
    <message>
        <source>The library at %1 is read-only: Encore can rank from it, but cannot save any change to it.</source>
        <translation>Die Bibliothek unter %1 ist schreibgeschützt: Encore kann daraus empfehlen, aber keine Änderung speichern.</translation>
    </message>
    <message>
        <source>Stopped waiting for the other Encore; nothing was saved.</source>
        <translation>Das Warten auf das andere Encore wurde beendet; nichts wurde gespeichert.</translation>
    </message>
    <message>
        <source>The library at %1 is read-only, and this version of Encore must update it before reading it.</source>
        <translation>Die Bibliothek unter %1 ist schreibgeschützt, und diese Version von Encore muss sie vor dem Lesen aktualisieren.</translation>
    </message>
    <message>
        <source>The library at %1 is read-only, so nothing can be imported into it.</source>
        <translation>Die Bibliothek unter %1 ist schreibgeschützt, daher kann nichts in sie importiert werden.</translation>
    </message>
    <message>
        <source>store the discovered songs</source>
        <translation>die entdeckten Songs speichern</translation>
    </message>
    <message>
        <source>read the discovered songs</source>
        <translation>die entdeckten Songs lesen</translation>
    </message>
    <message>
        <source>read Spotify&apos;s earlier answers</source>
        <translation>Spotifys frühere Antworten lesen</translation>
    </message>
    <message>
        <source>read today&apos;s Spotify searches</source>
        <translation>die heutigen Spotify-Suchen lesen</translation>
    </message>
    <message>
        <source>store Spotify&apos;s answers</source>
        <translation>Spotifys Antworten speichern</translation>
    </message>
    <message>
        <source>store an album cover</source>
        <translation>ein Albumcover speichern</translation>
    </message>
    <message>
        <source>read the album covers</source>
        <translation>die Albumcover lesen</translation>
    </message>
    <message>
        <source>The import was cancelled.</source>
        <translation>Der Import wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>%1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>… and %1 more skipped</source>
        <translation>… und %1 weitere übersprungen</translation>
    </message>
    <message>
        <source>prepare the import</source>
        <translation>den Import vorbereiten</translation>
    </message>
    <message>
        <source>finish the import</source>
        <translation>den Import abschließen</translation>
    </message>
    <message>
        <source>read the library&apos;s size</source>
        <translation>die Größe der Bibliothek lesen</translation>
    </message>
    <message>
        <source>index the playlist entries</source>
        <translation>die Playlist-Einträge indizieren</translation>
    </message>
</context>
<context>
    <name>encore::libraryremoval</name>
    <message>
        <source>remove the playlists</source>
        <translation>die Playlists entfernen</translation>
    </message>
    <message>
        <source>The library holds none of those playlists.</source>
        <translation>Die Bibliothek enthält keine dieser Playlists.</translation>
    </message>
    <message>
        <source>put the playlists back</source>
        <translation>die Playlists wiederherstellen</translation>
    </message>
    <message>
        <source>That removal can no longer be undone.</source>
        <translation>Dieses Entfernen lässt sich nicht mehr rückgängig machen.</translation>
    </message>
    <message>
        <source>forget the removed playlists</source>
        <translation>die entfernten Playlists vergessen</translation>
    </message>
</context>
<context>
    <name>encore::loopbackreceiver</name>
    <message>
        <source>Sign-in timed out: the browser did not come back to Encore within %1.</source>
        <translation>Zeitüberschreitung bei der Anmeldung: Der Browser ist nicht innerhalb von %1 zu Encore zurückgekehrt.</translation>
    </message>
    <message>
        <source>Port %1 is already in use by another program: choose another port and add http://127.0.0.1:PORT/callback with it to the redirect URIs of your Spotify app.</source>
        <translation>Port %1 wird bereits von einem anderen Programm verwendet: Wählen Sie einen anderen Port und tragen Sie http://127.0.0.1:PORT/callback damit bei den Weiterleitungs-URIs Ihrer Spotify-App ein.</translation>
    </message>
    <message>
        <source>Encore could not wait for the browser on 127.0.0.1 port %1 (%2).</source>
        <translation>Encore konnte auf 127.0.0.1 Port %1 nicht auf den Browser warten (%2).</translation>
    </message>
    <message>
        <source>no code</source>
        <translation>kein Code</translation>
    </message>
    <message>
        <source>1 second</source>
        <translation>1 Sekunde</translation>
    </message>
    <message numerus="yes">
        <source>%n seconds</source>
        <translation>
            <numerusform>%n Sekunde</numerusform>
            <numerusform>%n Sekunden</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>encore::main</name>
    <message>
        <source>Show the Open catalog dialog.</source>
        <translation>Den Dialog „Katalog öffnen“ zeigen.</translation>
    </message>
    <message>
        <source>Download and import the starter catalog.</source>
        <translation>Den Startkatalog herunterladen und importieren.</translation>
    </message>
    <message>
        <source>Finds what to play next. Opens the library with the playlist and seed of the last run.</source>
        <translation>Findet, was als Nächstes laufen soll. Öffnet die Bibliothek mit der Playlist und dem Ausgangssong des letzten Starts.</translation>
    </message>
    <message>
        <source>Catalog files (.csv or .csv.gz) to import, one after the other.</source>
        <translation>Katalogdateien (.csv oder .csv.gz), die nacheinander importiert werden.</translation>
    </message>
    <message>
        <source>[FILE...]</source>
        <extracomment>The placeholder for file names in the usage line</extracomment>
        <translation>[DATEI …]</translation>
    </message>
</context>
<context>
    <name>encore::millionplaylist</name>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>Playlist %1</source>
        <translation>Playlist %1</translation>
    </message>
    <message>
        <source>Playlist %1 (&quot;%2&quot;)</source>
        <translation>Playlist %1 („%2“)</translation>
    </message>
    <message>
        <source>%1 is not a playlist: %2</source>
        <translation>%1 ist keine Playlist: %2</translation>
    </message>
    <message>
        <source>%1 has no pid (its number in the collection): %2</source>
        <translation>%1 hat keine pid (ihre Nummer in der Sammlung): %2</translation>
    </message>
    <message>
        <source>%1 repeats pid %2; the first playlist with it was kept</source>
        <translation>%1 wiederholt pid %2; die erste Playlist damit wurde behalten</translation>
    </message>
    <message>
        <source>%1 has no tracks that could be read</source>
        <translation>%1 hat keine lesbaren Titel</translation>
    </message>
    <message>
        <source>%1, track %2</source>
        <translation>%1, Titel %2</translation>
    </message>
    <message>
        <source>%1: not a Spotify track: %2</source>
        <translation>%1: kein Spotify-Titel: %2</translation>
    </message>
    <message>
        <source>%1: duration_ms is not a length: %2</source>
        <translation>%1: duration_ms ist keine Länge: %2</translation>
    </message>
    <message>
        <source>The folder %1 holds no playlist slice files (such as mpd.slice.0-999.json).</source>
        <translation>Der Ordner %1 enthält keine Playlist-Teildateien (wie mpd.slice.0-999.json).</translation>
    </message>
    <message>
        <source>%1 is not valid JSON: %2 at byte %3.</source>
        <translation>%1 ist kein gültiges JSON: %2 bei Byte %3.</translation>
    </message>
    <message>
        <source>%1 is not a playlist slice: it has no &quot;playlists&quot; list (see mpd.slice.0-999.json).</source>
        <translation>%1 ist keine Playlist-Teildatei: Sie hat keine Liste „playlists“ (siehe mpd.slice.0-999.json).</translation>
    </message>
</context>
<context>
    <name>encore::playlistsaving</name>
    <message>
        <source>Encore: more like </source>
        <translation>Encore: mehr wie </translation>
    </message>
    <message>
        <source>Encore: like </source>
        <translation>Encore: wie </translation>
    </message>
    <message>
        <source>“%1”, saved from Encore.</source>
        <translation>„%1“, gespeichert aus Encore.</translation>
    </message>
    <message>
        <source>Songs like the playlist “%1”, found by Encore%2.</source>
        <translation>Songs wie die Playlist „%1“, gefunden von Encore%2.</translation>
    </message>
    <message>
        <source>Songs like “%1”%2, found by Encore%3.</source>
        <translation>Songs wie „%1“%2, gefunden von Encore%3.</translation>
    </message>
</context>
<context>
    <name>encore::reccobeatsprovider</name>
    <message>
        <source>ReccoBeats sent audio features Encore cannot read.</source>
        <translation>ReccoBeats hat Audiomerkmale geschickt, die Encore nicht lesen kann.</translation>
    </message>
    <message>
        <source>Asking ReccoBeats</source>
        <translation>ReccoBeats wird gefragt</translation>
    </message>
</context>
<context>
    <name>encore::recommender</name>
    <message>
        <source>That playlist is not in this library.</source>
        <translation>Diese Playlist ist nicht in dieser Bibliothek.</translation>
    </message>
    <message>
        <source>The seed track is not in this library.</source>
        <translation>Der Ausgangssong ist nicht in dieser Bibliothek.</translation>
    </message>
    <message>
        <source>This track</source>
        <translation>Dieser Titel</translation>
    </message>
    <message>
        <source>%1 has no audio features, so it cannot be used as a seed.</source>
        <translation>%1 hat keine Audiomerkmale und kann daher nicht als Ausgangssong dienen.</translation>
    </message>
    <message>
        <source>That ranking method does not exist.</source>
        <translation>Diese Rangfolge-Methode gibt es nicht.</translation>
    </message>
    <message>
        <source>“%1” has no songs, so it cannot be used as a seed.</source>
        <translation>„%1“ enthält keine Songs und kann daher nicht als Ausgangspunkt dienen.</translation>
    </message>
    <message>
        <source>%1 lacks some audio features, and the tutorial method needs all eleven: choose the content or hybrid method.</source>
        <translation>%1 fehlen einige Audiomerkmale, die Tutorial-Methode braucht aber alle elf: Wählen Sie die Inhalts- oder die Hybrid-Methode.</translation>
    </message>
</context>
<context>
    <name>encore::secretstore</name>
    <message>
        <source>No saved sign-in was found in the keychain.</source>
        <translation>Im Schlüsselbund wurde keine gespeicherte Anmeldung gefunden.</translation>
    </message>
    <message>
        <source>Access to the keychain was refused.</source>
        <translation>Der Zugriff auf den Schlüsselbund wurde verweigert.</translation>
    </message>
    <message>
        <source>The keychain could not be used: %1</source>
        <translation>Der Schlüsselbund konnte nicht verwendet werden: %1</translation>
    </message>
    <message>
        <source>No sign-in has been saved in this session.</source>
        <translation>In dieser Sitzung wurde keine Anmeldung gespeichert.</translation>
    </message>
</context>
<context>
    <name>encore::serviceclient</name>
    <message>
        <source>%1 sent a larger answer than expected.</source>
        <translation>%1 hat eine größere Antwort als erwartet geschickt.</translation>
    </message>
    <message>
        <source>%1 did not answer in time.</source>
        <translation>%1 hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>%1 could not be reached.</source>
        <translation>%1 war nicht erreichbar.</translation>
    </message>
    <message>
        <source>%1 asks Encore to slow down; try again later.</source>
        <translation>%1 bittet Encore, langsamer zu machen; versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>%1 answered with HTTP status %2.</source>
        <translation>%1 antwortete mit HTTP-Status %2.</translation>
    </message>
    <message>
        <source> or </source>
        <translation> oder </translation>
    </message>
    <message>
        <source>Can&apos;t reach %1 — are you offline?</source>
        <translation>%1 ist nicht erreichbar – sind Sie offline?</translation>
    </message>
    <message>
        <source>%1 is limiting requests; try again in a few minutes.</source>
        <translation>%1 begrenzt die Anfragen; versuchen Sie es in ein paar Minuten erneut.</translation>
    </message>
    <message>
        <source>%1 are limiting requests; try again in a few minutes.</source>
        <translation>%1 begrenzen die Anfragen; versuchen Sie es in ein paar Minuten erneut.</translation>
    </message>
    <message>
        <source>%1 sent an answer Encore cannot read.</source>
        <translation>%1 hat eine Antwort geschickt, die Encore nicht lesen kann.</translation>
    </message>
</context>
<context>
    <name>encore::spotifyaccount</name>
    <message>
        <source>Not signed in to Spotify.</source>
        <translation>Nicht bei Spotify angemeldet.</translation>
    </message>
    <message>
        <source>Spotify refused to say who signed in: add your Spotify account under User Management of your app in the Spotify developer dashboard, then sign in again.</source>
        <translation>Spotify wollte nicht sagen, wer sich angemeldet hat: Fügen Sie Ihr Spotify-Konto unter „User Management“ Ihrer App im Spotify-Entwickler-Dashboard hinzu und melden Sie sich dann erneut an.</translation>
    </message>
    <message>
        <source>Your Spotify sign-in has expired or was revoked: please sign in again.</source>
        <translation>Ihre Spotify-Anmeldung ist abgelaufen oder wurde widerrufen: Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Spotify sent no refresh token: your sign-in will not be remembered.</source>
        <translation>Spotify hat kein Refresh-Token geschickt: Ihre Anmeldung wird nicht gespeichert.</translation>
    </message>
    <message>
        <source> Your Spotify sign-in will not be remembered.</source>
        <translation> Ihre Spotify-Anmeldung wird nicht gespeichert.</translation>
    </message>
</context>
<context>
    <name>encore::spotifyauth</name>
    <message>
        <source>unknown error</source>
        <translation>unbekannter Fehler</translation>
    </message>
    <message>
        <source>Encore needs the client ID of your Spotify app before you can sign in.</source>
        <translation>Encore braucht die Client-ID Ihrer Spotify-App, bevor Sie sich anmelden können.</translation>
    </message>
    <message>
        <source>The answer from the browser did not match the sign-in Encore started, so it was ignored; please sign in again.</source>
        <translation>Die Antwort des Browsers passte nicht zur Anmeldung, die Encore begonnen hat, und wurde daher ignoriert; bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>You declined to give Encore access to your Spotify account, so you are not signed in.</source>
        <translation>Sie haben Encore den Zugriff auf Ihr Spotify-Konto verweigert; daher sind Sie nicht angemeldet.</translation>
    </message>
    <message>
        <source>Spotify could not complete the sign-in (%1); please try again.</source>
        <translation>Spotify konnte die Anmeldung nicht abschließen (%1); bitte versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Spotify&apos;s answer had no sign-in code; please try again.</source>
        <translation>Die Antwort von Spotify enthielt keinen Anmeldecode; bitte versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Spotify&apos;s sign-in service did not answer within %1.</source>
        <translation>Der Anmeldedienst von Spotify hat nicht innerhalb von %1 geantwortet.</translation>
    </message>
    <message>
        <source>Encore could not reach Spotify&apos;s sign-in service (%1).</source>
        <translation>Encore konnte den Anmeldedienst von Spotify nicht erreichen (%1).</translation>
    </message>
    <message>
        <source>Your Spotify sign-in is no longer valid; please sign in again.</source>
        <translation>Ihre Spotify-Anmeldung ist nicht mehr gültig; bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Spotify did not accept the sign-in code; please sign in again.</source>
        <translation>Spotify hat den Anmeldecode nicht akzeptiert; bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Spotify does not accept Encore&apos;s client ID; check the client ID of your Spotify app in the settings.</source>
        <translation>Spotify akzeptiert die Client-ID von Encore nicht; prüfen Sie die Client-ID Ihrer Spotify-App in den Einstellungen.</translation>
    </message>
    <message>
        <source>Spotify&apos;s sign-in service is busy (too many requests); please try again in a minute.</source>
        <translation>Der Anmeldedienst von Spotify ist ausgelastet (zu viele Anfragen); bitte versuchen Sie es in einer Minute erneut.</translation>
    </message>
    <message>
        <source>Spotify&apos;s sign-in service is having trouble (HTTP %1); please try again later.</source>
        <translation>Der Anmeldedienst von Spotify hat Probleme (HTTP %1); bitte versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>Spotify&apos;s sign-in service refused the request (HTTP %1%2).</source>
        <translation>Der Anmeldedienst von Spotify hat die Anfrage abgelehnt (HTTP %1%2).</translation>
    </message>
    <message>
        <source>Spotify&apos;s sign-in service sent an answer Encore could not read.</source>
        <translation>Der Anmeldedienst von Spotify hat eine Antwort geschickt, die Encore nicht lesen konnte.</translation>
    </message>
    <message>
        <source>Encore is not signed in to Spotify; please sign in.</source>
        <translation>Encore ist nicht bei Spotify angemeldet; bitte melden Sie sich an.</translation>
    </message>
    <message>
        <source>1 second</source>
        <translation>1 Sekunde</translation>
    </message>
    <message numerus="yes">
        <source>%n seconds</source>
        <translation>
            <numerusform>%n Sekunde</numerusform>
            <numerusform>%n Sekunden</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>encore::spotifyclient</name>
    <message>
        <source>Spotify sent a paging link outside its API address; Encore did not follow it.</source>
        <translation>Spotify hat einen Seitenlink außerhalb seiner API-Adresse geschickt; Encore ist ihm nicht gefolgt.</translation>
    </message>
    <message>
        <source>Spotify did not answer in time; check your internet connection and try again.</source>
        <translation>Spotify hat nicht rechtzeitig geantwortet; prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The Spotify request was cancelled.</source>
        <translation>Die Spotify-Anfrage wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Spotify&apos;s list of playlists does not end.</source>
        <translation>Die Playlist-Liste von Spotify endet nicht.</translation>
    </message>
    <message>
        <source>Spotify could not find this playlist; its own editorial and personalised playlists cannot be read by apps.</source>
        <translation>Spotify konnte diese Playlist nicht finden; Spotifys eigene redaktionelle und personalisierte Playlists können Apps nicht lesen.</translation>
    </message>
    <message>
        <source>Spotify gives the audio features of 1 to %1 tracks at a time.</source>
        <translation>Spotify liefert die Audiomerkmale von 1 bis %1 Titeln auf einmal.</translation>
    </message>
    <message>
        <source>Spotify sent an answer Encore cannot read; try again later.</source>
        <translation>Spotify hat eine Antwort geschickt, die Encore nicht lesen kann; versuchen Sie es später erneut.</translation>
    </message>
</context>
<context>
    <name>encore::spotifyendpoints</name>
    <message>
        <source>%1 is not a valid web address: &quot;%2&quot;.</source>
        <translation>%1 ist keine gültige Webadresse: „%2“.</translation>
    </message>
    <message>
        <source>%1 must use https; plain http is only allowed for this computer (127.0.0.1, ::1 or localhost), not for &quot;%2&quot;.</source>
        <translation>%1 muss https verwenden; einfaches http ist nur für diesen Computer erlaubt (127.0.0.1, ::1 oder localhost), nicht für „%2“.</translation>
    </message>
    <message>
        <source>%1 must be an https address, not &quot;%2&quot;.</source>
        <translation>%1 muss eine https-Adresse sein, nicht „%2“.</translation>
    </message>
</context>
<context>
    <name>encore::spotifyfeatureprovider</name>
    <message>
        <source>Asking Spotify</source>
        <translation>Spotify wird gefragt</translation>
    </message>
</context>
<context>
    <name>encore::spotifyjson</name>
    <message>
        <source>Spotify sent %1 that Encore could not read.</source>
        <translation>Spotify hat %1 geschickt, die Encore nicht lesen konnte.</translation>
    </message>
    <message>
        <source>Spotify only gives apps the tracks of playlists you own or collaborate on.</source>
        <translation>Spotify gibt Apps nur die Titel von Playlists, die Ihnen gehören oder an denen Sie mitarbeiten.</translation>
    </message>
    <message>
        <source>an account description</source>
        <translation>eine Kontobeschreibung</translation>
    </message>
    <message>
        <source>a playlist</source>
        <translation>eine Playlist</translation>
    </message>
    <message>
        <source>a list of playlists</source>
        <translation>eine Liste von Playlists</translation>
    </message>
    <message>
        <source>a page of playlist items</source>
        <translation>eine Seite mit Playlist-Einträgen</translation>
    </message>
    <message>
        <source>Spotify sent a podcast episode where a song was expected.</source>
        <translation>Spotify hat eine Podcast-Folge geschickt, wo ein Song erwartet wurde.</translation>
    </message>
    <message>
        <source>Spotify sent a local file where a song was expected.</source>
        <translation>Spotify hat eine lokale Datei geschickt, wo ein Song erwartet wurde.</translation>
    </message>
    <message>
        <source>a track</source>
        <translation>einen Titel</translation>
    </message>
    <message>
        <source>a list of tracks</source>
        <translation>eine Liste von Titeln</translation>
    </message>
    <message>
        <source>search results</source>
        <translation>Suchergebnisse</translation>
    </message>
    <message>
        <source>the playlist&apos;s new version</source>
        <translation>die neue Version der Playlist</translation>
    </message>
    <message>
        <source>audio features</source>
        <translation>Audiomerkmale</translation>
    </message>
    <message>
        <source>Your Spotify sign-in is no longer valid; please sign in again.</source>
        <translation>Ihre Spotify-Anmeldung ist nicht mehr gültig; bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Spotify does not accept this app&apos;s client ID; check it in the Spotify settings.</source>
        <translation>Spotify akzeptiert die Client-ID dieser App nicht; prüfen Sie sie in den Spotify-Einstellungen.</translation>
    </message>
    <message>
        <source>Spotify refused the sign-in</source>
        <translation>Spotify hat die Anmeldung abgelehnt</translation>
    </message>
    <message>
        <source>Spotify refused the sign-in; please try signing in again.</source>
        <translation>Spotify hat die Anmeldung abgelehnt; bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Encore could not reach Spotify; check your internet connection.</source>
        <translation>Encore konnte Spotify nicht erreichen; prüfen Sie Ihre Internetverbindung.</translation>
    </message>
    <message>
        <source>Your Spotify sign-in has expired; please sign in again.</source>
        <translation>Ihre Spotify-Anmeldung ist abgelaufen; bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Spotify refused this request</source>
        <translation>Spotify hat diese Anfrage abgelehnt</translation>
    </message>
    <message>
        <source>Spotify refused this request; this app is not allowed to read it.</source>
        <translation>Spotify hat diese Anfrage abgelehnt; diese App darf das nicht lesen.</translation>
    </message>
    <message>
        <source>Spotify could not find this; it may have been removed, or be one of Spotify&apos;s own playlists, which apps cannot read.</source>
        <translation>Spotify konnte dies nicht finden; es wurde vielleicht entfernt oder ist eine von Spotifys eigenen Playlists, die Apps nicht lesen können.</translation>
    </message>
    <message>
        <source>This Spotify app has used up its daily developer quota; try again tomorrow or use another app.</source>
        <translation>Diese Spotify-App hat ihr tägliches Entwicklerkontingent aufgebraucht; versuchen Sie es morgen erneut oder verwenden Sie eine andere App.</translation>
    </message>
    <message>
        <source>Spotify is limiting how often this app may ask; try again in a minute.</source>
        <translation>Spotify begrenzt, wie oft diese App fragen darf; versuchen Sie es in einer Minute erneut.</translation>
    </message>
    <message>
        <source>Spotify is not answering properly at the moment; try again later.</source>
        <translation>Spotify antwortet gerade nicht richtig; versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>Spotify refused this request.</source>
        <translation>Spotify hat diese Anfrage abgelehnt.</translation>
    </message>
    <message>
        <source>an answer</source>
        <translation>eine Antwort</translation>
    </message>
</context>
<context>
    <name>encore::spotifysave</name>
    <message>
        <source>Your Spotify sign-in does not let Encore change playlists; sign in again to allow it.</source>
        <translation>Ihre Spotify-Anmeldung erlaubt Encore nicht, Playlists zu ändern; melden Sie sich erneut an, um es zu erlauben.</translation>
    </message>
    <message>
        <source>Spotify refused to make the playlist; your account may not be on this Spotify app&apos;s list of users.</source>
        <translation>Spotify hat das Anlegen der Playlist abgelehnt; Ihr Konto steht vielleicht nicht auf der Benutzerliste dieser Spotify-App.</translation>
    </message>
    <message>
        <source>Spotify refused to change this playlist; you may no longer own it or collaborate on it.</source>
        <translation>Spotify hat das Ändern dieser Playlist abgelehnt; vielleicht gehört sie Ihnen nicht mehr oder Sie arbeiten nicht mehr daran mit.</translation>
    </message>
    <message>
        <source>Spotify could not find this playlist; it may have been deleted.</source>
        <translation>Spotify konnte diese Playlist nicht finden; vielleicht wurde sie gelöscht.</translation>
    </message>
    <message>
        <source>Spotify&apos;s answer did not say how long the playlist is.</source>
        <translation>Die Antwort von Spotify nannte nicht die Länge der Playlist.</translation>
    </message>
    <message>
        <source>The playlist changed in Spotify while Encore was adding to it; check it there.</source>
        <translation>Die Playlist hat sich in Spotify geändert, während Encore etwas hinzufügte; prüfen Sie sie dort.</translation>
    </message>
</context>
<context>
    <name>encore::startercatalog</name>
    <message>
        <source>Encore could not make a temporary file for the starter catalog: %1.</source>
        <translation>Encore konnte keine temporäre Datei für den Startkatalog anlegen: %1.</translation>
    </message>
    <message>
        <source>The download of the starter catalog was cancelled.</source>
        <translation>Der Download des Startkatalogs wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Encore could not save the starter catalog in %1: %2.</source>
        <translation>Encore konnte den Startkatalog nicht in %1 speichern: %2.</translation>
    </message>
    <message>
        <source>What %1 sent is not the starter catalog: it is larger than %2.</source>
        <translation>Was %1 geschickt hat, ist nicht der Startkatalog: Es ist größer als %2.</translation>
    </message>
    <message>
        <source>The starter catalog could not be downloaded: %1 answered %2.</source>
        <translation>Der Startkatalog konnte nicht heruntergeladen werden: %1 antwortete %2.</translation>
    </message>
    <message>
        <source>Encore can&apos;t reach %1 to download the starter catalog; are you offline?</source>
        <translation>Encore erreicht %1 nicht, um den Startkatalog herunterzuladen; sind Sie offline?</translation>
    </message>
    <message>
        <source>The download of the starter catalog from %1 broke off before the end (%2 received); try again.</source>
        <translation>Der Download des Startkatalogs von %1 brach vor dem Ende ab (%2 empfangen); versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>What %1 sent is not the starter catalog: %2.</source>
        <translation>Was %1 geschickt hat, ist nicht der Startkatalog: %2.</translation>
    </message>
    <message>
        <source>its first line is not the catalog&apos;s header row</source>
        <translation>die erste Zeile ist nicht die Kopfzeile des Katalogs</translation>
    </message>
    <message>
        <source>it is %1, the catalog about 8 MB</source>
        <translation>es hat %1, der Katalog etwa 8 MB</translation>
    </message>
    <message>
        <source>it has %1 rows, the catalog %2</source>
        <translation>es hat %1 Zeilen, der Katalog %2</translation>
    </message>
</context>
<context>
    <name>encore::uitext</name>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation>Katalog</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>Analyse</translation>
    </message>
    <message>
        <source>an imported catalog</source>
        <translation>ein importierter Katalog</translation>
    </message>
    <message>
        <source>on-device analysis of the preview</source>
        <translation>Analyse der Hörprobe auf diesem Gerät</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 und %2</translation>
    </message>
    <message>
        <source>%1, %2, %3 with features</source>
        <translation>%1, %2, %3 mit Merkmalen</translation>
    </message>
    <message>
        <source>track</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>tracks</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>playlist</source>
        <translation>Playlist</translation>
    </message>
    <message>
        <source>playlists</source>
        <translation>Playlists</translation>
    </message>
    <message>
        <source>This catalog is already in your library; nothing changed.</source>
        <translation>Dieser Katalog ist bereits in Ihrer Bibliothek; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Imported %1 in %2; %3 skipped.</source>
        <translation>%1 in %2 importiert; %3 übersprungen.</translation>
    </message>
    <message>
        <source>row</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… und %1 weitere</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(ohne Titel)</translation>
    </message>
    <message>
        <source>(unknown artist)</source>
        <translation>(unbekannter Interpret)</translation>
    </message>
    <message>
        <source>“%1” by %2</source>
        <translation>„%1“ von %2</translation>
    </message>
    <message>
        <source>%1 (%2 of %3)</source>
        <translation>%1 (%2 von %3)</translation>
    </message>
    <message>
        <source>No audio features, so this track is left out of ranking: it can&apos;t be a seed or a recommendation.</source>
        <translation>Keine Audiomerkmale, daher wird dieser Titel bei der Rangfolge ausgelassen: Er kann weder Ausgangssong noch Empfehlung sein.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Only %1 of %2 audio features are known (from %3), so this track is left out of ranking.</source>
        <translation>Nur %1 von %2 Audiomerkmalen sind bekannt (aus %3), daher wird dieser Titel bei der Rangfolge ausgelassen.</translation>
    </message>
    <message>
        <source>Features from %1</source>
        <translation>Merkmale aus %1</translation>
    </message>
    <message>
        <source>%1, none with audio features</source>
        <translation>%1, keiner mit Audiomerkmalen</translation>
    </message>
    <message>
        <source>catalog</source>
        <translation>Katalog</translation>
    </message>
    <message>
        <source>analysed</source>
        <translation>analysiert</translation>
    </message>
    <message>
        <source>mixed</source>
        <translation>gemischt</translation>
    </message>
    <message>
        <source>All %1 have features</source>
        <translation>Alle %1 haben Merkmale</translation>
    </message>
    <message>
        <source>%1 of %2 has features</source>
        <translation>%1 von %2 hat Merkmale</translation>
    </message>
    <message>
        <source>%1 of %2 have features</source>
        <translation>%1 von %2 haben Merkmale</translation>
    </message>
    <message>
        <source>1 track without audio features was left out.</source>
        <translation>1 Titel ohne Audiomerkmale wurde ausgelassen.</translation>
    </message>
    <message>
        <source>%1 tracks without audio features were left out.</source>
        <translation>%1 Titel ohne Audiomerkmale wurden ausgelassen.</translation>
    </message>
    <message>
        <source>This preview can&apos;t be played.</source>
        <translation>Diese Hörprobe kann nicht abgespielt werden.</translation>
    </message>
    <message>
        <source>This preview can&apos;t be played: %1.</source>
        <translation>Diese Hörprobe kann nicht abgespielt werden: %1.</translation>
    </message>
    <message>
        <source>%1: %2 of %3</source>
        <translation>%1: %2 von %3</translation>
    </message>
    <message>
        <source>Importing %1</source>
        <translation>%1 wird importiert</translation>
    </message>
    <message>
        <source>Downloading the starter catalog</source>
        <translation>Der Startkatalog wird heruntergeladen</translation>
    </message>
    <message>
        <source>Reading “%1”: %2</source>
        <translation>„%1“ wird eingelesen: %2</translation>
    </message>
    <message>
        <source>Reading “%1”: %2 of %3</source>
        <translation>„%1“ wird eingelesen: %2 von %3</translation>
    </message>
    <message>
        <source>Read %1 from “%2”.</source>
        <translation>%1 aus „%2“ eingelesen.</translation>
    </message>
    <message>
        <source>episode</source>
        <translation>Folge</translation>
    </message>
    <message>
        <source>episodes</source>
        <translation>Folgen</translation>
    </message>
    <message>
        <source>local file</source>
        <translation>lokale Datei</translation>
    </message>
    <message>
        <source>local files</source>
        <translation>lokale Dateien</translation>
    </message>
    <message>
        <source>unavailable entry</source>
        <translation>nicht verfügbarer Eintrag</translation>
    </message>
    <message>
        <source>unavailable entries</source>
        <translation>nicht verfügbare Einträge</translation>
    </message>
    <message>
        <source>%1 Skipped %2.</source>
        <translation>%1 Übersprungen: %2.</translation>
    </message>
    <message>
        <source>Audio features: %1, %2 of %3</source>
        <translation>Audiomerkmale: %1, %2 von %3</translation>
    </message>
    <message>
        <source>Every track already has audio features.</source>
        <translation>Jeder Titel hat bereits Audiomerkmale.</translation>
    </message>
    <message>
        <source>the track without them</source>
        <translation>den Titel ohne sie</translation>
    </message>
    <message>
        <source>the %1 tracks without them</source>
        <translation>die %1 Titel ohne sie</translation>
    </message>
    <message>
        <source>Found audio features for %1.</source>
        <translation>Audiomerkmale für %1 gefunden.</translation>
    </message>
    <message>
        <source>Found audio features for %1 of %2. %3</source>
        <translation>Audiomerkmale für %1 von %2 gefunden. %3</translation>
    </message>
    <message>
        <source>No audio features found for %1.</source>
        <translation>Keine Audiomerkmale für %1 gefunden.</translation>
    </message>
    <message>
        <source>Found audio features for %1 of %2; %3 still %4 none.</source>
        <translation>Audiomerkmale für %1 von %2 gefunden; %3 %4 noch keine.</translation>
    </message>
    <message>
        <source>has</source>
        <translation>hat</translation>
    </message>
    <message>
        <source>have</source>
        <translation>haben</translation>
    </message>
    <message>
        <source>The playlist “%1” now has %2 instead of %3: the skipped rows are not in it.</source>
        <translation>Die Playlist „%1“ hat jetzt %2 statt %3: Die übersprungenen Zeilen fehlen darin.</translation>
    </message>
    <message>
        <source>In %1, values out of range were left unknown.</source>
        <translation>In %1 blieben Werte außerhalb des Bereichs unbekannt.</translation>
    </message>
    <message>
        <source>Discovering songs like “%1”…</source>
        <translation>Entdecke Songs wie „%1“ …</translation>
    </message>
    <message>
        <source>Waiting %1 s for %2&apos;s rate limit…</source>
        <translation>Warte %1 s auf das Anfragelimit von %2 …</translation>
    </message>
    <message>
        <source>Stopped discovering.</source>
        <translation>Entdecken beendet.</translation>
    </message>
    <message>
        <source>Stopped discovering; the song found is kept.</source>
        <translation>Entdecken beendet; der gefundene Song bleibt erhalten.</translation>
    </message>
    <message>
        <source>Stopped discovering; the %1 songs found are kept.</source>
        <translation>Entdecken beendet; die %1 gefundenen Songs bleiben erhalten.</translation>
    </message>
    <message>
        <source>Found %1 like “%2”.</source>
        <translation>%1 wie „%2“ gefunden.</translation>
    </message>
    <message>
        <source>song</source>
        <translation>Song</translation>
    </message>
    <message>
        <source>songs</source>
        <translation>Songs</translation>
    </message>
    <message>
        <source>No service knows songs like “%1”.</source>
        <translation>Kein Dienst kennt Songs wie „%1“.</translation>
    </message>
    <message>
        <source>1 track missing some audio features was left out: the tutorial method needs all eleven.</source>
        <translation>1 Titel, dem Audiomerkmale fehlen, wurde ausgelassen: Die Tutorial-Methode braucht alle elf.</translation>
    </message>
    <message>
        <source>%1 tracks missing some audio features were left out: the tutorial method needs all eleven.</source>
        <translation>%1 Titel, denen Audiomerkmale fehlen, wurden ausgelassen: Die Tutorial-Methode braucht alle elf.</translation>
    </message>
    <message>
        <source>Spotify knows %1 of %2.</source>
        <translation>Spotify kennt %1 von %2.</translation>
    </message>
    <message>
        <source>new song</source>
        <translation>neuem Song</translation>
    </message>
    <message>
        <source>new songs</source>
        <translation>neuen Songs</translation>
    </message>
    <message>
        <source>%1 not searched for: today&apos;s Spotify searches are used up.</source>
        <translation>%1 nicht gesucht: Die heutigen Spotify-Suchen sind aufgebraucht.</translation>
    </message>
    <message>
        <source>%1 done</source>
        <translation>%1 fertig</translation>
    </message>
    <message>
        <source>%1 %2 of %3</source>
        <translation>%1 %2 von %3</translation>
    </message>
    <message>
        <source>Discovering songs like “%1”: %2</source>
        <translation>Entdecke Songs wie „%1“: %2</translation>
    </message>
    <message>
        <source>Stopped after %1 of %2 slice files; open the collection again to import the rest.</source>
        <translation>Nach %1 von %2 Teildateien angehalten; öffnen Sie die Sammlung erneut, um den Rest zu importieren.</translation>
    </message>
    <message>
        <source>Playlists can be removed once the import has saved your library.</source>
        <translation>Playlists lassen sich entfernen, sobald der Import Ihre Bibliothek gespeichert hat.</translation>
    </message>
    <message>
        <source>Likes and dislikes can be kept once the import has saved your library; this one was not kept.</source>
        <translation>Likes und Dislikes lassen sich behalten, sobald der Import Ihre Bibliothek gespeichert hat; dieser wurde nicht behalten.</translation>
    </message>
</context>
</TS>
