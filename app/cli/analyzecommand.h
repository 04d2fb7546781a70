#pragma once

#include "commands.h"

#include <QStringList>

namespace encore::cli {

// `encore-cli analyze AUDIO_FILE [--json]`: decodes a local audio file (any format QAudioDecoder
// reads: WAV, MP3, ...) and prints the eleven features that on-device analysis estimates, with how
// sure it is of the tempo and the key. `--json` prints an object keyed by the feature names.
// ExitFailure when the file cannot be read, decoded or analysed.
int runAnalyze(const QStringList &arguments, Streams io);

}  // namespace encore::cli
