// encore-fake-spotify: the fake Spotify accounts service and Web API as a process of their own,
// for trying the real `encore` and `encore-cli` against them by hand and for the screenshots.
// Prints the two environment variables that point Encore at them, then serves until killed.
#include "fakespotify.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <chrono>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Serves a fake Spotify on 127.0.0.1 and prints the ENCORE_SPOTIFY_ACCOUNTS_URL and\n"
                       "ENCORE_SPOTIFY_API_URL settings that lead Encore to it."));
    parser.addHelpOption();
    const QCommandLineOption clientId(QStringLiteral("client-id"), QStringLiteral("The Client ID the fake accepts."),
                                      QStringLiteral("ID"), encore::test::FakeSpotifyAccounts::defaultClientId());
    const QCommandLineOption data(QStringLiteral("data"), QStringLiteral("The recorded Web API answers."),
                                  QStringLiteral("DIR"), QStringLiteral(ENCORE_SHARED_DATA "/spotify-api"));
    const QCommandLineOption latency(QStringLiteral("latency"),
                                     QStringLiteral("Milliseconds added to every API answer."), QStringLiteral("MS"),
                                     QStringLiteral("0"));
    parser.addOptions({clientId, data, latency});
    parser.process(app);

    encore::test::FakeSpotify spotify(parser.value(clientId), parser.value(data));
    spotify.api.setLatency(std::chrono::milliseconds(parser.value(latency).toInt()));
    QTextStream out(stdout);
    if (const QString failure = spotify.start(); !failure.isEmpty()) {
        QTextStream(stderr) << failure << '\n';
        return 1;
    }
    out << "ENCORE_SPOTIFY_ACCOUNTS_URL=" << spotify.accounts.baseUrl().toString() << '\n'
        << "ENCORE_SPOTIFY_API_URL=" << spotify.api.baseUrl().toString() << '\n';
    out.flush();
    return QCoreApplication::exec();
}
