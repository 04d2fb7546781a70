#pragma once

#include "catalog/catalog.h"
#include "export/tracklist.h"

#include <QByteArrayView>
#include <QFile>
#include <QIODevice>
#include <QString>
#include <QTextStream>

#include <cstdio>
#include <vector>

namespace encore::cli {

// Passes UTF-8 text on to `target` with every control character escaped but the line feed and
// the tab: C0 and DEL as \xHH, C1 as \u00HH. Text from data (a title holding ESC ] 0; … BEL,
// say) then cannot retitle, clear or otherwise drive the user's terminal. Every stream of
// encore-cli writes through one.
class EscapingDevice : public QIODevice {
public:
    explicit EscapingDevice(FILE *target);
    // Writes `control` as it is: for the CLI's own progress lines, which redraw themselves.
    void writeControl(QByteArrayView control);

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *data, qint64 size) override;

private:
    QFile m_target;
    bool m_afterC2 = false;  // the last byte given was 0xC2, which leads every C1 control
};

// Returns the terminal to the start of an empty line: a progress line redraws itself so.
void restartLine(QTextStream &stream);

// `text` on one line: every control character escaped as EscapingDevice does, the line feed
// and the tab too.
QString oneLine(const QString &text);

// 28356 → "28,356", whatever the machine's locale, so output is stable for scripts.
QString formatCount(qint64 count);
// formatCount plus the noun: "1 track", "28,356 tracks".
QString countOf(qint64 count, const QString &singular, const QString &plural);

// An aligned table: rank, score, title, artists, track id, and why.
QString trackListTable(const TrackList &list);

}  // namespace encore::cli
