#pragma once

// Answers as ReccoBeats and Deezer give them, for the readers' tests. Kept out of the test's
// source because moc misreads "//" inside a raw string that spans lines.

#include <QByteArray>

namespace encore::test::answers {

inline QByteArray reccoBeatsRecommendation()
{
    return R"({"content":[
        {"id":"9c2a","trackTitle":"Valerie","artists":[{"id":"a1","name":"Amy Winehouse","href":"x"},
         {"id":"a2","name":"Mark Ronson","href":"y"}],"durationMs":219000,"isrc":"gbarl0700584",
         "href":"https://open.spotify.com/track/4pAnwHrE5AP5HQzTnU3ddY","popularity":71},
        {"id":"9c2b","trackTitle":"No Spotify id","artists":[{"name":"Someone"}],"href":"https://example.org/x"},
        {"id":"9c2c","trackTitle":"","artists":[{"name":"Nameless"}]},
        {"id":"9c2d","trackTitle":"No artist","artists":[]}
    ]})";
}

inline QByteArray deezerTrack()
{
    return R"({"id":3135556,"title":"Harder, Better, Faster, Stronger",
        "isrc":"GBDUW0000059","duration":224,"rank":956167,"bpm":123.4,"gain":-12.4,
        "preview":"https://cdns-preview.example/abc.mp3?hdnea=exp=1",
        "contributors":[{"id":27,"name":"Daft Punk","role":"Main"}],
        "artist":{"id":27,"name":"Daft Punk"},
        "album":{"id":302127,"title":"Discovery","cover_medium":"https://e-cdns-images.example/cover/250x250.jpg"}})";
}

inline QByteArray deezerArtistTop()
{
    return R"({"data":[
        {"id":1109731,"title":"Rehab","duration":215,"rank":800000,
         "artist":{"id":1280,"name":"Amy Winehouse"},"album":{"title":"Back To Black","cover_medium":"not a url"}},
        {"id":0,"title":"No id","artist":{"name":"X"}},
        {"id":5,"title":"No artist"}
        ],"total":3,"next":"https://api.example/artist/1280/top?index=3"})";
}

}  // namespace encore::test::answers
